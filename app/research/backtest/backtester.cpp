#include "backtester.h"

#include "backtest_context.h"
#include "backtest_metrics.h"

#include <algorithm>

namespace hoga {

qsizetype EquityCurve::holdingsIndexOf(qsizetype index) const {
    // The last entry starting at or before `index`.
    const auto after = std::upper_bound(m_holdings.cbegin(), m_holdings.cend(), index,
                                        [](qsizetype i, const Holdings& h) { return i < h.fromIndex; });
    return std::max<qsizetype>(0, (after - m_holdings.cbegin()) - 1);
}

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
    result.equity = EquityCurve(candles, candles.size());
    // Room for a fill every 16 candles up front: growing a vector of hundreds of thousands of fills copies
    // and touches it again and again, while reserved pages stay virtual until written.
    result.equity.reserve(candles.size() / 16 + 1);
    context.fills().reserve(candles.size() / 16 + 1);
    qsizetype fillsSeen = -1; // the account's totals change only on a fill
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
        if (context.fills().size() != fillsSeen) {
            fillsSeen = context.fills().size();
            result.equity.setHoldings(i, context.cashTotal(), context.baseTotal());
        }
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
