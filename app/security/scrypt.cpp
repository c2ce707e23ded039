#include "scrypt.h"

#include <openssl/evp.h>

namespace hoga {

namespace {
constexpr int kMinLog2N = 1;
constexpr int kMaxLog2N = 20; // 2^20 * r 8 * 128 B = 1 GiB would be the worst case at r = 8
constexpr int kMaxR = 32;
constexpr int kMaxP = 16;
constexpr quint64 kMaxMemory = quint64(1) << 30;
} // namespace

bool ScryptParams::isWithinBounds() const {
    if (log2N < kMinLog2N || log2N > kMaxLog2N || r < 1 || r > kMaxR || p < 1 || p > kMaxP)
        return false;
    return 128ull * quint64(r) * (n() + quint64(p) + 2) <= kMaxMemory;
}

std::optional<QByteArray> scryptDerive(const QByteArray& password, const QByteArray& salt,
                                       const ScryptParams& params, int length) {
    if (!params.isWithinBounds() || length <= 0)
        return std::nullopt;
    // OpenSSL's default memory cap (32 MiB) is below what N = 2^15, r = 8 needs: pass an explicit cap.
    const quint64 maxMemory = 128ull * quint64(params.r) * (params.n() + quint64(params.p) + 2) + (1u << 20);
    QByteArray out(length, Qt::Uninitialized);
    const int ok = EVP_PBE_scrypt(password.constData(), size_t(password.size()),
                                  reinterpret_cast<const unsigned char*>(salt.constData()),
                                  size_t(salt.size()), params.n(), quint64(params.r), quint64(params.p),
                                  maxMemory, reinterpret_cast<unsigned char*>(out.data()), size_t(length));
    if (ok != 1)
        return std::nullopt;
    return out;
}

} // namespace hoga
