#pragma once

#include "core/candle.h"

namespace hoga {

// Average true range (Wilder): the true range is the largest of high - low, |high - previous close| and
// |low - previous close| (just high - low for the first candle); the first ATR is the simple average of the
// first `period` true ranges, later ones atr = (atr * (period - 1) + tr) / period.
class Atr {
public:
    explicit Atr(int period = 14);

    void update(double high, double low, double close);
    void update(const Candle& candle);
    bool ready() const { return m_count >= m_period; }
    double value() const { return ready() ? m_value : 0.0; }
    double lastTrueRange() const { return m_trueRange; }

private:
    int m_period;
    int m_count = 0;
    bool m_hasClose = false;
    double m_previousClose = 0.0;
    double m_trueRange = 0.0;
    double m_value = 0.0;
};

} // namespace hoga
