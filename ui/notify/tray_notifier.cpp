#include "tray_notifier.h"

#include "notify/notification_center.h"

namespace hoga {

TrayNotifier::TrayNotifier(NotificationCenter* center, QSystemTrayIcon* tray, QObject* parent)
    : QObject(parent)
    , m_tray(tray) {
    connect(center, &NotificationCenter::notify, this, &TrayNotifier::show);
}

QSystemTrayIcon::MessageIcon TrayNotifier::iconFor(NotificationKind kind) {
    switch (kind) {
    case NotificationKind::OrderRejected:
    case NotificationKind::RiskHalt:
    case NotificationKind::EmergencyStop:
    case NotificationKind::VenueDisconnected:
        return QSystemTrayIcon::Warning;
    case NotificationKind::Fill:
    case NotificationKind::VenueReconnected:
    case NotificationKind::PriceAlert:
        return QSystemTrayIcon::Information;
    }
    return QSystemTrayIcon::Information;
}

void TrayNotifier::show(const QString& title, const QString& body, NotificationKind kind) {
    // Nothing to show where the platform has no tray, or before the icon is visible.
    if (!m_tray || !m_tray->isVisible() || !QSystemTrayIcon::supportsMessages())
        return;
    m_tray->showMessage(title, body, iconFor(kind), kShowMs);
}

} // namespace hoga
