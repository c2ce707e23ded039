#include "secret_store.h"

#include <QTimer>

namespace hoga {

SecretResult SecretResult::success(QByteArray bytes) {
    SecretResult r;
    r.data = std::move(bytes);
    return r;
}

SecretResult SecretResult::failure(SecretStatus status, QString message) {
    SecretResult r;
    r.status = status;
    r.message = std::move(message);
    return r;
}

QString SecretResult::statusName(SecretStatus status) {
    switch (status) {
    case SecretStatus::Ok:
        return QStringLiteral("ok");
    case SecretStatus::NotFound:
        return QStringLiteral("not_found");
    case SecretStatus::NoKeychain:
        return QStringLiteral("no_keychain");
    case SecretStatus::AccessDenied:
        return QStringLiteral("access_denied");
    case SecretStatus::WrongPassword:
        return QStringLiteral("wrong_password");
    case SecretStatus::Corrupted:
        return QStringLiteral("corrupted");
    case SecretStatus::UnsupportedVersion:
        return QStringLiteral("unsupported_version");
    case SecretStatus::Busy:
        return QStringLiteral("busy");
    case SecretStatus::IoError:
        return QStringLiteral("io_error");
    case SecretStatus::InvalidKey:
        return QStringLiteral("invalid_key");
    case SecretStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

bool SecretStore::isValidKey(const QString& key) {
    if (key.isEmpty() || key.size() > 200)
        return false;
    const auto segments = key.split(QLatin1Char('/'));
    for (const QString& segment : segments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return false;
        for (const QChar c : segment) {
            const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                 (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                                 (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
                                 c == QLatin1Char('-') || c == QLatin1Char('.');
            if (!allowed)
                return false;
        }
    }
    return true;
}

QString SecretStore::qualifiedKey(const QString& profileId, const QString& key) {
    return QLatin1String("profile/") + profileId + QLatin1Char('/') + key;
}

void SecretStore::deliverLater(QObject* context, SecretCallback done, SecretResult result) {
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    });
}

} // namespace hoga
