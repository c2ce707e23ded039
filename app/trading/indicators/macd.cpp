#include "macd.h"

namespace hoga {

Macd::Macd(int fast, int slow, int signal)
    : m_fast(fast)
    , m_slow(slow)
    , m_signal(signal) {}

void Macd::update(double value) {
    m_fast.update(value);
    m_slow.update(value);
    if (macdReady())
        m_signal.update(macd());
}

} // namespace hoga
