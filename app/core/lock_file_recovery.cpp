#include "lock_file_recovery.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>
#include <cstdlib>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace hoga {

namespace {

// Present, older than the grace period (a time in the future counts by its distance, as in QLockFile) and
// not a lock record QLockFile can read.
bool looksAbandoned(const QString& path, qint64 graceMs) {
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    const qint64 age = info.lastModified().msecsTo(QDateTime::currentDateTimeUtc());
    if (std::abs(age) < graceMs)
        return false;
    qint64 pid = 0;
    QString host;
    QString app;
    return !QLockFile(path).getLockInfo(&pid, &host, &app);
}

} // namespace

bool removeAbandonedLockFile(const QString& lockPath, qint64 graceMs) {
    if (!looksAbandoned(lockPath, graceMs))
        return false;
    // The name QLockFile uses for its own stale-lock removal: two removers never race each other.
    QLockFile removal(lockPath + QLatin1String(".rmlock"));
    if (!removal.tryLock(0) || !looksAbandoned(lockPath, graceMs))
        return false;
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(lockPath);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    // A live QLockFile owner keeps an flock on its file from just after creating it: then it is not ours
    // to remove, whatever it holds.
    const bool removed = ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(native.constData()) == 0;
    ::close(fd);
    return removed;
#else
    return QFile::remove(lockPath);
#endif
}

bool tryLockRecoveringAbandoned(QLockFile& lock, int timeoutMs, qint64 graceMs) {
    const QString path = lock.fileName();
    const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    constexpr qint64 kRecheckMs = 500; // an empty file may pass the grace period while we wait
    for (;;) {
        removeAbandonedLockFile(path, graceMs);
        const qint64 left = deadline.remainingTime();
        if (lock.tryLock(int(left < 0 ? kRecheckMs : std::min(left, kRecheckMs))))
            return true;
        if (lock.error() != QLockFile::LockFailedError || deadline.hasExpired())
            return false;
    }
}

} // namespace hoga
