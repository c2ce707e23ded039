#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "token_cache.h"

#include <functional>
#include <memory>

namespace hoga {

// One field a venue's API credentials are made of, as the keys dialog and hoga-cli ask for it and the
// profile's secret store keeps it (entry <venue>/<id>).
struct CredentialField {
    QString id;          // "access_key", "secret_key", "account", "account_type"
    const char* label;   // untranslated source string in context "hoga::CredentialField"
    bool secret = false; // never shown again after entry, wiped from memory after use
    QStringList choices; // non-empty: one of these values (e.g. "real", "virtual")
    bool optional = false;
    // Untranslated labels of `choices`, in the same order and context; a choice without one shows its value.
    QList<const char*> choiceLabels = {};

    QString displayLabel() const;                    // translated
    QString choiceLabel(const QString& value) const; // translated
    // access_key and secret_key, which every venue has; the others are the venue's extras.
    bool isKeyPair() const;
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
    // The fields besides the key pair, in schema order.
    QList<CredentialField> extraFields() const;
    // The first extra field whose value in `extras` (by id) is missing though required, or not one of its
    // choices; nullptr when every extra fits. The key pair is checked where it is read.
    const CredentialField* firstInvalidExtra(const QHash<QString, QString>& extras) const;
};

// Finds a venue's schema: credentialSchema() (venue_factory.h) in the app; tests pass their own to exercise
// fields no shipped venue has yet.
using CredentialSchemaLookup = std::function<CredentialSchema(const QString& venue)>;

// The key pair of one venue plus the venue's extra fields (account number, account type ...). The secret
// is raw bytes (the venues sign with it as-is) and is wiped when the credentials are destroyed.
struct Credentials {
    QString accessKey;
    QByteArray secretKey;
    QHash<QString, QString> extras; // by CredentialField::id; not secret
    // Where tokens issued for these keys are kept (a profile's secret store); null: the venue's own choice.
    std::shared_ptr<TokenCache> tokenCache;

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

// The environment variable that holds a field for hoga-cli and the GUI: HOGA_API_KEY and HOGA_API_SECRET for
// the key pair, otherwise HOGA_ and the id in upper case (account_type: HOGA_ACCOUNT_TYPE).
QString credentialVariable(const QString& fieldId);

} // namespace hoga
