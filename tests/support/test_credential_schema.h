#pragma once

#include "venues/venue_factory.h"

namespace hoga::test {

// The credential fields of a venue like KIS, which no shipped venue has yet: the key pair, an account number
// (required), an account type (a choice) and an optional HTS id. Suites hand it to the keys dialog, hoga-cli
// and the credential providers in place of a real venue's schema.
inline CredentialSchema accountSchema() {
    CredentialSchema s = keyPairSchema();
    s.fields.append({QStringLiteral("account"), "Account number", false, {}, false});
    s.fields.append({QStringLiteral("account_type"),
                     "Account type",
                     false,
                     {QStringLiteral("real"), QStringLiteral("virtual")},
                     false,
                     {"Real account", "Virtual account"}});
    s.fields.append({QStringLiteral("hts_id"), "HTS ID", false, {}, true});
    return s;
}

// credentialSchema(), except that `venue` has accountSchema().
inline CredentialSchemaLookup schemasWithAccount(const QString& venue) {
    return [venue](const QString& v) {
        return v == venue ? accountSchema() : credentialSchema(v);
    };
}

} // namespace hoga::test
