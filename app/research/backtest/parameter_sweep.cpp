#include "parameter_sweep.h"

#include "backtester.h"

#include <QtConcurrent/QtConcurrentMap>

#include <atomic>

namespace hoga {

QVector<StrategyParams> ParameterSweep::combinations(const Grid& grid, const StrategyParams& fixed) {
    QVector<StrategyParams> result{fixed};
    for (const auto& [key, values] : grid) {
        QVector<StrategyParams> next;
        next.reserve(result.size() * values.size());
        for (const StrategyParams& base : std::as_const(result)) {
            for (const QString& value : values) {
                StrategyParams params = base;
                params.insert(key, value);
                next.append(params);
            }
        }
        result = next;
    }
    return result;
}

QVector<SweepRun> ParameterSweep::run(const Grid& grid, const StrategyParams& fixed, const Factory& factory,
                                      const QVector<Candle>& candles, const BacktestConfig& config,
                                      const std::function<void(int, int)>& progress) {
    const QVector<StrategyParams> points = combinations(grid, fixed);
    const int total = int(points.size());
    std::atomic<int> done{0};
    std::function<SweepRun(const StrategyParams&)> one = [&](const StrategyParams& params) {
        SweepRun run;
        run.params = params;
        Result<std::unique_ptr<Strategy>> created = factory(params);
        if (created.ok())
            run.metrics = Backtester::run(*created.value(), candles, config).metrics;
        else
            run.error = created.error().userMessage();
        const int finished = ++done;
        if (progress)
            progress(finished, total);
        return run;
    };
    return QtConcurrent::blockingMapped<QVector<SweepRun>>(points, one);
}

} // namespace hoga
