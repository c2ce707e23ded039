#include "login_throttle.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

LoginAttempts LoginAttempts::clamped() const {
    LoginAttempts a;
    a.failures = std::clamp(failures, 0, kMaxFailures);
    a.lastFailureMs = std::clamp<qint64>(lastFailureMs, 0, kLatestTimeMs);
    return a;
}

qint64 LoginThrottle::delayAfterFailures(int failures) const {
    // 64-bit: `failures` may come straight from the registry file, INT_MIN included.
    const qint64 doublings = qint64(failures) - m_policy.freeAttempts - 1;
    if (doublings < 0)
        return 0;
    const qint64 cap = std::max<qint64>(0, m_policy.maxDelayMs);
    qint64 delay = std::clamp<qint64>(m_policy.baseDelayMs, 0, cap);
    for (qint64 i = 0; i < doublings && delay > 0 && delay < cap; ++i)
        delay = delay > cap / 2 ? cap : delay * 2;
    return delay;
}

qint64 LoginThrottle::retryAfterMs(const LoginAttempts& attempts) const {
    const qint64 delay = delayAfterFailures(attempts.failures);
    if (delay == 0)
        return 0;
    const qint64 now = m_clock.nowMs();
    if (attempts.lastFailureMs >= now)
        return delay; // the clock went back: at most the full delay, never until it catches up
    // In unsigned arithmetic the difference of two qint64 with now > lastFailureMs is exact: no overflow
    // whatever the stored time.
    const quint64 elapsed = quint64(now) - quint64(attempts.lastFailureMs);
    return elapsed >= quint64(delay) ? 0 : delay - qint64(elapsed);
}

void LoginThrottle::recordFailure(LoginAttempts& attempts) const {
    attempts.failures = std::clamp(attempts.failures, 0, LoginAttempts::kMaxFailures - 1) + 1;
    attempts.lastFailureMs = m_clock.nowMs();
}

bool LoginThrottle::rebaseIfClockWentBack(LoginAttempts& attempts) const {
    const qint64 now = m_clock.nowMs();
    if (attempts.failures <= 0 || attempts.lastFailureMs <= now)
        return false;
    attempts.lastFailureMs = now;
    return true;
}

QString LoginThrottle::tryAgainMessage(qint64 retryAfterMs) {
    const int seconds = int(std::max<qint64>(1, (retryAfterMs + 999) / 1000));
    return QCoreApplication::translate("hoga::LoginThrottle", "Too many wrong passwords. Try again in %n s.",
                                       nullptr, seconds);
}

} // namespace hoga
