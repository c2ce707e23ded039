#pragma once

#include "login_throttle.h"

#include <QList>
#include <QString>

namespace hoga {

// One profile as kept in the registry file (profiles.json). Only the password hash is stored, never the
// password; API keys are never here (they live in the keychain or the encrypted fallback file).
struct ProfileRecord {
    QString id;             // stable, [a-z0-9]{1,32}; names the profile folder and the keychain namespace
    QString name;           // shown to the user, unique (case-insensitive), can be renamed
    QString passwordHash;   // PasswordHasher string; empty = no password (only the Demo profile)
    bool paperOnly = false; // can never trade live
    bool demo = false;      // the ready simulator profile created on first run
    qint64 createdMs = 0;
    LoginAttempts attempts;

    bool hasPassword() const { return !passwordHash.isEmpty(); }
};

// What callers outside security/ get to see of a profile (no hash, no counters).
struct ProfileInfo {
    QString id;
    QString name;
    bool paperOnly = false;
    bool demo = false;
    bool hasPassword = true;
    qint64 createdMs = 0;

    static ProfileInfo from(const ProfileRecord& record);
};

enum class ProfileStatus {
    Ok,
    NotFound,        // no profile with that id
    WrongPassword,   // password did not match (the failure was counted)
    Throttled,       // too many wrong passwords: wait retryAfterMs
    InvalidName,     // empty, too long or control characters
    NameTaken,       // another profile already has this name
    WeakPassword,    // shorter than ProfileManager::kMinPasswordLength
    StorageError,    // the registry or the profile folder could not be read or written
    RegistryDamaged, // profiles.json is not valid; it is left untouched
};

// Outcome of a profile operation, with a translated sentence for the user when it failed.
struct ProfileResult {
    ProfileStatus status = ProfileStatus::Ok;
    QString message;
    qint64 retryAfterMs = 0; // Throttled (and WrongPassword: the wait the next attempt will face)
    ProfileInfo profile;     // the profile concerned, when known

    bool ok() const { return status == ProfileStatus::Ok; }
    static ProfileResult failure(ProfileStatus status, QString message) {
        ProfileResult r;
        r.status = status;
        r.message = std::move(message);
        return r;
    }
};

// The whole registry file.
struct ProfileRegistry {
    bool demoCreated = false; // the Demo profile was offered once; deleting it is permanent
    QList<ProfileRecord> profiles;

    ProfileRecord* find(const QString& id);
    const ProfileRecord* find(const QString& id) const;
    const ProfileRecord* findByName(const QString& name) const; // case-insensitive
};

} // namespace hoga
