#include "ticket_math.h"

namespace hoga::ticket {

namespace {

Decimal share(int percent) {
    return Decimal(percent).divide(Decimal(100), 2, Rounding::Down);
}

Decimal roundQty(const TradingRules& rules, const Decimal& qty) {
    return rules.qtyStep.isPositive() ? qty.roundToStep(rules.qtyStep, Rounding::Down)
                                      : qty.round(Decimal::kMaxScale, Rounding::Down);
}

// Spendable quote after keeping the worst-case fee aside: available * share / (1 + fee).
Decimal spendable(const TradingRules& rules, const Decimal& availableQuote, int percent) {
    const Decimal fee = Decimal::max(rules.takerFeeRate, rules.makerFeeRate);
    return (availableQuote * share(percent)).divide(Decimal(1) + fee, 12, Rounding::Down);
}

} // namespace

std::optional<Decimal> stepPrice(const TradingRules& rules, const Decimal& price, int direction) {
    const Decimal tick = rules.tickFor(price);
    if (!tick.isPositive() || direction == 0)
        return std::nullopt;
    Decimal next;
    if (!price.isMultipleOf(tick)) {
        next = price.roundToStep(tick, direction > 0 ? Rounding::Ceiling : Rounding::Floor);
    } else if (direction > 0) {
        next = price + tick;
    } else {
        next = price - tick;
        const Decimal lowerTick = rules.tickFor(next);
        if (lowerTick.isPositive() && lowerTick != tick)
            next = price - lowerTick;
    }
    if (!next.isPositive())
        return std::nullopt;
    return next;
}

Decimal buyQtyForPercent(const TradingRules& rules, const Decimal& availableQuote, int percent,
                         const Decimal& price) {
    if (!price.isPositive())
        return {};
    return roundQty(rules, spendable(rules, availableQuote, percent).divide(price, 12, Rounding::Down));
}

Decimal buyTotalForPercent(const TradingRules& rules, const Decimal& availableQuote, int percent,
                           int quoteDecimals) {
    return spendable(rules, availableQuote, percent).round(quoteDecimals, Rounding::Down);
}

Decimal sellQtyForPercent(const TradingRules& rules, const Decimal& availableBase, int percent) {
    return roundQty(rules, availableBase * share(percent));
}

int quoteDecimals(const QString& quote) {
    return quote == QLatin1String("KRW") ? 0 : 2;
}

} // namespace hoga::ticket
