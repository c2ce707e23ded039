// Every real Upbit payload in shared/fixtures/upbit through the matching parser, with the fields that matter
// checked digit for digit.
#include "support/test_util.h"
#include "venues/net/json_value.h"
#include "venues/upbit/upbit_errors.h"
#include "venues/upbit/upbit_parse.h"
#include "venues/upbit/upbit_protocol.h"
#include "venues/upbit/upbit_stream_decoder.h"

#include <QDir>
#include <QSet>
#include <QTest>

using namespace hoga;
using namespace hoga::upbit;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

qint64 utc(const char* iso) {
    return parseIsoTimeMs(iso).value_or(-1);
}

VenueError errorOfFixture(const QString& name, int status) {
    net::HttpResponse r;
    r.status = status;
    r.body = test::fixture(QStringLiteral("upbit/") + name);
    return errorFromResponse(r, {}, upbitErrorRules());
}

} // namespace

class TestUpbitFixtures : public QObject {
    Q_OBJECT

    QSet<QString> m_checked;
    net::JsonDocument m_doc;

    net::JsonValue load(const QString& name) {
        m_checked.insert(name);
        const QByteArray bytes = test::fixture(QStringLiteral("upbit/") + name);
        if (!m_doc.parse(bytes))
            QTest::qFail(qPrintable(name + QStringLiteral(": ") + m_doc.error().message), __FILE__, __LINE__);
        return m_doc.root();
    }

private slots:
    void restAccounts() {
        const net::JsonValue root = load(QStringLiteral("rest_accounts.json"));
        QCOMPARE(root.size(), 2);
        const Balance krw = parseBalance(root.at(0), QStringLiteral("upbit"));
        QCOMPARE(krw.currency, QStringLiteral("KRW"));
        QCOMPARE(krw.free, d("1000000"));
        QCOMPARE(krw.locked, Decimal());
        QCOMPARE(krw.avgBuyPrice, Decimal());
        QVERIFY(krw.avgBuyCurrency.isEmpty());
        const Balance btc = parseBalance(root.at(1), QStringLiteral("upbit"));
        QCOMPARE(btc.currency, QStringLiteral("BTC"));
        QCOMPARE(btc.free, d("2"));
        QCOMPARE(btc.avgBuyPrice, d("140000000"));
        QCOMPARE(btc.avgBuyCurrency, QStringLiteral("KRW"));
    }

    void restCandles() {
        const net::JsonValue root = load(QStringLiteral("rest_candles_minutes.json"));
        const Candle c = parseCandle(root.at(0));
        QCOMPARE(c.openTimeMs, utc("2025-07-01T12:00:00Z"));
        QCOMPARE(c.open, d("145831000"));
        QCOMPARE(c.high, d("145831000"));
        QCOMPARE(c.low, d("145752000"));
        QCOMPARE(c.close, d("145759000"));
        QCOMPARE(c.volume, d("27.58904602"));
        QCOMPARE(c.quoteVolume, d("4022470467.03403"));
    }

    void restErrors_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        auto row = [](const char* file, int status, ErrorKind kind, const char* code) {
            QTest::newRow(file) << QString::fromLatin1(file) << status << int(kind)
                                << QString::fromUtf8(code);
        };
        row("rest_error_code_not_found.json", 404, ErrorKind::NotFound, "404");
        row("rest_error_insufficient_funds_bid.json", 400, ErrorKind::InsufficientFunds,
            "insufficient_funds_bid");
        row("rest_error_invalid_parameter.json", 400, ErrorKind::Venue, "400");
        row("rest_error_invalid_parameter_order.json", 400, ErrorKind::InvalidOrder, "invalid_parameter");
        row("rest_error_invalid_time_in_force.json", 400, ErrorKind::InvalidOrder, "invalid_time_in_force");
        row("rest_error_market_offline.json", 400, ErrorKind::Venue, "market_offline");
        row("rest_error_missing_parameter.json", 400, ErrorKind::Venue, "400");
        row("rest_error_no_authorization_ip.json", 401, ErrorKind::Permission, "no_authorization_ip");
        row("rest_error_notfoundmarket.json", 404, ErrorKind::NotFound, "notfoundmarket");
        row("rest_error_order_not_found.json", 404, ErrorKind::NotFound, "order_not_found");
        row("rest_error_over_krw_funds_bid.json", 400, ErrorKind::InvalidOrder, "over_krw_funds_bid");
        row("rest_error_query_parameter_not_supported.json", 400, ErrorKind::Venue,
            "QUERY_PARAMETER_NOT_SUPPORTED");
        row("rest_error_type_mismatch.json", 400, ErrorKind::Venue, "400");
    }

    void restErrors() {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, code);
        const net::JsonValue root = load(file);
        const auto body = parseErrorBody(root);
        QVERIFY(body.has_value());
        const VenueError e = errorOfFixture(file, status);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.venueCode, code);
        QCOMPARE(e.venueMessage, body->message); // verbatim, Korean included
        QVERIFY(!e.venueMessage.isEmpty());
        QVERIFY2(!e.detail.isEmpty(), "every mapped error explains itself");
    }

    void restOrderCancel() {
        const Order o = parseOrder(load(QStringLiteral("rest_order_cancel.json")), QStringLiteral("upbit"));
        QCOMPARE(o.id, QStringLiteral("cdd92199-2897-4e14-9448-f923320408ad"));
        QCOMPARE(o.side, Side::Buy);
        QCOMPARE(o.type, OrderType::Limit);
        QCOMPARE(o.price, d("140000000"));
        QCOMPARE(o.qty, d("1"));
        QCOMPARE(o.filledQty, Decimal());
        QCOMPARE(o.state, OrderState::Open);
        QCOMPARE(o.createdAtMs, utc("2025-07-04T06:00:00Z"));
    }

    void restOrderCreate() {
        const Order o = parseOrder(load(QStringLiteral("rest_order_create.json")), QStringLiteral("upbit"));
        QCOMPARE(o.market, QStringLiteral("KRW-BTC"));
        QCOMPARE(o.side, Side::Sell);
        QCOMPARE(o.type, OrderType::Limit);
        QCOMPARE(o.state, OrderState::Open);
        QCOMPARE(o.qty, d("1"));
        QCOMPARE(o.fee, Decimal());
    }

    void restOrderLimitWait() {
        const net::JsonValue root = load(QStringLiteral("rest_order_get_limit_wait.json"));
        const Order o = parseOrder(root, QStringLiteral("upbit"));
        QCOMPARE(o.price, d("155772000"));
        QCOMPARE(o.qty, d("0.0001"));
        QCOMPARE(o.state, OrderState::Open);
        QVERIFY(parseOrderFills(root, o).isEmpty());
    }

    void restOrderMarketDone() {
        const net::JsonValue root = load(QStringLiteral("rest_order_get_market_done.json"));
        const Order o = parseOrder(root, QStringLiteral("upbit"));
        QCOMPARE(o.market, QStringLiteral("KRW-USDT"));
        QCOMPARE(o.side, Side::Sell);
        QCOMPARE(o.type, OrderType::Market);
        QCOMPARE(o.qty, d("5.377594"));
        QCOMPARE(o.filledQty, d("5.377594"));
        QCOMPARE(o.state, OrderState::Filled);
        QCOMPARE(o.fee, d("3.697095875"));
        QCOMPARE(o.filledQuote, d("7394.19175"));
        const QVector<Fill> fills = parseOrderFills(root, o);
        QCOMPARE(fills.size(), 1);
        const Fill& f = fills.first();
        QCOMPARE(f.orderId, o.id);
        QCOMPARE(f.tradeId, QStringLiteral("795dff29-bba6-49b2-baab-63473ab7931c"));
        QCOMPARE(f.price, d("1375"));
        QCOMPARE(f.qty, d("5.377594"));
        QCOMPARE(f.fee, d("3.697095875"));
        QCOMPARE(f.feeCurrency, QStringLiteral("KRW"));
        QCOMPARE(f.side, Side::Sell);
        QCOMPARE(f.timestampMs, utc("2025-08-09T07:44:00.597Z")); // microseconds truncated to ms
    }

    void restOrderbook() {
        const net::JsonValue root = load(QStringLiteral("rest_orderbook.json"));
        OrderBook book(QStringLiteral("upbit"), QStringLiteral("KRW-BTC"));
        QVERIFY(parseOrderBookInto(root.at(0), book));
        QCOMPARE(book.bids().size(), 30);
        QCOMPARE(book.asks().size(), 30);
        QCOMPARE(book.bestBid()->price, d("148490000"));
        QCOMPARE(book.bestBid()->qty, d("0.04296774"));
        QCOMPARE(book.bestAsk()->price, d("148520000"));
        QCOMPARE(book.asks().at(13).qty, d("0.20022932"));
        QCOMPARE(book.bids().at(13).qty, d("0.0000674"));
        QCOMPARE(book.timestampMs(), 1751606867762);
        QVERIFY(!book.isCrossed());
    }

    void restOrdersChance() {
        const OrderChance c = parseOrderChance(load(QStringLiteral("rest_orders_chance.json")));
        QCOMPARE(c.bidFee, d("0.0005"));
        QCOMPARE(c.askFee, d("0.0005"));
        QCOMPARE(c.makerBidFee, d("0.0005"));
        QCOMPARE(c.bidMinTotal, d("5000"));
        QCOMPARE(c.askMinTotal, d("5000"));
        QCOMPARE(c.maxTotal, d("1000000000"));
        QCOMPARE(c.priceUnit, Decimal());
        QCOMPARE(c.state, QStringLiteral("active"));
    }

    void restOrdersOpen() {
        const net::JsonValue root = load(QStringLiteral("rest_orders_open.json"));
        QCOMPARE(root.size(), 1);
        const Order o = parseOrder(root.at(0), QStringLiteral("upbit"));
        QCOMPARE(o.id, QStringLiteral("d098ceaf-6811-4df8-97f2-b7e01aefc03f"));
        QCOMPARE(o.state, OrderState::Open);
        QCOMPARE(o.price * o.qty, d("140000000"));
    }

    void restTicker() {
        const net::JsonValue root = load(QStringLiteral("rest_ticker.json"));
        QCOMPARE(root.size(), 2);
        const Ticker t = parseTicker(root.at(0), QStringLiteral("upbit"));
        QCOMPARE(t.market, QStringLiteral("KRW-BTC"));
        QCOMPARE(t.last, d("148601000"));
        QCOMPARE(t.open, d("148737000"));
        QCOMPARE(t.high, d("149360000"));
        QCOMPARE(t.low, d("148288000"));
        QCOMPARE(t.prevClose, d("148737000"));
        QCOMPARE(t.change, d("-136000"));
        QCOMPARE(t.changeRate, d("-0.0009143656"));
        QCOMPARE(t.volume24h, d("1198.26954807"));
        QCOMPARE(t.quoteVolume24h, d("178448329314.96686"));
        QCOMPARE(t.timestampMs, 1751606040403);
        QCOMPARE(parseTicker(root.at(1), QStringLiteral("upbit")).quoteVolume24h, d("111690309851.794"));
    }

    void restTrades() {
        const net::JsonValue root = load(QStringLiteral("rest_trades_ticks.json"));
        const Trade t = parseTrade(root.at(0), QStringLiteral("upbit"));
        QCOMPARE(t.id, QStringLiteral("17510687993360000")); // beyond a double's exact integers
        QCOMPARE(t.price, d("147058000"));
        QCOMPARE(t.qty, d("0.00006043"));
        QCOMPARE(t.side, Side::Buy);
        QCOMPARE(t.timestampMs, 1751068799336);
    }

    void wsCandles() {
        const Candle c15 = parseCandle(load(QStringLiteral("ws_candle_15m.json")));
        QCOMPARE(c15.openTimeMs, utc("2026-08-26T08:00:00Z"));
        QCOMPARE(c15.open, d("109753000"));
        QCOMPARE(c15.quoteVolume, d("398651814.32878"));
        const Candle c1 = parseCandle(load(QStringLiteral("ws_candle_1m.json")));
        QCOMPARE(c1.openTimeMs, utc("2026-08-26T08:08:00Z"));
        QCOMPARE(c1.volume, d("0.71326612"));
    }

    void wsMyAsset() {
        load(QStringLiteral("ws_myasset.json"));
        StreamDecoder decoder(QStringLiteral("upbit"));
        QCOMPARE(decoder.decode(test::fixture(QStringLiteral("upbit/ws_myasset.json"))),
                 StreamDecoder::Kind::MyAsset);
        QCOMPARE(decoder.assets().size(), 1);
        const Balance& b = decoder.assets().first();
        QCOMPARE(b.currency, QStringLiteral("KRW"));
        // 1386929.37231066771348207123 has more digits than a double (or Decimal) holds: rounded at 18.
        QCOMPARE(b.free, d("1386929.372310667713482071"));
        QCOMPARE(b.locked, d("10329.670127489597585685"));
    }

    void wsMyOrder() {
        load(QStringLiteral("ws_myorder.json"));
        StreamDecoder decoder(QStringLiteral("upbit"));
        QCOMPARE(decoder.decode(test::fixture(QStringLiteral("upbit/ws_myorder.json"))),
                 StreamDecoder::Kind::MyOrder);
        const MyOrderEvent& e = decoder.myOrder();
        QCOMPARE(e.order.id, QStringLiteral("ac2dc2a3-fce9-40a2-a4f6-5987c25c438f"));
        QCOMPARE(e.order.clientId, QStringLiteral("test-1"));
        QCOMPARE(e.order.side, Side::Buy);
        QCOMPARE(e.order.type, OrderType::Limit);
        QCOMPARE(e.order.state, OrderState::PartiallyFilled);
        QCOMPARE(e.order.filledQty, d("30925891.29839369"));
        QCOMPARE(e.order.qty, d("60893929.39075317"));
        QCOMPARE(e.order.filledQuote, d("44935.32005656603"));
        QVERIFY(e.fill.has_value());
        QCOMPARE(e.fill->tradeId, QStringLiteral("68315169-fba4-4175-ade3-aff14a616657"));
        QCOMPARE(e.fill->price, d("0.001453"));
        QCOMPARE(e.fill->qty, d("30925891.29839369"));
        QCOMPARE(e.fill->fee, d("22.467660028283017"));
        QCOMPARE(e.fill->feeCurrency, QStringLiteral("KRW"));
        QVERIFY(e.fill->maker);
        QCOMPARE(e.fill->timestampMs, 1710751590421);
    }

    void wsOrderbook() {
        load(QStringLiteral("ws_orderbook.json"));
        StreamDecoder decoder(QStringLiteral("upbit"));
        QCOMPARE(decoder.decode(test::fixture(QStringLiteral("upbit/ws_orderbook.json"))),
                 StreamDecoder::Kind::OrderBook);
        const OrderBook& book = decoder.book();
        QCOMPARE(book.market(), QStringLiteral("KRW-BTC"));
        QCOMPARE(book.venue(), QStringLiteral("upbit"));
        QCOMPARE(book.bids().size(), 30);
        QCOMPARE(book.asks().size(), 30);
        QCOMPARE(book.bestAsk()->price, d("109950000"));
        QCOMPARE(book.bestAsk()->qty, d("0.00342134"));
        QCOMPARE(book.bestBid()->price, d("109880000"));
        QCOMPARE(book.asks().last().qty, d("0.000584"));
        QCOMPARE(book.timestampMs(), 1787727947526);
    }

    void wsTicker() {
        const net::JsonValue root = load(QStringLiteral("ws_ticker.json"));
        // 9.101e-05 in exponent notation reaches Decimal exactly.
        QCOMPARE(toDecimal(root["trade_volume"]), d("0.00009101"));
        StreamDecoder decoder(QStringLiteral("upbit"));
        QCOMPARE(decoder.decode(test::fixture(QStringLiteral("upbit/ws_ticker.json"))),
                 StreamDecoder::Kind::Ticker);
        const Ticker& t = decoder.ticker();
        QCOMPARE(t.market, QStringLiteral("KRW-BTC"));
        QCOMPARE(t.last, d("109868000"));
        QCOMPARE(t.change, d("703000"));
        QCOMPARE(t.changeRate, d("0.006439793"));
        QCOMPARE(t.volume24h, d("1807.38027625"));
        QCOMPARE(t.quoteVolume24h, d("198189163442.74924"));
        QCOMPARE(t.timestampMs, 1787729042606);
    }

    void wsTickerEth() {
        const net::JsonValue root = load(QStringLiteral("ws_ticker_krw_eth.json"));
        const Ticker t = parseTicker(root, QStringLiteral("upbit"));
        QCOMPARE(t.market, QStringLiteral("KRW-ETH"));
        QCOMPARE(t.last, d("3428000"));
        QCOMPARE(t.changeRate, d("0.0100176783"));
        QCOMPARE(toDecimal(root["trade_volume"]), d("0.00496157"));
    }

    void wsTrades() {
        load(QStringLiteral("ws_trade.json"));
        StreamDecoder decoder(QStringLiteral("upbit"));
        QCOMPARE(decoder.decode(test::fixture(QStringLiteral("upbit/ws_trade.json"))),
                 StreamDecoder::Kind::Trade);
        const Trade& t = decoder.trade();
        QCOMPARE(t.market, QStringLiteral("KRW-BTC"));
        QCOMPARE(t.price, d("109847000"));
        QCOMPARE(t.qty, d("0.00509799"));
        QCOMPARE(t.side, Side::Sell);
        QCOMPARE(t.id, QStringLiteral("17877285547970000"));
        QCOMPARE(t.timestampMs, 1787728554797);
        const Trade eth = parseTrade(load(QStringLiteral("ws_trade_krw_eth.json")), QStringLiteral("upbit"));
        QCOMPARE(eth.market, QStringLiteral("KRW-ETH"));
        QCOMPARE(eth.qty, d("0.00883869"));
        QCOMPARE(eth.side, Side::Buy);
    }

    void subscribeRequestsMatchOurShape() {
        // The documented client requests: a ticket first, then type objects with codes, then the format.
        const net::JsonValue ticker = load(QStringLiteral("ws_subscribe_request_ticker.json"));
        QVERIFY(ticker.at(0).contains("ticket"));
        QCOMPARE(ticker.at(1)["type"].toString(), QStringLiteral("ticker"));
        QCOMPARE(ticker.at(2)["format"].toString(), QStringLiteral("DEFAULT"));

        UpbitProtocol protocol;
        const QByteArray ours = protocol
                                    .publicSubscriptions({{QStringLiteral("KRW-BTC"), TickerChannel},
                                                          {QStringLiteral("KRW-ETH"), TickerChannel}})
                                    .value(0);
        net::JsonDocument doc;
        QVERIFY(doc.parse(ours));
        const net::JsonValue root = doc.root();
        QCOMPARE(root.size(), 3);
        QVERIFY(root.at(0).contains("ticket"));
        QCOMPARE(root.at(1)["type"].toString(), QStringLiteral("ticker"));
        QCOMPARE(root.at(1)["codes"].at(0).toString(), ticker.at(1)["codes"].at(0).toString());
        QCOMPARE(root.at(1)["codes"].at(1).toString(), ticker.at(1)["codes"].at(1).toString());
        QCOMPARE(root.at(1)["is_only_snapshot"].isBool(), true); // snake_case on Upbit
        QCOMPARE(root.at(2)["format"].toString(), QStringLiteral("DEFAULT"));

        const net::JsonValue book = load(QStringLiteral("ws_subscribe_request_orderbook.json"));
        QCOMPARE(book.at(1)["type"].toString(), QStringLiteral("orderbook"));
        QCOMPARE(toDecimal(book.at(1)["level"]), d("10000"));
        protocol.setOrderBookLevel(QStringLiteral("KRW-BTC"), d("10000"));
        QVERIFY(doc.parse(
            protocol.publicSubscriptions({{QStringLiteral("KRW-BTC"), OrderBookChannel}}).value(0)));
        QCOMPARE(doc.root().at(1)["type"].toString(), QStringLiteral("orderbook"));
        QCOMPARE(doc.root().at(1)["level"].raw(), std::string_view("10000"));

        const net::JsonValue myOrder = load(QStringLiteral("ws_subscribe_request_myorder.json"));
        QCOMPARE(myOrder.at(1)["type"].toString(), QStringLiteral("myOrder"));
        QVERIFY(doc.parse(protocol.privateSubscriptions().value(0)));
        QCOMPARE(doc.root().at(1)["type"].toString(), QStringLiteral("myOrder"));
        QCOMPARE(doc.root().at(2)["type"].toString(), QStringLiteral("myAsset"));
    }

    void everyFixtureWasChecked() {
        const QStringList files = QDir(test::fixturesDir() + QStringLiteral("/upbit"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 36);
        for (const QString& f : files)
            QVERIFY2(m_checked.contains(f), qPrintable(f + QStringLiteral(" has no check")));
    }
};

QTEST_GUILESS_MAIN(TestUpbitFixtures)
#include "tst_upbit_fixtures.moc"
