#include "transport_error.h"

#include <algorithm>

namespace hoga {

std::optional<VenueError> transportError(const net::HttpResponse& response, qint64 nowMs) {
    VenueError e;
    e.detail = response.errorString;
    switch (response.error) {
    case net::HttpError::None:
        return std::nullopt;
    case net::HttpError::Network:
    case net::HttpError::Timeout:
        e.kind = ErrorKind::Network;
        return e;
    case net::HttpError::Cancelled:
        e.kind = ErrorKind::Cancelled;
        return e;
    case net::HttpError::CircuitOpen:
        e.kind = ErrorKind::Network;
        e.retryAfterMs = std::max<qint64>(0, response.retryAtMs - nowMs);
        return e;
    case net::HttpError::Blocked:
        e.kind = ErrorKind::RateLimit;
        e.retryAfterMs = std::max<qint64>(0, response.retryAtMs - nowMs);
        return e;
    case net::HttpError::AuthFailed:
        e.kind = ErrorKind::Auth;
        return e;
    }
    return std::nullopt;
}

} // namespace hoga
