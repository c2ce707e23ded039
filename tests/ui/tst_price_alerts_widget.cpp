#include "alerts/price_alert_book.h"
#include "alerts/price_alert_editor.h"
#include "alerts/price_alert_table_model.h"
#include "alerts/price_alerts_widget.h"
#include "common/message_label.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace hoga;

namespace {

QString cell(QTableView* table, int row, int column) {
    return table->model()->index(row, column).data().toString();
}

} // namespace

class TestPriceAlertsWidget : public QObject {
    Q_OBJECT

private slots:
    void addFireRearm() {
        ManualClock clock;
        PriceAlertBook book(clock);
        PriceAlertsWidget widget(&book);
        widget.setMarketKeys({QStringLiteral("upbit:KRW-BTC"), QStringLiteral("upbit:KRW-ETH")});
        widget.setCurrentMarket(QStringLiteral("upbit:KRW-BTC"));
        widget.resize(700, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));

        auto* table = widget.findChild<QTableView*>(QStringLiteral("priceAlerts"));
        auto* add = widget.findChild<QPushButton*>(QStringLiteral("addAlertButton"));
        auto* remove = widget.findChild<QPushButton*>(QStringLiteral("removeAlertButton"));
        auto* rearm = widget.findChild<QPushButton*>(QStringLiteral("rearmAlertButton"));
        QVERIFY(table && add && remove && rearm);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(!remove->isEnabled());
        QVERIFY(!rearm->isEnabled());

        // Add: the editor checks as we type.
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY(widget.editor() && widget.editor()->isVisible());
        PriceAlertEditor* editor = widget.editor();
        auto* market = editor->findChild<QComboBox*>(QStringLiteral("alertMarket"));
        auto* kind = editor->findChild<QComboBox*>(QStringLiteral("alertKind"));
        auto* threshold = editor->findChild<QLineEdit*>(QStringLiteral("alertThreshold"));
        auto* error = editor->findChild<MessageLabel*>(QStringLiteral("alertError"));
        QVERIFY(market && kind && threshold && error);
        QCOMPARE(market->currentText(), QStringLiteral("upbit:KRW-BTC"));
        QVERIFY(!editor->okButton()->isEnabled());
        QVERIFY(error->text().isEmpty()); // nothing typed yet: no red text

        QTest::keyClicks(threshold, "5O000000"); // a typo: letter O
        QVERIFY(!editor->okButton()->isEnabled());
        QCOMPARE(error->text(), QStringLiteral("\"5O000000\" is not a number."));
        threshold->clear();
        QTest::keyClicks(threshold, "0");
        QCOMPARE(error->text(), QStringLiteral("The price must be above zero."));
        threshold->clear();
        QTest::keyClicks(threshold, "50000000");
        QVERIFY(editor->okButton()->isEnabled());
        QVERIFY(error->text().isEmpty());
        market->setCurrentText(QStringLiteral("upbit:KRW-DOGE"));
        QVERIFY(!editor->okButton()->isEnabled());
        QCOMPARE(error->text(), QStringLiteral("No such market: upbit:KRW-DOGE."));
        market->setCurrentText(QStringLiteral("upbit:KRW-BTC"));
        QCOMPARE(kind->currentData().toInt(), int(PriceAlertKind::Above));
        QTest::mouseClick(editor->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!widget.editor());

        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(cell(table, 0, PriceAlertTableModel::MarketColumn), QStringLiteral("KRW-BTC · upbit"));
        QCOMPARE(cell(table, 0, PriceAlertTableModel::ConditionColumn), QStringLiteral("Above 50,000,000"));
        QCOMPARE(cell(table, 0, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        QVERIFY(cell(table, 0, PriceAlertTableModel::FiredColumn).isEmpty());

        // Feed a ticker crossing it.
        QSignalSpy fired(&book, &PriceAlertBook::alertFired);
        Ticker t;
        t.venue = QStringLiteral("upbit");
        t.market = QStringLiteral("KRW-BTC");
        t.last = Decimal(49'900'000);
        book.evaluate(t);
        QCOMPARE(cell(table, 0, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        clock.advanceMs(60'000);
        t.last = Decimal(50'100'000);
        book.evaluate(t);
        QCOMPARE(fired.count(), 1);
        QCOMPARE(cell(table, 0, PriceAlertTableModel::StateColumn), QStringLiteral("Fired"));
        QVERIFY(!cell(table, 0, PriceAlertTableModel::FiredColumn).isEmpty());
        QCOMPARE(cell(table, 0, PriceAlertTableModel::FiredPriceColumn), QStringLiteral("50,100,000"));

        // Re-arm it from the list.
        table->selectRow(0);
        QVERIFY(rearm->isEnabled());
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(rearm, Qt::LeftButton);
        QCOMPARE(cell(table, 0, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        QVERIFY(cell(table, 0, PriceAlertTableModel::FiredPriceColumn).isEmpty());
        QVERIFY(!rearm->isEnabled()); // armed: nothing to re-arm
        t.last = Decimal(50'200'000);
        book.evaluate(t);
        QCOMPARE(fired.count(), 2);
        QCOMPARE(cell(table, 0, PriceAlertTableModel::StateColumn), QStringLiteral("Fired"));

        // Remove it.
        table->selectRow(0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(book.alerts().isEmpty());
    }

    void percentMoveNeedsAWindow() {
        ManualClock clock;
        PriceAlertBook book(clock);
        PriceAlertEditor editor({}, QStringLiteral("bithumb:KRW-ETH"));
        auto* kind = editor.findChild<QComboBox*>(QStringLiteral("alertKind"));
        auto* threshold = editor.findChild<QLineEdit*>(QStringLiteral("alertThreshold"));
        auto* window = editor.findChild<QSpinBox*>(QStringLiteral("alertWindow"));
        QVERIFY(!window->isEnabled());
        kind->setCurrentIndex(kind->findData(int(PriceAlertKind::PercentMove)));
        QVERIFY(window->isEnabled());
        QTest::keyClicks(threshold, "2000");
        QCOMPARE(editor.error(), QStringLiteral("The percentage may be at most 1000."));
        threshold->clear();
        QTest::keyClicks(threshold, "3.5");
        window->setValue(10);
        QVERIFY(editor.error().isEmpty());
        const PriceAlert a = editor.alert();
        QCOMPARE(a.venue, QStringLiteral("bithumb"));
        QCOMPARE(a.market, QStringLiteral("KRW-ETH"));
        QCOMPARE(a.threshold, Decimal::fromString("3.5"));
        QCOMPARE(a.windowMs, qint64(600'000));
        QVERIFY(book.add(a) > 0);
    }
};

QTEST_MAIN(TestPriceAlertsWidget)
#include "tst_price_alerts_widget.moc"
