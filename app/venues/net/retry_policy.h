#pragma once

#include "scheduler.h"

#include <QByteArray>

namespace hoga::net {

// Why an attempt failed, as far as retrying is concerned.
enum class FailureKind {
    None,        // a usable response (2xx, or a 4xx the caller must handle)
    Network,     // connection refused/reset, DNS, TLS, ... (no HTTP status)
    Timeout,     // no complete response within the request's timeout
    ServerError, // HTTP 5xx other than 501
    RateLimited, // HTTP 429 (the rate limiter pauses the group; an idempotent request may wait and retry)
    Other,       // anything else: never retried
};

// Classifies one attempt's outcome (status 0 = no HTTP response).
FailureKind classifyFailure(int httpStatus, bool networkError, bool timedOut);

// Delay before retry number `retry` (1 = first retry) with "full jitter": uniform in
// [0, min(maxMs, baseMs * 2^(retry-1))]. Spreads reconnects and retries of many clients apart.
qint64 fullJitterBackoffMs(int retry, qint64 baseMs, qint64 maxMs, Random& random);

// When and how long to wait before retrying an HTTP request. Only idempotent requests are ever retried,
// and never a POST: after a timeout or 5xx an order's fate is unknown, and the connector must look it up by
// its client id instead of sending it again.
struct RetryPolicy {
    int maxAttempts = 3; // in total, the first attempt included; 1 = never retry
    qint64 baseDelayMs = 250;
    qint64 maxDelayMs = 4'000;
    bool retryRateLimited = true; // retry 429s (after the limiter's pause) for idempotent requests

    // May another attempt follow `attemptsMade` failed ones?
    bool shouldRetry(const QByteArray& method, bool idempotent, FailureKind failure, int attemptsMade) const;
    // The wait before the next attempt after `attemptsMade` failed ones.
    qint64 delayMs(int attemptsMade, Random& random) const {
        return fullJitterBackoffMs(attemptsMade, baseDelayMs, maxDelayMs, random);
    }

    static RetryPolicy never() {
        RetryPolicy p;
        p.maxAttempts = 1;
        return p;
    }
};

} // namespace hoga::net
