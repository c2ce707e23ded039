// Research throughput on one core: backtest candles per second (the built-in sma_cross: fast 5, slow 20, all
// cash in, all out, on a random walk), and recorder rows per second into SQLite and, when PostgreSQL's server
// binaries are installed, into a throw-away PostgreSQL server. Prints one JSON object. Usage: bench_backtest
// [candles, default 1000000] [recorder rows, default 200000; 0 skips]
#include "research/backtest/backtester.h"
#include "research/postgres_server.h"
#include "research/recorder/market_data_recorder.h"
#include "research/recorder/sql_market_data_store.h"
#include "trading/strategy/strategy_params.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <random>

using namespace hoga;

namespace {

// This thread's CPU time: on a machine shared with other work, wall time measures the neighbours too.
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

QVector<Candle> randomWalk(int count) {
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> step(-50, 50);
    QVector<Candle> candles;
    candles.reserve(count);
    qint64 price = 50'000'000;
    for (int i = 0; i < count; ++i) {
        const qint64 open = price;
        // Reflected at the band's edges, so prices stay in a realistic range however long the series.
        const qint64 next = price + step(rng) * 1000;
        price = next < 25'000'000 || next > 75'000'000 ? price - (next - price) : next;
        const Decimal o(open);
        const Decimal c(price);
        candles.append(Candle{1'700'000'040'000 + qint64(i) * 60'000,
                              o,
                              Decimal::max(o, c) + Decimal(1000),
                              Decimal::min(o, c) - Decimal(1000),
                              c,
                              Decimal::fromString("0.5"),
                              {}});
    }
    return candles;
}

double recorderRowsPerSecond(const MarketDataUrl& url, int rows) {
    RecorderSettings settings;
    settings.queueCapacity = rows;
    MarketDataRecorder recorder([url] { return std::make_unique<SqlMarketDataStore>(url); }, settings);
    if (!recorder.start())
        return -1;
    Trade trade;
    trade.venue = QStringLiteral("bench");
    trade.market = QStringLiteral("KRW-BTC");
    trade.price = Decimal::fromString("45000000.5");
    trade.qty = Decimal::fromString("0.00012345");
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rows; ++i) {
        trade.timestampMs = 1'700'000'000'000 + i;
        trade.id = QString::number(i);
        recorder.recordTrade(trade);
    }
    if (!recorder.flush(600'000))
        return -1;
    const double seconds = timer.nsecsElapsed() / 1e9;
    recorder.stop();
    return recorder.rowsWritten() == rows ? rows / seconds : -1;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, atoi(argv[1])) : 1'000'000;
    const QVector<Candle> candles = randomWalk(count);
    BacktestConfig config;
    config.market.code = QStringLiteral("KRW-BTC");
    config.market.base = QStringLiteral("BTC");
    config.market.quote = QStringLiteral("KRW");
    config.market.rules.qtyStep = Decimal::fromString("0.00000001");
    config.feeRate = Decimal::fromString("0.0005");
    config.initialCash = Decimal(1'000'000);
    // As `hoga-cli backtest` does while loading its candles: the candle length is found once, outside the
    // replay measured here (like the CSV parsing).
    config.candleMs = Backtester::candleLengthMs(candles);

    const StrategyTemplate* sma = findStrategy(QStringLiteral("sma_cross"));
    Result<StrategyParams> params =
        sma ? completeParameters(*sma, {{QStringLiteral("fast"), QStringLiteral("5")},
                                        {QStringLiteral("slow"), QStringLiteral("20")},
                                        {QStringLiteral("interval"), QStringLiteral("1m")},
                                        {QStringLiteral("order_value"), config.initialCash.toString()}})
            : Result<StrategyParams>();
    Result<std::unique_ptr<Strategy>> created =
        params.ok() ? sma->create(params.value(), config.market) : Result<std::unique_ptr<Strategy>>();
    if (!created.ok()) {
        std::fprintf(stderr, "sma_cross is not available\n");
        return 1;
    }
    Strategy& strategy = *created.value();
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuSeconds();
    const BacktestResult result = Backtester::run(strategy, candles, config);
    const double backtestCpuSeconds = threadCpuSeconds() - cpuStart;
    const double backtestSeconds = timer.nsecsElapsed() / 1e9;

    QJsonObject out;
    out.insert(QStringLiteral("bench"), QStringLiteral("backtest"));
    out.insert(QStringLiteral("strategy"), strategy.id());
    out.insert(QStringLiteral("candles"), count);
    out.insert(QStringLiteral("fills"), int(result.fills.size()));
    out.insert(QStringLiteral("backtest_candles_per_s"), count / backtestSeconds);
    out.insert(QStringLiteral("backtest_candles_per_cpu_s"), count / backtestCpuSeconds);

    const int rows = argc > 2 ? std::max(0, atoi(argv[2])) : 200'000;
    QTemporaryDir dir;
    if (rows == 0) {
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    out.insert(QStringLiteral("recorder_rows"), rows);
    out.insert(QStringLiteral("recorder_sqlite_rows_per_s"),
               recorderRowsPerSecond(MarketDataUrl::sqlite(dir.filePath(QStringLiteral("md.sqlite"))), rows));
    if (!test::PostgresServer::binDir().isEmpty()) {
        test::PostgresServer server;
        if (server.start())
            out.insert(QStringLiteral("recorder_postgres_rows_per_s"),
                       recorderRowsPerSecond(*MarketDataUrl::parse(server.url()), rows));
        else
            out.insert(QStringLiteral("recorder_postgres_error"), server.errorString());
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
