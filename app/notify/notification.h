#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace hoga {

enum class NotificationKind {
    Fill,
    OrderRejected,
    RiskHalt, // a risk limit refused an order or halted trading
    EmergencyStop,
    VenueDisconnected, // down for longer than DisconnectWatch's grace period
    VenueReconnected,  // back after such a disconnect
    PriceAlert,
};

QList<NotificationKind> allNotificationKinds();
// Stable machine name ("fill", "order_rejected", "risk_halt", "emergency_stop", "venue_disconnected",
// "venue_reconnected", "price_alert"): settings keys and the "kind" field of the JSON webhook.
QString notificationKindName(NotificationKind kind);
std::optional<NotificationKind> parseNotificationKind(const QString& name);
// Translated name for settings, e.g. "Fills".
QString notificationKindLabel(NotificationKind kind);

// One message for the trader (a tray balloon, a webhook post). Title and body are translated.
struct Notification {
    NotificationKind kind = NotificationKind::Fill;
    QString title;
    QString body;
    qint64 timeMs = 0; // wall clock, ms since the epoch (UTC)
    int count = 1;     // how many events this message groups
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Notification)
Q_DECLARE_METATYPE(hoga::NotificationKind)
