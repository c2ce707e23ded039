#pragma once

#include "order_manager.h"
#include "trading/risk/risk_limits.h"

#include "core/clock.h"
#include "core/market.h"
#include "venues/connector.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace hoga {

class ProfileDatabase;

// What the emergency stop achieved on one venue.
struct EmergencyStopVenueReport {
    QString venue;
    int cancelRequested = 0;
    int cancelConfirmed = 0; // the venue answered with a finished order
    QStringList stillOpen;   // venue order ids open after the stop (checked by asking the venue)
    QStringList errors;      // translated
};
using EmergencyStopReport = QVector<EmergencyStopVenueReport>;

// The one order flow of a profile. Every order (ticket, bot, hoga-cli, emergency stop) goes through it:
// rules -> risk -> journal (Pending) -> send with its client id -> follow to a terminal state. Lives on its
// own thread (see EngineThread); call its methods on that thread only (QMetaObject::invokeMethod with a
// queued connection from elsewhere); results come back as signals. Connectors live on their own threads and
// are only called through their asynchronous API.
//
// Reconciliation runs when a connector is added and after every reconnect; until it finished, the venue
// takes no new order. Nothing is ever re-sent: a Pending order the venue does not know becomes NeverSent.
class TradingEngine : public QObject {
    Q_OBJECT
public:
    TradingEngine(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~TradingEngine() override;

    // Opens the profile database on the calling (engine) thread and loads the journal's unfinished orders.
    bool open();
    QString lastError() const { return m_lastError; }

    // Follows `connector` (not owned) and reconciles it. The venue id names it from then on.
    // `followAccount`: subscribe to the account's stream (long runs); a one-shot command reads the REST
    // answers.
    void addConnector(Connector* connector, bool followAccount = true);
    void removeConnector(const QString& venue);
    void reconcile(const QString& venue);
    bool isReconciled(const QString& venue) const;

    // Rules and prices the checks use (the bot runner and the engine's own lookups keep them fresh).
    void loadMarket(const QString& venue, const QString& market); // async: marketLoaded
    void setMarket(const QString& venue, const Market& market);
    std::optional<Market> market(const QString& venue, const QString& market) const;
    void setLastPrice(const QString& venue, const QString& market, const Decimal& price);
    std::optional<Decimal> lastPrice(const QString& venue, const QString& market) const;
    // The account's balances: read at every reconciliation, then kept fresh by the account stream.
    void setBalances(const QString& venue, const QVector<Balance>& balances);
    void updateBalance(const QString& venue, const Balance& balance);
    std::optional<Balance> balance(const QString& venue, const QString& currency) const;
    // The venue's balances as last fed (empty until the account's balances arrived).
    QVector<Balance> balances(const QString& venue) const;

    void setAccountLimits(const RiskLimits& limits) { m_accountLimits = limits; }
    void setBotLimits(const QString& bot, const RiskLimits& limits) { m_botLimits.insert(bot, limits); }
    RiskLimits botLimits(const QString& bot) const { return m_botLimits.value(bot); }

    // Checks and sends. Returns the client id, or the translated reason it was refused (also emitted as
    // riskRefused for risk limits). The venue's answer arrives later as orderChanged / orderError.
    Result<QString> placeOrder(const QString& venue, OrderRequest request, const QString& bot = {},
                               const QString& tag = {});
    void cancelOrder(const QString& clientId);
    // A modify of the followed order `clientId` was answered with `replacement` (see
    // OrderManager::applyReplacement). False: not recorded (lastError()).
    bool recordReplacement(const QString& clientId, const Order& replacement, bool oldEnded);
    void cancelBotOrders(const QString& bot);

    // Halts every bot, cancels every open order of every venue (the journal's and external ones), checks
    // with each venue what is still open and emits emergencyStopFinished. The halt is journaled: no order
    // is accepted, across restarts, until rearm().
    void emergencyStop(const QString& reason);
    void rearm();
    bool isHalted() const;

    OrderJournal* journal() const { return m_journal.get(); }
    OrderManager* orders() const { return m_orders.get(); }
    const Clock& clock() const { return m_clock; }
    QStringList venues() const { return m_links.keys(); }

signals:
    void orderChanged(const hoga::ManagedOrder& order);
    void fillApplied(const hoga::Fill& fill, const QString& bot);
    void riskRefused(const QString& bot, const QString& venue, const QString& market, const QString& reason);
    void orderError(const QString& clientId, const QString& message); // names the order it belongs to
    // The venue's own answers, for clients that report them as they came (hoga-cli's order commands).
    void placementAnswered(const hoga::OrderPlacement& placement);
    void cancelAnswered(const QString& clientId, const hoga::Order& answer);
    void cancelRefused(const QString& clientId, const hoga::VenueError& error);
    void reconciled(const QString& venue);
    void reconcileFailed(const QString& venue, const QString& message);
    void marketLoaded(const QString& venue, const QString& market, bool ok);
    void haltedChanged(bool halted, const QString& reason);
    void emergencyStopFinished(const hoga::EmergencyStopReport& report);

private:
    struct VenueLink {
        QPointer<Connector> connector;
        bool reconciled = false;
        bool reconciling = false;
        bool reconcileAgain = false;
        QHash<QString, Market> markets;
        QHash<QString, Decimal> lastPrices;
        QVector<Balance> balances;
        QList<QMetaObject::Connection> connections;
    };

    void onPlacement(const OrderPlacement& placement);
    void onVenueOrder(const Order& order);
    void onVenueFill(const Fill& fill);
    void onConnectionState(const QString& venue, ConnectionState state);
    void reconciliationDone(const QString& venue, const QString& error);
    void emitOrder(const QString& clientId);
    std::optional<QString> riskCheck(const QString& venue, const OrderRequest& request, const QString& bot);
    Decimal botPosition(const QString& bot, const QString& market) const;

    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<ProfileDatabase> m_database;
    std::unique_ptr<OrderJournal> m_journal;
    std::unique_ptr<OrderManager> m_orders;
    QHash<QString, VenueLink> m_links;
    RiskLimits m_accountLimits;
    QHash<QString, RiskLimits> m_botLimits;
    OrderRateWindow m_accountRate;
    QHash<QString, OrderRateWindow> m_botRates;
    QString m_lastError;
};

// Runs a TradingEngine in a thread of its own; destroying the host stops the thread and deletes the engine
// there. open() runs on the engine's thread and waits for it.
class EngineThread {
public:
    EngineThread(QString databasePath, const Clock& clock);
    ~EngineThread();
    EngineThread(const EngineThread&) = delete;
    EngineThread& operator=(const EngineThread&) = delete;

    TradingEngine* engine() const { return m_engine; }
    QThread* thread() const { return m_thread.get(); }
    bool open(); // blocks until the engine opened its database on its thread

private:
    std::unique_ptr<QThread> m_thread;
    TradingEngine* m_engine = nullptr;
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::ManagedOrder)
Q_DECLARE_METATYPE(hoga::EmergencyStopReport)
