#include "login_throttle.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

qint64 LoginThrottle::delayAfterFailures(int failures) const {
    const int doublings = failures - m_policy.freeAttempts - 1;
    if (doublings < 0)
        return 0;
    qint64 delay = m_policy.baseDelayMs;
    for (int i = 0; i < doublings && delay < m_policy.maxDelayMs; ++i)
        delay *= 2;
    return std::min(delay, m_policy.maxDelayMs);
}

qint64 LoginThrottle::retryAfterMs(const LoginAttempts& attempts) const {
    const qint64 delay = delayAfterFailures(attempts.failures);
    if (delay == 0)
        return 0;
    const qint64 remaining = attempts.lastFailureMs + delay - m_clock.nowMs();
    return std::clamp<qint64>(remaining, 0, delay);
}

void LoginThrottle::recordFailure(LoginAttempts& attempts) const {
    attempts.failures = std::min(attempts.failures + 1, 1000);
    attempts.lastFailureMs = m_clock.nowMs();
}

bool LoginThrottle::rebaseIfClockWentBack(LoginAttempts& attempts) const {
    const qint64 now = m_clock.nowMs();
    if (attempts.failures == 0 || attempts.lastFailureMs <= now)
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
