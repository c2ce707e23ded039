#include "common/item_roles.h"
#include "trading/fills_model.h"
#include "trading/order_table_model.h"

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

MarketFormatLookup lookup() {
    return [](const QString& code) {
        return code == QLatin1String("KRW-BTC") ? MarketFormat(krwBtc()) : MarketFormat();
    };
}

Order order(const QString& id, OrderState state, const char* price = "50000000", const char* qty = "0.001") {
    Order o;
    o.venue = QStringLiteral("sim");
    o.id = id;
    o.clientId = QStringLiteral("c-") + id;
    o.market = QStringLiteral("KRW-BTC");
    o.side = Side::Buy;
    o.type = OrderType::Limit;
    o.price = dec(price);
    o.qty = dec(qty);
    o.state = state;
    o.createdAtMs = 1700000000000;
    o.updatedAtMs = 1700000000000;
    return o;
}

QString text(const OrderTableModel& m, int row, OrderField field) {
    return m.data(m.index(row, m.columnOf(field))).toString();
}

} // namespace

class TestOrderTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void openOrdersShowFormattedValuesAndCancel() {
        OpenOrdersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFormatLookup(lookup());
        Order partial = order("1", OrderState::PartiallyFilled, "45000000", "0.01");
        partial.filledQty = dec("0.004");
        model.setOrders({partial});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(text(model, 0, OrderField::Market), QStringLiteral("KRW-BTC"));
        QCOMPARE(text(model, 0, OrderField::Side), QStringLiteral("Buy"));
        QCOMPARE(text(model, 0, OrderField::Type), QStringLiteral("Limit"));
        QCOMPARE(text(model, 0, OrderField::Price), QStringLiteral("45,000,000"));
        QCOMPARE(text(model, 0, OrderField::Qty), QStringLiteral("0.01"));
        QCOMPARE(text(model, 0, OrderField::Filled), QStringLiteral("0.004"));
        QCOMPARE(text(model, 0, OrderField::Remaining), QStringLiteral("0.006"));
        QCOMPARE(text(model, 0, OrderField::Status), QStringLiteral("Partially filled"));
        const QModelIndex action = model.index(0, model.columnOf(OrderField::Action));
        QCOMPARE(action.data(ButtonRole).toString(), QStringLiteral("Cancel"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.markCancelling(QStringLiteral("1"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(action.data(ButtonRole).toString().isEmpty());
        QCOMPARE(text(model, 0, OrderField::Status), QStringLiteral("Cancelling…"));
        model.clearCancelling();
        QCOMPARE(action.data(ButtonRole).toString(), QStringLiteral("Cancel"));
    }

    // A KRX after-hours order names its session; a closing-price one has no price until it trades.
    void afterHoursOrdersNameTheirSession() {
        OpenOrdersModel model;
        model.setFormatLookup(lookup());
        Order closing = order("1", OrderState::Open, "0", "3");
        closing.session = OrderSession::PostMarketClose;
        Order single = order("2", OrderState::Open, "66000", "2");
        single.session = OrderSession::AfterHoursSingle;
        model.setOrders({closing, single});
        QCOMPARE(model.rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const QString type = text(model, row, OrderField::Type);
            const QString price = text(model, row, OrderField::Price);
            if (type == QStringLiteral("Limit · Post-market close"))
                QCOMPARE(price, QStringLiteral("At the close"));
            else
                QCOMPARE(type, QStringLiteral("Limit · After-hours single price"));
        }
    }

    void newOrdersAreInsertedOnTopAndGoneOnesRemoved() {
        OpenOrdersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFormatLookup(lookup());
        model.setOrders({order("2", OrderState::Open), order("1", OrderState::Open)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Order filled = order("1", OrderState::PartiallyFilled);
        filled.filledQty = dec("0.0005");
        model.setOrders({order("3", OrderState::Open), order("2", OrderState::Open), filled});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(model.orderIdAt(0), QStringLiteral("3"));

        model.markCancelling(QStringLiteral("2"));
        model.setOrders({order("3", OrderState::Open), filled});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QVERIFY(!model.isCancelling(QStringLiteral("2")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfKey(QStringLiteral("1")), 1);

        // A reordering of known rows is the one case that resets.
        model.setOrders({filled, order("3", OrderState::Open)});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.orderIdAt(0), QStringLiteral("1"));

        model.setOrders({});
        QCOMPARE(model.rowCount(), 0);
    }

    void historyShowsOutcome() {
        OrderHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFormatLookup(lookup());
        Order cancelled = order("7", OrderState::Cancelled);
        Order filled = order("8", OrderState::Filled, "0", "0");
        filled.type = OrderType::Market;
        filled.total = Decimal(100000);
        filled.filledQty = dec("0.00068");
        filled.filledQuote = dec("99999.6");
        filled.fee = dec("49.9998");
        Order rejected = order("9", OrderState::Rejected);
        rejected.rejectReason = QStringLiteral("insufficient_funds_bid");
        model.setOrders({rejected, filled, cancelled});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnOf(OrderField::Action), -1);
        QCOMPARE(text(model, 2, OrderField::Status), QStringLiteral("Cancelled"));
        QCOMPARE(text(model, 1, OrderField::Status), QStringLiteral("Filled"));
        QCOMPARE(text(model, 1, OrderField::Price), QStringLiteral("Market"));
        QCOMPARE(text(model, 1, OrderField::Qty), QStringLiteral("100,000 KRW"));
        QCOMPARE(text(model, 1, OrderField::Filled), QStringLiteral("0.00068"));
        QCOMPARE(text(model, 1, OrderField::Fee), QStringLiteral("50"));
        QVERIFY(!text(model, 1, OrderField::AvgPrice).isEmpty());
        QCOMPARE(model.data(model.index(0, model.columnOf(OrderField::Status)), Qt::ToolTipRole).toString(),
                 QStringLiteral("insufficient_funds_bid"));
        QVERIFY(
            model.data(model.index(0, model.columnOf(OrderField::Action)), ButtonRole).toString().isEmpty());
    }

    void fillsNewestFirstWithoutDuplicates() {
        FillsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFormatLookup(lookup());
        auto fill = [](const QString& tradeId, const char* qty, bool maker) {
            Fill f;
            f.venue = QStringLiteral("sim");
            f.orderId = QStringLiteral("1");
            f.market = QStringLiteral("KRW-BTC");
            f.tradeId = tradeId;
            f.side = Side::Sell;
            f.price = Decimal(146130000);
            f.qty = dec(qty);
            f.fee = dec("36.5325");
            f.feeCurrency = QStringLiteral("KRW");
            f.maker = maker;
            f.timestampMs = 1700000000000;
            return f;
        };
        model.setFills({fill("t1", "0.001", false)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, FillsModel::PriceColumn)).toString(),
                 QStringLiteral("146,130,000"));
        QCOMPARE(model.data(model.index(0, FillsModel::TotalColumn)).toString(), QStringLiteral("146,130"));
        QCOMPARE(model.data(model.index(0, FillsModel::FeeColumn)).toString(), QStringLiteral("37 KRW"));
        QCOMPARE(model.data(model.index(0, FillsModel::SideColumn)).toString(), QStringLiteral("Sell"));
        QCOMPARE(model.data(model.index(0, FillsModel::LiquidityColumn)).toString(), QStringLiteral("Taker"));
        QCOMPARE(model.data(model.index(0, FillsModel::SideColumn), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::international().down);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFills({fill("t2", "0.002", true), fill("t2", "0.002", true), fill("t1", "0.001", false)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, FillsModel::LiquidityColumn)).toString(), QStringLiteral("Maker"));
    }
};

QTEST_MAIN(TestOrderTableModel)
#include "tst_order_table_model.moc"
