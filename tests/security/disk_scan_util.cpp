#include "disk_scan_util.h"

#include <QDirIterator>
#include <QFile>

namespace hoga::test {

namespace {

void addBase64(QList<SecretForm>& forms, const QByteArray& secret, const QString& alphabet,
               QByteArray::Base64Options options) {
    forms.append({alphabet + QStringLiteral(" with padding"), secret.toBase64(options)});
    forms.append({alphabet + QStringLiteral(" without padding"),
                  secret.toBase64(options | QByteArray::OmitTrailingEquals)});
    // The secret starting at byte offset 0, 1 or 2 of a 3-byte group: drop the characters that also depend
    // on the neighbouring (unknown) bytes; what remains appears in any encoding of a text containing it.
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray shifted = QByteArray(shift, '\0') + secret;
        QByteArray encoded = shifted.toBase64(options | QByteArray::OmitTrailingEquals);
        if (shift > 0)
            encoded.remove(0, 4);
        const int tail = int(shifted.size() % 3);
        if (tail > 0)
            encoded.chop(tail + 1);
        forms.append({alphabet + QStringLiteral(" inside a longer text, shifted by %1").arg(shift), encoded});
    }
}

QByteArray utf16(const QByteArray& latin1, bool bigEndian) {
    QByteArray out;
    for (const char c : latin1) {
        if (bigEndian)
            out.append('\0').append(c);
        else
            out.append(c).append('\0');
    }
    return out;
}

} // namespace

QList<SecretForm> secretForms(const QByteArray& secret) {
    QList<SecretForm> forms;
    forms.append({QStringLiteral("plain"), secret});
    forms.append({QStringLiteral("UTF-16LE"), utf16(secret, false)});
    forms.append({QStringLiteral("UTF-16BE"), utf16(secret, true)});
    forms.append({QStringLiteral("hex (lower case)"), secret.toHex()});
    forms.append({QStringLiteral("hex (upper case)"), secret.toHex().toUpper()});
    addBase64(forms, secret, QStringLiteral("base64"), QByteArray::Base64Encoding);
    addBase64(forms, secret, QStringLiteral("base64url"), QByteArray::Base64UrlEncoding);
    return forms;
}

QList<SecretHit> scanFile(const QString& path, const QList<QPair<QString, QByteArray>>& secrets) {
    QList<SecretHit> hits;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        hits.append({path, QStringLiteral("(unreadable)"), file.errorString()});
        return hits;
    }
    const QByteArray content = file.readAll();
    for (const auto& [name, secret] : secrets)
        for (const SecretForm& form : secretForms(secret))
            if (content.contains(form.bytes))
                hits.append({path, name, form.description});
    return hits;
}

QList<SecretHit> scanTree(const QString& root, const QList<QPair<QString, QByteArray>>& secrets,
                          QStringList* scannedFiles) {
    QList<SecretHit> hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (scannedFiles)
            scannedFiles->append(path);
        hits += scanFile(path, secrets);
    }
    return hits;
}

QString describe(const QList<SecretHit>& hits) {
    QStringList lines;
    for (const SecretHit& h : hits)
        lines << QStringLiteral("%1: %2 (%3)").arg(h.file, h.secretName, h.form);
    return lines.join(QLatin1Char('\n'));
}

} // namespace hoga::test
