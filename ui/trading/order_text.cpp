#include "order_text.h"

#include <QCoreApplication>
#include <QDateTime>

namespace hoga {

QString sideText(Side side) {
    return side == Side::Buy ? QCoreApplication::translate("hoga::OrderText", "Buy")
                             : QCoreApplication::translate("hoga::OrderText", "Sell");
}

QString orderTypeText(OrderType type) {
    switch (type) {
    case OrderType::Limit:
        return QCoreApplication::translate("hoga::OrderText", "Limit");
    case OrderType::Market:
        return QCoreApplication::translate("hoga::OrderText", "Market");
    case OrderType::Best:
        return QCoreApplication::translate("hoga::OrderText", "Best price");
    }
    return QCoreApplication::translate("hoga::OrderText", "Limit");
}

QString orderKindText(const Order& order) {
    QString session;
    switch (order.session) {
    case OrderSession::Regular:
        return orderTypeText(order.type);
    case OrderSession::PreMarketClose:
        session = QCoreApplication::translate("hoga::OrderText", "Pre-market close");
        break;
    case OrderSession::PostMarketClose:
        session = QCoreApplication::translate("hoga::OrderText", "Post-market close");
        break;
    case OrderSession::AfterHoursSingle:
        session = QCoreApplication::translate("hoga::OrderText", "After-hours single price");
        break;
    }
    return orderTypeText(order.type) + QStringLiteral(" · ") + session;
}

QString orderStateText(OrderState state) {
    switch (state) {
    case OrderState::New:
        return QCoreApplication::translate("hoga::OrderText", "Sending");
    case OrderState::Open:
        return QCoreApplication::translate("hoga::OrderText", "Open");
    case OrderState::PartiallyFilled:
        return QCoreApplication::translate("hoga::OrderText", "Partially filled");
    case OrderState::Filled:
        return QCoreApplication::translate("hoga::OrderText", "Filled");
    case OrderState::Cancelled:
        return QCoreApplication::translate("hoga::OrderText", "Cancelled");
    case OrderState::Rejected:
        return QCoreApplication::translate("hoga::OrderText", "Rejected");
    }
    return {};
}

QString journalStateText(JournalState state) {
    switch (state) {
    case JournalState::Pending:
        return QCoreApplication::translate("hoga::OrderText", "Waiting to send");
    case JournalState::Submitted:
        return QCoreApplication::translate("hoga::OrderText", "Sent");
    case JournalState::Open:
        return QCoreApplication::translate("hoga::OrderText", "Open");
    case JournalState::PartiallyFilled:
        return QCoreApplication::translate("hoga::OrderText", "Partially filled");
    case JournalState::CancelPending:
        return QCoreApplication::translate("hoga::OrderText", "Cancelling");
    case JournalState::Filled:
        return QCoreApplication::translate("hoga::OrderText", "Filled");
    case JournalState::Cancelled:
        return QCoreApplication::translate("hoga::OrderText", "Cancelled");
    case JournalState::Rejected:
        return QCoreApplication::translate("hoga::OrderText", "Rejected");
    case JournalState::NeverSent:
        return QCoreApplication::translate("hoga::OrderText", "Never sent");
    case JournalState::External:
        return QCoreApplication::translate("hoga::OrderText", "Placed outside Hoga");
    }
    return {};
}

QString tableTime(qint64 timestampMs) {
    if (timestampMs <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timestampMs).toLocalTime();
    if (t.date() == QDate::currentDate())
        return t.toString(QStringLiteral("HH:mm:ss"));
    return t.toString(QStringLiteral("MM-dd HH:mm:ss"));
}

} // namespace hoga
