#include "secure_bytes.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace hoga {

void secureWipe(QByteArray& bytes) {
    if (bytes.isDetached() && !bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

QByteArray randomBytes(int count) {
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        throw std::runtime_error("RAND_bytes failed: the system random generator is unavailable");
    return out;
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

QByteArray passwordBytes(const QString& password) {
    return password.toUtf8();
}

} // namespace hoga
