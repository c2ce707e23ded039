#pragma once

#include "core/clock.h"

#include <QList>
#include <QObject>
#include <QSettings>

#include <memory>

class QSystemTrayIcon;
class QWidget;

namespace hoga {

class DisconnectWatch;
class NotificationCenter;
class PriceAlertBook;
class PriceAlertsWidget;
class ProfileEngine;
class SecretStore;
class TrayNotifier;
class VenueSession;
class WebhookChannelStore;
class WebhookDispatcher;

// A logged-in profile's price alerts, notifications and webhook channels, wired to its venue sessions
// (prices, connection state) and its trading engine (fills, rejections, halts, the emergency stop). The
// main window owns one and shows its pieces: the alerts list as a tab, the settings in a dialog.
class ProfileNotifications : public QObject {
    Q_OBJECT
public:
    struct Sources {
        QString databasePath;                 // the profile database (alerts live there)
        QString settingsPath;                 // the profile's settings.ini (kinds switched off, channels)
        std::shared_ptr<SecretStore> secrets; // webhook URLs and tokens; null: webhooks unavailable
        QList<VenueSession*> sessions;
        ProfileEngine* engine = nullptr; // may be null (no bots)
        QSystemTrayIcon* tray = nullptr; // may be null (no tray: no balloons)
        const Clock* clock = &SystemClock::instance();
    };

    explicit ProfileNotifications(const Sources& sources, QObject* parent = nullptr);
    ~ProfileNotifications() override;

    bool alertsOpen() const { return m_alertsOpen; }
    PriceAlertBook* alerts() const { return m_alerts; }
    NotificationCenter* center() const { return m_center; }
    // The webhook channels (null when the profile has no secret store for their URLs).
    WebhookChannelStore* channels() const { return m_channels; }

    // The alerts list (objectName "priceAlerts"), offering every market of the sessions.
    PriceAlertsWidget* createAlertsWidget(QWidget* parent);
    // The settings: kinds on and off, webhook channels.
    QWidget* createSettingsWidget(QWidget* parent);

private:
    QSettings m_settings;
    PriceAlertBook* m_alerts = nullptr;
    NotificationCenter* m_center = nullptr;
    DisconnectWatch* m_disconnects = nullptr;
    WebhookChannelStore* m_channels = nullptr;
    WebhookDispatcher* m_dispatcher = nullptr;
    TrayNotifier* m_trayNotifier = nullptr;
    QList<VenueSession*> m_sessions;
    bool m_alertsOpen = false;
};

} // namespace hoga
