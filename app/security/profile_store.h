#pragma once

#include "profile_types.h"

#include <functional>

namespace hoga {

// Reads and writes the profile registry <base>/profiles.json (mode 0600, folder 0700) of this OS user.
// Several Hoga processes (one per profile) share the file, so every change is a read-modify-write under a
// lock file, written atomically. A damaged registry is reported and never overwritten.
class ProfileStore {
public:
    static constexpr int kFormatVersion = 1;

    // `baseDir` holds profiles.json and one folder per profile; tests inject a temporary directory.
    explicit ProfileStore(QString baseDir);
    // QStandardPaths::AppDataLocation + "/profiles".
    static QString defaultBaseDir();

    const QString& baseDir() const { return m_baseDir; }
    QString registryPath() const;
    QString profileDir(const QString& id) const;

    struct Loaded {
        ProfileStatus status = ProfileStatus::Ok; // Ok, StorageError or RegistryDamaged
        QString message;
        ProfileRegistry registry;
    };
    // The registry as on disk now (empty if the file does not exist yet).
    Loaded load() const;

    // Runs `edit` on the current registry under the lock and saves the result if it returns Ok. A non-Ok
    // status from `edit` aborts without writing and is passed back with the message it set.
    using Edit = std::function<ProfileStatus(ProfileRegistry& registry, QString& message)>;
    ProfileResult update(const Edit& edit);

private:
    Loaded loadUnlocked() const;
    bool save(const ProfileRegistry& registry, QString& message) const;

    QString m_baseDir;
};

} // namespace hoga
