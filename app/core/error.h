#pragma once

#include <QMetaType>
#include <QString>

namespace hoga {

// What went wrong, in terms a caller can act on. Every venue's error codes map onto these kinds.
enum class ErrorKind {
    Auth,              // missing, invalid or expired key/token, bad signature, nonce reused
    Permission,        // key lacks the right, IP not on the allowlist
    RateLimit,         // too many requests / temporarily banned
    InsufficientFunds, // balance too low for the order
    InvalidOrder,      // order breaks the market's rules (tick, step, min total, ...)
    NotFound,          // unknown market, order, ...
    Venue,             // the venue refused or failed for another reason (5xx, maintenance, unknown code)
    Network,           // connection failed, timed out, malformed response
    Cancelled,         // the caller cancelled the request
};

struct VenueError {
    ErrorKind kind = ErrorKind::Venue;
    QString venueCode;    // the venue's own error name/code, kept verbatim ("insufficient_funds_bid")
    QString venueMessage; // the venue's own message, kept verbatim (may be Korean)
    QString detail;       // our own extra explanation, already translated (may be empty)
    qint64 retryAfterMs = 0; // for RateLimit: when the caller may try again (0 = unknown)

    // A precise translated sentence for the user: what happened and, where useful, what to do.
    QString userMessage() const;
    // Stable machine name of the kind: "auth", "permission", "rate_limit", "insufficient_funds",
    // "invalid_order", "not_found", "venue", "network", "cancelled".
    static QString kindName(ErrorKind kind);
    static QString kindTitle(ErrorKind kind); // translated short title, e.g. "Insufficient funds"
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::VenueError)
