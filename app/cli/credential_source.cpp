#include "credential_source.h"

#include "cli_args.h"

#include <QCoreApplication>

namespace hoga::cli {

namespace {

// Stands in for the profile key store until it exists, so --profile is refused clearly instead of being
// silently ignored.
class UnavailableProfileSource final : public CredentialSource {
public:
    std::optional<CliError> load(const QString&, Credentials*) override {
        return CliError::usage(QCoreApplication::translate(
            "hoga::Cli", "profiles are not available yet: --profile cannot be used. Give the API keys in "
                         "HOGA_API_KEY and HOGA_API_SECRET instead."));
    }
};

} // namespace

EnvironmentCredentialSource::EnvironmentCredentialSource(QProcessEnvironment environment)
    : m_environment(std::move(environment)) {}

std::optional<CliError> EnvironmentCredentialSource::load(const QString&, Credentials* out) {
    const QString key = m_environment.value(QLatin1String(kKeyVariable));
    QByteArray secret = m_environment.value(QLatin1String(kSecretVariable)).toUtf8();
    if (key.isEmpty() && secret.isEmpty())
        return std::nullopt;
    if (key.isEmpty() || secret.isEmpty()) {
        secret.fill('\0');
        return CliError::usage(
            QCoreApplication::translate("hoga::Cli", "Set both %1 and %2, or neither (only %3 is set).")
                .arg(QLatin1String(kKeyVariable), QLatin1String(kSecretVariable),
                     QLatin1String(key.isEmpty() ? kSecretVariable : kKeyVariable)));
    }
    out->accessKey = key;
    out->secretKey = secret;
    secret.fill('\0');
    return std::nullopt;
}

std::unique_ptr<CredentialSource> credentialSourceFor(const CliArgs& args,
                                                      const QProcessEnvironment& environment) {
    if (args.profile)
        return std::make_unique<UnavailableProfileSource>();
    return std::make_unique<EnvironmentCredentialSource>(environment);
}

} // namespace hoga::cli
