// The Record toggle in a logged-in profile's window: it sits on the chart's bar for the selected market,
// records that market's live data into the profile's market-data database (the file hoga-cli uses), keeps
// recording while another market is shown, and the Backtest window can replay what it recorded.

#include "application/app_settings.h"
#include "chart/chart_tab.h"
#include "mainwindow/main_window.h"
#include "research/record_place.h"
#include "research/record_toggle.h"
#include "research/recorder/sql_market_data_store.h"
#include "security/profile_manager.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

class TestRecordInWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
    }

    void recordsTheSelectedMarket() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv(AppSettings::kPathVariable, dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        ProfileManager::Options options;
        options.baseDir = dir.filePath(QStringLiteral("profiles"));
        options.scrypt = ScryptParams::fast();
        ProfileManager manager(options);
        const ProfileResult alice =
            manager.create(QStringLiteral("Alice"), QStringLiteral("correct horse"), false);
        QVERIFY2(alice.ok(), qPrintable(alice.message));

        SimConfig config;
        config.stepIntervalMs = 20;
        config.historyCandles = 50;
        const std::unique_ptr<VenueSession> session = VenueSession::simulated(config);
        AppSettings settings;
        MainWindow window(&settings, {session.get()}, UiLanguage::English);
        QVERIFY(!window.recordPlace()); // no profile, no database to record into
        ProfileContext context;
        context.manager = &manager;
        context.profile = alice.profile;
        window.attachProfile(std::move(context));
        window.resize(1024, 680);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setCurrentMarket(QStringLiteral("KRW-BTC"));
        window.showTab(window.chartTab());

        // On the chart's bar, for the selected market, visible at the smallest window size.
        RecordPlace* place = window.recordPlace();
        QVERIFY(place);
        QVERIFY(window.chartTab()->isAncestorOf(place));
        QCOMPARE(place->market(), QStringLiteral("KRW-BTC"));
        RecordToggle* btc = place->currentToggle();
        QVERIFY(btc);
        auto* button = btc->findChild<QPushButton*>(QStringLiteral("recordButton"));
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible());
        // It asks for no more room than its button: its status shortens in a narrow window.
        QVERIFY(place->minimumSizeHint().width() <= button->sizeHint().width() + 16);
        // Laid out whole once the bar has placed it.
        QTRY_VERIFY(button->width() >= button->sizeHint().width());
        QTRY_COMPARE(button->visibleRegion().boundingRect(), button->rect());
        QVERIFY(btc->statusText().startsWith(QStringLiteral("0 row")));

        // The click lands where the window has laid the button out.
        QTRY_COMPARE(window.childAt(button->mapTo(&window, button->rect().center())), button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(btc->isRecording());
        QTRY_VERIFY_WITH_TIMEOUT(btc->recorder()->rowsWritten() > 5, 15000);
        btc->refreshStatus();
        QVERIFY(btc->statusText().contains(QStringLiteral("0 dropped")));

        // Another market on screen: its own toggle, off; KRW-BTC goes on recording.
        window.setCurrentMarket(QStringLiteral("KRW-ETH"));
        QCOMPARE(place->market(), QStringLiteral("KRW-ETH"));
        QVERIFY(place->currentToggle() != btc);
        QVERIFY(!place->currentToggle()->isRecording());
        QCOMPARE(place->recordingMarkets(), QStringList{QStringLiteral("KRW-BTC")});
        const qint64 before = btc->recorder()->rowsWritten();
        QTRY_VERIFY_WITH_TIMEOUT(btc->recorder()->rowsWritten() > before, 15000);

        window.setCurrentMarket(QStringLiteral("KRW-BTC"));
        QCOMPARE(place->currentToggle(), btc);
        QVERIFY(button->isChecked());
        QTRY_COMPARE(window.childAt(button->mapTo(&window, button->rect().center())), button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!btc->isRecording());
        QVERIFY(!button->isChecked());
        QVERIFY2(!btc->statusText().startsWith(QStringLiteral("0 row")), qPrintable(btc->statusText()));

        // The rows are in the profile's market-data database, for KRW-BTC only.
        const QString file = manager.paths(alice.profile.id).dir() + QStringLiteral("/market-data.sqlite");
        QVERIFY(QFileInfo::exists(file));
        {
            SqlMarketDataStore store(MarketDataUrl::sqlite(file));
            QVERIFY2(store.open(), qPrintable(store.errorString()));
            const QVector<QPair<QString, QString>> markets = store.recordedMarkets();
            QCOMPARE(markets.size(), 1);
            QCOMPARE(markets.first().first, session->venueId());
            QCOMPARE(markets.first().second, QStringLiteral("KRW-BTC"));
        }

        // The Backtest window reads that database: its "Recorded trades" source is offered; it starts on the
        // selected market, and can download from the window's venue.
        window.setCurrentMarket(QStringLiteral("KRW-ETH"));
        QAction* backtest = window.findChild<QAction*>(QStringLiteral("backtestAction"));
        QVERIFY(backtest);
        backtest->trigger();
        QWidget* tab = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w->objectName() == QLatin1String("backtestTab"))
                tab = w;
        QVERIFY(tab);
        auto* source = tab->findChild<QComboBox*>(QStringLiteral("sourceCombo"));
        auto* model = qobject_cast<QStandardItemModel*>(source->model());
        QVERIFY(model->item(1)->isEnabled());
        QVERIFY(model->item(2)->isEnabled());
        QCOMPARE(tab->findChild<QLineEdit*>(QStringLiteral("marketEdit"))->text(), QStringLiteral("KRW-ETH"));
        tab->close();
    }
};

QTEST_MAIN(TestRecordInWindow)
#include "tst_record_in_window.moc"
