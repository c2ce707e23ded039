#include "profile_notifications.h"

#include "notification_settings_widget.h"
#include "tray_notifier.h"

#include "alerts/price_alert_book.h"
#include "alerts/price_alerts_widget.h"
#include "marketdata/market_data_hub.h"
#include "notify/disconnect_watch.h"
#include "notify/notification_center.h"
#include "notify/webhooks/webhook_channel_store.h"
#include "notify/webhooks/webhook_dispatcher.h"
#include "notify/webhooks/webhook_wiring.h"
#include "session/profile_engine.h"
#include "session/venue_session.h"

namespace hoga {

ProfileNotifications::ProfileNotifications(const Sources& sources, QObject* parent)
    : QObject(parent)
    , m_settings(sources.settingsPath, QSettings::IniFormat)
    , m_sessions(sources.sessions) {
    m_alerts = new PriceAlertBook(*sources.clock, this);
    m_alertsOpen = m_alerts->open(sources.databasePath);
    m_center = new NotificationCenter(*sources.clock, this);
    m_center->loadSettings(m_settings);
    m_disconnects = new DisconnectWatch(*sources.clock, this);
    for (VenueSession* session : m_sessions) {
        m_alerts->watch(session->hub());
        m_disconnects->watch(session->connector());
    }
    m_center->followDisconnects(m_disconnects);
    m_center->followAlerts(m_alerts);
    if (sources.engine && sources.engine->engine())
        m_center->followEngine(sources.engine->engine());
    if (sources.tray)
        m_trayNotifier = new TrayNotifier(m_center, sources.tray, this);
    if (sources.secrets) {
        m_channels = new WebhookChannelStore(m_settings, sources.secrets, this);
        m_dispatcher = new WebhookDispatcher({}, this);
        wireWebhooks(*m_center, *m_channels, *m_dispatcher);
        m_channels->load([](bool, const QString&) {});
    }
}

ProfileNotifications::~ProfileNotifications() = default;

PriceAlertsWidget* ProfileNotifications::createAlertsWidget(QWidget* parent) {
    auto* widget = new PriceAlertsWidget(m_alerts, parent);
    // The markets arrive after the window opens (and again after a venue comes back): offer what is known.
    auto offerMarkets = [this, widget] {
        QStringList keys;
        for (VenueSession* session : std::as_const(m_sessions))
            for (const Market& m : session->hub()->markets())
                keys << PriceAlert::marketKeyOf(session->venueId(), m.code);
        widget->setMarketKeys(keys);
    };
    for (VenueSession* session : std::as_const(m_sessions))
        connect(session->hub(), &MarketDataHub::marketsLoaded, widget, offerMarkets);
    offerMarkets();
    return widget;
}

QWidget* ProfileNotifications::createSettingsWidget(QWidget* parent) {
    return new NotificationSettingsWidget(m_center, &m_settings, m_channels, m_dispatcher, parent);
}

} // namespace hoga
