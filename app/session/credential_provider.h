#pragma once

#include "venues/venue_factory.h"

#include <QProcessEnvironment>

namespace hoga {

// Where the GUI finds a venue's API keys. The environment is the only source today; profiles with the OS
// keychain replace it later behind this same interface.
class CredentialProvider {
public:
    virtual ~CredentialProvider() = default;
    // The keys for `venue`, or empty credentials when none are configured (the venue then runs market data
    // only).
    virtual Credentials credentialsFor(const QString& venue) const = 0;
};

// HOGA_API_KEY and HOGA_API_SECRET (the secret as its UTF-8 bytes), for whichever real venue was chosen, and
// the venue's extra fields from HOGA_<FIELD ID> (credentialVariable()).
class EnvironmentCredentialProvider final : public CredentialProvider {
public:
    explicit EnvironmentCredentialProvider(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
        CredentialSchemaLookup schemas = credentialSchema)
        : m_environment(std::move(environment))
        , m_schemas(std::move(schemas)) {}
    Credentials credentialsFor(const QString& venue) const override;

    static constexpr const char* kKeyVariable = "HOGA_API_KEY";
    static constexpr const char* kSecretVariable = "HOGA_API_SECRET";

private:
    QProcessEnvironment m_environment;
    CredentialSchemaLookup m_schemas;
};

} // namespace hoga
