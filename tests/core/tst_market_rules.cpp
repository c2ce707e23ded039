#include "core/market.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

TradingRules krwRules() {
    TradingRules rules;
    rules.tickBands = TradingRules::krwPriceBands();
    rules.qtyStep = D("0.00000001");
    rules.minTotal = D("5000");
    rules.makerFeeRate = D("0.0005");
    rules.takerFeeRate = D("0.0005");
    return rules;
}

} // namespace

class TestMarketRules : public QObject {
    Q_OBJECT

private slots:
    void krwTable();
    void tickFor_data();
    void tickFor();
    void priceDecimals();
    void qtyDecimals();
    void emptyAndUnsortedEdges();
};

void TestMarketRules::krwTable() {
    const QVector<PriceBand> bands = TradingRules::krwPriceBands();
    QCOMPARE(bands.size(), 15);
    QCOMPARE(bands.first().fromPrice, Decimal(0));
    QCOMPARE(bands.last().fromPrice, D("1000000"));
    QCOMPARE(bands.last().tick, D("1000"));
    for (int i = 1; i < bands.size(); ++i) {
        QVERIFY(bands[i - 1].fromPrice < bands[i].fromPrice);
        // Every band starts on its own tick and on the previous band's tick, so rounding never lands
        // off-grid.
        QVERIFY(bands[i].fromPrice.isMultipleOf(bands[i].tick));
        QVERIFY(bands[i].fromPrice.isMultipleOf(bands[i - 1].tick));
    }
}

void TestMarketRules::tickFor_data() {
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("tick");

    // Each band just below, at, and inside its start.
    const char* rows[][2] = {
        {"0", "0.00000001"},
        {"0.00005", "0.00000001"},
        {"0.00009999", "0.00000001"},
        {"0.0001", "0.0000001"},
        {"0.0005", "0.0000001"},
        {"0.0009999", "0.0000001"},
        {"0.001", "0.000001"},
        {"0.009999", "0.000001"},
        {"0.01", "0.00001"},
        {"0.09999", "0.00001"},
        {"0.1", "0.0001"},
        {"0.9999", "0.0001"},
        {"1", "0.001"},
        {"9.999", "0.001"},
        {"10", "0.01"},
        {"99.99", "0.01"},
        {"100", "1"},
        {"999", "1"},
        {"1000", "1"},
        {"4999", "1"},
        {"5000", "5"},
        {"9995", "5"},
        {"10000", "10"},
        {"49990", "10"},
        {"50000", "50"},
        {"99950", "50"},
        {"100000", "100"},
        {"499900", "100"},
        {"500000", "500"},
        {"999500", "500"},
        {"1000000", "1000"},
        {"145000000", "1000"},
        {"999999999999", "1000"},
    };
    for (const auto& row : rows)
        QTest::newRow(row[0]) << QString::fromLatin1(row[0]) << QString::fromLatin1(row[1]);
}

void TestMarketRules::tickFor() {
    QFETCH(QString, price);
    QFETCH(QString, tick);
    const TradingRules rules = krwRules();
    QCOMPARE(rules.tickFor(D(price.toLatin1().constData())).toString(), tick);
}

void TestMarketRules::priceDecimals() {
    const TradingRules rules = krwRules();
    QCOMPARE(rules.priceDecimalsFor(D("145000000")), 0);
    QCOMPARE(rules.priceDecimalsFor(D("5000")), 0);
    QCOMPARE(rules.priceDecimalsFor(D("50.5")), 2);
    QCOMPARE(rules.priceDecimalsFor(D("5")), 3);
    QCOMPARE(rules.priceDecimalsFor(D("0.5")), 4);
    QCOMPARE(rules.priceDecimalsFor(D("0.05")), 5);
    QCOMPARE(rules.priceDecimalsFor(D("0.005")), 6);
    QCOMPARE(rules.priceDecimalsFor(D("0.0005")), 7);
    QCOMPARE(rules.priceDecimalsFor(D("0.00005")), 8);
}

void TestMarketRules::qtyDecimals() {
    TradingRules rules = krwRules();
    QCOMPARE(rules.qtyDecimals(), 8);
    rules.qtyStep = D("0.001");
    QCOMPARE(rules.qtyDecimals(), 3);
    rules.qtyStep = D("1");
    QCOMPARE(rules.qtyDecimals(), 0);
}

void TestMarketRules::emptyAndUnsortedEdges() {
    TradingRules rules;
    QCOMPARE(rules.tickFor(D("123")), Decimal(0));
    QCOMPARE(rules.priceDecimalsFor(D("123")), 0);
    rules.tickBands = {{D("10"), D("0.5")}, {D("100"), D("5")}};
    // Below the first band the first band's tick applies.
    QCOMPARE(rules.tickFor(D("1")), D("0.5"));
    QCOMPARE(rules.tickFor(D("-1")), D("0.5"));
    QCOMPARE(rules.tickFor(D("99.5")), D("0.5"));
    QCOMPARE(rules.tickFor(D("100")), D("5"));
    Market m;
    QVERIFY(!m.isValid());
    m.code = QStringLiteral("KRW-BTC");
    QVERIFY(m.isValid());
}

QTEST_GUILESS_MAIN(TestMarketRules)
#include "tst_market_rules.moc"
