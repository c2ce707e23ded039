#pragma once

#include "core/candle.h"

namespace hoga {

// Volume-weighted average price since the last reset (a session): the sum of typical price * volume over the
// sum of volume, the typical price being (high + low + close) / 3.
class Vwap {
public:
    void update(double typicalPrice, double volume);
    void update(const Candle& candle);
    void reset();
    bool ready() const { return m_volume > 0.0; }
    double value() const { return ready() ? m_priceVolume / m_volume : 0.0; }

private:
    double m_priceVolume = 0.0;
    double m_volume = 0.0;
};

} // namespace hoga
