#pragma once

#include "profile_engine_types.h"

#include "trading/engine/bot_runner.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <map>
#include <memory>

class QTimer;

namespace hoga {

class Connector;
class ProfileDatabase;

// The bots of one profile, on the engine's thread: creates BotRunners from their journal records, starts,
// pauses, stops and deletes them, ticks their timers, and publishes a BotSnapshot of each after every
// change. Risk limits per bot are kept in the profile database beside the journal's bot rows. Call only on
// the engine's thread (ProfileEngine does, with queued invocations).
class EngineBots : public QObject {
    Q_OBJECT
public:
    EngineBots(TradingEngine& engine, QString databasePath, int tickIntervalMs, QObject* parent = nullptr);
    ~EngineBots() override;

    // Opens its database connection (on the engine thread), loads every bot and publishes it.
    bool open();
    void addConnector(Connector* connector);
    // Bots the journal has as running (the app quit while they ran): started again once their venue is
    // reconciled when `restart`, else marked stopped.
    void restoreRunning(bool restart);

    void create(BotRecord record, const RiskLimits& limits);
    void update(const QString& id, const QJsonObject& params, const RiskLimits& limits);
    void start(const QString& id);
    void pause(const QString& id);
    void resume(const QString& id) { start(id); }
    void stop(const QString& id); // also cancels the bot's open orders
    void remove(const QString& id);
    void duplicate(const QString& id, const QString& newId);
    void pauseAll();
    void resumeAll();
    // The emergency stop: every running bot stops and is marked halted with `reason`.
    void haltAll(const QString& reason);
    // App shutdown: runners stop, but the journal keeps "running" so they start again at the next login.
    void shutdown();
    void tickAll();

    QVector<BotSnapshot> snapshots() const;

signals:
    void snapshotChanged(const hoga::BotSnapshot& snapshot);
    void removed(const QString& id);
    void logged(const QString& id, qint64 timeMs, const QString& line);

private:
    struct Bot {
        BotRecord record;
        RiskLimits limits;
        BotState state = BotState::Stopped;
        QString message;
        QString lastSignal;
        qint64 lastSignalMs = 0;
        qint64 ordersDay = -1;
        QSet<QString> ordersToday;
        std::unique_ptr<BotRunner> runner;
    };

    Bot* find(const QString& id);
    void startNow(Bot& bot);
    void launch(const QString& id, const Market& market);
    void stopRunner(Bot& bot, BotState state, const QString& message = {});
    void fail(Bot& bot, const QString& message);
    void publish(Bot& bot);
    void log(Bot& bot, const QString& line);
    void onOrderChanged(const ManagedOrder& order);
    void onFill(const Fill& fill, const QString& botId);
    void onOrderError(const QString& clientId, const QString& message);
    void onRiskRefused(const QString& botId, const QString& reason);
    void onReconciled(const QString& venue);
    bool saveLimits(const QString& id, const RiskLimits& limits);
    void countOrdersToday(Bot& bot);

    TradingEngine& m_engine;
    QString m_databasePath;
    int m_tickIntervalMs;
    std::unique_ptr<ProfileDatabase> m_database;
    std::map<QString, Bot> m_bots; // by id, sorted
    QHash<QString, QPointer<Connector>> m_connectors;
    QSet<QString> m_waitingForVenue; // bot ids to start once their venue is reconciled
    QTimer* m_ticker = nullptr;
};

} // namespace hoga
