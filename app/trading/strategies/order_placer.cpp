#include "order_placer.h"

#include "core/order_validator.h"

#include <QCoreApplication>

namespace hoga {

Decimal OrderPlacer::priceOnTick(const TradingRules& rules, const Decimal& price, Rounding mode) {
    const Decimal tick = rules.tickFor(price);
    if (!tick.isPositive())
        return price;
    const Decimal rounded = price.roundToStep(tick, mode);
    // Rounding up may cross into a band with a coarser tick; land on that band's tick too.
    const Decimal bandTick = rules.tickFor(rounded);
    return rounded.isMultipleOf(bandTick) ? rounded : rounded.roundToStep(bandTick, mode);
}

Decimal OrderPlacer::qtyOnStep(const TradingRules& rules, const Decimal& qty) {
    return rules.qtyStep.isPositive() ? qty.roundToStep(rules.qtyStep, Rounding::Down) : qty;
}

Decimal OrderPlacer::sellableQty(const StrategyContext& context) {
    const Decimal held = context.position().qty;
    return held.isPositive() ? qtyOnStep(context.market().rules, held) : Decimal();
}

std::optional<QString> OrderPlacer::buyForValue(StrategyContext& context, const Decimal& value,
                                                const std::optional<Decimal>& referencePrice,
                                                const QString& tag) {
    OrderIntent intent;
    intent.side = Side::Buy;
    intent.type = OrderType::Market;
    intent.total = value;
    intent.tag = tag;
    return place(context, intent, referencePrice);
}

std::optional<QString> OrderPlacer::sellQuantity(StrategyContext& context, const Decimal& qty,
                                                 const std::optional<Decimal>& referencePrice,
                                                 const QString& tag) {
    OrderIntent intent;
    intent.side = Side::Sell;
    intent.type = OrderType::Market;
    intent.qty = qtyOnStep(context.market().rules, qty);
    intent.tag = tag;
    return place(context, intent, referencePrice);
}

std::optional<QString> OrderPlacer::limit(StrategyContext& context, Side side, const Decimal& price,
                                          const Decimal& qty, const QString& tag) {
    const TradingRules& rules = context.market().rules;
    OrderIntent intent;
    intent.side = side;
    intent.type = OrderType::Limit;
    intent.price = priceOnTick(rules, price, side == Side::Buy ? Rounding::Down : Rounding::Up);
    intent.qty = qtyOnStep(rules, qty);
    intent.tag = tag;
    return place(context, intent, intent.price);
}

std::optional<QString> OrderPlacer::place(StrategyContext& context, const OrderIntent& intent,
                                          const std::optional<Decimal>& referencePrice) {
    OrderRequest request;
    request.market = context.market().code;
    request.side = intent.side;
    request.type = intent.type;
    request.price = intent.price;
    request.qty = intent.qty;
    request.total = intent.total;
    request.timeInForce = intent.timeInForce;
    const ValidationResult rules = OrderValidator::checkRules(request, context.market(), referencePrice);
    if (!rules.ok()) {
        context.log(QCoreApplication::translate("hoga::Strategies", "Skipped the order \"%1\": %2")
                        .arg(intent.tag, rules.summary()));
        return std::nullopt;
    }
    const Result<QString> placed = context.placeOrder(intent);
    if (!placed.ok()) {
        context.log(QCoreApplication::translate("hoga::Strategies", "The order \"%1\" was refused: %2")
                        .arg(intent.tag, placed.error().userMessage()));
        return std::nullopt;
    }
    return placed.value();
}

} // namespace hoga
