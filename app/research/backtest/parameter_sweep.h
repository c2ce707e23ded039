#pragma once

#include "backtest_result.h"

#include "trading/strategy/strategy_params.h"

#include <QPair>

#include <functional>

namespace hoga {

// One point of a sweep: the parameters and what the run gave (or why the strategy refused them).
struct SweepRun {
    StrategyParams params;
    BacktestMetrics metrics;
    QString error; // translated; empty when the run happened
};

// Backtests every combination of a parameter grid, all cores at once (QtConcurrent's global pool).
class ParameterSweep {
public:
    using Factory = std::function<Result<std::unique_ptr<Strategy>>(const StrategyParams&)>;
    using Grid = QVector<QPair<QString, QStringList>>; // key -> values, swept in this order

    // Every combination: the first key varies slowest. Fixed parameters are added to each.
    static QVector<StrategyParams> combinations(const Grid& grid, const StrategyParams& fixed = {});
    // Runs in parallel; results in the order of combinations(). `progress(done, total)` is called from worker
    // threads after each run (may be empty). The factory must be safe to call from several threads.
    static QVector<SweepRun> run(const Grid& grid, const StrategyParams& fixed, const Factory& factory,
                                 const QVector<Candle>& candles, const BacktestConfig& config,
                                 const std::function<void(int, int)>& progress = {});
};

} // namespace hoga
