// A market the venue does not list (KIS knows any 6-digit stock code) is added from the market list's search
// box: Enter on a search nothing matches asks the venues, and the market is kept, subscribed and selected;
// a code no venue knows says so.
#include "common/data_table_view.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_filter_model.h"
#include "markets/market_list_panel.h"
#include "support/fake_connector.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

Market stock(const QString& code, const QString& name) {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = code;
    m.base = code;
    m.quote = QStringLiteral("KRW");
    m.displayName = name;
    return m;
}

} // namespace

class TestMarketListAdd : public QObject {
    Q_OBJECT
private slots:
    void enterOnAnUnlistedCodeAddsIt() {
        FakeConnector fake;
        fake.markets = {stock(QStringLiteral("005930"), QStringLiteral("Samsung Electronics"))};
        fake.unlistedMarkets = {stock(QStringLiteral("123456"), QStringLiteral("Unlisted Example"))};
        MarketDataHub hub;
        hub.attach(&fake);
        MarketListPanel panel(&hub);
        panel.show();
        QTRY_COMPARE_WITH_TIMEOUT(hub.markets().size(), 1, 5000);
        QSignalSpy selected(&panel, &MarketListPanel::currentMarketChanged);

        auto* search = panel.findChild<QLineEdit*>(QStringLiteral("marketSearchEdit"));
        QVERIFY(search);
        search->setText(QStringLiteral("123456"));
        QCOMPARE(panel.filterModel()->rowCount(), 0);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(hub.markets().size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel.filterModel()->rowCount(), 1, 5000);
        QVERIFY(fake.subscribedMarkets.contains(QStringLiteral("123456")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !selected.isEmpty() && selected.last().value(0).toString() == QStringLiteral("123456"), 5000);

        // Enter again: it is listed now, so nothing is asked and nothing doubles.
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(hub.markets().size(), 2);

        // A code no venue knows: the list says so and keeps what it had.
        QSignalSpy failed(&hub, &MarketDataHub::marketAddFailed);
        search->setText(QStringLiteral("999999"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(failed.first().value(0).toString(), QStringLiteral("999999"));
        QCOMPARE(hub.markets().size(), 2);
        auto* view = panel.findChild<DataTableView*>(QStringLiteral("marketListView"));
        QVERIFY(view);
        QCOMPARE(view->emptyText(), QStringLiteral("No venue knows the market 999999."));
    }
};

QTEST_MAIN(TestMarketListAdd)
#include "tst_market_list_add.moc"
