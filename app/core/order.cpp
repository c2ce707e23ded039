#include "order.h"

#include <QCoreApplication>

namespace hoga {

QString orderStateName(OrderState s) {
    switch (s) {
    case OrderState::New:
        return QStringLiteral("new");
    case OrderState::Open:
        return QStringLiteral("open");
    case OrderState::PartiallyFilled:
        return QStringLiteral("partially_filled");
    case OrderState::Filled:
        return QStringLiteral("filled");
    case OrderState::Cancelled:
        return QStringLiteral("cancelled");
    case OrderState::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("new");
}

QString sideName(Side s) {
    return s == Side::Buy ? QStringLiteral("buy") : QStringLiteral("sell");
}

QString orderTypeName(OrderType t) {
    switch (t) {
    case OrderType::Limit:
        return QStringLiteral("limit");
    case OrderType::Market:
        return QStringLiteral("market");
    case OrderType::Best:
        return QStringLiteral("best");
    }
    return QStringLiteral("limit");
}

std::optional<OrderType> parseOrderType(const QString& name) {
    for (OrderType t : {OrderType::Limit, OrderType::Market, OrderType::Best}) {
        if (orderTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

QString timeInForceName(TimeInForce t) {
    switch (t) {
    case TimeInForce::GoodTillCancel:
        return QStringLiteral("gtc");
    case TimeInForce::ImmediateOrCancel:
        return QStringLiteral("ioc");
    case TimeInForce::FillOrKill:
        return QStringLiteral("fok");
    case TimeInForce::PostOnly:
        return QStringLiteral("post_only");
    }
    return QStringLiteral("gtc");
}

std::optional<TimeInForce> parseTimeInForce(const QString& name) {
    for (TimeInForce t : {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                          TimeInForce::FillOrKill, TimeInForce::PostOnly}) {
        if (timeInForceName(t) == name)
            return t;
    }
    return std::nullopt;
}

QString orderSessionName(OrderSession s) {
    switch (s) {
    case OrderSession::Regular:
        return QStringLiteral("regular");
    case OrderSession::PreMarketClose:
        return QStringLiteral("pre_market_close");
    case OrderSession::PostMarketClose:
        return QStringLiteral("post_market_close");
    case OrderSession::AfterHoursSingle:
        return QStringLiteral("after_hours_single");
    }
    return QStringLiteral("regular");
}

std::optional<OrderSession> parseOrderSession(const QString& name) {
    for (OrderSession s : {OrderSession::Regular, OrderSession::PreMarketClose, OrderSession::PostMarketClose,
                           OrderSession::AfterHoursSingle}) {
        if (orderSessionName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString orderSessionLabel(OrderSession s) {
    switch (s) {
    case OrderSession::Regular:
        return QCoreApplication::translate("hoga::Order", "regular session");
    case OrderSession::PreMarketClose:
        return QCoreApplication::translate("hoga::Order", "pre-market session at the previous close");
    case OrderSession::PostMarketClose:
        return QCoreApplication::translate("hoga::Order", "post-market session at today's close");
    case OrderSession::AfterHoursSingle:
        return QCoreApplication::translate("hoga::Order", "after-hours single-price session");
    }
    return {};
}

bool isTerminal(OrderState s) {
    return s == OrderState::Filled || s == OrderState::Cancelled || s == OrderState::Rejected;
}

bool isLegalTransition(OrderState from, OrderState to) {
    switch (from) {
    case OrderState::New:
        return to == OrderState::Open || to == OrderState::PartiallyFilled || to == OrderState::Filled ||
               to == OrderState::Cancelled || to == OrderState::Rejected;
    case OrderState::Open:
        return to == OrderState::PartiallyFilled || to == OrderState::Filled || to == OrderState::Cancelled;
    case OrderState::PartiallyFilled:
        // Each further fill re-enters PartiallyFilled.
        return to == OrderState::PartiallyFilled || to == OrderState::Filled || to == OrderState::Cancelled;
    case OrderState::Filled:
    case OrderState::Cancelled:
    case OrderState::Rejected:
        return false;
    }
    return false;
}

bool Order::transitionTo(OrderState to) {
    if (!isLegalTransition(state, to))
        return false;
    state = to;
    return true;
}

bool Order::applyFill(const Fill& fill) {
    if (isTerminal(state) || !fill.qty.isPositive())
        return false;
    const bool byTotal = qty.isZero() && total.isPositive();
    const Decimal newFilledQty = filledQty + fill.qty;
    if (!byTotal && newFilledQty > qty)
        return false;
    // A market buy by quote amount has no quantity to reach: the venue's final state decides when it is done.
    const OrderState next =
        (!byTotal && newFilledQty == qty) ? OrderState::Filled : OrderState::PartiallyFilled;
    if (!isLegalTransition(state, next))
        return false;
    filledQty = newFilledQty;
    filledQuote += fill.price * fill.qty;
    fee += fill.fee;
    state = next;
    if (fill.timestampMs > updatedAtMs)
        updatedAtMs = fill.timestampMs;
    return true;
}

Decimal Order::remainingQty() const {
    if (qty.isZero())
        return {};
    const Decimal remaining = qty - filledQty;
    return remaining.isNegative() ? Decimal() : remaining;
}

Decimal Order::averageFillPrice(int scale) const {
    if (!filledQty.isPositive())
        return {};
    return filledQuote.divide(filledQty, scale, Rounding::HalfEven);
}

} // namespace hoga
