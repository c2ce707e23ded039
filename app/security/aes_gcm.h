#pragma once

#include <QByteArray>

#include <optional>

namespace hoga::aesgcm {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

// AES-256-GCM (OpenSSL EVP). Returns ciphertext followed by the 16-byte tag.
std::optional<QByteArray> seal(const QByteArray& key, const QByteArray& nonce, const QByteArray& aad,
                               const QByteArray& plaintext);
// Verifies the tag and returns the plaintext, or nullopt if the key, nonce, AAD or any byte is wrong.
std::optional<QByteArray> open(const QByteArray& key, const QByteArray& nonce, const QByteArray& aad,
                               const QByteArray& ciphertextAndTag);

} // namespace hoga::aesgcm
