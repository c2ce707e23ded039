#include "bollinger_bands.h"

#include <algorithm>
#include <cmath>

namespace hoga {

BollingerBands::BollingerBands(int period, double k)
    : m_period(std::max(1, period))
    , m_k(k)
    , m_window(m_period, 0.0) {}

void BollingerBands::update(double value) {
    m_window[m_next] = value;
    m_next = (m_next + 1) % m_period;
    m_count = std::min(m_count + 1, m_period);
    if (!ready())
        return;
    // Two passes over the window: a running sum of squares loses precision on large prices.
    double sum = 0.0;
    for (double v : m_window)
        sum += v;
    m_middle = sum / m_period;
    double squares = 0.0;
    for (double v : m_window)
        squares += (v - m_middle) * (v - m_middle);
    m_deviation = std::sqrt(squares / m_period);
}

} // namespace hoga
