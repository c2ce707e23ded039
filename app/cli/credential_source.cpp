#include "credential_source.h"

#include "cli_args.h"
#include "profile_session.h"
#include "security/credentials_bridge.h"
#include "security/secret_token_cache.h"

#include <QCoreApplication>

namespace hoga::cli {

EnvironmentCredentialSource::EnvironmentCredentialSource(QProcessEnvironment environment,
                                                         CredentialSchemaLookup schemas)
    : m_environment(std::move(environment))
    , m_schemas(std::move(schemas)) {}

std::optional<CliError> EnvironmentCredentialSource::load(const QString& venue, Credentials* out) {
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
    const CredentialSchema schema = m_schemas(venue);
    QHash<QString, QString> extras;
    for (const CredentialField& field : schema.extraFields()) {
        const QString value = m_environment.value(credentialVariable(field.id)).trimmed();
        if (!value.isEmpty())
            extras.insert(field.id, value);
    }
    if (const CredentialField* invalid = schema.firstInvalidExtra(extras)) {
        secret.fill('\0');
        const QString variable = credentialVariable(invalid->id);
        if (extras.contains(invalid->id))
            return CliError::usage(QCoreApplication::translate("hoga::Cli", "%1 must be one of: %2.")
                                       .arg(variable, invalid->choices.join(QStringLiteral(", "))));
        return CliError::usage(
            QCoreApplication::translate("hoga::Cli", "Set %1 as well: %2 keys need the field \"%3\".")
                .arg(variable, venue, invalid->displayLabel()));
    }
    out->accessKey = key;
    out->secretKey = secret;
    out->extras = extras;
    secret.fill('\0');
    return std::nullopt;
}

ProfileCredentialSource::ProfileCredentialSource(QString profileName, QProcessEnvironment environment,
                                                 int timeoutMs, QIODevice* notices)
    : m_profileName(std::move(profileName))
    , m_environment(std::move(environment))
    , m_timeoutMs(timeoutMs)
    , m_notices(notices) {}

ProfileCredentialSource::~ProfileCredentialSource() {
    if (m_tokenStore)
        m_tokenStore->finishPending(m_timeoutMs);
}

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
    // Tokens the venue issues for these keys are kept in the same store, for the next run (KIS throttles
    // issuance and alerts the account holder on each one). Writes start on the connector's thread and run
    // on this one; the destructor waits for them before the process ends.
    m_tokenStore = session.keyRing().sharedStore();
    out->tokenCache = std::make_shared<SecretTokenCache>(m_tokenStore);
    return std::nullopt;
}

namespace {

// KIS: --account (or HOGA_KIS_ACCOUNT) and --virtual choose the account and server over the stored ones.
class KisAccountOverride final : public CredentialSource {
public:
    KisAccountOverride(std::unique_ptr<CredentialSource> inner, QString account, bool isVirtual)
        : m_inner(std::move(inner))
        , m_account(std::move(account))
        , m_virtual(isVirtual) {}

    std::optional<CliError> load(const QString& venue, Credentials* out) override {
        if (std::optional<CliError> error = m_inner->load(venue, out))
            return error;
        if (out->isEmpty())
            return std::nullopt;
        if (!m_account.isEmpty())
            out->extras.insert(QStringLiteral("account"), m_account);
        if (m_virtual)
            out->extras.insert(QStringLiteral("account_type"), QStringLiteral("virtual"));
        else if (out->extras.value(QStringLiteral("account_type")).isEmpty())
            out->extras.insert(QStringLiteral("account_type"), QStringLiteral("real"));
        return std::nullopt;
    }

private:
    std::unique_ptr<CredentialSource> m_inner;
    QString m_account;
    bool m_virtual;
};

} // namespace

std::unique_ptr<CredentialSource> credentialSourceFor(const CliArgs& args,
                                                      const QProcessEnvironment& environment,
                                                      QIODevice* notices, CredentialSchemaLookup schemas) {
    if (args.venue == QLatin1String("kis")) {
        const QString account = !args.kisAccount.isEmpty()
                                    ? args.kisAccount
                                    : environment.value(QStringLiteral("HOGA_KIS_ACCOUNT")).trimmed();
        QProcessEnvironment env = environment;
        if (!account.isEmpty())
            env.insert(credentialVariable(QStringLiteral("account")), account);
        if (args.kisVirtual)
            env.insert(credentialVariable(QStringLiteral("account_type")), QStringLiteral("virtual"));
        else if (env.value(credentialVariable(QStringLiteral("account_type"))).isEmpty())
            env.insert(credentialVariable(QStringLiteral("account_type")), QStringLiteral("real"));
        std::unique_ptr<CredentialSource> inner;
        if (args.profile)
            inner = std::make_unique<ProfileCredentialSource>(*args.profile, env, args.timeoutMs,
                                                              args.verbose ? notices : nullptr);
        else
            inner = std::make_unique<EnvironmentCredentialSource>(env, std::move(schemas));
        return std::make_unique<KisAccountOverride>(std::move(inner), account, args.kisVirtual);
    }
    if (args.profile)
        return std::make_unique<ProfileCredentialSource>(*args.profile, environment, args.timeoutMs,
                                                         args.verbose ? notices : nullptr);
    return std::make_unique<EnvironmentCredentialSource>(environment, std::move(schemas));
}

} // namespace hoga::cli
