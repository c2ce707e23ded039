// One window, every venue: the simulator, the fake Upbit and the fake Bithumb run together, offscreen. The
// market list holds the markets of all three and filters them by venue; selecting a market of each venue
// drives the header, every tab and the ticket with that venue's session; the status bar shows each venue;
// the Portfolio tab values the holdings of all three in KRW and USDT, exactly as computed by hand from the
// fakes' balances and prices, says where each rate comes from and which holding has no price at all.

#include "main_window_driver.h"

#include "application/app_settings.h"
#include "application/ui_language.h"
#include "chart/chart_tab.h"
#include "common/item_roles.h"
#include "format/decimal_format.h"
#include "mainwindow/main_window.h"
#include "mainwindow/venue_status_widget.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_filter_model.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "markets/watchlist.h"
#include "orderbook/order_book_tab.h"
#include "portfolio/portfolio_history_chart.h"
#include "portfolio/portfolio_model.h"
#include "portfolio/portfolio_recorder.h"
#include "portfolio/portfolio_tab.h"
#include "session/venue_session.h"
#include "storage/portfolio_history.h"
#include "storage/profile_database.h"
#include "support/fake_venues/fake_venue_server.h"
#include "theme/terminal_theme.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"
#include "trading/trading_tab.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hoga;
using hoga::test::FakeFlavor;
using hoga::test::FakeVenueServer;

namespace {

constexpr int kTimeoutMs = test::MainWindowDriver::kTimeoutMs;
const QString kAccess = QStringLiteral("venues-test-access-key");
const QByteArray kSecret = QByteArrayLiteral("venues-test-secret-key-raw-bytes");

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

VenueConfig fakeConfig(const QString& venue, const FakeVenueServer& server) {
    VenueConfig config;
    config.venue = venue;
    config.endpoints.restUrl = server.restUrl();
    config.endpoints.wsUrl = server.wsUrl();
    config.endpoints.privateWsUrl = server.privateWsUrl();
    config.credentials.accessKey = kAccess;
    config.credentials.secretKey = kSecret;
    return config;
}

// The fakes hold the simulator's default coins unless told otherwise: only what each test names.
void holdOnly(FakeVenueServer& server, const QHash<QString, Decimal>& balances) {
    for (const char* currency : {"KRW", "USDT", "BTC", "ETH", "XRP"})
        server.setBalance(QString::fromLatin1(currency), Decimal());
    for (auto it = balances.cbegin(); it != balances.cend(); ++it)
        server.setBalance(it.key(), it.value());
}

QString text(const QAbstractItemModel* model, const QModelIndex& row, int column,
             int role = Qt::DisplayRole) {
    return model->index(row.row(), column).data(role).toString();
}

} // namespace

class TestMainWindowVenues : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void marketsOfEveryVenueAreListedAndFiltered();
    void selectingAMarketOfEachVenueDrivesEveryTab();
    void statusBarShowsEachVenue();
    void portfolioValuesEveryVenueInKrwAndUsdt();
    void portfolioHistoryIsStoredAndReloaded();
    void watchlistAndCurrentMarketKeepTheirVenue();
    // Last: moves the fakes' prices and installs the Korean translation.
    void portfolioScreenshots();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeVenueServer> m_upbit;
    std::unique_ptr<FakeVenueServer> m_bithumb;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_sim;
    std::unique_ptr<VenueSession> m_upbitSession;
    std::unique_ptr<VenueSession> m_bithumbSession;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindowVenues::initTestCase() {
    QVERIFY(m_dir.isValid());
    qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    theme::apply(*qApp);

    // Different seeds: the two fakes quote different prices, so the rate's source shows in the totals.
    // Nobody steps them: their prices stay where they are and the totals can be computed by hand.
    m_upbit = std::make_unique<FakeVenueServer>(FakeFlavor::Upbit, 11);
    m_bithumb = std::make_unique<FakeVenueServer>(FakeFlavor::Bithumb, 23);
    for (FakeVenueServer* server : {m_upbit.get(), m_bithumb.get()}) {
        QVERIFY(server->start());
        server->addKey(kAccess, kSecret);
    }
    holdOnly(*m_upbit, {{QStringLiteral("KRW"), dec("1000000")},
                        {QStringLiteral("BTC"), dec("0.01")},
                        {QStringLiteral("USDT"), dec("100")}});
    holdOnly(*m_bithumb, {{QStringLiteral("KRW"), dec("2000000")},
                          {QStringLiteral("ETH"), dec("0.5")},
                          {QStringLiteral("ZZZ"), dec("7")}}); // quoted by no venue

    SimConfig sim;
    sim.seed = 7;
    sim.autoRun = false; // prices stay put
    sim.historyCandles = 60;
    sim.initialBalances = {{QStringLiteral("KRW"), dec("500000")}, {QStringLiteral("BTC"), dec("0.002")}};
    m_sim = VenueSession::simulated(sim);
    m_upbitSession = VenueSession::create(fakeConfig(QStringLiteral("upbit"), *m_upbit));
    m_bithumbSession = VenueSession::create(fakeConfig(QStringLiteral("bithumb"), *m_bithumb));
    QVERIFY(m_upbitSession && m_bithumbSession);
    for (VenueSession* s : {m_sim.get(), m_upbitSession.get(), m_bithumbSession.get()})
        s->hub()->setCoalesceIntervalMs(50);

    m_settings = std::make_unique<AppSettings>();
    m_window = std::make_unique<MainWindow>(
        m_settings.get(), QList<VenueSession*>{m_sim.get(), m_upbitSession.get(), m_bithumbSession.get()},
        UiLanguage::English);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindowVenues::cleanupTestCase() {
    m_window.reset();
    m_sim.reset();
    m_upbitSession.reset();
    m_bithumbSession.reset();
    m_upbit.reset();
    m_bithumb.reset();
}

void TestMainWindowVenues::marketsOfEveryVenueAreListedAndFiltered() {
    const MarketListModel* model = m_window->marketList()->model();
    // Sim: 6 coin markets and 3 stocks; the fake Upbit: its KRW and USDT markets (6); the fake Bithumb: KRW
    // markets only (4).
    QTRY_COMPARE_WITH_TIMEOUT(model->venues().size(), 3, kTimeoutMs);
    QCOMPARE(model->rowCount(), 9 + 6 + 4);
    QVERIFY(model->rowOfMarket(QStringLiteral("sim:KRW-BTC")) >= 0);
    QVERIFY(model->rowOfMarket(QStringLiteral("upbit:KRW-BTC")) >= 0);
    QVERIFY(model->rowOfMarket(QStringLiteral("upbit:USDT-BTC")) >= 0);
    QVERIFY(model->rowOfMarket(QStringLiteral("bithumb:KRW-BTC")) >= 0);
    // The venue on each row.
    const int upbitRow = model->rowOfMarket(QStringLiteral("upbit:KRW-ETH"));
    QVERIFY(model->index(upbitRow, MarketListModel::MarketColumn)
                .data(MarketListModel::SubtitleRole)
                .toString()
                .endsWith(QStringLiteral("· Upbit")));

    auto* filter = m_window->findChild<QComboBox*>(QStringLiteral("venueFilter"));
    QVERIFY(filter);
    QCOMPARE(filter->count(), 4); // All venues + three
    filter->setCurrentIndex(filter->findData(QStringLiteral("bithumb")));
    const QAbstractItemModel* shown = m_window->marketList()->filterModel();
    QCOMPARE(shown->rowCount(), 4);
    for (int row = 0; row < shown->rowCount(); ++row)
        QVERIFY(shown->index(row, 0).data(KeyRole).toString().startsWith(QStringLiteral("bithumb:")));
    filter->setCurrentIndex(filter->findData(QStringLiteral("sim")));
    QCOMPARE(shown->rowCount(), 9);
    filter->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 19);
}

void TestMainWindowVenues::selectingAMarketOfEachVenueDrivesEveryTab() {
    test::MainWindowDriver driver(m_window.get(), m_upbitSession.get(), QStringLiteral("KRW-ETH"));
    struct Pick {
        VenueSession* session;
        QString key;
    };
    for (const Pick& pick : {Pick{m_upbitSession.get(), QStringLiteral("upbit:KRW-ETH")},
                             Pick{m_bithumbSession.get(), QStringLiteral("bithumb:KRW-XRP")},
                             Pick{m_sim.get(), QStringLiteral("sim:BTCUSDT")}}) {
        const QString code = pick.key.section(QLatin1Char(':'), 1);
        // As a person would: a click on the row.
        driver.selectMarketByClicking(pick.key);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_window->session(), pick.session);
        QCOMPARE(m_window->currentMarket(), code);
        QCOMPARE(m_window->marketList()->currentMarket(), pick.key);
        QCOMPARE(m_window->chartTab()->market(), code);
        QCOMPARE(m_window->orderBookTab()->market(), code);
        QCOMPARE(m_window->tradingTab()->market(), code);
        QCOMPARE(m_window->ticket()->market(), code);
        QVERIFY(m_window->ticket()->isVisible());
        QVERIFY(m_window->windowTitle().contains(pick.session->displayName()));
        // The shown order book is this venue's.
        driver.showTab(m_window->orderBookTab());
        QVERIFY(m_window->orderBookTab()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(pick.session->hub()->orderBook(code).has_value(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_window->orderBookTab()->findChild<QLabel*>(QStringLiteral("bookSpread"))->text().isEmpty(),
            kTimeoutMs);
        driver.showTab(m_window->chartTab());
        QVERIFY(m_window->chartTab()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->chartTab()->candles().isEmpty(), kTimeoutMs);
    }
}

void TestMainWindowVenues::statusBarShowsEachVenue() {
    for (const QString& venue : {QStringLiteral("sim"), QStringLiteral("upbit"), QStringLiteral("bithumb")}) {
        auto* status = m_window->findChild<VenueStatusWidget*>(QStringLiteral("venueStatus_%1").arg(venue));
        QVERIFY2(status, qPrintable(venue));
        QVERIFY(status->isVisible());
    }
}

void TestMainWindowVenues::portfolioValuesEveryVenueInKrwAndUsdt() {
    PortfolioTab* tab = m_window->portfolioTab();
    m_window->showTab(tab);
    const PortfolioModel* model = tab->model();
    // Every venue's balances arrived: 3 + 3 + 2 holdings.
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 8, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(model->snapshot().usdtKrw.isPositive(), kTimeoutMs);

    // By hand: Upbit's KRW-USDT is the rate; each coin at its own venue's KRW market.
    const Decimal rate = m_upbit->lastPrice(QStringLiteral("KRW-USDT"));
    QVERIFY(rate != m_bithumb->lastPrice(QStringLiteral("KRW-USDT")));
    const Decimal simBtc = m_sim->hub()->lastPrice(QStringLiteral("KRW-BTC")).value_or(Decimal());
    QVERIFY(simBtc.isPositive());
    const Decimal upbitKrw =
        dec("1000000") + dec("0.01") * m_upbit->lastPrice(QStringLiteral("KRW-BTC")) + dec("100") * rate;
    const Decimal bithumbKrw = dec("2000000") + dec("0.5") * m_bithumb->lastPrice(QStringLiteral("KRW-ETH"));
    const Decimal simKrw = dec("500000") + dec("0.002") * simBtc;
    const Decimal totalKrw = upbitKrw + bithumbKrw + simKrw;
    const Decimal totalUsdt = totalKrw.divide(rate, 8, Rounding::HalfEven);

    const PortfolioSnapshot& s = model->snapshot();
    QCOMPARE(s.usdtKrw, rate);
    QCOMPARE(s.usdtKrwSource, QStringLiteral("Upbit KRW-USDT"));
    QCOMPARE(s.venues.size(), 3);
    QCOMPARE(s.venues[0].totalKrw, simKrw);
    QCOMPARE(s.venues[1].totalKrw, upbitKrw);
    QCOMPARE(s.venues[2].totalKrw, bithumbKrw);
    QCOMPARE(s.venues[1].totalUsdt, upbitKrw.divide(rate, 8, Rounding::HalfEven));
    QCOMPARE(s.totalKrw, totalKrw);
    QCOMPARE(s.totalUsdt, totalUsdt);

    // On screen, in total and per venue.
    auto label = [this](const QString& name) {
        auto* l = m_window->portfolioTab()->findChild<QLabel*>(name);
        return l ? l->text() : QString();
    };
    QCOMPARE(label(QStringLiteral("totalValueKrw")), formatDecimal(totalKrw, 0) + QStringLiteral(" KRW"));
    QVERIFY(label(QStringLiteral("totalValueUsdt")).endsWith(QStringLiteral(" USDT")));
    QVERIFY(label(QStringLiteral("venueTotal_upbit")).startsWith(QStringLiteral("Upbit")));
    QVERIFY(label(QStringLiteral("venueTotal_bithumb")).contains(QStringLiteral("1 without price")));
    QVERIFY(label(QStringLiteral("venueTotal_sim")).contains(QStringLiteral(" KRW")));

    // Where each rate comes from, on hover.
    const QString usdtTip = tab->findChild<QLabel*>(QStringLiteral("totalValueUsdt"))->toolTip();
    QVERIFY2(usdtTip.contains(QStringLiteral("Upbit KRW-USDT")), qPrintable(usdtTip));
    const QModelIndex upbitBtc = test::MainWindowDriver::findRow(model, QStringLiteral("upbit:BTC"));
    QVERIFY(upbitBtc.isValid());
    const QString priceTip = text(model, upbitBtc, PortfolioModel::ValueKrwColumn, Qt::ToolTipRole);
    QVERIFY2(priceTip.contains(QStringLiteral("Upbit KRW-BTC")), qPrintable(priceTip));
    QVERIFY2(priceTip.contains(QStringLiteral("Upbit KRW-USDT")), qPrintable(priceTip));
    const QModelIndex simBtcRow = test::MainWindowDriver::findRow(model, QStringLiteral("sim:BTC"));
    QVERIFY(text(model, simBtcRow, PortfolioModel::PriceColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("Simulated market KRW-BTC")));
    QCOMPARE(text(model, simBtcRow, PortfolioModel::VenueColumn), m_sim->displayName());

    // A holding no venue quotes says so and is not in the total.
    const QModelIndex zzz = test::MainWindowDriver::findRow(model, QStringLiteral("bithumb:ZZZ"));
    QVERIFY(zzz.isValid());
    QCOMPARE(text(model, zzz, PortfolioModel::ValueKrwColumn), QStringLiteral("no price"));
    QVERIFY(!text(model, zzz, PortfolioModel::AssetColumn, Qt::ToolTipRole).isEmpty());
    QVERIFY(tab->findChild<QLabel*>(QStringLiteral("totalValueKrw"))
                ->toolTip()
                .contains(QStringLiteral("1 holding")));
}

void TestMainWindowVenues::portfolioHistoryIsStoredAndReloaded() {
    const QString file = m_dir.filePath(QStringLiteral("history.sqlite"));
    const QList<VenueSession*> sessions{m_sim.get(), m_upbitSession.get(), m_bithumbSession.get()};
    const PortfolioSnapshot& now = m_window->portfolioTab()->model()->snapshot();
    {
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        PortfolioHistory history(&db);
        ManualClock clock(1'700'000'000'000);
        PortfolioRecorder recorder(sessions, &history, &clock);
        QSignalSpy recorded(&recorder, &PortfolioRecorder::recorded);
        QVERIFY(recorder.sampleNow());
        clock.advanceMs(60'000);
        QVERIFY(recorder.sampleNow());
        QCOMPARE(recorded.size(), 2);
    }
    // A new start of the profile finds the samples, exact, and draws them.
    ProfileDatabase db(file);
    QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
    const QVector<PortfolioValuePoint> points = PortfolioHistory(&db).points();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points[0].atMs, 1'700'000'000'000);
    QCOMPARE(points[1].atMs, 1'700'000'060'000);
    QCOMPARE(points[1].totalKrw, now.totalKrw); // nobody moved the prices
    QCOMPARE(points[1].totalUsdt, now.totalUsdt);
    PortfolioHistoryChart* chart = m_window->portfolioTab()->historyChart();
    QVERIFY(chart->isVisible());
    chart->setPoints(points);
    QCOMPARE(chart->pointCount(), 2);
}

void TestMainWindowVenues::watchlistAndCurrentMarketKeepTheirVenue() {
    m_window->setCurrentMarket(QStringLiteral("bithumb:KRW-ETH"));
    QCOMPARE(m_window->session(), m_bithumbSession.get());
    m_window->watchlist()->add(QStringLiteral("bithumb:KRW-ETH"));
    m_window->watchlist()->add(QStringLiteral("upbit:USDT-BTC"));
    m_window->close(); // saves the settings

    AppSettings reread;
    QCOMPARE(reread.watchlist(QStringLiteral("bithumb")), QStringList{QStringLiteral("KRW-ETH")});
    QCOMPARE(reread.watchlist(QStringLiteral("upbit")), QStringList{QStringLiteral("USDT-BTC")});
    QCOMPARE(reread.watchlist(QStringLiteral("sim")), QStringList());
    QCOMPARE(reread.selectedVenue(), QStringLiteral("bithumb"));
    QCOMPARE(reread.selectedMarket(QStringLiteral("bithumb")), QStringLiteral("KRW-ETH"));

    // A new window of the same venues starts on the same venue's market, with the same stars.
    MainWindow again(&reread, {m_sim.get(), m_upbitSession.get(), m_bithumbSession.get()},
                     UiLanguage::English);
    QTRY_COMPARE_WITH_TIMEOUT(again.session(), m_bithumbSession.get(), kTimeoutMs);
    QCOMPARE(again.currentMarket(), QStringLiteral("KRW-ETH"));
    QCOMPARE(again.watchlist()->codes(),
             (QStringList{QStringLiteral("upbit:USDT-BTC"), QStringLiteral("bithumb:KRW-ETH")}));
}

// The Portfolio tab with holdings of the three venues and an hour of history, in English and Korean. Saved to
// HOGA_TEST_SHOTS_DIR when set (under Xvfb for packaging/screenshots/), else to a temporary folder.
void TestMainWindowVenues::portfolioScreenshots() {
    const QString shots = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR", m_dir.path());
    QVERIFY(QDir().mkpath(shots));
    // A simulator that runs, as it does in the app (the test's own one stands still).
    SimConfig running;
    running.seed = 7;
    running.historyCandles = 60;
    running.initialBalances = {{QStringLiteral("KRW"), dec("500000")}, {QStringLiteral("BTC"), dec("0.002")}};
    const std::unique_ptr<VenueSession> sim = VenueSession::simulated(running);
    const QList<VenueSession*> sessions{sim.get(), m_upbitSession.get(), m_bithumbSession.get()};
    sim->start();
    QTRY_VERIFY_WITH_TIMEOUT(!sim->trading()->balances().isEmpty() &&
                                 sim->hub()->lastPrice(QStringLiteral("KRW-BTC")).has_value(),
                             kTimeoutMs);

    // An hour of samples while the fake venues' markets move.
    ProfileDatabase db(m_dir.filePath(QStringLiteral("shots.sqlite")));
    QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
    PortfolioHistory history(&db);
    ManualClock clock(QDateTime::currentMSecsSinceEpoch() - 60 * 60'000);
    PortfolioRecorder recorder(sessions, &history, &clock);
    for (int minute = 0; minute < 60; ++minute) {
        const Decimal before = m_upbit->lastPrice(QStringLiteral("KRW-BTC"));
        for (int i = 0; i < 4; ++i) {
            m_upbit->step();
            m_bithumb->step();
        }
        const Decimal after = m_upbit->lastPrice(QStringLiteral("KRW-BTC"));
        if (after != before) // the window hears of it through the stream
            QTRY_COMPARE_WITH_TIMEOUT(
                m_upbitSession->hub()->lastPrice(QStringLiteral("KRW-BTC")).value_or(Decimal()), after,
                kTimeoutMs);
        QVERIFY(recorder.sampleNow());
        clock.advanceMs(60'000);
    }
    QCOMPARE(history.points().size(), 60);

    for (UiLanguage language : {UiLanguage::English, UiLanguage::Korean}) {
        if (language == UiLanguage::Korean)
            QVERIFY(installTranslations(*qApp, UiLanguage::Korean));
        AppSettings settings(m_dir.filePath(QStringLiteral("shots_%1.ini").arg(int(language))));
        MainWindow window(&settings, sessions, language);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setCurrentMarket(QStringLiteral("upbit:KRW-BTC"));
        window.showTab(window.portfolioTab());
        window.portfolioTab()->historyChart()->setPoints(history.points());
        QTRY_COMPARE_WITH_TIMEOUT(window.portfolioTab()->model()->rowCount(), 8, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.portfolioTab()->model()->snapshot().usdtKrw.isPositive(), kTimeoutMs);
        for (int i = 0; i < 4; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QString name = language == UiLanguage::Korean ? QStringLiteral("portfolio_venues_ko.png")
                                                            : QStringLiteral("portfolio_venues.png");
        const QString path = QDir(shots).filePath(name);
        QVERIFY2(window.grab().save(path), qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
        window.close();
    }
}

QTEST_MAIN(TestMainWindowVenues)
#include "tst_main_window_venues.moc"
