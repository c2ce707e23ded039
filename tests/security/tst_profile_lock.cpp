#include "core/lock_file_recovery.h"
#include "security/profile_lock.h"
#include "security/profile_paths.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

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

// Writes the profile's lock file with `contents`, dated `ageMs` ago: what a start killed between creating
// the file and writing its PID leaves (empty), or a damaged file (garbage).
QString writeLockFile(const QString& dir, const QByteArray& contents, qint64 ageMs) {
    if (!QDir().mkpath(dir))
        return {};
    const QString path = ProfilePaths(dir).instanceLockFile();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size() ||
        !file.flush() ||
        !file.setFileTime(QDateTime::currentDateTimeUtc().addMSecs(-ageMs),
                          QFileDevice::FileModificationTime))
        return {};
    return path;
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

    void abandonedLockFileIsTakenOver_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x01\xffnot a lock\n");
        QTest::newRow("pid line not a number") << QByteArray("12ab\nhoga\nhost\n");
        QTest::newRow("blank lines") << QByteArray("\n\n\n");
    }

    void abandonedLockFileIsTakenOver() {
        QFETCH(QByteArray, contents);
        const QString dir = freshDir();
        const QString path = writeLockFile(dir, contents, kAbandonedLockGraceMs + 60'000);
        QVERIFY(!path.isEmpty());
        ProfileLock lock(dir);
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::Acquired);
        QVERIFY(lock.isHeld());
        qint64 pid = 0;
        QString host;
        QString app;
        QVERIFY(QLockFile(path).getLockInfo(&pid, &host, &app)); // a real lock record now
        QCOMPARE(pid, QCoreApplication::applicationPid());
        // And the new holder answers activation requests.
        QSignalSpy spy(&lock, &ProfileLock::activationRequested);
        QVERIFY(awaitActivation(dir));
        QTRY_COMPARE(spy.count(), 1);
    }

    void freshEmptyLockFileIsLeftAlone() {
        // Younger than the grace period: its owner may be about to write its PID.
        const QString dir = freshDir();
        const QString path = writeLockFile(dir, {}, 0);
        QVERIFY(!path.isEmpty());
        ProfileLock lock(dir);
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::HeldElsewhere);
        QVERIFY(QFile::exists(path));
        QVERIFY(!removeAbandonedLockFile(path));
        QVERIFY(removeAbandonedLockFile(path, 0)); // what the grace period alone protects
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::Acquired);
    }

#ifdef Q_OS_UNIX
    void emptyLockFileOfALiveOwnerIsLeftAlone() {
        // An old empty file that a process still holds with flock (as QLockFile does) is not abandoned.
        const QString dir = freshDir();
        const QString path = writeLockFile(dir, {}, kAbandonedLockGraceMs + 60'000);
        QVERIFY(!path.isEmpty());
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
        ProfileLock lock(dir);
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::HeldElsewhere);
        QVERIFY(QFile::exists(path));
        ::close(fd); // the owner is gone
        QCOMPARE(lock.acquire(), ProfileLock::Outcome::Acquired);
    }
#endif

    void waitingLockTakesOverOnceTheGracePeriodPasses() {
        // The CLI waits with a timeout: an empty file that ages past the grace period meanwhile is cleared.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.lock"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QLockFile lock(path);
        lock.setStaleLockTime(0);
        QVERIFY(!lock.tryLock(0));
        QVERIFY(tryLockRecoveringAbandoned(lock, 10'000, 300));
        QVERIFY(lock.isLocked());
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
