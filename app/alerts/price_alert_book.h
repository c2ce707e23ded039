#pragma once

#include "price_alert.h"
#include "price_window.h"

#include "core/clock.h"
#include "core/ticker.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <memory>

namespace hoga {

class MarketDataHub;
class ProfileDatabase;

// The price alerts of one profile. Feed it prices (evaluate / watch a MarketDataHub); an armed alert whose
// condition holds fires once (alertFired) and stays Fired until rearm(). Alerts are kept in the profile's
// database (table price_alerts) when one is opened, otherwise in memory only.
//
// Lives on the thread that created it (the GUI thread) and opens its own database connection there.
class PriceAlertBook : public QObject {
    Q_OBJECT
public:
    explicit PriceAlertBook(const Clock& clock = SystemClock::instance(), QObject* parent = nullptr);
    ~PriceAlertBook() override;

    // Opens the profile database at `databasePath` (migrating it) and loads its alerts. False: see
    // lastError(); the book then works in memory.
    bool open(const QString& databasePath);
    bool isPersistent() const;
    QString lastError() const { return m_lastError; } // translated

    // Adds an armed alert (its id, state and times are assigned here). Returns the id, 0 if refused.
    qint64 add(PriceAlert alert);
    bool remove(qint64 id);
    // Arms a fired alert again: it fires on the next price that meets its condition.
    bool rearm(qint64 id);

    QList<PriceAlert> alerts() const; // by id
    std::optional<PriceAlert> alert(qint64 id) const;

    // One price of one market; fires every armed alert of that market whose condition now holds.
    void evaluate(const QString& venue, const QString& market, const Decimal& lastPrice);
    void evaluate(const Ticker& ticker) { evaluate(ticker.venue, ticker.market, ticker.last); }
    // Evaluates every ticker the hub announces as changed (hub->venueId() names the venue).
    void watch(MarketDataHub* hub);

signals:
    void alertFired(const hoga::PriceAlert& alert);
    void alertsChanged(); // added, removed, fired or re-armed

private:
    bool conditionHolds(const PriceAlert& alert, const Decimal& price, qint64 nowMs) const;
    void recordPrice(const QString& key, const Decimal& price, qint64 nowMs);
    bool insertRow(PriceAlert& alert);
    bool updateRow(const PriceAlert& alert);
    bool deleteRow(qint64 id);
    void load();

    const Clock& m_clock;
    std::unique_ptr<ProfileDatabase> m_database;
    QMap<qint64, PriceAlert> m_alerts;
    QHash<QString, PriceWindow> m_windows; // per market key, only for markets with percent-move alerts
    qint64 m_nextMemoryId = 1;
    QString m_lastError;
};

} // namespace hoga
