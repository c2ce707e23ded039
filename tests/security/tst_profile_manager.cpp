#include "security/api_key_ring.h"
#include "security/encrypted_file_secret_store.h"
#include "security/keychain_secret_store.h"
#include "security/profile_manager.h"
#include "security/profile_remover.h"
#include "security_test_util.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace hoga;
using namespace hoga::test;

namespace {

unsigned modeOf(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

ProfileResult awaitRemoval(ProfileRemover& remover, const QString& id, const QString& password) {
    QObject context;
    std::optional<ProfileResult> result;
    remover.remove(id, password, &context, [&](ProfileResult r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kSecretWaitMs))
        return ProfileResult::failure(ProfileStatus::StorageError, QStringLiteral("test: no answer"));
    return *result;
}

} // namespace

class TestProfileManager : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;

    ProfileManager::Options options() {
        ProfileManager::Options o;
        o.baseDir = m_dir->filePath(QStringLiteral("profiles"));
        o.scrypt = ScryptParams::fast();
        o.clock = &m_clock;
        return o;
    }

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void defaultBaseDirIsPerUserAppData() {
        QVERIFY(ProfileStore::defaultBaseDir().endsWith(QStringLiteral("/profiles")));
    }

    void createListAndLogin() {
        ProfileManager manager(options());
        QVERIFY(manager.profiles().isEmpty());
        const ProfileResult alice =
            manager.create(QStringLiteral("  Alice  "), QStringLiteral("alice-password"), false);
        QVERIFY2(alice.ok(), qPrintable(alice.message));
        QCOMPARE(alice.profile.name, QStringLiteral("Alice"));
        QVERIFY(ProfilePaths::isValidProfileId(alice.profile.id));
        m_clock.advanceMs(1000);
        const ProfileResult bob = manager.create(QStringLiteral("Bob"), QStringLiteral("bob-password"), true);
        QVERIFY(bob.ok());
        QVERIFY(bob.profile.id != alice.profile.id);

        const auto list = manager.profiles();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, QStringLiteral("Alice"));
        QCOMPARE(list[1].name, QStringLiteral("Bob"));
        QVERIFY(!list[0].paperOnly);
        QVERIFY(list[1].paperOnly);
        QVERIFY(list[0].hasPassword);

        QVERIFY(manager.login(alice.profile.id, QStringLiteral("alice-password")).ok());
        QCOMPARE(manager.login(alice.profile.id, QStringLiteral("bob-password")).status,
                 ProfileStatus::WrongPassword);
        QCOMPARE(manager.login(QStringLiteral("nosuchprofile"), QStringLiteral("x")).status,
                 ProfileStatus::NotFound);

        // A fresh manager (a restart) sees the same profiles.
        ProfileManager again(options());
        QCOMPARE(again.profiles().size(), 2);
        QVERIFY(again.login(bob.profile.id, QStringLiteral("bob-password")).ok());
    }

    void filesArePrivateAndHoldNoPassword() {
        ProfileManager manager(options());
        const ProfileResult p =
            manager.create(QStringLiteral("Carol"), QStringLiteral("very-secret-pw"), false);
        QVERIFY(p.ok());
        const QString registry = manager.baseDir() + QStringLiteral("/profiles.json");
        QCOMPARE(modeOf(registry), 0600u);
        QCOMPARE(modeOf(manager.baseDir()), 0700u);
        QCOMPARE(modeOf(manager.paths(p.profile.id).dir()), 0700u);
        QFile f(registry);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray json = f.readAll();
        QVERIFY(!json.contains("very-secret-pw"));
        QVERIFY(json.contains("scrypt$"));
        QVERIFY(json.contains("\"paperOnly\""));
        QVERIFY(json.contains("\"createdMs\""));
        QVERIFY(json.contains("\"failedLogins\""));
    }

    void rejectsBadInput() {
        ProfileManager manager(options());
        QVERIFY(manager.create(QStringLiteral("Dave"), QStringLiteral("dave-password"), false).ok());
        QCOMPARE(manager.create(QStringLiteral("dave"), QStringLiteral("another-pw"), false).status,
                 ProfileStatus::NameTaken);
        QCOMPARE(manager.create(QStringLiteral("   "), QStringLiteral("another-pw"), false).status,
                 ProfileStatus::InvalidName);
        QCOMPARE(manager.create(QString(65, QLatin1Char('x')), QStringLiteral("another-pw"), false).status,
                 ProfileStatus::InvalidName);
        QCOMPARE(manager.create(QStringLiteral("Tab\tName"), QStringLiteral("another-pw"), false).status,
                 ProfileStatus::InvalidName);
        const ProfileResult weak = manager.create(QStringLiteral("Eve"), QStringLiteral("short"), false);
        QCOMPARE(weak.status, ProfileStatus::WeakPassword);
        QVERIFY(weak.message.contains(QStringLiteral("8")));
        QCOMPARE(manager.profiles().size(), 1);
        QCOMPARE(QDir(manager.baseDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    }

    void wrongPasswordsAreThrottledAcrossRestarts() {
        QString id;
        {
            ProfileManager manager(options());
            id = manager.create(QStringLiteral("Frank"), QStringLiteral("frank-password"), false).profile.id;
            QCOMPARE(manager.login(id, QStringLiteral("guess-1")).status, ProfileStatus::WrongPassword);
            QCOMPARE(manager.login(id, QStringLiteral("guess-2")).status, ProfileStatus::WrongPassword);
            const ProfileResult third = manager.login(id, QStringLiteral("guess-3"));
            QCOMPARE(third.status, ProfileStatus::WrongPassword);
            QCOMPARE(third.retryAfterMs, 1000);
            QVERIFY(third.message.contains(QStringLiteral("Try again in 1 s")));
        }
        ProfileManager restarted(options()); // the counter lives in the registry
        const ProfileResult blocked = restarted.login(id, QStringLiteral("frank-password"));
        QCOMPARE(blocked.status, ProfileStatus::Throttled);
        QCOMPARE(blocked.retryAfterMs, 1000);
        QCOMPARE(blocked.message, QStringLiteral("Too many wrong passwords. Try again in 1 s."));
        m_clock.advanceMs(1000);
        QCOMPARE(restarted.login(id, QStringLiteral("guess-4")).retryAfterMs, 2000);
        m_clock.advanceMs(1999);
        QCOMPARE(restarted.login(id, QStringLiteral("frank-password")).status, ProfileStatus::Throttled);
        m_clock.advanceMs(1);
        QVERIFY(restarted.login(id, QStringLiteral("frank-password")).ok());
        // A good password resets the count.
        QCOMPARE(restarted.login(id, QStringLiteral("guess-5")).retryAfterMs, 0);
    }

    void throttleIsPerProfile() {
        ProfileManager manager(options());
        const QString a = manager.create(QStringLiteral("A"), QStringLiteral("password-a"), false).profile.id;
        const QString b = manager.create(QStringLiteral("B"), QStringLiteral("password-b"), false).profile.id;
        for (int i = 0; i < 5; ++i)
            manager.login(a, QStringLiteral("wrong"));
        QCOMPARE(manager.login(a, QStringLiteral("password-a")).status, ProfileStatus::Throttled);
        QVERIFY(manager.login(b, QStringLiteral("password-b")).ok());
    }

    void weakHashIsUpgradedOnLogin() {
        ProfileManager::Options weak = options();
        weak.scrypt = {4, 1, 1};
        QString id;
        {
            ProfileManager manager(weak);
            id = manager.create(QStringLiteral("Grace"), QStringLiteral("grace-password"), false).profile.id;
        }
        ProfileManager manager(options());
        QVERIFY(manager.login(id, QStringLiteral("grace-password")).ok());
        QFile f(manager.baseDir() + QStringLiteral("/profiles.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("scrypt$1024$8$1$"));
        QVERIFY(manager.login(id, QStringLiteral("grace-password")).ok());
    }

    void rename() {
        ProfileManager manager(options());
        const QString a =
            manager.create(QStringLiteral("Heidi"), QStringLiteral("heidi-password"), false).profile.id;
        manager.create(QStringLiteral("Ivan"), QStringLiteral("ivan-password"), false);
        const ProfileResult renamed = manager.rename(a, QStringLiteral("Heidi K."));
        QVERIFY(renamed.ok());
        QCOMPARE(renamed.profile.name, QStringLiteral("Heidi K."));
        QCOMPARE(manager.profile(a)->name, QStringLiteral("Heidi K."));
        QCOMPARE(manager.rename(a, QStringLiteral("IVAN")).status, ProfileStatus::NameTaken);
        QVERIFY(manager.rename(a, QStringLiteral("heidi k.")).ok()); // changing case of its own name is fine
        QCOMPARE(manager.rename(QStringLiteral("nosuch"), QStringLiteral("X")).status,
                 ProfileStatus::NotFound);
        QVERIFY(manager.login(a, QStringLiteral("heidi-password")).ok()); // id and password unchanged
    }

    void deleteNeedsPasswordAndRemovesFolder() {
        ProfileManager manager(options());
        const QString id =
            manager.create(QStringLiteral("Judy"), QStringLiteral("judy-password"), false).profile.id;
        const ProfilePaths paths = manager.paths(id);
        {
            auto settings = manager.openSettings(id);
            settings->setValue(QStringLiteral("ui/theme"), QStringLiteral("dark"));
        }
        QVERIFY(QFile::exists(paths.settingsFile()));
        QCOMPARE(manager.removeProfile(id, QStringLiteral("not-her-password")).status,
                 ProfileStatus::WrongPassword);
        QVERIFY(QFile::exists(paths.settingsFile()));
        QVERIFY(manager.removeProfile(id, QStringLiteral("judy-password")).ok());
        QVERIFY(!QFileInfo::exists(paths.dir()));
        QVERIFY(!manager.profile(id));
        QVERIFY(
            QDir(manager.baseDir()).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    }

    void removerWipesKeysFromTheKeychainAndTheFolder() {
        HOGA_REQUIRE_SESSION_BUS();
        ProfileManager manager(options());
        const QString id =
            manager.create(QStringLiteral("Ken"), QStringLiteral("ken-password"), false).profile.id;
        const QString other =
            manager.create(QStringLiteral("Liz"), QStringLiteral("liz-password"), false).profile.id;

        auto keychain = std::make_shared<KeychainSecretStore>(id);
        ApiKeyRing ring(keychain);
        auto otherKeychain = std::make_shared<KeychainSecretStore>(other);
        ApiKeyRing otherRing(otherKeychain);
        const auto set = [](ApiKeyRing& r, const char* venue) {
            return awaitSecret([&](QObject* c, SecretCallback cb) {
                r.setKey(QString::fromLatin1(venue),
                         ApiKeyPair(QStringLiteral("ACCESSKEY0123456789"), "secret-bytes"), c, std::move(cb));
            });
        };
        QVERIFY(set(ring, "upbit").ok());
        QVERIFY(set(otherRing, "upbit").ok());
        // A stray entry not in the index (e.g. index lost) is found through the known venues.
        QVERIFY(writeSecret(*keychain, QStringLiteral("bithumb/access_key"), "stray").ok());
        // And a fallback file in the folder.
        EncryptedSecretFile file(manager.paths(id).secretsFile(), id, QStringLiteral("ken-password"),
                                 ScryptParams::fast());
        QVERIFY(file.write(QStringLiteral("upbit/secret_key"), "in-file").ok());

        ProfileRemover remover(manager, {QStringLiteral("upbit"), QStringLiteral("bithumb")});
        QCOMPARE(awaitRemoval(remover, id, QStringLiteral("wrong-password")).status,
                 ProfileStatus::WrongPassword);
        QVERIFY(readSecret(*keychain, QStringLiteral("upbit/access_key"))
                    .ok()); // nothing wiped on a wrong password

        const ProfileResult removed = awaitRemoval(remover, id, QStringLiteral("ken-password"));
        QVERIFY2(removed.ok(), qPrintable(removed.message));
        QVERIFY(!QFileInfo::exists(manager.paths(id).dir()));
        QCOMPARE(readSecret(*keychain, QStringLiteral("upbit/access_key")).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(*keychain, QStringLiteral("upbit/secret_key")).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(*keychain, QStringLiteral("bithumb/access_key")).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(*keychain, QStringLiteral("_index/venues")).status, SecretStatus::NotFound);
        // The other profile is untouched.
        QCOMPARE(readSecret(*otherKeychain, QStringLiteral("upbit/secret_key")).data,
                 QByteArray("secret-bytes"));
        QVERIFY(manager.login(other, QStringLiteral("liz-password")).ok());
        QVERIFY(removeSecret(*otherKeychain, QStringLiteral("upbit/access_key")).ok());
        QVERIFY(removeSecret(*otherKeychain, QStringLiteral("upbit/secret_key")).ok());
        QVERIFY(removeSecret(*otherKeychain, QStringLiteral("_index/venues")).ok());
    }

    void removerStopsWhenTheKeychainRefuses() {
        ProfileManager manager(options());
        const QString id =
            manager.create(QStringLiteral("Mia"), QStringLiteral("mia-password"), false).profile.id;
        ProfileRemover remover(manager, {});
        remover.setKeyWiper([](const QString&, QObject* context, std::function<void(SecretResult)> done) {
            QTimer::singleShot(0, context, [done] {
                done(SecretResult::failure(SecretStatus::AccessDenied, QStringLiteral("locked")));
            });
        });
        const ProfileResult r = awaitRemoval(remover, id, QStringLiteral("mia-password"));
        QCOMPARE(r.status, ProfileStatus::StorageError);
        QVERIFY(r.message.contains(QStringLiteral("locked")));
        QVERIFY(manager.profile(id).has_value());
        QVERIFY(QFileInfo::exists(manager.paths(id).dir()));

        // With no keychain at all, deletion goes ahead (keys could only be in the folder's file).
        remover.setKeyWiper([](const QString&, QObject* context, std::function<void(SecretResult)> done) {
            QTimer::singleShot(0, context, [done] {
                done(SecretResult::failure(SecretStatus::NoKeychain, QStringLiteral("none")));
            });
        });
        QVERIFY(awaitRemoval(remover, id, QStringLiteral("mia-password")).ok());
        QVERIFY(!manager.profile(id).has_value());
    }

    void profilesAreIsolated() {
        ProfileManager manager(options());
        const QString a =
            manager.create(QStringLiteral("Nia"), QStringLiteral("nia-password"), false).profile.id;
        const QString b =
            manager.create(QStringLiteral("Oscar"), QStringLiteral("oscar-password"), false).profile.id;
        const ProfilePaths pa = manager.paths(a);
        const ProfilePaths pb = manager.paths(b);
        QVERIFY(pa.dir() != pb.dir());
        QVERIFY(pa.databaseFile().startsWith(pa.dir() + QLatin1Char('/')));
        QVERIFY(pa.settingsFile().startsWith(pa.dir() + QLatin1Char('/')));
        QVERIFY(pa.secretsFile().startsWith(pa.dir() + QLatin1Char('/')));
        manager.openSettings(a)->setValue(QStringLiteral("k"), 1);
        QVERIFY(!manager.openSettings(b)->contains(QStringLiteral("k")));
        QCOMPARE(manager.login(a, QStringLiteral("oscar-password")).status, ProfileStatus::WrongPassword);

        // Keychain names differ per profile.
        QVERIFY(SecretStore::qualifiedKey(a, QStringLiteral("upbit/secret_key")) !=
                SecretStore::qualifiedKey(b, QStringLiteral("upbit/secret_key")));

        // B's key file moved into A's folder is refused even with the same password (bound to B's id).
        EncryptedSecretFile fileB(pb.secretsFile(), b, QStringLiteral("same-password"), ScryptParams::fast());
        QVERIFY(fileB.write(QStringLiteral("upbit/secret_key"), "b-secret").ok());
        QVERIFY(QFile::copy(pb.secretsFile(), pa.secretsFile()));
        EncryptedSecretFile fileA(pa.secretsFile(), a, QStringLiteral("same-password"), ScryptParams::fast());
        QCOMPARE(fileA.read(QStringLiteral("upbit/secret_key")).status, SecretStatus::Corrupted);
    }

    void demoProfile() {
        ProfileManager manager(options());
        const ProfileResult demo = manager.ensureDemoProfile();
        QVERIFY2(demo.ok(), qPrintable(demo.message));
        QCOMPARE(demo.profile.id, ProfileManager::demoProfileId());
        QVERIFY(demo.profile.demo);
        QVERIFY(demo.profile.paperOnly);
        QVERIFY(!demo.profile.hasPassword);
        QVERIFY(QFileInfo(manager.paths(demo.profile.id).dir()).isDir());
        QVERIFY(manager.ensureDemoProfile().ok());
        QCOMPARE(manager.profiles().size(), 1);
        // No password: any entry opens it.
        QVERIFY(manager.login(demo.profile.id, QString()).ok());
        QVERIFY(manager.login(demo.profile.id, QStringLiteral("whatever")).ok());
        // Deleting it is permanent.
        QVERIFY(manager.removeProfile(demo.profile.id, QString()).ok());
        QVERIFY(manager.ensureDemoProfile().ok());
        QVERIFY(manager.profiles().isEmpty());
        QVERIFY(!QFileInfo::exists(manager.paths(demo.profile.id).dir()));
    }

    void strippedPasswordIsNotAWayIn() {
        ProfileManager manager(options());
        const QString id =
            manager.create(QStringLiteral("Pat"), QStringLiteral("pat-password"), false).profile.id;
        const QString path = manager.baseDir() + QStringLiteral("/profiles.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray profiles = root[QStringLiteral("profiles")].toArray();
        QJsonObject p = profiles[0].toObject();
        p[QStringLiteral("passwordHash")] = QString();
        profiles[0] = p;
        root[QStringLiteral("profiles")] = profiles;
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();
        QCOMPARE(manager.login(id, QString()).status, ProfileStatus::RegistryDamaged);
    }

    void craftedLoginCountersStayBounded_data() {
        QTest::addColumn<QJsonValue>("failedLogins");
        QTest::addColumn<QJsonValue>("lastFailedLoginMs");
        const qint64 now = m_clock.nowMs();
        const QJsonValue nowText(QString::number(now));
        QTest::newRow("huge count") << QJsonValue(1e300) << nowText;
        QTest::newRow("int max count") << QJsonValue(2147483647) << nowText;
        QTest::newRow("count past int") << QJsonValue(qint64(1) << 40) << nowText;
        QTest::newRow("negative count") << QJsonValue(-1'000'000) << nowText;
        QTest::newRow("int min count") << QJsonValue(-2147483647 - 1) << nowText;
        QTest::newRow("count as text") << QJsonValue(QStringLiteral("lots")) << nowText;
        QTest::newRow("count as bool") << QJsonValue(true) << nowText;
        QTest::newRow("time max") << QJsonValue(5) << QJsonValue(QStringLiteral("9223372036854775807"));
        QTest::newRow("time min") << QJsonValue(5) << QJsonValue(QStringLiteral("-9223372036854775808"));
        QTest::newRow("time past int64")
            << QJsonValue(5) << QJsonValue(QStringLiteral("99999999999999999999"));
        QTest::newRow("time as huge number") << QJsonValue(5) << QJsonValue(1e300);
        QTest::newRow("time a year ahead")
            << QJsonValue(1000) << QJsonValue(QString::number(now + 365LL * 86'400'000));
        QTest::newRow("time as text") << QJsonValue(5) << QJsonValue(QStringLiteral("tomorrow"));
        QTest::newRow("both huge") << QJsonValue(1e18) << QJsonValue(1e30);
    }

    void craftedLoginCountersStayBounded() {
        QFETCH(QJsonValue, failedLogins);
        QFETCH(QJsonValue, lastFailedLoginMs);
        ProfileManager manager(options());
        const QString id =
            manager.create(QStringLiteral("Sam"), QStringLiteral("sam-password"), false).profile.id;
        const auto craft = [&] {
            const QString path = manager.baseDir() + QStringLiteral("/profiles.json");
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
            f.close();
            QJsonArray profiles = root[QStringLiteral("profiles")].toArray();
            QJsonObject p = profiles[0].toObject();
            p[QStringLiteral("failedLogins")] = failedLogins;
            p[QStringLiteral("lastFailedLoginMs")] = lastFailedLoginMs;
            profiles[0] = p;
            root[QStringLiteral("profiles")] = profiles;
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                   f.write(QJsonDocument(root).toJson()) > 0;
        };

        // The right password gets in at once or after at most the throttle's cap.
        QVERIFY(craft());
        ProfileResult r = manager.login(id, QStringLiteral("sam-password"));
        if (!r.ok()) {
            QCOMPARE(r.status, ProfileStatus::Throttled);
            QVERIFY2(r.retryAfterMs > 0 && r.retryAfterMs <= 60'000,
                     qPrintable(QString::number(r.retryAfterMs)));
            m_clock.advanceMs(60'000);
            r = manager.login(id, QStringLiteral("sam-password"));
        }
        QVERIFY2(r.ok(), qPrintable(r.message));

        // The throttle is still on: from the same values, wrong passwords soon cost a wait within the cap.
        QVERIFY(craft());
        m_clock.advanceMs(60'000);
        qint64 longest = 0;
        for (int i = 0; i < 4; ++i) {
            const ProfileResult wrong = manager.login(id, QStringLiteral("guess"));
            QVERIFY(wrong.status == ProfileStatus::WrongPassword || wrong.status == ProfileStatus::Throttled);
            QVERIFY2(wrong.retryAfterMs >= 0 && wrong.retryAfterMs <= 60'000,
                     qPrintable(QString::number(wrong.retryAfterMs)));
            longest = std::max(longest, wrong.retryAfterMs);
        }
        QVERIFY(longest > 0);
        m_clock.advanceMs(60'000);
        QVERIFY(manager.login(id, QStringLiteral("sam-password")).ok());
    }

    void damagedRegistryIsNeverOverwritten() {
        ProfileManager manager(options());
        QVERIFY(manager.create(QStringLiteral("Quinn"), QStringLiteral("quinn-password"), false).ok());
        const QString path = manager.baseDir() + QStringLiteral("/profiles.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ this is not json");
        f.close();
        ProfileResult error;
        QVERIFY(manager.profiles(&error).isEmpty());
        QCOMPARE(error.status, ProfileStatus::RegistryDamaged);
        QVERIFY(error.message.contains(path));
        QCOMPARE(manager.create(QStringLiteral("Rae"), QStringLiteral("rae-password"), false).status,
                 ProfileStatus::RegistryDamaged);
        QCOMPARE(manager.ensureDemoProfile().status, ProfileStatus::RegistryDamaged);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{ this is not json"));
    }

    void interruptedDeletionIsFinishedAtStartup() {
        ProfileManager manager(options());
        const QString leftover = manager.baseDir() + QStringLiteral("/.0123abcd-ffff.deleting");
        QVERIFY(QDir().mkpath(leftover + QStringLiteral("/sub")));
        manager.ensureDemoProfile();
        QVERIFY(!QFileInfo::exists(leftover));
    }
};

QTEST_GUILESS_MAIN(TestProfileManager)
#include "tst_profile_manager.moc"
