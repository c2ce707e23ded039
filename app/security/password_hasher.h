#pragma once

#include "scrypt.h"

#include <QString>

namespace hoga {

// Hashes profile passwords with scrypt into a self-describing string
//   scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>
// so parameters can be raised later without breaking existing profiles (see needsRehash()).
class PasswordHasher {
public:
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;

    explicit PasswordHasher(ScryptParams params = ScryptParams::production())
        : m_params(params) {}

    const ScryptParams& params() const { return m_params; }

    // A fresh random salt every call, so equal passwords give different strings. Empty on failure.
    QString hash(const QString& password) const;
    // True only if `encoded` is well formed, its parameters are within bounds and the password matches;
    // the comparison is constant-time.
    bool verify(const QString& password, const QString& encoded) const;
    // True if `encoded` was made with weaker parameters than ours (rehash after the next good login).
    bool needsRehash(const QString& encoded) const;

private:
    ScryptParams m_params;
};

} // namespace hoga
