// Throughput of the connector's stream hot path: decoding compact Upbit 30-level orderbook frames and
// applying them to the market's book (what the connector core does per message before emitting). Three feeds:
// the same frame over and over, frames where a few sizes change (the usual traffic), and frames whose
// prices all move (the worst case). Prints one JSON object; the project target is >= 200,000 messages/s per
// core.
#include "support/test_util.h"
#include "venues/net/json_value.h"
#include "venues/upbit/upbit_stream_decoder.h"

#include <QCoreApplication>

#include <cstdio>
#include <ctime>
#include <random>

using namespace hoga;

namespace {

qint64 threadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// Frames derived from the fixture: `changedSizes` sizes differ per frame; with `shiftPrices` every price
// moves by frame number * 1000 KRW.
QVector<QByteArray> makeFeed(const QByteArray& fixture, int frames, int changedSizes, bool shiftPrices) {
    net::JsonDocument doc;
    doc.parse(fixture);
    std::mt19937 rng(7);
    QVector<QByteArray> feed;
    for (int f = 0; f < frames; ++f) {
        net::JsonWriter w;
        const net::JsonValue root = doc.root();
        w.beginObject();
        for (const net::JsonMember& m : root.members()) {
            w.key(m.key);
            if (m.key != "orderbook_units") {
                w.value(m.value);
                continue;
            }
            w.beginArray();
            int i = 0;
            std::uniform_int_distribution<int> pick(0, int(m.value.size()) - 1);
            QSet<int> changed;
            while (changed.size() < changedSizes)
                changed.insert(pick(rng));
            for (net::JsonValue unit : m.value.elements()) {
                w.beginObject();
                for (const net::JsonMember& u : unit.members()) {
                    w.key(u.key);
                    Decimal v = *u.value.toDecimal();
                    if (u.key.ends_with("price") && shiftPrices)
                        v += Decimal(1000 * (f % 16));
                    if (u.key.ends_with("size") && changed.contains(i))
                        v += Decimal::fromMantissa(f + 1, 8);
                    w.decimal(v, net::JsonWriter::DecimalAs::Number);
                }
                w.endObject();
                ++i;
            }
            w.endArray();
        }
        w.endObject();
        feed.append(w.data());
    }
    return feed;
}

double run(const QVector<QByteArray>& feed, int iterations, qint64* levels) {
    upbit::StreamDecoder decoder(QStringLiteral("upbit"));
    const qint64 start = threadCpuNs();
    for (int i = 0; i < iterations; ++i) {
        if (decoder.decode(feed[i % feed.size()]) != upbit::StreamDecoder::Kind::OrderBook)
            return -1;
        *levels += decoder.book().bids().size();
    }
    return iterations * 1e9 / double(threadCpuNs() - start);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QByteArray fixture = test::fixture(QStringLiteral("upbit/ws_orderbook.json"));
    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    qint64 levels = 0;
    const double same = run(makeFeed(fixture, 1, 0, false), iterations, &levels);
    const double fewSizes = run(makeFeed(fixture, 64, 4, false), iterations, &levels);
    const double allPrices = run(makeFeed(fixture, 64, 30, true), iterations, &levels);
    std::printf("{\"bench\":\"upbit_orderbook_decode_apply\",\"iterations\":%d,"
                "\"repeated_frame_messages_per_second\":%.0f,\"four_sizes_changed_messages_per_second\":%.0f,"
                "\"all_prices_moved_messages_per_second\":%.0f,\"levels\":%lld}\n",
                iterations, same, fewSizes, allPrices, static_cast<long long>(levels));
    return 0;
}
