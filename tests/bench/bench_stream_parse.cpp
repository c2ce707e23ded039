// Parse-and-apply throughput of Upbit stream messages on one thread, through the connector's own stream
// decoder (upbit::StreamDecoder: JSON parse, exact decimals, order book / ticker update), from the recorded
// frames in shared/fixtures/upbit (ws_orderbook.json, ws_ticker.json) and variants of them with perturbed
// values, spread over four markets. Prints one JSON object. Project target: >= 200,000 order book messages/s
// per core (measure a Release build).
//
//   bench_stream_parse [--fixtures DIR] [--seconds S]     (DIR defaults to $HOGA_FIXTURES_DIR)
//
// Cases:
//   orderbook_realistic  consecutive frames of a market differ in a few sizes (and now and then a price
//                        level moves), as the live stream does
//   orderbook_all_changed every price and size differs from the market's previous frame (worst case)
//   ticker               every value of the 24 h ticker differs from the previous frame

#include "venues/net/json_value.h"
#include "venues/upbit/upbit_stream_decoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

using namespace hoga;

namespace {

const QStringList kCodes{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"), QStringLiteral("KRW-XRP"),
                         QStringLiteral("KRW-SOL")};

qint64 threadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

qint64 wallNs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// The fixture as the venue sends it on the wire: compact JSON (numbers keep their exact source text).
QByteArray compactFixture(const QString& dir, const char* name) {
    QFile file(QDir(dir).filePath(QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: set --fixtures or HOGA_FIXTURES_DIR", qPrintable(file.fileName()));
    net::JsonDocument doc;
    if (!doc.parse(file.readAll()))
        qFatal("%s is not JSON", qPrintable(file.fileName()));
    net::JsonWriter writer;
    writer.value(doc.root());
    return writer.data();
}

// Rewrites every `"key":number` of a compact frame through `change(key, text)` (which returns the new
// number text, or the old one).
template <class Change> QByteArray rewriteNumbers(const QByteArray& frame, Change&& change) {
    static const QRegularExpression number(QStringLiteral("\"([a-z_0-9]+)\":(-?[0-9][0-9.eE+-]*)"));
    const QString text = QString::fromUtf8(frame);
    QString out;
    qsizetype last = 0;
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(2) - last);
        out += change(m.captured(1), m.captured(2));
        last = m.capturedEnd(2);
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

QByteArray withCode(QByteArray frame, const QString& code) {
    return frame.replace("\"code\":\"KRW-BTC\"", "\"code\":\"" + code.toUtf8() + '"');
}

QString randomSize(std::mt19937_64& rng) {
    std::uniform_int_distribution<qint64> units(1, 999'999'999);
    const qint64 v = units(rng); // up to 9.99999999
    return QStringLiteral("%1.%2").arg(v / 100'000'000).arg(v % 100'000'000, 8, 10, QLatin1Char('0'));
}

// Order book frames: per market a chain in which each frame differs from the one before it.
std::vector<QByteArray> orderBookFrames(const QByteArray& base, bool allChanged, int perMarket) {
    std::mt19937_64 rng(allChanged ? 7 : 11);
    std::vector<std::vector<QByteArray>> chains;
    for (const QString& code : kCodes) {
        std::vector<QByteArray> chain;
        QByteArray previous = withCode(base, code);
        qint64 timestamp = 1'787'727'947'526;
        for (int i = 0; i < perMarket; ++i) {
            const qint64 shift = std::uniform_int_distribution<qint64>(-30, 30)(rng) * 1000; // whole ticks
            int fieldCount = 0;
            rewriteNumbers(previous, [&](const QString&, const QString& old) {
                ++fieldCount;
                return old;
            });
            // Realistic: a few sizes change per frame (three numbers picked at random, those that are sizes);
            // one frame in eight moves the whole ladder.
            const bool moveLadder = allChanged || std::uniform_int_distribution<int>(0, 7)(rng) == 0;
            std::uniform_int_distribution<int> pick(0, fieldCount - 1);
            std::vector<int> touched{pick(rng), pick(rng), pick(rng)};
            int index = 0;
            timestamp += 100;
            previous = rewriteNumbers(previous, [&](const QString& key, const QString& old) -> QString {
                const int at = index++;
                if (key == QLatin1String("timestamp"))
                    return QString::number(timestamp);
                if (key.endsWith(QLatin1String("_price")) && moveLadder) {
                    const qint64 price = qint64(old.toDouble()); // KRW-BTC prices are whole numbers
                    return QString::number(price + shift) + QStringLiteral(".0");
                }
                if (key.endsWith(QLatin1String("_size")) &&
                    (allChanged || std::find(touched.begin(), touched.end(), at) != touched.end()))
                    return randomSize(rng);
                return old;
            });
            chain.push_back(previous);
        }
        chains.push_back(std::move(chain));
    }
    // Interleave the markets, as one connection carrying several subscriptions delivers them.
    std::vector<QByteArray> frames;
    for (int i = 0; i < perMarket; ++i)
        for (const auto& chain : chains)
            frames.push_back(chain[size_t(i)]);
    return frames;
}

std::vector<QByteArray> tickerFrames(const QByteArray& base, int perMarket) {
    std::mt19937_64 rng(13);
    std::vector<QByteArray> frames;
    for (int i = 0; i < perMarket; ++i)
        for (const QString& code : kCodes) {
            const qint64 step = i * 1000 + std::uniform_int_distribution<qint64>(0, 999)(rng);
            frames.push_back(withCode(rewriteNumbers(base,
                                                     [&](const QString& key, const QString& old) -> QString {
                                                         if (key.endsWith(QLatin1String("timestamp")))
                                                             return QString::number(old.toLongLong() + step);
                                                         if (key == QLatin1String("trade_price") ||
                                                             key.endsWith(QLatin1String("change_price")))
                                                             return QString::number(qint64(old.toDouble()) +
                                                                                    step) +
                                                                    QStringLiteral(".0");
                                                         if (key.startsWith(QLatin1String("acc_")) ||
                                                             key == QLatin1String("trade_volume"))
                                                             return randomSize(rng);
                                                         return old;
                                                     }),
                                      code));
        }
    return frames;
}

struct Measurement {
    qint64 messages = 0;
    qint64 bytes = 0;
    qint64 cpuNs = 0;
    qint64 wallNs = 0;
    qint64 checksum = 0; // keeps the work observable
    bool ok = true;
};

Measurement run(const std::vector<QByteArray>& frames, upbit::StreamDecoder::Kind expected, double seconds) {
    upbit::StreamDecoder decoder(QStringLiteral("upbit"));
    // Warm up: every market's book exists and the caches are hot.
    for (const QByteArray& f : frames)
        decoder.decode(f);
    Measurement m;
    const qint64 budgetNs = qint64(seconds * 1e9);
    const qint64 cpuStart = threadCpuNs();
    const qint64 wallStart = wallNs();
    do {
        for (const QByteArray& f : frames) {
            if (decoder.decode(f) != expected) {
                m.ok = false;
                return m;
            }
            if (expected == upbit::StreamDecoder::Kind::OrderBook)
                m.checksum += decoder.book().bids().size() + decoder.book().asks().size();
            else
                m.checksum += decoder.ticker().timestampMs & 0xff;
            m.bytes += f.size();
        }
        m.messages += qint64(frames.size());
    } while (threadCpuNs() - cpuStart < budgetNs);
    m.cpuNs = threadCpuNs() - cpuStart;
    m.wallNs = wallNs() - wallStart;
    return m;
}

QByteArray report(const char* name, const std::vector<QByteArray>& frames, const Measurement& m) {
    qint64 frameBytes = 0;
    for (const QByteArray& f : frames)
        frameBytes += f.size();
    const double perSecond = m.messages * 1e9 / double(m.cpuNs);
    return QStringLiteral("\"%1\":{\"distinct_frames\":%2,\"avg_frame_bytes\":%3,\"messages\":%4,"
                          "\"cpu_seconds\":%5,\"messages_per_second\":%6,\"bytes_per_second\":%7,"
                          "\"ns_per_message\":%8,\"checksum\":%9}")
        .arg(QLatin1String(name))
        .arg(frames.size())
        .arg(frameBytes / qint64(frames.size()))
        .arg(m.messages)
        .arg(m.cpuNs / 1e9, 0, 'f', 3)
        .arg(perSecond, 0, 'f', 0)
        .arg(m.bytes * 1e9 / double(m.cpuNs), 0, 'f', 0)
        .arg(double(m.cpuNs) / double(m.messages), 0, 'f', 1)
        .arg(m.checksum)
        .toUtf8();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QString fixtures = qEnvironmentVariable("HOGA_FIXTURES_DIR", QStringLiteral(HOGA_DEFAULT_FIXTURES_DIR));
    double seconds = 2.0;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--fixtures") && i + 1 < args.size())
            fixtures = args[++i];
        else if (args[i] == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args[++i].toDouble();
        else {
            std::fprintf(stderr, "usage: bench_stream_parse [--fixtures DIR] [--seconds S]\n");
            return 2;
        }
    }
    const QString upbitDir = QDir(fixtures).filePath(QStringLiteral("upbit"));
    const QByteArray book = compactFixture(upbitDir, "ws_orderbook.json");
    const QByteArray ticker = compactFixture(upbitDir, "ws_ticker.json");

    const auto realistic = orderBookFrames(book, false, 256);
    const auto allChanged = orderBookFrames(book, true, 256);
    const auto tickers = tickerFrames(ticker, 256);

    using Kind = upbit::StreamDecoder::Kind;
    const Measurement mRealistic = run(realistic, Kind::OrderBook, seconds);
    const Measurement mAll = run(allChanged, Kind::OrderBook, seconds);
    const Measurement mTicker = run(tickers, Kind::Ticker, seconds);
    if (!mRealistic.ok || !mAll.ok || !mTicker.ok) {
        std::fprintf(stderr, "a frame did not decode as expected\n");
        return 1;
    }
    const double bookRate = mRealistic.messages * 1e9 / double(mRealistic.cpuNs);
    const double worstRate = mAll.messages * 1e9 / double(mAll.cpuNs);
#ifdef NDEBUG
    const char* build = "release";
#else
    const char* build = "debug";
#endif
    std::printf("{\"bench\":\"stream_parse\",\"venue\":\"upbit\",\"build\":\"%s\",\"markets\":%d,%s,%s,%s,"
                "\"target_orderbook_messages_per_second\":200000,\"meets_target\":%s,"
                "\"meets_target_worst_case\":%s}\n",
                build, int(kCodes.size()), report("orderbook_realistic", realistic, mRealistic).constData(),
                report("orderbook_all_changed", allChanged, mAll).constData(),
                report("ticker", tickers, mTicker).constData(), bookRate >= 200000 ? "true" : "false",
                worstRate >= 200000 ? "true" : "false");
    return 0;
}
