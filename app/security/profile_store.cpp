#include "profile_store.h"

#include "profile_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hoga {

namespace {

QJsonObject toJson(const ProfileRecord& p) {
    QJsonObject o;
    o[QLatin1String("id")] = p.id;
    o[QLatin1String("name")] = p.name;
    o[QLatin1String("passwordHash")] = p.passwordHash;
    o[QLatin1String("paperOnly")] = p.paperOnly;
    o[QLatin1String("demo")] = p.demo;
    o[QLatin1String("createdMs")] = QString::number(p.createdMs);
    o[QLatin1String("failedLogins")] = p.attempts.failures;
    o[QLatin1String("lastFailedLoginMs")] = QString::number(p.attempts.lastFailureMs);
    return o;
}

// A whole number from a JSON number or a numeric string (the registry writes 64-bit times as strings),
// saturated to the qint64 range; `fallback` for anything else. Callers clamp it to their own range.
qint64 wholeNumberOf(const QJsonValue& v, qint64 fallback) {
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    if (!v.isDouble() && !v.isString())
        return fallback;
    bool ok = true;
    const double d = v.isDouble() ? v.toDouble() : v.toString().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return fallback;
    // 2^63 as a double: the first value outside qint64.
    constexpr double kLimit = 9223372036854775808.0;
    if (d >= kLimit)
        return std::numeric_limits<qint64>::max();
    if (d < -kLimit)
        return std::numeric_limits<qint64>::min();
    return qint64(d);
}

// The login counters as read, made safe for the throttle: negative, huge or non-numeric values from a
// hand-edited or damaged file must neither overflow it, switch it off, nor lock the right password out
// beyond its cap. Unreadable counters read as none (whoever can write the file can reset them anyway).
LoginAttempts attemptsFromJson(const QJsonObject& o) {
    LoginAttempts a;
    const qint64 failures = wholeNumberOf(o.value(QLatin1String("failedLogins")), 0);
    a.failures = int(std::clamp<qint64>(failures, 0, LoginAttempts::kMaxFailures));
    a.lastFailureMs = wholeNumberOf(o.value(QLatin1String("lastFailedLoginMs")), 0);
    return a.clamped();
}

std::optional<ProfileRecord> fromJson(const QJsonObject& o) {
    ProfileRecord p;
    p.id = o.value(QLatin1String("id")).toString();
    p.name = o.value(QLatin1String("name")).toString();
    p.passwordHash = o.value(QLatin1String("passwordHash")).toString();
    p.paperOnly = o.value(QLatin1String("paperOnly")).toBool();
    p.demo = o.value(QLatin1String("demo")).toBool();
    p.createdMs = o.value(QLatin1String("createdMs")).toString().toLongLong();
    p.attempts = attemptsFromJson(o);
    if (!ProfilePaths::isValidProfileId(p.id) || p.name.isEmpty())
        return std::nullopt;
    // A profile without a password must be the Demo profile: a hand-edited registry cannot strip the
    // password of a real profile and walk in.
    if (p.passwordHash.isEmpty() && !p.demo)
        return std::nullopt;
    if (p.demo)
        p.paperOnly = true;
    return p;
}

} // namespace

ProfileStore::ProfileStore(QString baseDir)
    : m_baseDir(QDir::cleanPath(std::move(baseDir))) {}

QString ProfileStore::defaultBaseDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/profiles");
}

QString ProfileStore::registryPath() const {
    return m_baseDir + QLatin1String("/profiles.json");
}

QString ProfileStore::profileDir(const QString& id) const {
    return m_baseDir + QLatin1Char('/') + id;
}

ProfileStore::Loaded ProfileStore::load() const {
    return loadUnlocked();
}

ProfileStore::Loaded ProfileStore::loadUnlocked() const {
    Loaded out;
    QFile file(registryPath());
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly)) {
        out.status = ProfileStatus::StorageError;
        out.message =
            QCoreApplication::translate("hoga::ProfileStore", "Could not read the profile list %1: %2")
                .arg(file.fileName(), file.errorString());
        return out;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = doc.object();
    const int format = root.value(QLatin1String("format")).toInt();
    const auto damaged = [&]() {
        out.status = ProfileStatus::RegistryDamaged;
        out.message =
            QCoreApplication::translate(
                "hoga::ProfileStore",
                "The profile list %1 is damaged and was left untouched. Restore it from a backup or "
                "move it away to start with an empty list.")
                .arg(file.fileName());
        out.registry = {};
        return out;
    };
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || format < 1)
        return damaged();
    if (format > kFormatVersion) {
        out.status = ProfileStatus::RegistryDamaged;
        out.message =
            QCoreApplication::translate(
                "hoga::ProfileStore",
                "The profile list %1 was written by a newer version of Hoga. Update Hoga to use it.")
                .arg(file.fileName());
        return out;
    }
    out.registry.demoCreated = root.value(QLatin1String("demoCreated")).toBool();
    for (const QJsonValue& v : root.value(QLatin1String("profiles")).toArray()) {
        const auto record = fromJson(v.toObject());
        if (!record || out.registry.find(record->id))
            return damaged();
        out.registry.profiles.append(*record);
    }
    return out;
}

bool ProfileStore::save(const ProfileRegistry& registry, QString& message) const {
    QJsonArray profiles;
    for (const auto& p : registry.profiles)
        profiles.append(toJson(p));
    QJsonObject root;
    root[QLatin1String("format")] = kFormatVersion;
    root[QLatin1String("demoCreated")] = registry.demoCreated;
    root[QLatin1String("profiles")] = profiles;

    QSaveFile file(registryPath());
    if (!file.open(QIODevice::WriteOnly)) {
        message = QCoreApplication::translate("hoga::ProfileStore", "Could not write the profile list %1: %2")
                      .arg(file.fileName(), file.errorString());
        return false;
    }
    // Permissions go on the temporary file before it replaces the old one: never a readable window.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        message = QCoreApplication::translate("hoga::ProfileStore", "Could not write the profile list %1: %2")
                      .arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

ProfileResult ProfileStore::update(const Edit& edit) {
    if (!ProfilePaths::ensurePrivateDir(m_baseDir))
        return ProfileResult::failure(
            ProfileStatus::StorageError,
            QCoreApplication::translate("hoga::ProfileStore", "Could not create the profile folder %1.")
                .arg(m_baseDir));
    QLockFile lock(registryPath() + QLatin1String(".lock"));
    lock.setStaleLockTime(10'000); // edits take milliseconds; an older lock was left by a crash
    if (!lock.tryLock(5000))
        return ProfileResult::failure(
            ProfileStatus::StorageError,
            QCoreApplication::translate("hoga::ProfileStore",
                                        "The profile list is busy in another Hoga window. Try again."));
    Loaded loaded = loadUnlocked();
    if (loaded.status != ProfileStatus::Ok)
        return ProfileResult::failure(loaded.status, loaded.message);
    QString message;
    const ProfileStatus status = edit(loaded.registry, message);
    if (status != ProfileStatus::Ok)
        return ProfileResult::failure(status, message);
    if (!save(loaded.registry, message))
        return ProfileResult::failure(ProfileStatus::StorageError, message);
    return {};
}

} // namespace hoga
