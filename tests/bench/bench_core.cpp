// Throughput of the exact core on one thread: decimal parsing and arithmetic, order book delta application
// and candle aggregation. Prints one JSON object. Usage: bench_core [seconds-per-case, default 1]
#include "core/candle.h"
#include "core/decimal.h"
#include "core/orderbook.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace hoga;

namespace {

// Runs `body` in batches until `seconds` elapse; returns operations per second.
double opsPerSecond(double seconds, int batch, const std::function<void()>& body)
{
    QElapsedTimer timer;
    timer.start();
    long long ops = 0;
    while (timer.nsecsElapsed() < qint64(seconds * 1e9)) {
        for (int i = 0; i < batch; ++i)
            body();
        ops += batch;
    }
    return double(ops) / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    std::mt19937_64 rng(7);

    std::vector<std::string> texts;
    for (int i = 0; i < 1000; ++i)
        texts.push_back(std::to_string(rng() % 200000000) + "." + std::to_string(rng() % 100000000));
    size_t k = 0;
    volatile int sink = 0;
    const double parse = opsPerSecond(seconds, 1000, [&] {
        sink = sink + Decimal::parse(std::string_view(texts[k++ % texts.size()]))->scale();
    });

    const Decimal price = Decimal::fromString("150000000");
    const Decimal qty = Decimal::fromString("0.12345678");
    const double multiply = opsPerSecond(seconds, 1000, [&] { sink = sink + (price * qty).scale(); });

    OrderBook book(QStringLiteral("bench"), QStringLiteral("KRW-BTC"));
    QVector<BookLevel> bids, asks;
    for (int i = 0; i < 30; ++i) {
        bids.push_back({Decimal(150000000 - 1000 * i), Decimal::fromString("0.5")});
        asks.push_back({Decimal(150001000 + 1000 * i), Decimal::fromString("0.5")});
    }
    book.applySnapshot(bids, asks, 0);
    std::vector<std::pair<Decimal, Decimal>> deltas;
    for (int i = 0; i < 4096; ++i)
        deltas.emplace_back(Decimal(150000000 - 1000 * int(rng() % 40)),
                            Decimal::fromMantissa(Int128(rng() % 3) * 12345678, 8));
    size_t d = 0;
    const double delta = opsPerSecond(seconds, 1000, [&] {
        const auto& [p, q] = deltas[d++ % deltas.size()];
        book.applyDelta(Side::Buy, p, q, 0);
    });

    CandleAggregator candles(CandleInterval::M1, 5000);
    qint64 t = 1'700'000'000'000;
    const double aggregate = opsPerSecond(seconds, 1000, [&] {
        t += 37;
        candles.addTrade(Trade{QString(), QString(), QString(), price, qty, Side::Buy, t});
    });

    QJsonObject out{{QStringLiteral("benchmark"), QStringLiteral("core")},
                    {QStringLiteral("decimal_parse_per_s"), qRound64(parse)},
                    {QStringLiteral("decimal_multiply_per_s"), qRound64(multiply)},
                    {QStringLiteral("orderbook_delta_per_s"), qRound64(delta)},
                    {QStringLiteral("candle_trade_per_s"), qRound64(aggregate)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return sink == -1 ? 1 : 0;
}
