#include "price_alert_book.h"

#include "marketdata/market_data_hub.h"
#include "storage/profile_database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace hoga {

PriceAlertBook::PriceAlertBook(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock) {}

PriceAlertBook::~PriceAlertBook() = default;

bool PriceAlertBook::open(const QString& databasePath) {
    auto database = std::make_unique<ProfileDatabase>(databasePath);
    if (database->open() != ProfileDatabase::Status::Ok) {
        m_lastError = database->errorString();
        return false;
    }
    m_database = std::move(database);
    load();
    return true;
}

bool PriceAlertBook::isPersistent() const {
    return m_database && m_database->isOpen();
}

void PriceAlertBook::load() {
    m_alerts.clear();
    m_windows.clear();
    QSqlQuery q(m_database->database());
    if (!q.exec(QStringLiteral("SELECT id, venue, market, kind, threshold, window_ms, state, created_ms, "
                               "armed_ms, fired_ms, fired_price FROM price_alerts ORDER BY id"))) {
        m_lastError = q.lastError().text();
        return;
    }
    while (q.next()) {
        PriceAlert a;
        a.id = q.value(0).toLongLong();
        a.venue = q.value(1).toString();
        a.market = q.value(2).toString();
        const auto kind = parsePriceAlertKind(q.value(3).toString());
        const auto threshold = ProfileDatabase::decimalFromSql(q.value(4));
        const auto state = parsePriceAlertState(q.value(6).toString());
        if (!kind || !threshold || !state) {
            qWarning("price alerts: skipping unreadable alert %lld", a.id);
            continue;
        }
        a.kind = *kind;
        a.threshold = *threshold;
        a.windowMs = q.value(5).toLongLong();
        a.state = *state;
        a.createdMs = q.value(7).toLongLong();
        a.armedMs = q.value(8).toLongLong();
        a.firedMs = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
        a.firedPrice = ProfileDatabase::decimalFromSql(q.value(10));
        m_alerts.insert(a.id, a);
    }
    emit alertsChanged();
}

qint64 PriceAlertBook::add(PriceAlert alert) {
    const QString error = priceAlertError(alert);
    if (!error.isEmpty()) {
        m_lastError = error;
        return 0;
    }
    if (alert.kind != PriceAlertKind::PercentMove)
        alert.windowMs = 0;
    alert.state = PriceAlertState::Armed;
    alert.createdMs = alert.armedMs = m_clock.nowMs();
    alert.firedMs = 0;
    alert.firedPrice.reset();
    if (isPersistent()) {
        if (!insertRow(alert))
            return 0;
    } else {
        alert.id = m_nextMemoryId++;
    }
    m_alerts.insert(alert.id, alert);
    emit alertsChanged();
    return alert.id;
}

bool PriceAlertBook::remove(qint64 id) {
    if (!m_alerts.contains(id))
        return false;
    if (isPersistent() && !deleteRow(id))
        return false;
    m_alerts.remove(id);
    emit alertsChanged();
    return true;
}

bool PriceAlertBook::rearm(qint64 id) {
    auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return false;
    PriceAlert updated = *it;
    updated.state = PriceAlertState::Armed;
    updated.armedMs = m_clock.nowMs();
    updated.firedMs = 0;
    updated.firedPrice.reset();
    if (isPersistent() && !updateRow(updated))
        return false;
    *it = updated;
    emit alertsChanged();
    return true;
}

QList<PriceAlert> PriceAlertBook::alerts() const {
    return m_alerts.values();
}

std::optional<PriceAlert> PriceAlertBook::alert(qint64 id) const {
    auto it = m_alerts.constFind(id);
    if (it == m_alerts.cend())
        return std::nullopt;
    return *it;
}

void PriceAlertBook::recordPrice(const QString& key, const Decimal& price, qint64 nowMs) {
    qint64 longestWindow = 0;
    for (const PriceAlert& a : std::as_const(m_alerts))
        if (a.isArmed() && a.kind == PriceAlertKind::PercentMove && a.marketKey() == key)
            longestWindow = std::max(longestWindow, a.windowMs);
    if (longestWindow == 0) {
        m_windows.remove(key);
        return;
    }
    PriceWindow& window = m_windows[key];
    window.dropBefore(nowMs - longestWindow);
    // About 512 buckets per window: a move is measured to within 0.2 % of the window's length.
    window.add(nowMs, price, longestWindow / 512);
}

bool PriceAlertBook::conditionHolds(const PriceAlert& alert, const Decimal& price, qint64 nowMs) const {
    switch (alert.kind) {
    case PriceAlertKind::Above:
        return price >= alert.threshold;
    case PriceAlertKind::Below:
        return price <= alert.threshold;
    case PriceAlertKind::PercentMove: {
        auto window = m_windows.constFind(alert.marketKey());
        if (window == m_windows.cend())
            return false;
        const auto range = window->range(std::max(nowMs - alert.windowMs, alert.armedMs));
        if (!range)
            return false;
        // Compared multiplied out, so no division rounds: (price - low) / low >= threshold / 100.
        const Decimal hundred(100);
        const bool rose =
            range->low.isPositive() && (price - range->low) * hundred >= alert.threshold * range->low;
        const bool fell =
            range->high.isPositive() && (range->high - price) * hundred >= alert.threshold * range->high;
        return rose || fell;
    }
    }
    return false;
}

void PriceAlertBook::evaluate(const QString& venue, const QString& market, const Decimal& lastPrice) {
    if (!lastPrice.isPositive())
        return;
    const QString key = PriceAlert::marketKeyOf(venue, market);
    const qint64 now = m_clock.nowMs();
    recordPrice(key, lastPrice, now);
    QList<PriceAlert> fired;
    for (auto it = m_alerts.begin(); it != m_alerts.end(); ++it) {
        if (!it->isArmed() || it->venue != venue || it->market != market)
            continue;
        if (!conditionHolds(*it, lastPrice, now))
            continue;
        PriceAlert updated = *it;
        updated.state = PriceAlertState::Fired;
        updated.firedMs = now;
        updated.firedPrice = lastPrice;
        // Fired in memory even when the write fails: firing twice would be worse than a stale row.
        if (isPersistent() && !updateRow(updated))
            qWarning("price alerts: could not save fired alert %lld", updated.id);
        *it = updated;
        fired.append(updated);
    }
    if (fired.isEmpty())
        return;
    emit alertsChanged();
    for (const PriceAlert& a : std::as_const(fired))
        emit alertFired(a);
}

void PriceAlertBook::watch(MarketDataHub* hub) {
    QPointer<MarketDataHub> guard(hub);
    connect(hub, &MarketDataHub::updated, this, [this, guard](const MarketDataChanges& changes) {
        if (!guard)
            return;
        const QString venue = guard->venueId();
        for (const QString& market : changes.tickers)
            if (const auto ticker = guard->ticker(market))
                evaluate(venue, market, ticker->last);
    });
}

bool PriceAlertBook::insertRow(PriceAlert& alert) {
    QSqlQuery q(m_database->database());
    q.prepare(
        QStringLiteral("INSERT INTO price_alerts (venue, market, kind, threshold, window_ms, state, "
                       "created_ms, armed_ms, fired_ms, fired_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(alert.venue);
    q.addBindValue(alert.market);
    q.addBindValue(priceAlertKindName(alert.kind));
    q.addBindValue(ProfileDatabase::toSql(alert.threshold));
    q.addBindValue(alert.windowMs);
    q.addBindValue(priceAlertStateName(alert.state));
    q.addBindValue(alert.createdMs);
    q.addBindValue(alert.armedMs);
    q.addBindValue(alert.firedMs ? QVariant(alert.firedMs) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(ProfileDatabase::toSql(alert.firedPrice));
    if (!q.exec()) {
        m_lastError = QCoreApplication::translate("hoga::PriceAlertBook", "Could not save the alert: %1")
                          .arg(q.lastError().text());
        return false;
    }
    alert.id = q.lastInsertId().toLongLong();
    return true;
}

bool PriceAlertBook::updateRow(const PriceAlert& alert) {
    QSqlQuery q(m_database->database());
    q.prepare(QStringLiteral(
        "UPDATE price_alerts SET state = ?, armed_ms = ?, fired_ms = ?, fired_price = ? WHERE id = ?"));
    q.addBindValue(priceAlertStateName(alert.state));
    q.addBindValue(alert.armedMs);
    q.addBindValue(alert.firedMs ? QVariant(alert.firedMs) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(ProfileDatabase::toSql(alert.firedPrice));
    q.addBindValue(alert.id);
    if (!q.exec()) {
        m_lastError = QCoreApplication::translate("hoga::PriceAlertBook", "Could not save the alert: %1")
                          .arg(q.lastError().text());
        return false;
    }
    return true;
}

bool PriceAlertBook::deleteRow(qint64 id) {
    QSqlQuery q(m_database->database());
    q.prepare(QStringLiteral("DELETE FROM price_alerts WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = QCoreApplication::translate("hoga::PriceAlertBook", "Could not remove the alert: %1")
                          .arg(q.lastError().text());
        return false;
    }
    return true;
}

} // namespace hoga
