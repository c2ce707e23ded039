#pragma once

// The one place where security meets the venue layer: converts a stored key pair into the connector-side
// hoga::Credentials. Header-only on purpose, so hoga_security itself does not depend on hoga_venues; only
// code that already links both (the app's session setup) includes it.

#include "api_key_ring.h"
#include "venues/venue_factory.h"

namespace hoga {

// Copies the pair into `out` (own, unshared buffers) and wipes the source.
inline void moveIntoCredentials(ApiKeyPair& pair, Credentials& out) {
    out.wipe();
    out.accessKey = pair.accessKey;
    out.secretKey = QByteArray(pair.secretKey.constData(), pair.secretKey.size());
    pair.wipe();
}

} // namespace hoga
