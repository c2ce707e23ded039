#include "security/profile_lock.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace hoga;

namespace {

// Child mode: take the lock of HOGA_LOCK_CHILD_DIR, say so on stdout, then die without cleaning up, like a
// crash (no destructors, lock file and socket left behind).
int runCrashingChild(const QString& dir) {
    ProfileLock lock(dir);
    if (lock.acquire() != ProfileLock::Outcome::Acquired)
        return 2;
    std::fputs("locked\n", stdout);
    std::fflush(stdout);
    std::_Exit(0);
}

bool awaitActivation(const QString& dir, int timeoutMs = 5000) {
    QObject context;
    std::optional<bool> delivered;
    ProfileLock::requestActivation(
        dir, &context, [&](bool ok) { delivered = ok; }, timeoutMs);
    if (!QTest::qWaitFor([&] { return delivered.has_value(); }, timeoutMs + 2000))
        return false;
    return *delivered;
}

} // namespace

class TestProfileLock : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_n = 0;
    QString freshDir() { return m_tmp.filePath(QStringLiteral("profile%1").arg(++m_n)); }

private slots:
    void secondLockFails() {
        const QString dir = freshDir();
        ProfileLock first(dir);
        QCOMPARE(first.acquire(), ProfileLock::Outcome::Acquired);
        QVERIFY(first.isHeld());
        QCOMPARE(first.acquire(), ProfileLock::Outcome::Acquired); // idempotent for the holder
        ProfileLock second(dir);
        QCOMPARE(second.acquire(), ProfileLock::Outcome::HeldElsewhere);
        QVERIFY(!second.isHeld());
        first.release();
        QCOMPARE(second.acquire(), ProfileLock::Outcome::Acquired);
    }

    void differentProfilesDoNotConflict() {
        ProfileLock a(freshDir());
        ProfileLock b(freshDir());
        QCOMPARE(a.acquire(), ProfileLock::Outcome::Acquired);
        QCOMPARE(b.acquire(), ProfileLock::Outcome::Acquired);
        QVERIFY(ProfileLock::serverName(m_tmp.filePath("x")) != ProfileLock::serverName(m_tmp.filePath("y")));
    }

    void activationRequestReachesTheHolder() {
        const QString dir = freshDir();
        ProfileLock holder(dir);
        QCOMPARE(holder.acquire(), ProfileLock::Outcome::Acquired);
        QSignalSpy spy(&holder, &ProfileLock::activationRequested);
        ProfileLock second(dir);
        QCOMPARE(second.acquire(), ProfileLock::Outcome::HeldElsewhere);
        QVERIFY(awaitActivation(dir));
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(awaitActivation(dir));
        QTRY_COMPARE(spy.count(), 2);
    }

    void activationWithoutHolderFails() { QVERIFY(!awaitActivation(freshDir(), 1000)); }

    void staleLockAfterCrashIsTakenOver() {
        const QString dir = freshDir();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOGA_LOCK_CHILD_DIR"), dir);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitCode(), 0);
        QCOMPARE(child.readAllStandardOutput(), QByteArray("locked\n"));
        QVERIFY(QFile::exists(dir + QStringLiteral("/instance.lock"))); // left behind by the "crash"

        ProfileLock lock(dir);
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::Acquired);
        // The new holder also answers activation requests (the dead instance's socket was replaced).
        QSignalSpy spy(&lock, &ProfileLock::activationRequested);
        QVERIFY(awaitActivation(dir));
        QTRY_COMPARE(spy.count(), 1);
    }

    void garbageOnTheSocketIsIgnored() {
        const QString dir = freshDir();
        ProfileLock holder(dir);
        QCOMPARE(holder.acquire(), ProfileLock::Outcome::Acquired);
        QSignalSpy spy(&holder, &ProfileLock::activationRequested);
        QLocalSocket socket;
        socket.connectToServer(ProfileLock::serverName(dir));
        QVERIFY(socket.waitForConnected(3000));
        socket.write("HELLO\n");
        QVERIFY(socket.waitForBytesWritten(3000));
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(spy.count(), 0);
    }

    void unwritableFolderFails() {
        ProfileLock lock(QStringLiteral("/proc/hoga-cannot-exist/profile"));
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::Failed);
        QVERIFY(!lock.errorString().isEmpty());
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString childDir = qEnvironmentVariable("HOGA_LOCK_CHILD_DIR");
    if (!childDir.isEmpty())
        return runCrashingChild(childDir);
    TestProfileLock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profile_lock.moc"
