// Time in force and best-price orders through the Upbit and Bithumb connectors against the strict fake: wire
// bodies (`time_in_force` only when not GTC, `ord_type`/`order_type` best) and the outcome end to end (IOC
// partly filled then cancelled, FOK unfillable without a fill, post-only crossing cancelled without a fill,
// best buy by amount and best sell by quantity), plus the local checks that stop bad combinations.
#include "trading/order_entry.h"
#include "venues/net/json_value.h"
#include "venues/upbit/fake_target.h"

#include <QTest>

using namespace hoga;
using namespace hoga::test;

Q_DECLARE_METATYPE(hoga::test::FakeFlavor)

namespace {

const QString kMarket = QStringLiteral("KRW-BTC");

OrderRequest limitOrder(Side side, const Decimal& price, const Decimal& qty, TimeInForce tif,
                        const QString& clientId) {
    OrderRequest r;
    r.market = kMarket;
    r.side = side;
    r.type = OrderType::Limit;
    r.price = price;
    r.qty = qty;
    r.timeInForce = tif;
    r.clientId = clientId;
    return r;
}

OrderRequest bestOrder(Side side, const Decimal& amount, TimeInForce tif, const QString& clientId) {
    OrderRequest r;
    r.market = kMarket;
    r.side = side;
    r.type = OrderType::Best;
    (side == Side::Buy ? r.total : r.qty) = amount;
    r.timeInForce = tif;
    r.clientId = clientId;
    return r;
}

} // namespace

class TestTimeInForce : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeVenueServer> m_server;
    std::unique_ptr<ConnectorHost> m_host;

    Connector* c() const { return m_host->connector(); }
    bool isUpbit() const { return m_server->flavor() == FakeFlavor::Upbit; }
    QByteArray ordersPath() const { return isUpbit() ? "/v1/orders" : "/v2/orders"; }
    QString typeKey() const { return isUpbit() ? QStringLiteral("ord_type") : QStringLiteral("order_type"); }

    void start(FakeFlavor flavor) {
        m_server = std::make_unique<FakeVenueServer>(flavor, 13);
        QVERIFY(m_server->start());
        m_server->addKey(kFakeAccess, kFakeSecret);
        m_server->setBalance(QStringLiteral("KRW"), d("100000000000"));
        m_server->setBalance(QStringLiteral("BTC"), d("10"));
        const QString venue =
            flavor == FakeFlavor::Upbit ? QStringLiteral("upbit") : QStringLiteral("bithumb");
        m_host = std::make_unique<ConnectorHost>(makeConnector(*m_server, fakeConfig(*m_server, venue)));
        REQUIRE_OK(await(c()->fetchMarkets()));
    }

    // The order as the venue now reports it (Bithumb's v2 create answers with the id only).
    Order settled(const Result<Order>& created) {
        const auto o = await(c()->fetchOrder({created.value().id, {}}));
        return o.ok() ? o.value() : Order();
    }

    QVector<QByteArray> postedBodies() const {
        QVector<QByteArray> out;
        for (const FakeRequestLog& r : m_server->requests())
            if (r.method == "POST" && r.path == ordersPath())
                out.append(r.body);
        return out;
    }

    static void flavors() {
        QTest::addColumn<FakeFlavor>("flavor");
        QTest::newRow("upbit") << FakeFlavor::Upbit;
        QTest::newRow("bithumb") << FakeFlavor::Bithumb;
    }

private slots:
    void cleanup() {
        m_host.reset();
        m_server.reset();
    }

    void wireBodies_data() { flavors(); }
    void wireBodies() {
        QFETCH(FakeFlavor, flavor);
        start(flavor);
        const Decimal bid = m_server->bestBid(kMarket);
        const Decimal price = (bid * d("0.9")).roundToStep(m_server->tickFor(kMarket, bid), Rounding::Floor);
        REQUIRE_OK(await(c()->createOrder(
            limitOrder(Side::Buy, price, d("0.001"), TimeInForce::GoodTillCancel, QStringLiteral("w-gtc")))));
        REQUIRE_OK(await(c()->createOrder(
            limitOrder(Side::Buy, price, d("0.001"), TimeInForce::PostOnly, QStringLiteral("w-post")))));
        REQUIRE_OK(await(c()->createOrder(
            bestOrder(Side::Buy, d("20000"), TimeInForce::ImmediateOrCancel, QStringLiteral("w-best-buy")))));
        REQUIRE_OK(await(c()->createOrder(
            bestOrder(Side::Sell, d("0.0001"), TimeInForce::FillOrKill, QStringLiteral("w-best-sell")))));

        const QVector<QByteArray> bodies = postedBodies();
        QCOMPARE(bodies.size(), 4);
        net::JsonDocument doc;
        QVERIFY(doc.parse(bodies[0]));
        QVERIFY(!doc.root().contains("time_in_force")); // GTC is the default: nothing on the wire
        QVERIFY(doc.parse(bodies[1]));
        QCOMPARE(doc.root()[typeKey().toStdString()].toString(), QStringLiteral("limit"));
        QCOMPARE(doc.root()["time_in_force"].toString(), QStringLiteral("post_only"));
        QVERIFY(doc.parse(bodies[2]));
        QCOMPARE(doc.root()[typeKey().toStdString()].toString(), QStringLiteral("best"));
        QCOMPARE(doc.root()["time_in_force"].toString(), QStringLiteral("ioc"));
        QCOMPARE(doc.root()["price"].toString(), QStringLiteral("20000")); // the amount to spend
        QVERIFY(!doc.root().contains("volume"));
        QVERIFY(doc.parse(bodies[3]));
        QCOMPARE(doc.root()[typeKey().toStdString()].toString(), QStringLiteral("best"));
        QCOMPARE(doc.root()["time_in_force"].toString(), QStringLiteral("fok"));
        QCOMPARE(doc.root()["volume"].toString(), QStringLiteral("0.0001"));
        QVERIFY(!doc.root().contains("price"));
    }

    void iocLimitPartlyFilledIsCancelledWithFills_data() { flavors(); }
    void iocLimitPartlyFilledIsCancelledWithFills() {
        QFETCH(FakeFlavor, flavor);
        start(flavor);
        const auto book = await(c()->fetchOrderBook(kMarket, 5));
        REQUIRE_OK(book);
        const BookLevel ask = *book.value().bestAsk();
        const Decimal qty = ask.qty + d("0.001");
        const auto created = await(c()->createOrder(
            limitOrder(Side::Buy, ask.price, qty, TimeInForce::ImmediateOrCancel, QStringLiteral("ioc-1"))));
        REQUIRE_OK(created);
        const Order o = settled(created);
        QCOMPARE(o.state, OrderState::Cancelled);
        QCOMPARE(o.filledQty, ask.qty); // the best level only: the rest could not fill at the limit
        QCOMPARE(o.qty, qty);
        QCOMPARE(o.timeInForce, TimeInForce::ImmediateOrCancel);
        QCOMPARE(o.clientId, QStringLiteral("ioc-1"));
        const auto open = await(c()->fetchOpenOrders(kMarket));
        REQUIRE_OK(open);
        QVERIFY(open.value().isEmpty()); // nothing rests
    }

    void fokUnfillableGetsNoFill_data() { flavors(); }
    void fokUnfillableGetsNoFill() {
        QFETCH(FakeFlavor, flavor);
        start(flavor);
        const auto book = await(c()->fetchOrderBook(kMarket, 5));
        REQUIRE_OK(book);
        const BookLevel ask = *book.value().bestAsk();
        const auto created = await(c()->createOrder(limitOrder(
            Side::Buy, ask.price, ask.qty + d("0.001"), TimeInForce::FillOrKill, QStringLiteral("fok-1"))));
        REQUIRE_OK(created);
        const Order o = settled(created);
        QCOMPARE(o.state, OrderState::Cancelled);
        QVERIFY(o.filledQty.isZero());
        QCOMPARE(o.timeInForce, TimeInForce::FillOrKill);
        QCOMPARE(m_server->bestAsk(kMarket), ask.price); // the book was not touched
    }

    void postOnlyCrossingIsCancelledWithoutFill_data() { flavors(); }
    void postOnlyCrossingIsCancelledWithoutFill() {
        QFETCH(FakeFlavor, flavor);
        start(flavor);
        const Decimal ask = m_server->bestAsk(kMarket);
        const auto created = await(c()->createOrder(
            limitOrder(Side::Buy, ask, d("0.001"), TimeInForce::PostOnly, QStringLiteral("post-1"))));
        REQUIRE_OK(created);
        const Order o = settled(created);
        // The venues (and the fake) accept the order and cancel it at once rather than let it take.
        QCOMPARE(o.state, OrderState::Cancelled);
        QVERIFY(o.filledQty.isZero());
        QCOMPARE(o.timeInForce, TimeInForce::PostOnly);
    }

    void bestBuyByTotalAndSellByQty_data() { flavors(); }
    void bestBuyByTotalAndSellByQty() {
        QFETCH(FakeFlavor, flavor);
        start(flavor);
        const auto buy = await(c()->createOrder(
            bestOrder(Side::Buy, d("50000"), TimeInForce::ImmediateOrCancel, QStringLiteral("best-buy"))));
        REQUIRE_OK(buy);
        Order o = settled(buy);
        QCOMPARE(o.type, OrderType::Best);
        QCOMPARE(o.total, d("50000"));
        QVERIFY(o.filledQty.isPositive());
        QVERIFY(o.filledQuote <= d("50000"));
        QVERIFY(!o.isOpen());
        const auto sell = await(c()->createOrder(
            bestOrder(Side::Sell, d("0.0002"), TimeInForce::FillOrKill, QStringLiteral("best-sell"))));
        REQUIRE_OK(sell);
        o = settled(sell);
        QCOMPARE(o.type, OrderType::Best);
        QCOMPARE(o.state, OrderState::Filled);
        QCOMPARE(o.filledQty, d("0.0002"));
        QCOMPARE(o.timeInForce, TimeInForce::FillOrKill);
    }

    void badCombinationsStopBeforeSending_data() {
        QTest::addColumn<FakeFlavor>("flavor");
        QTest::addColumn<OrderRequest>("request");
        OrderRequest marketIoc;
        marketIoc.market = kMarket;
        marketIoc.side = Side::Buy;
        marketIoc.type = OrderType::Market;
        marketIoc.total = d("10000");
        marketIoc.timeInForce = TimeInForce::ImmediateOrCancel;
        OrderRequest bestBuyByQty = bestOrder(Side::Buy, d("10000"), TimeInForce::FillOrKill, {});
        bestBuyByQty.total = Decimal();
        bestBuyByQty.qty = d("0.001");
        for (FakeFlavor f : {FakeFlavor::Upbit, FakeFlavor::Bithumb}) {
            const char* venue = f == FakeFlavor::Upbit ? "upbit" : "bithumb";
            QTest::addRow("%s market ioc", venue) << f << marketIoc;
            QTest::addRow("%s best gtc", venue)
                << f << bestOrder(Side::Buy, d("10000"), TimeInForce::GoodTillCancel, {});
            QTest::addRow("%s best post_only", venue)
                << f << bestOrder(Side::Sell, d("0.001"), TimeInForce::PostOnly, {});
            QTest::addRow("%s best buy by qty", venue) << f << bestBuyByQty;
        }
    }
    void badCombinationsStopBeforeSending() {
        QFETCH(FakeFlavor, flavor);
        QFETCH(OrderRequest, request);
        start(flavor);
        // The order policy checks against the venue's capabilities: nothing is sent.
        QObject receiver;
        const OrderPlacement r = awaitPlacement(OrderEntry::place(c(), request, &receiver, [](const Market&) {
            OrderContext context;
            context.checkBalances = false;
            return context;
        }));
        QCOMPARE(r.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(r.error().kind, ErrorKind::InvalidOrder);
        QVERIFY(!r.error().detail.isEmpty());
        QVERIFY(postedBodies().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTimeInForce)
#include "tst_upbit_bithumb_time_in_force.moc"
