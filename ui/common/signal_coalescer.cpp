#include "signal_coalescer.h"

namespace hoga {

SignalCoalescer::SignalCoalescer(int intervalMs, QObject* parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SignalCoalescer::fired);
}

void SignalCoalescer::trigger() {
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace hoga
