// OrderEntry, the one order policy: fresh rules from the venue, the venue's capabilities, the validator, and
// only then one send. A connector never validates; a refused check never reaches it.

#include "support/fake_connector.h"
#include "trading/order_entry.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Market btcMarket(const char* minTotal = "5000") {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = {{Decimal(0), Decimal(1000)}};
    m.rules.qtyStep = dec("0.0001");
    m.rules.minTotal = dec(minTotal);
    m.rules.takerFeeRate = dec("0.0005");
    return m;
}

OrderRequest limitBuy(const char* price, const char* qty) {
    OrderRequest r;
    r.market = QStringLiteral("KRW-BTC");
    r.side = Side::Buy;
    r.type = OrderType::Limit;
    r.price = dec(price);
    r.qty = dec(qty);
    return r;
}

OrderContext richAccount() {
    Balance krw;
    krw.venue = QStringLiteral("fake");
    krw.currency = QStringLiteral("KRW");
    krw.free = dec("100000000");
    OrderContext c;
    c.balances = {krw};
    return c;
}

OrderPlacement wait(const QFuture<OrderPlacement>& future) {
    QFutureWatcher<OrderPlacement> watcher;
    QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    if (!future.isFinished())
        done.wait(5000);
    return future.resultCount() > 0 ? future.result() : OrderPlacement();
}

} // namespace

class TestOrderEntry : public QObject {
    Q_OBJECT

private slots:
    void validOrderIsSentOnceWithAClientId() {
        FakeConnector fake;
        fake.markets = {btcMarket()};
        QObject receiver;
        const OrderPlacement p = wait(OrderEntry::place(&fake, limitBuy("90000000", "0.01"), &receiver,
                                                        [](const Market&) { return richAccount(); }));
        QVERIFY(p.ok());
        QCOMPARE(fake.createRequests.size(), 1);
        QVERIFY(!fake.createRequests.first().clientId.isEmpty());
        QCOMPARE(p.value().clientId, fake.createRequests.first().clientId);
    }

    // The rules the check uses are the venue's current ones (fetchMarketRules), not what the caller had.
    void freshRulesDecide() {
        FakeConnector fake;
        fake.markets = {btcMarket("2000000")}; // the venue now asks for a larger minimum total
        QObject receiver;
        Market seenByContext;
        const OrderPlacement p =
            wait(OrderEntry::place(&fake, limitBuy("90000000", "0.01"), &receiver, [&](const Market& m) {
                seenByContext = m;
                return richAccount();
            }));
        QCOMPARE(p.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(p.error().kind, ErrorKind::InvalidOrder);
        QVERIFY2(p.error().detail.contains(QStringLiteral("minimum")), qPrintable(p.error().detail));
        QCOMPARE(seenByContext.rules.minTotal, dec("2000000"));
        QVERIFY(fake.createRequests.isEmpty()); // nothing reached the venue
    }

    // A KRX stock outside 09:00-15:30 KST: the check explains the closed market before anything is sent;
    // in the session the same order goes out. No time given: hours are left to the venue.
    void closedSessionIsExplainedBeforeSending() {
        FakeConnector fake;
        Market stock = btcMarket();
        stock.rules.session = MarketSession::KrxRegular;
        fake.markets = {stock};
        QObject receiver;
        const qint64 sundayKst =
            QDateTime(QDate(2026, 12, 6), QTime(10, 0), QTimeZone(9 * 3600)).toMSecsSinceEpoch();
        const qint64 fridayKst =
            QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone(9 * 3600)).toMSecsSinceEpoch();
        auto at = [](qint64 nowMs) {
            return [nowMs](const Market&) {
                OrderContext c = richAccount();
                c.nowMs = nowMs;
                return c;
            };
        };
        const ValidationResult closed = OrderEntry::check(
            limitBuy("90000000", "0.01"), stock, VenueCapabilities::anyVenue(), at(sundayKst)(stock));
        QVERIFY(!closed.ok());
        QCOMPARE(closed.issues.first().code, ValidationIssue::MarketClosed);
        QVERIFY(closed.issues.first().message.contains(QStringLiteral("09:00-15:30 KST")));
        OrderPlacement p =
            wait(OrderEntry::place(&fake, limitBuy("90000000", "0.01"), &receiver, at(sundayKst)));
        QCOMPARE(p.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(p.error().kind, ErrorKind::InvalidOrder);
        QVERIFY(fake.createRequests.isEmpty());
        p = wait(OrderEntry::place(&fake, limitBuy("90000000", "0.01"), &receiver, at(fridayKst)));
        QVERIFY(p.ok());
        QCOMPARE(fake.createRequests.size(), 1);
        QVERIFY(OrderEntry::check(limitBuy("90000000", "0.01"), stock, VenueCapabilities::anyVenue(),
                                  richAccount())
                    .ok());
    }

    void capabilitiesDecideWhatIsAllowed() {
        FakeConnector fake;
        fake.markets = {btcMarket()};
        fake.caps.orderTypes = {OrderType::Limit, OrderType::Market};
        fake.caps.limitTimeInForce = {TimeInForce::GoodTillCancel};
        fake.caps.bestTimeInForce.clear();
        QObject receiver;
        OrderRequest ioc = limitBuy("90000000", "0.01");
        ioc.timeInForce = TimeInForce::ImmediateOrCancel;
        OrderPlacement p =
            wait(OrderEntry::place(&fake, ioc, &receiver, [](const Market&) { return richAccount(); }));
        QCOMPARE(p.outcome(), OrderPlacement::Outcome::Rejected);
        QCOMPARE(p.error().kind, ErrorKind::InvalidOrder);
        OrderRequest best;
        best.market = QStringLiteral("KRW-BTC");
        best.type = OrderType::Best;
        best.total = dec("10000");
        best.timeInForce = TimeInForce::ImmediateOrCancel;
        p = wait(OrderEntry::place(&fake, best, &receiver, [](const Market&) { return richAccount(); }));
        QCOMPARE(p.outcome(), OrderPlacement::Outcome::Rejected);
        QVERIFY(fake.createRequests.isEmpty());

        // The same IOC order where the venue takes it.
        fake.caps.limitTimeInForce = {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel};
        p = wait(OrderEntry::place(&fake, ioc, &receiver, [](const Market&) { return richAccount(); }));
        QVERIFY(p.ok());
        QCOMPARE(fake.createRequests.size(), 1);
    }

    void marketBuyByQuantityOnlyWhereTheVenueTakesIt() {
        const Market m = btcMarket();
        OrderRequest buy;
        buy.market = m.code;
        buy.type = OrderType::Market;
        buy.qty = dec("0.01");
        OrderContext context = richAccount();
        context.referencePrice = dec("90000000");
        VenueCapabilities upbitLike = VenueCapabilities::anyVenue();
        upbitLike.marketBuyByQty = false;
        ValidationResult r = OrderEntry::check(buy, m, upbitLike, context);
        QVERIFY(!r.ok());
        QCOMPARE(r.issues.first().code, ValidationIssue::InvalidAmountKind);
        VenueCapabilities byQty = VenueCapabilities::anyVenue();
        byQty.marketBuyByTotal = false;
        QVERIFY(OrderEntry::check(buy, m, byQty, context).ok());
        buy.qty = {};
        buy.total = dec("10000");
        r = OrderEntry::check(buy, m, byQty, context);
        QVERIFY(!r.ok());
        QCOMPARE(r.issues.first().code, ValidationIssue::InvalidAmountKind);
    }

    // The connector's own outcome comes back as it is: Unknown is never turned into a retry.
    void unknownOutcomeIsPassedOn() {
        FakeConnector fake;
        fake.markets = {btcMarket()};
        fake.onCreateOrder = [](const OrderRequest& request) {
            return OrderPlacement::unknown(FakeConnector::error(ErrorKind::Network), request.clientId);
        };
        QObject receiver;
        const OrderPlacement p = wait(OrderEntry::place(&fake, limitBuy("90000000", "0.01"), &receiver,
                                                        [](const Market&) { return richAccount(); }));
        QCOMPARE(p.outcome(), OrderPlacement::Outcome::Unknown);
        QCOMPARE(fake.createRequests.size(), 1);
        QVERIFY(fake.fetchOrderRefs.isEmpty());
    }

    void unknownMarketIsRefusedBeforeSending() {
        FakeConnector fake;
        QObject receiver;
        const OrderPlacement p = wait(OrderEntry::place(&fake, limitBuy("90000000", "0.01"), &receiver,
                                                        [](const Market&) { return richAccount(); }));
        QCOMPARE(p.outcome(), OrderPlacement::Outcome::Rejected);
        QVERIFY(fake.createRequests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOrderEntry)
#include "tst_order_entry.moc"
