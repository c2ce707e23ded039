#pragma once

#include "cli_error.h"
#include "security/api_key_ring.h"
#include "security/profile_manager.h"
#include "security/secret_store_selector.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>
#include <variant>

class QIODevice;

namespace hoga::cli {

// The folder holding profiles.json and one folder per profile: HOGA_DATA_DIR/profiles when that variable is
// set (tests, portable installs), otherwise the same folder the Hoga GUI uses, so both see the same profiles.
QString profilesBaseDir(const QProcessEnvironment& environment);

// The profile password: HOGA_PROFILE_PASSWORD for unattended use, otherwise typed on the terminal with echo
// off (never read from standard input, which carries keys for `keys set`).
class PasswordSource {
public:
    static constexpr const char* kPasswordVariable = "HOGA_PROFILE_PASSWORD";

    explicit PasswordSource(QProcessEnvironment environment);
    // `confirm`: a new password is typed twice on a terminal.
    std::variant<QString, CliError> read(const QString& profileName, bool confirm) const;

private:
    QProcessEnvironment m_environment;
};

// The JSON error of a failed profile operation (wrong password and throttling: kind "auth", exit 3).
CliError profileError(const ProfileResult& result);
// The JSON error of a failed key store operation.
CliError secretError(const SecretResult& result);

// One logged-in profile and its key ring, for one hoga-cli run. The key store is asynchronous; every call
// here waits on a local event loop (bounded by the run's timeout), which hoga-cli's main thread can afford.
class ProfileSession {
public:
    // `notices` (may be null) gets the key store fallback sentence, as a {"notice": ...} line.
    ProfileSession(QProcessEnvironment environment, int timeoutMs, QIODevice* notices = nullptr);
    ~ProfileSession();

    ProfileManager& manager() { return *m_manager; }

    // Finds the profile by name (case-insensitive), reads its password and logs in.
    std::optional<CliError> logIn(const QString& profileName);
    const ProfileInfo& profile() const { return m_profile; }

    // Chooses the key store (keychain or the encrypted file) for the logged-in profile.
    std::optional<CliError> openKeyRing();
    ApiKeyRing& keyRing() { return *m_ring; }

    SecretResult setKey(const QString& venue, const ApiKeyPair& pair);
    // status NotFound: the venue has no keys in this profile.
    SecretResult key(const QString& venue, ApiKeyPair* out);
    SecretResult venues(QStringList* out);
    // Removes the venue's keys and the tokens cached for them.
    SecretResult removeKey(const QString& venue);

    // Finds a profile by name without logging in.
    std::variant<ProfileInfo, CliError> find(const QString& profileName) const;

private:
    QProcessEnvironment m_environment;
    int m_timeoutMs;
    QIODevice* m_notices;
    std::unique_ptr<ProfileManager> m_manager;
    ProfileInfo m_profile;
    QString m_password;
    std::unique_ptr<SecretStoreSelector> m_selector;
    std::unique_ptr<ApiKeyRing> m_ring;
};

} // namespace hoga::cli
