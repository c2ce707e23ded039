#include "main_window_driver.h"

#include "chart/chart_tab.h"
#include "common/button_delegate.h"
#include "common/item_roles.h"
#include "mainwindow/main_window.h"
#include "mainwindow/venue_status_widget.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_key.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "orderbook/order_book_side_model.h"
#include "orderbook/order_book_tab.h"
#include "orderbook/trade_tape_model.h"
#include "portfolio/portfolio_model.h"
#include "portfolio/portfolio_tab.h"
#include "session/venue_session.h"
#include "trading/fills_model.h"
#include "trading/order_confirm_dialog.h"
#include "trading/order_table_model.h"
#include "trading/order_ticket.h"
#include "trading/trading_tab.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace hoga::test {

MainWindowDriver::MainWindowDriver(MainWindow* window, VenueSession* session, QString market)
    : m_window(window)
    , m_session(session)
    , m_market(std::move(market))
    , m_base(m_market.section(QLatin1Char('-'), 1)) {}

void MainWindowDriver::attachModelTesters() {
    const QList<QAbstractItemModel*> models{
        m_window->marketList()->model(),       find<QTableView>(QStringLiteral("marketListView"))->model(),
        m_window->portfolioTab()->model(),     find<QTableView>(QStringLiteral("portfolioView"))->model(),
        m_window->orderBookTab()->askModel(),  m_window->orderBookTab()->bidModel(),
        m_window->orderBookTab()->tapeModel(), m_window->tradingTab()->openOrdersModel(),
        m_window->tradingTab()->fillsModel(),  m_window->tradingTab()->historyModel()};
    for (QAbstractItemModel* model : models)
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

QModelIndex MainWindowDriver::findRow(const QAbstractItemModel* model, const QString& key) {
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(KeyRole).toString() == key)
            return index;
    }
    return {};
}

void MainWindowDriver::showTab(QWidget* tab) const {
    m_window->showTab(tab); // a venue's tab may sit in its venue stack
}

Decimal MainWindowDriver::portfolioQty(const QString& currency) const {
    showTab(m_window->portfolioTab());
    const PortfolioModel* model = m_window->portfolioTab()->model();
    const QModelIndex row = findRow(model, currency);
    if (!row.isValid())
        return {};
    return model->index(row.row(), PortfolioModel::QtyColumn).data(DecimalRole).value<Decimal>();
}

Decimal MainWindowDriver::lastPrice() const {
    return m_session->hub()->lastPrice(m_market).value_or(Decimal());
}

Decimal MainWindowDriver::tick(const Decimal& price) const {
    return m_session->hub()->market(m_market)->rules.tickFor(price);
}

Decimal MainWindowDriver::restingBuyPrice() const {
    const Decimal half = lastPrice().divide(Decimal(2), 0, Rounding::Down);
    return half.roundToStep(tick(half), Rounding::Down);
}

void MainWindowDriver::type(const QString& editName, const QString& text) {
    auto* edit = find<QLineEdit>(editName);
    QVERIFY(edit->isVisible());
    QVERIFY(edit->isEnabled());
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void MainWindowDriver::clickSubmit() {
    auto* submit = find<QPushButton>(QStringLiteral("submitButton"));
    QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), kTimeoutMs);
    QTest::mouseClick(submit, Qt::LeftButton);
    if (m_window->ticket()->confirmsOrders())
        confirmOrder();
}

void MainWindowDriver::confirmOrder() {
    OrderConfirmDialog* dialog = m_window->ticket()->confirmDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("orderConfirmDialog"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), kTimeoutMs);
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmOrderButton"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(!m_window->ticket()->confirmDialog());
}

void MainWindowDriver::selectMarketByClicking(const QString& key) {
    auto* view = find<QTableView>(QStringLiteral("marketListView"));
    // The name cell: a click on the star column stars the market instead of selecting it.
    const QModelIndex row = findRow(view->model(), key).siblingAtColumn(MarketListModel::MarketColumn);
    const QString code = codeOfKey(key);
    QVERIFY(row.isValid());
    view->scrollTo(row);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
    QTRY_COMPARE(m_window->currentMarket(), code);
    QCOMPARE(m_window->chartTab()->market(), code);
    QCOMPARE(m_window->orderBookTab()->market(), code);
    QCOMPARE(m_window->ticket()->market(), code);
}

void MainWindowDriver::verifyLiveDataInEveryTab(int minBookLevels) {
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->missingLiveData().isEmpty(),
                              qPrintable(m_window->missingLiveData().join(QStringLiteral(", "))), kTimeoutMs);

    // Market list: every market with a live price.
    QAbstractItemModel* list = find<QTableView>(QStringLiteral("marketListView"))->model();
    QVERIFY(list->rowCount() > 0);
    for (int row = 0; row < list->rowCount(); ++row) {
        QVERIFY(!list->index(row, MarketListModel::PriceColumn).data().toString().isEmpty());
        QVERIFY(
            list->index(row, MarketListModel::PriceColumn).data(DecimalRole).value<Decimal>().isPositive());
    }

    // Portfolio: the account's balances, valued in KRW.
    showTab(m_window->portfolioTab());
    const PortfolioModel* portfolio = m_window->portfolioTab()->model();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(portfolio, m_base).isValid(), kTimeoutMs);
    QVERIFY(findRow(portfolio, QStringLiteral("KRW")).isValid());
    const QModelIndex base = findRow(portfolio, m_base);
    QTRY_VERIFY_WITH_TIMEOUT(portfolio->index(base.row(), PortfolioModel::ValueKrwColumn)
                                 .data(DecimalRole)
                                 .value<Decimal>()
                                 .isPositive(),
                             kTimeoutMs);
    QVERIFY(find<QLabel>(QStringLiteral("totalValueKrw"))->text().endsWith(QStringLiteral(" KRW")));

    // Order book: enough levels a side, asks above bids.
    OrderBookTab* book = m_window->orderBookTab();
    showTab(book);
    QTRY_VERIFY_WITH_TIMEOUT(book->askModel()->rowCount() >= minBookLevels &&
                                 book->bidModel()->rowCount() >= minBookLevels,
                             kTimeoutMs);
    const Decimal bestAsk = *book->askModel()->priceAt(book->askModel()->bestRow());
    const Decimal bestBid = *book->bidModel()->priceAt(book->bidModel()->bestRow());
    QVERIFY(bestAsk > bestBid);
    QVERIFY(*book->askModel()->priceAt(0) > bestAsk);
    QVERIFY(!find<QLabel>(QStringLiteral("bookSpread"))->text().isEmpty());
    QVERIFY(book->tapeModel()->rowCount() > 0);

    // Chart: history loaded.
    QVERIFY(!m_window->chartTab()->candles().isEmpty());

    // Status bar and title say where the data comes from; only the simulator is called simulated.
    auto* status =
        m_window->findChild<VenueStatusWidget*>(QStringLiteral("venueStatus_%1").arg(m_session->venueId()));
    QVERIFY(status);
    QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), connectionStateName(ConnectionState::Connected),
                              kTimeoutMs);
    QVERIFY(status->lastUpdateText().startsWith(QStringLiteral("Updated ")));
    QVERIFY(status->staleText().isEmpty());
    QVERIFY(m_window->windowTitle().contains(m_session->displayName()));
    QCOMPARE(m_window->windowTitle().contains(QStringLiteral("Simulated")), m_session->isSimulated());
}

MainWindowDriver::PlacedOrder MainWindowDriver::placeLimitBuyAndCancel() {
    TradingTab* trading = m_window->tradingTab();
    showTab(trading);
    const int openBefore = trading->openOrdersModel()->rowCount();

    find<QPushButton>(QStringLiteral("buySideButton"))->click();
    find<QPushButton>(QStringLiteral("limitTypeButton"))->click();
    const Decimal price = restingBuyPrice();
    type(QStringLiteral("priceEdit"), price.toString());
    type(QStringLiteral("qtyEdit"), QStringLiteral("0.001"));
    if (QTest::currentTestFailed())
        return {};
    [&] {
        QVERIFY(!find<QLabel>(QStringLiteral("orderValueLabel"))->text().isEmpty());
    }();
    clickSubmit();
    if (QTest::currentTestFailed())
        return {};

    OpenOrdersModel* open = trading->openOrdersModel();
    QString orderId;
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(open->rowCount(), openBefore + 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            find<QLabel>(QStringLiteral("resultLabel"))->text().startsWith(QStringLiteral("Order accepted")),
            kTimeoutMs);
        int row = -1;
        for (int r = 0; r < open->rowCount(); ++r)
            if (open->index(r, open->columnOf(OrderField::Price)).data(DecimalRole).value<Decimal>() == price)
                row = r;
        QVERIFY(row >= 0);
        orderId = open->orderIdAt(row);
        QCOMPARE(open->index(row, open->columnOf(OrderField::Status)).data().toString(),
                 QStringLiteral("Open"));

        // Cancel through the row's button.
        auto* view = find<QTableView>(QStringLiteral("openOrdersView"));
        const QModelIndex action = open->index(row, open->columnOf(OrderField::Action));
        QCOMPARE(action.data(ButtonRole).toString(), QStringLiteral("Cancel"));
        view->scrollTo(action);
        const QPoint at = ButtonDelegate::buttonRect(view->visualRect(action)).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);

        QTRY_VERIFY_WITH_TIMEOUT(open->rowOfKey(orderId) < 0, kTimeoutMs);
        OrderHistoryModel* history = trading->historyModel();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowOfKey(orderId) >= 0, kTimeoutMs);
        const int historyRow = history->rowOfKey(orderId);
        QCOMPARE(history->index(historyRow, history->columnOf(OrderField::Status)).data().toString(),
                 QStringLiteral("Cancelled"));
    }();
    return {orderId, price};
}

void MainWindowDriver::marketBuyFillsAndMovesPortfolio(const QString& total) {
    const Decimal baseBefore = portfolioQty(m_base);
    showTab(m_window->tradingTab());
    FillsModel* fills = m_window->tradingTab()->fillsModel();
    const int fillsBefore = fills->rowCount();
    OrderHistoryModel* history = m_window->tradingTab()->historyModel();
    QSet<QString> historyBefore;
    for (int r = 0; r < history->rowCount(); ++r)
        historyBefore.insert(history->orderIdAt(r));

    find<QPushButton>(QStringLiteral("buySideButton"))->click();
    find<QPushButton>(QStringLiteral("marketTypeButton"))->click();
    QVERIFY(!find<QLineEdit>(QStringLiteral("priceEdit"))->isEnabled());
    QVERIFY(!find<QLineEdit>(QStringLiteral("qtyEdit"))->isVisible());
    type(QStringLiteral("totalEdit"), total);
    if (QTest::currentTestFailed())
        return;
    clickSubmit();
    if (QTest::currentTestFailed())
        return;

    QTRY_VERIFY_WITH_TIMEOUT(fills->rowCount() > fillsBefore, kTimeoutMs);
    QCOMPARE(fills->index(0, FillsModel::MarketColumn).data().toString(), m_market);
    QCOMPARE(fills->index(0, FillsModel::SideColumn).data().toString(), QStringLiteral("Buy"));

    // The order ends in the history with what it bought.
    const auto newFilledOrder = [&] {
        for (int r = 0; r < history->rowCount(); ++r)
            if (!historyBefore.contains(history->orderIdAt(r)) &&
                history->index(r, history->columnOf(OrderField::Filled))
                    .data(DecimalRole)
                    .value<Decimal>()
                    .isPositive())
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(newFilledOrder(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(portfolioQty(m_base) > baseBefore, kTimeoutMs);
    find<QPushButton>(QStringLiteral("limitTypeButton"))->click();
}

} // namespace hoga::test
