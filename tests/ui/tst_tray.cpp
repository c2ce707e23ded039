#include "application/app_settings.h"
#include "mainwindow/main_window.h"
#include "theme/terminal_theme.h"
#include "tray/tray_controller.h"

#include "marketdata/market_data_hub.h"
#include "session/profile_engine.h"
#include "session/venue_session.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hoga;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");

BotSpec dcaSpec(const QString& id) {
    BotSpec spec;
    spec.id = id;
    spec.strategy = QStringLiteral("dca");
    spec.venue = QStringLiteral("sim");
    spec.market = kBtc;
    spec.params = {{QStringLiteral("period"), QStringLiteral("1s")},
                   {QStringLiteral("order_value"), QStringLiteral("10000")}};
    return spec;
}

// Answers the "bots are running" question of the next close with the button whose text starts with `text`.
void answerQuitQuestion(const QString& text, bool* answered) {
    QTimer::singleShot(0, [text, answered] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (!box || box->objectName() != QLatin1String("quitWithBotsQuestion") || !box->isVisible())
                continue;
            for (QAbstractButton* b : box->buttons()) {
                if (b->text().remove(QLatin1Char('&')).startsWith(text)) {
                    *answered = true;
                    b->click();
                    return;
                }
            }
        }
        answerQuitQuestion(text, answered); // not shown yet: look again on the next turn of the loop
    });
}

} // namespace

// The window and the system tray. Under tst_tray_run.sh (Xvfb with a tray host) the window hides to the tray
// on close and bots keep trading; offscreen there is no tray, and closing asks about running bots.
class TestTray : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    ProfileEngine* engine() const { return m_window->profileEngine(); }
    BotState stateOf(const QString& id) const {
        const auto bot = engine()->bot(id);
        return bot ? bot->state : BotState::Error;
    }
    int ordersOf(const QString& id) const {
        const auto bot = engine()->bot(id);
        return bot ? bot->ordersToday : -1;
    }
    QAction* trayAction(const QString& name) const {
        return m_window->tray()->menu()->findChild<QAction*>(name);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
        if (qEnvironmentVariableIsSet("HOGA_EXPECT_TRAY"))
            QVERIFY2(TrayController::trayAvailable(),
                     "tst_tray_run.sh started a tray host, but Qt sees no tray");
        SimConfig config;
        config.stepIntervalMs = 20;
        config.historyCandles = 50;
        m_session = VenueSession::simulated(config);
        m_settings = std::make_unique<AppSettings>();
        m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                UiLanguage::English);
        ProfileEngineOptions options;
        options.databasePath = m_dir.filePath(QStringLiteral("profile.sqlite"));
        options.tickIntervalMs = 50;
        auto profileEngine = std::make_unique<ProfileEngine>(options, m_window->sessions());
        QVERIFY(profileEngine->open());
        m_window->attachEngine(std::move(profileEngine));
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hub()->lastPrice(kBtc).has_value(), 15000);
        QVERIFY(engine()->createBot(dcaSpec(QStringLiteral("night"))).ok());
        engine()->startBot(QStringLiteral("night"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("night")), BotState::Running, 10000);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void trayIconWithMenuAndToolTip() {
        if (!TrayController::trayAvailable())
            QSKIP("No system tray here (offscreen); tst_tray_run.sh runs this under Xvfb with a tray host.");
        TrayController* tray = m_window->tray();
        QVERIFY(tray);
        QTRY_VERIFY(tray->isVisible());
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        for (const char* name : {"trayShowHideAction", "trayPauseAllAction", "trayResumeAllAction",
                                 "trayEmergencyStopAction", "trayQuitAction"})
            QVERIFY2(trayAction(QLatin1String(name)), name);
        QTRY_VERIFY_WITH_TIMEOUT(tray->toolTip().contains(QStringLiteral("1 bot")), 5000);
        QVERIFY(tray->toolTip().contains(QStringLiteral("Today's PnL")));
    }

    void closingHidesToTheTrayAndTheBotKeepsTrading() {
        if (!TrayController::trayAvailable())
            QSKIP("No system tray here (offscreen).");
        QVERIFY(!m_settings->trayNoticeShown());
        QVERIFY(m_window->close() == false); // the close is turned into a hide
        QVERIFY(!m_window->isVisible());
        QVERIFY(m_settings->trayNoticeShown()); // told once
        QVERIFY(m_window->tray()->isVisible());
        // Hidden, the bot goes on placing orders.
        const int before = ordersOf(QStringLiteral("night"));
        QTRY_VERIFY_WITH_TIMEOUT(ordersOf(QStringLiteral("night")) >= before + 2, 15000);
        QCOMPARE(stateOf(QStringLiteral("night")), BotState::Running);

        // The tray menu brings the window back, pauses and resumes every bot.
        trayAction(QStringLiteral("trayShowHideAction"))->trigger();
        QTRY_VERIFY(m_window->isVisible());
        trayAction(QStringLiteral("trayPauseAllAction"))->trigger();
        QTRY_COMPARE(stateOf(QStringLiteral("night")), BotState::Paused);
        trayAction(QStringLiteral("trayResumeAllAction"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("night")), BotState::Running, 10000);
    }

    void withoutTheTrayClosingAsksAboutRunningBots() {
        // Offscreen there is no tray; with one, the same happens once hiding to the tray is turned off.
        m_settings->setHideToTrayOnClose(false);
        bool answered = false;
        answerQuitQuestion(QStringLiteral("Cancel"), &answered);
        QVERIFY(!m_window->close());
        QVERIFY(answered);
        QVERIFY(m_window->isVisible());
        QCOMPARE(stateOf(QStringLiteral("night")), BotState::Running);

        answered = false;
        answerQuitQuestion(QStringLiteral("Stop bots"), &answered);
        QVERIFY(m_window->close());
        QVERIFY(answered);
        QVERIFY(!m_window->isVisible());
        QTRY_COMPARE(stateOf(QStringLiteral("night")), BotState::Stopped);
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
