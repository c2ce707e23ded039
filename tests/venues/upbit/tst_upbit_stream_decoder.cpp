// The stream decoder's incremental book: after every frame of a random feed (sizes changing, levels emptied
// and refilled, prices moving, depth changing, a REST re-seed in between) the book equals the one built
// from that frame alone.
#include "support/test_util.h"
#include "venues/net/json_value.h"
#include "venues/upbit/upbit_parse.h"
#include "venues/upbit/upbit_stream_decoder.h"

#include <QTest>

#include <random>

using namespace hoga;
using namespace hoga::upbit;

namespace {

struct Level {
    qint64 ask;
    qint64 askSize; // in 1e-8
    qint64 bid;
    qint64 bidSize;
};

QByteArray frame(const QVector<Level>& units, qint64 ts, const char* code = "KRW-BTC") {
    net::JsonWriter w;
    w.beginObject().field("type", "orderbook").field("code", code).field("timestamp", ts);
    w.key("orderbook_units").beginArray();
    for (const Level& l : units) {
        w.beginObject();
        w.key("ask_price").decimal(Decimal(l.ask), net::JsonWriter::DecimalAs::Number);
        w.key("bid_price").decimal(Decimal(l.bid), net::JsonWriter::DecimalAs::Number);
        w.key("ask_size").decimal(Decimal::fromMantissa(l.askSize, 8), net::JsonWriter::DecimalAs::Number);
        w.key("bid_size").decimal(Decimal::fromMantissa(l.bidSize, 8), net::JsonWriter::DecimalAs::Number);
        w.endObject();
    }
    w.endArray().field("stream_type", "REALTIME").endObject();
    return w.data();
}

OrderBook reference(const QByteArray& bytes) {
    net::JsonDocument doc;
    doc.parse(bytes);
    OrderBook book(QStringLiteral("upbit"), QStringLiteral("KRW-BTC"));
    parseOrderBookInto(doc.root(), book);
    return book;
}

} // namespace

class TestUpbitStreamDecoder : public QObject {
    Q_OBJECT
private slots:
    void incrementalBookEqualsFullRebuild() {
        std::mt19937 rng(20261121);
        QVector<Level> units;
        for (int i = 0; i < 30; ++i)
            units.append({100'000'000 + 10'000 * (i + 1), 1000 + i, 100'000'000 - 10'000 * i, 2000 + i});
        StreamDecoder decoder(QStringLiteral("upbit"));
        for (int f = 0; f < 3000; ++f) {
            const int action = int(rng() % 100);
            if (action < 70) { // a few sizes change, sometimes to zero
                for (int k = 0; k < 3; ++k) {
                    Level& l = units[int(rng() % units.size())];
                    (rng() % 2 ? l.askSize : l.bidSize) = (rng() % 5 == 0) ? 0 : qint64(rng() % 100000);
                }
            } else if (action < 85) { // every price moves one tick
                const qint64 shift = (rng() % 2 ? 10'000 : -10'000);
                for (Level& l : units) {
                    l.ask += shift;
                    l.bid += shift;
                }
            } else if (action < 92) { // depth changes
                if (units.size() > 5 && rng() % 2)
                    units.removeLast();
                else
                    units.append({units.last().ask + 10'000, 77, units.last().bid - 10'000, 88});
            } else if (action < 96) {
                // nothing changes but the time
            } else {
                // a REST snapshot replaces the book in between
                net::JsonDocument doc;
                QVERIFY(doc.parse(frame(units, f)));
                OrderBook rest(QStringLiteral("upbit"), QStringLiteral("KRW-BTC"));
                QVERIFY(parseOrderBookInto(doc.root(), rest));
                decoder.replaceBook(QStringLiteral("KRW-BTC"), rest);
            }
            const QByteArray bytes = frame(units, 1'000'000 + f);
            QCOMPARE(decoder.decode(bytes), StreamDecoder::Kind::OrderBook);
            const OrderBook expected = reference(bytes);
            const OrderBook& got = decoder.book();
            QCOMPARE(got.bids(), expected.bids());
            QCOMPARE(got.asks(), expected.asks());
            QCOMPARE(got.timestampMs(), expected.timestampMs());
        }
    }

    void booksAreKeptPerMarket() {
        StreamDecoder decoder(QStringLiteral("upbit"));
        const QVector<Level> a{{2000, 1, 1000, 1}};
        const QVector<Level> b{{5000, 2, 4000, 2}};
        QCOMPARE(decoder.decode(frame(a, 1, "KRW-BTC")), StreamDecoder::Kind::OrderBook);
        QCOMPARE(decoder.decode(frame(b, 2, "KRW-ETH")), StreamDecoder::Kind::OrderBook);
        QCOMPARE(decoder.book().market(), QStringLiteral("KRW-ETH"));
        QCOMPARE(decoder.bookFor(QStringLiteral("KRW-BTC")).bestAsk()->price, Decimal(2000));
        decoder.removeBook(QStringLiteral("KRW-ETH"));
        QVERIFY(!decoder.hasBook(QStringLiteral("KRW-ETH")));
        QVERIFY(decoder.hasBook(QStringLiteral("KRW-BTC")));
    }

    void malformedFramesAreRejected() {
        StreamDecoder decoder(QStringLiteral("upbit"));
        QCOMPARE(decoder.decode("{not json"), StreamDecoder::Kind::Invalid);
        QCOMPARE(decoder.decode(R"({"type":"orderbook","code":"KRW-BTC"})"), StreamDecoder::Kind::Invalid);
        QCOMPARE(decoder.decode(R"({"status":"UP"})"), StreamDecoder::Kind::Other);
        QCOMPARE(decoder.decode(R"({"error":{"name":"WRONG_FORMAT","message":"bad"}})"),
                 StreamDecoder::Kind::Error);
        QCOMPARE(decoder.error().name, QStringLiteral("WRONG_FORMAT"));
    }
};

QTEST_GUILESS_MAIN(TestUpbitStreamDecoder)
#include "tst_upbit_stream_decoder.moc"
