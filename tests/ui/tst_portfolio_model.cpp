#include "common/item_roles.h"
#include "portfolio/portfolio_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace hoga;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

PortfolioRow row(const QString& currency, const char* qty, const char* avg, const char* price,
                 const char* valueKrw, const char* valueUsdt, const char* pnl, const char* rate,
                 const char* share) {
    PortfolioRow r;
    r.currency = currency;
    r.qty = dec(qty);
    r.avgPriceKrw = dec(avg);
    r.priceKrw = dec(price);
    r.valueKrw = dec(valueKrw);
    r.valueUsdt = dec(valueUsdt);
    r.unrealizedPnlKrw = dec(pnl);
    r.pnlRate = dec(rate);
    r.share = dec(share);
    r.priced = true;
    return r;
}

PortfolioSnapshot snapshot(QVector<PortfolioRow> rows) {
    PortfolioSnapshot s;
    s.rows = std::move(rows);
    for (const PortfolioRow& r : s.rows) {
        s.totalKrw += r.valueKrw;
        s.totalUsdt += r.valueUsdt;
        s.totalPnlKrw += r.unrealizedPnlKrw;
    }
    s.usdtKrw = dec("1461");
    return s;
}

QString text(const QAbstractItemModel& m, int row, int column) {
    return m.data(m.index(row, column)).toString();
}

} // namespace

class TestPortfolioModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsEveryHoldingFormatted() {
        PortfolioModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(
            snapshot({row("KRW", "10000000", "0", "1", "10000000", "6844.63", "0", "0", "0.2777"),
                      row("BTC", "0.05", "140000000", "146130000", "7306500", "5001.03", "306500", "0.04378",
                          "0.2029")}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(PortfolioModel::ColumnCount));
        QCOMPARE(text(model, 0, PortfolioModel::AssetColumn), QStringLiteral("KRW"));
        QCOMPARE(text(model, 0, PortfolioModel::QtyColumn), QStringLiteral("10,000,000"));
        // KRW itself has no price, average or PnL: blank, not zero.
        QVERIFY(text(model, 0, PortfolioModel::PriceColumn).isEmpty());
        QVERIFY(text(model, 0, PortfolioModel::AvgPriceColumn).isEmpty());
        QVERIFY(text(model, 0, PortfolioModel::PnlColumn).isEmpty());

        QCOMPARE(text(model, 1, PortfolioModel::QtyColumn), QStringLiteral("0.05"));
        QCOMPARE(text(model, 1, PortfolioModel::AvgPriceColumn), QStringLiteral("140,000,000"));
        QCOMPARE(text(model, 1, PortfolioModel::PriceColumn), QStringLiteral("146,130,000"));
        QCOMPARE(text(model, 1, PortfolioModel::ValueKrwColumn), QStringLiteral("7,306,500"));
        QCOMPARE(text(model, 1, PortfolioModel::ValueUsdtColumn), QStringLiteral("5,001.03"));
        QCOMPARE(text(model, 1, PortfolioModel::PnlColumn), QStringLiteral("+306,500"));
        QCOMPARE(text(model, 1, PortfolioModel::PnlRateColumn), QStringLiteral("+4.38%"));
        QCOMPARE(text(model, 1, PortfolioModel::ShareColumn), QStringLiteral("20.29%"));
        QCOMPARE(model.data(model.index(1, PortfolioModel::ValueKrwColumn), DecimalRole).value<Decimal>(),
                 dec("7306500"));
        QCOMPARE(model.data(model.index(1, PortfolioModel::PnlColumn), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::international().up);
        model.setPriceColors(PriceColors::korean());
        QCOMPARE(model.data(model.index(1, PortfolioModel::PnlColumn), Qt::ForegroundRole).value<QColor>(),
                 PriceColors::korean().up);
    }

    void unpricedHoldingShowsNoValue() {
        PortfolioModel model;
        PortfolioRow doge;
        doge.currency = QStringLiteral("DOGE");
        doge.qty = dec("12");
        model.setSnapshot(snapshot({doge}));
        QCOMPARE(text(model, 0, PortfolioModel::QtyColumn), QStringLiteral("12"));
        // Said, not blank: a holding without a price is not worth zero.
        QCOMPARE(text(model, 0, PortfolioModel::ValueKrwColumn), QStringLiteral("no price"));
        QVERIFY(text(model, 0, PortfolioModel::ValueUsdtColumn).isEmpty());
        QVERIFY(
            !model.data(model.index(0, PortfolioModel::AssetColumn), Qt::ToolTipRole).toString().isEmpty());
    }

    void ticksUpdateRowsInPlace() {
        PortfolioModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot({row("KRW", "100", "0", "1", "100", "0.07", "0", "0", "0.5"),
                                    row("BTC", "1", "90", "100", "100", "0.07", "10", "0.11", "0.5")}));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // BTC becomes the largest holding: the snapshot lists it first, but rows keep their place.
        model.setSnapshot(snapshot({row("BTC", "1", "90", "300", "300", "0.2", "210", "2.33", "0.75"),
                                    row("KRW", "100", "0", "1", "100", "0.07", "0", "0", "0.25")}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(text(model, 0, PortfolioModel::AssetColumn), QStringLiteral("KRW"));
        QCOMPARE(text(model, 1, PortfolioModel::ValueKrwColumn), QStringLiteral("300"));

        // Nothing changed: no signal at all.
        changed.clear();
        model.setSnapshot(snapshot({row("BTC", "1", "90", "300", "300", "0.2", "210", "2.33", "0.75"),
                                    row("KRW", "100", "0", "1", "100", "0.07", "0", "0", "0.25")}));
        QCOMPARE(changed.count(), 0);

        // A new holding is inserted; one sold off is removed.
        model.setSnapshot(snapshot({row("ETH", "2", "5", "6", "12", "0.01", "2", "0.2", "0.1"),
                                    row("KRW", "100", "0", "1", "100", "0.07", "0", "0", "0.9")}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model, 0, PortfolioModel::AssetColumn), QStringLiteral("KRW"));
        QCOMPARE(text(model, 1, PortfolioModel::AssetColumn), QStringLiteral("ETH"));
    }

    void sortsThroughAProxy() {
        PortfolioModel model;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(SortRole);
        sorted.setDynamicSortFilter(true);
        sorted.sort(PortfolioModel::ValueKrwColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot({row("KRW", "100", "0", "1", "100", "0.07", "0", "0", "0.5"),
                                    row("BTC", "1", "90", "50", "50", "0.03", "-40", "-0.44", "0.5")}));
        QCOMPARE(sorted.index(0, 0).data().toString(), QStringLiteral("KRW"));
        model.setSnapshot(snapshot({row("KRW", "100", "0", "1", "100", "0.07", "0", "0", "0.3"),
                                    row("BTC", "1", "90", "250", "250", "0.2", "160", "1.7", "0.7")}));
        QCOMPARE(sorted.index(0, 0).data().toString(), QStringLiteral("BTC"));
    }
};

QTEST_MAIN(TestPortfolioModel)
#include "tst_portfolio_model.moc"
