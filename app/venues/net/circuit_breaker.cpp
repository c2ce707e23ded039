#include "circuit_breaker.h"

namespace hoga::net {

CircuitBreaker::State CircuitBreaker::state() const {
    if (m_state == State::Open && m_clock.nowMs() >= m_openedAt + m_config.coolDownMs)
        return State::HalfOpen;
    return m_state;
}

bool CircuitBreaker::allowRequest() {
    if (m_state == State::Open && state() == State::HalfOpen) {
        m_state = State::HalfOpen;
        m_probeInFlight = false;
    }
    switch (m_state) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (m_probeInFlight)
            return false;
        m_probeInFlight = true;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess() {
    m_state = State::Closed;
    m_failures = 0;
    m_probeInFlight = false;
}

void CircuitBreaker::recordFailure() {
    ++m_failures;
    if (m_state == State::HalfOpen || (m_state == State::Closed && m_failures >= m_config.failureThreshold)) {
        m_state = State::Open;
        m_openedAt = m_clock.nowMs();
        m_probeInFlight = false;
    }
    // Failures of requests that started before the breaker opened do not extend the cool-down.
}

void CircuitBreaker::recordAbandoned() {
    m_probeInFlight = false;
}

qint64 CircuitBreaker::openUntilMs() const {
    return state() == State::Open ? m_openedAt + m_config.coolDownMs : 0;
}

} // namespace hoga::net
