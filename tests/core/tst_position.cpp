#include "core/account.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

} // namespace

class TestPosition : public QObject {
    Q_OBJECT

private slots:
    void buyAveragesCostIncludingFee();
    void sellRealisesPnl();
    void sellMoreThanHeldStopsAtZero();
    void roundsAverageHalfEvenAtEightDigits();
    void ignoresNonPositiveQuantities();
    void unrealizedPnl();
    void balanceTotal();
};

void TestPosition::buyAveragesCostIncludingFee() {
    Position p;
    p.applyBuy(D("1"), D("100"));
    QCOMPARE(p.qty, D("1"));
    QCOMPARE(p.avgPrice, D("100"));
    p.applyBuy(D("1"), D("200"), D("2"));
    // (100 + 200 + 2) / 2
    QCOMPARE(p.qty, D("2"));
    QCOMPARE(p.avgPrice, D("151"));
    QCOMPARE(p.costBasis(), D("302"));
    QCOMPARE(p.realizedPnl, Decimal(0));
}

void TestPosition::sellRealisesPnl() {
    Position p;
    p.applyBuy(D("0.5"), D("40000000"), D("10000")); // avg 40020000
    QCOMPARE(p.avgPrice, D("40020000"));
    p.applySell(D("0.2"), D("45000000"), D("4500"));
    // 0.2 * (45000000 - 40020000) - 4500 = 996000 - 4500
    QCOMPARE(p.realizedPnl, D("991500"));
    QCOMPARE(p.qty, D("0.3"));
    QCOMPARE(p.avgPrice, D("40020000")); // selling does not move the average cost
    p.applySell(D("0.3"), D("39000000"));
    QCOMPARE(p.realizedPnl, D("991500") + D("0.3") * (D("39000000") - D("40020000")));
    QCOMPARE(p.qty, Decimal(0));
    QCOMPARE(p.avgPrice, Decimal(0)); // flat: no cost left
}

void TestPosition::sellMoreThanHeldStopsAtZero() {
    Position p;
    p.applyBuy(D("1"), D("10"));
    p.applySell(D("3"), D("12"), D("0.1"));
    QCOMPARE(p.qty, Decimal(0));
    QCOMPARE(p.realizedPnl, D("1.9")); // only the held unit realises: 1*(12-10) - 0.1
    p.applySell(D("1"), D("12"));
    QCOMPARE(p.qty, Decimal(0));
    QCOMPARE(p.realizedPnl, D("1.9"));
}

void TestPosition::roundsAverageHalfEvenAtEightDigits() {
    Position p;
    p.applyBuy(D("3"), D("1"));
    p.applyBuy(D("3"), D("2"), D("1")); // (3 + 6 + 1) / 6 = 1.6666...
    QCOMPARE(p.avgPrice, D("1.66666667"));
    QCOMPARE(p.avgPrice.scale(), 8);
}

void TestPosition::ignoresNonPositiveQuantities() {
    Position p;
    p.applyBuy(Decimal(0), D("100"));
    p.applyBuy(D("-1"), D("100"));
    p.applySell(Decimal(0), D("100"), D("5"));
    QCOMPARE(p.qty, Decimal(0));
    QCOMPARE(p.avgPrice, Decimal(0));
    QCOMPARE(p.realizedPnl, Decimal(0));
}

void TestPosition::unrealizedPnl() {
    Position p;
    p.applyBuy(D("0.01"), D("145000000"));
    QCOMPARE(p.unrealizedPnl(D("150000000")), D("50000"));
    QCOMPARE(p.unrealizedPnl(D("140000000")), D("-50000"));
}

void TestPosition::balanceTotal() {
    Balance b;
    b.free = D("1.5");
    b.locked = D("0.25");
    QCOMPARE(b.total(), D("1.75"));
}

QTEST_GUILESS_MAIN(TestPosition)
#include "tst_position.moc"
