#include "trading/risk/risk_limits.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

RiskInput limitBuy(const char* price, const char* qty) {
    RiskInput in;
    in.request.market = QStringLiteral("KRW-BTC");
    in.request.side = Side::Buy;
    in.request.type = OrderType::Limit;
    in.request.price = dec(price);
    in.request.qty = dec(qty);
    in.lastPrice = dec("100");
    return in;
}

} // namespace

class TestRiskLimits : public QObject {
    Q_OBJECT

private slots:
    void noLimitsPassEverything() { QVERIFY(!RiskChecker::check({}, limitBuy("1000", "1000"))); }

    void eachLimitRefusesWithItsReason_data() {
        QTest::addColumn<QString>("limit");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("value") << "value"
                               << "maximum order value";
        QTest::newRow("position") << "position"
                                  << "maximum position";
        QTest::newRow("open") << "open"
                              << "already open";
        QTest::newRow("rate") << "rate"
                              << "last minute";
        QTest::newRow("price") << "price"
                               << "away from the last price";
        QTest::newRow("reserve") << "reserve"
                                 << "cash reserve";
    }
    void eachLimitRefusesWithItsReason() {
        QFETCH(QString, limit);
        QFETCH(QString, reasonPart);
        RiskLimits l;
        RiskInput in = limitBuy("100", "2"); // value 200
        in.freeQuote = dec("1000");
        in.position = dec("3");
        in.openOrders = 4;
        in.ordersLastMinute = 5;
        QVERIFY(!RiskChecker::check(l, in));
        if (limit == "value")
            l.maxOrderValue = dec("199.99");
        else if (limit == "position")
            l.maxPosition = dec("4.5");
        else if (limit == "open")
            l.maxOpenOrders = 4;
        else if (limit == "rate")
            l.maxOrdersPerMinute = 5;
        else if (limit == "price") {
            l.maxPriceDeviationPct = dec("2");
            in.request.price = dec("103");
        } else if (limit == "reserve")
            l.cashReserve = dec("800.01");
        const auto reason = RiskChecker::check(l, in);
        QVERIFY(reason);
        QVERIFY2(reason->contains(reasonPart), qPrintable(*reason));
    }

    void limitsAtTheEdgePass() {
        RiskLimits l;
        l.maxOrderValue = dec("200");
        l.maxPosition = dec("5");
        l.maxOpenOrders = 5;
        l.maxOrdersPerMinute = 6;
        l.maxPriceDeviationPct = dec("2");
        l.cashReserve = dec("800");
        RiskInput in = limitBuy("102", "1.96"); // 199.92, 2 % above 100 exactly... within
        in.request.price = dec("102");
        in.request.qty = dec("1.96");
        in.freeQuote = dec("1000");
        in.position = dec("3");
        in.openOrders = 4;
        in.ordersLastMinute = 5;
        const auto reason = RiskChecker::check(l, in);
        QVERIFY2(!reason, qPrintable(reason.value_or(QString())));
    }

    void dailyLoss() {
        RiskLimits l;
        QVERIFY(!RiskChecker::breachesDailyLoss(l, dec("-1000000"), {}));
        l.dailyLossLimit = dec("100");
        QVERIFY(!RiskChecker::breachesDailyLoss(l, dec("-60"), dec("-39.99")));
        QVERIFY(RiskChecker::breachesDailyLoss(l, dec("-60"), dec("-40")));
        QVERIFY(!RiskChecker::breachesDailyLoss(l, dec("50"), dec("-140")));
    }

    void rateWindowForgetsAfterAMinute() {
        OrderRateWindow w;
        w.record(0);
        w.record(30'000);
        QCOMPARE(w.count(59'999), 2);
        QCOMPARE(w.count(60'000), 1);
        QCOMPARE(w.count(90'000), 0);
    }
};

QTEST_GUILESS_MAIN(TestRiskLimits)
#include "tst_risk_limits.moc"
