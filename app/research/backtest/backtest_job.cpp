#include "backtest_job.h"

#include "backtester.h"
#include "candle_csv.h"
#include "recorded_candles.h"
#include "research/recorder/sql_market_data_store.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

namespace {

CandleInterval intervalForLength(qint64 ms) {
    for (int i = int(CandleInterval::S1); i <= int(CandleInterval::MN1); ++i)
        if (intervalMs(CandleInterval(i)) == ms)
            return CandleInterval(i);
    return CandleInterval::M1;
}

bool takes(const StrategyTemplate& t, const QString& key) {
    return std::any_of(t.parameters.cbegin(), t.parameters.cend(),
                       [&key](const StrategyParameter& p) { return p.key == key; });
}

} // namespace

Market BacktestJob::marketFor(const QString& code) {
    Market m;
    m.venue = QStringLiteral("backtest");
    m.code = code;
    const qsizetype dash = code.indexOf(QLatin1Char('-'));
    m.quote = dash > 0 ? code.left(dash) : QStringLiteral("QUOTE");
    m.base = dash > 0 ? code.mid(dash + 1) : code;
    m.rules.qtyStep = Decimal::fromString("0.00000001");
    return m;
}

BacktestOutcome BacktestJob::run(const BacktestRequest& request,
                                 const std::function<void(int, int)>& progress) {
    BacktestOutcome out;
    if (request.source == BacktestRequest::Source::CsvFile) {
        CandleCsv::ReadResult read = CandleCsv::readFile(request.csvPath);
        if (!read.ok()) {
            out.error = read.error;
            return out;
        }
        out.candles = std::move(read.candles);
    } else if (request.source == BacktestRequest::Source::Candles) {
        out.candles = request.candles;
    } else {
        SqlMarketDataStore store(request.database);
        if (!store.open()) {
            out.error = store.errorString();
            return out;
        }
        out.candles = recordedCandles(store, request.venue, request.market, request.recordedInterval);
    }
    out.candles.erase(std::remove_if(out.candles.begin(), out.candles.end(),
                                     [&request](const Candle& c) {
                                         return (request.fromMs > 0 && c.openTimeMs < request.fromMs) ||
                                                (request.toMs > 0 && c.openTimeMs > request.toMs);
                                     }),
                      out.candles.end());
    if (out.candles.size() < 2) {
        out.error =
            QCoreApplication::translate("hoga::Research", "There are fewer than two candles in the period.");
        return out;
    }

    BacktestConfig config;
    config.market = marketFor(request.market);
    config.feeRate = request.feeRate;
    config.initialCash = request.initialCash;
    config.candleMs = Backtester::candleLengthMs(out.candles);
    config.interval = intervalForLength(config.candleMs);

    // As hoga-cli does: all cash in by default, and the candles' own interval.
    StrategyParams params;
    for (auto it = request.params.cbegin(); it != request.params.cend(); ++it)
        if (!it.value().trimmed().isEmpty())
            params.insert(it.key(), it.value().trimmed());
    if (takes(request.strategy, QStringLiteral("order_value")) &&
        !params.contains(QStringLiteral("order_value")))
        params.insert(QStringLiteral("order_value"), config.initialCash.toString());
    if (takes(request.strategy, QStringLiteral("interval")) && !params.contains(QStringLiteral("interval")))
        params.insert(QStringLiteral("interval"), intervalName(config.interval));

    if (!request.sweep.isEmpty()) {
        for (const auto& axis : request.sweep) {
            out.sweepKeys << axis.first;
            params.remove(axis.first);
        }
        const StrategyTemplate strategy = request.strategy;
        const Market market = config.market;
        out.sweep = ParameterSweep::run(
            request.sweep, params,
            [strategy, market](const StrategyParams& p) { return strategy.create(p, market); }, out.candles,
            config, progress);
        return out;
    }
    Result<std::unique_ptr<Strategy>> created = request.strategy.create(params, config.market);
    if (!created.ok()) {
        out.error = created.error().detail.isEmpty() ? created.error().userMessage() : created.error().detail;
        return out;
    }
    out.result = Backtester::run(*created.value(), out.candles, config);
    if (progress)
        progress(1, 1);
    return out;
}

} // namespace hoga
