#include "marketdata/market_data_hub.h"
#include "support/fake_connector.h"
#include "trading/trading_session.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Market btcMarket() {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = kBtc;
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = {{Decimal(0), Decimal(1000)}};
    m.rules.qtyStep = dec("0.0001");
    m.rules.minTotal = Decimal(5000);
    m.rules.makerFeeRate = dec("0.0005");
    m.rules.takerFeeRate = dec("0.0005");
    return m;
}

Balance balance(const QString& currency, const char* free) {
    Balance b;
    b.venue = QStringLiteral("fake");
    b.currency = currency;
    b.free = dec(free);
    return b;
}

Order order(const QString& id, OrderState state, qint64 createdAtMs) {
    Order o;
    o.venue = QStringLiteral("fake");
    o.id = id;
    o.clientId = QStringLiteral("c-") + id;
    o.market = kBtc;
    o.side = Side::Buy;
    o.type = OrderType::Limit;
    o.price = Decimal(140'000'000);
    o.qty = dec("0.01");
    o.state = state;
    o.createdAtMs = createdAtMs;
    o.updatedAtMs = createdAtMs;
    if (state == OrderState::Filled)
        o.filledQty = o.qty;
    return o;
}

Fill fill(const QString& orderId, const QString& tradeId, const char* qty, qint64 timestampMs) {
    Fill f;
    f.venue = QStringLiteral("fake");
    f.orderId = orderId;
    f.tradeId = tradeId;
    f.market = kBtc;
    f.price = Decimal(140'000'000);
    f.qty = dec(qty);
    f.timestampMs = timestampMs;
    return f;
}

OrderRequest limitBuy(const char* price, const char* qty) {
    OrderRequest r;
    r.market = kBtc;
    r.side = Side::Buy;
    r.type = OrderType::Limit;
    r.price = dec(price);
    r.qty = dec(qty);
    return r;
}

bool containsOrder(const QVector<Order>& orders, const QString& id) {
    return std::any_of(orders.cbegin(), orders.cend(), [&id](const Order& o) { return o.id == id; });
}

std::optional<Order> findOrder(const QVector<Order>& orders, const QString& id) {
    for (const Order& o : orders) {
        if (o.id == id)
            return o;
    }
    return std::nullopt;
}

// A started session over a scripted venue: KRW 10,000,000 and BTC 0.5, two open orders, one filled order
// and its fill.
struct Rig {
    FakeConnector fake;
    MarketDataHub hub;
    std::unique_ptr<TradingSession> session;

    bool start() {
        fake.markets = {btcMarket()};
        fake.balances = {balance(QStringLiteral("KRW"), "10000000"), balance(QStringLiteral("BTC"), "0.5")};
        fake.openOrders = {order(QStringLiteral("old"), OrderState::Open, 1000),
                           order(QStringLiteral("new"), OrderState::Open, 2000)};
        fake.closedOrders = {order(QStringLiteral("done"), OrderState::Filled, 500)};
        fake.fills = {fill(QStringLiteral("done"), QStringLiteral("t1"), "0.01", 600)};
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        if (!loaded.wait(2000))
            return false;
        session = std::make_unique<TradingSession>(&fake, &hub);
        session->start();
        return QTest::qWaitFor(
            [&] {
                return !session->balances().isEmpty() && !session->fills().isEmpty() &&
                       session->openOrders().size() == 2 && session->orderHistory().size() == 1;
            },
            2000);
    }
};

} // namespace

class TestTradingSession : public QObject {
    Q_OBJECT
private slots:
    void startSeedsState() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        QCOMPARE(s.connector(), &rig.fake);
        QCOMPARE(s.hub(), &rig.hub);
        QCOMPARE(rig.fake.balancesCalls, 1);
        QCOMPARE(rig.fake.openOrdersCalls, 1);
        QCOMPARE(rig.fake.closedOrdersCalls, 1);
        QCOMPARE(rig.fake.fillsCalls, 1);
        QCOMPARE(rig.fake.accountSubscriptions, 1);

        QCOMPARE(s.balances().size(), 2);
        QCOMPARE(s.balance(QStringLiteral("KRW"))->free, dec("10000000"));
        QVERIFY(!s.balance(QStringLiteral("ETH")).has_value());
        QCOMPARE(s.openOrders().at(0).id, QStringLiteral("new")); // newest first
        QCOMPARE(s.openOrders().at(1).id, QStringLiteral("old"));
        QCOMPARE(s.orderHistory().at(0).id, QStringLiteral("done"));
        QCOMPARE(s.fills().at(0).tradeId, QStringLiteral("t1"));

        s.start(); // a second start changes nothing
        QCOMPARE(rig.fake.accountSubscriptions, 1);

        // Streamed balances replace the seeded ones.
        QSignalSpy balances(&s, &TradingSession::balancesChanged);
        emit rig.fake.balanceUpdated(balance(QStringLiteral("KRW"), "9000000"));
        QVERIFY(balances.wait(2000));
        QCOMPARE(s.balance(QStringLiteral("KRW"))->free, dec("9000000"));
    }

    void invalidOrderIsRejectedWithoutSending() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        QSignalSpy rejected(&s, &TradingSession::orderRejected);

        const OrderRequest offTick = limitBuy("140000500", "0.01");
        const ValidationResult expected =
            OrderValidator::validate(offTick, btcMarket(), s.balances(), std::nullopt);
        QVERIFY(!expected.ok());
        QCOMPARE(s.validate(offTick).summary(), expected.summary());

        QCOMPARE(s.submit(offTick), QString());
        QCOMPARE(rejected.size(), 1); // synchronously: the form can show it at once
        QCOMPARE(rejected.at(0).at(1).toString(), expected.summary());
        QVERIFY(!expected.summary().isEmpty());

        OrderRequest unknown = limitBuy("1000", "1");
        unknown.market = QStringLiteral("KRW-DOGE");
        QCOMPARE(s.submit(unknown), QString());
        QCOMPARE(rejected.size(), 2);
        QVERIFY(rejected.at(1).at(1).toString().contains(QStringLiteral("KRW-DOGE")));
        QCOMPARE(s.validate(unknown).issues.at(0).code, ValidationIssue::UnknownMarket);

        QTest::qWait(20); // nothing arrives later either
        QVERIFY(rig.fake.createRequests.isEmpty());
    }

    void validOrderIsSentOnceAndListed() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        QSignalSpy accepted(&s, &TradingSession::orderAccepted);
        QSignalSpy rejected(&s, &TradingSession::orderRejected);
        QSignalSpy orders(&s, &TradingSession::ordersChanged);

        const QString clientId = s.submit(limitBuy("140000000", "0.01"));
        QVERIFY(!clientId.isEmpty());
        QVERIFY(!clientId.startsWith(QLatin1Char('{')));
        QVERIFY(!QUuid::fromString(clientId).isNull());
        // Sent once OrderEntry has the venue's current rules.
        QTRY_COMPARE_WITH_TIMEOUT(rig.fake.createRequests.size(), 1, 2000);
        QCOMPARE(rig.fake.createRequests.at(0).clientId, clientId);

        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 2000);
        const auto order = accepted.at(0).at(0).value<Order>();
        QCOMPARE(order.id, QStringLiteral("o1"));
        QCOMPARE(order.clientId, clientId);
        QVERIFY(containsOrder(s.openOrders(), QStringLiteral("o1")));
        QVERIFY(!orders.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(rig.fake.balancesCalls, 2, 2000); // refreshed after the order locked funds
        QCOMPARE(rig.fake.createRequests.size(), 1);
        QVERIFY(rejected.isEmpty());

        // A caller's own client id is kept.
        OrderRequest withId = limitBuy("139000000", "0.01");
        withId.clientId = QStringLiteral("my-id");
        QCOMPARE(s.submit(withId), QStringLiteral("my-id"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.fake.createRequests.size(), 2, 2000);
        QCOMPARE(rig.fake.createRequests.at(1).clientId, QStringLiteral("my-id"));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 2, 2000);
    }

    void streamedFillUpdatesFillsAndOrder() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        QSignalSpy fillsChanged(&s, &TradingSession::fillsChanged);

        Order o = order(QStringLiteral("new"), OrderState::PartiallyFilled, 2000);
        o.filledQty = dec("0.004");
        o.updatedAtMs = 3000;
        emit rig.fake.fillReceived(fill(QStringLiteral("new"), QStringLiteral("t2"), "0.004", 3000));
        emit rig.fake.orderUpdated(o);
        QTRY_COMPARE_WITH_TIMEOUT(s.fills().size(), 2, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(findOrder(s.openOrders(), QStringLiteral("new"))->state,
                                  OrderState::PartiallyFilled, 2000);
        QCOMPARE(s.fills().at(0).tradeId, QStringLiteral("t2")); // newest first
        QCOMPARE(fillsChanged.size(), 1);

        // The same fill again (a stream replay) is not counted twice.
        emit rig.fake.fillReceived(fill(QStringLiteral("new"), QStringLiteral("t2"), "0.004", 3000));
        // An older state arriving late does not undo the fill.
        emit rig.fake.orderUpdated(order(QStringLiteral("new"), OrderState::Open, 2000));
        Order filled = o;
        filled.state = OrderState::Filled;
        filled.filledQty = o.qty;
        filled.updatedAtMs = 4000;
        emit rig.fake.fillReceived(fill(QStringLiteral("new"), QStringLiteral("t3"), "0.006", 4000));
        emit rig.fake.orderUpdated(filled);
        QTRY_COMPARE_WITH_TIMEOUT(s.fills().size(), 3, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(containsOrder(s.orderHistory(), QStringLiteral("new")), 2000);
        QVERIFY(!containsOrder(s.openOrders(), QStringLiteral("new")));
        QCOMPARE(findOrder(s.orderHistory(), QStringLiteral("new"))->filledQty, dec("0.01"));

        // A fill of an order never seen makes the session fetch that order.
        rig.fake.closedOrders << order(QStringLiteral("elsewhere"), OrderState::Filled, 5000);
        emit rig.fake.fillReceived(fill(QStringLiteral("elsewhere"), QStringLiteral("t4"), "0.01", 5000));
        QTRY_VERIFY_WITH_TIMEOUT(containsOrder(s.orderHistory(), QStringLiteral("elsewhere")), 2000);
        QCOMPARE(rig.fake.fetchOrderRefs.last().id, QStringLiteral("elsewhere"));
    }

    void cancelMovesOrderToHistory() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        s.cancel(QStringLiteral("old"));
        QCOMPARE(rig.fake.cancelRefs.size(), 1);
        QCOMPARE(rig.fake.cancelRefs.at(0).id, QStringLiteral("old"));
        QTRY_VERIFY_WITH_TIMEOUT(containsOrder(s.orderHistory(), QStringLiteral("old")), 2000);
        QCOMPARE(findOrder(s.orderHistory(), QStringLiteral("old"))->state, OrderState::Cancelled);
        QVERIFY(!containsOrder(s.openOrders(), QStringLiteral("old")));

        // A failed cancel is reported and the order's current state fetched.
        QSignalSpy errors(&s, &TradingSession::errorOccurred);
        rig.fake.onCancelOrder = [](const OrderRef&) {
            return FakeConnector::error(ErrorKind::Venue);
        };
        s.cancel(QStringLiteral("new"));
        QVERIFY(errors.wait(2000));
        QTRY_COMPARE_WITH_TIMEOUT(rig.fake.fetchOrderRefs.size(), 1, 2000);
        QCOMPARE(rig.fake.fetchOrderRefs.at(0).id, QStringLiteral("new"));
    }

    void venueRejectionIsReported() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        const VenueError refused =
            FakeConnector::error(ErrorKind::InsufficientFunds, QStringLiteral("insufficient_funds_bid"));
        rig.fake.onCreateOrder = [refused](const OrderRequest& request) {
            return OrderPlacement::rejected(refused, request.clientId);
        };
        QSignalSpy rejected(&s, &TradingSession::orderRejected);
        QSignalSpy errors(&s, &TradingSession::errorOccurred);
        const QString clientId = s.submit(limitBuy("140000000", "0.01"));
        QVERIFY(rejected.wait(2000));
        QCOMPARE(rejected.at(0).at(0).toString(), clientId);
        QCOMPARE(rejected.at(0).at(1).toString(), refused.userMessage());
        QCOMPARE(errors.size(), 1);
        QVERIFY(rig.fake.fetchOrderRefs.isEmpty()); // a definite "not placed" needs no lookup
    }

    // The connector core made the one lookup after a lost answer and found the order: it is placed.
    void placedAfterLookupIsAccepted() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        rig.fake.onCreateOrder = [](const OrderRequest& request) {
            Order placed = order(QStringLiteral("o9"), OrderState::Open, 9000);
            placed.clientId = request.clientId;
            return OrderPlacement::placed(placed);
        };
        QSignalSpy accepted(&s, &TradingSession::orderAccepted);
        QSignalSpy rejected(&s, &TradingSession::orderRejected);

        s.submit(limitBuy("140000000", "0.01"));
        QVERIFY(accepted.wait(2000));
        QCOMPARE(accepted.at(0).at(0).value<Order>().id, QStringLiteral("o9"));
        QVERIFY(rig.fake.fetchOrderRefs.isEmpty()); // the session does not look up again
        QCOMPARE(rig.fake.createRequests.size(), 1);
        QVERIFY(containsOrder(s.openOrders(), QStringLiteral("o9")));
        QVERIFY(rejected.isEmpty());
    }

    // Unknown after the core's lookup: the user is told, nothing is re-sent or looked up again, and the next
    // refresh finds the order.
    void unknownOutcomeIsResolvedByRefresh() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        rig.fake.onCreateOrder = [](const OrderRequest& request) {
            return OrderPlacement::unknown(FakeConnector::error(ErrorKind::Network), request.clientId);
        };
        QSignalSpy accepted(&s, &TradingSession::orderAccepted);
        QSignalSpy rejected(&s, &TradingSession::orderRejected);

        const QString clientId = s.submit(limitBuy("140000000", "0.01"));
        QVERIFY(rejected.wait(2000));
        QVERIFY(rejected.at(0).at(1).toString().contains(QStringLiteral("not known")));
        QCOMPARE(rig.fake.createRequests.size(), 1);
        QVERIFY(rig.fake.fetchOrderRefs.isEmpty());

        // The venue had it after all: the next refresh finds it and reports it placed.
        Order placed = order(QStringLiteral("o7"), OrderState::Open, 7000);
        placed.clientId = clientId;
        rig.fake.openOrders << placed;
        s.refresh();
        QVERIFY(accepted.wait(2000));
        QCOMPARE(accepted.at(0).at(0).value<Order>().id, QStringLiteral("o7"));
        QVERIFY(containsOrder(s.openOrders(), QStringLiteral("o7")));
        QCOMPARE(rig.fake.createRequests.size(), 1);
    }

    void refreshAsksForOrdersThatDisappeared() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        // "old" filled while we were disconnected: no longer listed as open.
        Order done = order(QStringLiteral("old"), OrderState::Filled, 1000);
        done.updatedAtMs = 8000;
        rig.fake.openOrders.removeFirst();
        rig.fake.onFetchOrder = [done](const OrderRef& ref) -> Result<Order> {
            if (ref.id == done.id)
                return done;
            return FakeConnector::error(ErrorKind::NotFound);
        };
        s.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(containsOrder(s.orderHistory(), QStringLiteral("old")), 2000);
        QCOMPARE(s.openOrders().size(), 1);
    }

    void connectorDestroyedFirstIsSafe() {
        auto fake = std::make_unique<FakeConnector>();
        fake->deferReplies = true;
        TradingSession s(fake.get(), nullptr);
        s.start();
        QCOMPARE(s.submit(limitBuy("140000000", "0.01")), QString()); // no hub: no rules to check against
        fake.reset(); // requests in flight are cancelled with it
        QCoreApplication::processEvents();
        QCOMPARE(s.connector(), nullptr);
        s.refresh();
        s.cancel(QStringLiteral("x"));
        QVERIFY(s.balances().isEmpty());
        QVERIFY(s.openOrders().isEmpty());
    }

    void marketOrderUsesTheBookAsReference() {
        Rig rig;
        QVERIFY(rig.start());
        TradingSession& s = *rig.session;
        OrderRequest buy;
        buy.market = kBtc;
        buy.side = Side::Buy;
        buy.type = OrderType::Market;
        buy.qty = dec("0.2");
        OrderRequest sell = buy;
        sell.side = Side::Sell;
        sell.qty = dec("0.0001");
        const auto codes = [](const ValidationResult& r) {
            QList<int> list;
            for (const ValidationIssue& i : r.issues)
                list << int(i.code);
            return list;
        };
        // No book yet: the cost of a market order cannot be estimated.
        QCOMPARE(codes(s.validate(buy)), QList<int>{ValidationIssue::NoReferencePrice});

        OrderBook book(QStringLiteral("fake"), kBtc);
        book.applySnapshot({{Decimal(40'000'000), dec("1")}}, {{Decimal(60'000'000), dec("1")}}, 1);
        emit rig.fake.orderBookUpdated(book);

        // A buy is priced at the best ask: 0.2 x 60,000,000 = 12,000,000 KRW > 10,000,000 KRW available.
        QCOMPARE(codes(s.validate(buy)), QList<int>{ValidationIssue::InsufficientBalance});
        QCOMPARE(s.validate(buy).summary(),
                 OrderValidator::validate(buy, btcMarket(), s.balances(), Decimal(60'000'000)).summary());
        // A sell at the best bid: 0.0001 x 40,000,000 = 4,000 KRW, below the 5,000 KRW minimum.
        QCOMPARE(codes(s.validate(sell)), QList<int>{ValidationIssue::BelowMinTotal});
        QCOMPARE(s.validate(sell).summary(),
                 OrderValidator::validate(sell, btcMarket(), s.balances(), Decimal(40'000'000)).summary());

        buy.qty = dec("0.1");
        QVERIFY2(s.validate(buy).ok(), qPrintable(s.validate(buy).summary()));
    }
};

QTEST_GUILESS_MAIN(TestTradingSession)
#include "tst_trading_session.moc"
