// The venue connector with the Upbit bundle against the strict loopback fake: every endpoint and stream, wire
// details (query hash, body shapes, one request per ticker list, paging), errors end to end, reconnect with
// resubscription and book re-seed, the order whose answer never comes, the 418 block and a burst at the
// enforced limits.
#include "conformance/stream_recorder.h"
#include "support/loopback_http_server.h"
#include "trading/order_entry.h"
#include "venues/net/json_value.h"
#include "venues/upbit/fake_target.h"

#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

net::JsonValue bodyOf(net::JsonDocument& doc, const QByteArray& body) {
    if (!doc.parse(body))
        return {};
    return doc.root();
}

} // namespace

class TestUpbitConnector : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeVenueServer> m_server;
    std::unique_ptr<ConnectorHost> m_host;

    Connector* c() const { return m_host->connector(); }

    void startWith(const VenueConfig& config, const std::function<void(VenueConnectorOptions&)>& tweak = {}) {
        m_host = std::make_unique<ConnectorHost>(makeConnector(*m_server, config, tweak));
    }

private slots:
    void init() {
        m_server = std::make_unique<FakeVenueServer>(FakeFlavor::Upbit, 11);
        QVERIFY(m_server->start());
        m_server->addKey(kFakeAccess, kFakeSecret);
        startWith(fakeConfig(*m_server, QStringLiteral("upbit")));
    }

    void cleanup() {
        m_host.reset();
        m_server.reset();
    }

    void identity() {
        QCOMPARE(c()->venueId(), QStringLiteral("upbit"));
        QVERIFY(c()->hasCredentials());
        QCOMPARE(c()->connectionState(), ConnectionState::Disconnected);
    }

    void marketsCarryNamesWarningsAndVenueTicks() {
        const auto r = await(c()->fetchMarkets());
        REQUIRE_OK(r);
        QSet<QString> codes;
        for (const Market& m : r.value()) {
            codes.insert(m.code);
            QVERIFY(!m.displayName.isEmpty());
            QVERIFY(!m.localName.isEmpty());
            // The tick the venue reports at the current price is the rules' tick there.
            const Decimal last = m_server->lastPrice(m.code);
            QCOMPARE(m.rules.tickFor(last), m_server->tickFor(m.code, last));
        }
        QVERIFY(codes.contains(QStringLiteral("KRW-BTC")) && codes.contains(QStringLiteral("USDT-BTC")));
        const auto all = requestsTo(*m_server, "GET", "/v1/market/all");
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().rawQuery, QByteArray("is_details=true"));
        QCOMPARE(requestsTo(*m_server, "GET", "/v1/orderbook/instruments").size(), 1);
    }

    void tickersForManyMarketsInOneRequest() {
        const QStringList markets{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"),
                                  QStringLiteral("KRW-XRP")};
        const auto r = await(c()->fetchTickers(markets));
        REQUIRE_OK(r);
        QCOMPARE(r.value().size(), 3);
        const auto sent = requestsTo(*m_server, "GET", "/v1/ticker");
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().rawQuery, QByteArray("markets=KRW-BTC%2CKRW-ETH%2CKRW-XRP"));
        for (const Ticker& t : r.value())
            QCOMPARE(t.last, m_server->lastPrice(t.market));
    }

    void orderBookDepthAndPrices() {
        const auto r = await(c()->fetchOrderBook(QStringLiteral("KRW-ETH"), 7));
        REQUIRE_OK(r);
        QCOMPARE(r.value().bids().size(), 7);
        QCOMPARE(r.value().asks().size(), 7);
        QCOMPARE(r.value().bestBid()->price, m_server->bestBid(QStringLiteral("KRW-ETH")));
        QCOMPARE(r.value().bestAsk()->price, m_server->bestAsk(QStringLiteral("KRW-ETH")));
    }

    void candlesPageBackwardBeyond200() {
        const auto r = await(c()->fetchCandles({QStringLiteral("KRW-BTC"), CandleInterval::M5, 450, 0}));
        REQUIRE_OK(r);
        const QVector<Candle>& candles = r.value();
        QVERIFY2(candles.size() > 200, qPrintable(QString::number(candles.size())));
        QVERIFY(candles.size() <= 450);
        for (qsizetype i = 1; i < candles.size(); ++i)
            QVERIFY(candles[i - 1].openTimeMs < candles[i].openTimeMs);
        const auto pages = requestsTo(*m_server, "GET", "/v1/candles/minutes/5");
        QVERIFY(pages.size() >= 2);
        QVERIFY(!pages.first().rawQuery.contains("to="));
        QVERIFY(pages.at(1).rawQuery.contains("to="));
        QVERIFY(pages.at(1).rawQuery.contains("%3A")); // ':' percent-encoded on the wire
        // Day candles and an explicit end.
        const qint64 end = candles.last().openTimeMs;
        const auto days = await(c()->fetchCandles({QStringLiteral("KRW-BTC"), CandleInterval::M5, 10, end}));
        REQUIRE_OK(days);
        QVERIFY(!days.value().isEmpty());
        QVERIFY(days.value().last().openTimeMs < end);
    }

    void recentTrades() {
        for (int i = 0; i < 5; ++i)
            m_server->step();
        const auto r = await(c()->fetchTrades(QStringLiteral("KRW-BTC"), 10));
        REQUIRE_OK(r);
        QVERIFY(!r.value().isEmpty());
        QVERIFY(r.value().size() <= 10);
        const auto sent = requestsTo(*m_server, "GET", "/v1/trades/ticks");
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().rawQuery, QByteArray("market=KRW-BTC&count=10"));
    }

    void balancesAreSigned() {
        const auto r = await(c()->fetchBalances());
        REQUIRE_OK(r);
        QVERIFY(!r.value().isEmpty());
        const auto sent = requestsTo(*m_server, "GET", "/v1/accounts");
        QCOMPARE(sent.size(), 1);
        QVERIFY(sent.first().headers.value("authorization").startsWith("Bearer "));
        QVERIFY(!sent.first().headers.contains("origin"));
    }

    void orderBodiesAreWireExact() {
        REQUIRE_OK(await(c()->fetchMarkets()));
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (bid * d("0.9")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
        // Limit, with our client id.
        auto limit = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                             Side::Buy,
                                             OrderType::Limit,
                                             price,
                                             d("0.001"),
                                             {},
                                             QStringLiteral("my-id-1")}));
        REQUIRE_OK(limit);
        QCOMPARE(limit.value().clientId, QStringLiteral("my-id-1"));
        // Market buy by total: price = total, no volume. Market sell: volume, no price. Without a client id
        // one is generated.
        auto buy = await(c()->createOrder(
            {QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Market, {}, {}, d("20000"), {}}));
        REQUIRE_OK(buy);
        QCOMPARE(buy.value().clientId.size(), 36);
        auto sell = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                            Side::Sell,
                                            OrderType::Market,
                                            {},
                                            d("0.0001"),
                                            {},
                                            QStringLiteral("my-id-3")}));
        REQUIRE_OK(sell);

        const auto posts = requestsTo(*m_server, "POST", "/v1/orders");
        QCOMPARE(posts.size(), 3);
        net::JsonDocument doc;
        net::JsonValue b = bodyOf(doc, posts[0].body);
        QCOMPARE(b["ord_type"].toString(), QStringLiteral("limit"));
        QCOMPARE(b["side"].toString(), QStringLiteral("bid"));
        QCOMPARE(b["price"].toString(), price.toString());
        QVERIFY(b["price"].isString() && b["volume"].isString()); // decimals as canonical strings
        QCOMPARE(b["volume"].toString(), QStringLiteral("0.001"));
        QCOMPARE(b["identifier"].toString(), QStringLiteral("my-id-1"));
        b = bodyOf(doc, posts[1].body);
        QCOMPARE(b["ord_type"].toString(), QStringLiteral("price"));
        QCOMPARE(b["price"].toString(), QStringLiteral("20000"));
        QVERIFY(!b.contains("volume"));
        QVERIFY(!b["identifier"].toString().isEmpty());
        b = bodyOf(doc, posts[2].body);
        QCOMPARE(b["ord_type"].toString(), QStringLiteral("market"));
        QCOMPARE(b["side"].toString(), QStringLiteral("ask"));
        QVERIFY(!b.contains("price"));
        // Orders are sent as asked: the connector reads no rules on its own (OrderEntry asks for them).
        QVERIFY(requestsTo(*m_server, "GET", "/v1/orders/chance").isEmpty());
        // fetchMarketRules reads orders/chance once per market and folds it into the market's rules.
        const auto rules = await(c()->fetchMarketRules(QStringLiteral("KRW-BTC")));
        REQUIRE_OK(rules);
        QVERIFY(rules.value().rules.minTotal.isPositive());
        REQUIRE_OK(await(c()->fetchMarketRules(QStringLiteral("KRW-BTC"))));
        QCOMPARE(requestsTo(*m_server, "GET", "/v1/orders/chance").size(), 1);
    }

    void ordersByIdClientIdListsAndCancel() {
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (bid * d("0.8")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
        const auto created = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                     Side::Buy,
                                                     OrderType::Limit,
                                                     price,
                                                     d("0.001"),
                                                     {},
                                                     QStringLiteral("cid-42")}));
        REQUIRE_OK(created);
        const auto byClient = await(c()->fetchOrder({{}, QStringLiteral("cid-42")}));
        REQUIRE_OK(byClient);
        QCOMPARE(byClient.value().id, created.value().id);
        QVERIFY(requestsTo(*m_server, "GET", "/v1/order").last().rawQuery.startsWith("identifier=cid-42"));
        const auto open = await(c()->fetchOpenOrders(QStringLiteral("KRW-BTC")));
        REQUIRE_OK(open);
        QCOMPARE(open.value().size(), 1);
        QCOMPARE(open.value().first().state, OrderState::Open);
        QVERIFY(requestsTo(*m_server, "GET", "/v1/orders/open")
                    .first()
                    .rawQuery.contains("states%5B%5D=wait&states%5B%5D=watch"));
        const auto cancelled = await(c()->cancelOrder({{}, QStringLiteral("cid-42")}));
        REQUIRE_OK(cancelled);
        const auto closed = await(c()->fetchClosedOrders(QStringLiteral("KRW-BTC"), 10));
        REQUIRE_OK(closed);
        QCOMPARE(closed.value().size(), 1);
        QCOMPARE(closed.value().first().state, OrderState::Cancelled);
    }

    void fillsComeFromOrderTrades() {
        const Decimal ask = m_server->bestAsk(QStringLiteral("KRW-BTC"));
        const auto bought = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                    Side::Buy,
                                                    OrderType::Limit,
                                                    ask,
                                                    d("0.001"),
                                                    {},
                                                    QStringLiteral("fill-me")}));
        REQUIRE_OK(bought);
        const auto fills = await(c()->fetchFills(QStringLiteral("KRW-BTC"), 10));
        REQUIRE_OK(fills);
        QVERIFY(!fills.value().isEmpty());
        Decimal qty;
        Decimal fee;
        for (const Fill& f : fills.value()) {
            QCOMPARE(f.orderId, bought.value().id);
            QCOMPARE(f.feeCurrency, QStringLiteral("KRW"));
            qty += f.qty;
            fee += f.fee;
        }
        QCOMPARE(qty, d("0.001"));
        const auto order = await(c()->fetchOrder({bought.value().id, {}}));
        REQUIRE_OK(order);
        QCOMPARE(order.value().state, OrderState::Filled);
        QCOMPARE(fee, order.value().fee); // the fee shares add up exactly
    }

    void orderTimeoutIsLookedUpNeverResent_data() {
        QTest::addColumn<bool>("closeSocket");
        QTest::newRow("held") << false;
        QTest::newRow("connection closed") << true;
    }
    void orderTimeoutIsLookedUpNeverResent() {
        QFETCH(bool, closeSocket);
        m_server->acceptNextOrderThenTimeOut(closeSocket);
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (bid * d("0.8")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
        const OrderPlacement r = awaitPlacement(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                                  Side::Buy,
                                                                  OrderType::Limit,
                                                                  price,
                                                                  d("0.001"),
                                                                  {},
                                                                  QStringLiteral("timeout-1")}));
        QVERIFY2(r.ok(), qPrintable(describe(r.error())));
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Placed);
        QCOMPARE(r.value().clientId, QStringLiteral("timeout-1"));
        QVERIFY(r.value().isOpen());
        QCOMPARE(m_server->orderCount(), 1); // exactly one order exists
        // Sent once, even when the socket closes before any answer (the transport never re-sends an order),
        // and looked up once by its client id.
        QCOMPARE(requestsTo(*m_server, "POST", "/v1/orders").size(), 1);
        const auto lookups = requestsTo(*m_server, "GET", "/v1/order");
        QCOMPARE(lookups.size(), 1);
        QVERIFY(lookups.first().rawQuery.startsWith("identifier=timeout-1"));
    }

    // A 503 before the venue executed anything: the one lookup proves the order absent, so the outcome is a
    // definite "not placed" (safe to correct and send again), not a network error.
    void failedOrderIsReportedNotPlaced() {
        m_server->failNextRequests(1, 503); // the POST itself, before the venue executes anything
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (bid * d("0.8")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
        const OrderPlacement r = awaitPlacement(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                                  Side::Buy,
                                                                  OrderType::Limit,
                                                                  price,
                                                                  d("0.001"),
                                                                  {},
                                                                  QStringLiteral("never-1")}));
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(r.error().kind, ErrorKind::Venue);
        QVERIFY2(r.error().detail.contains(QStringLiteral("not placed")), qPrintable(r.error().detail));
        QCOMPARE(r.clientId(), QStringLiteral("never-1"));
        QCOMPARE(m_server->orderCount(), 0);
        QCOMPARE(requestsTo(*m_server, "POST", "/v1/orders").size(), 1);
        QCOMPARE(requestsTo(*m_server, "GET", "/v1/order").size(), 1);
    }

    // The venue refuses outright (insufficient funds): rejected at once, nothing looked up.
    void refusedOrderIsRejectedWithoutLookup() {
        const Decimal ask = m_server->bestAsk(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (ask * d("0.5")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), ask), Rounding::Floor);
        const Decimal qty = (m_server->freeBalance(QStringLiteral("KRW")) * 3).divide(price, 8, Rounding::Up);
        const OrderPlacement r = awaitPlacement(
            c()->createOrder({QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Limit, price, qty, {}, {}}));
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(r.error().kind, ErrorKind::InsufficientFunds);
        QVERIFY(requestsTo(*m_server, "GET", "/v1/order").isEmpty());
    }

    // Neither the order request nor the lookup got through: the outcome stays unknown, and nothing is sent
    // again.
    void failedLookupLeavesTheOutcomeUnknown() {
        m_server->failNextRequests(20, 503);
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (bid * d("0.8")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
        const OrderPlacement r = awaitPlacement(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                                  Side::Buy,
                                                                  OrderType::Limit,
                                                                  price,
                                                                  d("0.001"),
                                                                  {},
                                                                  QStringLiteral("u-1")}));
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Unknown);
        QCOMPARE(r.clientId(), QStringLiteral("u-1"));
        QVERIFY2(r.error().detail.contains(QStringLiteral("u-1")), qPrintable(r.error().detail));
        QCOMPARE(requestsTo(*m_server, "POST", "/v1/orders").size(), 1);
    }

    void errorsEndToEnd() {
        // Funds: a resting buy worth three times the free KRW.
        const Decimal ask = m_server->bestAsk(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (ask * d("0.5")).roundToStep(m_server->tickFor(QStringLiteral("KRW-BTC"), ask), Rounding::Floor);
        const Decimal qty = (m_server->freeBalance(QStringLiteral("KRW")) * 3).divide(price, 8, Rounding::Up);
        auto r = await(
            c()->createOrder({QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Limit, price, qty, {}, {}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InsufficientFunds);
        QCOMPARE(r.error().venueCode, QStringLiteral("insufficient_funds_bid"));
        // Unknown order and market.
        auto cancel = await(c()->cancelOrder({QStringLiteral("00000000-0000-4000-8000-000000000000"), {}}));
        QVERIFY(!cancel.ok());
        QCOMPARE(cancel.error().kind, ErrorKind::NotFound);
        QCOMPARE(cancel.error().venueCode, QStringLiteral("order_not_found"));
        auto tickers = await(c()->fetchTickers({QStringLiteral("KRW-NOSUCH")}));
        QVERIFY(!tickers.ok());
        QCOMPARE(tickers.error().kind, ErrorKind::NotFound);
        QCOMPARE(tickers.error().venueCode, QStringLiteral("404"));
    }

    void authAndPermissionErrorsEndToEnd() {
        // A wrong secret: the JWT does not verify.
        m_host = std::make_unique<ConnectorHost>(
            makeConnector(*m_server, fakeConfig(*m_server, QStringLiteral("upbit"), kFakeAccess, "wrong")));
        auto r = await(c()->fetchBalances());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Auth);
        QCOMPARE(r.error().venueCode, QStringLiteral("jwt_verification"));
        // An unknown key.
        m_host = std::make_unique<ConnectorHost>(makeConnector(
            *m_server, fakeConfig(*m_server, QStringLiteral("upbit"), QStringLiteral("nobody"))));
        r = await(c()->fetchBalances());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Auth);
        // A key for other IPs.
        m_server->addKey(QStringLiteral("elsewhere"), "s2", {QStringLiteral("10.1.2.3")});
        m_host = std::make_unique<ConnectorHost>(makeConnector(
            *m_server, fakeConfig(*m_server, QStringLiteral("upbit"), QStringLiteral("elsewhere"), "s2")));
        r = await(c()->fetchBalances());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Permission);
        QCOMPARE(r.error().venueCode, QStringLiteral("no_authorization_ip"));
        // A read-only key may not trade.
        m_server->addKey(QStringLiteral("reader"), "s3", {QStringLiteral("127.0.0.1")}, false);
        m_host = std::make_unique<ConnectorHost>(makeConnector(
            *m_server, fakeConfig(*m_server, QStringLiteral("upbit"), QStringLiteral("reader"), "s3")));
        const auto order = await(c()->createOrder(
            {QStringLiteral("KRW-BTC"), Side::Sell, OrderType::Market, {}, d("0.0001"), {}, {}}));
        QVERIFY(!order.ok());
        QCOMPARE(order.error().kind, ErrorKind::Permission);
        QCOMPARE(order.error().venueCode, QStringLiteral("out_of_scope"));
        // No credentials at all: refused locally.
        m_host = std::make_unique<ConnectorHost>(
            makeConnector(*m_server, fakeConfig(*m_server, QStringLiteral("upbit"), {}, {})));
        QVERIFY(!c()->hasCredentials());
        r = await(c()->fetchBalances());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Auth);
    }

    // The order policy (OrderEntry) stops invalid orders before anything is sent, with the venue's fresh
    // rules; the connector itself sends what it is given, and the venue refuses it.
    void invalidOrdersStopBeforeSending() {
        REQUIRE_OK(await(c()->fetchMarkets()));
        const Decimal bid = m_server->bestBid(QStringLiteral("KRW-BTC"));
        const Decimal tick = m_server->tickFor(QStringLiteral("KRW-BTC"), bid);
        const Decimal offTick =
            (bid * d("0.8")).roundToStep(tick, Rounding::Floor) + tick.divide(2, 8, Rounding::Down);
        QObject receiver;
        auto rich = [](const Market&) {
            OrderContext context;
            context.checkBalances = false;
            return context;
        };
        auto place = [&](const OrderRequest& request) {
            return awaitPlacement(OrderEntry::place(c(), request, &receiver, rich));
        };
        OrderPlacement r =
            place({QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Limit, offTick, d("0.001"), {}, {}});
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(r.error().kind, ErrorKind::InvalidOrder);
        QVERIFY2(r.error().detail.contains(QStringLiteral("Nearest valid prices")),
                 qPrintable(r.error().detail));
        r = place(
            {QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Limit, tick * 10, d("0.00000001"), {}, {}});
        QCOMPARE(r.error().kind, ErrorKind::InvalidOrder); // below the minimum total
        r = place({QStringLiteral("KRW-NOSUCH"), Side::Buy, OrderType::Limit, d("1000"), d("10"), {}, {}});
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
        QCOMPARE(requestsTo(*m_server, "POST", "/v1/orders").size(), 0);
        // OrderEntry read orders/chance for the market's fresh rules, once.
        QCOMPARE(requestsTo(*m_server, "GET", "/v1/orders/chance").size(), 1);

        // Sent straight to the connector, the same order reaches the venue, which refuses it.
        const OrderPlacement direct = awaitPlacement(c()->createOrder(
            {QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Limit, offTick, d("0.001"), {}, {}}));
        QCOMPARE(direct.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(direct.error().kind, ErrorKind::InvalidOrder);
        QCOMPARE(requestsTo(*m_server, "POST", "/v1/orders").size(), 1);
    }

    void oneSubscriptionForAllStreams() {
        StreamRecorder stream(c());
        c()->subscribeMarketData({QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH")},
                                 TickerChannel | TradeChannel | OrderBookChannel);
        QVERIFY(stream.waitUntil(
            [&] {
                return stream.bookMarkets().size() == 2 && stream.tickerMarkets().size() == 2 &&
                       !stream.trades.isEmpty();
            },
            [this] { m_server->step(); }, 200, 50));
        QCOMPARE(m_server->wsConnectionCount(false), 1);
        QSet<QString> types;
        for (const FakeWsSubscription& s : m_server->wsSubscriptions()) {
            QVERIFY(!s.isPrivate);
            types.insert(s.type);
            QCOMPARE(s.codes.size(), 2);
        }
        QCOMPARE(types, (QSet<QString>{QStringLiteral("ticker"), QStringLiteral("trade"),
                                       QStringLiteral("orderbook")}));
        QCOMPARE(c()->connectionState(), ConnectionState::Connected);
        QVERIFY(stream.states.contains(ConnectionState::Connected));
        for (const OrderBook& b : stream.books)
            QVERIFY(!b.isCrossed());
    }

    void reconnectResubscribesAndReseedsBooks() {
        StreamRecorder stream(c());
        c()->subscribeMarketData({QStringLiteral("KRW-BTC")}, OrderBookChannel | TickerChannel);
        QVERIFY(
            stream.waitUntil([&] { return !stream.books.isEmpty(); }, [this] { m_server->step(); }, 200, 50));
        const int accepted = m_server->wsConnectionsAccepted();
        const int booksBefore = requestsTo(*m_server, "GET", "/v1/orderbook").size();
        stream.clear();
        m_server->dropWebSockets();
        QVERIFY(stream.waitUntil([&] { return stream.states.contains(ConnectionState::Reconnecting); }, {},
                                 100, 50));
        QVERIFY(stream.waitUntil(
            [&] { return stream.states.contains(ConnectionState::Connected) && !stream.books.isEmpty(); },
            [this] { m_server->step(); }, 200, 50));
        QCOMPARE(m_server->wsConnectionsAccepted(), accepted + 1);
        // Resubscribed on the new connection.
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->wsSubscriptions().isEmpty(), 3000);
        // And the book was re-seeded from REST after the reconnect.
        QTRY_VERIFY_WITH_TIMEOUT(requestsTo(*m_server, "GET", "/v1/orderbook").size() > booksBefore, 3000);
    }

    void accountStreamWithFreshJwt() {
        StreamRecorder stream(c());
        c()->subscribeAccount();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->wsConnectionCount(true), 1, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->wsSubscriptions().isEmpty(), 3000);
        QCOMPARE(m_server->wsHandshakesRejected(), 0);
        const Decimal ask = m_server->bestAsk(QStringLiteral("KRW-BTC"));
        const auto r = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                               Side::Buy,
                                               OrderType::Limit,
                                               ask,
                                               d("0.001"),
                                               {},
                                               QStringLiteral("stream-fill")}));
        REQUIRE_OK(r);
        QVERIFY(stream.waitUntil(
            [&] {
                return std::any_of(stream.fills.begin(), stream.fills.end(),
                                   [&](const Fill& f) { return f.orderId == r.value().id; }) &&
                       !stream.balances.isEmpty();
            },
            {}, 100, 50));
        QVERIFY(std::any_of(stream.orders.begin(), stream.orders.end(), [&](const Order& o) {
            return o.id == r.value().id && o.clientId == QStringLiteral("stream-fill");
        }));
        // A reconnect signs a new handshake.
        m_server->dropWebSockets();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->wsConnectionCount(true), 1, 3000);
        QCOMPARE(m_server->wsHandshakesRejected(), 0);
    }

    void accountStreamReconcilesWhatItMissed() {
        // An order rests while no account stream runs; the user then cancels it elsewhere (the venue's
        // web site; here a second connector with the same key). Once the stream connects, the connector
        // reads balances and its open orders over REST, so the cancel and the KRW balance are not missed.
        const QString btc = QStringLiteral("KRW-BTC");
        const Decimal target = m_server->bestBid(btc) * d("0.8");
        const Decimal low = target.roundToStep(m_server->tickFor(btc, target), Rounding::Floor);
        const auto placed = await(c()->createOrder({QStringLiteral("KRW-BTC"),
                                                    Side::Buy,
                                                    OrderType::Limit,
                                                    low,
                                                    d("0.001"),
                                                    {},
                                                    QStringLiteral("away")}));
        REQUIRE_OK(placed);
        {
            ConnectorHost elsewhere(makeConnector(*m_server, fakeConfig(*m_server, QStringLiteral("upbit"))));
            REQUIRE_OK(await(elsewhere.connector()->cancelOrder({placed.value().id, {}})));
        }
        StreamRecorder stream(c());
        c()->subscribeAccount();
        QVERIFY(stream.waitUntil(
            [&] {
                const bool cancelled =
                    std::any_of(stream.orders.begin(), stream.orders.end(), [&](const Order& o) {
                        return o.id == placed.value().id && o.state == OrderState::Cancelled;
                    });
                const bool krw =
                    std::any_of(stream.balances.begin(), stream.balances.end(),
                                [](const Balance& b) { return b.currency == QStringLiteral("KRW"); });
                return cancelled && krw;
            },
            {}, 100, 50));
    }

    void blockedVenueIsAnnouncedAndRefusedLocally() {
        // A client that ignores 429s (its own limiter far above the venue's) gets blocked with 418.
        m_server->setBlockDurationMs(8000);
        m_host = std::make_unique<ConnectorHost>(makeConnector(
            *m_server, fakeConfig(*m_server, QStringLiteral("upbit")), [](VenueConnectorOptions& o) {
                net::RateLimitConfig loose = UpbitProtocol::limits();
                for (net::RateLimitGroup& g : loose.groups)
                    g.limit = 1000;
                o.limiter = std::make_shared<net::RateLimiter>(loose);
                o.retry = net::RetryPolicy::never();
            }));
        QSignalSpy blocked(c(), &Connector::requestsBlocked);
        QList<QFuture<Result<QVector<Ticker>>>> burst;
        for (int i = 0; i < 40; ++i)
            burst.append(c()->fetchTickers({QStringLiteral("KRW-BTC")}));
        for (auto& f : burst)
            await(f);
        QVERIFY(m_server->count418() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!blocked.isEmpty(), 3000);
        const qint64 until = blocked.first().first().toLongLong();
        QVERIFY(until > QDateTime::currentMSecsSinceEpoch());
        const int sent = m_server->requests().size();
        const auto refused = await(c()->fetchTickers({QStringLiteral("KRW-BTC")}));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::RateLimit);
        QVERIFY(refused.error().retryAfterMs > 0);
        QCOMPARE(m_server->requests().size(), sent); // refused without sending
    }

    void burstAtTheLimitsGetsNo429() {
        // Quotation (10/s per group) and exchange (30/s) requests together, well above one second's worth.
        QList<QFuture<Result<QVector<Ticker>>>> tickers;
        QList<QFuture<Result<OrderBook>>> books;
        QList<QFuture<Result<QVector<Balance>>>> balances;
        for (int i = 0; i < 14; ++i)
            tickers.append(c()->fetchTickers({QStringLiteral("KRW-BTC")}));
        for (int i = 0; i < 14; ++i)
            books.append(c()->fetchOrderBook(QStringLiteral("KRW-ETH"), 5));
        for (int i = 0; i < 40; ++i)
            balances.append(c()->fetchBalances());
        for (auto& f : tickers)
            REQUIRE_OK(await(f, 10000));
        for (auto& f : books)
            REQUIRE_OK(await(f, 10000));
        for (auto& f : balances)
            REQUIRE_OK(await(f, 10000));
        QCOMPARE(m_server->count429(), 0);
        QCOMPARE(m_server->count418(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUpbitConnector)
#include "tst_upbit_connector.moc"
