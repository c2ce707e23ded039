#include "notification_center.h"

#include "disconnect_watch.h"

#include "alerts/price_alert_book.h"
#include "trading/engine/bot_runner.h"

#include <QSettings>

#include <utility>

namespace hoga {

namespace {

QString settingsKey(NotificationKind kind) {
    return QStringLiteral("notifications/kinds/") + notificationKindName(kind);
}

} // namespace

NotificationCenter::NotificationCenter(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock) {
    m_groupTimer.setSingleShot(true);
    m_groupTimer.setInterval(kDefaultGroupWindowMs);
    connect(&m_groupTimer, &QTimer::timeout, this, &NotificationCenter::flushGroups);
}

void NotificationCenter::setEnabled(NotificationKind kind, bool enabled) {
    if (enabled)
        m_disabled.remove(int(kind));
    else
        m_disabled.insert(int(kind));
}

void NotificationCenter::loadSettings(QSettings& settings) {
    for (NotificationKind kind : allNotificationKinds())
        setEnabled(kind, settings.value(settingsKey(kind), true).toBool());
}

void NotificationCenter::saveSettings(QSettings& settings) const {
    for (NotificationKind kind : allNotificationKinds())
        settings.setValue(settingsKey(kind), isEnabled(kind));
}

void NotificationCenter::followEngine(TradingEngine* engine) {
    connect(engine, &TradingEngine::fillApplied, this, &NotificationCenter::onFill);
    connect(engine, &TradingEngine::orderChanged, this, &NotificationCenter::onOrderChanged);
    connect(engine, &TradingEngine::riskRefused, this, &NotificationCenter::onRiskRefused);
    connect(engine, &TradingEngine::haltedChanged, this, &NotificationCenter::onHaltedChanged);
    connect(engine, &TradingEngine::emergencyStopFinished, this,
            &NotificationCenter::onEmergencyStopFinished);
}

void NotificationCenter::followBotRunner(BotRunner* runner) {
    connect(runner, &BotRunner::halted, this, &NotificationCenter::onBotHalted);
}

void NotificationCenter::followDisconnects(DisconnectWatch* watch) {
    connect(watch, &DisconnectWatch::disconnected, this, &NotificationCenter::onVenueDisconnected);
    connect(watch, &DisconnectWatch::reconnected, this, &NotificationCenter::onVenueReconnected);
}

void NotificationCenter::followAlerts(PriceAlertBook* book) {
    connect(book, &PriceAlertBook::alertFired, this, &NotificationCenter::onPriceAlertFired);
}

void NotificationCenter::post(Notification notification) {
    if (!isEnabled(notification.kind))
        return;
    if (notification.timeMs == 0)
        notification.timeMs = m_clock.nowMs();
    emit notify(notification.title, notification.body, notification.kind);
    emit posted(notification);
}

NotificationCenter::Group& NotificationCenter::groupFor(NotificationKind kind, const QString& where) {
    if (!m_groupTimer.isActive())
        m_groupTimer.start();
    for (Group& g : m_groups)
        if (g.kind == kind && g.where == where)
            return g;
    m_groups.append(Group{kind, where, 0, {}, {}, {}, {}});
    return m_groups.last();
}

void NotificationCenter::onFill(const Fill& fill, const QString& bot) {
    if (!isEnabled(NotificationKind::Fill))
        return;
    Group& g = groupFor(NotificationKind::Fill, fill.market);
    ++g.count;
    (fill.side == Side::Buy ? g.bought : g.sold) += fill.qty;
    const QString title = fill.side == Side::Buy ? tr("Bought %1 %2").arg(fill.qty.toString(), fill.market)
                                                 : tr("Sold %1 %2").arg(fill.qty.toString(), fill.market);
    const QString body =
        bot.isEmpty()
            ? tr("%1 at %2 on %3").arg(fill.qty.toString(), fill.price.toString(), fill.venue)
            : tr("%1 at %2 on %3 (bot %4)").arg(fill.qty.toString(), fill.price.toString(), fill.venue, bot);
    g.single = Notification{NotificationKind::Fill, title, body, m_clock.nowMs(), 1};
}

void NotificationCenter::onOrderChanged(const ManagedOrder& order) {
    if (order.state != JournalState::Rejected || !isEnabled(NotificationKind::OrderRejected))
        return;
    const QString& id = order.order.clientId;
    if (!id.isEmpty()) {
        if (m_rejectedSeen.contains(id))
            return;
        if (m_rejectedSeen.size() > 10'000) // bounded: old ids are not repeated after this long anyway
            m_rejectedSeen.clear();
        m_rejectedSeen.insert(id);
    }
    Group& g = groupFor(NotificationKind::OrderRejected, order.order.market);
    ++g.count;
    const QString reason =
        order.order.rejectReason.isEmpty() ? tr("no reason given") : order.order.rejectReason;
    g.lastReason = reason;
    g.single = Notification{
        NotificationKind::OrderRejected, tr("Order rejected on %1").arg(order.order.venue),
        tr("%1 %2: %3").arg(order.order.market, order.order.qty.toString(), reason), m_clock.nowMs(), 1};
}

void NotificationCenter::onRiskRefused(const QString& bot, const QString& venue, const QString& market,
                                       const QString& reason) {
    if (!isEnabled(NotificationKind::RiskHalt))
        return;
    Group& g = groupFor(NotificationKind::RiskHalt, market);
    ++g.count;
    g.lastReason = reason;
    g.single = Notification{NotificationKind::RiskHalt, tr("Risk limit refused an order on %1").arg(market),
                            bot.isEmpty() ? tr("%1: %2").arg(venue, reason)
                                          : tr("%1, bot %2: %3").arg(venue, bot, reason),
                            m_clock.nowMs(), 1};
}

void NotificationCenter::onBotHalted(const QString& bot, const QString& reason) {
    post(Notification{NotificationKind::RiskHalt, tr("Bot %1 halted").arg(bot), reason, 0, 1});
}

void NotificationCenter::onHaltedChanged(bool halted, const QString& reason) {
    if (!halted)
        return; // re-arming is the trader's own action, not news
    post(Notification{NotificationKind::EmergencyStop, tr("Emergency stop: all trading halted"),
                      reason.isEmpty() ? tr("Cancelling every open order.") : reason, 0, 1});
}

void NotificationCenter::onEmergencyStopFinished(const EmergencyStopReport& report) {
    int requested = 0;
    int confirmed = 0;
    int stillOpen = 0;
    int errors = 0;
    for (const EmergencyStopVenueReport& venue : report) {
        requested += venue.cancelRequested;
        confirmed += venue.cancelConfirmed;
        stillOpen += int(venue.stillOpen.size());
        errors += int(venue.errors.size());
    }
    QString body = tr("%1 of %n cancel(s) confirmed.", nullptr, requested).arg(confirmed);
    if (stillOpen > 0)
        body += QLatin1Char(' ') + tr("%n order(s) still open.", nullptr, stillOpen);
    if (errors > 0)
        body += QLatin1Char(' ') + tr("%n error(s).", nullptr, errors);
    post(Notification{NotificationKind::EmergencyStop, tr("Emergency stop finished"), body, 0, 1});
}

void NotificationCenter::onVenueDisconnected(const QString& venue, qint64 downSinceMs) {
    const int seconds = int((m_clock.nowMs() - downSinceMs) / 1000);
    post(Notification{NotificationKind::VenueDisconnected, tr("%1 disconnected").arg(venue),
                      tr("No connection for %n s; reconnecting.", nullptr, seconds), 0, 1});
}

void NotificationCenter::onVenueReconnected(const QString& venue, qint64 downForMs) {
    const int seconds = int(downForMs / 1000);
    post(Notification{NotificationKind::VenueReconnected, tr("%1 reconnected").arg(venue),
                      tr("Back after %n s.", nullptr, seconds), 0, 1});
}

void NotificationCenter::onPriceAlertFired(const PriceAlert& alert) {
    post(Notification{NotificationKind::PriceAlert, tr("Price alert: %1").arg(alert.market),
                      describePriceAlertFired(alert), alert.firedMs, 1});
}

Notification NotificationCenter::summarise(const Group& g) const {
    if (g.count == 1)
        return g.single;
    Notification n{g.kind, {}, {}, m_clock.nowMs(), g.count};
    switch (g.kind) {
    case NotificationKind::Fill: {
        n.title = tr("%n fills on %1", nullptr, g.count).arg(g.where);
        QStringList parts;
        if (!g.bought.isZero())
            parts << tr("bought %1").arg(g.bought.toString());
        if (!g.sold.isZero())
            parts << tr("sold %1").arg(g.sold.toString());
        n.body = parts.join(QStringLiteral(", "));
        break;
    }
    case NotificationKind::OrderRejected:
        n.title = tr("%n orders rejected on %1", nullptr, g.count).arg(g.where);
        n.body = tr("Last reason: %1").arg(g.lastReason);
        break;
    default:
        n.title = tr("Risk limits refused %n orders on %1", nullptr, g.count).arg(g.where);
        n.body = tr("Last reason: %1").arg(g.lastReason);
        break;
    }
    return n;
}

Notification NotificationCenter::summariseMany(NotificationKind kind, const QList<Group>& groups) const {
    int count = 0;
    QStringList where;
    for (const Group& g : groups) {
        count += g.count;
        where << g.where;
    }
    Notification n{kind, {}, {}, m_clock.nowMs(), count};
    const int markets = int(groups.size());
    switch (kind) {
    case NotificationKind::Fill:
        n.title = tr("%n fills on %1 markets", nullptr, count).arg(markets);
        break;
    case NotificationKind::OrderRejected:
        n.title = tr("%n orders rejected on %1 markets", nullptr, count).arg(markets);
        break;
    default:
        n.title = tr("Risk limits refused %n orders on %1 markets", nullptr, count).arg(markets);
        break;
    }
    constexpr int kNamed = 5;
    n.body = where.mid(0, kNamed).join(QStringLiteral(", "));
    if (where.size() > kNamed) {
        const int more = int(where.size()) - kNamed;
        n.body += QLatin1Char(' ') + tr("and %n more", nullptr, more);
    }
    return n;
}

void NotificationCenter::flushGroups() {
    m_groupTimer.stop();
    const QList<Group> groups = std::exchange(m_groups, {});
    for (NotificationKind kind :
         {NotificationKind::Fill, NotificationKind::OrderRejected, NotificationKind::RiskHalt}) {
        QList<Group> ofKind;
        for (const Group& g : groups)
            if (g.kind == kind)
                ofKind.append(g);
        if (ofKind.size() > kMaxMessagesPerKind) {
            post(summariseMany(kind, ofKind));
            continue;
        }
        for (const Group& g : std::as_const(ofKind))
            post(summarise(g));
    }
}

} // namespace hoga
