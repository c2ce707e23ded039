#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>

namespace hoga {

// Cost parameters of scrypt. The defaults are the production strength (N = 2^15, r = 8, p = 1: about 32 MiB
// and a few tens of milliseconds per derivation); tests inject fast() so suites stay quick.
struct ScryptParams {
    int log2N = 15;
    int r = 8;
    int p = 1;

    quint64 n() const { return quint64(1) << log2N; }
    // Parameters read from a file or a hash string are checked against these bounds before use, so a
    // damaged or hostile value cannot make us allocate gigabytes or spin for minutes.
    bool isWithinBounds() const;
    bool operator==(const ScryptParams&) const = default;

    static ScryptParams production() { return {}; }
    static ScryptParams fast() { return {10, 8, 1}; } // for tests only
};

// scrypt(password, salt) -> `length` bytes via OpenSSL EVP_PBE_scrypt, or nullopt if OpenSSL refuses
// (parameters out of bounds, out of memory).
std::optional<QByteArray> scryptDerive(const QByteArray& password, const QByteArray& salt,
                                       const ScryptParams& params, int length);

} // namespace hoga
