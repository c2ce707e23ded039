#pragma once

#include "profile_engine_types.h"

#include "core/clock.h"
#include "trading/engine/trading_engine.h"
#include "trading/strategy/strategy_params.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

namespace hoga {

class EngineBots;
class VenueSession;

struct ProfileEngineOptions {
    QString databasePath; // the profile's database (ProfilePaths::databaseFile())
    const Clock* clock = &SystemClock::instance();
    bool restartRunningBots = true; // bots running when the app quit start again after reconciliation
    int tickIntervalMs = 1000;      // how often bot timers fire and snapshots refresh
};

// What the bot editor hands over to create or change a bot.
struct BotSpec {
    QString id; // the bot's name, unique in the profile
    QString strategy;
    QString venue;
    QString market;
    StrategyParams params;
    RiskLimits limits;
};

// The trading engine of one open profile, for the desktop: one TradingEngine on its own thread
// (EngineThread) following every venue session's connector, fed with market rules and balances from the
// sessions; the profile's bots on that thread (EngineBots); manual orders of the ticket routed through the
// engine, tagged "manual". Lives on the GUI thread; every call into the engine is a queued invocation, and
// the UI reads snapshots cached here from the engine's signals.
class ProfileEngine : public QObject {
    Q_OBJECT
public:
    ProfileEngine(ProfileEngineOptions options, QList<VenueSession*> sessions, QObject* parent = nullptr);
    ~ProfileEngine() override;

    // Opens the journal on the engine thread, adds the connectors and loads the bots.
    bool open();
    QString lastError() const { return m_lastError; }
    bool isOpen() const { return m_bots != nullptr; }
    TradingEngine* engine() const; // on its own thread: invoke queued
    QList<VenueSession*> sessions() const { return m_sessions; }

    // Bots. Commands return at once; snapshots follow through botChanged.
    std::optional<QString> validateBot(const BotSpec& spec, bool creating) const; // translated reason
    Result<QString> createBot(const BotSpec& spec);
    Result<QString> updateBot(const BotSpec& spec);
    void startBot(const QString& id);
    void pauseBot(const QString& id);
    void resumeBot(const QString& id);
    void stopBot(const QString& id);
    void deleteBot(const QString& id);
    QString duplicateBot(const QString& id); // the copy's id
    void pauseAll();
    void resumeAll();
    QString uniqueBotId(const QString& base) const;

    QVector<BotSnapshot> bots() const; // by id
    std::optional<BotSnapshot> bot(const QString& id) const;
    int runningBots() const;
    // The bots' PnL since 00:00 UTC (or since this app saw them first today), by quote currency.
    QHash<QString, Decimal> todayPnl() const;
    QStringList botLog(const QString& id) const; // oldest first, the last 500 lines
    QVector<BotPnlPoint> pnlHistory(const QString& id) const;
    // From the journal (a short blocking query on the engine thread).
    QVector<JournalOrder> botOrders(const QString& id) const;
    QVector<Fill> botFills(const QString& id) const;
    // Every order the engine follows that is still open at its venue (all bots and manual ones).
    int openOrderCount() const;

    // Halts every bot and cancels every open order of every venue; the report follows.
    void emergencyStop(const QString& reason);
    void rearm();
    bool isHalted() const { return m_halted; }
    QString haltReason() const { return m_haltReason; }

    // The account's own limits, checked for every order of the profile (ticket and bots) on top of each bot's
    // limits; the daily loss limit halts every bot once the bots' result today, in one quote currency, loses
    // that much. Kept in the profile's database and applied when the engine opens. False when they could not
    // be saved (lastError() says why); the engine uses them anyway.
    bool setAccountLimits(const RiskLimits& limits);
    RiskLimits accountLimits() const { return m_accountLimits; }
    // Whether the venue's orders are reconciled with the journal (until then it takes no new order).
    bool isReconciled(const QString& venue) const { return m_reconciled.contains(venue); }

signals:
    void reconciledChanged(const QString& venue, bool reconciled);
    void botsChanged(); // a bot was added or deleted
    void botChanged(const QString& id);
    void botLogged(const QString& id, const QString& line);
    void orderChanged(const hoga::ManagedOrder& order);
    void fillApplied(const hoga::Fill& fill, const QString& bot);
    void riskRefused(const QString& bot, const QString& venue, const QString& market, const QString& reason);
    void haltedChanged(bool halted, const QString& reason);
    void emergencyStopFinished(const hoga::EmergencyStopReport& report);

private:
    void feedSession(VenueSession* session);
    void routeManualOrders(VenueSession* session);
    void onSnapshot(const BotSnapshot& snapshot);
    void onBotRemoved(const QString& id);
    void onLogged(const QString& id, qint64 timeMs, const QString& line);
    void onEngineOrder(const ManagedOrder& order);
    void onEngineOrderError(const QString& clientId, const QString& message);
    void onCancelAnswered(const QString& clientId, const Order& answer);
    void onCancelRefused(const QString& clientId, const VenueError& error);
    void checkAccountDailyLoss();
    template <class F> void onEngine(F&& f) const;
    template <class F> void onBots(F&& f) const;

    struct ManualOrder {
        VenueSession* session = nullptr;
        QString description; // "buy KRW-BTC", to name the order in errors
    };

    ProfileEngineOptions m_options;
    QList<VenueSession*> m_sessions;
    std::unique_ptr<EngineThread> m_thread;
    EngineBots* m_bots = nullptr; // on the engine thread
    QString m_lastError;
    QHash<QString, BotSnapshot> m_snapshots;
    QHash<QString, QStringList> m_logs;
    QHash<QString, QVector<BotPnlPoint>> m_pnl;
    QHash<QString, BotPnlPoint> m_dayStart; // per bot: the day (timeMs = day number) and its PnL then
    QSet<QString> m_reconciled;
    QSet<QString> m_usedIds;              // names with orders in the journal: never given to another bot
    QHash<QString, ManualOrder> m_manual; // client id -> the ticket's order, until the venue answers
    struct ManualCancel {
        VenueSession* session = nullptr;
        QString orderId; // the venue's id the Trading tab knows the order by
    };
    QHash<QString, ManualCancel> m_cancels; // client id -> a cancel from the window, until the venue answers
    QHash<QString, ManagedOrder> m_openOrders; // client id -> orders the engine follows
    RiskLimits m_accountLimits;
    bool m_halted = false;
    QString m_haltReason;
};

} // namespace hoga
