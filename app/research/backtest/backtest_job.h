#pragma once

#include "parameter_sweep.h"
#include "research/recorder/market_data_url.h"

#include <atomic>
#include <functional>

namespace hoga {

// One backtest or sweep as a GUI asks for it: where the candles come from, the period, the strategy and
// its parameters, the account. Runs on any thread (the recorder's database is opened by the run itself).
struct BacktestRequest {
    enum class Source { CsvFile, Recorder, Candles };

    Source source = Source::CsvFile;
    QString csvPath;
    MarketDataUrl database; // Recorder: the market-data database, its venue and interval
    QString venue;
    CandleInterval recordedInterval = CandleInterval::M1;
    QString market = QStringLiteral("KRW-BTC");
    QVector<Candle> candles; // Candles: already at hand (downloaded from a venue), oldest first
    qint64 fromMs = 0;       // open times in [fromMs, toMs]; 0 = open-ended
    qint64 toMs = 0;
    StrategyTemplate strategy;
    StrategyParams params;      // as typed; empty values are left to the defaults
    ParameterSweep::Grid sweep; // empty: a single run
    Decimal feeRate = Decimal::fromString("0.0005");
    Decimal initialCash = Decimal(1'000'000);
};

struct BacktestOutcome {
    QString error; // translated; empty on success
    QVector<Candle> candles;
    BacktestResult result;   // single run
    QVector<SweepRun> sweep; // sweep: in ParameterSweep::combinations() order
    QStringList sweepKeys;
    bool ok() const { return error.isEmpty(); }
};

class BacktestJob {
public:
    // `progress(done, total)` may be called from worker threads.
    static BacktestOutcome run(const BacktestRequest& request,
                               const std::function<void(int, int)>& progress = {});
    // "KRW-BTC" -> base BTC, quote KRW; other codes keep the code as their base. Quantity step 1e-8.
    static Market marketFor(const QString& code);
};

} // namespace hoga
