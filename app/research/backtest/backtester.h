#pragma once

#include "backtest_result.h"

#include "trading/strategy/strategy.h"

namespace hoga {

// Replays candles through a strategy (the same object that trades live) on a simulated clock and account,
// and measures the run. Fill rules: BacktestContext. One run per call; runs share nothing, so a sweep runs
// many at once on separate threads.
//
// For each candle, in order: the clock is set to its open and pending orders fill by the rules; then the
// clock is set to its close, the strategy gets onCandle, due timers fire, and the closing equity is recorded.
class Backtester {
public:
    static BacktestResult run(Strategy& strategy, const QVector<Candle>& candles,
                              const BacktestConfig& config);
    // The smallest gap between consecutive open times (0 for fewer than two candles).
    static qint64 candleLengthMs(const QVector<Candle>& candles);
};

} // namespace hoga
