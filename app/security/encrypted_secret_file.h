#pragma once

#include "scrypt.h"
#include "secret_store.h"

#include <QStringList>

#include <mutex>

namespace hoga {

// The encrypted fallback key file of one profile, used only where no OS keychain exists. Synchronous and
// thread-safe; EncryptedFileSecretStore runs it off the GUI thread.
//
// Format (version 1), all integers big-endian:
//   0  "HOGAKEYS" magic            8
//   8  format version (1)          1
//   9  KDF id (1 = scrypt)         1
//  10  log2 N, r, p                3
//  13  salt                       16   per file, fixed for the file's life
//  29  key check                  16   SHA-256("hoga-key-check-v1" || second half of the scrypt output)
//  45  nonce                      12   fresh for every write
//  57  ciphertext length           4
//  61  header digest               8   SHA-256 of bytes 0..60 (tells damage apart from a wrong password)
//  69  ciphertext (AES-256-GCM), then the 16-byte tag
// scrypt(password, salt) gives 64 bytes: the first 32 are the AES key, the rest feed the key check. The AAD
// is bytes 0..68 plus the profile id, so the file cannot be swapped into another profile or version
// unnoticed.
//
// Safety rules: a read never modifies the file; every change is a read-modify-write under a lock file
// (<file>.lock), written to a temporary file with mode 0600 and atomically renamed over the old one; a file
// that cannot be opened (wrong password, damage, newer version) is never overwritten.
class EncryptedSecretFile {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kHeaderBytes = 69;
    static constexpr int kMaxPlaintextBytes = 1 << 20;

    // `password` is copied and wiped on destruction. `newFileParams` are used only when the file is created;
    // an existing file keeps the parameters written in its header.
    EncryptedSecretFile(QString filePath, QString profileId, const QString& password,
                        ScryptParams newFileParams = ScryptParams::production());
    ~EncryptedSecretFile();
    EncryptedSecretFile(const EncryptedSecretFile&) = delete;
    EncryptedSecretFile& operator=(const EncryptedSecretFile&) = delete;

    const QString& filePath() const { return m_filePath; }
    const QString& profileId() const { return m_profileId; }
    void setLockTimeoutMs(int ms) { m_lockTimeoutMs = ms; }

    SecretResult read(const QString& key) const;
    SecretResult write(const QString& key, const QByteArray& secret);
    SecretResult remove(const QString& key);
    // Names of all stored keys, or the reason the file cannot be opened. No file = empty list.
    SecretResult keys(QStringList& out) const;

private:
    class Entries;
    struct Loaded;
    Loaded load() const;
    SecretResult save(const Loaded& previous, const Entries& entries) const;
    template <class Edit> SecretResult modify(Edit&& edit);
    std::optional<QByteArray> derivedKeys(const QByteArray& salt, const ScryptParams& params) const;
    QByteArray aadFor(const QByteArray& header) const;

    QString m_filePath;
    QString m_profileId;
    QByteArray m_password;
    ScryptParams m_newFileParams;
    int m_lockTimeoutMs = 10'000;

    // scrypt is the slow part; the key for the file's (salt, parameters) is derived once and kept.
    mutable std::mutex m_cacheMutex;
    mutable QByteArray m_cachedSalt;
    mutable ScryptParams m_cachedParams;
    mutable QByteArray m_cachedKeys;
};

} // namespace hoga
