#include "vwap.h"

namespace hoga {

void Vwap::update(double typicalPrice, double volume) {
    if (volume <= 0.0)
        return;
    m_priceVolume += typicalPrice * volume;
    m_volume += volume;
}

void Vwap::update(const Candle& candle) {
    const double typical = (candle.high.toDouble() + candle.low.toDouble() + candle.close.toDouble()) / 3.0;
    update(typical, candle.volume.toDouble());
}

void Vwap::reset() {
    m_priceVolume = 0.0;
    m_volume = 0.0;
}

} // namespace hoga
