// The whole window on the simulator, offscreen: live data in every tab, then a paper limit order placed
// through the ticket's widgets, cancelled from the open orders table, and a marketable order that fills.

#include "main_window_driver.h"

#include "application/app_settings.h"
#include "chart/chart_tab.h"
#include "common/button_delegate.h"
#include "common/item_roles.h"
#include "common/message_label.h"
#include "format/decimal_format.h"
#include "format/market_format.h"
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
#include "trading/cancel_all_batch.h"
#include "trading/fills_model.h"
#include "trading/order_confirm_dialog.h"
#include "trading/order_table_model.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"
#include "trading/trading_tab.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
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
    void tradingColumnsFitTheirNumbers();
    void clickingABookLevelSetsTheTicketPrice();
    void colourConventionFromTheViewMenu();
    void marketSearchFindsKoreanInitials();
    void confirmationShowsTheOrderBeforeSending();
    void enterTwiceSendsOneOrder();
    void ticketStatusFollowsTheOrder();
    void validationMessagesNeverMoveTheInputs();
    void cancelAllForTheMarketReportsWhatTheVenueConfirmed();
    void settingsSurviveARestart();

private:
    template <class T> T* find(const QString& name) const { return m_driver->find<T>(name); }
    QModelIndex findRow(const QAbstractItemModel* model, const QString& key) const {
        return test::MainWindowDriver::findRow(model, key);
    }
    Decimal lastPrice() const { return m_driver->lastPrice(); }
    Decimal tick(const Decimal& price) const { return m_driver->tick(price); }
    void type(const QString& editName, const QString& text) { m_driver->type(editName, text); }
    QVector<Order> venueOpenOrders(const QString& market);
    void cancelOpenOrders();
    void prepareLimitBuy(const Decimal& price, const QString& qty);

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

    // The simulator's six coin markets and three stocks, and its paper balances.
    m_window->tabs()->setCurrentWidget(m_window->portfolioTab());
    QCOMPARE(find<QTableView>(QStringLiteral("marketListView"))->model()->rowCount(), 9);
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
    m_window->tabs()->setCurrentWidget(m_window->orderBookTab());
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

void TestMainWindow::tradingColumnsFitTheirNumbers() {
    // At the default window size no KRW figure is elided ("2,498,750 K…").
    m_window->tabs()->setCurrentWidget(m_window->tradingTab());
    QCoreApplication::processEvents();
    for (const char* name : {"openOrdersView", "fillsView", "orderHistoryView"}) {
        auto* table = find<QTableView>(QString::fromLatin1(name));
        const QAbstractItemView* view = table;
        QAbstractItemModel* model = view->model();
        QHeaderView* header = table->horizontalHeader();
        for (int c = 0; c < model->columnCount(); ++c) {
            if (header->sectionResizeMode(c) == QHeaderView::Fixed)
                continue; // the Cancel button's column
            const int needed = std::max(view->sizeHintForColumn(c), header->sectionSizeHint(c));
            QVERIFY2(header->sectionSize(c) >= needed,
                     qPrintable(QStringLiteral("%1 column %2 (%3): %4 < %5")
                                    .arg(QLatin1String(name))
                                    .arg(c)
                                    .arg(model->headerData(c, Qt::Horizontal).toString())
                                    .arg(header->sectionSize(c))
                                    .arg(needed)));
        }
    }
    QVERIFY(m_window->tradingTab()->historyModel()->rowCount() > 0);
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

// --- the ticket never surprises, cancel all, search -------------------------------------------------

QVector<Order> TestMainWindow::venueOpenOrders(const QString& market) {
    // Asked of the venue itself, not of the window's account state: what really reached it.
    QFuture<Result<QVector<Order>>> future = m_session->connector()->fetchOpenOrders(market);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kTimeoutMs);
    }();
    if (QTest::currentTestFailed() || !future.result())
        return {};
    return future.result().value();
}

void TestMainWindow::cancelOpenOrders() {
    for (const Order& o : m_session->trading()->openOrders())
        m_session->trading()->cancel(o.id);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->trading()->openOrders().isEmpty(), kTimeoutMs);
}

void TestMainWindow::prepareLimitBuy(const Decimal& price, const QString& qty) {
    m_window->setCurrentMarket(kMarket);
    find<QPushButton>(QStringLiteral("buySideButton"))->click();
    find<QPushButton>(QStringLiteral("limitTypeButton"))->click();
    type(QStringLiteral("priceEdit"), price.toString());
    type(QStringLiteral("qtyEdit"), qty);
}

void TestMainWindow::marketSearchFindsKoreanInitials() {
    auto* search = find<QLineEdit>(QStringLiteral("marketSearchEdit"));
    QAbstractItemModel* list = find<QTableView>(QStringLiteral("marketListView"))->model();
    const auto shown = [list] {
        QStringList codes;
        for (int row = 0; row < list->rowCount(); ++row)
            codes << list->index(row, 0).data(KeyRole).toString();
        codes.sort();
        return codes;
    };
    const QList<std::pair<QString, QStringList>> cases{
        {QStringLiteral("ㅂㅌ"), {QStringLiteral("BTCUSDT"), QStringLiteral("KRW-BTC")}},
        {QStringLiteral("ㅇㄷ"), {QStringLiteral("ETHUSDT"), QStringLiteral("KRW-ETH")}},
        {QStringLiteral("ㄹㅍ"), {QStringLiteral("KRW-XRP")}},
        {QStringLiteral("테더"), {QStringLiteral("KRW-USDT")}},
        {QStringLiteral("eThErEuM"), {QStringLiteral("ETHUSDT"), QStringLiteral("KRW-ETH")}},
        {QStringLiteral("krw-xrp"), {QStringLiteral("KRW-XRP")}},
        {QStringLiteral("ㅅㅅㅈㅈ"), {QStringLiteral("005930")}}, // 삼성전자, a simulated stock
        {QStringLiteral("ㅎㅎ"), {}},
    };
    for (const auto& [query, expected] : cases) {
        search->clear();
        // Typed through the input method, as a Korean keyboard delivers it (QTest::keyClicks is Latin-1).
        for (QChar c : query) {
            QInputMethodEvent commit;
            commit.setCommitString(QString(c));
            QApplication::sendEvent(search, &commit);
        }
        QCOMPARE(search->text(), query);
        QCOMPARE(shown(), expected);
    }
    search->clear();
    QCOMPARE(list->rowCount(), 9);
}

void TestMainWindow::confirmationShowsTheOrderBeforeSending() {
    OrderTicket* ticket = m_window->ticket();
    QVERIFY(m_session->isSimulated());
    // The simulator asks too unless the profile turned it off.
    QVERIFY(m_settings->confirmPaperOrders());
    QVERIFY(ticket->confirmsOrders());
    const Decimal price = m_driver->restingBuyPrice();
    prepareLimitBuy(price, QStringLiteral("0.001"));
    if (QTest::currentTestFailed())
        return;
    QSignalSpy submitted(ticket, &OrderTicket::orderSubmitted);
    QSignalSpy accepted(m_session->trading(), &TradingSession::orderAccepted);

    QTest::mouseClick(find<QPushButton>(QStringLiteral("submitButton")), Qt::LeftButton);
    OrderConfirmDialog* dialog = ticket->confirmDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->objectName(), QStringLiteral("orderConfirmDialog"));
    QVERIFY(dialog->isModal());
    QCOMPARE(submitted.count(), 0); // nothing leaves before the answer
    QVERIFY(!find<QPushButton>(QStringLiteral("submitButton"))->isEnabled());

    const auto value = [dialog](const char* name) {
        auto* label = dialog->findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(name));
    };
    const MarketFormat format(m_session->hub()->market(kMarket));
    QCOMPARE(value("confirmSideValue"), QStringLiteral("Buy"));
    QCOMPARE(value("confirmMarketValue"), QStringLiteral("KRW-BTC · Bitcoin"));
    QCOMPARE(value("confirmVenueValue"), m_session->displayName());
    QCOMPARE(value("confirmTypeValue"), QStringLiteral("Limit · GTC (until cancelled)"));
    QCOMPARE(value("confirmPriceValue"), format.price(price) + QStringLiteral(" KRW"));
    QCOMPARE(value("confirmQtyValue"), QStringLiteral("0.001 BTC"));
    QCOMPARE(value("confirmTotalValue"), find<QLabel>(QStringLiteral("orderValueLabel"))->text());
    QCOMPARE(value("confirmTotalValue"),
             format.quoteAmount(price * Decimal::fromString("0.001")) + QStringLiteral(" KRW"));
    QCOMPARE(value("confirmFeeValue"),
             find<QLabel>(QStringLiteral("estimatedFeeLabel"))->text() + QStringLiteral(" (0.05%)"));
    QCOMPARE(value("confirmNetValue"), find<QLabel>(QStringLiteral("estimatedTotalLabel"))->text());
    QVERIFY(value("confirmNoteLabel").startsWith(QStringLiteral("Paper order")));
    QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Buy BTC"));
    QVERIFY(dialog->confirmButton()->isDefault());

    // Cancel: nothing is sent, and the ticket says so.
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QVERIFY(!ticket->confirmDialog());
    QCOMPARE(submitted.count(), 0);
    QCOMPARE(ticket->statusText(), QStringLiteral("Order not sent."));
    QVERIFY(find<QPushButton>(QStringLiteral("submitButton"))->isEnabled());

    // "Don't ask again for simulated orders": sent once confirmed, and remembered in the profile.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("submitButton")), Qt::LeftButton);
    dialog = ticket->confirmDialog();
    QVERIFY(dialog);
    auto* skip = dialog->findChild<QCheckBox*>(QStringLiteral("skipPaperConfirmCheck"));
    QVERIFY(skip);
    skip->setChecked(true);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    QVERIFY(!ticket->confirmsOrders());
    QVERIFY(!m_settings->confirmPaperOrders());
    auto* action = m_window->findChild<QAction*>(QStringLiteral("confirmPaperOrdersAction"));
    QVERIFY(action && !action->isChecked() && action->isEnabled());

    // Now a new order goes at once.
    QTRY_VERIFY_WITH_TIMEOUT(ticket->statusText().startsWith(QStringLiteral("Order accepted")), kTimeoutMs);
    type(QStringLiteral("qtyEdit"), QStringLiteral("0.002"));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("submitButton")), Qt::LeftButton);
    QVERIFY(!ticket->confirmDialog());
    QCOMPARE(submitted.count(), 2);

    // The Orders menu turns the question back on.
    action->trigger();
    QVERIFY(action->isChecked());
    QVERIFY(ticket->confirmsOrders());
    QVERIFY(m_settings->confirmPaperOrders());
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 2, kTimeoutMs);
    cancelOpenOrders();
}

void TestMainWindow::enterTwiceSendsOneOrder() {
    OrderTicket* ticket = m_window->ticket();
    QVERIFY(ticket->confirmsOrders());
    // A price of its own, so the venue's open orders tell exactly how many of these arrived.
    const Decimal price = m_driver->restingBuyPrice() - tick(m_driver->restingBuyPrice()) * Decimal(3);
    prepareLimitBuy(price, QStringLiteral("0.001"));
    if (QTest::currentTestFailed())
        return;
    auto* qty = find<QLineEdit>(QStringLiteral("qtyEdit"));
    auto* submit = find<QPushButton>(QStringLiteral("submitButton"));
    QSignalSpy accepted(m_session->trading(), &TradingSession::orderAccepted);
    QSignalSpy submitted(ticket, &OrderTicket::orderSubmitted);
    const auto atPrice = [&](const Decimal& qtyWanted) {
        int n = 0;
        for (const Order& o : venueOpenOrders(kMarket))
            if (o.price == price && o.qty == qtyWanted)
                ++n;
        return n;
    };

    // With the confirmation: the first Enter asks, the second (still on the ticket) asks nothing more.
    QTest::keyClick(qty, Qt::Key_Return);
    QPointer<OrderConfirmDialog> dialog = ticket->confirmDialog();
    QVERIFY(dialog);
    QTest::keyClick(qty, Qt::Key_Return);
    QCOMPARE(ticket->confirmDialog(), dialog.data());
    int questions = 0;
    for (OrderConfirmDialog* d : ticket->findChildren<OrderConfirmDialog*>())
        questions += d->isVisible() ? 1 : 0;
    QCOMPARE(questions, 1);
    // Enter in the question confirms; a held-down Enter's repeat would not.
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(!ticket->confirmDialog());
    QCOMPARE(submitted.count(), 1);
    // In flight, then accepted: further Enters send nothing while the values stay the same.
    QTest::keyClick(qty, Qt::Key_Return);
    QVERIFY(!ticket->confirmDialog());
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kTimeoutMs);
    QTest::keyClick(qty, Qt::Key_Return);
    QTest::keyClick(qty, Qt::Key_Return);
    QVERIFY(!ticket->confirmDialog());
    QVERIFY(!submit->isEnabled());
    QVERIFY(submit->toolTip().contains(QStringLiteral("just sent")));
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(atPrice(Decimal::fromString("0.001")), 1);

    // Without the confirmation (a paper profile's choice): two quick Enters, one order.
    ticket->setConfirmPaperOrders(false);
    type(QStringLiteral("qtyEdit"), QStringLiteral("0.002"));
    QVERIFY(submit->isEnabled()); // the values changed
    QTest::keyClick(qty, Qt::Key_Return);
    QTest::keyClick(qty, Qt::Key_Return);
    QVERIFY(!ticket->confirmDialog());
    QCOMPARE(submitted.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 2, kTimeoutMs);
    QTest::keyClick(qty, Qt::Key_Return);
    QCOMPARE(submitted.count(), 2);
    QCOMPARE(atPrice(Decimal::fromString("0.002")), 1);
    QCOMPARE(atPrice(Decimal::fromString("0.001")), 1);
    ticket->setConfirmPaperOrders(true);
    cancelOpenOrders();
}

void TestMainWindow::ticketStatusFollowsTheOrder() {
    OrderTicket* ticket = m_window->ticket();
    const Decimal price = m_driver->restingBuyPrice() - tick(m_driver->restingBuyPrice());
    prepareLimitBuy(price, QStringLiteral("0.001"));
    if (QTest::currentTestFailed())
        return;
    QSignalSpy submitted(ticket, &OrderTicket::orderSubmitted);
    m_driver->clickSubmit();
    if (QTest::currentTestFailed())
        return;
    const MarketFormat format(m_session->hub()->market(kMarket));
    const QString what = QStringLiteral("Buy 0.001 BTC at %1 KRW").arg(format.price(price));
    QTRY_COMPARE_WITH_TIMEOUT(ticket->statusText(), QStringLiteral("Order accepted: %1 (open).").arg(what),
                              kTimeoutMs);

    // Cancelled from the open orders table: the ticket no longer says "open".
    QString id;
    for (const Order& o : m_session->trading()->openOrders())
        if (o.price == price)
            id = o.id;
    QVERIFY(!id.isEmpty());
    m_window->tradingTab()->cancelOrder(id);
    QTRY_COMPARE_WITH_TIMEOUT(ticket->statusText(), QStringLiteral("Order cancelled: %1.").arg(what),
                              kTimeoutMs);

    // A market buy fills: the ticket says so with what was bought.
    find<QPushButton>(QStringLiteral("marketTypeButton"))->click();
    type(QStringLiteral("totalEdit"), QStringLiteral("100000"));
    m_driver->clickSubmit();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY2_WITH_TIMEOUT(
        ticket->statusText().startsWith(QStringLiteral("Order filled: Buy KRW-BTC at market — ")),
        qPrintable(ticket->statusText()), kTimeoutMs);
    QVERIFY(ticket->statusText().endsWith(QStringLiteral(" KRW on average.")));
    // Switching market clears a status that was about another market's order.
    m_window->setCurrentMarket(QStringLiteral("KRW-ETH"));
    QCOMPARE(ticket->statusText(), QString());
    m_window->setCurrentMarket(kMarket);
    find<QPushButton>(QStringLiteral("limitTypeButton"))->click();
}

void TestMainWindow::validationMessagesNeverMoveTheInputs() {
    OrderTicket* ticket = m_window->ticket();
    const Decimal onTick = m_driver->restingBuyPrice();
    prepareLimitBuy(onTick, QStringLiteral("0.001"));
    if (QTest::currentTestFailed())
        return;
    auto* price = find<QLineEdit>(QStringLiteral("priceEdit"));
    auto* qty = find<QLineEdit>(QStringLiteral("qtyEdit"));
    auto* submit = find<QPushButton>(QStringLiteral("submitButton"));
    auto* priceError = find<MessageLabel>(QStringLiteral("priceErrorLabel"));
    auto* qtyError = find<MessageLabel>(QStringLiteral("qtyErrorLabel"));
    // Pending layout requests are handled now, as the event loop would before the next click.
    const auto settle = [] {
        for (int i = 0; i < 4; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    };
    const auto geometry = [ticket](QWidget* w) {
        return QRect(w->mapTo(ticket, QPoint(0, 0)), w->size());
    };
    settle();
    QVERIFY(!priceError->isVisible() && !qtyError->isVisible());
    const QRect priceBefore = geometry(price);
    const QRect qtyBefore = geometry(qty);
    const QRect submitBefore = geometry(submit);
    const int ticketHeight = ticket->sizeHint().height();

    // A price off the tick grid: the message shows under the price, the quantity stays where it was.
    type(QStringLiteral("priceEdit"), (onTick + Decimal(1)).toString());
    settle();
    QVERIFY(priceError->isVisible());
    QVERIFY(!priceError->text().isEmpty());
    QCOMPARE(geometry(price), priceBefore);
    QCOMPARE(geometry(qty), qtyBefore);
    QCOMPARE(geometry(submit), submitBefore);

    // A long message on both fields: elided within the reserved lines, whole in the tooltip.
    const QString junk = QStringLiteral("1234567890").repeated(12) + QLatin1Char('x'); // over two lines
    type(QStringLiteral("priceEdit"), junk);
    type(QStringLiteral("qtyEdit"), QStringLiteral("0.001abc"));
    settle();
    QVERIFY(priceError->isVisible() && qtyError->isVisible());
    QVERIFY(priceError->text().contains(junk));
    QCOMPARE(priceError->toolTip(), priceError->text());
    QCOMPARE(priceError->paintedLines().size(), 2);
    QVERIFY2(priceError->paintedLines().constLast().endsWith(QStringLiteral("…")),
             qPrintable(priceError->paintedLines().join(QLatin1Char('|'))));
    QCOMPARE(geometry(price), priceBefore);
    QCOMPARE(geometry(qty), qtyBefore);
    QCOMPARE(geometry(submit), submitBefore);
    QCOMPARE(ticket->sizeHint().height(), ticketHeight);

    // Valid again: messages gone, nothing moved back either.
    type(QStringLiteral("priceEdit"), onTick.toString());
    type(QStringLiteral("qtyEdit"), QStringLiteral("0.001"));
    settle();
    QVERIFY(!priceError->isVisible() && !qtyError->isVisible());
    QCOMPARE(geometry(price), priceBefore);
    QCOMPARE(geometry(qty), qtyBefore);
    QVERIFY(submit->isEnabled());
}

void TestMainWindow::cancelAllForTheMarketReportsWhatTheVenueConfirmed() {
    TradingTab* tab = m_window->tradingTab();
    m_window->tabs()->setCurrentWidget(tab);
    m_window->setCurrentMarket(kMarket);
    cancelOpenOrders();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(tab->market(), kMarket);

    // Three resting buys in KRW-BTC and one in KRW-ETH.
    const Decimal base = m_driver->restingBuyPrice();
    QStringList btcClientIds;
    for (int i = 0; i < 3; ++i) {
        OrderRequest r;
        r.market = kMarket;
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.price = base - tick(base) * Decimal(i + 1);
        r.qty = Decimal::fromString("0.001");
        btcClientIds << m_session->trading()->submit(r);
    }
    const QString eth = QStringLiteral("KRW-ETH");
    const Decimal ethLast = m_session->hub()->lastPrice(eth).value_or(Decimal());
    QVERIFY(ethLast.isPositive());
    OrderRequest r;
    r.market = eth;
    r.side = Side::Buy;
    r.type = OrderType::Limit;
    const Decimal ethHalf = ethLast.divide(Decimal(2), 0, Rounding::Down);
    r.price = ethHalf.roundToStep(m_session->hub()->market(eth)->rules.tickFor(ethHalf), Rounding::Down);
    r.qty = Decimal::fromString("0.01");
    QVERIFY(!m_session->trading()->submit(r).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(tab->openOrderCount(kMarket), 3, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(tab->openOrderCount(eth), 1, kTimeoutMs);
    QStringList btcIds;
    for (const Order& o : m_session->trading()->openOrders())
        if (o.market == kMarket)
            btcIds << o.id;

    auto* cancelMarket = find<QPushButton>(QStringLiteral("cancelMarketOrdersButton"));
    QTRY_VERIFY_WITH_TIMEOUT(cancelMarket->isEnabled(), kTimeoutMs);
    QCOMPARE(cancelMarket->text(), QStringLiteral("Cancel all in KRW-BTC"));

    // The question says how many; "Keep them" keeps them.
    QTest::mouseClick(cancelMarket, Qt::LeftButton);
    QPointer<QMessageBox> question = tab->cancelAllQuestion();
    QVERIFY(question);
    QTRY_VERIFY(question->isVisible());
    QCOMPARE(question->objectName(), QStringLiteral("cancelAllConfirmDialog"));
    QCOMPARE(question->text(), QStringLiteral("Cancel all 3 open orders in KRW-BTC?"));
    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("keepOrdersButton")), Qt::LeftButton);
    QTRY_VERIFY(!question);
    QCOMPARE(tab->openOrderCount(kMarket), 3);

    // Confirmed: a cancel for each, counted as the venue confirms them.
    QTest::mouseClick(cancelMarket, Qt::LeftButton);
    question = tab->cancelAllQuestion();
    QVERIFY(question);
    auto* confirm = question->findChild<QPushButton*>(QStringLiteral("confirmCancelAllButton"));
    QVERIFY(confirm);
    QCOMPARE(confirm->text(), QStringLiteral("Cancel 3 orders"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    auto* result = find<QLabel>(QStringLiteral("cancelAllResultLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("3 of 3 orders cancelled."), kTimeoutMs);
    QVERIFY(tab->cancelAllBatch()->isFinished());
    QCOMPARE(tab->cancelAllBatch()->outcome().cancelled, 3);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("3 of 3 orders cancelled."));
    const QVector<Order> history = m_session->trading()->orderHistory();
    for (const QString& id : std::as_const(btcIds)) {
        const auto it =
            std::find_if(history.cbegin(), history.cend(), [&](const Order& o) { return o.id == id; });
        QVERIFY2(it != history.cend(), qPrintable(id));
        QCOMPARE(it->state, OrderState::Cancelled);
    }
    QCOMPARE(venueOpenOrders(kMarket).size(), 0);
    // The other market's order was not touched.
    QCOMPARE(tab->openOrderCount(eth), 1);
    QCOMPARE(venueOpenOrders(eth).size(), 1);

    // Cancel all, every market: the one left.
    auto* cancelEverything = find<QPushButton>(QStringLiteral("cancelAllOrdersButton"));
    QTRY_VERIFY_WITH_TIMEOUT(cancelEverything->isEnabled(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!cancelMarket->isEnabled(), kTimeoutMs);
    QTest::mouseClick(cancelEverything, Qt::LeftButton);
    question = tab->cancelAllQuestion();
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("Cancel the 1 open order?"));
    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("confirmCancelAllButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("1 of 1 order cancelled."), kTimeoutMs);
    QCOMPARE(venueOpenOrders(QString()).size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!cancelEverything->isEnabled(), kTimeoutMs);
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
