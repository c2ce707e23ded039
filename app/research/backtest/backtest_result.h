#pragma once

#include "core/candle.h"
#include "core/market.h"
#include "core/order.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace hoga {

// What a backtest runs on. Money is exact; the fee rate applies to every fill's notional, in quote.
struct BacktestConfig {
    Market market;       // code, base, quote and rules.qtyStep (quantities are rounded down to it)
    Decimal feeRate;     // e.g. 0.0005
    Decimal initialCash; // in the quote currency
    CandleInterval interval = CandleInterval::M1; // what onCandle is told
    qint64 candleMs = 0; // one candle's length; 0 = the smallest gap between the candles' open times
};

// One fill of the simulated account, with the account right after it. Compact on purpose: a long run keeps
// tens of thousands, and on first touch every page of them costs a fault. What is the same for every fill of
// the run (venue "backtest", the market, the fee currency = quote) is not repeated; ids are numbers.
struct BacktestFill {
    qint64 timestampMs = 0;
    int orderNumber = 0; // the order's client id (and id) is "bt-<orderNumber>"
    int candleIndex = 0; // the candle whose prices filled it
    Side side = Side::Buy;
    OrderType type = OrderType::Market;
    bool maker = false;
    QString tag;
    Decimal price;
    Decimal qty;
    Decimal fee;         // in quote
    Decimal realizedPnl; // sells: against the average cost (buy fees included), minus this fill's fee
    Decimal cashAfter;   // quote, free + reserved
    Decimal baseAfter;   // base, free + reserved

    static QString orderClientId(int orderNumber);
    // As the engine's Fill on `market` (what a strategy's onFill receives); `number` counts the run's fills
    // from 1 and makes the trade id "bt-fill-<number>".
    Fill toFill(const Market& market, qsizetype number) const;
};

struct EquityPoint {
    qint64 openTimeMs = 0;
    Decimal equity; // at the candle's close: cash + base * close
};

// The numbers of one run. Ratios are doubles (fractions: 0.1 is 10 %); money stays exact. The formulas are
// in app/research/README.md.
struct BacktestMetrics {
    int candles = 0;
    Decimal initialCash;
    Decimal finalEquity;
    Decimal fees;
    int trades = 0;     // fills
    int roundTrips = 0; // sells that closed (part of) a position
    int wins = 0;       // of those, with realized PnL > 0
    double totalReturn = 0;
    double cagr = 0;
    double maxDrawdown = 0; // positive fraction of the peak
    double sharpe = 0;
    double sortino = 0;
    double winRate = 0;      // wins / roundTrips (0 without round trips)
    double profitFactor = 0; // gross profit / gross loss; +inf with profits and no loss, 0 with neither
    double exposure = 0;     // fraction of candles closed holding base
    Decimal buyHoldFinalEquity;
    double buyHoldReturn = 0;
    double periodsPerYear = 0;
};

} // namespace hoga

// Relocatable (QStrings and plain values): a growing QVector moves them with memcpy instead of copying each.
Q_DECLARE_TYPEINFO(hoga::BacktestFill, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(hoga::EquityPoint, Q_RELOCATABLE_TYPE);

namespace hoga {

// The closing equity of every candle of a run, stored compactly: the account's totals change only on a
// fill, and every fill carries the totals after it, so the curve is the initial cash plus the run's fills and
// candles (both shared, not copied), and computes a point exactly on demand: cash + base * close.
// A million-candle run thus keeps no per-candle points at all.
class EquityCurve {
public:
    // From candle `fromIndex` on, the account's totals were `cash` and `base` (until the next change).
    struct Holdings {
        qsizetype fromIndex = 0;
        const Decimal* cash = nullptr;
        const Decimal* base = nullptr;
    };

    class const_iterator {
    public:
        const_iterator(const EquityCurve* curve, qsizetype index, qsizetype change)
            : m_curve(curve)
            , m_index(index)
            , m_change(change) {}
        EquityPoint operator*() const { return m_curve->point(m_index, m_change); }
        const_iterator& operator++() {
            ++m_index;
            while (m_change + 1 < m_curve->changeCount() && m_curve->changeFrom(m_change + 1) <= m_index)
                ++m_change;
            return *this;
        }
        bool operator==(const const_iterator& o) const { return m_index == o.m_index; }
        bool operator!=(const const_iterator& o) const { return m_index != o.m_index; }

    private:
        const EquityCurve* m_curve;
        qsizetype m_index;
        qsizetype m_change;
    };

    EquityCurve() = default;
    // The first `size` candles of `candles`, an account starting with `initialCash` (no base) and changed by
    // `fills` (in the order they happened).
    EquityCurve(const QVector<Candle>& candles, qsizetype size, const Decimal& initialCash,
                const QVector<BacktestFill>& fills)
        : m_candles(candles)
        , m_size(size)
        , m_initialCash(initialCash)
        , m_fills(fills) {}

    // The totals' changes: the start (0), then one per fill; a change's stretch may be empty when several
    // fills happen on one candle (the last one counts).
    qsizetype changeCount() const { return m_size > 0 ? m_fills.size() + 1 : 0; }
    Holdings change(qsizetype k) const {
        if (k == 0)
            return Holdings{0, &m_initialCash, &m_zero};
        const BacktestFill& f = m_fills[k - 1];
        return Holdings{f.candleIndex, &f.cashAfter, &f.baseAfter};
    }
    const QVector<Candle>& candles() const { return m_candles; }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return size() == 0; }
    EquityPoint at(qsizetype index) const { return point(index, changeIndexOf(index)); }
    EquityPoint operator[](qsizetype index) const { return at(index); }
    EquityPoint last() const { return at(size() - 1); }
    const_iterator begin() const { return const_iterator(this, 0, firstChangeFor(0)); }
    const_iterator end() const { return const_iterator(this, size(), 0); }

    // cash + base * close, exactly (no multiplication while flat): what the account was worth.
    static Decimal equity(const Decimal& cash, const Decimal& base, const Decimal& close) {
        return base.isZero() ? cash : cash + base * close;
    }

private:
    qsizetype changeFrom(qsizetype k) const { return k == 0 ? 0 : m_fills[k - 1].candleIndex; }
    qsizetype firstChangeFor(qsizetype index) const {
        qsizetype k = 0;
        while (k + 1 < changeCount() && changeFrom(k + 1) <= index)
            ++k;
        return k;
    }
    EquityPoint point(qsizetype index, qsizetype k) const {
        const Candle& candle = m_candles[index];
        const Holdings h = change(k);
        return EquityPoint{candle.openTimeMs, equity(*h.cash, *h.base, candle.close)};
    }
    qsizetype changeIndexOf(qsizetype index) const;

    QVector<Candle> m_candles;
    qsizetype m_size = 0;
    Decimal m_initialCash;
    Decimal m_zero;
    QVector<BacktestFill> m_fills;
};

struct BacktestResult {
    QVector<BacktestFill> fills;
    EquityCurve equity;
    BacktestMetrics metrics;
    QStringList refusals; // orders refused at once, with the reason (translated)
    QStringList log;      // the strategy's log()
};

} // namespace hoga
