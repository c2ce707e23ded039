// The main window with a logged-in profile, offscreen: the Profile menu, auto-lock (driven by a ManualClock)
// with the lock screen hiding every figure while the market data keeps flowing, and settings kept per
// profile.

#include "application/app_settings.h"
#include "application/idle_detector.h"
#include "keys/venue_keys_dialog.h"
#include "mainwindow/main_window.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "profiles/login_dialog.h"
#include "profiles/profile_credential_provider.h"
#include "security/api_key_ring.h"
#include "security/encrypted_file_secret_store.h"
#include "security/profile_manager.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hoga;

namespace {

constexpr int kWaitMs = 10000;
const QString kPassword = QStringLiteral("correct horse battery");

template <class T> T* child(QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

} // namespace

class TestProfileIntegration : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void profileMenuActionsExist();
    void autoLockHidesDataUntilThePasswordIsGiven();
    void lockScreenOffersSwitchProfile();
    void settingsArePerProfile();

private:
    // A window for `profile` on the shared simulator, with its own settings file.
    std::unique_ptr<MainWindow> openWindow(const ProfileInfo& profile, AppSettings* settings);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileManager> m_manager;
    ProfileInfo m_alice;
    ProfileInfo m_bob;
    std::shared_ptr<ApiKeyRing> m_ring;
    std::shared_ptr<ProfileCredentialProvider> m_credentials;
    std::unique_ptr<VenueSession> m_session;
    ManualClock m_clock;
};

void TestProfileIntegration::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // the application-wide settings stay out of the user's
    qunsetenv(AppSettings::kPathVariable);    // per-profile files are what is tested
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    theme::apply(*qApp);
}

void TestProfileIntegration::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ProfileManager::Options options;
    options.baseDir = m_dir->filePath(QStringLiteral("profiles"));
    options.scrypt = ScryptParams::fast();
    m_manager = std::make_unique<ProfileManager>(options);
    ProfileResult alice = m_manager->create(QStringLiteral("Alice"), kPassword, false);
    QVERIFY2(alice.ok(), qPrintable(alice.message));
    m_alice = alice.profile;
    ProfileResult bob = m_manager->create(QStringLiteral("Bob"), kPassword, true);
    QVERIFY2(bob.ok(), qPrintable(bob.message));
    m_bob = bob.profile;

    const ProfilePaths paths = m_manager->paths(m_alice.id);
    m_ring = std::make_shared<ApiKeyRing>(std::make_shared<EncryptedFileSecretStore>(
        paths.secretsFile(), m_alice.id, kPassword, ScryptParams::fast()));
    m_credentials = std::make_shared<ProfileCredentialProvider>();

    SimConfig config;
    config.seed = 99;
    config.stepIntervalMs = 20;
    config.autoRun = true;
    config.historyCandles = 50;
    m_session = VenueSession::simulated(config);
    m_session->hub()->setCoalesceIntervalMs(50);
}

void TestProfileIntegration::cleanup() {
    m_session.reset();
    m_credentials.reset();
    m_ring.reset();
    m_manager.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestProfileIntegration::openWindow(const ProfileInfo& profile,
                                                               AppSettings* settings) {
    auto window =
        std::make_unique<MainWindow>(settings, QList<VenueSession*>{m_session.get()}, UiLanguage::English);
    ProfileContext context;
    context.manager = m_manager.get();
    context.profile = profile;
    context.keyRing = m_ring;
    context.credentials = m_credentials;
    context.storedInEncryptedFile = true;
    context.notice = QStringLiteral("No system keychain found (test).");
    context.clock = &m_clock;
    context.idleCheckIntervalMs = 10;
    window->attachProfile(std::move(context));
    window->resize(1200, 800);
    window->show();
    return window;
}

void TestProfileIntegration::profileMenuActionsExist() {
    auto settings = AppSettings::forProfile(m_manager->paths(m_alice.id).settingsFile());
    auto window = openWindow(m_alice, settings.get());
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    QMenu* menu = window->profileMenu();
    QVERIFY(menu);
    QCOMPARE(menu->title(), QStringLiteral("&Profile"));
    for (const char* name : {"venuesAndKeysAction", "lockNowAction", "switchProfileAction", "logOutAction"})
        QVERIFY2(child<QAction>(window.get(), name), name);
    auto* autoLock = child<QMenu>(window.get(), "autoLockMenu");
    QVERIFY(autoLock);
    QCOMPARE(autoLock->actions().size(), 5); // never, 5, 15, 30, 60 minutes
    QVERIFY(window->windowTitle().endsWith(QStringLiteral(" — Alice")));

    // Auto-lock choice is saved in the profile's settings.
    autoLock->actions().at(2)->trigger();
    QCOMPARE(settings->autoLockMinutes(), 15);
    QCOMPARE(window->idleDetector()->timeoutMs(), qint64(15 * 60'000));

    // "Venues and keys…" opens the dialog on the profile's key ring.
    child<QAction>(window.get(), "venuesAndKeysAction")->trigger();
    auto* dialog = window->findChild<VenueKeysDialog*>(QStringLiteral("venueKeysDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kWaitMs);
    dialog->reject();

    QSignalSpy switching(window.get(), &MainWindow::switchProfileRequested);
    child<QAction>(window.get(), "switchProfileAction")->trigger();
    child<QAction>(window.get(), "logOutAction")->trigger();
    QCOMPARE(switching.count(), 2);
}

void TestProfileIntegration::autoLockHidesDataUntilThePasswordIsGiven() {
    auto settings = AppSettings::forProfile(m_manager->paths(m_alice.id).settingsFile());
    auto window = openWindow(m_alice, settings.get());
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(window->marketList()->model()->rowCount() > 0, kWaitMs);
    QVERIFY(window->tabs()->isVisible());

    window->setAutoLockMinutes(5);
    m_clock.advanceMs(4 * 60'000);
    window->idleDetector()->check(); // what the timer does: four minutes are not enough
    QVERIFY(!window->isLocked());
    m_clock.advanceMs(60'000);
    QTRY_VERIFY_WITH_TIMEOUT(window->isLocked(), kWaitMs);

    // Every figure is hidden; the title names only the app and the profile.
    QVERIFY(!window->tabs()->isVisible());
    QVERIFY(!window->marketList()->isVisible());
    auto* lockScreen = child<QWidget>(window.get(), "lockScreen");
    QVERIFY(lockScreen && lockScreen->isVisible());
    QCOMPARE(window->windowTitle(), QStringLiteral("Hoga — Alice — Locked"));

    // The market data keeps flowing behind the lock.
    QSignalSpy updates(m_session->hub(), &MarketDataHub::updated);
    QVERIFY(updates.wait(kWaitMs));

    LoginDialog* lock = window->lockDialog();
    QVERIFY(lock);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isBusy(), kWaitMs);
    auto* password = child<QLineEdit>(lock, "passwordEdit");
    auto* unlockButton = child<QPushButton>(lock, "loginButton");
    QVERIFY(password && password->isVisible());

    // Escape does not leave the lock screen.
    QTest::keyClick(password, Qt::Key_Escape);
    QVERIFY(window->isLocked());
    QVERIFY(window->isVisible());

    // A wrong password keeps it locked.
    QTest::keyClicks(password, QStringLiteral("wrong password"));
    unlockButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isBusy() && !child<QLabel>(lock, "loginMessage")->text().isEmpty(),
                             kWaitMs);
    QVERIFY(window->isLocked());
    QVERIFY(!window->tabs()->isVisible());

    // The right one unlocks.
    QTRY_VERIFY_WITH_TIMEOUT(unlockButton->isEnabled() || password->isEnabled(), kWaitMs);
    password->clear();
    QTest::keyClicks(password, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(unlockButton->isEnabled(), kWaitMs);
    unlockButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLocked(), kWaitMs);
    QVERIFY(window->tabs()->isVisible());
    QVERIFY(!window->windowTitle().contains(QStringLiteral("Locked")));
    QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<QWidget*>(QStringLiteral("lockScreen")), kWaitMs);

    // Idle again after unlocking locks again; "Lock now" locks at once.
    m_clock.advanceMs(5 * 60'000);
    QTRY_VERIFY_WITH_TIMEOUT(window->isLocked(), kWaitMs);
}

void TestProfileIntegration::lockScreenOffersSwitchProfile() {
    auto settings = AppSettings::forProfile(m_manager->paths(m_alice.id).settingsFile());
    auto window = openWindow(m_alice, settings.get());
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    child<QAction>(window.get(), "lockNowAction")->trigger();
    QVERIFY(window->isLocked());
    QVERIFY(!window->tabs()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window->lockDialog()->isBusy(), kWaitMs);
    QSignalSpy switching(window.get(), &MainWindow::switchProfileRequested);
    child<QPushButton>(window->lockDialog(), "switchProfileButton")->click();
    QCOMPARE(switching.count(), 1);
}

void TestProfileIntegration::settingsArePerProfile() {
    const QString aliceIni = m_manager->paths(m_alice.id).settingsFile();
    const QString bobIni = m_manager->paths(m_bob.id).settingsFile();
    QVERIFY(aliceIni != bobIni);
    const auto chooseConvention = [](MainWindow* window, const QString& text) {
        for (QAction* a : window->findChildren<QAction*>())
            if (a->text() == text)
                return a->trigger();
        QFAIL(qPrintable(text));
    };
    {
        auto settings = AppSettings::forProfile(aliceIni);
        QCOMPARE(settings->fileName(), aliceIni);
        auto window = openWindow(m_alice, settings.get());
        QTRY_VERIFY_WITH_TIMEOUT(window->marketList()->model()->rowCount() > 1, kWaitMs);
        window->setCurrentMarket(QStringLiteral("KRW-ETH"));
        chooseConvention(window.get(), QStringLiteral("Korean (red up, blue down)"));
        window->close();
    }
    {
        auto settings = AppSettings::forProfile(bobIni);
        auto window = openWindow(m_bob, settings.get());
        QTRY_VERIFY_WITH_TIMEOUT(window->marketList()->model()->rowCount() > 1, kWaitMs);
        window->setCurrentMarket(QStringLiteral("KRW-BTC"));
        chooseConvention(window.get(), QStringLiteral("International (green up, red down)"));
        window->close();
    }
    // Each profile finds its own choices again.
    auto alice = AppSettings::forProfile(aliceIni);
    auto bob = AppSettings::forProfile(bobIni);
    QCOMPARE(alice->selectedMarket(QStringLiteral("sim")), QStringLiteral("KRW-ETH"));
    QCOMPARE(bob->selectedMarket(QStringLiteral("sim")), QStringLiteral("KRW-BTC"));
    QVERIFY(alice->colorConvention() == ColorConvention::Korean);
    QVERIFY(bob->colorConvention() == ColorConvention::International);

    auto window = openWindow(m_alice, alice.get());
    QVERIFY(window->colorConvention() == ColorConvention::Korean);
    QTRY_COMPARE_WITH_TIMEOUT(window->currentMarket(), QStringLiteral("KRW-ETH"), kWaitMs);
    QVERIFY(window->windowTitle().contains(QStringLiteral("Alice")));
}

QTEST_MAIN(TestProfileIntegration)
#include "tst_profile_integration.moc"
