#include "core/order_validator.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

Market krwBtc() {
    Market m;
    m.venue = QStringLiteral("upbit");
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = D("0.00000001");
    m.rules.minTotal = D("5000");
    m.rules.makerFeeRate = D("0.0005");
    m.rules.takerFeeRate = D("0.0005");
    return m;
}

Market btcUsdt() {
    Market m;
    m.venue = QStringLiteral("sim");
    m.code = QStringLiteral("BTCUSDT");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("USDT");
    m.rules.tickBands = {{Decimal(0), D("0.01")}};
    m.rules.qtyStep = D("0.00001");
    m.rules.minQty = D("0.0001");
    m.rules.minTotal = D("5");
    m.rules.maxTotal = D("100000");
    m.rules.takerFeeRate = D("0.001");
    m.rules.makerFeeRate = D("0.001");
    return m;
}

Balance bal(const char* currency, const char* free) {
    Balance b;
    b.currency = QString::fromLatin1(currency);
    b.free = D(free);
    return b;
}

OrderRequest limit(const QString& market, Side side, const char* price, const char* qty) {
    OrderRequest r;
    r.market = market;
    r.side = side;
    r.type = OrderType::Limit;
    r.price = D(price);
    r.qty = D(qty);
    return r;
}

OrderRequest marketBuyTotal(const QString& market, const char* total) {
    OrderRequest r;
    r.market = market;
    r.side = Side::Buy;
    r.type = OrderType::Market;
    r.total = D(total);
    return r;
}

OrderRequest marketByQty(const QString& market, Side side, const char* qty) {
    OrderRequest r;
    r.market = market;
    r.side = side;
    r.type = OrderType::Market;
    r.qty = D(qty);
    return r;
}

const QVector<Balance> kRich{bal("KRW", "1000000000"), bal("BTC", "100"), bal("USDT", "1000000")};

bool has(const ValidationResult& r, ValidationIssue::Code code) {
    for (const auto& issue : r.issues) {
        if (issue.code == code)
            return true;
    }
    return false;
}

const ValidationIssue* find(const ValidationResult& r, ValidationIssue::Code code) {
    for (const auto& issue : r.issues) {
        if (issue.code == code)
            return &issue;
    }
    return nullptr;
}

} // namespace

class TestOrderValidator : public QObject {
    Q_OBJECT

private slots:
    void validLimitOrdersPass();
    void unknownMarket();
    void missingAndNonPositive();
    void priceTick();
    void priceTickAtBandBoundaries();
    void qtyStep();
    void minQty();
    void minTotalLimit();
    void minTotalMarketBuyByTotal();
    void minTotalMarketByQtyNeedsReference();
    void maxTotal();
    void balanceLimitBuy();
    void balanceMarketBuyByTotal();
    void balanceSell();
    void summaryJoinsMessages();
    void timeInForceCombinations_data();
    void timeInForceCombinations();
    void bestAmountKinds();
    void bestOrdersAreCheckedLikeMarketOrders();
};

void TestOrderValidator::validLimitOrdersPass() {
    const auto r =
        OrderValidator::validate(limit("KRW-BTC", Side::Buy, "145000000", "0.001"), krwBtc(), kRich);
    QVERIFY2(r.ok(), qPrintable(r.summary()));
    QVERIFY(r.summary().isEmpty());
    QVERIFY(
        OrderValidator::validate(limit("BTCUSDT", Side::Sell, "65000.01", "0.00123"), btcUsdt(), kRich).ok());
    QVERIFY(OrderValidator::validate(marketBuyTotal("KRW-BTC", "5000"), krwBtc(), kRich).ok());
    QVERIFY(
        OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0.001"), krwBtc(), kRich, D("145000000"))
            .ok());
}

void TestOrderValidator::unknownMarket() {
    auto r = OrderValidator::validate(limit("KRW-ETH", Side::Buy, "1000", "10"), krwBtc(), kRich);
    QCOMPARE(r.issues.size(), 1);
    QCOMPARE(r.issues[0].code, ValidationIssue::UnknownMarket);
    QCOMPARE(r.issues[0].field, QStringLiteral("market"));
    QVERIFY(r.issues[0].message.contains(QStringLiteral("KRW-ETH")));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1000", "10"), Market{}, kRich);
    QVERIFY(has(r, ValidationIssue::UnknownMarket));
    r = OrderValidator::validate(limit(QString(), Side::Buy, "1000", "10"), Market{}, kRich);
    QVERIFY(has(r, ValidationIssue::UnknownMarket));
}

void TestOrderValidator::missingAndNonPositive() {
    auto r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "0", "0.001"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::MissingPrice));
    QCOMPARE(find(r, ValidationIssue::MissingPrice)->field, QStringLiteral("price"));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "-1000", "0.001"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::NonPositive));
    QCOMPARE(find(r, ValidationIssue::NonPositive)->field, QStringLiteral("price"));
    QVERIFY(find(r, ValidationIssue::NonPositive)->message.contains(QStringLiteral("-1000")));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "145000000", "0"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::MissingQuantity));
    QVERIFY(!has(r, ValidationIssue::MissingPrice));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Sell, "145000000", "-0.1"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::NonPositive));
    QCOMPARE(find(r, ValidationIssue::NonPositive)->field, QStringLiteral("qty"));
    // Both missing: both reported.
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "0", "0"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::MissingPrice));
    QVERIFY(has(r, ValidationIssue::MissingQuantity));
    // Market buy with neither amount nor quantity; with a negative amount.
    r = OrderValidator::validate(marketBuyTotal("KRW-BTC", "0"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::MissingQuantity));
    r = OrderValidator::validate(marketBuyTotal("KRW-BTC", "-5000"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::NonPositive));
    QCOMPARE(find(r, ValidationIssue::NonPositive)->field, QStringLiteral("total"));
    // Market orders need no price.
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::MissingQuantity));
    QVERIFY(!has(r, ValidationIssue::MissingPrice));
}

void TestOrderValidator::priceTick() {
    // 45,001 KRW in the 1,000 tick band.
    auto r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1045001", "0.01"), krwBtc(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::PriceNotOnTick);
    QVERIFY(issue);
    QCOMPARE(issue->field, QStringLiteral("price"));
    QCOMPARE(issue->suggested, D("1045000"));
    QCOMPARE(issue->message,
             QStringLiteral("Price 1045001 KRW is not a multiple of the 1000 KRW tick. Nearest "
                            "valid prices: 1045000 or 1046000 KRW."));
    // Ties go to the higher price; past the middle goes up.
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1045500", "0.01"), krwBtc(), kRich);
    QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("1046000"));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1045499", "0.01"), krwBtc(), kRich);
    QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("1045000"));
    // On the tick: no issue.
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1045000", "0.01"), krwBtc(), kRich);
    QVERIFY(!has(r, ValidationIssue::PriceNotOnTick));
    // Small prices and USDT.
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "0.123456", "100000"), krwBtc(), kRich);
    QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("0.1235"));
    r = OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000.005", "0.001"), btcUsdt(), kRich);
    QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("65000.01"));
    r = OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000.01", "0.001"), btcUsdt(), kRich);
    QVERIFY(!has(r, ValidationIssue::PriceNotOnTick));
}

void TestOrderValidator::priceTickAtBandBoundaries() {
    // Just below a band start, rounding up lands on the band start, which is valid.
    auto r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "99.996", "100"), krwBtc(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::PriceNotOnTick);
    QVERIFY(issue);
    QCOMPARE(issue->suggested, D("100"));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "4999", "2"), krwBtc(), kRich);
    QVERIFY(!has(r, ValidationIssue::PriceNotOnTick));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "5001", "2"), krwBtc(), kRich);
    QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("5000"));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "5000", "2"), krwBtc(), kRich);
    QVERIFY(!has(r, ValidationIssue::PriceNotOnTick));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "999999", "1"), krwBtc(), kRich);
    QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("1000000"));
    QVERIFY(find(r, ValidationIssue::PriceNotOnTick)->message.contains(QStringLiteral("999500 or 1000000")));
}

void TestOrderValidator::qtyStep() {
    auto r =
        OrderValidator::validate(limit("KRW-BTC", Side::Buy, "145000000", "0.000123456"), krwBtc(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::QtyNotOnStep);
    QVERIFY(issue);
    QCOMPARE(issue->field, QStringLiteral("qty"));
    QCOMPARE(issue->suggested, D("0.00012345")); // rounded down
    QVERIFY(issue->message.contains(QStringLiteral("0.000123456 BTC")));
    QVERIFY(issue->message.contains(QStringLiteral("0.00000001 BTC step")));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "145000000", "0.00012345"), krwBtc(), kRich);
    QVERIFY(!has(r, ValidationIssue::QtyNotOnStep));
    r = OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000", "0.000015"), btcUsdt(), kRich);
    QCOMPARE(find(r, ValidationIssue::QtyNotOnStep)->suggested, D("0.00001"));
    // Below one step: the smallest valid quantity is suggested.
    r = OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000", "0.000005"), btcUsdt(), kRich);
    QCOMPARE(find(r, ValidationIssue::QtyNotOnStep)->suggested, D("0.00001"));
}

void TestOrderValidator::minQty() {
    auto r = OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000", "0.00009"), btcUsdt(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::BelowMinQty);
    QVERIFY(issue);
    QCOMPARE(issue->suggested, D("0.0001"));
    QVERIFY(issue->message.contains(QStringLiteral("minimum of 0.0001 BTC")));
    r = OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000", "0.0001"), btcUsdt(), kRich);
    QVERIFY(!has(r, ValidationIssue::BelowMinQty));
    // No minimum configured: no issue.
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "145000000", "0.00000001"), krwBtc(), kRich);
    QVERIFY(!has(r, ValidationIssue::BelowMinQty));
}

void TestOrderValidator::minTotalLimit() {
    // 1,000,000 * 0.004999 = 4,999 < 5,000
    auto r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1000000", "0.004999"), krwBtc(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::BelowMinTotal);
    QVERIFY(issue);
    QCOMPARE(issue->field, QStringLiteral("qty"));
    QCOMPARE(issue->suggested, D("0.005")); // smallest quantity that reaches 5,000
    QCOMPARE(issue->message, QStringLiteral("Order total 4999 KRW is below the minimum of 5000 KRW."));
    r = OrderValidator::validate(limit("KRW-BTC", Side::Buy, "1000000", "0.005"), krwBtc(), kRich);
    QVERIFY(!has(r, ValidationIssue::BelowMinTotal));
    // The suggestion rounds up to the step: 5000 / 145000000 = 0.0000344827...
    r = OrderValidator::validate(limit("KRW-BTC", Side::Sell, "145000000", "0.00003"), krwBtc(), kRich);
    QCOMPARE(find(r, ValidationIssue::BelowMinTotal)->suggested, D("0.00003449"));
    QVERIFY(D("0.00003449") * D("145000000") >= D("5000"));
    QVERIFY(D("0.00003448") * D("145000000") < D("5000"));
}

void TestOrderValidator::minTotalMarketBuyByTotal() {
    auto r = OrderValidator::validate(marketBuyTotal("KRW-BTC", "4999.99"), krwBtc(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::BelowMinTotal);
    QVERIFY(issue);
    QCOMPARE(issue->field, QStringLiteral("total"));
    QCOMPARE(issue->suggested, D("5000"));
    QVERIFY(OrderValidator::validate(marketBuyTotal("KRW-BTC", "5000"), krwBtc(), kRich).ok());
    // No reference price is needed for a buy by amount.
    QVERIFY(!has(r, ValidationIssue::NoReferencePrice));
}

void TestOrderValidator::minTotalMarketByQtyNeedsReference() {
    // Market sell by quantity: valued at the reference price.
    auto r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0.00003"), krwBtc(), kRich,
                                      D("145000000"));
    QVERIFY(has(r, ValidationIssue::BelowMinTotal)); // 4,350 KRW
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0.0000345"), krwBtc(), kRich,
                                 D("145000000")); // 5,002.5 KRW
    QVERIFY(!has(r, ValidationIssue::BelowMinTotal));
    // Without a reference price the minimum cannot be checked.
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0.0000345"), krwBtc(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::NoReferencePrice);
    QVERIFY(issue);
    QVERIFY(issue->message.contains(QStringLiteral("KRW-BTC")));
    QVERIFY(!has(r, ValidationIssue::BelowMinTotal));
    // ... but is not needed when the market has no total limits.
    Market noLimits = krwBtc();
    noLimits.rules.minTotal = Decimal();
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0.0000345"), noLimits, kRich);
    QVERIFY(r.ok());
    // Market buy by quantity is valued the same way.
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Buy, "0.00003"), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::NoReferencePrice));
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Buy, "0.00003"), krwBtc(), kRich,
                                 D("145000000"));
    QVERIFY(has(r, ValidationIssue::BelowMinTotal));
    QVERIFY(!has(r, ValidationIssue::NoReferencePrice));
}

void TestOrderValidator::maxTotal() {
    // 65,000 * 1.53846 = 99,999.9 <= 100,000; 65,000 * 1.53847 = 100,000.55 > 100,000.
    auto r = OrderValidator::validate(limit("BTCUSDT", Side::Sell, "65000", "1.53846"), btcUsdt(), kRich);
    QVERIFY(!has(r, ValidationIssue::AboveMaxTotal));
    r = OrderValidator::validate(limit("BTCUSDT", Side::Sell, "65000", "1.53847"), btcUsdt(), kRich);
    const ValidationIssue* issue = find(r, ValidationIssue::AboveMaxTotal);
    QVERIFY(issue);
    QCOMPARE(issue->suggested, D("1.53846"));
    QVERIFY(issue->message.contains(QStringLiteral("100000.55 USDT")));
    r = OrderValidator::validate(marketBuyTotal("BTCUSDT", "100000.01"), btcUsdt(), kRich);
    QCOMPARE(find(r, ValidationIssue::AboveMaxTotal)->suggested, D("100000"));
    QVERIFY(!has(OrderValidator::validate(marketBuyTotal("BTCUSDT", "100000"), btcUsdt(), kRich),
                 ValidationIssue::AboveMaxTotal));
    // Absurd sizes do not overflow into garbage.
    r = OrderValidator::validate(
        limit("BTCUSDT", Side::Sell, "100000000000000000000000000000", "100000000000000000000"), btcUsdt(),
        kRich);
    QVERIFY(has(r, ValidationIssue::AboveMaxTotal));
}

void TestOrderValidator::balanceLimitBuy() {
    // 1,000,000 * 0.01 = 10,000 KRW; with the 0.05 % fee 10,005 KRW.
    const OrderRequest req = limit("KRW-BTC", Side::Buy, "1000000", "0.01");
    auto r = OrderValidator::validate(req, krwBtc(), {bal("KRW", "10005")});
    QVERIFY2(r.ok(), qPrintable(r.summary()));
    r = OrderValidator::validate(req, krwBtc(), {bal("KRW", "10004.99")});
    const ValidationIssue* issue = find(r, ValidationIssue::InsufficientBalance);
    QVERIFY(issue);
    QCOMPARE(issue->field, QStringLiteral("qty"));
    QCOMPARE(issue->message,
             QStringLiteral("Insufficient KRW: the order needs 10005 KRW including the 0.05% fee, "
                            "but only 10004.99 KRW is available."));
    QCOMPARE(issue->suggested, D("0.00999999")); // the largest affordable quantity on the step
    QVERIFY(D("0.00999999") * D("1000000") * D("1.0005") <= D("10004.99"));
    // No balance at all for the currency.
    r = OrderValidator::validate(req, krwBtc(), {bal("BTC", "10")});
    QVERIFY(has(r, ValidationIssue::InsufficientBalance));
    // A balance on another venue does not count.
    Balance elsewhere = bal("KRW", "1000000");
    elsewhere.venue = QStringLiteral("bithumb");
    r = OrderValidator::validate(req, krwBtc(), {elsewhere});
    QVERIFY(has(r, ValidationIssue::InsufficientBalance));
}

void TestOrderValidator::balanceMarketBuyByTotal() {
    auto r = OrderValidator::validate(marketBuyTotal("BTCUSDT", "100"), btcUsdt(), {bal("USDT", "100.1")});
    QVERIFY(r.ok());
    r = OrderValidator::validate(marketBuyTotal("BTCUSDT", "100"), btcUsdt(), {bal("USDT", "100.09")});
    const ValidationIssue* issue = find(r, ValidationIssue::InsufficientBalance);
    QVERIFY(issue);
    QCOMPARE(issue->field, QStringLiteral("total"));
    QCOMPARE(issue->suggested, D("99.99")); // 100.09 / 1.001 = 99.99000999, rounded down
    // Market buy by quantity is checked when a reference price is known.
    r = OrderValidator::validate(marketByQty("BTCUSDT", Side::Buy, "0.001"), btcUsdt(), {bal("USDT", "65")},
                                 D("65000"));
    QVERIFY(has(r, ValidationIssue::InsufficientBalance)); // needs 65.065
    r = OrderValidator::validate(marketByQty("BTCUSDT", Side::Buy, "0.001"), btcUsdt(),
                                 {bal("USDT", "65.065")}, D("65000"));
    QVERIFY(r.ok());
}

void TestOrderValidator::balanceSell() {
    const OrderRequest req = limit("KRW-BTC", Side::Sell, "145000000", "0.5");
    QVERIFY(OrderValidator::validate(req, krwBtc(), {bal("BTC", "0.5")}).ok());
    auto r = OrderValidator::validate(req, krwBtc(), {bal("BTC", "0.49999999"), bal("KRW", "1000000000")});
    const ValidationIssue* issue = find(r, ValidationIssue::InsufficientBalance);
    QVERIFY(issue);
    QCOMPARE(issue->suggested, D("0.49999999"));
    QCOMPARE(
        issue->message,
        QStringLiteral("Insufficient BTC: the order sells 0.5 BTC but only 0.49999999 BTC is available."));
    r = OrderValidator::validate(marketByQty("KRW-BTC", Side::Sell, "0.5"), krwBtc(), {bal("BTC", "0.4")},
                                 D("145000000"));
    QVERIFY(has(r, ValidationIssue::InsufficientBalance));
}

void TestOrderValidator::summaryJoinsMessages() {
    const auto r =
        OrderValidator::validate(limit("BTCUSDT", Side::Buy, "65000.005", "0.000015"), btcUsdt(), kRich);
    QVERIFY(r.issues.size() >= 3); // tick, step, min qty
    QCOMPARE(r.summary().split(QLatin1Char('\n')).size(), r.issues.size());
    QCOMPARE(r.summary().split(QLatin1Char('\n')).first(), r.issues.first().message);
}

namespace {

OrderRequest withTif(OrderRequest r, TimeInForce tif) {
    r.timeInForce = tif;
    return r;
}

OrderRequest best(Side side, const char* amount, TimeInForce tif) {
    OrderRequest r;
    r.market = QStringLiteral("KRW-BTC");
    r.side = side;
    r.type = OrderType::Best;
    (side == Side::Buy ? r.total : r.qty) = D(amount);
    r.timeInForce = tif;
    return r;
}

} // namespace

void TestOrderValidator::timeInForceCombinations_data() {
    QTest::addColumn<OrderRequest>("request");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message"); // expected issue message (when not ok)
    const OrderRequest lim = limit("KRW-BTC", Side::Buy, "145000000", "0.001");
    const OrderRequest mkt = marketBuyTotal("KRW-BTC", "10000");
    const QString postOnly = QStringLiteral("Post-only is available for limit orders only.");
    const QString marketNoTif =
        QStringLiteral("Market orders take no time in force. Use a best-price order for IOC or FOK.");
    const QString bestNeeds = QStringLiteral(
        "A best-price order needs a time in force of IOC (immediate or cancel) or FOK (fill or kill).");
    QTest::newRow("limit gtc") << lim << true << QString();
    QTest::newRow("limit ioc") << withTif(lim, TimeInForce::ImmediateOrCancel) << true << QString();
    QTest::newRow("limit fok") << withTif(lim, TimeInForce::FillOrKill) << true << QString();
    QTest::newRow("limit post_only") << withTif(lim, TimeInForce::PostOnly) << true << QString();
    QTest::newRow("market gtc") << mkt << true << QString();
    QTest::newRow("market ioc") << withTif(mkt, TimeInForce::ImmediateOrCancel) << false << marketNoTif;
    QTest::newRow("market fok") << withTif(mkt, TimeInForce::FillOrKill) << false << marketNoTif;
    QTest::newRow("market post_only") << withTif(mkt, TimeInForce::PostOnly) << false << postOnly;
    QTest::newRow("best buy ioc") << best(Side::Buy, "10000", TimeInForce::ImmediateOrCancel) << true
                                  << QString();
    QTest::newRow("best sell fok") << best(Side::Sell, "0.001", TimeInForce::FillOrKill) << true << QString();
    QTest::newRow("best gtc") << best(Side::Buy, "10000", TimeInForce::GoodTillCancel) << false << bestNeeds;
    QTest::newRow("best post_only") << best(Side::Sell, "0.001", TimeInForce::PostOnly) << false << postOnly;
}

void TestOrderValidator::timeInForceCombinations() {
    QFETCH(OrderRequest, request);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    const auto r = OrderValidator::validate(request, krwBtc(), kRich, D("145000000"));
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.issues.size(), 1);
        QCOMPARE(r.issues.first().code, ValidationIssue::InvalidTimeInForce);
        QCOMPARE(r.issues.first().field, QStringLiteral("timeInForce"));
        QCOMPARE(r.issues.first().message, message);
    }
}

void TestOrderValidator::bestAmountKinds() {
    OrderRequest buyByQty = best(Side::Buy, "10000", TimeInForce::FillOrKill);
    buyByQty.qty = D("0.001");
    buyByQty.total = Decimal();
    auto r = OrderValidator::validate(buyByQty, krwBtc(), kRich, D("145000000"));
    QVERIFY(has(r, ValidationIssue::InvalidAmountKind));
    QCOMPARE(find(r, ValidationIssue::InvalidAmountKind)->message,
             QStringLiteral("A best-price buy is given by the amount to spend in KRW, not by quantity."));

    OrderRequest sellByTotal = best(Side::Sell, "0.001", TimeInForce::ImmediateOrCancel);
    sellByTotal.qty = Decimal();
    sellByTotal.total = D("10000");
    r = OrderValidator::validate(sellByTotal, krwBtc(), kRich, D("145000000"));
    QCOMPARE(find(r, ValidationIssue::InvalidAmountKind)->field, QStringLiteral("total"));

    OrderRequest withPrice = best(Side::Sell, "0.001", TimeInForce::ImmediateOrCancel);
    withPrice.price = D("145000000");
    r = OrderValidator::validate(withPrice, krwBtc(), kRich, D("145000000"));
    QCOMPARE(find(r, ValidationIssue::InvalidAmountKind)->field, QStringLiteral("price"));

    const OrderRequest noAmount = best(Side::Buy, "0", TimeInForce::ImmediateOrCancel);
    r = OrderValidator::validate(noAmount, krwBtc(), kRich, D("145000000"));
    QCOMPARE(find(r, ValidationIssue::MissingQuantity)->field, QStringLiteral("total"));
}

void TestOrderValidator::bestOrdersAreCheckedLikeMarketOrders() {
    // Minimum total, balance and quantity step apply as to market orders.
    auto r =
        OrderValidator::validate(best(Side::Buy, "4000", TimeInForce::ImmediateOrCancel), krwBtc(), kRich);
    QVERIFY(has(r, ValidationIssue::BelowMinTotal));
    r = OrderValidator::validate(best(Side::Sell, "200", TimeInForce::FillOrKill), krwBtc(), kRich,
                                 D("145000000"));
    QVERIFY(has(r, ValidationIssue::InsufficientBalance));
    r = OrderValidator::validate(best(Side::Sell, "0.000000001", TimeInForce::FillOrKill), krwBtc(), kRich,
                                 D("145000000"));
    QVERIFY(has(r, ValidationIssue::QtyNotOnStep));
}

QTEST_GUILESS_MAIN(TestOrderValidator)
#include "tst_order_validator.moc"
