// The simulated venue's time in force and best-price orders, with Upbit's rules: IOC cancels the unfilled
// rest, FOK and crossing post-only end cancelled without a fill, best orders execute at once with IOC/FOK;
// bad combinations are refused as InvalidOrder before anything is locked.

#include "venues/sim/sim_exchange.h"

#include <QTest>

using namespace hoga;

namespace {

constexpr qint64 kStartMs = 1'780'000'000'000;

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

SimConfig manualConfig(const ManualClock* clock) {
    SimConfig config;
    config.seed = 20261121;
    config.autoRun = false;
    config.clock = clock;
    config.initialBalances = {
        {"USDT", Decimal(1'000'000)}, {"BTC", Decimal(100'000)}, {"KRW", Decimal(1'000'000'000)}};
    return config;
}

OrderBook bookOf(const SimExchange& ex, const QString& market) {
    return ex.orderBook(market, 30).value();
}

Balance balanceOf(const SimExchange& ex, const QString& currency) {
    for (const Balance& b : ex.balances())
        if (b.currency == currency)
            return b;
    return {};
}

OrderRequest limit(Side side, const Decimal& price, const Decimal& qty, TimeInForce tif) {
    OrderRequest r{QStringLiteral("BTCUSDT"), side, OrderType::Limit, price, qty, {}, {}};
    r.timeInForce = tif;
    return r;
}

OrderRequest best(Side side, const Decimal& amount, TimeInForce tif) {
    OrderRequest r{QStringLiteral("BTCUSDT"), side, OrderType::Best, {}, {}, {}, {}};
    (side == Side::Buy ? r.total : r.qty) = amount;
    r.timeInForce = tif;
    return r;
}

} // namespace

class TestSimTimeInForce : public QObject {
    Q_OBJECT

private slots:
    void iocCancelsTheUnfilledRest() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const QVector<BookLevel> asks = bookOf(ex, "BTCUSDT").asks();
        const Decimal qty = asks[0].qty + dec("0.01");
        const Result<Order> r =
            ex.createOrder(limit(Side::Buy, asks[0].price, qty, TimeInForce::ImmediateOrCancel), nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.value().state, OrderState::Cancelled);
        QCOMPARE(r.value().filledQty, asks[0].qty);
        QCOMPARE(r.value().timeInForce, TimeInForce::ImmediateOrCancel);
        QVERIFY(ex.openOrders({}).value().isEmpty());
        QCOMPARE(balanceOf(ex, "USDT").locked, Decimal());                   // the rest's lock is released
        QVERIFY(bookOf(ex, "BTCUSDT").bids().first().price < asks[0].price); // nothing rests
    }

    void iocFullyFilledIsFilled() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const BookLevel ask = bookOf(ex, "BTCUSDT").asks().first();
        const Result<Order> r = ex.createOrder(
            limit(Side::Buy, ask.price, dec("0.001"), TimeInForce::ImmediateOrCancel), nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.value().state, OrderState::Filled);
    }

    void fokThatCannotFillCompletelyGetsNoFill() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const OrderBook before = bookOf(ex, "BTCUSDT");
        const BookLevel ask = before.asks().first();
        const Decimal usdt = balanceOf(ex, "USDT").free;
        const Result<Order> r = ex.createOrder(
            limit(Side::Buy, ask.price, ask.qty + dec("0.01"), TimeInForce::FillOrKill), nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.value().state, OrderState::Cancelled);
        QVERIFY(r.value().filledQty.isZero());
        QCOMPARE(balanceOf(ex, "USDT").free, usdt);
        QCOMPARE(bookOf(ex, "BTCUSDT").asks(), before.asks());
    }

    void fokThatCanFillFillsCompletely() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const QVector<BookLevel> asks = bookOf(ex, "BTCUSDT").asks();
        const Decimal qty = asks[0].qty + asks[1].qty;
        const Result<Order> r =
            ex.createOrder(limit(Side::Buy, asks[1].price, qty, TimeInForce::FillOrKill), nullptr);
        QVERIFY(r.ok());
        QCOMPARE(r.value().state, OrderState::Filled);
        QCOMPARE(r.value().filledQty, qty);
    }

    void postOnlyRestsOrIsCancelledWhenItWouldTake() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const OrderBook book = bookOf(ex, "BTCUSDT");
        const Decimal usdt = balanceOf(ex, "USDT").free;
        // Crossing: cancelled at once, nothing filled, nothing locked.
        const Result<Order> crossing = ex.createOrder(
            limit(Side::Buy, book.asks().first().price, dec("0.001"), TimeInForce::PostOnly), nullptr);
        QVERIFY(crossing.ok());
        QCOMPARE(crossing.value().state, OrderState::Cancelled);
        QVERIFY(crossing.value().filledQty.isZero());
        QCOMPARE(balanceOf(ex, "USDT").free, usdt);
        // Below the ask: rests like any limit order.
        const Result<Order> resting = ex.createOrder(
            limit(Side::Buy, book.bids().first().price, dec("0.001"), TimeInForce::PostOnly), nullptr);
        QVERIFY(resting.ok());
        QCOMPARE(resting.value().state, OrderState::Open);
        QCOMPARE(resting.value().timeInForce, TimeInForce::PostOnly);
        QCOMPARE(ex.openOrders({}).value().size(), 1);
    }

    void bestBuyByTotalAndSellByQuantity() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const Result<Order> buy =
            ex.createOrder(best(Side::Buy, dec("500"), TimeInForce::ImmediateOrCancel), nullptr);
        QVERIFY2(buy.ok(), buy.ok() ? "" : qPrintable(buy.error().detail));
        QCOMPARE(buy.value().type, OrderType::Best);
        QCOMPARE(buy.value().state, OrderState::Filled);
        QVERIFY(buy.value().filledQuote <= dec("500"));
        QVERIFY(buy.value().filledQty.isPositive());
        const Result<Order> sell =
            ex.createOrder(best(Side::Sell, dec("0.01"), TimeInForce::FillOrKill), nullptr);
        QVERIFY(sell.ok());
        QCOMPARE(sell.value().state, OrderState::Filled);
        QCOMPARE(sell.value().filledQty, dec("0.01"));
        // FOK for more than the whole book: nothing happens.
        Decimal bookQty;
        const OrderBook book = bookOf(ex, "BTCUSDT"); // keep it alive: the loop reads its bids
        for (const BookLevel& level : book.bids())
            bookQty += level.qty;
        const Decimal tooMuch = (bookQty * Decimal(10)).roundToStep(dec("0.00001"), Rounding::Down);
        const Result<Order> huge =
            ex.createOrder(best(Side::Sell, tooMuch, TimeInForce::FillOrKill), nullptr);
        QVERIFY2(huge.ok(), huge.ok() ? "" : qPrintable(huge.error().detail));
        QVERIFY(huge.ok());
        QCOMPARE(huge.value().state, OrderState::Cancelled);
        QVERIFY(huge.value().filledQty.isZero());
    }

    void badCombinationsAreInvalidOrders_data() {
        QTest::addColumn<OrderRequest>("request");
        OrderRequest marketIoc{
            QStringLiteral("BTCUSDT"), Side::Sell, OrderType::Market, {}, dec("0.01"), {}, {}};
        marketIoc.timeInForce = TimeInForce::ImmediateOrCancel;
        OrderRequest bestBuyByQty = best(Side::Buy, dec("500"), TimeInForce::FillOrKill);
        bestBuyByQty.total = Decimal();
        bestBuyByQty.qty = dec("0.01");
        QTest::newRow("market ioc") << marketIoc;
        QTest::newRow("best gtc") << best(Side::Buy, dec("500"), TimeInForce::GoodTillCancel);
        QTest::newRow("best post_only") << best(Side::Sell, dec("0.01"), TimeInForce::PostOnly);
        QTest::newRow("best buy by qty") << bestBuyByQty;
    }

    void badCombinationsAreInvalidOrders() {
        QFETCH(OrderRequest, request);
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        const Result<Order> r = ex.createOrder(request, nullptr);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidOrder);
        QVERIFY(!r.error().detail.isEmpty());
        QCOMPARE(balanceOf(ex, "USDT").locked, Decimal());
        QCOMPARE(balanceOf(ex, "BTC").locked, Decimal());
    }
};

QTEST_GUILESS_MAIN(TestSimTimeInForce)
#include "tst_sim_time_in_force.moc"
