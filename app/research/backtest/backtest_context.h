#pragma once

#include "backtest_result.h"

#include "trading/strategy/strategy.h"

#include <QHash>
#include <QVector>

namespace hoga {

// The strategy's world in a backtest: a simulated clock and account behind the engine's StrategyContext,
// and the fill rules (see app/research/README.md):
// - orders placed while candle i is delivered can fill from candle i+1 on, never on the candle they were
//   decided on;
// - a market order fills at the next candle's open; a market buy by `total` spends at most that much quote,
//   fee included; one by `qty` is cut down to what the cash buys;
// - a limit buy fills when a later candle's low is below its price, a limit sell when a later high is above
//   it, in full, at the limit price;
// - the fee is feeRate * price * qty, in quote, on every fill; quantities are rounded down to the step;
// - a limit order reserves its cash (buy, fee included) or base (sell) when placed and is refused if the
//   account lacks it; a sell of more base than held is refused.
class BacktestContext final : public StrategyContext {
public:
    explicit BacktestContext(const BacktestConfig& config);

    // --- the run ---
    void setNow(qint64 ms) { m_now = ms; }
    void setLastPrice(const Decimal& price) { m_last = price; }
    // Fills what the candle allows, then tells the strategy (onOrderUpdate, onFill). `index` is the
    // candle's position in the run.
    void fillOrders(Strategy& strategy, const Candle& candle, int index);
    // onTimer for every timer due by now (each at most 1000 times per call, so a tiny interval stays
    // bounded).
    void fireTimers(Strategy& strategy);
    void setCandleIndex(int index) { m_candleIndex = index; }
    // Cash + base at `price`, free and reserved alike; one multiplication only while holding base.
    Decimal equity(const Decimal& price) const {
        return m_baseTotal.isZero() ? m_cashTotal : m_cashTotal + m_baseTotal * price;
    }
    bool holdsBase() const { return m_baseTotal.isPositive(); }
    // Quote and base, free and reserved alike; they change only on a fill.
    const Decimal& cashTotal() const { return m_cashTotal; }
    const Decimal& baseTotal() const { return m_baseTotal; }

    QVector<BacktestFill>& fills() { return m_fills; }
    QStringList& refusals() { return m_refusals; }
    QStringList& logLines() { return m_log; }
    // The strategy's latest indicator values, in the order first published.
    const QVector<QPair<QString, double>>& indicators() const { return m_indicators; }

    // --- StrategyContext ---
    qint64 nowMs() const override { return m_now; }
    const Market& market() const override { return m_config.market; }
    Result<QString> placeOrder(const OrderIntent& intent) override;
    void cancelOrder(const QString& clientId) override;
    void cancelAllOrders() override;
    Position position() const override { return m_position; }
    Balance balance(const QString& currency) const override;
    QVector<Order> openOrders() const override;
    std::optional<Decimal> lastPrice() const override;
    void startTimer(int id, qint64 intervalMs) override;
    void stopTimer(int id) override;
    void log(const QString& message) override { m_log.append(message); }
    void setIndicator(const QString& name, double value) override;

private:
    struct Pending {
        Order order;
        QString tag;
        int number = 0;           // the order's number in the run ("bt-<number>")
        int placedAt = 0;         // candle index when placed
        Decimal reservedCash;     // limit buys
        Decimal reservedBase;     // limit sells
        qsizetype fillIndex = -1; // in m_fills, once filled
    };
    struct Timer {
        qint64 intervalMs = 0;
        qint64 dueMs = 0;
    };

    Result<QString> refuse(ErrorKind kind, const QString& reason);
    Decimal floorToStep(const Decimal& qty) const;
    // Executes one fill; returns false when the account cannot take it (then the order is rejected).
    bool execute(Pending& pending, const Decimal& price, const Decimal& qty, bool maker);
    void release(Pending& pending);

    BacktestConfig m_config;
    qint64 m_now = 0;
    int m_candleIndex = 0;
    std::optional<Decimal> m_last;
    Decimal m_cash;         // free quote
    Decimal m_cashReserved; // quote held by open limit buys
    Decimal m_base;         // free base
    Decimal m_baseReserved; // base held by open limit sells
    Decimal m_cashTotal;    // m_cash + m_cashReserved, kept by every fill (reservations move, not change it)
    Decimal m_baseTotal;    // m_base + m_baseReserved
    Position m_position;
    QVector<Pending> m_open; // in placement order
    QVector<BacktestFill> m_fills;
    QStringList m_refusals;
    QStringList m_log;
    QVector<QPair<QString, double>> m_indicators; // a few names, set on every candle: no hashing
    QHash<int, Timer> m_timers;
    int m_nextOrder = 1;
};

} // namespace hoga
