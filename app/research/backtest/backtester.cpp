#include "backtester.h"

#include "backtest_context.h"
#include "backtest_metrics.h"

namespace hoga {

qint64 Backtester::candleLengthMs(const QVector<Candle>& candles) {
    qint64 smallest = 0;
    for (qsizetype i = 1; i < candles.size(); ++i) {
        const qint64 gap = candles[i].openTimeMs - candles[i - 1].openTimeMs;
        if (gap > 0 && (smallest == 0 || gap < smallest))
            smallest = gap;
    }
    return smallest;
}

BacktestResult Backtester::run(Strategy& strategy, const QVector<Candle>& candles,
                               const BacktestConfig& config) {
    const qint64 candleMs = config.candleMs > 0 ? config.candleMs : candleLengthMs(candles);
    BacktestContext context(config);
    BacktestResult result;
    result.equity.reserve(candles.size());
    int holding = 0;
    if (!candles.isEmpty())
        context.setNow(candles.first().openTimeMs);
    strategy.onStart(context);
    for (int i = 0; i < candles.size(); ++i) {
        const Candle& candle = candles[i];
        context.setCandleIndex(i);
        context.setNow(candle.openTimeMs);
        context.fillOrders(strategy, candle, i);
        context.setNow(candle.openTimeMs + candleMs);
        context.setLastPrice(candle.close);
        strategy.onCandle(context, candle, config.interval);
        context.fireTimers(strategy);
        if (context.holdsBase())
            ++holding;
        result.equity.append({candle.openTimeMs, context.equity(candle.close)});
    }
    strategy.onStop(context);
    context.cancelAllOrders(); // what never filled releases its reservation; equity already counts it
    result.fills = std::move(context.fills());
    result.refusals = std::move(context.refusals());
    result.log = std::move(context.logLines());
    result.metrics =
        BacktestStatistics::compute(config, candles, result.equity, result.fills, holding, candleMs);
    return result;
}

} // namespace hoga
