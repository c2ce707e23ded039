#include "moving_averages.h"

#include <algorithm>

namespace hoga {

Sma::Sma(int period)
    : m_period(std::max(1, period))
    , m_window(m_period, 0.0) {}

void Sma::update(double value) {
    m_sum += value - m_window[m_next];
    m_window[m_next] = value;
    if (++m_next == m_period) // no division per value
        m_next = 0;
    m_count = std::min(m_count + 1, m_period);
}

Ema::Ema(int period)
    : m_period(std::max(1, period))
    , m_alpha(2.0 / (m_period + 1)) {}

void Ema::update(double value) {
    if (m_count < m_period) {
        m_seedSum += value;
        if (++m_count == m_period)
            m_value = m_seedSum / m_period;
        return;
    }
    m_value += m_alpha * (value - m_value);
}

} // namespace hoga
