#pragma once

#include "core/error.h"
#include "venues/net/http_client.h"

#include <optional>

namespace hoga {

// The error of an exchange that got no HTTP answer (network, timeout, cancelled, refused locally by the
// circuit breaker or a venue block, not authenticated), the same for every venue; nullopt when an answer
// arrived and the venue's own error table must read it.
std::optional<VenueError> transportError(const net::HttpResponse& response, qint64 nowMs);

} // namespace hoga
