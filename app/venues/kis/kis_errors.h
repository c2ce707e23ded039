#pragma once

#include "core/error.h"
#include "venues/net/http_client.h"

namespace hoga::kis {

// KIS answers carry rt_cd ("0" success), msg_cd and msg1; the token endpoints answer error_code and
// error_description instead. Both shapes, with any HTTP status.
struct KisStatus {
    bool failed = false;
    QString code;
    QString message;
};
KisStatus statusOf(const QByteArray& body);

// A typed error for a KIS code: known codes get a kind and our own translated explanation, unknown ones keep
// KIS's message (kind from the HTTP status).
VenueError errorFor(const QString& code, const QString& message, int httpStatus);
VenueError errorOf(const net::HttpResponse& response, qint64 nowMs);

inline constexpr const char* kTokenExpired = "EGW00123";
inline constexpr const char* kTokenInvalid = "EGW00121";
inline constexpr const char* kTooManyRequests = "EGW00201";
inline constexpr const char* kTokenThrottled = "EGW00133";

} // namespace hoga::kis
