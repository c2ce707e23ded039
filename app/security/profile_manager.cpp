#include "profile_manager.h"

#include "secure_bytes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace hoga {

namespace {

const QLatin1String kDeletingSuffix(".deleting");

QString unknownProfileMessage() {
    return QCoreApplication::translate("hoga::ProfileManager", "This profile no longer exists.");
}

} // namespace

ProfileManager::ProfileManager(Options options)
    : m_store(std::move(options.baseDir))
    , m_hasher(options.scrypt)
    , m_clock(*options.clock)
    , m_throttle(*options.clock, options.throttle) {}

ProfileResult ProfileManager::ensureDemoProfile() {
    purgeInterruptedDeletions();
    const QString id = demoProfileId();
    ProfileResult result = m_store.update([&](ProfileRegistry& registry, QString&) {
        if (registry.demoCreated || registry.find(id))
            return ProfileStatus::Ok;
        ProfileRecord demo;
        demo.id = id;
        demo.name = QCoreApplication::translate("hoga::ProfileManager", "Demo");
        if (registry.findByName(demo.name))
            demo.name = QCoreApplication::translate("hoga::ProfileManager", "Demo (simulator)");
        demo.paperOnly = true;
        demo.demo = true;
        demo.createdMs = m_clock.nowMs();
        registry.profiles.prepend(demo);
        registry.demoCreated = true;
        return ProfileStatus::Ok;
    });
    if (!result.ok())
        return result;
    if (const auto demo = profile(id)) {
        result.profile = *demo;
        if (!ProfilePaths::ensurePrivateDir(m_store.profileDir(id)))
            return ProfileResult::failure(
                ProfileStatus::StorageError,
                QCoreApplication::translate("hoga::ProfileManager", "Could not create the folder %1.")
                    .arg(m_store.profileDir(id)));
    }
    return result;
}

QList<ProfileInfo> ProfileManager::profiles(ProfileResult* error) const {
    const auto loaded = m_store.load();
    if (error)
        *error = loaded.status == ProfileStatus::Ok ? ProfileResult{}
                                                    : ProfileResult::failure(loaded.status, loaded.message);
    QList<ProfileInfo> out;
    for (const auto& record : loaded.registry.profiles)
        out.append(ProfileInfo::from(record));
    std::stable_sort(out.begin(), out.end(),
                     [](const ProfileInfo& a, const ProfileInfo& b) { return a.createdMs < b.createdMs; });
    return out;
}

std::optional<ProfileInfo> ProfileManager::profile(const QString& id) const {
    const auto loaded = m_store.load();
    if (const auto* record = loaded.registry.find(id))
        return ProfileInfo::from(*record);
    return std::nullopt;
}

ProfileResult ProfileManager::validateName(const QString& name) const {
    if (name.isEmpty())
        return ProfileResult::failure(
            ProfileStatus::InvalidName,
            QCoreApplication::translate("hoga::ProfileManager", "Enter a name for the profile."));
    if (name.size() > kMaxNameLength)
        return ProfileResult::failure(
            ProfileStatus::InvalidName,
            QCoreApplication::translate("hoga::ProfileManager",
                                        "The profile name is too long (at most %1 characters).")
                .arg(kMaxNameLength));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return ProfileResult::failure(
                ProfileStatus::InvalidName,
                QCoreApplication::translate("hoga::ProfileManager",
                                            "The profile name cannot contain control characters."));
    }
    return {};
}

ProfileResult ProfileManager::create(const QString& rawName, const QString& password, bool paperOnly) {
    const QString name = rawName.trimmed();
    if (ProfileResult invalid = validateName(name); !invalid.ok())
        return invalid;
    if (password.size() < kMinPasswordLength)
        return ProfileResult::failure(
            ProfileStatus::WeakPassword,
            QCoreApplication::translate("hoga::ProfileManager",
                                        "Choose a password of at least %1 characters.")
                .arg(kMinPasswordLength));

    ProfileRecord record;
    record.name = name;
    record.paperOnly = paperOnly;
    record.createdMs = m_clock.nowMs();
    record.passwordHash = m_hasher.hash(password); // slow: done before taking the registry lock
    if (record.passwordHash.isEmpty())
        return ProfileResult::failure(
            ProfileStatus::StorageError,
            QCoreApplication::translate("hoga::ProfileManager", "Could not hash the password."));

    ProfileResult result = m_store.update([&](ProfileRegistry& registry, QString& message) {
        if (registry.findByName(name)) {
            message =
                QCoreApplication::translate("hoga::ProfileManager", "A profile named \"%1\" already exists.")
                    .arg(name);
            return ProfileStatus::NameTaken;
        }
        do {
            record.id = QString::fromLatin1(randomBytes(8).toHex());
        } while (registry.find(record.id) || QFileInfo::exists(m_store.profileDir(record.id)));
        if (!ProfilePaths::ensurePrivateDir(m_store.profileDir(record.id))) {
            message = QCoreApplication::translate("hoga::ProfileManager", "Could not create the folder %1.")
                          .arg(m_store.profileDir(record.id));
            return ProfileStatus::StorageError;
        }
        registry.profiles.append(record);
        return ProfileStatus::Ok;
    });
    if (!result.ok()) {
        if (!record.id.isEmpty() && result.status == ProfileStatus::StorageError && !profile(record.id))
            QDir(m_store.profileDir(record.id)).removeRecursively();
        return result;
    }
    result.profile = ProfileInfo::from(record);
    return result;
}

ProfileResult ProfileManager::login(const QString& id, const QString& password) {
    const auto loaded = m_store.load();
    if (loaded.status != ProfileStatus::Ok)
        return ProfileResult::failure(loaded.status, loaded.message);
    const ProfileRecord* found = loaded.registry.find(id);
    if (!found)
        return ProfileResult::failure(ProfileStatus::NotFound, unknownProfileMessage());
    ProfileRecord record = *found;

    LoginAttempts attempts = record.attempts;
    if (m_throttle.rebaseIfClockWentBack(attempts)) {
        m_store.update([&](ProfileRegistry& registry, QString&) {
            if (auto* r = registry.find(id))
                r->attempts = attempts;
            return ProfileStatus::Ok;
        });
    }
    if (const qint64 wait = m_throttle.retryAfterMs(attempts); wait > 0) {
        ProfileResult throttled =
            ProfileResult::failure(ProfileStatus::Throttled, LoginThrottle::tryAgainMessage(wait));
        throttled.retryAfterMs = wait;
        throttled.profile = ProfileInfo::from(record);
        return throttled;
    }

    const bool good = !record.hasPassword() || m_hasher.verify(password, record.passwordHash);
    const QString newHash = good && record.hasPassword() && m_hasher.needsRehash(record.passwordHash)
                                ? m_hasher.hash(password)
                                : QString();
    if (good && record.attempts.failures == 0 && newHash.isEmpty()) {
        ProfilePaths::ensurePrivateDir(m_store.profileDir(id));
        ProfileResult ok;
        ok.profile = ProfileInfo::from(record);
        return ok;
    }

    LoginAttempts after;
    ProfileResult saved = m_store.update([&](ProfileRegistry& registry, QString&) {
        ProfileRecord* r = registry.find(id);
        if (!r)
            return ProfileStatus::NotFound;
        if (good) {
            m_throttle.recordSuccess(r->attempts);
            if (!newHash.isEmpty())
                r->passwordHash = newHash;
        } else {
            m_throttle.recordFailure(r->attempts);
        }
        after = r->attempts;
        return ProfileStatus::Ok;
    });
    if (saved.status == ProfileStatus::NotFound)
        return ProfileResult::failure(ProfileStatus::NotFound, unknownProfileMessage());
    if (good) {
        // A failed write of the counters must not lock the user out; the login itself is valid.
        ProfilePaths::ensurePrivateDir(m_store.profileDir(id));
        ProfileResult ok;
        ok.profile = ProfileInfo::from(record);
        return ok;
    }
    ProfileResult wrong;
    wrong.status = ProfileStatus::WrongPassword;
    wrong.retryAfterMs = m_throttle.retryAfterMs(after);
    wrong.message = QCoreApplication::translate("hoga::ProfileManager", "Wrong password for profile \"%1\".")
                        .arg(record.name);
    if (wrong.retryAfterMs > 0)
        wrong.message += QLatin1Char(' ') + LoginThrottle::tryAgainMessage(wrong.retryAfterMs);
    wrong.profile = ProfileInfo::from(record);
    return wrong;
}

ProfileResult ProfileManager::rename(const QString& id, const QString& rawName) {
    const QString name = rawName.trimmed();
    if (ProfileResult invalid = validateName(name); !invalid.ok())
        return invalid;
    ProfileInfo renamed;
    ProfileResult result = m_store.update([&](ProfileRegistry& registry, QString& message) {
        ProfileRecord* r = registry.find(id);
        if (!r) {
            message = unknownProfileMessage();
            return ProfileStatus::NotFound;
        }
        const ProfileRecord* other = registry.findByName(name);
        if (other && other->id != id) {
            message =
                QCoreApplication::translate("hoga::ProfileManager", "A profile named \"%1\" already exists.")
                    .arg(name);
            return ProfileStatus::NameTaken;
        }
        r->name = name;
        renamed = ProfileInfo::from(*r);
        return ProfileStatus::Ok;
    });
    if (result.ok())
        result.profile = renamed;
    return result;
}

ProfileResult ProfileManager::removeProfile(const QString& id, const QString& password) {
    ProfileResult checked = login(id, password);
    if (!checked.ok())
        return checked;

    // Move the folder aside first (atomic): if the registry cannot be updated, it moves back and nothing
    // changed; if deleting the files is interrupted, purgeInterruptedDeletions() finishes it later.
    const QString dir = m_store.profileDir(id);
    const QString doomed = m_store.baseDir() + QLatin1String("/.") + id + QLatin1Char('-') +
                           QString::fromLatin1(randomBytes(4).toHex()) + kDeletingSuffix;
    const bool hadDir = QFileInfo::exists(dir);
    if (hadDir && !QDir().rename(dir, doomed))
        return ProfileResult::failure(
            ProfileStatus::StorageError,
            QCoreApplication::translate("hoga::ProfileManager",
                                        "Could not delete the folder %1. Close programs using it and "
                                        "try again.")
                .arg(dir));
    ProfileResult result = m_store.update([&](ProfileRegistry& registry, QString&) {
        registry.profiles.removeIf([&](const ProfileRecord& r) { return r.id == id; });
        return ProfileStatus::Ok;
    });
    if (!result.ok()) {
        if (hadDir)
            QDir().rename(doomed, dir);
        return result;
    }
    result.profile = checked.profile;
    if (hadDir && !QDir(doomed).removeRecursively()) {
        result.status = ProfileStatus::StorageError;
        result.message = QCoreApplication::translate("hoga::ProfileManager",
                                                     "The profile was removed, but some of its files "
                                                     "in %1 could not be deleted.")
                             .arg(doomed);
    }
    return result;
}

void ProfileManager::purgeInterruptedDeletions() const {
    const QDir base(m_store.baseDir());
    const auto leftovers = base.entryList({QLatin1String(".*") + kDeletingSuffix},
                                          QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& name : leftovers)
        QDir(base.filePath(name)).removeRecursively();
}

std::unique_ptr<QSettings> ProfileManager::openSettings(const QString& id) const {
    if (!ProfilePaths::isValidProfileId(id))
        return nullptr;
    const ProfilePaths p = paths(id);
    ProfilePaths::ensurePrivateDir(p.dir());
    return std::make_unique<QSettings>(p.settingsFile(), QSettings::IniFormat);
}

} // namespace hoga
