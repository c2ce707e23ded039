// The stream decoder's incremental book: after every frame of a random feed (sizes changing, levels emptied
// and refilled, prices moving, depth changing, a REST re-seed in between) the book equals the one built
// from that frame alone.
#include "support/test_util.h"
#include "venues/net/json_value.h"
#include "venues/upbit/upbit_parse.h"
#include "venues/upbit/upbit_stream_decoder.h"

#include <QTest>

#include <algorithm>
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

// A frame written by hand: `units` is the JSON text of the orderbook_units array.
QByteArray rawFrame(const char* units, qint64 ts) {
    return QByteArray(R"({"type":"orderbook","code":"KRW-BTC","timestamp":)") + QByteArray::number(ts) +
           R"(,"orderbook_units":)" + units + "}";
}

// One member of a generated unit: a key and the JSON text of its value.
struct Member {
    QByteArray key;
    QByteArray value;
};

// A random unit of a hostile stream: members missing, null, of the wrong type, repeated (first or last
// meaningful), under look-alike names, in any order.
QByteArray randomValue(std::mt19937& rng, bool price) {
    static const char* const kPrices[] = {"100", "101", "102", "\"101\"", "103", "99"};
    static const char* const kSizes[] = {"0", "1", "2", "\"2\"", "0.5", "7"};
    static const char* const kOdd[] = {"null", "true", "{}", "[]", "\"\"", "\"abc\""};
    if (rng() % 8 == 0)
        return kOdd[rng() % 6];
    return price ? kPrices[rng() % 6] : kSizes[rng() % 6];
}

QVector<Member> randomUnit(std::mt19937& rng) {
    static const char* const kLookAlikes[] = {"ask_prices", "bid_sizes", "a__xp___",  "ASK_PRICE",
                                              "ask_pric",   "bid_size ", "ask-price", "b___s___x"};
    QVector<Member> unit;
    for (const char* key : {"ask_price", "bid_price", "ask_size", "bid_size"}) {
        const bool price = key[4] == 'p';
        const int shape = int(rng() % 10);
        if (shape == 0)
            continue; // missing
        unit.append({key, randomValue(rng, price)});
        if (shape == 1)
            unit.append({key, randomValue(rng, price)}); // repeated
    }
    if (rng() % 3 == 0)
        unit.append({kLookAlikes[rng() % 8], randomValue(rng, true)});
    std::shuffle(unit.begin(), unit.end(), rng);
    return unit;
}

QByteArray unitsText(const QVector<QVector<Member>>& units) {
    QByteArray out = "[";
    for (qsizetype u = 0; u < units.size(); ++u) {
        out += u ? ",{" : "{";
        for (qsizetype m = 0; m < units[u].size(); ++m)
            out += (m ? ",\"" : "\"") + units[u][m].key + "\":" + units[u][m].value;
        out += "}";
    }
    return out + "]";
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

    void craftedFramesMatchTheRestParser() {
        // Each frame follows the one before (the decoder keeps state between them); after each, the book
        // must be the one the REST parser builds from that frame alone.
        const char* const frames[] = {
            R"([{"ask_price":100,"ask_size":1,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            // A size without its price: no ask level in unit 0 (not the previous frame's 100).
            R"([{"ask_size":5,"bid_price":90,"bid_size":2},{"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_size":6,"bid_price":90,"bid_size":2},{"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_size":1,"bid_price":90,"bid_size":2},{"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_price":null,"ask_size":8,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            // Only the time changes, unit 0 still without an ask: the book takes the new time.
            R"([{"ask_price":null,"ask_size":8,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_price":100,"ask_size":1,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            // A price without its size: size zero, no level (as REST).
            R"([{"ask_price":100,"bid_price":90,"bid_size":2},{"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            // Look-alike names are not units' members.
            R"([{"ask_prices":100,"ask_size":1,"bid_price":90,"bid_sizes":2,"a__xp___":77,"b___s___":9},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ASK_PRICE":100,"ask_size":1,"bid_price":90,"bid_size":2,"ask_pric":1},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            // Repeated names: the first one counts, whatever it holds.
            R"([{"ask_price":100,"ask_price":105,"ask_size":1,"ask_size":7,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_price":null,"ask_price":100,"ask_size":1,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_price":100,"ask_size":true,"ask_size":3,"bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_price":"100","ask_size":"1","bid_price":90,"bid_size":2},
                {"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            // Two units at one price: the last wins, also when only the first one's size changes.
            R"([{"ask_price":100,"ask_size":1,"bid_price":90,"bid_size":1},
                {"ask_price":100,"ask_size":2,"bid_price":89,"bid_size":1}])",
            R"([{"ask_price":100,"ask_size":5,"bid_price":90,"bid_size":1},
                {"ask_price":100,"ask_size":2,"bid_price":89,"bid_size":1}])",
            R"([{"ask_price":100,"ask_size":0,"bid_price":90,"bid_size":1},
                {"ask_price":100,"ask_size":2,"bid_price":89,"bid_size":1}])",
            // Units that are not objects, a price that is not a number, an empty array.
            R"([5,{"ask_price":101,"ask_size":3,"bid_price":89,"bid_size":4}])",
            R"([{"ask_price":"abc","ask_size":1,"bid_price":90,"bid_size":2},"x"])",
            R"([])",
            R"([{"ask_price":100,"ask_size":1,"bid_price":90,"bid_size":2}])",
        };
        StreamDecoder decoder(QStringLiteral("upbit"));
        qint64 ts = 1'000;
        for (const char* units : frames) {
            const QByteArray bytes = rawFrame(units, ++ts);
            QCOMPARE(decoder.decode(bytes), StreamDecoder::Kind::OrderBook);
            const OrderBook expected = reference(bytes);
            QVERIFY2(decoder.book().bids() == expected.bids(), bytes.constData());
            QVERIFY2(decoder.book().asks() == expected.asks(), bytes.constData());
            QVERIFY2(decoder.book().timestampMs() == expected.timestampMs(), bytes.constData());
        }
    }

    void hostileFramesMatchTheRestParser() {
        // Random frames built from missing, repeated, odd and look-alike members; most frames change one
        // unit of the one before, so the incremental paths get their share.
        std::mt19937 rng(20260412);
        StreamDecoder decoder(QStringLiteral("upbit"));
        QVector<QVector<Member>> units;
        for (int f = 0; f < 4000; ++f) {
            const int action = int(rng() % 10);
            if (units.isEmpty() || action == 0) {
                units.resize(qsizetype(rng() % 6));
                for (auto& unit : units)
                    unit = randomUnit(rng);
            } else if (action < 4) {
                units[qsizetype(rng() % units.size())] = randomUnit(rng);
            } else if (action < 8) { // one member's value (mostly sizes: the delta path)
                QVector<Member>& unit = units[qsizetype(rng() % units.size())];
                if (!unit.isEmpty()) {
                    Member& m = unit[qsizetype(rng() % unit.size())];
                    m.value = randomValue(rng, m.key.contains("price") && rng() % 3 == 0);
                }
            } // else: the same units, a new time
            const QByteArray bytes = rawFrame(unitsText(units).constData(), 1'000'000 + f);
            QCOMPARE(decoder.decode(bytes), StreamDecoder::Kind::OrderBook);
            const OrderBook expected = reference(bytes);
            QVERIFY2(decoder.book().bids() == expected.bids(), bytes.constData());
            QVERIFY2(decoder.book().asks() == expected.asks(), bytes.constData());
            QVERIFY2(decoder.book().timestampMs() == expected.timestampMs(), bytes.constData());
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
