#include "credential_source.h"

#include "cli_args.h"
#include "profile_session.h"
#include "security/credentials_bridge.h"

#include <QCoreApplication>

namespace hoga::cli {

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

ProfileCredentialSource::ProfileCredentialSource(QString profileName, QProcessEnvironment environment,
                                                 int timeoutMs, QIODevice* notices)
    : m_profileName(std::move(profileName))
    , m_environment(std::move(environment))
    , m_timeoutMs(timeoutMs)
    , m_notices(notices) {}

std::optional<CliError> ProfileCredentialSource::load(const QString& venue, Credentials* out) {
    ProfileSession session(m_environment, m_timeoutMs, m_notices);
    if (std::optional<CliError> error = session.logIn(m_profileName))
        return error;
    if (venue == QLatin1String("sim") || session.profile().paperOnly)
        return std::nullopt; // paper accounts need no keys, and a paper-only profile holds none
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    ApiKeyPair pair;
    const SecretResult read = session.key(venue, &pair);
    if (read.status == SecretStatus::NotFound)
        return std::nullopt;
    if (!read.ok())
        return secretError(read);
    // The connector gets its own copy; `pair` is wiped here and `out` when the caller's config goes.
    moveIntoCredentials(pair, *out);
    return std::nullopt;
}

std::unique_ptr<CredentialSource>
credentialSourceFor(const CliArgs& args, const QProcessEnvironment& environment, QIODevice* notices) {
    if (args.profile)
        return std::make_unique<ProfileCredentialSource>(*args.profile, environment, args.timeoutMs,
                                                         args.verbose ? notices : nullptr);
    return std::make_unique<EnvironmentCredentialSource>(environment);
}

} // namespace hoga::cli
