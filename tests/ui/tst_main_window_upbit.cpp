// The whole window on Upbit, offscreen, against the strict loopback fake venue: the session comes from
// createConnector() exactly as `hoga --venue upbit` builds it. Live data in every tab, a limit order placed
// through the ticket and cancelled from the open orders table, a market order that fills and moves the
// portfolio, stale data when the venue goes quiet, market data only without keys, and the ban banner.

#include "main_window_driver.h"

#include "application/app_settings.h"
#include "chart/chart_tab.h"
#include "common/item_roles.h"
#include "mainwindow/main_window.h"
#include "mainwindow/notice_banner.h"
#include "mainwindow/venue_status_widget.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_header.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "portfolio/portfolio_model.h"
#include "portfolio/portfolio_tab.h"
#include "session/venue_session.h"
#include "support/fake_venues/fake_venue_server.h"
#include "theme/terminal_theme.h"
#include "trading/order_ticket.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace hoga;
using hoga::test::FakeFlavor;
using hoga::test::FakeVenueServer;

namespace {

constexpr int kTimeoutMs = test::MainWindowDriver::kTimeoutMs;
const QString kMarket = QStringLiteral("KRW-BTC");
const QString kAccess = QStringLiteral("gui-test-access-key");
const QByteArray kSecret = QByteArrayLiteral("gui-test-secret-key-raw-bytes");

VenueConfig upbitConfig(const FakeVenueServer& server, bool withKeys) {
    VenueConfig config;
    config.venue = QStringLiteral("upbit");
    config.endpoints.restUrl = server.restUrl();
    config.endpoints.wsUrl = server.wsUrl();
    config.endpoints.privateWsUrl = server.privateWsUrl();
    if (withKeys) {
        config.credentials.accessKey = kAccess;
        config.credentials.secretKey = kSecret;
    }
    return config;
}

} // namespace

class TestMainWindowUpbit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void liveDataReachesEveryTab();
    void limitBuyRestsAndCancelsFromTheTable();
    void marketableOrderFillsAndMovesThePortfolio();
    void quietVenueMarksTheDataStale();
    void withoutKeysOnlyMarketDataIsRequested();
    void banShowsTheBanner();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeVenueServer> m_server;
    QTimer m_stepper; // the fake's market moves only when stepped
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<test::MainWindowDriver> m_driver;
};

void TestMainWindowUpbit::initTestCase() {
    QVERIFY(m_dir.isValid());
    qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    theme::apply(*qApp);

    m_server = std::make_unique<FakeVenueServer>(FakeFlavor::Upbit, 11);
    QVERIFY(m_server->start());
    m_server->addKey(kAccess, kSecret);
    m_server->setBalance(QStringLiteral("KRW"), Decimal(10'000'000));
    m_server->setBalance(QStringLiteral("BTC"), Decimal::fromString("0.01"));
    m_stepper.setInterval(40);
    connect(&m_stepper, &QTimer::timeout, m_server.get(), &FakeVenueServer::step);
    m_stepper.start();

    m_session = VenueSession::create(upbitConfig(*m_server, true));
    QVERIFY(m_session);
    QCOMPARE(m_session->venueId(), QStringLiteral("upbit"));
    QVERIFY(m_session->hasCredentials());
    QVERIFY(!m_session->isSimulated());
    m_session->hub()->setCoalesceIntervalMs(50);
    m_settings = std::make_unique<AppSettings>();
    m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                            UiLanguage::English);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setCurrentMarket(kMarket);
    m_driver = std::make_unique<test::MainWindowDriver>(m_window.get(), m_session.get(), kMarket);
    m_driver->attachModelTesters();
}

void TestMainWindowUpbit::cleanupTestCase() {
    if (m_driver)
        m_driver->detachModelTesters();
    m_window.reset();
    m_session.reset();
    m_stepper.stop();
    m_server.reset();
}

void TestMainWindowUpbit::liveDataReachesEveryTab() {
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentMarket(), kMarket, kTimeoutMs);
    m_driver->verifyLiveDataInEveryTab(10);
    if (QTest::currentTestFailed())
        return;

    // Every market the venue lists, named as the venue names it.
    const MarketListModel* list = m_window->marketList()->model();
    QCOMPARE(list->rowCount(), int(m_server->marketCodes().size()));
    for (const QString& code : m_server->marketCodes())
        QVERIFY2(list->rowOfMarket(code) >= 0, qPrintable(code));
    QCOMPARE(m_session->displayName(), QStringLiteral("Upbit"));
    QVERIFY(m_window->findChild<VenueStatusWidget*>(QStringLiteral("venueStatus_upbit")));

    // The account's real balances, as the venue holds them.
    m_window->tabs()->setCurrentWidget(m_window->portfolioTab());
    const PortfolioModel* portfolio = m_window->portfolioTab()->model();
    const QModelIndex krw = test::MainWindowDriver::findRow(portfolio, QStringLiteral("KRW"));
    QCOMPARE(portfolio->index(krw.row(), PortfolioModel::QtyColumn).data(DecimalRole).value<Decimal>(),
             m_server->freeBalance(QStringLiteral("KRW")));
    QCOMPARE(m_driver->portfolioQty(QStringLiteral("BTC")), Decimal::fromString("0.01"));

    // The header shows the venue's price.
    QVERIFY(m_window->marketHeader()->staleText().isEmpty());
    QVERIFY(
        m_window->findChild<QLabel*>(QStringLiteral("headerLastPrice"))->text().contains(QLatin1Char(',')));
}

void TestMainWindowUpbit::limitBuyRestsAndCancelsFromTheTable() {
    const int ordersBefore = m_server->orderCount();
    const test::MainWindowDriver::PlacedOrder placed = m_driver->placeLimitBuyAndCancel();
    if (QTest::currentTestFailed())
        return;
    // It really went to the venue, once, and the venue cancelled it.
    QCOMPARE(m_server->orderCount(), ordersBefore + 1);
    const Order venueOrder = m_server->orders().constLast();
    QCOMPARE(venueOrder.id, placed.id);
    QCOMPARE(venueOrder.side, Side::Buy);
    QCOMPARE(venueOrder.price, placed.price);
    QCOMPARE(venueOrder.state, OrderState::Cancelled);
}

void TestMainWindowUpbit::marketableOrderFillsAndMovesThePortfolio() {
    const Decimal krwBefore = m_server->freeBalance(QStringLiteral("KRW"));
    m_driver->marketBuyFillsAndMovesPortfolio(QStringLiteral("100000"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_server->freeBalance(QStringLiteral("BTC")) > Decimal::fromString("0.01"));
    QVERIFY(m_server->freeBalance(QStringLiteral("KRW")) < krwBefore);
    // The portfolio follows the venue's balance.
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->portfolioQty(QStringLiteral("BTC")),
                              m_server->freeBalance(QStringLiteral("BTC")), kTimeoutMs);
}

void TestMainWindowUpbit::quietVenueMarksTheDataStale() {
    // A short policy so the venue's silence shows within the test; the real default is 10 s.
    MarketDataHub* hub = m_session->hub();
    const StalenessPolicy normal = hub->stalenessPolicy();
    hub->setStaleCheckIntervalMs(50);
    hub->setStalenessPolicy({400, 400, 0});
    auto* status = m_window->findChild<VenueStatusWidget*>(QStringLiteral("venueStatus_upbit"));

    m_stepper.stop(); // the venue goes quiet
    QTRY_VERIFY_WITH_TIMEOUT(hub->isStreamStale(), kTimeoutMs);
    QVERIFY(m_window->marketHeader()->staleText().startsWith(QStringLiteral("Stale · last update ")));
    QVERIFY(status->staleText().startsWith(QStringLiteral("Stale · last update ")));
    const MarketListModel* list = m_window->marketList()->model();
    QVERIFY(list->isStale(list->rowOfMarket(kMarket)));

    m_stepper.start(); // and speaks again
    QTRY_VERIFY_WITH_TIMEOUT(m_window->marketHeader()->staleText().isEmpty(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!list->isStale(list->rowOfMarket(kMarket)), kTimeoutMs);
    hub->setStalenessPolicy(normal);
    hub->setStaleCheckIntervalMs(1000);
}

void TestMainWindowUpbit::withoutKeysOnlyMarketDataIsRequested() {
    m_server->clearRequests();
    std::unique_ptr<VenueSession> keyless = VenueSession::create(upbitConfig(*m_server, false));
    QVERIFY(!keyless->hasCredentials());
    MainWindow window(m_settings.get(), {keyless.get()}, UiLanguage::English);
    window.resize(1200, 800);
    window.show();

    // Market data flows.
    QTRY_VERIFY_WITH_TIMEOUT(!window.missingLiveData().contains(QStringLiteral("markets")) &&
                                 !window.missingLiveData().contains(QStringLiteral("tickers")),
                             kTimeoutMs);
    QVERIFY(!window.missingLiveData().contains(QStringLiteral("balances")));

    // The account panels explain, the ticket is disabled with the reason.
    const QString reason = QStringLiteral("Add API keys for Upbit to see balances and trade.");
    QCOMPARE(window.findChild<QLabel*>(QStringLiteral("portfolioKeysNotice"))->text(), reason);
    QVERIFY(!window.ticket()->canTrade());
    QCOMPARE(window.findChild<QLabel*>(QStringLiteral("ticketKeysNotice"))->text(), reason);
    QVERIFY(!window.findChild<QPushButton*>(QStringLiteral("submitButton"))->isEnabled());

    // Nothing private was asked of the venue.
    for (const test::FakeRequestLog& r : m_server->requests()) {
        QVERIFY2(!r.headers.contains("authorization"), r.path.constData());
        QVERIFY2(r.status != 401, r.path.constData());
    }
}

void TestMainWindowUpbit::banShowsTheBanner() {
    // The venue answers the next request with a ban (HTTP 418): the connector's limiter stops sending and
    // the window says until when. (Last: the ban outlives the test function.)
    NoticeBanner* banner = m_window->noticeBanner();
    QVERIFY(!banner->isVisible());
    m_server->failNextRequests(1, 418);
    m_window->chartTab()->setInterval(CandleInterval::M15); // any REST request
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
    QVERIFY(banner->text().startsWith(QStringLiteral("Upbit stopped accepting requests until ")));
    QVERIFY(banner->text().endsWith(
        QStringLiteral(" (too many requests). Hoga waits and resumes automatically.")));
    QVERIFY(m_session->blockedUntilMs() > 0);
}

QTEST_MAIN(TestMainWindowUpbit)
#include "tst_main_window_upbit.moc"
