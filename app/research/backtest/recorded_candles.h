#pragma once

#include "core/candle.h"
#include "research/recorder/market_data_store.h"

namespace hoga {

// Candles of `interval` built from the recorder's trades of one market (oldest first). Buckets without a
// trade are skipped, as venues do.
QVector<Candle> candlesFromTrades(const QVector<Trade>& trades, CandleInterval interval);
QVector<Candle> recordedCandles(MarketDataStore& store, const QString& venue, const QString& market,
                                CandleInterval interval, qint64 fromMs = 0, qint64 toMs = 0);

} // namespace hoga
