#include "security/keychain_secret_store.h"
#include "security/secure_bytes.h"
#include "security_test_util.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace hoga;
using namespace hoga::test;

namespace {

// PID of the Secret Service on our (private) session bus, or 0.
qint64 secretServicePid() {
    QProcess p;
    p.start(QStringLiteral("dbus-send"),
            {QStringLiteral("--session"), QStringLiteral("--dest=org.freedesktop.DBus"),
             QStringLiteral("--print-reply"), QStringLiteral("/org/freedesktop/DBus"),
             QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
             QStringLiteral("string:org.freedesktop.secrets")});
    if (!p.waitForFinished(5000))
        return 0;
    const auto m = QRegularExpression(QStringLiteral("uint32 (\\d+)"))
                       .match(QString::fromLatin1(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

// Freezes the keychain daemon (SIGSTOP) and always lets it go again (SIGCONT), even if the test fails.
class FrozenDaemon {
public:
    explicit FrozenDaemon(qint64 pid)
        : m_pid(pid) {
        ::kill(pid_t(m_pid), SIGSTOP);
    }
    ~FrozenDaemon() { thaw(); }
    void thaw() {
        if (m_pid)
            ::kill(pid_t(m_pid), SIGCONT);
        m_pid = 0;
    }

private:
    qint64 m_pid;
};

} // namespace

class TestKeychainSecretStore : public QObject {
    Q_OBJECT

private:
    // Fresh ids per run, so a run against a real desktop keyring never meets old entries.
    QString m_a = QStringLiteral("t") + QString::fromLatin1(randomBytes(6).toHex());
    QString m_b = QStringLiteral("t") + QString::fromLatin1(randomBytes(6).toHex());

private slots:
    void init() { HOGA_REQUIRE_SESSION_BUS(); }

    void roundTrip() {
        KeychainSecretStore store(m_a);
        QCOMPARE(store.kind(), SecretStore::Kind::Keychain);
        QCOMPARE(store.profileId(), m_a);
        QCOMPARE(store.options().service, QStringLiteral("Hoga"));
        const QByteArray secret("\x00\x01binary\xff secret\n", 17);
        const SecretResult written = writeSecret(store, QStringLiteral("upbit/secret_key"), secret);
        QVERIFY2(written.ok(), qPrintable(written.message));
        const SecretResult read = readSecret(store, QStringLiteral("upbit/secret_key"));
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.data, secret);
        QVERIFY(removeSecret(store, QStringLiteral("upbit/secret_key")).ok());
    }

    void overwrite() {
        KeychainSecretStore store(m_a);
        QVERIFY(writeSecret(store, QStringLiteral("bithumb/access_key"), "first").ok());
        QVERIFY(writeSecret(store, QStringLiteral("bithumb/access_key"), "second, longer value").ok());
        QCOMPARE(readSecret(store, QStringLiteral("bithumb/access_key")).data,
                 QByteArray("second, longer value"));
        QVERIFY(removeSecret(store, QStringLiteral("bithumb/access_key")).ok());
    }

    void removeAndMissing() {
        KeychainSecretStore store(m_a);
        QVERIFY(writeSecret(store, QStringLiteral("sim/access_key"), "x").ok());
        QVERIFY(removeSecret(store, QStringLiteral("sim/access_key")).ok());
        const SecretResult gone = readSecret(store, QStringLiteral("sim/access_key"));
        QCOMPARE(gone.status, SecretStatus::NotFound);
        QVERIFY(!gone.message.isEmpty());
        QVERIFY(removeSecret(store, QStringLiteral("sim/access_key")).ok()); // removing nothing is fine
    }

    void profilesCannotReadEachOther() {
        KeychainSecretStore a(m_a);
        KeychainSecretStore b(m_b);
        QVERIFY(writeSecret(a, QStringLiteral("upbit/secret_key"), "secret of A").ok());
        QCOMPARE(readSecret(b, QStringLiteral("upbit/secret_key")).status, SecretStatus::NotFound);
        QVERIFY(writeSecret(b, QStringLiteral("upbit/secret_key"), "secret of B").ok());
        QCOMPARE(readSecret(a, QStringLiteral("upbit/secret_key")).data, QByteArray("secret of A"));
        QCOMPARE(readSecret(b, QStringLiteral("upbit/secret_key")).data, QByteArray("secret of B"));
        QVERIFY(removeSecret(b, QStringLiteral("upbit/secret_key")).ok());
        QCOMPARE(readSecret(a, QStringLiteral("upbit/secret_key")).data, QByteArray("secret of A"));
        QVERIFY(removeSecret(a, QStringLiteral("upbit/secret_key")).ok());
        // Relative keys cannot climb out of the profile's namespace.
        QCOMPARE(readSecret(a, QStringLiteral("../") + m_b + QStringLiteral("/upbit/secret_key")).status,
                 SecretStatus::InvalidKey);
        QCOMPARE(SecretStore::qualifiedKey(m_a, QStringLiteral("upbit/secret_key")),
                 QStringLiteral("profile/%1/upbit/secret_key").arg(m_a));
    }

    void invalidKeysAnswerLater() {
        KeychainSecretStore store(m_a);
        QObject context;
        bool called = false;
        store.read(QString(), &context, [&](SecretResult r) {
            called = true;
            QCOMPARE(r.status, SecretStatus::InvalidKey);
        });
        QVERIFY(!called); // never inside the call
        QTRY_VERIFY(called);
        for (const char* bad : {"a//b", "/a", "a/", "a b", "a/./b", "ä"})
            QVERIFY2(!SecretStore::isValidKey(QString::fromUtf8(bad)), bad);
        QVERIFY(SecretStore::isValidKey(QStringLiteral("_index/venues")));
    }

    void deadContextDropsTheCallback() {
        KeychainSecretStore store(m_a);
        int calls = 0;
        {
            QObject context;
            store.write(QStringLiteral("sim/secret_key"), "v", &context, [&](SecretResult) { ++calls; });
        }
        // The next job runs after the first (QtKeychain queues them), so its answer proves the first ended.
        QCOMPARE(readSecret(store, QStringLiteral("sim/secret_key")).data, QByteArray("v"));
        QCOMPARE(calls, 0);
        QVERIFY(removeSecret(store, QStringLiteral("sim/secret_key")).ok());
    }

    void timeoutMeansNoKeychain() {
        const qint64 pid = secretServicePid();
        QVERIFY2(pid > 0, "the Secret Service's PID is needed to freeze it");
        KeychainSecretStore::Options fast;
        fast.timeoutMs = 300;
        KeychainSecretStore store(m_a, fast);
        QVERIFY(writeSecret(store, QStringLiteral("upbit/access_key"), "before").ok());

        int calls = 0;
        std::optional<SecretResult> result;
        QObject context;
        {
            FrozenDaemon frozen(pid);
            store.read(QStringLiteral("upbit/access_key"), &context, [&](SecretResult r) {
                ++calls;
                result = std::move(r);
            });
            QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 5000));
            QCOMPARE(result->status, SecretStatus::NoKeychain);
            QVERIFY2(result->message.contains(QStringLiteral("did not answer")), qPrintable(result->message));
        }
        // Thawed: the abandoned job finishes in the background, the callback is not called twice, and the
        // keychain works again for the next jobs.
        KeychainSecretStore normal(m_a);
        QCOMPARE(readSecret(normal, QStringLiteral("upbit/access_key")).data, QByteArray("before"));
        QCOMPARE(calls, 1);
        QVERIFY(removeSecret(normal, QStringLiteral("upbit/access_key")).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychain_secret_store.moc"
