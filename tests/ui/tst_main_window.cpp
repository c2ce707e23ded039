// The whole window on the simulator, offscreen: live data in every tab, then a paper limit order placed
// through the ticket's widgets, cancelled from the open orders table, and a marketable order that fills.

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

constexpr int kTimeoutMs = 15000;
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
    template <class T> T* find(const QString& name) const {
        T* w = m_window->findChild<T*>(name);
        if (!w)
            qFatal("no child %s", qPrintable(name));
        return w;
    }
    QModelIndex findRow(const QAbstractItemModel* model, const QString& key) const;
    Decimal portfolioQty(const QString& currency) const;
    Decimal lastPrice() const;
    Decimal tick(const Decimal& price) const;
    void type(const QString& editName, const QString& text);
    void clickSubmit();

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QString m_cancelledOrderId;
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

    // Every model of the window is checked for consistent signals while live data streams through it.
    QList<QAbstractItemModel*> models{
        m_window->marketList()->model(),       find<QTableView>(QStringLiteral("marketListView"))->model(),
        m_window->portfolioTab()->model(),     find<QTableView>(QStringLiteral("portfolioView"))->model(),
        m_window->orderBookTab()->askModel(),  m_window->orderBookTab()->bidModel(),
        m_window->orderBookTab()->tapeModel(), m_window->tradingTab()->openOrdersModel(),
        m_window->tradingTab()->fillsModel(),  m_window->tradingTab()->historyModel()};
    for (QAbstractItemModel* model : models)
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestMainWindow::cleanupTestCase() {
    m_testers.clear();
    m_window.reset();
    m_session.reset();
}

QModelIndex TestMainWindow::findRow(const QAbstractItemModel* model, const QString& key) const {
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(KeyRole).toString() == key)
            return index;
    }
    return {};
}

Decimal TestMainWindow::portfolioQty(const QString& currency) const {
    const PortfolioModel* model = m_window->portfolioTab()->model();
    const QModelIndex row = findRow(model, currency);
    if (!row.isValid())
        return {};
    return model->index(row.row(), PortfolioModel::QtyColumn).data(DecimalRole).value<Decimal>();
}

Decimal TestMainWindow::lastPrice() const {
    return m_session->hub()->lastPrice(kMarket).value_or(Decimal());
}

Decimal TestMainWindow::tick(const Decimal& price) const {
    return m_session->hub()->market(kMarket)->rules.tickFor(price);
}

void TestMainWindow::type(const QString& editName, const QString& text) {
    auto* edit = find<QLineEdit>(editName);
    QVERIFY(edit->isVisible());
    QVERIFY(edit->isEnabled());
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestMainWindow::clickSubmit() {
    auto* submit = find<QPushButton>(QStringLiteral("submitButton"));
    QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), kTimeoutMs);
    QTest::mouseClick(submit, Qt::LeftButton);
}

void TestMainWindow::liveDataReachesEveryTab() {
    QTRY_VERIFY_WITH_TIMEOUT(m_window->missingLiveData().isEmpty(), kTimeoutMs);

    // Market list: the simulator's six markets, each with a live price.
    QAbstractItemModel* list = find<QTableView>(QStringLiteral("marketListView"))->model();
    QCOMPARE(list->rowCount(), 6);
    for (int row = 0; row < list->rowCount(); ++row) {
        QVERIFY(!list->index(row, MarketListModel::PriceColumn).data().toString().isEmpty());
        QVERIFY(
            list->index(row, MarketListModel::PriceColumn).data(DecimalRole).value<Decimal>().isPositive());
    }

    // Portfolio: the simulator's paper balances, valued in KRW.
    const PortfolioModel* portfolio = m_window->portfolioTab()->model();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(portfolio, QStringLiteral("BTC")).isValid(), kTimeoutMs);
    const QModelIndex krw = findRow(portfolio, QStringLiteral("KRW"));
    QVERIFY(krw.isValid());
    QCOMPARE(portfolio->index(krw.row(), PortfolioModel::ValueKrwColumn).data().toString(),
             QStringLiteral("10,000,000"));
    const QModelIndex btc = findRow(portfolio, QStringLiteral("BTC"));
    QVERIFY(portfolio->index(btc.row(), PortfolioModel::ValueKrwColumn)
                .data(DecimalRole)
                .value<Decimal>()
                .isPositive());
    QVERIFY(!portfolio->index(btc.row(), PortfolioModel::PnlColumn).data().toString().isEmpty());
    QVERIFY(find<QLabel>(QStringLiteral("totalValueKrw"))->text().endsWith(QStringLiteral(" KRW")));

    // Order book: 15+ levels a side, asks above bids.
    const OrderBookTab* book = m_window->orderBookTab();
    QTRY_VERIFY_WITH_TIMEOUT(book->askModel()->rowCount() >= 15 && book->bidModel()->rowCount() >= 15,
                             kTimeoutMs);
    const Decimal bestAsk = *book->askModel()->priceAt(book->askModel()->bestRow());
    const Decimal bestBid = *book->bidModel()->priceAt(book->bidModel()->bestRow());
    QVERIFY(bestAsk > bestBid);
    QVERIFY(*book->askModel()->priceAt(0) > bestAsk);
    QVERIFY(!find<QLabel>(QStringLiteral("bookSpread"))->text().isEmpty());
    QVERIFY(book->tapeModel()->rowCount() > 0);

    // Chart: history loaded.
    QVERIFY(!m_window->chartTab()->candles().isEmpty());

    // Status bar and title say where the data comes from.
    auto* status = m_window->findChild<VenueStatusWidget*>(QStringLiteral("venueStatus_sim"));
    QVERIFY(status);
    QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), connectionStateName(ConnectionState::Connected),
                              kTimeoutMs);
    QVERIFY(status->lastUpdateText().startsWith(QStringLiteral("Updated ")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Simulated")));
}

void TestMainWindow::selectingAMarketDrivesEveryTab() {
    auto* view = find<QTableView>(QStringLiteral("marketListView"));
    // Pick another market first, then KRW-BTC, by clicking rows.
    for (const QString& code : {QStringLiteral("KRW-ETH"), kMarket}) {
        const QModelIndex row = findRow(view->model(), code);
        QVERIFY(row.isValid());
        view->scrollTo(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
        QTRY_COMPARE(m_window->currentMarket(), code);
        QCOMPARE(m_window->chartTab()->market(), code);
        QCOMPARE(m_window->orderBookTab()->market(), code);
        QCOMPARE(m_window->ticket()->market(), code);
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
    TradingTab* trading = m_window->tradingTab();
    m_window->tabs()->setCurrentWidget(trading);
    const int openBefore = trading->openOrdersModel()->rowCount();

    const Decimal half = lastPrice().divide(Decimal(2), 0, Rounding::Down);
    const Decimal price = half.roundToStep(tick(half), Rounding::Down);
    type(QStringLiteral("priceEdit"), price.toString());
    type(QStringLiteral("qtyEdit"), QStringLiteral("0.001"));
    QCOMPARE(find<QLabel>(QStringLiteral("orderValueLabel"))->text().isEmpty(), false);
    clickSubmit();

    OpenOrdersModel* open = trading->openOrdersModel();
    QTRY_COMPARE_WITH_TIMEOUT(open->rowCount(), openBefore + 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        find<QLabel>(QStringLiteral("resultLabel"))->text().startsWith(QStringLiteral("Order accepted")),
        kTimeoutMs);
    int row = -1;
    for (int r = 0; r < open->rowCount(); ++r)
        if (open->index(r, open->columnOf(OrderField::Price)).data(DecimalRole).value<Decimal>() == price)
            row = r;
    QVERIFY(row >= 0);
    m_cancelledOrderId = open->orderIdAt(row);
    QCOMPARE(open->index(row, open->columnOf(OrderField::Status)).data().toString(), QStringLiteral("Open"));

    // Cancel through the row's button.
    auto* view = find<QTableView>(QStringLiteral("openOrdersView"));
    const QModelIndex action = open->index(row, open->columnOf(OrderField::Action));
    QCOMPARE(action.data(ButtonRole).toString(), QStringLiteral("Cancel"));
    view->scrollTo(action);
    const QPoint at = ButtonDelegate::buttonRect(view->visualRect(action)).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);

    QTRY_VERIFY_WITH_TIMEOUT(open->rowOfKey(m_cancelledOrderId) < 0, kTimeoutMs);
    OrderHistoryModel* history = trading->historyModel();
    QTRY_VERIFY_WITH_TIMEOUT(history->rowOfKey(m_cancelledOrderId) >= 0, kTimeoutMs);
    const int historyRow = history->rowOfKey(m_cancelledOrderId);
    QCOMPARE(history->index(historyRow, history->columnOf(OrderField::Status)).data().toString(),
             QStringLiteral("Cancelled"));
}

void TestMainWindow::marketableOrderFillsAndMovesThePortfolio() {
    const Decimal btcBefore = portfolioQty(QStringLiteral("BTC"));
    QVERIFY(btcBefore.isPositive());
    FillsModel* fills = m_window->tradingTab()->fillsModel();
    const int fillsBefore = fills->rowCount();

    find<QPushButton>(QStringLiteral("marketTypeButton"))->click();
    QVERIFY(!find<QLineEdit>(QStringLiteral("priceEdit"))->isEnabled());
    QVERIFY(!find<QLineEdit>(QStringLiteral("qtyEdit"))->isVisible());
    type(QStringLiteral("totalEdit"), QStringLiteral("100000"));
    clickSubmit();

    QTRY_VERIFY_WITH_TIMEOUT(fills->rowCount() > fillsBefore, kTimeoutMs);
    QCOMPARE(fills->index(0, FillsModel::MarketColumn).data().toString(), kMarket);
    QCOMPARE(fills->index(0, FillsModel::SideColumn).data().toString(), QStringLiteral("Buy"));
    QTRY_VERIFY_WITH_TIMEOUT(portfolioQty(QStringLiteral("BTC")) > btcBefore, kTimeoutMs);

    OrderHistoryModel* history = m_window->tradingTab()->historyModel();
    bool filled = false;
    for (int r = 0; r < history->rowCount(); ++r)
        filled = filled || history->index(r, history->columnOf(OrderField::Status)).data().toString() ==
                               QLatin1String("Filled");
    QTRY_VERIFY_WITH_TIMEOUT(
        filled ||
            [&] {
                for (int r = 0; r < history->rowCount(); ++r)
                    if (history->index(r, history->columnOf(OrderField::Status)).data().toString() ==
                        QLatin1String("Filled"))
                        return true;
                return false;
            }(),
        kTimeoutMs);
    find<QPushButton>(QStringLiteral("limitTypeButton"))->click();
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
    m_testers.clear();
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
