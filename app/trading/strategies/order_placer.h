#pragma once

#include "trading/strategy/strategy.h"

#include <optional>

namespace hoga {

// Turns a strategy's wish into an order the market's rules accept (price on the tick, quantity on the step)
// and places it. An order the rules would still refuse (below the minimum total, ...) is not sent: the
// reason goes to the bot's log instead. Returns the client id of a placed order.
class OrderPlacer {
public:
    // Market buy spending `value` of the quote currency.
    static std::optional<QString> buyForValue(StrategyContext& context, const Decimal& value,
                                              const std::optional<Decimal>& referencePrice,
                                              const QString& tag);
    // Market sell of `qty` rounded down to the step; `referencePrice` checks the minimum total.
    static std::optional<QString> sellQuantity(StrategyContext& context, const Decimal& qty,
                                               const std::optional<Decimal>& referencePrice,
                                               const QString& tag);
    // Limit order: buys rounded down to the tick, sells up; quantity rounded down to the step.
    static std::optional<QString> limit(StrategyContext& context, Side side, const Decimal& price,
                                        const Decimal& qty, const QString& tag);

    static Decimal priceOnTick(const TradingRules& rules, const Decimal& price, Rounding mode);
    static Decimal qtyOnStep(const TradingRules& rules, const Decimal& qty); // rounded down
    // The bot's holding rounded down to the step: what a sell can actually sell.
    static Decimal sellableQty(const StrategyContext& context);

private:
    static std::optional<QString> place(StrategyContext& context, const OrderIntent& intent,
                                        const std::optional<Decimal>& referencePrice);
};

} // namespace hoga
