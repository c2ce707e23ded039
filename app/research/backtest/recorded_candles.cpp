#include "recorded_candles.h"

namespace hoga {

QVector<Candle> candlesFromTrades(const QVector<Trade>& trades, CandleInterval interval) {
    // Every bucket is kept: the aggregator's bound only matters for live charts.
    CandleAggregator aggregator(interval, int(qMin<qsizetype>(trades.size() + 1, 1 << 30)));
    for (const Trade& trade : trades)
        aggregator.addTrade(trade);
    return aggregator.candles();
}

QVector<Candle> recordedCandles(MarketDataStore& store, const QString& venue, const QString& market,
                                CandleInterval interval, qint64 fromMs, qint64 toMs) {
    return candlesFromTrades(store.trades(venue, market, fromMs, toMs), interval);
}

} // namespace hoga
