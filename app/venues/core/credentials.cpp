#include "credentials.h"

#include <QCoreApplication>

#include <openssl/crypto.h>

namespace hoga {

void Credentials::wipe() {
    if (!secretKey.isEmpty()) {
        // data() detaches first: only this copy's bytes are zeroed, a connector's own copy stays usable.
        OPENSSL_cleanse(secretKey.data(), size_t(secretKey.size()));
        secretKey.clear();
    }
}

CredentialSchema keyPairSchema() {
    CredentialSchema s;
    s.fields.append({QStringLiteral("access_key"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "Access key"),
                     false,
                     {},
                     false});
    s.fields.append({QStringLiteral("secret_key"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "Secret key"),
                     true,
                     {},
                     false});
    return s;
}

} // namespace hoga
