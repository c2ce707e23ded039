#pragma once

#include "moving_averages.h"

namespace hoga {

// MACD (Gerald Appel): the fast EMA minus the slow EMA, a signal line that is the EMA of the MACD line, and
// their difference (histogram). The MACD line starts once the slow EMA is ready; the signal line
// `signalPeriod` MACD values later.
class Macd {
public:
    Macd(int fast = 12, int slow = 26, int signal = 9);

    void update(double value);
    bool macdReady() const { return m_slow.ready() && m_fast.ready(); }
    bool ready() const { return m_signal.ready(); }
    double macd() const { return macdReady() ? m_fast.value() - m_slow.value() : 0.0; }
    double signal() const { return m_signal.value(); }
    double histogram() const { return ready() ? macd() - signal() : 0.0; }
    double value() const { return macd(); }

private:
    Ema m_fast;
    Ema m_slow;
    Ema m_signal;
};

} // namespace hoga
