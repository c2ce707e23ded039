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

QString CredentialField::displayLabel() const {
    return QCoreApplication::translate("hoga::CredentialField", label);
}

QString CredentialField::choiceLabel(const QString& value) const {
    const qsizetype at = choices.indexOf(value);
    if (at < 0 || at >= choiceLabels.size() || !choiceLabels.at(at))
        return value;
    return QCoreApplication::translate("hoga::CredentialField", choiceLabels.at(at));
}

bool CredentialField::isKeyPair() const {
    return id == QLatin1String("access_key") || id == QLatin1String("secret_key");
}

QList<CredentialField> CredentialSchema::extraFields() const {
    QList<CredentialField> extras;
    for (const CredentialField& f : fields)
        if (!f.isKeyPair())
            extras.append(f);
    return extras;
}

const CredentialField* CredentialSchema::firstInvalidExtra(const QHash<QString, QString>& extras) const {
    for (const CredentialField& f : fields) {
        if (f.isKeyPair())
            continue;
        const QString value = extras.value(f.id);
        if (value.isEmpty() ? !f.optional : (!f.choices.isEmpty() && !f.choices.contains(value)))
            return &f;
    }
    return nullptr;
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

QString credentialVariable(const QString& fieldId) {
    if (fieldId == QLatin1String("access_key"))
        return QStringLiteral("HOGA_API_KEY");
    if (fieldId == QLatin1String("secret_key"))
        return QStringLiteral("HOGA_API_SECRET");
    return QLatin1String("HOGA_") + fieldId.toUpper();
}

} // namespace hoga
