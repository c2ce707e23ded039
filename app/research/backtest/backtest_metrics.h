#pragma once

#include "backtest_result.h"

namespace hoga {

// The statistics of a finished run, from its closing equity and fills. Pure functions, for tests.
class BacktestStatistics {
public:
    // Fills metrics from the equity curve (one point per candle), the fills and the counters the run kept.
    static BacktestMetrics compute(const BacktestConfig& config, const QVector<Candle>& candles,
                                   const EquityCurve& equity, const QVector<BacktestFill>& fills,
                                   int candlesHoldingBase, qint64 candleMs);

    // max over t of (peak_t - E_t) / peak_t, peak_t the highest E up to t.
    static double maxDrawdown(const QVector<double>& equity);
    // Simple per-candle returns r_t = E_t / E_(t-1) - 1, starting from `initial`.
    static QVector<double> returns(double initial, const QVector<double>& equity);
    // mean / sample standard deviation * sqrt(periodsPerYear); 0 when undefined.
    static double sharpe(const QVector<double>& returns, double periodsPerYear);
    // mean / downside deviation * sqrt(periodsPerYear), downside deviation sqrt(sum(min(r,0)^2) / n).
    static double sortino(const QVector<double>& returns, double periodsPerYear);
    // The final equity of spending all the cash at the first candle's open (fee paid, quantity rounded
    // down to the step) and holding to the last close.
    static Decimal buyAndHold(const BacktestConfig& config, const QVector<Candle>& candles);
};

} // namespace hoga
