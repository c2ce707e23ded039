#pragma once

#include "notification.h"

#include "alerts/price_alert.h"
#include "core/clock.h"
#include "core/order.h"
#include "trading/engine/trading_engine.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QSettings;

namespace hoga {

class DisconnectWatch;
class PriceAlertBook;
class BotRunner;

// Turns trading and market events into messages for the trader (tray balloons, webhooks). Each kind can be
// switched off. Floods are grouped: fills, rejections and risk refusals are collected for a short window
// (2 s by default) and leave as one message per market ("5 fills on KRW-BTC"), or one message for all
// markets when many markets are involved; never one message per fill. Halts, the emergency stop,
// disconnects, reconnects and price alerts leave at once.
//
// Lives on the GUI thread; the engine's signals arrive queued.
class NotificationCenter : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultGroupWindowMs = 2000;
    // More groups of one kind than this in a window become a single message.
    static constexpr int kMaxMessagesPerKind = 3;

    explicit NotificationCenter(const Clock& clock = SystemClock::instance(), QObject* parent = nullptr);

    void setEnabled(NotificationKind kind, bool enabled);
    bool isEnabled(NotificationKind kind) const { return !m_disabled.contains(int(kind)); }
    // Keys "notifications/kinds/<kind name>" (bool, default true).
    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

    void setGroupWindowMs(int ms) { m_groupTimer.setInterval(ms); }
    int groupWindowMs() const { return m_groupTimer.interval(); }

    // Sources: connect their signals to the event slots below.
    void followEngine(TradingEngine* engine);
    void followBotRunner(BotRunner* runner);
    void followDisconnects(DisconnectWatch* watch);
    void followAlerts(PriceAlertBook* book);

    // Events.
    void onFill(const hoga::Fill& fill, const QString& bot);
    void onOrderChanged(const hoga::ManagedOrder& order); // a rejected order becomes a message
    void onRiskRefused(const QString& bot, const QString& venue, const QString& market,
                       const QString& reason);
    void onBotHalted(const QString& bot, const QString& reason);
    void onHaltedChanged(bool halted, const QString& reason);
    void onEmergencyStopFinished(const hoga::EmergencyStopReport& report);
    void onVenueDisconnected(const QString& venue, qint64 downSinceMs);
    void onVenueReconnected(const QString& venue, qint64 downForMs);
    void onPriceAlertFired(const hoga::PriceAlert& alert);

    // Sends one message now (if its kind is on).
    void post(hoga::Notification notification);
    // Sends the grouped messages collected so far (the group timer calls it).
    void flushGroups();

signals:
    void notify(const QString& title, const QString& body, hoga::NotificationKind kind);
    void posted(const hoga::Notification& notification); // the same message, whole (for webhooks)

private:
    // Events of one kind on one market (or venue) in the current window.
    struct Group {
        NotificationKind kind = NotificationKind::Fill;
        QString where; // market or venue the events share
        int count = 0;
        Notification single; // the message when the group holds one event
        Decimal bought;
        Decimal sold;
        QString lastReason;
    };

    Group& groupFor(NotificationKind kind, const QString& where);
    Notification summarise(const Group& group) const;
    Notification summariseMany(NotificationKind kind, const QList<Group>& groups) const;

    const Clock& m_clock;
    QSet<int> m_disabled; // NotificationKind values switched off
    QTimer m_groupTimer;
    QList<Group> m_groups;        // in arrival order
    QSet<QString> m_rejectedSeen; // client ids already told, so a repeated snapshot is not news again
};

} // namespace hoga
