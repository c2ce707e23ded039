#include "common/item_roles.h"
#include "orderbook/order_book_side_model.h"
#include "orderbook/trade_tape_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Market krwBtc() {
    Market m;
    m.venue = QStringLiteral("sim");
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = dec("0.00000001");
    return m;
}

// Levels around 100,000,000 KRW with a 1,000 KRW tick: bids below, asks above.
OrderBook book(int levels, const char* firstQty = "0.5") {
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    for (int i = 0; i < levels; ++i) {
        bids.append({Decimal(100000000 - 1000 * i), i == 0 ? dec(firstQty) : Decimal(i)});
        asks.append({Decimal(100001000 + 1000 * i), i == 0 ? dec(firstQty) : Decimal(i)});
    }
    OrderBook b(QStringLiteral("sim"), QStringLiteral("KRW-BTC"));
    b.applySnapshot(bids, asks, 1);
    return b;
}

void setBoth(OrderBookSideModel& model, const OrderBook& b) {
    model.setBook(b, MarketFormat(krwBtc()), 30, Decimal(1000), Decimal(100));
}

QString text(const QAbstractItemModel& m, int row, int column) {
    return m.data(m.index(row, column)).toString();
}

} // namespace

class TestOrderBookModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void bidsBestFirst() {
        OrderBookSideModel bids(Side::Buy);
        QAbstractItemModelTester tester(&bids, QAbstractItemModelTester::FailureReportingMode::QtTest);
        setBoth(bids, book(15));
        QCOMPARE(bids.rowCount(), 15);
        QCOMPARE(bids.bestRow(), 0);
        QCOMPARE(text(bids, 0, OrderBookSideModel::PriceColumn), QStringLiteral("100,000,000"));
        QCOMPARE(text(bids, 0, OrderBookSideModel::QtyColumn), QStringLiteral("0.5000"));
        QCOMPARE(text(bids, 1, OrderBookSideModel::CumulativeColumn), QStringLiteral("1.5000"));
        QCOMPARE(*bids.priceAt(14), Decimal(99986000));
        QCOMPARE(bids.data(bids.index(0, 0), DecimalRole).value<Decimal>(), Decimal(100000000));
        QCOMPARE(bids.data(bids.index(0, 0), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::international().up);
    }

    void asksBestLastNextToTheSpread() {
        OrderBookSideModel asks(Side::Sell);
        QAbstractItemModelTester tester(&asks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        setBoth(asks, book(15));
        QCOMPARE(asks.rowCount(), 15);
        QCOMPARE(asks.bestRow(), 14);
        QCOMPARE(text(asks, 14, OrderBookSideModel::PriceColumn), QStringLiteral("100,001,000"));
        QCOMPARE(text(asks, 0, OrderBookSideModel::PriceColumn), QStringLiteral("100,015,000"));
        // Cumulative grows away from the spread, i.e. upwards.
        QCOMPARE(
            asks.data(asks.index(14, OrderBookSideModel::CumulativeColumn), DecimalRole).value<Decimal>(),
            dec("0.5"));
        QCOMPARE(asks.data(asks.index(0, OrderBookSideModel::CumulativeColumn), DecimalRole).value<Decimal>(),
                 dec("105.5"));
        QCOMPARE(asks.data(asks.index(0, 0), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::international().down);
    }

    void depthBarsAreScaled() {
        OrderBookSideModel bids(Side::Buy);
        bids.setBook(book(3), MarketFormat(krwBtc()), 30, dec("3.5"), Decimal(2));
        // Cumulative 0.5, 1.5, 3.5 over a scale of 3.5; levels 0.5, 1, 2 over 2.
        QCOMPARE(bids.data(bids.index(2, 0), DepthRole).toDouble(), 1.0);
        QCOMPARE(bids.data(bids.index(1, 0), LevelDepthRole).toDouble(), 0.5);
        QVERIFY(qAbs(bids.data(bids.index(0, 0), DepthRole).toDouble() - 0.5 / 3.5) < 1e-6);
    }

    void updatesTouchOnlyChangedLevels() {
        OrderBookSideModel bids(Side::Buy);
        QAbstractItemModelTester tester(&bids, QAbstractItemModelTester::FailureReportingMode::QtTest);
        setBoth(bids, book(15));
        QSignalSpy changed(&bids, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&bids, &QAbstractItemModel::modelReset);

        setBoth(bids, book(15));
        QCOMPARE(changed.count(), 0);

        OrderBook b = book(15);
        b.applyDelta(Side::Buy, Decimal(99990000), Decimal(7), 2); // row 10
        setBoth(bids, b);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 10); // cumulative changes from there outwards
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 14);
    }

    void ladderGrowsAndShrinksAtTheFarEnd() {
        OrderBookSideModel asks(Side::Sell);
        OrderBookSideModel bids(Side::Buy);
        QAbstractItemModelTester askTester(&asks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester bidTester(&bids, QAbstractItemModelTester::FailureReportingMode::QtTest);
        setBoth(asks, book(10));
        setBoth(bids, book(10));
        QSignalSpy askInserted(&asks, &QAbstractItemModel::rowsInserted);
        QSignalSpy bidInserted(&bids, &QAbstractItemModel::rowsInserted);
        setBoth(asks, book(12));
        setBoth(bids, book(12));
        QCOMPARE(askInserted.count(), 1);
        QCOMPARE(askInserted.first().at(1).toInt(), 0); // on top of the asks
        QCOMPARE(askInserted.first().at(2).toInt(), 1);
        QCOMPARE(bidInserted.first().at(1).toInt(), 10); // under the bids
        QCOMPARE(text(asks, 11, 0), QStringLiteral("100,001,000"));

        QSignalSpy askRemoved(&asks, &QAbstractItemModel::rowsRemoved);
        setBoth(asks, book(4));
        QCOMPARE(askRemoved.count(), 1);
        QCOMPARE(asks.rowCount(), 4);
        QCOMPARE(text(asks, 3, 0), QStringLiteral("100,001,000"));

        asks.clear();
        QCOMPARE(asks.rowCount(), 0);
        QCOMPARE(asks.bestRow(), -1);
        QVERIFY(!asks.priceAt(0));
    }

    void tapeInsertsNewestOnTopAndStaysBounded() {
        TradeTapeModel tape(5);
        QAbstractItemModelTester tester(&tape, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto trade = [](int i, Side side) {
            Trade t;
            t.market = QStringLiteral("KRW-BTC");
            t.id = QString::number(i);
            t.price = Decimal(100000000 + 1000 * i);
            t.qty = dec("0.0123");
            t.side = side;
            t.timestampMs = 1700000000000 + i * 1000;
            return t;
        };
        tape.setTrades({trade(2, Side::Buy), trade(1, Side::Sell)}, MarketFormat(krwBtc()));
        QCOMPARE(tape.rowCount(), 2);
        QSignalSpy inserted(&tape, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&tape, &QAbstractItemModel::modelReset);
        tape.addTrades({trade(3, Side::Sell), trade(4, Side::Buy)}); // oldest first
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(tape.data(tape.index(0, 0), KeyRole).toString(), QStringLiteral("4"));
        QCOMPARE(tape.data(tape.index(1, 0), KeyRole).toString(), QStringLiteral("3"));
        QCOMPARE(text(tape, 0, TradeTapeModel::PriceColumn), QStringLiteral("100,004,000"));
        // The tape shows the market's full quantity step (8 decimals), never a rounded 0.0000.
        QCOMPARE(text(tape, 0, TradeTapeModel::QtyColumn), QStringLiteral("0.01230000"));
        QCOMPARE(text(tape, 0, TradeTapeModel::ValueColumn), QStringLiteral("1,230,049"));
        QCOMPARE(tape.data(tape.index(0, TradeTapeModel::PriceColumn), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::international().up);
        QCOMPARE(tape.data(tape.index(1, TradeTapeModel::PriceColumn), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::international().down);

        QSignalSpy removed(&tape, &QAbstractItemModel::rowsRemoved);
        tape.addTrades({trade(5, Side::Buy), trade(6, Side::Buy)});
        QCOMPARE(tape.rowCount(), 5);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(tape.data(tape.index(4, 0), KeyRole).toString(), QStringLiteral("2"));
    }
};

QTEST_MAIN(TestOrderBookModel)
#include "tst_order_book_model.moc"
