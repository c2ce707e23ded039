#pragma once

#include <QString>

class QLockFile;

namespace hoga {

// QLockFile takes over a lock file whose process is gone, but only when the file names that process. A file
// left empty (its owner was killed between creating it and writing its PID) or holding text that is not a
// lock record names nobody: with setStaleLockTime(0) QLockFile would wait on it forever.
//
// How long such a file must exist before it is taken for abandoned: a live owner writes its PID right after
// creating the file, so anything older is not a lock in the making.
inline constexpr qint64 kAbandonedLockGraceMs = 5000;

// Removes `lockPath` if it is empty or unreadable as a lock record, older than `graceMs`, and no process
// holds it open with a lock (Unix: flock, as QLockFile does while it owns the file). Serialised with
// QLockFile's own stale-lock removal through the same "<lockPath>.rmlock". True if it was removed.
bool removeAbandonedLockFile(const QString& lockPath, qint64 graceMs = kAbandonedLockGraceMs);

// lock.tryLock(timeoutMs) that also clears an abandoned lock file (see above) while it waits.
bool tryLockRecoveringAbandoned(QLockFile& lock, int timeoutMs, qint64 graceMs = kAbandonedLockGraceMs);

} // namespace hoga
