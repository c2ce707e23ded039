#include "risk_limits.h"

#include <QCoreApplication>

namespace hoga {

std::optional<Decimal> RiskChecker::orderValue(const OrderRequest& request,
                                               const std::optional<Decimal>& lastPrice) {
    if (request.type == OrderType::Limit)
        return request.price * request.qty;
    if (request.total.isPositive())
        return request.total;
    if (lastPrice)
        return *lastPrice * request.qty;
    return std::nullopt;
}

std::optional<QString> RiskChecker::check(const RiskLimits& limits, const RiskInput& input) {
    const OrderRequest& r = input.request;
    const std::optional<Decimal> value = orderValue(r, input.lastPrice);
    if (limits.maxOrderValue) {
        if (!value)
            return QCoreApplication::translate("hoga::RiskChecker",
                                               "No last price is known yet, so the order's value cannot be "
                                               "checked against the maximum order value of %1.")
                .arg(limits.maxOrderValue->toString());
        if (*value > *limits.maxOrderValue)
            return QCoreApplication::translate("hoga::RiskChecker",
                                               "The order's value %1 is above the maximum order value %2.")
                .arg(value->toString(), limits.maxOrderValue->toString());
    }
    if (limits.maxPosition && r.side == Side::Buy) {
        Decimal qty = r.qty;
        if (qty.isZero() && value && input.lastPrice && input.lastPrice->isPositive())
            qty = value->divide(*input.lastPrice, 8, Rounding::HalfEven);
        const Decimal after = input.position + qty;
        if (after > *limits.maxPosition)
            return QCoreApplication::translate(
                       "hoga::RiskChecker", "The position after this order, %1, would be above the maximum "
                                            "position %2 in this market.")
                .arg(after.toString(), limits.maxPosition->toString());
    }
    if (limits.maxOpenOrders && input.openOrders >= *limits.maxOpenOrders)
        return QCoreApplication::translate("hoga::RiskChecker",
                                           "%1 orders are already open; the maximum is %2.")
            .arg(input.openOrders)
            .arg(*limits.maxOpenOrders);
    if (limits.maxOrdersPerMinute && input.ordersLastMinute >= *limits.maxOrdersPerMinute)
        return QCoreApplication::translate("hoga::RiskChecker",
                                           "%1 orders were sent in the last minute; the maximum is %2.")
            .arg(input.ordersLastMinute)
            .arg(*limits.maxOrdersPerMinute);
    if (limits.maxPriceDeviationPct && r.type == OrderType::Limit) {
        if (!input.lastPrice || !input.lastPrice->isPositive())
            return QCoreApplication::translate("hoga::RiskChecker",
                                               "No last price is known yet, so the limit price cannot be "
                                               "checked against it.");
        const Decimal distance = (r.price - *input.lastPrice).abs();
        const Decimal allowed =
            (*input.lastPrice * *limits.maxPriceDeviationPct).divide(Decimal(100), 18, Rounding::HalfEven);
        if (distance > allowed)
            return QCoreApplication::translate(
                       "hoga::RiskChecker",
                       "The limit price %1 is more than %2% away from the last price %3.")
                .arg(r.price.toString(), limits.maxPriceDeviationPct->toString(),
                     input.lastPrice->toString());
    }
    if (r.side == Side::Buy && limits.cashReserve.isPositive() && input.freeQuote && value) {
        const Decimal spendable = *input.freeQuote - limits.cashReserve;
        if (*value > spendable)
            return QCoreApplication::translate(
                       "hoga::RiskChecker", "The order of %3 would spend into the cash reserve of %1: only "
                                            "%2 is free.")
                .arg(limits.cashReserve.toString(), input.freeQuote->toString(), value->toString());
    }
    return std::nullopt;
}

bool RiskChecker::breachesDailyLoss(const RiskLimits& limits, const Decimal& realisedToday,
                                    const Decimal& unrealised) {
    if (!limits.dailyLossLimit)
        return false;
    return -(realisedToday + unrealised) >= *limits.dailyLossLimit;
}

QString RiskChecker::dailyLossReason(const RiskLimits& limits, const Decimal& result) {
    return QCoreApplication::translate(
               "hoga::RiskChecker", "Today's result %1 reached the daily loss limit of %2: the bot is halted "
                                    "and its orders are cancelled.")
        .arg(result.toString(), limits.dailyLossLimit.value_or(Decimal()).toString());
}

int OrderRateWindow::count(qint64 nowMs) {
    while (!m_times.empty() && m_times.front() <= nowMs - 60'000)
        m_times.pop_front();
    return int(m_times.size());
}

} // namespace hoga
