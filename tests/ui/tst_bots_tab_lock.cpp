#include "application/app_settings.h"
#include "bots/bots_tab.h"
#include "mainwindow/main_window.h"
#include "theme/terminal_theme.h"

#include "marketdata/market_data_hub.h"
#include "security/profile_manager.h"
#include "session/profile_engine.h"
#include "session/venue_session.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

// A logged-in profile's window: its engine comes with the profile (attachProfile), and locking the window
// hides the Bots tab while the profile's bots keep trading behind the lock.
class TestBotsTabLock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
    }

    void botsKeepTradingWhileLocked() {
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
        ProfileContext context;
        context.manager = &manager;
        context.profile = alice.profile;
        window.attachProfile(std::move(context));
        QVERIFY(window.profileEngine());
        QVERIFY(window.botsTab());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showTab(window.botsTab());
        QTRY_VERIFY_WITH_TIMEOUT(session->hub()->lastPrice(QStringLiteral("KRW-BTC")).has_value(), 15000);

        ProfileEngine* engine = window.profileEngine();
        BotSpec spec;
        spec.id = QStringLiteral("nightly");
        spec.strategy = QStringLiteral("dca");
        spec.venue = QStringLiteral("sim");
        spec.market = QStringLiteral("KRW-BTC");
        spec.params = {{QStringLiteral("period"), QStringLiteral("1s")},
                       {QStringLiteral("order_value"), QStringLiteral("10000")}};
        QVERIFY(engine->createBot(spec).ok());
        engine->startBot(spec.id);
        QTRY_VERIFY_WITH_TIMEOUT(engine->bot(spec.id)->ordersToday >= 1, 15000);
        QVERIFY(window.botsTab()->isVisible());

        window.lock();
        QVERIFY(window.isLocked());
        QVERIFY(!window.botsTab()->isVisible()); // the figures are hidden
        const int before = engine->bot(spec.id)->ordersToday;
        QTRY_VERIFY_WITH_TIMEOUT(engine->bot(spec.id)->ordersToday >= before + 2, 15000);
        QCOMPARE(engine->bot(spec.id)->state, BotState::Running);
    }
};

QTEST_MAIN(TestBotsTabLock)
#include "tst_bots_tab_lock.moc"
