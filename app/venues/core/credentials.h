#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace hoga {

// One field a venue's API credentials are made of, as the keys dialog and hoga-cli ask for it and the
// profile's secret store keeps it (entry <venue>/<id>).
struct CredentialField {
    QString id;          // "access_key", "secret_key", "account", "account_type"
    const char* label;   // untranslated source string in context "hoga::CredentialField"
    bool secret = false; // never shown again after entry, wiped from memory after use
    QStringList choices; // non-empty: one of these values (e.g. "real", "virtual")
    bool optional = false;
};

// The fields of one venue. Every venue has access_key and secret_key; some need more (a KIS account number
// and account type). Returned by credentialSchema() in venue_factory.h.
struct CredentialSchema {
    QList<CredentialField> fields;
    const CredentialField* field(const QString& id) const {
        for (const CredentialField& f : fields)
            if (f.id == id)
                return &f;
        return nullptr;
    }
};

// The key pair of one venue plus the venue's extra fields (account number, account type ...). The secret
// is raw bytes (the venues sign with it as-is) and is wiped when the credentials are destroyed.
struct Credentials {
    QString accessKey;
    QByteArray secretKey;
    QHash<QString, QString> extras; // by CredentialField::id; not secret

    bool isEmpty() const { return accessKey.isEmpty() || secretKey.isEmpty(); }
    QString extra(const QString& id) const { return extras.value(id); }
    void wipe();
    ~Credentials() { wipe(); }
    Credentials() = default;
    Credentials(const Credentials&) = default;
    Credentials(Credentials&&) noexcept = default;
    Credentials& operator=(const Credentials&) = default;
    Credentials& operator=(Credentials&&) noexcept = default;
};

// The two fields every venue has.
CredentialSchema keyPairSchema();

} // namespace hoga
