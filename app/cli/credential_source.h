#pragma once

#include "cli_error.h"
#include "venues/venue_factory.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace hoga {
class SecretStore;
}

namespace hoga::cli {

struct CliArgs;

// Where hoga-cli finds a venue's API keys: the environment, or a profile's key store (OS keychain or the
// encrypted fallback file). An implementation may run a local event loop
// while it waits (keychain jobs are asynchronous); it must give up within its own bounded time.
class CredentialSource {
public:
    virtual ~CredentialSource() = default;
    // Fills `out` with the keys for `venue`, or leaves it empty when none are configured (public commands
    // still work). An error means the configuration is broken and the run should stop.
    virtual std::optional<CliError> load(const QString& venue, Credentials* out) = 0;
};

// HOGA_API_KEY and HOGA_API_SECRET (the secret is used as its UTF-8 bytes), and the venue's extra fields
// from HOGA_<FIELD ID> (credentialVariable(): HOGA_ACCOUNT, HOGA_ACCOUNT_TYPE), required ones included
// whenever the key pair is set.
class EnvironmentCredentialSource final : public CredentialSource {
public:
    explicit EnvironmentCredentialSource(QProcessEnvironment environment,
                                         CredentialSchemaLookup schemas = credentialSchema);
    std::optional<CliError> load(const QString& venue, Credentials* out) override;

    static constexpr const char* kKeyVariable = "HOGA_API_KEY";
    static constexpr const char* kSecretVariable = "HOGA_API_SECRET";

private:
    QProcessEnvironment m_environment;
    CredentialSchemaLookup m_schemas;
};

// The keys stored in a profile: logs in (password from the terminal or HOGA_PROFILE_PASSWORD), opens the
// profile's key store and reads the venue's pair. A profile without keys for the venue gives none (public
// commands still work); the simulated venue needs none, but the login is still checked.
class ProfileCredentialSource final : public CredentialSource {
public:
    // `notices` (may be null): where the key store fallback notice goes (--verbose).
    ProfileCredentialSource(QString profileName, QProcessEnvironment environment, int timeoutMs,
                            QIODevice* notices = nullptr);
    // Waits (bounded by the run's timeout) for token writes still running in the profile's key store: a
    // token issued in this run is kept for the next one.
    ~ProfileCredentialSource() override;
    std::optional<CliError> load(const QString& venue, Credentials* out) override;

private:
    std::shared_ptr<SecretStore> m_tokenStore; // the store tokens were handed to, if any
    QString m_profileName;
    QProcessEnvironment m_environment;
    int m_timeoutMs;
    QIODevice* m_notices;
};

// The source for this command line: --profile NAME selects the profile's key store, otherwise the
// environment (which needs `schemas` to know a venue's extra fields).
std::unique_ptr<CredentialSource> credentialSourceFor(const CliArgs& args,
                                                      const QProcessEnvironment& environment,
                                                      QIODevice* notices = nullptr,
                                                      CredentialSchemaLookup schemas = credentialSchema);

} // namespace hoga::cli
