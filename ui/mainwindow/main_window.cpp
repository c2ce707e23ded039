#include "main_window.h"

#include "alerts/price_alert_editor.h"
#include "alerts/price_alerts_widget.h"
#include "notify/profile_notifications.h"
#include "research/backtest_tab.h"
#include "research/record_place.h"
#include "security/api_key_ring.h"
#include "security/profile_paths.h"
#include "trading/account_limits_dialog.h"
#include "tray/tray_controller.h"
#include <QDialog>
#include <QDialogButtonBox>
#include <QScrollArea>
#include <QVBoxLayout>

#include "application/app_settings.h"
#include "application/idle_detector.h"
#include "bots/bots_tab.h"
#include "bots/emergency_stop.h"
#include "chart/chart_tab.h"
#include "keys/venue_keys_dialog.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_header.h"
#include "markets/market_key.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "markets/watchlist.h"
#include "notice_banner.h"
#include "orderbook/order_book_side_model.h"
#include "orderbook/order_book_tab.h"
#include "orderbook/trade_tape_model.h"
#include "portfolio/portfolio_history_chart.h"
#include "portfolio/portfolio_model.h"
#include "portfolio/portfolio_recorder.h"
#include "portfolio/portfolio_tab.h"
#include "profiles/login_dialog.h"
#include "profiles/profile_credential_provider.h"
#include "security/profile_manager.h"
#include "session/market_load_retry.h"
#include "session/profile_engine.h"
#include "session/stream_focus.h"
#include "session/venue_session.h"
#include "storage/portfolio_history.h"
#include "storage/profile_database.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"
#include "trading/trading_tab.h"
#include "tray/tray_controller.h"
#include "venue_status_widget.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

MainWindow::MainWindow(AppSettings* settings, QList<VenueSession*> sessions, UiLanguage language,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_sessions(std::move(sessions))
    , m_session(m_sessions.value(0))
    , m_language(effectiveLanguage(language))
    , m_convention(settings->colorConvention().value_or(
          m_language == UiLanguage::Korean ? ColorConvention::Korean : ColorConvention::International)) {
    Q_ASSERT(m_session);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hoga.svg")));
    m_streamFocus = new StreamFocus(m_sessions, this);

    buildCentralArea();
    buildMenus();
    buildStatusBar();
    updateUnreachable(); // a session may have failed before this window existed
    setColorConvention(m_convention);
    restoreSettings();
    // The list may have picked a market before we listened (a session whose markets were already loaded).
    // Only after restoreSettings(): taking it earlier would overwrite the saved market before it is read.
    if (m_market.isEmpty() && !m_marketList->currentMarket().isEmpty())
        setCurrentMarket(m_marketList->currentMarket());
    updateTitle();

    for (VenueSession* s : m_sessions)
        if (!s->isStarted())
            s->start();
}

MainWindow::~MainWindow() {
    delete m_backtest; // a window of its own
    delete m_recorder; // before the history it writes to
    m_recorder = nullptr;
    // The views of the engine go before it; the engine stops its bots on its thread.
    delete m_tray;
    m_tray = nullptr;
    delete m_bots;
    m_bots = nullptr;
    m_engine.reset();
}

MainWindow::VenueViews MainWindow::buildVenueViews(VenueSession* session) {
    const bool korean = m_language == UiLanguage::Korean;
    MarketDataHub* hub = session->hub();
    VenueViews v;
    v.session = session;
    v.header = new MarketHeader(hub, this);
    v.header->setPreferLocalNames(korean);
    v.header->setWatchlist(m_watchlist);
    if (multiVenue())
        v.header->setWatchlistVenue(session->venueId());
    v.chart = new ChartTab(hub, this);
    v.chart->setObjectName(QStringLiteral("chartTab"));
    v.chart->setPreferLocalNames(korean);
    v.orderBook = new OrderBookTab(hub, this);
    v.trading = new TradingTab(session, this);
    v.ticket = new OrderTicket(session, this);
    v.ticket->setConfirmPaperOrders(m_settings->confirmPaperOrders());
    v.ticket->setVenueShown(multiVenue());
    connect(v.ticket, &OrderTicket::confirmPaperOrdersChanged, this, [this](bool confirm) {
        m_settings->setConfirmPaperOrders(confirm);
        m_settings->sync();
        for (const VenueViews& other : std::as_const(m_views))
            if (other.ticket->confirmPaperOrders() != confirm)
                other.ticket->setConfirmPaperOrders(confirm);
        if (m_confirmPaperAction)
            m_confirmPaperAction->setChecked(confirm);
        if (!confirm)
            statusBar()->showMessage(tr("Simulated orders are sent without asking from now on. Orders menu → "
                                        "Confirm simulated orders turns the question back on."),
                                     10000);
    });
    connect(v.trading, &TradingTab::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    connect(v.orderBook, &OrderBookTab::priceSelected, v.ticket, &OrderTicket::setPrice);
    connect(v.chart, &ChartTab::intervalChanged, this, [this](CandleInterval interval) {
        m_settings->setChartInterval(intervalName(interval));
        // Every venue's chart keeps the interval the trader picked.
        for (const VenueViews& other : std::as_const(m_views))
            if (other.chart->interval() != interval)
                other.chart->setInterval(interval);
    });
    return v;
}

void MainWindow::buildCentralArea() {
    const bool korean = m_language == UiLanguage::Korean;

    QList<MarketSource> sources;
    for (VenueSession* s : std::as_const(m_sessions))
        sources.append({multiVenue() ? s->venueId() : QString(), s->displayName(), s->hub()});
    m_marketList = new MarketListPanel(sources, this);
    m_marketList->setPreferLocalNames(korean);
    m_marketList->setMinimumWidth(268);

    // The watchlist is the profile's, per venue (market codes differ between venues).
    m_watchlist = new Watchlist(this);
    loadWatchlist();
    connect(m_watchlist, &Watchlist::changed, this, &MainWindow::saveWatchlist);
    m_marketList->setWatchlist(m_watchlist);

    for (VenueSession* s : std::as_const(m_sessions))
        m_views.append(buildVenueViews(s));

    // One venue: its widgets are the pages themselves. Several: a stack per place, one page per venue,
    // named like the widgets so that the saved tab still matches.
    auto place = [this](const QString& name, auto member) -> QWidget* {
        if (!multiVenue())
            return m_views.constFirst().*member;
        auto* stack = new QStackedWidget(this);
        stack->setObjectName(name);
        for (const VenueViews& v : std::as_const(m_views))
            stack->addWidget(v.*member);
        m_venueStacks.append(stack);
        return stack;
    };
    QWidget* headerPlace = place(QStringLiteral("marketHeaderStack"), &VenueViews::header);
    if (multiVenue())
        headerPlace->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_portfolio = new PortfolioTab(m_sessions, m_tabs);
    m_tabs->addTab(m_portfolio, tr("Portfolio"));
    m_tabs->addTab(place(QStringLiteral("chartTab"), &VenueViews::chart), tr("Chart"));
    m_tabs->addTab(place(QStringLiteral("orderBookTab"), &VenueViews::orderBook), tr("Order book"));
    m_tabs->addTab(place(QStringLiteral("tradingTab"), &VenueViews::trading), tr("Trading"));
    QWidget* ticketPlace = place(QStringLiteral("orderTicketStack"), &VenueViews::ticket);

    auto* center = new QWidget(this);
    auto* centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->setSpacing(0);
    m_banner = new NoticeBanner(center);
    centerLayout->addWidget(m_banner);
    centerLayout->addWidget(headerPlace);
    centerLayout->addWidget(m_tabs, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(m_marketList);
    m_splitter->addWidget(center);
    m_splitter->addWidget(ticketPlace);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({340, 940, 320});
    // Page 0 is the trading area; the lock screen becomes page 1 while locked.
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("mainPages"));
    m_pages->addWidget(m_splitter);
    setCentralWidget(m_pages);

    showVenue(0);
    connect(m_marketList, &MarketListPanel::currentMarketChanged, this, &MainWindow::setCurrentMarket);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (QWidget* w = m_tabs->widget(index))
            m_settings->setSelectedTab(w->objectName());
    });
}

void MainWindow::showVenue(int index) {
    m_venueIndex = index;
    const VenueViews& v = m_views.at(index);
    m_session = v.session;
    m_header = v.header;
    m_chart = v.chart;
    m_orderBook = v.orderBook;
    m_trading = v.trading;
    m_ticket = v.ticket;
    for (QStackedWidget* stack : std::as_const(m_venueStacks))
        stack->setCurrentIndex(index);
}

int MainWindow::venueIndexFor(const QString& venue, const QString& code) const {
    if (!venue.isEmpty()) {
        for (int i = 0; i < m_sessions.size(); ++i)
            if (m_sessions[i]->venueId() == venue)
                return i;
        return -1;
    }
    // A plain code: the current venue when it lists the market, else the first venue that does.
    if (m_session->hub()->market(code))
        return m_venueIndex;
    for (int i = 0; i < m_sessions.size(); ++i)
        if (m_sessions[i]->hub()->market(code))
            return i;
    return m_venueIndex;
}

QString MainWindow::listKey(const QString& venue, const QString& code) const {
    return multiVenue() ? marketKey(venue, code) : code;
}

void MainWindow::loadWatchlist() {
    QStringList keys;
    for (VenueSession* s : std::as_const(m_sessions)) {
        const QStringList codes = m_settings->watchlist(s->venueId());
        m_streamFocus->setWatchlist(s->venueId(), codes);
        for (const QString& code : codes)
            keys << listKey(s->venueId(), code);
    }
    m_watchlist->setCodes(keys);
}

void MainWindow::saveWatchlist() {
    // Saved per venue, as plain codes: the same settings serve a window of one venue.
    for (VenueSession* s : std::as_const(m_sessions)) {
        QStringList codes;
        for (const QString& key : m_watchlist->codes())
            if (!multiVenue() || venueOfKey(key) == s->venueId())
                codes << codeOfKey(key);
        m_settings->setWatchlist(s->venueId(), codes);
        m_streamFocus->setWatchlist(s->venueId(), codes);
    }
    m_settings->sync();
}

void MainWindow::showTab(QWidget* tab) {
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        if (page == tab || page->isAncestorOf(tab)) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &MainWindow::quitApplication);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    // The backtester has its own window: its form and charts want more room than the smallest main window.
    QAction* backtest = view->addAction(tr("&Backtest…"), this, [this] {
        if (!m_backtest) {
            m_backtest = new BacktestTab(marketDataUrl(), nullptr);
            m_backtest->setPriceColors(PriceColors::forConvention(m_convention));
            QList<BacktestVenue> venues;
            for (VenueSession* s : std::as_const(m_sessions))
                venues.append({s->displayName(), s->connector()});
            m_backtest->setVenues(venues);
            m_backtest->setMarket(m_market);
            m_backtest->setAttribute(Qt::WA_DeleteOnClose);
            m_backtest->setWindowTitle(tr("Backtest — Hoga"));
            m_backtest->resize(1200, 800);
            connect(m_backtest, &QObject::destroyed, this, [this] { m_backtest = nullptr; });
        }
        m_backtest->show();
        m_backtest->raise();
        m_backtest->activateWindow();
    });
    backtest->setObjectName(QStringLiteral("backtestAction"));
    backtest->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QMenu* colours = view->addMenu(tr("&Colour convention"));
    m_conventionActions = new QActionGroup(this);
    for (auto [convention, text] :
         {std::pair{ColorConvention::Korean, tr("Korean (red up, blue down)")},
          std::pair{ColorConvention::International, tr("International (green up, red down)")}}) {
        QAction* action = colours->addAction(text);
        action->setCheckable(true);
        action->setData(static_cast<int>(convention));
        action->setChecked(convention == m_convention);
        m_conventionActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, convention = convention] {
            setColorConvention(convention);
            m_settings->setColorConvention(convention);
        });
    }

    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const UiLanguage chosen = languageFromCode(m_settings->language());
    // Language names are written in their own language, so anyone can find theirs.
    for (auto [lang, text] : {std::pair{UiLanguage::System, tr("System default")},
                              std::pair{UiLanguage::English, QStringLiteral("English")},
                              std::pair{UiLanguage::Korean, QStringLiteral("한국어")}}) {
        QAction* action = language->addAction(text);
        action->setCheckable(true);
        action->setChecked(lang == chosen);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, lang = lang] { chooseLanguage(lang); });
    }

    buildOrdersMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hoga"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildOrdersMenu() {
    m_ordersMenu = menuBar()->addMenu(tr("&Orders"));
    m_ordersMenu->setObjectName(QStringLiteral("ordersMenu"));
    m_cancelMarketAction = m_ordersMenu->addAction(tr("Cancel all in market…"), this,
                                                   [this] { m_trading->requestCancelAll(m_market); });
    m_cancelMarketAction->setObjectName(QStringLiteral("cancelAllMarketAction"));
    QAction* cancelAll =
        m_ordersMenu->addAction(tr("Cancel all orders…"), this, [this] { m_trading->requestCancelAll({}); });
    cancelAll->setObjectName(QStringLiteral("cancelAllAction"));
    m_ordersMenu->addSeparator();
    m_confirmPaperAction = m_ordersMenu->addAction(tr("Confirm simulated orders"));
    m_confirmPaperAction->setObjectName(QStringLiteral("confirmPaperOrdersAction"));
    m_confirmPaperAction->setCheckable(true);
    m_confirmPaperAction->setChecked(m_ticket->confirmPaperOrders());
    // Live orders always ask: the choice only exists for the simulator's paper orders.
    const bool anySimulated =
        std::any_of(m_sessions.cbegin(), m_sessions.cend(), [](VenueSession* s) { return s->isSimulated(); });
    m_confirmPaperAction->setEnabled(anySimulated);
    m_confirmPaperAction->setToolTip(anySimulated
                                         ? tr("Ask before sending each simulated (paper) order.")
                                         : tr("Orders on a real venue always ask before they are sent."));
    m_ordersMenu->setToolTipsVisible(true);
    connect(m_confirmPaperAction, &QAction::toggled, this, [this](bool confirm) {
        for (const VenueViews& v : std::as_const(m_views))
            v.ticket->setConfirmPaperOrders(confirm);
        m_settings->setConfirmPaperOrders(confirm);
        m_settings->sync();
    });
    connect(m_ordersMenu, &QMenu::aboutToShow, this, &MainWindow::updateOrdersMenu);
    updateOrdersMenu();
}

void MainWindow::updateOrdersMenu() {
    m_cancelMarketAction->setText(m_market.isEmpty() ? tr("Cancel all in market…")
                                                     : tr("Cancel all orders in %1…").arg(m_market));
    m_cancelMarketAction->setEnabled(!m_market.isEmpty());
}

void MainWindow::buildStatusBar() {
    for (VenueSession* s : m_sessions) {
        statusBar()->addPermanentWidget(new VenueStatusWidget(s, this));
        connect(s->hub(), &MarketDataHub::errorOccurred, this,
                [this, s](const VenueError& error) { showVenueError(s, error.userMessage()); });
        connect(s->trading(), &TradingSession::errorOccurred, this,
                [this, s](const VenueError& error) { showVenueError(s, error.userMessage()); });
        connect(s, &VenueSession::requestsBlocked, this,
                [this, s](qint64 untilMs) { onRequestsBlocked(s, untilMs); });
        if (s->blockedUntilMs() > 0)
            onRequestsBlocked(s, s->blockedUntilMs());
        connect(s->marketLoad(), &MarketLoadRetry::changed, this, &MainWindow::updateUnreachable);
    }
}

void MainWindow::updateUnreachable() {
    // Each venue's reason replaces its own views' "Loading…" and "Waiting…".
    QStringList messages;
    for (const VenueViews& v : std::as_const(m_views)) {
        const QString message = v.session->marketLoad()->message();
        if (!message.isEmpty())
            messages << message;
        v.chart->setUnavailableText(message);
        v.orderBook->setUnavailableText(message);
        v.trading->setUnavailableText(message);
        v.ticket->setUnavailableText(message);
    }
    m_marketList->setUnavailableText(messages.join(QLatin1Char('\n')));
    m_portfolio->setUnavailableText(messages.join(QLatin1Char('\n')));
    updateBanner();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // Restored from the taskbar: views skipped their updates while minimised.
    if (event->type() == QEvent::WindowStateChange && !isMinimized())
        catchUp();
}

void MainWindow::catchUp() {
    m_marketList->catchUp();
    m_header->catchUp();
    m_portfolio->catchUp();
    m_chart->catchUp();
    m_orderBook->catchUp();
    m_trading->catchUp();
    m_ticket->catchUp();
    for (VenueStatusWidget* status : findChildren<VenueStatusWidget*>())
        status->catchUp();
}

void MainWindow::showVenueError(const VenueSession* session, const QString& message) {
    // One line that the next message replaces: a burst of failures never stacks up dialogs.
    statusBar()->showMessage(tr("%1: %2").arg(session->displayName(), message), 10000);
}

void MainWindow::onRequestsBlocked(VenueSession* session, qint64 untilMs) {
    if (untilMs > 0) {
        m_blockedUntil.insert(session, untilMs);
    } else if (m_blockedUntil.remove(session) > 0) {
        statusBar()->showMessage(tr("%1 accepts requests again.").arg(session->displayName()), 5000);
    }
    updateBanner();
}

void MainWindow::updateBanner() {
    QStringList lines;
    for (VenueSession* s : std::as_const(m_sessions)) {
        if (const QString unreachable = s->marketLoad()->message(); !unreachable.isEmpty())
            lines << unreachable;
        const qint64 until = m_blockedUntil.value(s, 0);
        if (until <= 0)
            continue;
        const QString time =
            QDateTime::fromMSecsSinceEpoch(until).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        lines << tr("%1 stopped accepting requests until %2 (too many requests). Hoga waits and resumes "
                    "automatically.")
                     .arg(s->displayName(), time);
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
    if (!lines.isEmpty())
        statusBar()->showMessage(lines.constLast(), 10000);
}

void MainWindow::restoreSettings() {
    if (const QByteArray geometry = m_settings->windowGeometry(); !geometry.isEmpty()) {
        restoreGeometry(geometry);
    } else {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(std::min(1600, available.width()), std::min(1000, available.height()));
    }
    if (const QByteArray state = m_settings->windowState(); !state.isEmpty())
        restoreState(state);
    // Every named splitter (main, order book, trading) keeps its sizes.
    for (QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            if (const QByteArray sizes = m_settings->splitterState(splitter->objectName()); !sizes.isEmpty())
                splitter->restoreState(sizes);

    const QString tab = m_settings->selectedTab();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == tab)
            m_tabs->setCurrentIndex(i);

    if (auto interval = intervalFromName(m_settings->chartInterval()))
        for (const VenueViews& v : std::as_const(m_views))
            v.chart->setInterval(*interval);

    // The venue of the last market (several venues), then that venue's market.
    VenueSession* venue = m_session;
    if (multiVenue())
        for (VenueSession* s : std::as_const(m_sessions))
            if (s->venueId() == m_settings->selectedVenue())
                venue = s;
    const QString market = m_settings->selectedMarket(venue->venueId());
    if (!market.isEmpty())
        m_marketList->setCurrentMarket(listKey(venue->venueId(), market));
}

void MainWindow::saveSettings() {
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    for (QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            m_settings->setSplitterState(splitter->objectName(), splitter->saveState());
    if (QWidget* w = m_tabs->currentWidget())
        m_settings->setSelectedTab(w->objectName());
    if (!m_market.isEmpty()) {
        m_settings->setSelectedMarket(m_session->venueId(), m_market);
        if (multiVenue())
            m_settings->setSelectedVenue(m_session->venueId());
    }
    m_settings->setChartInterval(intervalName(m_chart->interval()));
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_quitting && m_tray && m_tray->tryHideOnClose()) {
        // Bots and streams keep running; the tray's Quit ends Hoga.
        saveSettings();
        event->ignore();
        return;
    }
    if (!m_quitting && !settleRunningBots()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::settleRunningBots() {
    if (!m_engine || m_engine->runningBots() == 0 || isLocked())
        return true;
    const int running = m_engine->runningBots();
    QMessageBox box(QMessageBox::Question, tr("Bots are running"),
                    tr("%n bot(s) are running. They stop when Hoga quits.", nullptr, running),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("quitWithBotsQuestion"));
    box.setInformativeText(tr("Stop them now (their open orders are cancelled), or keep them to start again "
                              "at the next login?"));
    QPushButton* stop = box.addButton(tr("Stop bots and quit"), QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(tr("Quit, restart them later"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == static_cast<QAbstractButton*>(stop)) {
        for (const BotSnapshot& bot : m_engine->bots())
            if (bot.state == BotState::Running || bot.state == BotState::Starting)
                m_engine->stopBot(bot.record.id);
        return true;
    }
    return box.clickedButton() == static_cast<QAbstractButton*>(keep);
}

void MainWindow::quitApplication() {
    if (!settleRunningBots())
        return;
    closeForGood();
    if (m_tray) // without it, the last window closing quits
        QCoreApplication::quit();
}

void MainWindow::closeForGood() {
    m_quitting = true;
    close();
}

void MainWindow::attachEngine(std::unique_ptr<ProfileEngine> engine) {
    Q_ASSERT(!m_engine && engine);
    m_engine = std::move(engine);
    m_streamFocus->setEngine(m_engine.get());
    m_bots = new BotsTab(m_engine.get(), m_tabs);
    m_bots->setCurrentMarket([this] { return std::pair{m_session->venueId(), m_market}; });
    m_tabs->addTab(m_bots, tr("Bots"));
    m_emergencyStop = new EmergencyStop(m_engine.get(), this);
    m_toolBar = addToolBar(tr("Trading"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_emergencyStop->stopAction());
    m_toolBar->addAction(m_emergencyStop->rearmAction());
    buildBotsMenu();
    if (m_accountLimitsAction)
        m_accountLimitsAction->setEnabled(true);
    if (TrayController::trayAvailable()) {
        m_tray = new TrayController(this, m_engine.get(), m_emergencyStop, m_settings,
                                    [this] { quitApplication(); });
        // Hidden in the tray is not "last window closed".
        QApplication::setQuitOnLastWindowClosed(false);
    }
    // A saved tab that only exists with the engine (the Bots tab) comes back now.
    if (m_settings->selectedTab() == m_bots->objectName())
        m_tabs->setCurrentWidget(m_bots);
}

void MainWindow::buildBotsMenu() {
    m_botsMenu = new QMenu(tr("&Bots"), this);
    m_botsMenu->setObjectName(QStringLiteral("botsMenu"));
    menuBar()->insertMenu(m_ordersMenu->menuAction(), m_botsMenu);
    m_botsMenu->addAction(m_emergencyStop->stopAction());
    m_botsMenu->addAction(m_emergencyStop->rearmAction());
    m_botsMenu->addSeparator();
    QAction* pause = m_botsMenu->addAction(tr("Pause all bots"), this, [this] { m_engine->pauseAll(); });
    pause->setObjectName(QStringLiteral("pauseAllBotsAction"));
    QAction* resume =
        m_botsMenu->addAction(tr("Resume paused bots"), this, [this] { m_engine->resumeAll(); });
    resume->setObjectName(QStringLiteral("resumeAllBotsAction"));
    m_botsMenu->addSeparator();
    QAction* hide = m_botsMenu->addAction(tr("Keep running in the tray when the window closes"));
    hide->setObjectName(QStringLiteral("hideToTrayAction"));
    hide->setCheckable(true);
    hide->setChecked(m_settings->hideToTrayOnClose());
    hide->setEnabled(TrayController::trayAvailable());
    connect(hide, &QAction::toggled, this, [this](bool on) {
        m_settings->setHideToTrayOnClose(on);
        m_settings->sync();
    });
    QAction* restart = m_botsMenu->addAction(tr("Restart running bots at the next login"));
    restart->setObjectName(QStringLiteral("restartBotsAction"));
    restart->setCheckable(true);
    restart->setChecked(m_settings->restartBotsAtLogin());
    connect(restart, &QAction::toggled, this, [this](bool on) {
        m_settings->setRestartBotsAtLogin(on);
        m_settings->sync();
    });
}

void MainWindow::setCurrentMarket(const QString& codeOrKey) {
    if (codeOrKey.isEmpty())
        return;
    const QString code = codeOfKey(codeOrKey);
    const int index = venueIndexFor(venueOfKey(codeOrKey), code);
    if (index < 0)
        return; // a venue this window does not run
    if (code == m_market && index == m_venueIndex)
        return;
    showVenue(index);
    m_market = code;
    const QString key = listKey(m_session->venueId(), code);
    if (m_marketList->currentMarket() != key)
        m_marketList->setCurrentMarket(key);
    m_header->setMarket(code);
    m_chart->setMarket(code);
    m_orderBook->setMarket(code);
    m_ticket->setMarket(code);
    m_trading->setMarket(code);
    if (RecordPlace* record = m_views.at(m_venueIndex).record)
        record->setMarket(code);
    if (m_alerts)
        m_alerts->setCurrentMarket(m_session->venueId() + QLatin1Char(':') + code);
    m_settings->setSelectedMarket(m_session->venueId(), code);
    m_streamFocus->setSelected(m_session->venueId(), code);
    if (multiVenue())
        m_settings->setSelectedVenue(m_session->venueId());
    updateTitle();
}

void MainWindow::setColorConvention(ColorConvention convention) {
    m_convention = convention;
    const PriceColors colors = PriceColors::forConvention(convention);
    m_marketList->setPriceColors(colors);
    m_portfolio->setPriceColors(colors);
    if (m_backtest)
        m_backtest->setPriceColors(colors);
    for (const VenueViews& v : std::as_const(m_views)) {
        v.header->setPriceColors(colors);
        v.chart->setPriceColors(colors);
        v.orderBook->setPriceColors(colors);
        v.trading->setPriceColors(colors);
        v.ticket->setPriceColors(colors);
    }
    if (m_conventionActions)
        for (QAction* a : m_conventionActions->actions())
            a->setChecked(a->data().toInt() == static_cast<int>(convention));
}

void MainWindow::updateTitle() {
    const QString profileName = m_profile.profile.name;
    if (isLocked()) {
        // Nothing about markets or venues while locked: only the app and whose window it is.
        setWindowTitle(profileName.isEmpty() ? tr("Hoga — Locked")
                                             : tr("Hoga — %1 — Locked").arg(profileName));
        return;
    }
    QString title = m_market.isEmpty() ? tr("Hoga") : tr("Hoga — %1").arg(m_market);
    title += QStringLiteral(" — ") + m_session->displayName();
    if (m_session->isSimulated())
        title += QStringLiteral(" [%1]").arg(tr("Simulated"));
    if (!profileName.isEmpty())
        title += QStringLiteral(" — ") + profileName;
    setWindowTitle(title);
}

void MainWindow::chooseLanguage(UiLanguage language) {
    m_settings->setLanguage(languageCode(language));
    m_settings->sync();
    auto* box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("The new language takes effect the next time Hoga starts."),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout() {
    auto* box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Hoga"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setText(tr("<b>Hoga</b> %1").arg(QApplication::applicationVersion()));
    box->setInformativeText(m_session->isSimulated()
                                ? tr("A native trading dashboard for Upbit and Bithumb, with a built-in "
                                     "simulated market.\n\n"
                                     "This window runs on the simulator: prices are generated and "
                                     "balances are paper money. "
                                     "No keys and no network are needed.")
                                : tr("A native trading dashboard for Upbit and Bithumb, with a built-in "
                                     "simulated market.\n\n"
                                     "This window shows live data from %1.")
                                      .arg(m_session->displayName()));
    box->open();
}

void MainWindow::attachProfile(ProfileContext context) {
    Q_ASSERT(!m_profileMenu && context.manager);
    m_profile = std::move(context);
    buildProfileMenu();

    m_idle = new IdleDetector(m_profile.clock, m_profile.idleCheckIntervalMs, this);
    connect(m_idle, &IdleDetector::idle, this, &MainWindow::lock);
    setAutoLockMinutes(m_settings->autoLockMinutes());

    if (!m_profile.notice.isEmpty())
        statusBar()->showMessage(m_profile.notice, 30000);
    startPortfolioHistory();
    startMarketRecording();
    if (!m_profile.profile.id.isEmpty()) {
        ProfileEngineOptions options;
        options.databasePath = m_profile.manager->paths(m_profile.profile.id).databaseFile();
        options.restartRunningBots = m_settings->restartBotsAtLogin();
        auto engine = std::make_unique<ProfileEngine>(options, m_sessions);
        if (engine->open())
            attachEngine(std::move(engine));
        else
            statusBar()->showMessage(tr("Bots are not available: %1").arg(engine->lastError()), 15000);
    }
    startNotifications();
    updateTitle();
}

void MainWindow::startNotifications() {
    if (m_profile.profile.id.isEmpty())
        return;
    const ProfilePaths paths = m_profile.manager->paths(m_profile.profile.id);
    ProfileNotifications::Sources sources;
    sources.databasePath = paths.databaseFile();
    sources.settingsPath = paths.settingsFile();
    sources.secrets = m_profile.keyRing ? m_profile.keyRing->sharedStore() : nullptr;
    sources.sessions = m_sessions;
    sources.engine = m_engine.get();
    sources.tray = m_tray ? m_tray->icon() : nullptr;
    sources.clock = m_profile.clock;
    m_notifications = new ProfileNotifications(sources, this);
    if (m_notifications->alertsOpen()) {
        m_alerts = m_notifications->createAlertsWidget(m_tabs);
        m_alerts->setObjectName(QStringLiteral("alertsTab"));
        if (!m_market.isEmpty())
            m_alerts->setCurrentMarket(m_session->venueId() + QLatin1Char(':') + m_market);
        m_tabs->addTab(m_alerts, tr("Alerts"));
        // A saved tab that only exists with the profile comes back now.
        if (m_settings->selectedTab() == m_alerts->objectName())
            m_tabs->setCurrentWidget(m_alerts);
    }
    QAction* settings = m_profileMenu->addAction(tr("&Notifications and webhooks…"), this,
                                                 &MainWindow::openNotificationSettings);
    settings->setObjectName(QStringLiteral("notificationSettingsAction"));
}

QDialog* MainWindow::openNotificationSettings() {
    if (!m_notifications)
        return nullptr;
    // One at a time: a second trigger brings the open one forward.
    if (auto* open = findChild<QDialog*>(QStringLiteral("notificationSettingsDialog"))) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("notificationSettingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Notifications and webhooks"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(m_notifications->createSettingsWidget(dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->setMinimumWidth(640); // the webhook table's columns fit without scrolling
    dialog->open();
    return dialog;
}

AccountLimitsDialog* MainWindow::openAccountLimits() {
    if (!m_engine)
        return nullptr;
    if (auto* open = findChild<AccountLimitsDialog*>(QStringLiteral("accountLimitsDialog"))) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new AccountLimitsDialog(m_engine->accountLimits(), this);
    dialog->setObjectName(QStringLiteral("accountLimitsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_engine)
            return;
        if (m_engine->setAccountLimits(dialog->limits()))
            statusBar()->showMessage(tr("Risk limits saved: every order of this profile is checked against "
                                        "them from now on."),
                                     10000);
        else
            statusBar()->showMessage(m_engine->lastError(), 15000);
    });
    dialog->open();
    return dialog;
}

void MainWindow::startPortfolioHistory() {
    if (m_profile.profile.id.isEmpty())
        return;
    m_database =
        std::make_unique<ProfileDatabase>(m_profile.manager->paths(m_profile.profile.id).databaseFile());
    if (m_database->open() != ProfileDatabase::Status::Ok) {
        // The window works without its history: say so once, keep trading.
        statusBar()->showMessage(m_database->errorString(), 15000);
        m_database.reset();
        return;
    }
    m_history = std::make_unique<PortfolioHistory>(m_database.get());
    m_portfolio->historyChart()->setPoints(m_history->points());
    m_recorder = new PortfolioRecorder(m_sessions, m_history.get(), m_profile.clock);
    connect(m_recorder, &PortfolioRecorder::recorded, m_portfolio->historyChart(),
            &PortfolioHistoryChart::append);
}

MarketDataUrl MainWindow::marketDataUrl() const {
    if (!m_profile.manager || m_profile.profile.id.isEmpty())
        return {};
    // The file hoga-cli's record and export use for this profile by default.
    return MarketDataUrl::sqlite(m_profile.manager->paths(m_profile.profile.id).dir() +
                                 QStringLiteral("/market-data.sqlite"));
}

void MainWindow::startMarketRecording() {
    const MarketDataUrl url = marketDataUrl();
    if (url.filePath.isEmpty())
        return;
    for (VenueViews& v : m_views) {
        v.record = new RecordPlace(v.session->connector(), url, v.chart);
        v.chart->addToolBarWidget(v.record);
    }
    if (!m_market.isEmpty())
        m_views[m_venueIndex].record->setMarket(m_market);
}

void MainWindow::buildProfileMenu() {
    m_profileMenu = new QMenu(tr("&Profile"), this);
    m_profileMenu->setObjectName(QStringLiteral("profileMenu"));
    // Before Help, which stays last.
    const QList<QAction*> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.constLast(), m_profileMenu);

    QAction* keys = m_profileMenu->addAction(tr("&Venues and keys…"), this, &MainWindow::openVenueKeys);
    keys->setObjectName(QStringLiteral("venuesAndKeysAction"));
    if (!m_profile.keyRing) {
        keys->setEnabled(false);
        keys->setToolTip(m_profile.notice);
    }
    if (m_profile.profile.paperOnly)
        keys->setToolTip(tr("This profile is paper only: it trades on the simulator, whatever keys it "
                            "holds."));

    // The account's pre-trade limits belong to the profile's engine: available once it runs.
    m_accountLimitsAction =
        m_profileMenu->addAction(tr("&Risk limits…"), this, &MainWindow::openAccountLimits);
    m_accountLimitsAction->setObjectName(QStringLiteral("accountLimitsAction"));
    m_accountLimitsAction->setEnabled(m_engine != nullptr);

    m_profileMenu->addSeparator();
    QAction* lockNow = m_profileMenu->addAction(tr("&Lock now"), this, &MainWindow::lock);
    lockNow->setObjectName(QStringLiteral("lockNowAction"));
    lockNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));

    QMenu* autoLock = m_profileMenu->addMenu(tr("&Auto-lock after…"));
    autoLock->setObjectName(QStringLiteral("autoLockMenu"));
    m_autoLockActions = new QActionGroup(this);
    const int current = m_settings->autoLockMinutes();
    for (int minutes : {0, 5, 15, 30, 60}) {
        QAction* action =
            autoLock->addAction(minutes == 0 ? tr("Never") : tr("%n minute(s)", nullptr, minutes));
        action->setCheckable(true);
        action->setData(minutes);
        action->setChecked(minutes == current);
        m_autoLockActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, minutes] { setAutoLockMinutes(minutes); });
    }

    m_profileMenu->addSeparator();
    QAction* switchProfile =
        m_profileMenu->addAction(tr("&Switch profile…"), this, &MainWindow::switchProfileRequested);
    switchProfile->setObjectName(QStringLiteral("switchProfileAction"));
    QAction* logOut = m_profileMenu->addAction(tr("Log &out"), this, &MainWindow::switchProfileRequested);
    logOut->setObjectName(QStringLiteral("logOutAction"));
}

void MainWindow::setAutoLockMinutes(int minutes) {
    minutes = std::max(0, minutes);
    if (m_settings->autoLockMinutes() != minutes) {
        m_settings->setAutoLockMinutes(minutes);
        m_settings->sync();
    }
    if (m_autoLockActions)
        for (QAction* a : m_autoLockActions->actions())
            a->setChecked(a->data().toInt() == minutes);
    if (m_idle)
        m_idle->setTimeoutMs(qint64(minutes) * 60'000);
}

void MainWindow::openVenueKeys() {
    if (!m_profile.keyRing)
        return;
    VenueKeysDialog::Options options;
    options.endpoints = m_profile.keyTestEndpoints;
    options.storedInEncryptedFile = m_profile.storedInEncryptedFile;
    auto* dialog = new VenueKeysDialog(*m_profile.keyRing, options, this);
    dialog->setObjectName(QStringLiteral("venueKeysDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VenueKeysDialog::keyChanged, this, &MainWindow::onKeyChanged);
    // The ring lives as long as the dialog needs it: the window (and so m_profile) outlives its child.
    dialog->open();
}

void MainWindow::onKeyChanged(const QString& venue) {
    if (m_profile.credentials && m_profile.keyRing)
        m_profile.credentials->reload(*m_profile.keyRing, venue, this,
                                      [](QList<ProfileCredentialProvider::LoadProblem>) {});
    // Sessions took their keys when they started; a restart is what makes them use the new one.
    statusBar()->showMessage(
        tr("The %1 key was saved. Connections use it from the next time you log in to this profile.")
            .arg(VenueKeysDialog::venueDisplayName(venue)),
        15000);
}

void MainWindow::lock() {
    if (isLocked() || !m_profile.manager)
        return;
    // Dialogs opened from the window (keys, about, an order confirmation, cancel all) would show data or
    // accept input behind the lock: wherever in the window they were opened from.
    for (QDialog* dialog : findChildren<QDialog*>())
        if (dialog->isVisible())
            dialog->reject();

    LoginDialog::Options options;
    options.mode = LoginDialog::Mode::Unlock;
    options.lockedProfileId = m_profile.profile.id;
    m_lockPage = new QWidget(m_pages);
    m_lockPage->setObjectName(QStringLiteral("lockScreen"));
    auto* layout = new QVBoxLayout(m_lockPage);
    m_lockDialog = new LoginDialog(*m_profile.manager, options, m_lockPage);
    m_lockDialog->setObjectName(QStringLiteral("lockDialog"));
    m_lockDialog->setWindowFlags(Qt::Widget); // part of the window, not a separate one
    m_lockDialog->installEventFilter(this);   // Escape must not "reject" (quit) the lock screen
    layout->addStretch(1);
    layout->addWidget(m_lockDialog, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    m_pages->addWidget(m_lockPage);
    m_pages->setCurrentWidget(m_lockPage);
    m_lockDialog->show();
    menuBar()->setEnabled(false);
    if (m_toolBar)
        m_toolBar->setEnabled(false); // the tray's emergency stop stays available

    connect(m_lockDialog, &QDialog::finished, this, [this](int result) {
        if (result == QDialog::Accepted) {
            LoggedInProfile unlocked = m_lockDialog->takeResult();
            unlocked.wipePassword();
            unlock();
        } else if (result == LoginDialog::SwitchProfile) {
            emit switchProfileRequested();
        } else {
            // "Quit" on the lock screen: running bots start again at the next login.
            closeForGood();
            if (m_tray) // without it, the last window closing quits
                QCoreApplication::quit();
        }
    });
    updateTitle();
    emit lockedChanged(true);
}

void MainWindow::unlock() {
    if (!isLocked())
        return;
    m_pages->setCurrentWidget(m_splitter);
    m_pages->removeWidget(m_lockPage);
    m_lockPage->deleteLater(); // we are inside its dialog's signal
    m_lockPage = nullptr;
    m_lockDialog = nullptr;
    menuBar()->setEnabled(true);
    if (m_toolBar)
        m_toolBar->setEnabled(true);
    if (m_idle)
        m_idle->noteActivity();
    updateTitle();
    emit lockedChanged(false);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_lockDialog && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape)
        return true;
    return QMainWindow::eventFilter(watched, event);
}

QStringList MainWindow::missingLiveData() const {
    QStringList missing;
    const MarketListModel* markets = m_marketList->model();
    if (markets->rowCount() == 0) {
        missing << QStringLiteral("markets");
    } else {
        for (int row = 0; row < markets->rowCount(); ++row)
            if (!markets->tickerAt(row)) {
                missing << QStringLiteral("tickers");
                break;
            }
    }
    // A venue without keys has no balances to wait for: the panels say why instead.
    if (m_session->hasCredentials() && m_session->trading()->balances().isEmpty())
        missing << QStringLiteral("balances");
    // Tabs not on screen skip their updates: ask the hub, which every tab shows from.
    const MarketDataHub* hub = m_session->hub();
    const std::optional<OrderBook> book = m_market.isEmpty() ? std::nullopt : hub->orderBook(m_market);
    if (!book || book->bids().isEmpty() || book->asks().isEmpty())
        missing << QStringLiteral("order book");
    if (m_market.isEmpty() || hub->recentTrades(m_market, 1).isEmpty())
        missing << QStringLiteral("trades");
    if (m_chart->candles().isEmpty())
        missing << QStringLiteral("candles");
    return missing;
}

} // namespace hoga
