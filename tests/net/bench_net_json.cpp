// Throughput of the JSON reader on a compact Upbit 30-level orderbook frame: parse plus reading every price
// and size as a Decimal (what a connector does per message). Prints one JSON object.
#include "support/test_util.h"
#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>

using namespace hoga;
using namespace hoga::net;

namespace {

// CPU time of this thread: the numbers stay meaningful on a busy machine.
qint64 threadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QByteArray pretty = test::fixture(QStringLiteral("upbit/ws_orderbook.json"));
    JsonDocument doc;
    if (!doc.parse(pretty)) {
        std::fprintf(stderr, "fixture did not parse\n");
        return 1;
    }
    JsonWriter writer;
    writer.value(doc.root());
    const QByteArray frame = writer.data();

    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    Decimal checksum;
    // Parsing alone.
    qint64 start = threadCpuNs();
    for (int i = 0; i < iterations; ++i)
        doc.parse(frame);
    const qint64 parseNs = threadCpuNs() - start;

    // Parsing plus reading every price and size as a Decimal.
    start = threadCpuNs();
    for (int i = 0; i < iterations; ++i) {
        doc.parse(frame);
        const JsonValue root = doc.root();
        for (JsonValue unit : root["orderbook_units"].elements()) {
            checksum += *unit["ask_size"].toDecimal();
            checksum += *unit["bid_size"].toDecimal();
            (void)unit["ask_price"].toDecimal();
            (void)unit["bid_price"].toDecimal();
        }
        (void)root["timestamp"].toInt64();
    }
    const qint64 ns = threadCpuNs() - start;

    // The same work with QJsonDocument (doubles, for comparison only).
    const int qtIterations = iterations / 4;
    double qtChecksum = 0;
    start = threadCpuNs();
    for (int i = 0; i < qtIterations; ++i) {
        const QJsonDocument qt = QJsonDocument::fromJson(frame);
        const QJsonArray units = qt.object().value(QLatin1String("orderbook_units")).toArray();
        for (const QJsonValue& unit : units)
            qtChecksum += unit.toObject().value(QLatin1String("ask_size")).toDouble();
    }
    const qint64 qtNs = threadCpuNs() - start;

    const double perSecond = double(iterations) * 1e9 / double(ns);
    const double parsePerSecond = double(iterations) * 1e9 / double(parseNs);
    std::printf("{\"bench\":\"net_json_upbit_orderbook30\",\"frame_bytes\":%lld,\"iterations\":%d,"
                "\"parse_messages_per_cpu_second\":%.0f,\"parse_mb_per_cpu_second\":%.1f,"
                "\"parse_and_120_decimals_messages_per_cpu_second\":%.0f,"
                "\"qjson_parse_messages_per_cpu_second\":%.0f,\"checksum\":\"%s\"}\n",
                static_cast<long long>(frame.size()), iterations, parsePerSecond,
                parsePerSecond * double(frame.size()) / 1e6, perSecond,
                double(qtIterations) * 1e9 / double(qtNs), checksum.toStdString().c_str());
    return qtChecksum >= 0 ? 0 : 1;
}
