#include "aes_gcm.h"

#include "secure_bytes.h"

#include <openssl/evp.h>

#include <memory>

namespace hoga::aesgcm {

namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(const QByteArray& b) {
    return reinterpret_cast<const unsigned char*>(b.constData());
}

} // namespace

std::optional<QByteArray> seal(const QByteArray& key, const QByteArray& nonce, const QByteArray& aad,
                               const QByteArray& plaintext) {
    if (key.size() != kKeyBytes || nonce.size() != kNonceBytes)
        return std::nullopt;
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(plaintext.size() + kTagBytes, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    int len = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o, &len, bytes(plaintext), int(plaintext.size())) != 1)
        return std::nullopt;
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), o + total, &len) != 1)
        return std::nullopt;
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, o + total) != 1)
        return std::nullopt;
    out.resize(total + kTagBytes);
    return out;
}

std::optional<QByteArray> open(const QByteArray& key, const QByteArray& nonce, const QByteArray& aad,
                               const QByteArray& ciphertextAndTag) {
    if (key.size() != kKeyBytes || nonce.size() != kNonceBytes || ciphertextAndTag.size() < kTagBytes)
        return std::nullopt;
    const int ctLen = int(ciphertextAndTag.size()) - kTagBytes;
    QByteArray tag = ciphertextAndTag.right(kTagBytes);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(ctLen, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    int len = 0;
    int total = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) == 1 &&
              EVP_DecryptUpdate(ctx.get(), o, &len, bytes(ciphertextAndTag), ctLen) == 1;
    total = len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1 &&
         EVP_DecryptFinal_ex(ctx.get(), o + total, &len) > 0;
    if (!ok) {
        secureWipe(out); // never hand out unauthenticated plaintext
        return std::nullopt;
    }
    out.resize(total + len);
    return out;
}

} // namespace hoga::aesgcm
