#pragma once

#include "core/clock.h"

#include <QString>

namespace hoga {

// Wrong-password history of one profile. Persisted in the profile registry so a restart does not reset it.
struct LoginAttempts {
    // Counting stops here: far past the point where the delay reaches its cap.
    static constexpr int kMaxFailures = 1000;
    // 9999-12-31T23:59:59.999Z: no real failure time is later.
    static constexpr qint64 kLatestTimeMs = 253'402'300'799'999;

    int failures = 0;         // consecutive wrong passwords since the last good one
    qint64 lastFailureMs = 0; // wall-clock time of the last wrong password (Unix ms)

    // Both within range (failures in [0, kMaxFailures], lastFailureMs in [0, kLatestTimeMs]): the registry is
    // a file the user can edit or damage, and its values must neither switch the throttle off nor push the
    // wait past the throttle's cap.
    LoginAttempts clamped() const;

    bool operator==(const LoginAttempts&) const = default;
};

// Growing delay after wrong passwords: the first `freeAttempts` cost nothing, then 1 s, 2 s, 4 s, 8 s, ...
// capped at maxDelayMs. While a delay runs, attempts are refused without even checking the password.
class LoginThrottle {
public:
    struct Policy {
        int freeAttempts = 2;
        qint64 baseDelayMs = 1000;
        qint64 maxDelayMs = 60'000;
    };

    explicit LoginThrottle(const Clock& clock)
        : LoginThrottle(clock, Policy{}) {}
    LoginThrottle(const Clock& clock, Policy policy)
        : m_clock(clock)
        , m_policy(policy) {}

    // Delay that `failures` consecutive wrong passwords impose: 0, 0, 1000, 2000, 4000, ... <= maxDelayMs.
    qint64 delayAfterFailures(int failures) const;
    // Milliseconds to wait before the next attempt is allowed (0 = now), always in [0, maxDelayMs]. If the
    // clock went backwards (or the last failure is dated in the future), the wait is never longer than the
    // full delay.
    qint64 retryAfterMs(const LoginAttempts& attempts) const;
    void recordFailure(LoginAttempts& attempts) const;
    // If the clock went backwards past the last failure, the wait restarts from now instead of lasting until
    // the clock catches up. Returns true if `attempts` changed (persist it).
    bool rebaseIfClockWentBack(LoginAttempts& attempts) const;
    void recordSuccess(LoginAttempts& attempts) const { attempts = {}; }

    // "Too many wrong passwords. Try again in 4 s." (seconds rounded up).
    static QString tryAgainMessage(qint64 retryAfterMs);

private:
    const Clock& m_clock;
    Policy m_policy;
};

} // namespace hoga
