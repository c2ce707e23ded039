#include "credential_provider.h"

namespace hoga {

Credentials EnvironmentCredentialProvider::credentialsFor(const QString& venue) const {
    Credentials credentials;
    if (venue == QLatin1String("sim"))
        return credentials; // the simulator needs none
    credentials.accessKey = m_environment.value(QString::fromLatin1(kKeyVariable)).trimmed();
    credentials.secretKey = m_environment.value(QString::fromLatin1(kSecretVariable)).toUtf8();
    if (credentials.isEmpty()) {
        // Half a key pair is no key pair.
        credentials.accessKey.clear();
        credentials.wipe();
        return credentials;
    }
    for (const CredentialField& field : m_schemas(venue).extraFields()) {
        const QString value = m_environment.value(credentialVariable(field.id)).trimmed();
        if (!value.isEmpty())
            credentials.extras.insert(field.id, value);
    }
    return credentials;
}

} // namespace hoga
