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

// One fill of the simulated account, with the account right after it.
struct BacktestFill {
    Fill fill;
    OrderType type = OrderType::Market;
    QString tag;
    Decimal realizedPnl; // sells: against the average cost (buy fees included), minus this fill's fee
    Decimal cashAfter;   // quote, free + reserved
    Decimal baseAfter;   // base, free + reserved
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
// fill, so the curve keeps one entry per change (from which candle on: cash and base, free and reserved)
// plus the run's candles (shared, not copied), and computes a point exactly on demand: cash + base * close.
// A million-candle run thus keeps a few thousand entries instead of a million points.
class EquityCurve {
public:
    struct Holdings {
        qsizetype fromIndex = 0; // the first candle closed with these totals
        Decimal cash;
        Decimal base;
    };

    class const_iterator {
    public:
        const_iterator(const EquityCurve* curve, qsizetype index, qsizetype holdings)
            : m_curve(curve)
            , m_index(index)
            , m_holdings(holdings) {}
        EquityPoint operator*() const { return m_curve->point(m_index, m_holdings); }
        const_iterator& operator++() {
            ++m_index;
            if (m_holdings + 1 < m_curve->m_holdings.size() &&
                m_curve->m_holdings[m_holdings + 1].fromIndex <= m_index)
                ++m_holdings;
            return *this;
        }
        bool operator==(const const_iterator& o) const { return m_index == o.m_index; }
        bool operator!=(const const_iterator& o) const { return m_index != o.m_index; }

    private:
        const EquityCurve* m_curve;
        qsizetype m_index;
        qsizetype m_holdings;
    };

    EquityCurve() = default;
    // A curve over `candles` (shared); points exist for the first `size` of them once holdings are set.
    EquityCurve(const QVector<Candle>& candles, qsizetype size)
        : m_candles(candles)
        , m_size(size) {}

    // From candle `fromIndex` on (increasing from 0), the account's totals are `cash` and `base`.
    void setHoldings(qsizetype fromIndex, const Decimal& cash, const Decimal& base) {
        m_holdings.append(Holdings{fromIndex, cash, base});
    }
    void reserve(qsizetype holdings) { m_holdings.reserve(holdings); }
    const QVector<Holdings>& holdings() const { return m_holdings; }
    const QVector<Candle>& candles() const { return m_candles; }

    qsizetype size() const { return m_holdings.isEmpty() ? 0 : m_size; }
    bool isEmpty() const { return size() == 0; }
    EquityPoint at(qsizetype index) const { return point(index, holdingsIndexOf(index)); }
    EquityPoint operator[](qsizetype index) const { return at(index); }
    EquityPoint last() const { return at(size() - 1); }
    const_iterator begin() const { return const_iterator(this, 0, 0); }
    const_iterator end() const { return const_iterator(this, size(), 0); }

    // cash + base * close, exactly (no multiplication while flat): what the account was worth.
    static Decimal equity(const Holdings& h, const Decimal& close) {
        return h.base.isZero() ? h.cash : h.cash + h.base * close;
    }

private:
    EquityPoint point(qsizetype index, qsizetype holdings) const {
        const Candle& candle = m_candles[index];
        return EquityPoint{candle.openTimeMs, equity(m_holdings[holdings], candle.close)};
    }
    qsizetype holdingsIndexOf(qsizetype index) const;

    QVector<Candle> m_candles;
    qsizetype m_size = 0;
    QVector<Holdings> m_holdings; // by fromIndex, the first at 0
};

struct BacktestResult {
    QVector<BacktestFill> fills;
    EquityCurve equity;
    BacktestMetrics metrics;
    QStringList refusals; // orders refused at once, with the reason (translated)
    QStringList log;      // the strategy's log()
};

} // namespace hoga
