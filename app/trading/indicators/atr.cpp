#include "atr.h"

#include <algorithm>
#include <cmath>

namespace hoga {

Atr::Atr(int period)
    : m_period(std::max(1, period)) {}

void Atr::update(double high, double low, double close) {
    m_trueRange = high - low;
    if (m_hasClose)
        m_trueRange =
            std::max({m_trueRange, std::abs(high - m_previousClose), std::abs(low - m_previousClose)});
    m_previousClose = close;
    m_hasClose = true;
    if (m_count < m_period) {
        m_value += m_trueRange; // a sum until the first period is complete
        if (++m_count == m_period)
            m_value /= m_period;
        return;
    }
    m_value = (m_value * (m_period - 1) + m_trueRange) / m_period;
}

void Atr::update(const Candle& candle) {
    update(candle.high.toDouble(), candle.low.toDouble(), candle.close.toDouble());
}

} // namespace hoga
