#pragma once

#include "closed_candles.h"
#include "trading_engine.h"

#include "trading/strategy/strategy.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QTimer;

#include <memory>

namespace hoga {

// Runs one Strategy on the engine's thread: it is the strategy's StrategyContext, feeds it the events of an
// event source (live connector signals or a replay, through feed()), builds the closed candles it asked for,
// fires its timers on the engine clock, keeps its position from its own fills, halts it at the daily loss
// limit, and saves its state in the journal so it resumes after a restart.
class BotRunner : public QObject, public StrategyContext {
    Q_OBJECT
public:
    // `record` names the bot, its venue, market and parameters; its saved state is restored on start().
    BotRunner(TradingEngine& engine, BotRecord record, std::unique_ptr<Strategy> strategy, Market market,
              RiskLimits limits = {}, QObject* parent = nullptr);
    ~BotRunner() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool isHalted() const { return m_record.status == BotRecord::Status::Halted; }
    const BotRecord& record() const { return m_record; }
    Strategy& strategy() { return *m_strategy; }

    // One market event from the event source (the replay sets the engine clock to its time first).
    void feed(const MarketEvent& event);
    // Fires due timers and closes due candles at the engine clock's time.
    void tick();

    // Live source: follows the venue connector's streams for what the strategy needs (reference-counted
    // subscriptions, released on stop).
    void attachLive(Connector* connector);

    // StrategyContext
    qint64 nowMs() const override;
    const Market& market() const override { return m_market; }
    Result<QString> placeOrder(const OrderIntent& intent) override;
    void cancelOrder(const QString& clientId) override;
    void cancelAllOrders() override;
    Position position() const override { return m_record.position; }
    Balance balance(const QString& currency) const override;
    QVector<Order> openOrders() const override;
    std::optional<Decimal> lastPrice() const override;
    void startTimer(int id, qint64 intervalMs) override;
    void stopTimer(int id) override;
    void log(const QString& message) override;
    void setIndicator(const QString& name, double value) override;

signals:
    void logged(const QString& bot, const QString& message);
    void halted(const QString& bot, const QString& reason);

private:
    void onOrderChanged(const ManagedOrder& order);
    void onFill(const Fill& fill, const QString& bot);
    void deliverNow(const MarketEvent& event);
    void checkDailyLoss();
    void halt(const QString& reason);
    void save();
    void rebuildPosition();

    struct Timer {
        qint64 intervalMs = 0;
        qint64 nextMs = 0;
    };

    TradingEngine& m_engine;
    BotRecord m_record;
    std::unique_ptr<Strategy> m_strategy;
    Market m_market;
    RiskLimits m_limits;
    StrategyNeeds m_needs;
    std::unique_ptr<ClosedCandles> m_candles;
    QHash<int, Timer> m_timers;
    QHash<QString, double> m_indicators;
    bool m_running = false;
    qint64 m_dayStartMs = -1;
    Decimal m_realisedAtDayStart;
    static constexpr int kLiveTickMs = 250;
    QTimer* m_liveTicker = nullptr;
    QPointer<Connector> m_live;
    unsigned m_liveChannels = 0;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace hoga
