#pragma once

#include <QByteArray>
#include <QString>

namespace hoga {

// Overwrites the bytes of `bytes` with zeros (OPENSSL_cleanse) when this QByteArray is their only owner, then
// empties it. A shared buffer is only released: wiping it would also wipe the other owners' copies (and
// data() would detach and wipe a fresh copy instead), so the last owner that calls secureWipe() wipes it.
void secureWipe(QByteArray& bytes);

// `count` bytes from the OpenSSL CSPRNG (RAND_bytes). Throws std::runtime_error if the generator fails, as
// continuing with weak randomness would be worse than stopping.
QByteArray randomBytes(int count);

// Equality in time that depends only on the length (CRYPTO_memcmp), for hashes, tags and key checks.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

// UTF-8 bytes of a password typed by the user. The QString itself cannot be wiped by us; the caller wipes
// the returned bytes with secureWipe() after use.
QByteArray passwordBytes(const QString& password);

// A QByteArray that is wiped when it goes out of scope.
class WipedBytes {
public:
    WipedBytes() = default;
    explicit WipedBytes(QByteArray bytes)
        : m_bytes(std::move(bytes)) {}
    ~WipedBytes() { secureWipe(m_bytes); }
    WipedBytes(const WipedBytes&) = delete;
    WipedBytes& operator=(const WipedBytes&) = delete;

    QByteArray& bytes() { return m_bytes; }
    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace hoga
