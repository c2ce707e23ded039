#include "notification.h"

#include <QCoreApplication>

namespace hoga {

QList<NotificationKind> allNotificationKinds() {
    return {NotificationKind::Fill,
            NotificationKind::OrderRejected,
            NotificationKind::RiskHalt,
            NotificationKind::EmergencyStop,
            NotificationKind::VenueDisconnected,
            NotificationKind::VenueReconnected,
            NotificationKind::PriceAlert};
}

QString notificationKindName(NotificationKind kind) {
    switch (kind) {
    case NotificationKind::Fill:
        return QStringLiteral("fill");
    case NotificationKind::OrderRejected:
        return QStringLiteral("order_rejected");
    case NotificationKind::RiskHalt:
        return QStringLiteral("risk_halt");
    case NotificationKind::EmergencyStop:
        return QStringLiteral("emergency_stop");
    case NotificationKind::VenueDisconnected:
        return QStringLiteral("venue_disconnected");
    case NotificationKind::VenueReconnected:
        return QStringLiteral("venue_reconnected");
    case NotificationKind::PriceAlert:
        return QStringLiteral("price_alert");
    }
    return {};
}

std::optional<NotificationKind> parseNotificationKind(const QString& name) {
    for (NotificationKind kind : allNotificationKinds())
        if (notificationKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QString notificationKindLabel(NotificationKind kind) {
    switch (kind) {
    case NotificationKind::Fill:
        return QCoreApplication::translate("hoga::Notification", "Fills");
    case NotificationKind::OrderRejected:
        return QCoreApplication::translate("hoga::Notification", "Rejected orders");
    case NotificationKind::RiskHalt:
        return QCoreApplication::translate("hoga::Notification", "Risk limits and halts");
    case NotificationKind::EmergencyStop:
        return QCoreApplication::translate("hoga::Notification", "Emergency stop");
    case NotificationKind::VenueDisconnected:
        return QCoreApplication::translate("hoga::Notification", "Venue disconnected (over 30 s)");
    case NotificationKind::VenueReconnected:
        return QCoreApplication::translate("hoga::Notification", "Venue reconnected");
    case NotificationKind::PriceAlert:
        return QCoreApplication::translate("hoga::Notification", "Price alerts");
    }
    return {};
}

} // namespace hoga
