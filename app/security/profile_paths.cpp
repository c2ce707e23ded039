#include "profile_paths.h"

#include <QDir>
#include <QFile>

namespace hoga {

bool ProfilePaths::ensurePrivateDir(const QString& dir) {
    if (!QDir().mkpath(dir))
        return false;
    return QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool ProfilePaths::isValidProfileId(const QString& id) {
    if (id.isEmpty() || id.size() > 32)
        return false;
    for (const QChar c : id) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('0') && c <= QLatin1Char('9'))))
            return false;
    }
    return true;
}

} // namespace hoga
