// Every Bithumb payload in shared/fixtures/bithumb through the matching parser: API 2.0 frames and errors
// checked field by field, legacy API 1.0 replies recognised as such.
#include "support/test_util.h"
#include "venues/bithumb/bithumb_errors.h"
#include "venues/bithumb/bithumb_protocol.h"
#include "venues/net/json_value.h"
#include "venues/upbit/upbit_errors.h"
#include "venues/upbit/upbit_parse.h"
#include "venues/upbit/upbit_stream_decoder.h"

#include <QDateTime>
#include <QDir>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace hoga;
using namespace hoga::upbit;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

} // namespace

class TestBithumbFixtures : public QObject {
    Q_OBJECT

    QSet<QString> m_checked;
    net::JsonDocument m_doc;

    QByteArray bytes(const QString& name) {
        m_checked.insert(name);
        return test::fixture(QStringLiteral("bithumb/") + name);
    }
    net::JsonValue load(const QString& name) {
        if (!m_doc.parse(bytes(name)))
            QTest::qFail(qPrintable(name + QStringLiteral(": ") + m_doc.error().message), __FILE__, __LINE__);
        return m_doc.root();
    }

private slots:
    void legacyRestIsRecognised_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("orderbook") << QStringLiteral("legacy_rest_orderbook.json");
        QTest::newRow("transactions") << QStringLiteral("legacy_rest_transaction_history.json");
        QTest::newRow("ws connected") << QStringLiteral("legacy_ws_connected.json");
        QTest::newRow("ws filter registered") << QStringLiteral("legacy_ws_filter_registered.json");
    }
    void legacyRestIsRecognised() {
        QFETCH(QString, file);
        const net::JsonValue root = load(file);
        QVERIFY(isLegacyBithumbEnvelope(root));
        QCOMPARE(root["status"].toString(), QStringLiteral("0000"));
        // Not mistaken for an API 2.0 shape: no order book units, no error envelope.
        OrderBook book;
        QVERIFY(!parseOrderBookInto(root, book));
        QVERIFY(!parseErrorBody(root).has_value());
        // The stream decoder reads them as "other" frames, never as market data.
        StreamDecoder decoder(QStringLiteral("bithumb"));
        QCOMPARE(decoder.decode(bytes(file)), StreamDecoder::Kind::Other);
    }

    void legacyOrderbookValuesMapExactly() {
        // What maps from the legacy book: string prices and quantities, exact.
        const net::JsonValue data = load(QStringLiteral("legacy_rest_orderbook.json"))["data"];
        QCOMPARE(toDecimal(data["bids"].at(0)["price"]), d("80838000"));
        QCOMPARE(toDecimal(data["asks"].at(0)["quantity"]), d("0.1749"));
        QCOMPARE(data["timestamp"].toInt64().value_or(0), 1723102637709);
        const net::JsonValue trade =
            load(QStringLiteral("legacy_rest_transaction_history.json"))["data"].at(0);
        QCOMPARE(toDecimal(trade["units_traded"]), d("0.0006"));
        QCOMPARE(sideFromText(trade["type"].raw()), std::optional<Side>(Side::Sell));
    }

    void legacyWsErrorMapsToVenue() {
        load(QStringLiteral("legacy_ws_error_invalid_filter.json"));
        net::HttpResponse r;
        r.status = 200;
        r.body = bytes(QStringLiteral("legacy_ws_error_invalid_filter.json"));
        const VenueError e = errorFromResponse(r, bithumb::errorRules(), upbitErrorRules());
        QCOMPARE(e.kind, ErrorKind::Venue);
        QCOMPARE(e.venueCode, QStringLiteral("5100"));
        QCOMPARE(e.venueMessage, QStringLiteral("Invalid Filter Syntax"));
        QVERIFY(!e.detail.isEmpty());
    }

    void jwtVerificationError() {
        load(QStringLiteral("rest_error_jwt_verification.json"));
        net::HttpResponse r;
        r.status = 401;
        r.body = bytes(QStringLiteral("rest_error_jwt_verification.json"));
        const VenueError e = errorFromResponse(r, bithumb::errorRules(), upbitErrorRules());
        QCOMPARE(e.kind, ErrorKind::Auth);
        QCOMPARE(e.venueCode, QStringLiteral("jwt_verification"));
        QCOMPARE(e.venueMessage, QStringLiteral("Jwt 토큰 검증에 실패했습니다."));
        QVERIFY(!e.detail.isEmpty());
    }

    void myAsset() {
        StreamDecoder decoder(QStringLiteral("bithumb"));
        QCOMPARE(decoder.decode(bytes(QStringLiteral("ws_myasset_v1private.json"))),
                 StreamDecoder::Kind::MyAsset);
        QCOMPARE(decoder.assets().size(), 1);
        const Balance& b = decoder.assets().first();
        QCOMPARE(b.venue, QStringLiteral("bithumb"));
        QCOMPARE(b.currency, QStringLiteral("KRW"));
        QCOMPARE(b.free, d("2061832.35"));
        QCOMPARE(b.locked, d("3824127.3"));
    }

    void myOrderTrade() {
        StreamDecoder decoder(QStringLiteral("bithumb"));
        QCOMPARE(decoder.decode(bytes(QStringLiteral("ws_myorder_v1private.json"))),
                 StreamDecoder::Kind::MyOrder);
        const MyOrderEvent& e = decoder.myOrder();
        QCOMPARE(e.order.id, QStringLiteral("C0101000000001818113"));
        QCOMPARE(e.order.market, QStringLiteral("KRW-BTC"));
        QCOMPARE(e.order.side, Side::Buy);
        QCOMPARE(e.order.type, OrderType::Limit);
        QCOMPARE(e.order.state, OrderState::PartiallyFilled);
        QCOMPARE(e.order.qty, d("0.55"));
        QCOMPARE(e.order.filledQty, d("0.4697"));
        QCOMPARE(e.order.filledQuote, d("905111.9"));
        QVERIFY(e.fill.has_value());
        QCOMPARE(e.fill->tradeId, QStringLiteral("C0101000000001744207"));
        QCOMPARE(e.fill->price, d("1927000"));
        QCOMPARE(e.fill->qty, d("0.4697"));
        QCOMPARE(e.fill->fee, Decimal());
        QCOMPARE(e.fill->timestampMs, 1727052318148);
    }

    void subscribeRequest() {
        const net::JsonValue root = load(QStringLiteral("ws_subscribe_request_ticker.json"));
        QVERIFY(root.at(0).contains("ticket"));
        QCOMPARE(root.at(1)["type"].toString(), QStringLiteral("ticker"));
        BithumbProtocol protocol;
        net::JsonDocument doc;
        QVERIFY(
            doc.parse(protocol.publicSubscriptions({{QStringLiteral("KRW-BTC"), TickerChannel}}).value(0)));
        QCOMPARE(doc.root().at(1)["type"].toString(), QStringLiteral("ticker"));
        QCOMPARE(doc.root().at(1)["codes"].at(0).toString(), root.at(1)["codes"].at(0).toString());
        QVERIFY(doc.root().at(1)["isOnlySnapshot"].isBool()); // camelCase on Bithumb
        QVERIFY(!doc.root().at(1).contains("is_only_snapshot"));
    }

    // A Bithumb day opens at 00:00 KST: its open_time is the UTC instant the venue gives (15:00 UTC the day
    // before), never the KST date relabelled as a UTC day; `to` is sent as KST wall-clock time.
    void dayCandlesOpenAtTheInstantTheVenueGives() {
        BithumbProtocol protocol;
        net::JsonDocument doc;
        QVERIFY(doc.parse(QByteArrayLiteral(
            R"([{"market":"KRW-BTC","candle_date_time_utc":"2024-04-30T15:00:00",)"
            R"("candle_date_time_kst":"2024-05-01T00:00:00","opening_price":90000000,"high_price":91000000,)"
            R"("low_price":89000000,"trade_price":90500000,"timestamp":1714579199000,)"
            R"("candle_acc_trade_price":"1000","candle_acc_trade_volume":"0.01"}])")));
        CandleQuery query{QStringLiteral("KRW-BTC"), CandleInterval::D1, 1, 0};
        const Result<QVector<Candle>> candles = protocol.parseCandles(doc.root(), query);
        QVERIFY(candles.ok());
        QCOMPARE(candles.value().size(), 1);
        const qint64 opens =
            QDateTime(QDate(2024, 4, 30), QTime(15, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        QCOMPARE(candles.value().first().openTimeMs, opens);
        // Paging back from that candle asks for candles before 2024-05-01 00:00 KST.
        const ApiCall page = protocol.candlesCall(query, opens, 200);
        QString to;
        for (const auto& [key, value] : page.request.query)
            if (key == QLatin1String("to"))
                to = value;
        QCOMPARE(to, QStringLiteral("2024-05-01T00:00:00"));
    }

    void tickers() {
        StreamDecoder decoder(QStringLiteral("bithumb"));
        QCOMPARE(decoder.decode(bytes(QStringLiteral("ws_ticker.json"))), StreamDecoder::Kind::Ticker);
        QCOMPARE(decoder.ticker().last, d("493100"));
        QCOMPARE(decoder.ticker().changeRate, d("0.01775026"));
        QCOMPARE(decoder.ticker().quoteVolume24h, d("8227950466.316009"));
        QCOMPARE(decoder.ticker().timestampMs, 1725927377287);
        QCOMPARE(decoder.decode(bytes(QStringLiteral("ws_ticker_realtime.json"))),
                 StreamDecoder::Kind::Ticker);
        QCOMPARE(decoder.ticker().market, QStringLiteral("KRW-BTC"));
        QCOMPARE(decoder.ticker().last, d("95299000"));
        QCOMPARE(decoder.ticker().volume24h, d("310.44065227"));
        QCOMPARE(decoder.ticker().change, d("1098000"));
    }

    void trade() {
        StreamDecoder decoder(QStringLiteral("bithumb"));
        QCOMPARE(decoder.decode(bytes(QStringLiteral("ws_trade.json"))), StreamDecoder::Kind::Trade);
        const Trade& t = decoder.trade();
        QCOMPARE(t.id, QStringLiteral("862683813820523888")); // a string on Bithumb, kept as sent
        QCOMPARE(t.price, d("95539000"));
        QCOMPARE(t.qty, d("0.00022664"));
        QCOMPARE(t.side, Side::Sell);
        QCOMPARE(t.timestampMs, 1783658381138);
    }

    void everyFixtureWasChecked() {
        const QStringList files = QDir(test::fixturesDir() + QStringLiteral("/bithumb"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 12);
        for (const QString& f : files)
            QVERIFY2(m_checked.contains(f), qPrintable(f + QStringLiteral(" has no check")));
    }
};

QTEST_GUILESS_MAIN(TestBithumbFixtures)
#include "tst_bithumb_fixtures.moc"
