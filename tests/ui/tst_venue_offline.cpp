// A venue that cannot be reached (Upbit pointed at a closed loopback port): the market list, the banner
// above every tab and each tab's empty state say why and when Hoga tries again, instead of "Loading
// markets…" forever; the retry keeps going with a growing delay. Also what the window claims: the About box
// names only the venues that work, and the ticket never shows "Price ()".

#include "application/app_settings.h"
#include "application/ui_language.h"
#include "chart/candle_chart_view.h"
#include "chart/chart_tab.h"
#include "common/data_table_view.h"
#include "mainwindow/main_window.h"
#include "mainwindow/notice_banner.h"
#include "markets/market_list_panel.h"
#include "orderbook/depth_chart_view.h"
#include "orderbook/order_book_tab.h"
#include "portfolio/portfolio_tab.h"
#include "session/market_load_retry.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"
#include "trading/order_ticket.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hoga;

namespace {

constexpr int kTimeoutMs = 30000;

// A loopback port that nothing listens on: bound once to learn a free one, then closed.
quint16 closedPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9; // discard: closed on any test machine
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestVenueOffline : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
        m_settings = std::make_unique<AppSettings>();

        const quint16 port = closedPort();
        VenueConfig config;
        config.venue = QStringLiteral("upbit");
        config.endpoints.restUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.endpoints.wsUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1/websocket/v1").arg(port));
        config.endpoints.privateWsUrl =
            QUrl(QStringLiteral("ws://127.0.0.1:%1/websocket/v1/private").arg(port));
        config.credentials.accessKey = QStringLiteral("offline-test-access");
        config.credentials.secretKey = QByteArrayLiteral("offline-test-secret");
        m_session = VenueSession::create(config);
        QVERIFY(m_session);
        m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                UiLanguage::English);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void theTicketNeverShowsEmptyCurrencies() {
        // No market can load: the labels name no currency rather than "Price ()".
        for (QLabel* label : m_window->ticket()->findChildren<QLabel*>())
            QVERIFY2(!label->text().contains(QStringLiteral("()")), qPrintable(label->text()));
        QVERIFY(m_window->ticket()->findChildren<QLabel*>().size() > 3);
        bool price = false;
        for (QLabel* label : m_window->ticket()->findChildren<QLabel*>())
            price = price || label->text() == QLatin1String("Price");
        QVERIFY(price);
    }

    void everyPanelSaysWhyAndWhenItRetries() {
        MarketLoadRetry* retry = m_session->marketLoad();
        QTRY_VERIFY_WITH_TIMEOUT(retry->isUnreachable(), kTimeoutMs);
        QVERIFY(retry->nextRetryMs() > QDateTime::currentMSecsSinceEpoch() - 1000);
        const QString message = retry->message();
        const QString time = QDateTime::fromMSecsSinceEpoch(retry->nextRetryMs())
                                 .toLocalTime()
                                 .toString(QStringLiteral("HH:mm:ss"));
        QVERIFY2(message.startsWith(QStringLiteral("Cannot reach Upbit. ")), qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral("Next try at %1.").arg(time)), qPrintable(message));
        QVERIFY2(message.contains(retry->reason()), qPrintable(message));
        QVERIFY(!retry->reason().isEmpty());

        // The market list: the reason, not "Loading markets…".
        auto* list = m_window->findChild<DataTableView*>(QStringLiteral("marketListView"));
        QCOMPARE(list->emptyText(), message);

        // Above every tab the banner says it; each tab's own empty state too.
        NoticeBanner* banner = m_window->noticeBanner();
        QTabWidget* tabs = m_window->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QVERIFY2(banner->isVisible(), qPrintable(tabs->tabText(i)));
            QVERIFY(banner->text().contains(message));
        }
        QCOMPARE(m_window->portfolioTab()->view()->emptyText(), message);
        QCOMPARE(m_window->chartTab()->chartView()->emptyText(), message);
        QCOMPARE(m_window->orderBookTab()->askView()->emptyText(), message);
        QCOMPARE(m_window->orderBookTab()->depthChart()->emptyText(), message);
        for (const char* name : {"openOrdersView", "fillsView", "orderHistoryView"})
            QCOMPARE(m_window->findChild<DataTableView*>(QString::fromLatin1(name))->emptyText(), message);
        auto* notice = m_window->findChild<QLabel*>(QStringLiteral("ticketUnavailableNotice"));
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(notice->text(), message);
    }

    void itKeepsTryingWithAGrowingDelay() {
        MarketLoadRetry* retry = m_session->marketLoad();
        const int failures = retry->failures();
        QVERIFY(failures >= 1);
        const qint64 firstDelay = retry->nextRetryMs() - QDateTime::currentMSecsSinceEpoch();
        QSignalSpy changed(retry, &MarketLoadRetry::changed);
        retry->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(retry->failures() > failures && retry->nextRetryMs() > 0, kTimeoutMs);
        QVERIFY(retry->isUnreachable());
        const qint64 nextDelay = retry->nextRetryMs() - QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(nextDelay > firstDelay,
                 qPrintable(QStringLiteral("%1 then %2").arg(firstDelay).arg(nextDelay)));
        QVERIFY(nextDelay <= MarketLoadRetry::kMaxDelayMs);
        QVERIFY(changed.count() >= 2); // trying now, then failed again
    }

    void aboutNamesOnlyTheVenuesThatWork() {
        QAction* about = nullptr;
        for (QAction* a : m_window->menuBar()->findChildren<QAction*>())
            if (a->text() == QLatin1String("&About Hoga"))
                about = a;
        QVERIFY(about);
        about->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox*>()) != nullptr, 5000);
        const QString text = box->informativeText();
        QVERIFY2(text.contains(QStringLiteral("Upbit and Bithumb")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("simulated market")));
        QVERIFY(!text.contains(QStringLiteral("Binance")));
        QVERIFY(!text.contains(QStringLiteral("KIS")));
        box->close();
    }

    // With HOGA_TEST_SHOTS_DIR set: offline_en.png and offline_ko.png of the window in this state (for the
    // README; run under Xvfb with QT_QPA_PLATFORM=xcb for real X rendering).
    void screenshotsInBothLanguages() {
        const QString dir = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR");
        if (dir.isEmpty())
            QSKIP("HOGA_TEST_SHOTS_DIR not set");
        m_window->tabs()->setCurrentWidget(m_window->orderBookTab());
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/offline_en.png")));
        m_window.reset();
        QVERIFY(installTranslations(*qApp, UiLanguage::Korean));
        auto korean = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                   UiLanguage::Korean);
        korean->resize(1400, 900);
        korean->show();
        QVERIFY(QTest::qWaitForWindowExposed(korean.get()));
        // A fresh window learns of the state at the next try: ask for one now.
        QSignalSpy changed(m_session->marketLoad(), &MarketLoadRetry::changed);
        m_session->marketLoad()->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->marketLoad()->nextRetryMs() > 0, kTimeoutMs);
        korean->tabs()->setCurrentWidget(korean->orderBookTab());
        QVERIFY(korean->grab().save(dir + QStringLiteral("/offline_ko.png")));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestVenueOffline)
#include "tst_venue_offline.moc"
