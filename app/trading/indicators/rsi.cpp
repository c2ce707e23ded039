#include "rsi.h"

#include <algorithm>

namespace hoga {

Rsi::Rsi(int period)
    : m_period(std::max(1, period)) {}

void Rsi::update(double value) {
    if (!m_hasPrevious) {
        m_hasPrevious = true;
        m_previous = value;
        return;
    }
    const double change = value - m_previous;
    m_previous = value;
    const double gain = change > 0 ? change : 0.0;
    const double loss = change < 0 ? -change : 0.0;
    if (m_changes < m_period) {
        // Sums during the first period; divided once it is complete.
        m_avgGain += gain;
        m_avgLoss += loss;
        if (++m_changes == m_period) {
            m_avgGain /= m_period;
            m_avgLoss /= m_period;
        }
        return;
    }
    m_avgGain = (m_avgGain * (m_period - 1) + gain) / m_period;
    m_avgLoss = (m_avgLoss * (m_period - 1) + loss) / m_period;
}

double Rsi::value() const {
    if (!ready())
        return 0.0;
    if (m_avgLoss == 0.0)
        return m_avgGain == 0.0 ? 50.0 : 100.0;
    const double rs = m_avgGain / m_avgLoss;
    return 100.0 - 100.0 / (1.0 + rs);
}

} // namespace hoga
