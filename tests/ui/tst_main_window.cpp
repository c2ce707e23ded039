// The whole window on the simulator, offscreen: live data in every tab, then a paper limit order placed
// through the ticket's widgets, cancelled from the open orders table, and a marketable order that fills.

#include "main_window_driver.h"

#include "application/app_settings.h"
#include "chart/chart_tab.h"
#include "common/button_delegate.h"
#include "common/item_roles.h"
#include "format/decimal_format.h"
#include "mainwindow/main_window.h"
#include "mainwindow/venue_status_widget.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "orderbook/order_book_side_model.h"
#include "orderbook/order_book_tab.h"
#include "orderbook/trade_tape_model.h"
#include "portfolio/portfolio_model.h"
#include "portfolio/portfolio_tab.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"
#include "trading/fills_model.h"
#include "trading/order_table_model.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"
#include "trading/trading_tab.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace hoga;

namespace {

constexpr int kTimeoutMs = test::MainWindowDriver::kTimeoutMs;
const QString kMarket = QStringLiteral("KRW-BTC");

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void liveDataReachesEveryTab();
    void selectingAMarketDrivesEveryTab();
    void headerClicksSortTheMarketList();
    void invalidPriceShowsTheValidatorsMessage();
    void limitBuyRestsAndCancelsFromTheTable();
    void marketableOrderFillsAndMovesThePortfolio();
    void clickingABookLevelSetsTheTicketPrice();
    void colourConventionFromTheViewMenu();
    void settingsSurviveARestart();

private:
    template <class T> T* find(const QString& name) const { return m_driver->find<T>(name); }
    QModelIndex findRow(const QAbstractItemModel* model, const QString& key) const {
        return test::MainWindowDriver::findRow(model, key);
    }
    Decimal lastPrice() const { return m_driver->lastPrice(); }
    Decimal tick(const Decimal& price) const { return m_driver->tick(price); }
    void type(const QString& editName, const QString& text) { m_driver->type(editName, text); }

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<test::MainWindowDriver> m_driver;
};

void TestMainWindow::initTestCase() {
    QVERIFY(m_dir.isValid());
    qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    theme::apply(*qApp);

    SimConfig config;
    config.seed = 4242;
    config.stepIntervalMs = 20;
    config.autoRun = true;
    config.historyCandles = 200;
    m_session = VenueSession::simulated(config);
    m_session->hub()->setCoalesceIntervalMs(50);
    m_settings = std::make_unique<AppSettings>();
    QCOMPARE(m_settings->fileName(), m_dir.filePath(QStringLiteral("hoga.ini")));
    m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                            UiLanguage::English);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_driver = std::make_unique<test::MainWindowDriver>(m_window.get(), m_session.get(), kMarket);
    m_driver->attachModelTesters();
}

void TestMainWindow::cleanupTestCase() {
    if (m_driver)
        m_driver->detachModelTesters();
    m_window.reset();
    m_session.reset();
}

void TestMainWindow::liveDataReachesEveryTab() {
    m_driver->verifyLiveDataInEveryTab(15);
    if (QTest::currentTestFailed())
        return;

    // The simulator's six markets and its paper balances.
    QCOMPARE(find<QTableView>(QStringLiteral("marketListView"))->model()->rowCount(), 6);
    const PortfolioModel* portfolio = m_window->portfolioTab()->model();
    const QModelIndex krw = findRow(portfolio, QStringLiteral("KRW"));
    QCOMPARE(portfolio->index(krw.row(), PortfolioModel::ValueKrwColumn).data().toString(),
             QStringLiteral("10,000,000"));
    const QModelIndex btc = findRow(portfolio, QStringLiteral("BTC"));
    QVERIFY(!portfolio->index(btc.row(), PortfolioModel::PnlColumn).data().toString().isEmpty());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Simulated")));
}

void TestMainWindow::selectingAMarketDrivesEveryTab() {
    // Pick another market first, then KRW-BTC, by clicking rows.
    for (const QString& code : {QStringLiteral("KRW-ETH"), kMarket}) {
        m_driver->selectMarketByClicking(code);
        if (QTest::currentTestFailed())
            return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_window->orderBookTab()->bidModel()->rowCount() >= 15, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chartTab()->candles().isEmpty(), kTimeoutMs);
    QVERIFY(find<QLabel>(QStringLiteral("ticketMarketLabel"))->text().startsWith(kMarket));
}

void TestMainWindow::headerClicksSortTheMarketList() {
    auto* view = find<QTableView>(QStringLiteral("marketListView"));
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
    QVERIFY(proxy);
    QCOMPARE(proxy->sortColumn(), int(MarketListModel::VolumeColumn));
    QVERIFY(proxy->headerData(MarketListModel::VolumeColumn, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("▼ ")));

    QHeaderView* header = view->horizontalHeader();
    const int x = header->sectionViewportPosition(MarketListModel::PriceColumn) +
                  header->sectionSize(MarketListModel::PriceColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(proxy->sortColumn(), int(MarketListModel::PriceColumn));
    QVERIFY(!proxy->headerData(MarketListModel::VolumeColumn, Qt::Horizontal)
                 .toString()
                 .contains(QStringLiteral("▼")));
    QVERIFY(proxy->headerData(MarketListModel::PriceColumn, Qt::Horizontal)
                .toString()
                .contains(QStringLiteral("▲")) ||
            proxy->headerData(MarketListModel::PriceColumn, Qt::Horizontal)
                .toString()
                .contains(QStringLiteral("▼")));
    // Rows follow the price order.
    const QModelIndex first = proxy->index(0, MarketListModel::PriceColumn);
    const QModelIndex last = proxy->index(proxy->rowCount() - 1, MarketListModel::PriceColumn);
    const Decimal a = first.data(DecimalRole).value<Decimal>();
    const Decimal b = last.data(DecimalRole).value<Decimal>();
    QVERIFY(proxy->sortOrder() == Qt::AscendingOrder ? a <= b : a >= b);
    view->sortByColumn(MarketListModel::VolumeColumn, Qt::DescendingOrder);
}

void TestMainWindow::invalidPriceShowsTheValidatorsMessage() {
    find<QPushButton>(QStringLiteral("buySideButton"))->click();
    find<QPushButton>(QStringLiteral("limitTypeButton"))->click();
    const Decimal half = lastPrice().divide(Decimal(2), 0, Rounding::Down);
    const Decimal onTick = half.roundToStep(tick(half), Rounding::Down);
    const Decimal offTick = onTick + Decimal(1);
    QVERIFY(!offTick.isMultipleOf(tick(offTick)));

    type(QStringLiteral("qtyEdit"), QStringLiteral("0.001"));
    type(QStringLiteral("priceEdit"), offTick.toString());

    auto* error = find<QLabel>(QStringLiteral("priceErrorLabel"));
    auto* submit = find<QPushButton>(QStringLiteral("submitButton"));
    QVERIFY(error->isVisible());
    QVERIFY(!submit->isEnabled());
    // The text is the validator's own precise message for the price.
    const ValidationResult& validation = m_window->ticket()->validation();
    QVERIFY(!validation.ok());
    QString expected;
    for (const ValidationIssue& issue : validation.issues)
        if (issue.field == QLatin1String("price") && expected.isEmpty())
            expected = issue.message;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(error->text(), expected);

    // Not a number at all: said so, still disabled.
    type(QStringLiteral("priceEdit"), QStringLiteral("12a"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("12a")));
    QVERIFY(!submit->isEnabled());

    // Back on the tick: message gone, submit enabled.
    type(QStringLiteral("priceEdit"), onTick.toString());
    QTRY_VERIFY(!error->isVisible());
    QVERIFY(submit->isEnabled());
}

void TestMainWindow::limitBuyRestsAndCancelsFromTheTable() {
    QVERIFY(!m_driver->placeLimitBuyAndCancel().id.isEmpty());
}

void TestMainWindow::marketableOrderFillsAndMovesThePortfolio() {
    QVERIFY(m_driver->portfolioQty(QStringLiteral("BTC")).isPositive());
    m_driver->marketBuyFillsAndMovesPortfolio(QStringLiteral("100000"));
}

void TestMainWindow::clickingABookLevelSetsTheTicketPrice() {
    OrderBookTab* book = m_window->orderBookTab();
    m_window->tabs()->setCurrentWidget(book);
    auto* bids = find<QTableView>(QStringLiteral("bidBookView"));
    QTRY_VERIFY_WITH_TIMEOUT(book->bidModel()->rowCount() >= 3, kTimeoutMs);
    const QModelIndex level = book->bidModel()->index(2, OrderBookSideModel::PriceColumn);
    const QString shown = level.data().toString();
    QSignalSpy selected(book, &OrderBookTab::priceSelected);
    QTest::mouseClick(bids->viewport(), Qt::LeftButton, {}, bids->visualRect(level).center());
    QCOMPARE(selected.count(), 1);
    const Decimal price = selected.first().first().value<Decimal>();
    QVERIFY(price.isPositive());
    QCOMPARE(m_window->ticket()->orderType(), OrderType::Limit);
    QCOMPARE(parseDecimalInput(find<QLineEdit>(QStringLiteral("priceEdit"))->text()),
             std::optional<Decimal>(price));
    Q_UNUSED(shown);
}

void TestMainWindow::colourConventionFromTheViewMenu() {
    QAction* korean = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->text() == QLatin1String("Korean (red up, blue down)"))
            korean = a;
    QVERIFY(korean);
    korean->trigger();
    QCOMPARE(m_window->colorConvention(), ColorConvention::Korean);
    QCOMPARE(m_settings->colorConvention(), std::optional<ColorConvention>(ColorConvention::Korean));
    const OrderBookSideModel* bids = m_window->orderBookTab()->bidModel();
    QCOMPARE(bids->index(0, 0).data(Qt::ForegroundRole).value<QColor>(), PriceColors::korean().up);
}

void TestMainWindow::settingsSurviveARestart() {
    m_window->tabs()->setCurrentWidget(m_window->chartTab());
    m_window->close();
    m_driver->detachModelTesters();
    m_window.reset();

    AppSettings reread;
    QCOMPARE(reread.selectedMarket(QStringLiteral("sim")), kMarket);
    QCOMPARE(reread.selectedTab(), QStringLiteral("chartTab"));
    QVERIFY(!reread.windowGeometry().isEmpty());
    for (const char* splitter : {"mainSplitter", "orderBookSplitter", "tradingSplitter"})
        QVERIFY2(!reread.splitterState(QString::fromLatin1(splitter)).isEmpty(), splitter);
    QVERIFY(!reread.chartInterval().isEmpty());

    MainWindow again(&reread, {m_session.get()}, UiLanguage::English);
    again.show();
    QCOMPARE(again.tabs()->currentWidget(), static_cast<QWidget*>(again.chartTab()));
    QCOMPARE(again.colorConvention(), ColorConvention::Korean);
    QTRY_COMPARE_WITH_TIMEOUT(again.currentMarket(), kMarket, kTimeoutMs);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
