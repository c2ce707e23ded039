#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace hoga::test {

// One way a secret could sit in a file: its name ("base64url, shifted by 1") and the bytes to look for.
struct SecretForm {
    QString description;
    QByteArray bytes;
};

// Every form of `secret` the disk scan looks for: the plain bytes (also as UTF-16, as a QString written
// raw would be), lower and upper case hex, and base64 in both alphabets with and without padding. Base64
// inside a longer encoded text (a JWT, a whole file base64-encoded) depends on where the secret starts
// modulo 3, so for each of the three alignments the part that is fixed whatever surrounds it is searched
// too.
QList<SecretForm> secretForms(const QByteArray& secret);

// A form of a secret found in a file.
struct SecretHit {
    QString file;
    QString secretName;
    QString form;
};

// Reads every regular file under `root` (hidden ones included, symbolic links not followed) and reports each
// form of each secret found. `secrets` maps a name (for messages) to the secret's bytes.
QList<SecretHit> scanTree(const QString& root, const QList<QPair<QString, QByteArray>>& secrets,
                          QStringList* scannedFiles = nullptr);
QList<SecretHit> scanFile(const QString& path, const QList<QPair<QString, QByteArray>>& secrets);

QString describe(const QList<SecretHit>& hits);

} // namespace hoga::test
