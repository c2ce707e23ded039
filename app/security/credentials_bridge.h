#pragma once

// The one place where security meets the venue layer: converts between a stored key pair and the
// connector-side hoga::Credentials, extras included. Header-only on purpose, so hoga_security itself does not
// depend on hoga_venues; only code that already links both (the app's session setup, the keys dialog,
// hoga-cli) includes it.

#include "api_key_ring.h"
#include "venues/core/credentials.h"

namespace hoga {

// Copies the pair into `out` (own, unshared buffers) and wipes the source.
inline void moveIntoCredentials(ApiKeyPair& pair, Credentials& out) {
    out.wipe();
    out.accessKey = pair.accessKey;
    out.secretKey = QByteArray(pair.secretKey.constData(), pair.secretKey.size());
    out.extras = pair.extras;
    pair.wipe();
}

// The pair to store for `credentials` (own secret buffer; the caller wipes both when done).
inline ApiKeyPair toApiKeyPair(const Credentials& credentials) {
    return ApiKeyPair(credentials.accessKey,
                      QByteArray(credentials.secretKey.constData(), credentials.secretKey.size()),
                      credentials.extras);
}

} // namespace hoga
