#include "security/encrypted_file_secret_store.h"
#include "security/encrypted_secret_file.h"
#include "security/keychain_secret_store.h"
#include "security/secret_store_selector.h"
#include "security_test_util.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QtEndian>

#include <sys/stat.h>

using namespace hoga;
using namespace hoga::test;

namespace {

const QString kPassword = QStringLiteral("profile password");

unsigned modeOf(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Rewrites in place without truncating to zero first: ext4 flushes files replaced by truncate-and-rewrite on
// close (auto_da_alloc), which would make the thousand rewrites of the bit-flip test take seconds.
void overwrite(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QCOMPARE(f.write(bytes), bytes.size());
    QVERIFY(f.resize(bytes.size()));
}

SecretStoreSelector::Choice awaitChoice(SecretStoreSelector& selector, const QString& id, const QString& dir,
                                        const QString& password) {
    QObject context;
    std::optional<SecretStoreSelector::Choice> choice;
    selector.select(id, dir, password, &context,
                    [&](SecretStoreSelector::Choice c) { choice = std::move(c); });
    if (!QTest::qWaitFor([&] { return choice.has_value(); }, kSecretWaitMs))
        return {};
    return *choice;
}

// Child mode: no session bus at all. The real selector must fall back to the encrypted file and work.
int runNoKeychainChild(const QString& dir) {
    SecretStoreSelector::Options options;
    options.probeTimeoutMs = 5000;
    options.fileParams = ScryptParams::fast();
    SecretStoreSelector selector(options);
    const auto choice = awaitChoice(selector, QStringLiteral("child"), dir, kPassword);
    if (!choice.store || !choice.fellBack || choice.notice.isEmpty() ||
        choice.store->kind() != SecretStore::Kind::EncryptedFile || selector.keychainAvailable() != false)
        return 3;
    if (!writeSecret(*choice.store, QStringLiteral("upbit/secret_key"), "from child").ok())
        return 4;
    if (readSecret(*choice.store, QStringLiteral("upbit/secret_key")).data != "from child")
        return 5;
    std::fputs("fallback ok\n", stdout);
    return 0;
}

} // namespace

class TestEncryptedFileSecretStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString file() const { return m_dir->filePath(QStringLiteral("p1/secrets.hks")); }
    std::unique_ptr<EncryptedSecretFile> open(const QString& password = kPassword, const QString& id = "p1") {
        return std::make_unique<EncryptedSecretFile>(file(), id, password, ScryptParams::fast());
    }

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void roundTrip() {
        auto f = open();
        QCOMPARE(f->read(QStringLiteral("upbit/secret_key")).status, SecretStatus::NotFound); // no file yet
        const QByteArray secret("\x00secret\xff bytes", 14);
        QVERIFY(f->write(QStringLiteral("upbit/secret_key"), secret).ok());
        QVERIFY(f->write(QStringLiteral("upbit/access_key"), "ACCESS").ok());
        QCOMPARE(f->read(QStringLiteral("upbit/secret_key")).data, secret);
        QVERIFY(f->write(QStringLiteral("upbit/secret_key"), "replaced").ok());
        auto again = open(); // another instance (fresh key derivation) reads the same
        QCOMPARE(again->read(QStringLiteral("upbit/secret_key")).data, QByteArray("replaced"));
        QStringList keys;
        QVERIFY(again->keys(keys).ok());
        QCOMPARE(keys, (QStringList{"upbit/access_key", "upbit/secret_key"}));
        QVERIFY(again->remove(QStringLiteral("upbit/access_key")).ok());
        QVERIFY(again->remove(QStringLiteral("upbit/access_key")).ok()); // already gone: fine
        QCOMPARE(f->read(QStringLiteral("upbit/access_key")).status, SecretStatus::NotFound);
        QVERIFY(!contents(file()).contains("replaced"));
        QVERIFY(!contents(file()).contains("upbit"));
    }

    void fileIsPrivate() {
        auto f = open();
        QVERIFY(f->write(QStringLiteral("k"), "v").ok());
        QCOMPARE(modeOf(file()), 0600u);
        QCOMPARE(modeOf(m_dir->filePath(QStringLiteral("p1"))), 0700u);
        QFile::setPermissions(file(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(f->write(QStringLiteral("k"), "w").ok());
        QCOMPARE(modeOf(file()), 0600u); // every write puts it back to 0600
    }

    void freshNonceEveryWriteSameSalt() {
        auto f = open();
        QVERIFY(f->write(QStringLiteral("k"), "same").ok());
        const QByteArray first = contents(file());
        QVERIFY(f->write(QStringLiteral("k"), "same").ok());
        const QByteArray second = contents(file());
        QCOMPARE(first.size(), second.size());
        QCOMPARE(first.left(8), QByteArray("HOGAKEYS"));
        QCOMPARE(first.mid(13, 16), second.mid(13, 16));  // salt is per file
        QVERIFY(first.mid(45, 12) != second.mid(45, 12)); // nonce is per write
        QVERIFY(first.mid(69) != second.mid(69));
    }

    void wrongPasswordIsTypedAndHarmless() {
        QVERIFY(open()->write(QStringLiteral("k"), "v").ok());
        const QByteArray before = contents(file());
        auto wrong = open(QStringLiteral("not the password"));
        const SecretResult r = wrong->read(QStringLiteral("k"));
        QCOMPARE(r.status, SecretStatus::WrongPassword);
        QVERIFY(r.message.contains(QStringLiteral("password")));
        QCOMPARE(wrong->write(QStringLiteral("k"), "overwrite!").status, SecretStatus::WrongPassword);
        QCOMPARE(wrong->remove(QStringLiteral("k")).status, SecretStatus::WrongPassword);
        QCOMPARE(contents(file()), before);
        QCOMPARE(open()->read(QStringLiteral("k")).data, QByteArray("v"));
    }

    void otherProfileIdIsRefused() {
        QVERIFY(open()->write(QStringLiteral("k"), "v").ok());
        QCOMPARE(open(kPassword, QStringLiteral("p2"))->read(QStringLiteral("k")).status,
                 SecretStatus::Corrupted);
    }

    void truncatedFileIsDetectedAndKept() {
        auto f = open();
        QVERIFY(f->write(QStringLiteral("upbit/secret_key"), "0123456789").ok());
        const QByteArray good = contents(file());
        for (int length : {0, 1, 8, 60, 68, 69, 70, int(good.size()) - 16, int(good.size()) - 1}) {
            const QByteArray cut = good.left(length);
            overwrite(file(), cut);
            const SecretResult r = open()->read(QStringLiteral("upbit/secret_key"));
            QVERIFY2(r.status == SecretStatus::Corrupted, qPrintable(QString::number(length)));
            QVERIFY(r.message.contains(file()));
            QCOMPARE(open()->write(QStringLiteral("upbit/secret_key"), "new").status,
                     SecretStatus::Corrupted);
            QCOMPARE(contents(file()), cut); // never overwritten or deleted
        }
        QByteArray longer = good + "x";
        overwrite(file(), longer);
        QCOMPARE(open()->read(QStringLiteral("upbit/secret_key")).status, SecretStatus::Corrupted);
    }

    void everySingleBitFlipIsDetected() {
        auto f = open();
        QVERIFY(f->write(QStringLiteral("a/b"), "tiny secret").ok());
        const QByteArray good = contents(file());
        QVERIFY(good.size() < 160); // small file: every bit is tried
        auto reader = open();       // one instance: its cached key keeps this fast
        int flips = 0;
        for (int byte = 0; byte < good.size(); ++byte) {
            for (int bit = 0; bit < 8; ++bit) {
                QByteArray bad = good;
                bad[byte] = char(bad[byte] ^ (1 << bit));
                overwrite(file(), bad);
                const SecretResult r = reader->read(QStringLiteral("a/b"));
                if (r.status != SecretStatus::Corrupted)
                    QFAIL(qPrintable(QStringLiteral("byte %1 bit %2: %3")
                                         .arg(byte)
                                         .arg(bit)
                                         .arg(SecretResult::statusName(r.status))));
                // A write attempt (lock + read-modify-write) on a spread of flips; each costs a lock file
                // sync.
                if ((byte * 8 + bit) % 29 == 0 && reader->write(QStringLiteral("a/b"), "must not land").ok())
                    QFAIL(
                        qPrintable(QStringLiteral("byte %1 bit %2: write went through").arg(byte).arg(bit)));
                if (contents(file()) != bad)
                    QFAIL(qPrintable(QStringLiteral("byte %1 bit %2: file changed").arg(byte).arg(bit)));
                ++flips;
            }
        }
        QCOMPARE(flips, int(good.size()) * 8);
        overwrite(file(), good);
        QCOMPARE(reader->read(QStringLiteral("a/b")).data, QByteArray("tiny secret"));
    }

    void newerFormatIsRefused() {
        QVERIFY(open()->write(QStringLiteral("k"), "v").ok());
        QByteArray newer = contents(file());
        newer[8] = 2; // format version 2, with a consistent header checksum
        const QByteArray digest =
            QCryptographicHash::hash(newer.left(61), QCryptographicHash::Sha256).left(8);
        newer.replace(61, 8, digest);
        overwrite(file(), newer);
        QCOMPARE(open()->read(QStringLiteral("k")).status, SecretStatus::UnsupportedVersion);
        QCOMPARE(open()->write(QStringLiteral("k"), "x").status, SecretStatus::UnsupportedVersion);
        QCOMPARE(contents(file()), newer);
    }

    void concurrentWritersEndConsistent() {
        constexpr int kPerWriter = 15;
        const auto writer = [this](const QString& prefix, bool* ok) {
            return QThread::create([this, prefix, ok] {
                EncryptedSecretFile f(file(), QStringLiteral("p1"), kPassword, ScryptParams::fast());
                *ok = true;
                for (int i = 0; i < kPerWriter; ++i)
                    *ok = f.write(QStringLiteral("%1/k%2").arg(prefix).arg(i), QByteArray::number(i)).ok() &&
                          *ok;
            });
        };
        bool okA = false, okB = false;
        QThread* a = writer(QStringLiteral("a"), &okA);
        QThread* b = writer(QStringLiteral("b"), &okB);
        a->start();
        b->start();
        QVERIFY(a->wait(30000));
        QVERIFY(b->wait(30000));
        delete a;
        delete b;
        QVERIFY(okA);
        QVERIFY(okB);
        QStringList keys;
        QVERIFY(open()->keys(keys).ok());
        QCOMPARE(keys.size(), 2 * kPerWriter); // no write lost to a race
        QCOMPARE(open()->read(QStringLiteral("b/k7")).data, QByteArray("7"));
        QVERIFY(!QFile::exists(file() + QStringLiteral(".lock")));
    }

    void asyncStoreRoundTrip() {
        EncryptedFileSecretStore store(file(), QStringLiteral("p1"), kPassword, ScryptParams::fast());
        QCOMPARE(store.kind(), SecretStore::Kind::EncryptedFile);
        QCOMPARE(store.profileId(), QStringLiteral("p1"));
        QObject context;
        bool called = false;
        store.write(QStringLiteral("upbit/secret_key"), "async secret", &context, [&](SecretResult r) {
            QVERIFY(r.ok());
            QCOMPARE(QThread::currentThread(), context.thread()); // back on the caller's thread
            called = true;
        });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        QCOMPARE(readSecret(store, QStringLiteral("upbit/secret_key")).data, QByteArray("async secret"));
        QVERIFY(removeSecret(store, QStringLiteral("upbit/secret_key")).ok());
        QCOMPARE(readSecret(store, QStringLiteral("upbit/secret_key")).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(store, QStringLiteral("../x")).status, SecretStatus::InvalidKey);

        EncryptedFileSecretStore wrong(file(), QStringLiteral("p1"), QStringLiteral("nope"),
                                       ScryptParams::fast());
        QCOMPARE(readSecret(wrong, QStringLiteral("upbit/secret_key")).status, SecretStatus::WrongPassword);
    }

    void twoAsyncInstancesWriteConcurrently() {
        EncryptedFileSecretStore one(file(), QStringLiteral("p1"), kPassword, ScryptParams::fast());
        EncryptedFileSecretStore two(file(), QStringLiteral("p1"), kPassword, ScryptParams::fast());
        QObject context;
        int done = 0, failed = 0;
        for (int i = 0; i < 10; ++i) {
            one.write(QStringLiteral("one/k%1").arg(i), "1", &context, [&](SecretResult r) {
                ++done;
                failed += !r.ok();
            });
            two.write(QStringLiteral("two/k%1").arg(i), "2", &context, [&](SecretResult r) {
                ++done;
                failed += !r.ok();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 20, kSecretWaitMs);
        QCOMPARE(failed, 0);
        QStringList keys;
        QVERIFY(open()->keys(keys).ok());
        QCOMPARE(keys.size(), 20);
    }

    void selectorFallsBackWhenNoKeychain() {
        SecretStoreSelector::Options options;
        options.fileParams = ScryptParams::fast();
        SecretStoreSelector selector(options);
        int probes = 0;
        selector.setProbe([&](QObject* context, SecretStoreSelector::ProbeDone done) {
            ++probes;
            QTimer::singleShot(0, context, [done] { done(false, QStringLiteral("(no Secret Service)")); });
        });
        const QString dir = m_dir->filePath(QStringLiteral("p1"));
        const auto choice = awaitChoice(selector, QStringLiteral("p1"), dir, kPassword);
        QVERIFY(choice.store);
        QVERIFY(choice.fellBack);
        QVERIFY(choice.notice.contains(QStringLiteral("encrypted")));
        QCOMPARE(choice.store->kind(), SecretStore::Kind::EncryptedFile);
        QCOMPARE(static_cast<EncryptedFileSecretStore*>(choice.store.get())->filePath(),
                 dir + "/secrets.hks");
        QVERIFY(writeSecret(*choice.store, QStringLiteral("upbit/secret_key"), "kept in file").ok());
        QCOMPARE(open()->read(QStringLiteral("upbit/secret_key")).data, QByteArray("kept in file"));

        // The Demo profile has no password: no store, and a clear notice.
        const auto demo = awaitChoice(selector, QStringLiteral("demo"), m_dir->filePath("demo"), QString());
        QVERIFY(!demo.store);
        QVERIFY(!demo.notice.isEmpty());
        QCOMPARE(probes, 1); // probed once per selector
        QCOMPARE(selector.keychainAvailable(), std::optional<bool>(false));
    }

    void selectorPrefersTheKeychain() {
        SecretStoreSelector selector;
        selector.setProbe([](QObject* context, SecretStoreSelector::ProbeDone done) {
            QTimer::singleShot(0, context, [done] { done(true, {}); });
        });
        const auto choice = awaitChoice(selector, QStringLiteral("p1"), m_dir->filePath("p1"), kPassword);
        QVERIFY(choice.store);
        QVERIFY(!choice.fellBack);
        QCOMPARE(choice.store->kind(), SecretStore::Kind::Keychain);
        QCOMPARE(choice.store->profileId(), QStringLiteral("p1"));
    }

    void realProbeFindsTheTestKeychain() {
        HOGA_REQUIRE_SESSION_BUS();
        SecretStoreSelector selector;
        const auto choice = awaitChoice(selector, QStringLiteral("p1"), m_dir->filePath("p1"), kPassword);
        QCOMPARE(selector.keychainAvailable(), std::optional<bool>(true));
        QVERIFY(choice.store);
        QCOMPARE(choice.store->kind(), SecretStore::Kind::Keychain);
    }

    void realProbeFallsBackWithoutABus() {
        // A child process with no session bus: what a machine without any keychain service looks like.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("empty-runtime")));
        env.insert(QStringLiteral("HOGA_SELECTOR_CHILD_DIR"), m_dir->filePath(QStringLiteral("child")));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.readAllStandardOutput(), QByteArray("fallback ok\n"));
        QCOMPARE(child.exitCode(), 0);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString childDir = qEnvironmentVariable("HOGA_SELECTOR_CHILD_DIR");
    if (!childDir.isEmpty())
        return runNoKeychainChild(childDir);
    TestEncryptedFileSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_encrypted_file_secret_store.moc"
