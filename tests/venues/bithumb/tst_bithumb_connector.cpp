// The venue connector with the Bithumb bundle against the strict loopback Bithumb (API 2.0) fake: what
// differs from Upbit on the wire (JWT timestamp, v2 order paths and short replies,
// client_order_id/order_type, /v1/orders lists, isDetails, candle `to` in KST, camelCase stream flags, v2
// private stream, error names) and the shared guarantees (order timeout, burst without 429).
#include "conformance/stream_recorder.h"
#include "venues/net/json_value.h"
#include "venues/upbit/fake_target.h"

#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

QString jwtPayloadMember(const FakeRequestLog& r, const char* key) {
    const QByteArray token = r.headers.value("authorization").mid(7);
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    net::JsonDocument doc;
    if (!doc.parse(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)))
        return {};
    return doc.root()[key].toString();
}

} // namespace

class TestBithumbConnector : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeVenueServer> m_server;
    std::unique_ptr<ConnectorHost> m_host;

    Connector* c() const { return m_host->connector(); }

    Decimal restingBuyPrice() const {
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        return (bid * d("0.8"))
            .roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
    }

private slots:
    void init() {
        m_server = std::make_unique<FakeVenueServer>(FakeFlavor::Bithumb, 5);
        QVERIFY(m_server->start());
        m_server->addKey(kFakeAccess, kFakeSecret);
        m_host = std::make_unique<ConnectorHost>(
            makeConnector(*m_server, fakeConfig(*m_server, QStringLiteral("bithumb"))));
    }

    void cleanup() {
        m_host.reset();
        m_server.reset();
    }

    void identityAndDefaults() {
        QCOMPARE(c()->venueId(), QStringLiteral("bithumb"));
        VenueConfig config;
        config.venue = QStringLiteral("bithumb");
        VenueConnector production(std::make_unique<BithumbProtocol>(), config);
        QCOMPARE(production.endpoints().restUrl, QUrl(QStringLiteral("https://api.bithumb.com")));
        QCOMPARE(production.endpoints().wsUrl, QUrl(QStringLiteral("wss://ws-api.bithumb.com/websocket/v1")));
        QCOMPARE(production.endpoints().privateWsUrl,
                 QUrl(QStringLiteral("wss://ws-api.bithumb.com/websocket/v2/private")));
    }

    void marketsUseCamelCaseDetails() {
        const auto r = await(c()->fetchMarkets());
        REQUIRE_OK(r);
        QCOMPARE(r.value().size(), 4);
        QCOMPARE(requestsTo(*m_server, "GET", "/v1/market/all").first().rawQuery,
                 QByteArray("isDetails=true"));
        QVERIFY(requestsTo(*m_server, "GET", "/v1/orderbook/instruments").isEmpty()); // Upbit only
        for (const Market& m : r.value())
            QCOMPARE(m.rules.tickFor(m_server->lastPrice(m.code)),
                     m_server->tickFor(m.code, m_server->lastPrice(m.code)));
    }

    void jwtCarriesTimestampAndHash() {
        REQUIRE_OK(await(c()->fetchOpenOrders(QStringLiteral("KRW-BTC"))));
        const auto sent = requestsTo(*m_server, "GET", "/v1/orders");
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().rawQuery, QByteArray("market=KRW-BTC&state=wait&limit=100&order_by=desc"));
        const qint64 ts = jwtPayloadMember(sent.first(), "timestamp").toLongLong();
        QVERIFY(qAbs(ts - QDateTime::currentMSecsSinceEpoch()) < 60'000);
        QCOMPARE(jwtPayloadMember(sent.first(), "query_hash_alg"), QStringLiteral("SHA512"));
        QCOMPARE(sent.first().status, 200);
    }

    void v2OrderCreateAndCancel() {
        const Decimal price = restingBuyPrice();
        const auto created = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                     Side::Buy,
                                                     OrderType::Limit,
                                                     price,
                                                     d("0.001"),
                                                     {},
                                                     QStringLiteral("bt-1")}));
        REQUIRE_OK(created);
        // The v2 reply has only the id: the order is completed from the request.
        QCOMPARE(created.value().clientId, QStringLiteral("bt-1"));
        QCOMPARE(created.value().price, price);
        QCOMPARE(created.value().qty, d("0.001"));
        QCOMPARE(created.value().state, OrderState::Open);
        const auto post = requestsTo(*m_server, "POST", "/v2/orders");
        QCOMPARE(post.size(), 1);
        net::JsonDocument doc;
        QVERIFY(doc.parse(post.first().body));
        QCOMPARE(doc.root()["order_type"].toString(), QStringLiteral("limit"));
        QVERIFY(!doc.root().contains("ord_type"));
        QCOMPARE(doc.root()["client_order_id"].toString(), QStringLiteral("bt-1"));
        QVERIFY(!doc.root().contains("identifier"));
        QVERIFY(!jwtPayloadMember(post.first(), "timestamp").isEmpty());

        const auto byClient = await(c()->fetchOrder({{}, QStringLiteral("bt-1")}));
        REQUIRE_OK(byClient);
        QCOMPARE(byClient.value().id, created.value().id);
        QVERIFY(requestsTo(*m_server, "GET", "/v1/order").last().rawQuery.startsWith("client_order_id=bt-1"));

        const auto cancelled = await(c()->cancelOrder({created.value().id, {}}));
        REQUIRE_OK(cancelled);
        QCOMPARE(cancelled.value().id, created.value().id);
        QCOMPARE(requestsTo(*m_server, "DELETE", "/v2/order").first().rawQuery,
                 "order_id=" + created.value().id.toUtf8());
        const auto closed = await(c()->fetchClosedOrders(QStringLiteral("KRW-BTC"), 5));
        REQUIRE_OK(closed);
        QCOMPARE(closed.value().size(), 1);
        QCOMPARE(closed.value().first().state, OrderState::Cancelled);
        QVERIFY(requestsTo(*m_server, "GET", "/v1/orders")
                    .last()
                    .rawQuery.contains("states%5B%5D=done&states%5B%5D=cancel"));
    }

    void marketOrdersUseOrderType() {
        const auto buy = await(c()->createOrder(
            {QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Market, {}, {}, d("30000"), {}}));
        REQUIRE_OK(buy);
        QVERIFY(!buy.value().clientId.isEmpty());
        net::JsonDocument doc;
        QVERIFY(doc.parse(requestsTo(*m_server, "POST", "/v2/orders").last().body));
        QCOMPARE(doc.root()["order_type"].toString(), QStringLiteral("price"));
        QVERIFY(!doc.root().contains("volume"));
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{1,36}$"))
                    .match(doc.root()["client_order_id"].toString())
                    .hasMatch());
    }

    void candleToIsKst() {
        const auto r = await(c()->fetchCandles({QStringLiteral("KRW-BTC"), CandleInterval::M1, 250, 0}));
        REQUIRE_OK(r);
        QVERIFY(r.value().size() > 200);
        const auto pages = requestsTo(*m_server, "GET", "/v1/candles/minutes/1");
        QVERIFY(pages.size() >= 2);
        const QByteArray to = QByteArray::fromPercentEncoding(pages.at(1).rawQuery.split('&').at(1).mid(3));
        QVERIFY2(!to.endsWith('Z'), to.constData());
        // The page before the first one ends where the first began, in KST wall-clock time.
        net::JsonDocument unused;
        const qint64 firstOpen = r.value().at(r.value().size() - 200).openTimeMs;
        QCOMPARE(QString::fromLatin1(to), upbit::formatIsoTime(firstOpen, 9 * 3600));
        for (qsizetype i = 1; i < r.value().size(); ++i)
            QVERIFY(r.value()[i - 1].openTimeMs < r.value()[i].openTimeMs);
        const auto seconds = await(c()->fetchCandles({QStringLiteral("KRW-BTC"), CandleInterval::S1, 10, 0}));
        QVERIFY(!seconds.ok()); // Bithumb has no second candles
    }

    void orderTimeoutLeavesExactlyOneOrder() {
        m_server->acceptNextOrderThenTimeOut(false);
        const auto r = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                               Side::Buy,
                                               OrderType::Limit,
                                               restingBuyPrice(),
                                               d("0.001"),
                                               {},
                                               QStringLiteral("bt-timeout")}));
        REQUIRE_OK(r);
        QCOMPARE(r.value().clientId, QStringLiteral("bt-timeout"));
        QCOMPARE(m_server->orderCount(), 1);
        QCOMPARE(requestsTo(*m_server, "POST", "/v2/orders").size(), 1);
    }

    void errorNamesEndToEnd() {
        m_server->addKey(QStringLiteral("far"), "s", {QStringLiteral("10.9.9.9")});
        m_host = std::make_unique<ConnectorHost>(makeConnector(
            *m_server, fakeConfig(*m_server, QStringLiteral("bithumb"), QStringLiteral("far"), "s")));
        const auto r = await(c()->fetchBalances());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Permission);
        QCOMPARE(r.error().venueCode, QStringLiteral("NotAllowIP"));
    }

    void streamsAndPrivateV2() {
        StreamRecorder stream(c());
        c()->subscribeMarketData({QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH")},
                                 TickerChannel | TradeChannel | OrderBookChannel);
        c()->subscribeAccount();
        QVERIFY(stream.waitUntil(
            [&] { return stream.bookMarkets().size() == 2 && stream.tickerMarkets().size() == 2; },
            [this] { m_server->step(); }, 200, 50));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->wsConnectionCount(true), 1, 3000);
        QCOMPARE(m_server->wsConnectionCount(false), 1);
        QCOMPARE(m_server->wsHandshakesRejected(), 0);
        const auto r = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                               Side::Buy,
                                               OrderType::Limit,
                                               m_server->bestAsk(QStringLiteral("KRW-BTC")),
                                               d("0.001"),
                                               {},
                                               QStringLiteral("bt-stream")}));
        REQUIRE_OK(r);
        QVERIFY(stream.waitUntil(
            [&] {
                return std::any_of(stream.fills.begin(), stream.fills.end(),
                                   [&](const Fill& f) { return f.orderId == r.value().id; });
            },
            {}, 100, 50));
        // Reconnect: resubscribed, books re-seeded.
        const int books = requestsTo(*m_server, "GET", "/v1/orderbook").size();
        m_server->dropWebSockets();
        QTRY_VERIFY_WITH_TIMEOUT(requestsTo(*m_server, "GET", "/v1/orderbook").size() >= books + 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->wsConnectionCount(false), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->wsConnectionCount(true), 1, 3000);
    }

    void burstWithoutTooManyRequests() {
        QList<QFuture<Result<QVector<Ticker>>>> tickers;
        QList<QFuture<Result<QVector<Balance>>>> balances;
        for (int i = 0; i < 60; ++i)
            tickers.append(c()->fetchTickers({QStringLiteral("KRW-BTC")}));
        for (int i = 0; i < 60; ++i)
            balances.append(c()->fetchBalances());
        for (auto& f : tickers)
            REQUIRE_OK(await(f, 10000));
        for (auto& f : balances)
            REQUIRE_OK(await(f, 10000));
        QCOMPARE(m_server->count429(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBithumbConnector)
#include "tst_bithumb_connector.moc"
