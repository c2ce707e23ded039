// LoginDialog driven through its widgets: create a profile, log in, wrong passwords and the growing delay,
// deleting with the password, the lock screen; and screenshots of the dialog in English and Korean.

#include "profiles/login_dialog.h"
#include "profiles/profile_gate.h"
#include "security/profile_lock.h"
#include "security/profile_manager.h"
#include "security/profile_remover.h"
#include "theme/terminal_theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLockFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace hoga;

namespace {
constexpr int kWaitMs = 10'000;
const QString kPassword = QStringLiteral("correct horse 1");

template <class T> T* child(QWidget* parent, const char* name) {
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no widget named %s", name);
    return w;
}

int rowOf(QListWidget* list, const QString& name) {
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text() == name)
            return i;
    return -1;
}

QString shotsDir() {
    return qEnvironmentVariable("HOGA_DIALOG_SHOTS_DIR", QStringLiteral("/tmp/shots_dialogs"));
}
} // namespace

class TestLoginDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<ProfileManager> m_manager;

    ProfileManager::Options managerOptions() {
        ProfileManager::Options o;
        o.baseDir = m_dir->path() + QStringLiteral("/profiles");
        o.scrypt = ScryptParams::fast();
        o.clock = &m_clock;
        o.throttle.freeAttempts = 0; // every wrong password costs a (growing) wait
        return o;
    }
    LoginDialog::Options dialogOptions() {
        LoginDialog::Options o;
        o.clock = &m_clock;
        return o;
    }
    void waitIdle(LoginDialog& d) { QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kWaitMs); }
    ProfileInfo createDirectly(const QString& name) {
        ProfileResult r = m_manager->create(name, kPassword, false);
        if (!r.ok())
            qFatal("create failed: %s", qPrintable(r.message));
        return r.profile;
    }
    void select(LoginDialog& d, const QString& name) {
        auto* list = child<QListWidget>(&d, "profileList");
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, name) >= 0, kWaitMs);
        list->setCurrentRow(rowOf(list, name));
    }

private slots:
    void initTestCase() { theme::apply(*qApp); }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_manager = std::make_unique<ProfileManager>(managerOptions());
    }
    void cleanup() {
        m_manager.reset();
        m_dir.reset();
    }

    void firstStartOffersDemo() {
        LoginDialog d(*m_manager, dialogOptions());
        d.show();
        auto* list = child<QListWidget>(&d, "profileList");
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kWaitMs);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Demo"));
        QVERIFY(!child<QLineEdit>(&d, "passwordEdit")->isVisible()); // Demo has no password
        QVERIFY(child<QPushButton>(&d, "loginButton")->isEnabled());
        child<QPushButton>(&d, "loginButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(d.result(), int(QDialog::Accepted), kWaitMs);
        LoggedInProfile p = d.takeResult();
        QCOMPARE(p.profile.id, ProfileManager::demoProfileId());
        QVERIFY(p.profile.paperOnly);
        QVERIFY(p.password.isEmpty());
    }

    void createProfileThenLogIn() {
        LoginDialog d(*m_manager, dialogOptions());
        d.show();
        auto* list = child<QListWidget>(&d, "profileList");
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kWaitMs);

        child<QPushButton>(&d, "newProfileButton")->click();
        auto* name = child<QLineEdit>(&d, "createNameEdit");
        auto* pass = child<QLineEdit>(&d, "createPasswordEdit");
        auto* repeat = child<QLineEdit>(&d, "createRepeatEdit");
        auto* message = child<QLabel>(&d, "createMessage");
        auto* create = child<QPushButton>(&d, "createConfirmButton");
        QVERIFY(name->isVisible());
        QCOMPARE(pass->echoMode(), QLineEdit::Password);

        create->click();
        QCOMPARE(message->text(), QStringLiteral("Enter a name for the profile."));
        QTest::keyClicks(name, QStringLiteral("Alice"));
        QTest::keyClicks(pass, QStringLiteral("short"));
        QTest::keyClicks(repeat, QStringLiteral("short"));
        create->click();
        QVERIFY(message->text().contains(QStringLiteral("too short")));
        pass->setText(kPassword);
        repeat->setText(kPassword + QLatin1Char('x'));
        create->click();
        QVERIFY(message->text().contains(QStringLiteral("different")));
        repeat->setText(kPassword);
        child<QCheckBox>(&d, "createPaperOnlyCheck")->setChecked(true);
        create->click();

        // Back on the login page with the new profile selected.
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, kWaitMs);
        waitIdle(d);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Demo")); // Demo stays first
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Alice"));
        QVERIFY(child<QLabel>(&d, "loginMessage")->text().contains(QStringLiteral("created")));
        QVERIFY(!child<QPushButton>(&d, "loginButton")->isEnabled()); // no password typed yet

        QTest::keyClicks(child<QLineEdit>(&d, "passwordEdit"), kPassword);
        child<QPushButton>(&d, "loginButton")->click();
        QVERIFY(d.isBusy() || d.result() == QDialog::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(d.result(), int(QDialog::Accepted), kWaitMs);
        LoggedInProfile p = d.takeResult();
        QCOMPARE(p.profile.name, QStringLiteral("Alice"));
        QVERIFY(p.profile.paperOnly);
        QCOMPARE(p.password, kPassword);
        QVERIFY(QDir(p.dir).exists());
        QCOMPARE(p.dir, m_manager->paths(p.profile.id).dir());
        QVERIFY(child<QLineEdit>(&d, "passwordEdit")->text().isEmpty());
        p.wipePassword();
        QVERIFY(p.password.isEmpty());
    }

    void wrongPasswordDelayGrows() {
        createDirectly(QStringLiteral("Bob"));
        LoginDialog d(*m_manager, dialogOptions());
        d.show();
        select(d, QStringLiteral("Bob"));
        auto* pass = child<QLineEdit>(&d, "passwordEdit");
        auto* login = child<QPushButton>(&d, "loginButton");
        auto* message = child<QLabel>(&d, "loginMessage");

        QTest::keyClicks(pass, QStringLiteral("wrong password"));
        login->click();
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Wrong password. Try again in 1 s."),
                                  kWaitMs);
        QTest::keyClicks(pass, kPassword);
        QVERIFY(!login->isEnabled()); // refused while the delay runs

        m_clock.advanceMs(1000);
        QTRY_VERIFY_WITH_TIMEOUT(login->isEnabled(), kWaitMs);
        QCOMPARE(message->text(), QStringLiteral("Wrong password. You can try again now."));

        pass->setText(QStringLiteral("still wrong"));
        login->click();
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Wrong password. Try again in 2 s."),
                                  kWaitMs);
        m_clock.advanceMs(1000); // the countdown is live
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Wrong password. Try again in 1 s."),
                                  kWaitMs);
        pass->setText(kPassword);
        QVERIFY(!login->isEnabled());
        m_clock.advanceMs(1000);
        QTRY_VERIFY_WITH_TIMEOUT(login->isEnabled(), kWaitMs);
        login->click();
        QTRY_COMPARE_WITH_TIMEOUT(d.result(), int(QDialog::Accepted), kWaitMs);
        QCOMPARE(d.takeResult().profile.name, QStringLiteral("Bob"));
    }

    void deleteNeedsPasswordAndRemovesFolder() {
        const ProfileInfo carol = createDirectly(QStringLiteral("Carol"));
        const QString folder = m_manager->paths(carol.id).dir();
        QVERIFY(QDir(folder).exists());
        LoginDialog d(*m_manager, dialogOptions());
        QStringList wiped;
        // No Secret Service under plain ctest: record the keychain wipe instead of talking to one.
        d.remover().setKeyWiper(
            [&wiped](const QString& id, QObject*, std::function<void(SecretResult)> done) {
                wiped << id;
                done(SecretResult::success());
            });
        d.show();
        select(d, QStringLiteral("Carol"));
        waitIdle(d);
        child<QPushButton>(&d, "deleteButton")->click();
        auto* pass = child<QLineEdit>(&d, "deletePasswordEdit");
        auto* confirm = child<QPushButton>(&d, "deleteConfirmButton");
        auto* message = child<QLabel>(&d, "deleteMessage");
        QVERIFY(pass->isVisible());

        confirm->click();
        QVERIFY(message->text().contains(QStringLiteral("Enter the password")));
        QTest::keyClicks(pass, QStringLiteral("not it"));
        confirm->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QStringLiteral("Wrong password")), kWaitMs);
        waitIdle(d);
        QVERIFY(QDir(folder).exists());
        QVERIFY(wiped.isEmpty());

        m_clock.advanceMs(1000); // the wrong password's delay
        QTest::keyClicks(pass, kPassword);
        confirm->click();
        auto* list = child<QListWidget>(&d, "profileList");
        QTRY_VERIFY_WITH_TIMEOUT(list->isVisible() && rowOf(list, QStringLiteral("Carol")) < 0 && !d.isBusy(),
                                 kWaitMs);
        QVERIFY(!QDir(folder).exists());
        QCOMPARE(wiped, QStringList{carol.id});
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(&d, "loginMessage")->text().contains(QStringLiteral("deleted")), kWaitMs);
    }

    void renameProfile() {
        createDirectly(QStringLiteral("Dave"));
        LoginDialog d(*m_manager, dialogOptions());
        d.show();
        select(d, QStringLiteral("Dave"));
        waitIdle(d);
        child<QPushButton>(&d, "renameButton")->click();
        auto* edit = child<QLineEdit>(&d, "renameEdit");
        QCOMPARE(edit->text(), QStringLiteral("Dave"));
        edit->setText(QStringLiteral("Demo")); // taken
        child<QPushButton>(&d, "renameConfirmButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&d, "renameMessage")->text().isEmpty(), kWaitMs);
        edit->setText(QStringLiteral("David"));
        child<QPushButton>(&d, "renameConfirmButton")->click();
        auto* list = child<QListWidget>(&d, "profileList");
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, QStringLiteral("David")) >= 0, kWaitMs);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("David"));
    }

    void lockScreenAsksOnlyCurrentProfile() {
        const ProfileInfo erin = createDirectly(QStringLiteral("Erin"));
        LoginDialog::Options o = dialogOptions();
        o.mode = LoginDialog::Mode::Unlock;
        o.lockedProfileId = erin.id;
        LoginDialog d(*m_manager, o);
        d.show();
        waitIdle(d);
        QVERIFY(!child<QListWidget>(&d, "profileList")->isVisible());
        QVERIFY(child<QPushButton>(&d, "switchProfileButton")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            d.findChild<QLabel*>(QStringLiteral("loginSubtitle"))->text().contains(QStringLiteral("Erin")),
            kWaitMs);
        QTest::keyClicks(child<QLineEdit>(&d, "passwordEdit"), kPassword);
        child<QPushButton>(&d, "loginButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(d.result(), int(QDialog::Accepted), kWaitMs);
        QCOMPARE(d.takeResult().profile.id, erin.id);

        LoginDialog again(*m_manager, o);
        again.show();
        waitIdle(again);
        child<QPushButton>(&again, "switchProfileButton")->click();
        QCOMPARE(again.result(), LoginDialog::SwitchProfile);
    }

    void gateOpensProfileWithFallbackStoreAndLock() {
        ProfileGate::Options o;
        o.manager = managerOptions();
        o.selector.fileParams = ScryptParams::fast();
        ProfileGate gate(o);
        gate.selector().setProbe([](QObject*, SecretStoreSelector::ProbeDone done) {
            done(false, QStringLiteral("test: no keychain"));
        });
        ProfileResult created = gate.manager().create(QStringLiteral("Fay"), kPassword, false);
        QVERIFY(created.ok());
        LoggedInProfile p;
        p.profile = created.profile;
        p.dir = gate.manager().paths(created.profile.id).dir();
        p.password = kPassword;

        std::optional<ProfileGate::Outcome> outcome;
        gate.open(std::move(p), [&](ProfileGate::Outcome o2) { outcome = std::move(o2); });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), kWaitMs);
        QCOMPARE(int(outcome->status), int(ProfileGate::Status::LoggedIn));
        QVERIFY(outcome->profile.password.isEmpty()); // wiped once the store was open
        QVERIFY(outcome->storedInEncryptedFile);
        QVERIFY(outcome->notice.startsWith(QStringLiteral("No system keychain found")));
        QVERIFY(outcome->keyRing);
        QVERIFY(outcome->credentials);
        QVERIFY(outcome->credentials->credentialsFor(QStringLiteral("upbit")).isEmpty());
        QVERIFY(outcome->lock && outcome->lock->isHeld());

        // A second open of the same profile finds it held and reports "already open".
        LoggedInProfile second;
        second.profile = created.profile;
        second.dir = outcome->profile.dir;
        std::optional<ProfileGate::Outcome> again;
        gate.open(std::move(second), [&](ProfileGate::Outcome o2) { again = std::move(o2); });
        // Same process: QLockFile treats our own live lock as held by us, so Acquired or AlreadyOpen.
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), kWaitMs);
        QVERIFY(again->status == ProfileGate::Status::AlreadyOpen ||
                again->status == ProfileGate::Status::LoggedIn);
    }

    void gateReportsAHolderThatDoesNotAnswer() {
        // The lock is held (here by a bare QLockFile, so nobody listens for activation requests): the gate
        // must fail with a message, never report "already open" with no window anywhere.
        ProfileGate::Options o;
        o.manager = managerOptions();
        o.selector.fileParams = ScryptParams::fast();
        ProfileGate gate(o);
        ProfileResult created = gate.manager().create(QStringLiteral("Gus"), kPassword, false);
        QVERIFY(created.ok());
        const QString dir = gate.manager().paths(created.profile.id).dir();
        QVERIFY(QDir().mkpath(dir));
        QLockFile holder(ProfilePaths(dir).instanceLockFile());
        QVERIFY(holder.tryLock(0));

        LoggedInProfile p;
        p.profile = created.profile;
        p.dir = dir;
        p.password = kPassword;
        std::optional<ProfileGate::Outcome> outcome;
        gate.open(std::move(p), [&](ProfileGate::Outcome o2) { outcome = std::move(o2); });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), kWaitMs);
        QCOMPARE(int(outcome->status), int(ProfileGate::Status::Failed));
        QVERIFY2(outcome->message.contains(QStringLiteral("Gus")) &&
                     outcome->message.contains(QStringLiteral("does not answer")),
                 qPrintable(outcome->message));
        QVERIFY(!outcome->lock);
    }

    void screenshots() {
        QDir().mkpath(shotsDir());
        createDirectly(QStringLiteral("Trading"));
        m_manager->create(QStringLiteral("Practice"), kPassword, true);
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            QTranslator translator;
            if (lang == QLatin1String("ko")) {
                QVERIFY(translator.load(QStringLiteral(":/i18n/hoga_ko.qm")));
                QCoreApplication::installTranslator(&translator);
            }
            LoginDialog d(*m_manager, dialogOptions());
            d.show();
            select(d, QStringLiteral("Trading"));
            waitIdle(d);
            QTest::keyClicks(child<QLineEdit>(&d, "passwordEdit"), QStringLiteral("wrong"));
            child<QPushButton>(&d, "loginButton")->click();
            QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy() && child<QLabel>(&d, "loginMessage")->isVisible(), kWaitMs);
            d.adjustSize();
            QVERIFY(d.grab().save(shotsDir() + QStringLiteral("/login_%1.png").arg(lang)));
            m_clock.advanceMs(120'000); // let the next language start without a wait
            QCoreApplication::removeTranslator(&translator);
        }
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_login_dialog.moc"
