#pragma once

#include "core/clock.h"

namespace hoga::net {

struct CircuitBreakerConfig {
    int failureThreshold = 5;   // consecutive failures that open the breaker
    qint64 coolDownMs = 15'000; // how long it stays open before a probe
};

// Stops hammering a venue that keeps failing. Closed: everything passes; after `failureThreshold`
// consecutive failures it opens and refuses requests for `coolDownMs`; then it is half-open and lets one
// probe through: success closes it, failure opens it again for another cool-down. Driven by the injected
// clock (no timers): the state is worked out when asked. Not thread-safe; one per HTTP client.
class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    using Config = CircuitBreakerConfig;

    explicit CircuitBreaker(const Clock& clock, Config config = {})
        : m_clock(clock)
        , m_config(config) {}

    State state() const;
    // Whether a request may start now. In half-open state only one probe at a time gets a yes.
    bool allowRequest();
    void recordSuccess();
    void recordFailure();
    // A request that was allowed ended without an outcome (cancelled): frees the probe slot.
    void recordAbandoned();

    // While open: when the breaker turns half-open. Otherwise 0.
    qint64 openUntilMs() const;
    int consecutiveFailures() const { return m_failures; }
    const Config& config() const { return m_config; }

private:
    const Clock& m_clock;
    Config m_config;
    State m_state = State::Closed;
    int m_failures = 0;
    qint64 m_openedAt = 0;
    bool m_probeInFlight = false;
};

} // namespace hoga::net
