#pragma once

#include "login_throttle.h"
#include "password_hasher.h"
#include "profile_paths.h"
#include "profile_store.h"

#include <QSettings>

#include <memory>

namespace hoga {

// The profiles of this OS user: create, list, log in, rename, delete, and the ready Demo profile.
//
// Each profile has its own folder <base>/<id>/ (database, settings, encrypted key fallback, instance lock),
// its own keychain namespace (profile/<id>/...) and its own password. The Demo profile is a paper-only
// simulator profile created on first run; it has no password (anyone at this OS account may open it, and it
// holds no keys), so login() accepts any password for it and deleting it needs none.
//
// Synchronous and thread-safe: password hashing costs tens of milliseconds and the registry is a small file,
// so GUI code calls these from a worker (QThreadPool), never on the GUI thread.
class ProfileManager {
public:
    static constexpr int kMinPasswordLength = 8;
    static constexpr int kMaxNameLength = 64;
    static QString demoProfileId() { return QStringLiteral("demo"); }

    struct Options {
        QString baseDir = ProfileStore::defaultBaseDir();
        ScryptParams scrypt = ScryptParams::production();
        const Clock* clock = &SystemClock::instance();
        LoginThrottle::Policy throttle = {};
    };

    explicit ProfileManager(Options options);
    ProfileManager()
        : ProfileManager(Options{}) {}

    const QString& baseDir() const { return m_store.baseDir(); }
    ProfilePaths paths(const QString& profileId) const { return ProfilePaths(m_store.profileDir(profileId)); }

    // Creates the Demo profile unless it was created before (deleting it is therefore permanent), and
    // removes leftovers of interrupted deletions. Call once at start-up.
    ProfileResult ensureDemoProfile();

    // All profiles, oldest first. On a storage problem the list is empty and `error` (if given) says why.
    QList<ProfileInfo> profiles(ProfileResult* error = nullptr) const;
    std::optional<ProfileInfo> profile(const QString& id) const;

    ProfileResult create(const QString& name, const QString& password, bool paperOnly);
    // Checks the password, honouring the growing delay after wrong passwords (persisted in the registry).
    ProfileResult login(const QString& id, const QString& password);
    ProfileResult rename(const QString& id, const QString& newName);
    // Needs the profile's password (same throttle as login). Removes the registry entry and the whole folder
    // (database, settings, encrypted key file). Keychain entries are wiped by ProfileRemover, which wraps
    // this.
    ProfileResult removeProfile(const QString& id, const QString& password);

    // The profile's settings (INI with an explicit path). Never store a secret there.
    std::unique_ptr<QSettings> openSettings(const QString& id) const;

private:
    ProfileResult validateName(const QString& name) const;
    void purgeInterruptedDeletions() const;

    ProfileStore m_store;
    PasswordHasher m_hasher;
    const Clock& m_clock;
    LoginThrottle m_throttle;
};

} // namespace hoga
