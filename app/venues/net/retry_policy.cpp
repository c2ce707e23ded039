#include "retry_policy.h"

#include <algorithm>

namespace hoga::net {

FailureKind classifyFailure(int httpStatus, bool networkError, bool timedOut) {
    if (timedOut)
        return FailureKind::Timeout;
    if (httpStatus == 0)
        return networkError ? FailureKind::Network : FailureKind::Other;
    if (httpStatus == 429)
        return FailureKind::RateLimited;
    if (httpStatus >= 500 && httpStatus <= 599 && httpStatus != 501)
        return FailureKind::ServerError;
    return FailureKind::None;
}

qint64 fullJitterBackoffMs(int retry, qint64 baseMs, qint64 maxMs, Random& random) {
    if (retry < 1 || baseMs <= 0 || maxMs <= 0)
        return 0;
    // base * 2^(retry-1), saturating well before overflow.
    qint64 cap = baseMs;
    for (int i = 1; i < retry && cap < maxMs; ++i)
        cap *= 2;
    return random.upTo(std::min(cap, maxMs));
}

bool RetryPolicy::shouldRetry(const QByteArray& method, bool idempotent, FailureKind failure,
                              int attemptsMade) const {
    if (attemptsMade >= maxAttempts || !idempotent || method.compare("POST", Qt::CaseInsensitive) == 0)
        return false;
    switch (failure) {
    case FailureKind::Network:
    case FailureKind::Timeout:
    case FailureKind::ServerError:
        return true;
    case FailureKind::RateLimited:
        return retryRateLimited;
    case FailureKind::None:
    case FailureKind::Other:
        return false;
    }
    return false;
}

} // namespace hoga::net
