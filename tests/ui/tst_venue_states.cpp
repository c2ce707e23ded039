// How the window tells the state of a venue, on a scripted connector and a manual clock: stale market data
// (header, market list, status bar), a request ban (banner until it ends), venue errors (status bar, never a
// dialog), and a venue without API keys (market data only, account panels explain, ticket disabled).

#include "application/app_settings.h"
#include "common/data_table_view.h"
#include "mainwindow/main_window.h"
#include "mainwindow/notice_banner.h"
#include "mainwindow/venue_status_widget.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_header.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "portfolio/portfolio_tab.h"
#include "session/credential_provider.h"
#include "session/venue_session.h"
#include "support/fake_connector.h"
#include "support/test_credential_schema.h"
#include "theme/terminal_theme.h"
#include "trading/order_ticket.h"
#include "trading/trading_tab.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

constexpr int kTimeoutMs = 5000;
const QString kBtc = QStringLiteral("KRW-BTC");
const QString kEth = QStringLiteral("KRW-ETH");

Market market(const QString& code) {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = code;
    m.base = code.section(QLatin1Char('-'), 1);
    m.quote = QStringLiteral("KRW");
    m.displayName = m.base;
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = Decimal::fromString("0.00000001");
    return m;
}

Ticker ticker(const QString& code) {
    Ticker t;
    t.venue = QStringLiteral("fake");
    t.market = code;
    t.last = Decimal(100'000'000);
    t.prevClose = Decimal(99'000'000);
    return t;
}

OrderBook book(const QString& code) {
    OrderBook b(QStringLiteral("fake"), code);
    b.applySnapshot({{Decimal(99'999'000), Decimal(1)}}, {{Decimal(100'001'000), Decimal(1)}}, 0);
    return b;
}

// With HOGA_TEST_SHOTS_DIR set, keeps a picture of the window in that state (for looking at, not asserted).
void saveShot(QWidget* window, const char* name) {
    const QString dir = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
}

class KeylessConnector : public FakeConnector {
public:
    bool hasCredentials() const override { return false; }
};

// A window over a scripted connector whose hub runs on a manual clock.
struct Fixture {
    ManualClock clock;
    FakeConnector* fake = nullptr; // owned by the session's connector host
    std::unique_ptr<VenueSession> session;
    std::unique_ptr<MainWindow> window;

    Fixture(AppSettings* settings, std::unique_ptr<FakeConnector> connector) {
        connector->markets = {market(kBtc), market(kEth)};
        connector->tickers = {ticker(kBtc), ticker(kEth)};
        fake = connector.get();
        session = std::make_unique<VenueSession>(std::move(connector), nullptr, &clock);
        session->hub()->setCoalesceIntervalMs(10);
        session->hub()->setStaleCheckIntervalMs(3'600'000); // the tests evaluate staleness by hand
        window =
            std::make_unique<MainWindow>(settings, QList<VenueSession*>{session.get()}, UiLanguage::English);
        window->resize(1400, 900);
        window->show();
    }
    ~Fixture() {
        window.reset();
        session.reset();
    }
    MarketListModel* list() const { return window->marketList()->model(); }
    // Lets the hub publish what the stream delivered (its coalescing timer), as the running app would.
    void publish() {
        QSignalSpy updated(session->hub(), &MarketDataHub::updated);
        QVERIFY(updated.wait(kTimeoutMs));
    }
    VenueStatusWidget* status() const {
        return window->findChild<VenueStatusWidget*>(QStringLiteral("venueStatus_fake"));
    }
};

} // namespace

class TestVenueStates : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
        m_settings = std::make_unique<AppSettings>();
    }

    void staleMarketsShowInHeaderListAndStatusBar() {
        Fixture f(m_settings.get(), std::make_unique<FakeConnector>());
        MarketDataHub* hub = f.session->hub();
        QCOMPARE(hub->stalenessPolicy().bookMs, qint64(10'000)); // a real venue's policy
        QTRY_COMPARE_WITH_TIMEOUT(f.window->currentMarket(), kBtc, kTimeoutMs);
        f.window->setCurrentMarket(kBtc);

        emit f.fake->tickerUpdated(ticker(kBtc));
        emit f.fake->tickerUpdated(ticker(kEth));
        emit f.fake->orderBookUpdated(book(kEth));
        f.publish();
        hub->checkStaleness();
        QCOMPARE(f.window->marketHeader()->staleText(), QString());
        QCOMPARE(f.status()->staleText(), QString());

        // BTC keeps streaming, ETH goes quiet for 12 s.
        f.clock.advanceMs(10'000);
        emit f.fake->tickerUpdated(ticker(kBtc));
        f.publish();
        f.clock.advanceMs(2'000);
        hub->checkStaleness();
        QCOMPARE(f.window->marketHeader()->staleText(), QString());
        const int ethRow = f.list()->rowOfMarket(kEth);
        QVERIFY(f.list()->isStale(ethRow));
        QVERIFY(!f.list()->isStale(f.list()->rowOfMarket(kBtc)));
        const QModelIndex ethName = f.list()->index(ethRow, MarketListModel::MarketColumn);
        QVERIFY(ethName.data(MarketListModel::StaleRole).toBool());
        QVERIFY(ethName.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Stale")));
        QCOMPARE(f.status()->staleText(), QStringLiteral("Stale markets: 1"));

        // The header of the silent market says since when.
        f.window->setCurrentMarket(kEth);
        QCOMPARE(f.window->marketHeader()->staleText(), QStringLiteral("Stale · last update 12 s ago"));
        auto* badge = f.window->findChild<QLabel*>(QStringLiteral("headerStaleLabel"));
        QVERIFY(badge && badge->isVisible());
        saveShot(f.window.get(), "stale_market");

        // Everything silent: the status bar speaks for the whole stream.
        f.clock.advanceMs(20'000);
        hub->checkStaleness();
        QVERIFY(hub->isStreamStale());
        QCOMPARE(f.status()->staleText(),
                 QStringLiteral("Stale · last update 22 s ago")); // BTC's last ticker
        QCOMPARE(f.window->marketHeader()->staleText(), QStringLiteral("Stale · last update 32 s ago"));
        saveShot(f.window.get(), "stale_stream");

        // Data flows again for ETH: its marks clear.
        emit f.fake->orderBookUpdated(book(kEth));
        hub->checkStaleness();
        QCOMPARE(f.window->marketHeader()->staleText(), QString());
        QVERIFY(!badge->isVisible());
        QVERIFY(!f.list()->isStale(ethRow));
        QCOMPARE(f.status()->staleText(), QStringLiteral("Stale markets: 1"));
    }

    void requestBanShowsABannerUntilItEnds() {
        Fixture f(m_settings.get(), std::make_unique<FakeConnector>());
        NoticeBanner* banner = f.window->noticeBanner();
        QVERIFY(!banner->isVisible());

        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 90'000;
        emit f.fake->requestsBlocked(until); // from the connector's side: queued to the window
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
        const QString time =
            QDateTime::fromMSecsSinceEpoch(until).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        const QString expected = QStringLiteral("Fake venue stopped accepting requests until %1 (too many "
                                                "requests). Hoga waits and resumes automatically.")
                                     .arg(time);
        QCOMPARE(banner->text(), expected);
        QCOMPARE(f.window->statusBar()->currentMessage(), expected);
        QCOMPARE(f.session->blockedUntilMs(), until);
        saveShot(f.window.get(), "request_ban");

        emit f.fake->requestsBlocked(0);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kTimeoutMs);
        QCOMPARE(f.window->statusBar()->currentMessage(),
                 QStringLiteral("Fake venue accepts requests again."));
        QCOMPARE(f.session->blockedUntilMs(), qint64(0));
    }

    void venueErrorsGoToTheStatusBarNeverToDialogs() {
        Fixture f(m_settings.get(), std::make_unique<FakeConnector>());
        VenueError error = FakeConnector::error(ErrorKind::Network, QStringLiteral("ws_closed"));
        for (int i = 0; i < 5; ++i)
            emit f.fake->streamError(error);
        const QString expected = QStringLiteral("Fake venue: %1").arg(error.userMessage());
        QTRY_COMPARE_WITH_TIMEOUT(f.window->statusBar()->currentMessage(), expected, kTimeoutMs);
        for (QWidget* w : QApplication::topLevelWidgets())
            QVERIFY2(!qobject_cast<QMessageBox*>(w) || !w->isVisible(), "an error opened a dialog");
    }

    void venueWithoutKeysShowsMarketDataOnly() {
        Fixture f(m_settings.get(), std::make_unique<KeylessConnector>());
        QVERIFY(!f.session->hasCredentials());
        const QString reason = QStringLiteral("Add API keys for Fake venue to see balances and trade.");
        QCOMPARE(f.session->needsKeysMessage(), reason);

        // Market data still flows.
        QTRY_COMPARE_WITH_TIMEOUT(f.list()->rowCount(), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.list()->tickerAt(0).has_value(), kTimeoutMs);
        QVERIFY(!f.window->missingLiveData().contains(QStringLiteral("balances")));

        // The account is never asked for: no authentication errors to report.
        QCOMPARE(f.fake->balancesCalls, 0);
        QCOMPARE(f.fake->openOrdersCalls, 0);
        QCOMPARE(f.fake->accountSubscriptions, 0);

        // Portfolio and trading panels explain instead of showing numbers.
        QCOMPARE(f.window->portfolioTab()->view()->emptyText(), reason);
        auto* portfolioNotice = f.window->findChild<QLabel*>(QStringLiteral("portfolioKeysNotice"));
        QVERIFY(portfolioNotice && portfolioNotice->isVisible());
        QCOMPARE(portfolioNotice->text(), reason);
        QVERIFY(!f.window->findChild<QLabel*>(QStringLiteral("totalValueKrw"))->isVisible());
        for (const char* name : {"openOrdersView", "fillsView", "orderHistoryView"})
            QCOMPARE(f.window->findChild<DataTableView*>(QString::fromLatin1(name))->emptyText(), reason);

        // The ticket is disabled and says why.
        OrderTicket* ticket = f.window->ticket();
        QVERIFY(!ticket->canTrade());
        QCOMPARE(ticket->disabledReason(), reason);
        auto* notice = f.window->findChild<QLabel*>(QStringLiteral("ticketKeysNotice"));
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(notice->text(), reason);
        QTRY_VERIFY_WITH_TIMEOUT(!ticket->market().isEmpty(), kTimeoutMs);
        for (const char* name : {"submitButton", "buySideButton", "limitTypeButton", "pct50Button"})
            QVERIFY2(!f.window->findChild<QPushButton*>(QString::fromLatin1(name))->isEnabled(), name);
        for (const char* name : {"priceEdit", "qtyEdit"})
            QVERIFY2(!f.window->findChild<QLineEdit*>(QString::fromLatin1(name))->isEnabled(), name);

        // A real venue is named, never called simulated.
        QVERIFY(f.window->windowTitle().contains(QStringLiteral("Fake venue")));
        QVERIFY(!f.window->windowTitle().contains(QStringLiteral("Simulated")));
        for (QLabel* badge : f.window->findChildren<QLabel*>(QStringLiteral("simulatedBadge")))
            QVERIFY(!badge->isVisible());
    }

    void keysComeFromTheEnvironment() {
        QProcessEnvironment env;
        EnvironmentCredentialProvider none(env);
        QVERIFY(none.credentialsFor(QStringLiteral("upbit")).isEmpty());

        env.insert(QStringLiteral("HOGA_API_KEY"), QStringLiteral("access"));
        QVERIFY(EnvironmentCredentialProvider(env).credentialsFor(QStringLiteral("upbit")).isEmpty());
        env.insert(QStringLiteral("HOGA_API_SECRET"), QStringLiteral("s3cret"));
        const Credentials keys = EnvironmentCredentialProvider(env).credentialsFor(QStringLiteral("bithumb"));
        QCOMPARE(keys.accessKey, QStringLiteral("access"));
        QCOMPARE(keys.secretKey, QByteArrayLiteral("s3cret"));
        QVERIFY(EnvironmentCredentialProvider(env).credentialsFor(QStringLiteral("sim")).isEmpty());
        QVERIFY(keys.extras.isEmpty());

        // A venue's extra fields come from HOGA_<FIELD ID>.
        env.insert(QStringLiteral("HOGA_ACCOUNT"), QStringLiteral("50012345-01"));
        const Credentials kis =
            EnvironmentCredentialProvider(env, test::schemasWithAccount(QStringLiteral("kis")))
                .credentialsFor(QStringLiteral("kis"));
        QCOMPARE(kis.accessKey, QStringLiteral("access"));
        QCOMPARE(kis.extras, (QHash<QString, QString>{{"account", "50012345-01"}}));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestVenueStates)
#include "tst_venue_states.moc"
