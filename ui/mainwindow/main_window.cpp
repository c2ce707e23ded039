#include "main_window.h"

#include "application/app_settings.h"
#include "chart/chart_tab.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_header.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "notice_banner.h"
#include "orderbook/order_book_side_model.h"
#include "orderbook/order_book_tab.h"
#include "orderbook/trade_tape_model.h"
#include "portfolio/portfolio_model.h"
#include "portfolio/portfolio_tab.h"
#include "session/venue_session.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"
#include "trading/trading_tab.h"
#include "venue_status_widget.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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

    buildCentralArea();
    buildMenus();
    buildStatusBar();
    setColorConvention(m_convention);
    restoreSettings();
    updateTitle();

    for (VenueSession* s : m_sessions)
        if (!s->isStarted())
            s->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildCentralArea() {
    const bool korean = m_language == UiLanguage::Korean;
    MarketDataHub* hub = m_session->hub();

    m_marketList = new MarketListPanel(hub, this);
    m_marketList->setPreferLocalNames(korean);
    m_marketList->setMinimumWidth(280);

    m_header = new MarketHeader(hub, this);
    m_header->setPreferLocalNames(korean);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_portfolio = new PortfolioTab(m_session, m_tabs);
    m_chart = new ChartTab(hub, m_tabs);
    m_chart->setObjectName(QStringLiteral("chartTab"));
    m_orderBook = new OrderBookTab(hub, m_tabs);
    m_trading = new TradingTab(m_session, m_tabs);
    m_tabs->addTab(m_portfolio, tr("Portfolio"));
    m_tabs->addTab(m_chart, tr("Chart"));
    m_tabs->addTab(m_orderBook, tr("Order book"));
    m_tabs->addTab(m_trading, tr("Trading"));

    auto* center = new QWidget(this);
    auto* centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->setSpacing(0);
    m_banner = new NoticeBanner(center);
    centerLayout->addWidget(m_banner);
    centerLayout->addWidget(m_header);
    centerLayout->addWidget(m_tabs, 1);

    m_ticket = new OrderTicket(m_session, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(m_marketList);
    m_splitter->addWidget(center);
    m_splitter->addWidget(m_ticket);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({340, 940, 320});
    setCentralWidget(m_splitter);

    connect(m_marketList, &MarketListPanel::currentMarketChanged, this, &MainWindow::setCurrentMarket);
    connect(m_orderBook, &OrderBookTab::priceSelected, m_ticket, &OrderTicket::setPrice);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (QWidget* w = m_tabs->widget(index))
            m_settings->setSelectedTab(w->objectName());
    });
    connect(m_chart, &ChartTab::intervalChanged, this,
            [this](CandleInterval interval) { m_settings->setChartInterval(intervalName(interval)); });
    // The list may have picked a market before we listened (a session whose markets were already loaded).
    if (!m_marketList->currentMarket().isEmpty())
        setCurrentMarket(m_marketList->currentMarket());
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
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

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hoga"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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
    }
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
        m_chart->setInterval(*interval);

    const QString market = m_settings->selectedMarket(m_session->venueId());
    if (!market.isEmpty())
        m_marketList->setCurrentMarket(market);
}

void MainWindow::saveSettings() {
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    for (QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            m_settings->setSplitterState(splitter->objectName(), splitter->saveState());
    if (QWidget* w = m_tabs->currentWidget())
        m_settings->setSelectedTab(w->objectName());
    if (!m_market.isEmpty())
        m_settings->setSelectedMarket(m_session->venueId(), m_market);
    m_settings->setChartInterval(intervalName(m_chart->interval()));
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::setCurrentMarket(const QString& code) {
    if (code.isEmpty() || code == m_market)
        return;
    m_market = code;
    if (m_marketList->currentMarket() != code)
        m_marketList->setCurrentMarket(code);
    m_header->setMarket(code);
    m_chart->setMarket(code);
    m_orderBook->setMarket(code);
    m_ticket->setMarket(code);
    m_settings->setSelectedMarket(m_session->venueId(), code);
    updateTitle();
}

void MainWindow::setColorConvention(ColorConvention convention) {
    m_convention = convention;
    const PriceColors colors = PriceColors::forConvention(convention);
    m_marketList->setPriceColors(colors);
    m_header->setPriceColors(colors);
    m_portfolio->setPriceColors(colors);
    m_chart->setPriceColors(colors);
    m_orderBook->setPriceColors(colors);
    m_trading->setPriceColors(colors);
    m_ticket->setPriceColors(colors);
    if (m_conventionActions)
        for (QAction* a : m_conventionActions->actions())
            a->setChecked(a->data().toInt() == static_cast<int>(convention));
}

void MainWindow::updateTitle() {
    QString title = m_market.isEmpty() ? tr("Hoga") : tr("Hoga — %1").arg(m_market);
    title += QStringLiteral(" — ") + m_session->displayName();
    if (m_session->isSimulated())
        title += QStringLiteral(" [%1]").arg(tr("Simulated"));
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
                                ? tr("A native trading dashboard for Upbit, Bithumb, Binance and KIS.\n\n"
                                     "This build runs on the built-in simulator: prices are generated and "
                                     "balances are paper money. "
                                     "No keys and no network are needed.")
                                : tr("A native trading dashboard for Upbit, Bithumb, Binance and KIS.\n\n"
                                     "This window shows live data from %1.")
                                      .arg(m_session->displayName()));
    box->open();
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
    if (m_session->hasCredentials() && m_portfolio->model()->rowCount() == 0)
        missing << QStringLiteral("balances");
    if (m_orderBook->askModel()->rowCount() == 0 || m_orderBook->bidModel()->rowCount() == 0)
        missing << QStringLiteral("order book");
    if (m_orderBook->tapeModel()->rowCount() == 0)
        missing << QStringLiteral("trades");
    if (m_chart->candles().isEmpty())
        missing << QStringLiteral("candles");
    return missing;
}

} // namespace hoga
