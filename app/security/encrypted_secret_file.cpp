#include "encrypted_secret_file.h"

#include "aes_gcm.h"
#include "profile_paths.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMap>
#include <QSaveFile>
#include <QtEndian>

namespace hoga {

namespace {

const QByteArray kMagic = QByteArrayLiteral("HOGAKEYS");
constexpr int kKdfScrypt = 1;
constexpr int kSaltBytes = 16;
constexpr int kCheckBytes = 16;
constexpr int kDigestOffset = 61;
constexpr int kDigestBytes = 8;

QByteArray keyCheckOf(const QByteArray& derived) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayLiteral("hoga-key-check-v1"));
    h.addData(QByteArrayView(derived).sliced(aesgcm::kKeyBytes));
    return h.result().left(kCheckBytes);
}

QByteArray digestOf(const QByteArray& headerPrefix) {
    return QCryptographicHash::hash(headerPrefix.left(kDigestOffset), QCryptographicHash::Sha256)
        .left(kDigestBytes);
}

void appendU32(QByteArray& out, quint32 v) {
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

} // namespace

// Key -> secret map whose values are wiped when it goes away. Never copied, so its buffers are not shared.
class EncryptedSecretFile::Entries {
public:
    Entries() = default;
    Entries(const Entries&) = delete;
    Entries& operator=(const Entries&) = delete;
    Entries(Entries&& other) noexcept
        : map(std::move(other.map)) {}
    Entries& operator=(Entries&& other) noexcept {
        wipe();
        map = std::move(other.map);
        return *this;
    }
    ~Entries() { wipe(); }

    void wipe() {
        for (auto it = map.begin(); it != map.end(); ++it)
            secureWipe(it.value());
        map.clear();
    }

    // u32 count, then per entry: u16 key length, key (UTF-8), u32 value length, value.
    QByteArray serialize() const {
        qsizetype size = 4;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            size += 2 + it.key().toUtf8().size() + 4 + it.value().size();
        QByteArray out;
        out.reserve(size); // one allocation: no unwiped intermediate buffers
        appendU32(out, quint32(map.size()));
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const QByteArray key = it.key().toUtf8();
            char len[2];
            qToBigEndian(quint16(key.size()), len);
            out.append(len, 2);
            out.append(key);
            appendU32(out, quint32(it.value().size()));
            out.append(it.value());
        }
        return out;
    }

    static std::optional<Entries> parse(const QByteArray& plain) {
        Entries e;
        const auto* p = reinterpret_cast<const uchar*>(plain.constData());
        const qsizetype n = plain.size();
        qsizetype at = 0;
        const auto need = [&](qsizetype bytes) {
            return n - at >= bytes;
        };
        if (!need(4))
            return std::nullopt;
        const quint32 count = qFromBigEndian<quint32>(p + at);
        at += 4;
        for (quint32 i = 0; i < count; ++i) {
            if (!need(2))
                return std::nullopt;
            const quint16 keyLen = qFromBigEndian<quint16>(p + at);
            at += 2;
            if (!need(keyLen + 4))
                return std::nullopt;
            const QString key = QString::fromUtf8(plain.constData() + at, keyLen);
            at += keyLen;
            const quint32 valueLen = qFromBigEndian<quint32>(p + at);
            at += 4;
            if (!need(valueLen) || !SecretStore::isValidKey(key))
                return std::nullopt;
            e.map.insert(key, QByteArray(plain.constData() + at, valueLen));
            at += valueLen;
        }
        if (at != n)
            return std::nullopt;
        return e;
    }

    QMap<QString, QByteArray> map;
};

struct EncryptedSecretFile::Loaded {
    SecretResult status;
    bool exists = false;
    QByteArray salt;
    ScryptParams params;
    Entries entries;
};

EncryptedSecretFile::EncryptedSecretFile(QString filePath, QString profileId, const QString& password,
                                         ScryptParams newFileParams)
    : m_filePath(std::move(filePath))
    , m_profileId(std::move(profileId))
    , m_password(passwordBytes(password))
    , m_newFileParams(newFileParams) {}

EncryptedSecretFile::~EncryptedSecretFile() {
    secureWipe(m_password);
    secureWipe(m_cachedKeys);
}

QByteArray EncryptedSecretFile::aadFor(const QByteArray& header) const {
    return header.left(kHeaderBytes) + QByteArrayLiteral("\0hoga-secrets-profile:") + m_profileId.toUtf8();
}

std::optional<QByteArray> EncryptedSecretFile::derivedKeys(const QByteArray& salt,
                                                           const ScryptParams& params) const {
    std::lock_guard lock(m_cacheMutex);
    if (!m_cachedKeys.isEmpty() && m_cachedSalt == salt && m_cachedParams == params)
        return m_cachedKeys;
    auto derived = scryptDerive(m_password, salt, params, aesgcm::kKeyBytes * 2);
    if (!derived)
        return std::nullopt;
    secureWipe(m_cachedKeys);
    m_cachedKeys = *derived;
    m_cachedSalt = salt;
    m_cachedParams = params;
    return derived;
}

EncryptedSecretFile::Loaded EncryptedSecretFile::load() const {
    Loaded out;
    QFile file(m_filePath);
    if (!file.exists())
        return out;
    out.exists = true;
    const auto damaged = [&](const char* why) {
        out.status = SecretResult::failure(
            SecretStatus::Corrupted,
            QCoreApplication::translate("hoga::EncryptedSecretFile",
                                        "The encrypted key file %1 is damaged (%2). It was left untouched; "
                                        "restore it from a backup or delete it and enter the keys again.")
                .arg(m_filePath, QCoreApplication::translate("hoga::EncryptedSecretFile", why)));
        return std::move(out);
    };
    if (!file.open(QIODevice::ReadOnly)) {
        out.status = SecretResult::failure(
            SecretStatus::IoError,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Could not read %1: %2")
                .arg(m_filePath, file.errorString()));
        return out;
    }
    if (file.size() > kHeaderBytes + kMaxPlaintextBytes + aesgcm::kTagBytes)
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "too large"));
    const QByteArray raw = file.readAll();
    if (raw.size() < kHeaderBytes)
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "truncated"));
    if (!constantTimeEquals(digestOf(raw), raw.mid(kDigestOffset, kDigestBytes)))
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "header checksum mismatch"));
    if (!raw.startsWith(kMagic))
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "not a Hoga key file"));
    const auto* p = reinterpret_cast<const uchar*>(raw.constData());
    if (p[8] > kFormatVersion) {
        out.status = SecretResult::failure(
            SecretStatus::UnsupportedVersion,
            QCoreApplication::translate("hoga::EncryptedSecretFile",
                                        "The encrypted key file %1 was written by a newer version of Hoga. "
                                        "Update Hoga to use it.")
                .arg(m_filePath));
        return out;
    }
    out.params = {p[10], p[11], p[12]};
    if (p[8] != kFormatVersion || p[9] != kKdfScrypt || !out.params.isWithinBounds())
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "unknown parameters"));
    const quint32 ctLen = qFromBigEndian<quint32>(p + 57);
    if (qsizetype(ctLen) + kHeaderBytes + aesgcm::kTagBytes != raw.size())
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "truncated"));

    out.salt = raw.mid(13, kSaltBytes);
    const auto keys = derivedKeys(out.salt, out.params);
    if (!keys) {
        out.status = SecretResult::failure(
            SecretStatus::Failed,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Could not derive the file key."));
        return out;
    }
    WipedBytes derived(*keys);
    if (!constantTimeEquals(keyCheckOf(derived.bytes()), raw.mid(29, kCheckBytes))) {
        out.status = SecretResult::failure(
            SecretStatus::WrongPassword,
            QCoreApplication::translate("hoga::EncryptedSecretFile",
                                        "The profile password does not open the encrypted key file %1.")
                .arg(m_filePath));
        return out;
    }
    auto plain = aesgcm::open(derived.bytes().left(aesgcm::kKeyBytes), raw.mid(45, aesgcm::kNonceBytes),
                              aadFor(raw), raw.mid(kHeaderBytes));
    if (!plain)
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "authentication failed"));
    WipedBytes plaintext(std::move(*plain));
    auto entries = Entries::parse(plaintext.bytes());
    if (!entries)
        return damaged(QT_TRANSLATE_NOOP("hoga::EncryptedSecretFile", "unreadable contents"));
    out.entries = std::move(*entries);
    return out;
}

SecretResult EncryptedSecretFile::save(const Loaded& previous, const Entries& entries) const {
    const QByteArray salt = previous.exists ? previous.salt : randomBytes(kSaltBytes);
    const ScryptParams params = previous.exists ? previous.params : m_newFileParams;
    const auto keys = derivedKeys(salt, params);
    if (!keys)
        return SecretResult::failure(
            SecretStatus::Failed,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Could not derive the file key."));
    WipedBytes derived(*keys);
    WipedBytes plaintext(entries.serialize());
    if (plaintext.bytes().size() > kMaxPlaintextBytes)
        return SecretResult::failure(
            SecretStatus::Failed,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Too many keys for the key file."));
    const QByteArray nonce = randomBytes(aesgcm::kNonceBytes);

    QByteArray header;
    header.reserve(kHeaderBytes);
    header.append(kMagic);
    header.append(char(kFormatVersion));
    header.append(char(kKdfScrypt));
    header.append(char(params.log2N));
    header.append(char(params.r));
    header.append(char(params.p));
    header.append(salt);
    header.append(keyCheckOf(derived.bytes()));
    header.append(nonce);
    appendU32(header, quint32(plaintext.bytes().size() /* GCM: ciphertext length = plaintext length */));
    header.append(digestOf(header));
    Q_ASSERT(header.size() == kHeaderBytes);

    const auto sealed =
        aesgcm::seal(derived.bytes().left(aesgcm::kKeyBytes), nonce, aadFor(header), plaintext.bytes());
    if (!sealed)
        return SecretResult::failure(
            SecretStatus::Failed,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Encryption failed."));

    QSaveFile file(m_filePath);
    const auto ioError = [&] {
        return SecretResult::failure(
            SecretStatus::IoError,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Could not write %1: %2")
                .arg(m_filePath, file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly))
        return ioError();
    // On the temporary file, before it replaces the old one: the file is never readable by others.
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return ioError();
    if (file.write(header) != header.size() || file.write(*sealed) != sealed->size() || !file.commit())
        return ioError();
    return SecretResult::success();
}

template <class Edit> SecretResult EncryptedSecretFile::modify(Edit&& edit) {
    if (!ProfilePaths::ensurePrivateDir(QFileInfo(m_filePath).absolutePath()))
        return SecretResult::failure(
            SecretStatus::IoError,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Could not create the folder of %1.")
                .arg(m_filePath));
    QLockFile lock(m_filePath + QLatin1String(".lock"));
    lock.setStaleLockTime(30'000); // a write takes milliseconds; an older lock was left by a crash
    if (!lock.tryLock(m_lockTimeoutMs))
        return SecretResult::failure(
            SecretStatus::Busy, QCoreApplication::translate("hoga::EncryptedSecretFile",
                                                            "The encrypted key file %1 is in use. Try again.")
                                    .arg(m_filePath));
    Loaded loaded = load();
    if (!loaded.status.ok())
        return loaded.status; // never overwrite a file we could not open
    if (!edit(loaded.entries))
        return SecretResult::success(); // nothing changed
    return save(loaded, loaded.entries);
}

SecretResult EncryptedSecretFile::read(const QString& key) const {
    if (!SecretStore::isValidKey(key))
        return SecretResult::failure(
            SecretStatus::InvalidKey,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Invalid key name."));
    Loaded loaded = load();
    if (!loaded.status.ok())
        return loaded.status;
    const auto it = loaded.entries.map.constFind(key);
    if (it == loaded.entries.map.cend())
        return SecretResult::failure(
            SecretStatus::NotFound,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "No key is stored under this name."));
    return SecretResult::success(QByteArray(it.value().constData(), it.value().size()));
}

SecretResult EncryptedSecretFile::write(const QString& key, const QByteArray& secret) {
    if (!SecretStore::isValidKey(key))
        return SecretResult::failure(
            SecretStatus::InvalidKey,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Invalid key name."));
    return modify([&](Entries& entries) {
        auto it = entries.map.find(key);
        if (it != entries.map.end())
            secureWipe(it.value());
        entries.map.insert(key, QByteArray(secret.constData(), secret.size()));
        return true;
    });
}

SecretResult EncryptedSecretFile::remove(const QString& key) {
    if (!SecretStore::isValidKey(key))
        return SecretResult::failure(
            SecretStatus::InvalidKey,
            QCoreApplication::translate("hoga::EncryptedSecretFile", "Invalid key name."));
    if (!QFileInfo::exists(m_filePath))
        return SecretResult::success();
    return modify([&](Entries& entries) {
        auto it = entries.map.find(key);
        if (it == entries.map.end())
            return false;
        secureWipe(it.value());
        entries.map.erase(it);
        return true;
    });
}

SecretResult EncryptedSecretFile::keys(QStringList& out) const {
    out.clear();
    Loaded loaded = load();
    if (!loaded.status.ok())
        return loaded.status;
    out = loaded.entries.map.keys();
    return SecretResult::success();
}

} // namespace hoga
