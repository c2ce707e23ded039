#include "core/order.h"

#include <QTest>

using namespace hoga;

Q_DECLARE_METATYPE(hoga::OrderState)

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

constexpr OrderState kStates[] = {OrderState::New,    OrderState::Open,      OrderState::PartiallyFilled,
                                  OrderState::Filled, OrderState::Cancelled, OrderState::Rejected};

Fill fill(const char* price, const char* qty, const char* fee = "0", qint64 ts = 0) {
    Fill f;
    f.price = D(price);
    f.qty = D(qty);
    f.fee = D(fee);
    f.timestampMs = ts;
    return f;
}

Order limitOrder(const char* price, const char* qty) {
    Order o;
    o.type = OrderType::Limit;
    o.price = D(price);
    o.qty = D(qty);
    return o;
}

} // namespace

class TestOrderState : public QObject {
    Q_OBJECT

private slots:
    void names();
    void terminal();
    void transitionTable();
    void transitionTo();
    void fillsAccumulate();
    void fillExceedingQtyRejected();
    void fillOnTerminalRejected();
    void nonPositiveFillRejected();
    void marketBuyByTotalStaysPartial();
    void averagePrice();
};

void TestOrderState::names() {
    QCOMPARE(orderStateName(OrderState::New), QStringLiteral("new"));
    QCOMPARE(orderStateName(OrderState::Open), QStringLiteral("open"));
    QCOMPARE(orderStateName(OrderState::PartiallyFilled), QStringLiteral("partially_filled"));
    QCOMPARE(orderStateName(OrderState::Filled), QStringLiteral("filled"));
    QCOMPARE(orderStateName(OrderState::Cancelled), QStringLiteral("cancelled"));
    QCOMPARE(orderStateName(OrderState::Rejected), QStringLiteral("rejected"));
    QCOMPARE(sideName(Side::Buy), QStringLiteral("buy"));
    QCOMPARE(sideName(Side::Sell), QStringLiteral("sell"));
    QCOMPARE(orderTypeName(OrderType::Limit), QStringLiteral("limit"));
    QCOMPARE(orderTypeName(OrderType::Market), QStringLiteral("market"));
    QCOMPARE(orderTypeName(OrderType::Best), QStringLiteral("best"));
    QCOMPARE(parseOrderType(QStringLiteral("best")), std::optional<OrderType>(OrderType::Best));
    QCOMPARE(parseOrderType(QStringLiteral("limit")), std::optional<OrderType>(OrderType::Limit));
    QVERIFY(!parseOrderType(QStringLiteral("stop")));
    QCOMPARE(timeInForceName(TimeInForce::GoodTillCancel), QStringLiteral("gtc"));
    QCOMPARE(timeInForceName(TimeInForce::ImmediateOrCancel), QStringLiteral("ioc"));
    QCOMPARE(timeInForceName(TimeInForce::FillOrKill), QStringLiteral("fok"));
    QCOMPARE(timeInForceName(TimeInForce::PostOnly), QStringLiteral("post_only"));
    for (TimeInForce t : {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                          TimeInForce::FillOrKill, TimeInForce::PostOnly})
        QCOMPARE(parseTimeInForce(timeInForceName(t)), std::optional<TimeInForce>(t));
    QVERIFY(!parseTimeInForce(QStringLiteral("IOC"))); // exact, lower-case names only
    QCOMPARE(OrderRequest().timeInForce, TimeInForce::GoodTillCancel);
    QCOMPARE(Order().timeInForce, TimeInForce::GoodTillCancel);
    QCOMPARE(opposite(Side::Buy), Side::Sell);
}

void TestOrderState::terminal() {
    QVERIFY(!isTerminal(OrderState::New));
    QVERIFY(!isTerminal(OrderState::Open));
    QVERIFY(!isTerminal(OrderState::PartiallyFilled));
    QVERIFY(isTerminal(OrderState::Filled));
    QVERIFY(isTerminal(OrderState::Cancelled));
    QVERIFY(isTerminal(OrderState::Rejected));
}

void TestOrderState::transitionTable() {
    using S = OrderState;
    // Rows: from; columns: to, in the order of kStates.
    const bool legal[6][6] = {
        /* New    */ {false, true, true, true, true, true},
        /* Open   */ {false, false, true, true, true, false},
        /* Partly */ {false, false, true, true, true, false},
        /* Filled */ {false, false, false, false, false, false},
        /* Cancel */ {false, false, false, false, false, false},
        /* Reject */ {false, false, false, false, false, false},
    };
    for (int f = 0; f < 6; ++f) {
        for (int t = 0; t < 6; ++t) {
            const S from = kStates[f];
            const S to = kStates[t];
            if (isLegalTransition(from, to) != legal[f][t])
                QFAIL(
                    qPrintable(QStringLiteral("%1 -> %2 should be %3")
                                   .arg(orderStateName(from), orderStateName(to),
                                        legal[f][t] ? QStringLiteral("legal") : QStringLiteral("illegal"))));
        }
    }
}

void TestOrderState::transitionTo() {
    Order o;
    QVERIFY(o.transitionTo(OrderState::Open));
    QCOMPARE(o.state, OrderState::Open);
    QVERIFY(!o.transitionTo(OrderState::Open));
    QVERIFY(!o.transitionTo(OrderState::Rejected));
    QCOMPARE(o.state, OrderState::Open);
    QVERIFY(o.transitionTo(OrderState::Cancelled));
    QVERIFY(!o.isOpen());
    QVERIFY(!o.transitionTo(OrderState::Open));
    QCOMPARE(o.state, OrderState::Cancelled);
}

void TestOrderState::fillsAccumulate() {
    Order o = limitOrder("45000000", "0.003");
    QVERIFY(o.transitionTo(OrderState::Open));
    QVERIFY(o.applyFill(fill("45000000", "0.001", "22.5", 100)));
    QCOMPARE(o.state, OrderState::PartiallyFilled);
    QCOMPARE(o.filledQty, D("0.001"));
    QCOMPARE(o.filledQuote, D("45000"));
    QCOMPARE(o.remainingQty(), D("0.002"));
    QCOMPARE(o.updatedAtMs, 100);
    QVERIFY(o.applyFill(fill("44999000", "0.001", "22.4995", 200)));
    QCOMPARE(o.state, OrderState::PartiallyFilled);
    QVERIFY(o.applyFill(fill("44998000", "0.001", "22.499", 300)));
    QCOMPARE(o.state, OrderState::Filled);
    QCOMPARE(o.filledQty, D("0.003"));
    QCOMPARE(o.filledQuote, D("134997"));
    QCOMPARE(o.fee, D("67.4985"));
    QCOMPARE(o.remainingQty(), Decimal(0));
    QCOMPARE(o.updatedAtMs, 300);
    QVERIFY(!o.isOpen());
}

void TestOrderState::fillExceedingQtyRejected() {
    Order o = limitOrder("100", "1");
    QVERIFY(o.applyFill(fill("100", "0.6")));
    QVERIFY(!o.applyFill(fill("100", "0.5")));
    QCOMPARE(o.filledQty, D("0.6"));
    QCOMPARE(o.filledQuote, D("60"));
    QCOMPARE(o.state, OrderState::PartiallyFilled);
    // Filling straight from New to Filled is legal.
    Order whole = limitOrder("100", "1");
    QVERIFY(whole.applyFill(fill("100", "1")));
    QCOMPARE(whole.state, OrderState::Filled);
}

void TestOrderState::fillOnTerminalRejected() {
    for (OrderState terminal : {OrderState::Filled, OrderState::Cancelled, OrderState::Rejected}) {
        Order o = limitOrder("100", "1");
        o.state = terminal;
        QVERIFY(!o.applyFill(fill("100", "0.1")));
        QCOMPARE(o.filledQty, Decimal(0));
        QCOMPARE(o.state, terminal);
    }
}

void TestOrderState::nonPositiveFillRejected() {
    Order o = limitOrder("100", "1");
    QVERIFY(!o.applyFill(fill("100", "0")));
    QVERIFY(!o.applyFill(fill("100", "-0.1")));
    QCOMPARE(o.state, OrderState::New);
}

void TestOrderState::marketBuyByTotalStaysPartial() {
    Order o;
    o.type = OrderType::Market;
    o.total = D("10000");
    QVERIFY(o.applyFill(fill("45000000", "0.0001", "2.25")));
    QVERIFY(o.applyFill(fill("45000000", "0.00012222", "2.74995")));
    QCOMPARE(o.state, OrderState::PartiallyFilled);
    QCOMPARE(o.filledQuote, D("9999.9"));
    QCOMPARE(o.remainingQty(), Decimal(0));
    // The venue's final answer closes it.
    QVERIFY(o.transitionTo(OrderState::Filled));
}

void TestOrderState::averagePrice() {
    Order o = limitOrder("3", "3");
    QCOMPARE(o.averageFillPrice(), Decimal(0));
    QVERIFY(o.applyFill(fill("1", "1")));
    QVERIFY(o.applyFill(fill("2", "2")));
    QCOMPARE(o.averageFillPrice(), D("1.66666667"));
    QCOMPARE(o.averageFillPrice(2), D("1.67"));
}

QTEST_GUILESS_MAIN(TestOrderState)
#include "tst_order_state.moc"
