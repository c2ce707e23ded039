#pragma once

#include <QString>

namespace hoga {

// Where a profile's files live inside its folder <base>/<id>/. Everything of one profile stays in that
// folder, so deleting the folder deletes the profile's data (the keychain entries are wiped separately).
class ProfilePaths {
public:
    explicit ProfilePaths(QString profileDir)
        : m_dir(std::move(profileDir)) {}

    const QString& dir() const { return m_dir; }
    QString databaseFile() const { return m_dir + QLatin1String("/hoga.sqlite"); }
    // INI file for QSettings(path, QSettings::IniFormat). Never put a secret there.
    QString settingsFile() const { return m_dir + QLatin1String("/settings.ini"); }
    // Encrypted key file used only when no OS keychain exists.
    QString secretsFile() const { return m_dir + QLatin1String("/secrets.hks"); }
    QString instanceLockFile() const { return m_dir + QLatin1String("/instance.lock"); }

    // Creates the folder (and missing parents) readable by the owner only. False on failure.
    static bool ensurePrivateDir(const QString& dir);
    // True for ids we generate ("demo" or lowercase hex): no path separators, no dots.
    static bool isValidProfileId(const QString& id);

private:
    QString m_dir;
};

} // namespace hoga
