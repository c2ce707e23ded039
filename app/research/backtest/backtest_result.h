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

struct BacktestResult {
    QVector<BacktestFill> fills;
    QVector<EquityPoint> equity;
    BacktestMetrics metrics;
    QStringList refusals; // orders refused at once, with the reason (translated)
    QStringList log;      // the strategy's log()
};

} // namespace hoga
