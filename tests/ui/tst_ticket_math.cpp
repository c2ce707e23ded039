#include "trading/ticket_math.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

TradingRules krwRules() {
    TradingRules r;
    r.tickBands = TradingRules::krwPriceBands();
    r.qtyStep = dec("0.00000001");
    r.minTotal = Decimal(5000);
    r.makerFeeRate = dec("0.0005");
    r.takerFeeRate = dec("0.0005");
    return r;
}

} // namespace

class TestTicketMath : public QObject {
    Q_OBJECT

private slots:
    void stepsByTheTickOfTheBand() {
        const TradingRules rules = krwRules();
        const Decimal tick = rules.tickFor(Decimal(146130000));
        QCOMPARE(*ticket::stepPrice(rules, Decimal(146130000), +1), Decimal(146130000) + tick);
        QCOMPARE(*ticket::stepPrice(rules, Decimal(146130000), -1), Decimal(146130000) - tick);
        QVERIFY(!ticket::stepPrice(rules, Decimal(146130000), 0));
    }

    void offGridPricesSnapInTheStepsDirection() {
        const TradingRules rules = krwRules();
        const Decimal price = Decimal(146130001);
        const Decimal tick = rules.tickFor(price);
        const Decimal up = *ticket::stepPrice(rules, price, +1);
        const Decimal down = *ticket::stepPrice(rules, price, -1);
        QVERIFY(up.isMultipleOf(tick) && up > price && up - price < tick);
        QVERIFY(down.isMultipleOf(tick) && down < price && price - down < tick);
    }

    void steppingDownIntoAFinerBandUsesItsTick() {
        const TradingRules rules = krwRules();
        // The lowest price of a band: one tick down lands in the band below, whose tick is finer.
        for (int i = 1; i < rules.tickBands.size(); ++i) {
            const Decimal bandStart = rules.tickBands[i].fromPrice;
            const Decimal below = *ticket::stepPrice(rules, bandStart, -1);
            QCOMPARE(below, bandStart - rules.tickFor(below));
            QVERIFY(below.isMultipleOf(rules.tickFor(below)));
        }
    }

    void noTickRuleNoStep() { QVERIFY(!ticket::stepPrice(TradingRules{}, Decimal(100), +1)); }

    void percentagesOfTheBalanceKeepRoomForTheFee() {
        const TradingRules rules = krwRules();
        // 50 % of 10,000,000 KRW = 5,000,000; / 1.0005 = 4,997,501.249...; / 100,000,000 per BTC.
        QCOMPARE(ticket::buyQtyForPercent(rules, Decimal(10000000), 50, Decimal(100000000)),
                 dec("0.04997501"));
        QCOMPARE(ticket::buyTotalForPercent(rules, Decimal(10000000), 100, 0), Decimal(9995002));
        QCOMPARE(ticket::buyTotalForPercent(rules, dec("5000"), 25, 2), dec("1249.37"));
        QCOMPARE(ticket::sellQtyForPercent(rules, dec("0.05"), 75), dec("0.0375"));
        QCOMPARE(ticket::sellQtyForPercent(rules, dec("0.00000003"), 50), dec("0.00000001"));
        QCOMPARE(ticket::buyQtyForPercent(rules, Decimal(10000000), 50, Decimal(0)), Decimal(0));
        // Whatever the percentage, the cost plus the fee never exceeds what is available.
        for (int pct : {25, 50, 75, 100}) {
            const Decimal price = Decimal(146130000);
            const Decimal qty = ticket::buyQtyForPercent(rules, Decimal(10000000), pct, price);
            const Decimal cost = price * qty;
            QVERIFY(cost + cost * rules.takerFeeRate <= Decimal(10000000));
        }
    }

    void quoteDecimals() {
        QCOMPARE(ticket::quoteDecimals(QStringLiteral("KRW")), 0);
        QCOMPARE(ticket::quoteDecimals(QStringLiteral("USDT")), 2);
    }
};

QTEST_MAIN(TestTicketMath)
#include "tst_ticket_math.moc"
