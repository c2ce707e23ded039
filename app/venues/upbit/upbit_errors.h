#pragma once

#include "core/error.h"
#include "venues/net/http_client.h"

#include <QString>

#include <span>
#include <string_view>

namespace hoga::upbit {

// One venue error name and what it means for us. `detail` is an untranslated source string in
// `context` (QT_TRANSLATE_NOOP), translated when the error is built.
struct ErrorRule {
    std::string_view name;
    ErrorKind kind;
    const char* context;
    const char* detail;
};

// Upbit's error names (REST and WebSocket), which Bithumb API 2.0 shares for the most part.
std::span<const ErrorRule> upbitErrorRules();
// Exact match first, then case-insensitive (Bithumb spells some names differently in case). Null if none.
const ErrorRule* findErrorRule(std::span<const ErrorRule> rules, QStringView name);

// A venue error from a name and message: the matching rule's kind and translated detail, or (unknown
// name) kind Venue with the name and message as sent. Numeric names (quotation APIs) map by HTTP meaning.
VenueError errorFromName(std::span<const ErrorRule> rules, const QString& name, const QString& message,
                         bool numericName = false, int httpStatus = 0);

// The error of a failed HTTP exchange: no response (network, timeout, circuit open, blocked by the venue),
// or an error status with or without an {"error":{...}} body. `rules` are tried in order (venue-specific
// tables first).
VenueError errorFromResponse(const net::HttpResponse& response, std::span<const ErrorRule> rules,
                             std::span<const ErrorRule> fallbackRules = {}, qint64 nowMs = 0);

} // namespace hoga::upbit
