#pragma once

#include "core/clock.h"

#include <QObject>

class QTimer;

namespace hoga {

// Tells when nobody has touched the application (keyboard, mouse, wheel, touch) for a while: an event
// filter on the whole application notes the last input, a timer compares it with the timeout. The clock
// and the check interval are injected so tests drive it with a ManualClock instead of waiting.
class IdleDetector : public QObject {
    Q_OBJECT

public:
    explicit IdleDetector(const Clock* clock = &SystemClock::instance(), int checkIntervalMs = 5000,
                          QObject* parent = nullptr);
    ~IdleDetector() override;

    // 0 turns it off. Restarts the idle period.
    void setTimeoutMs(qint64 timeoutMs);
    qint64 timeoutMs() const { return m_timeoutMs; }

    // Counts as input (also called by the event filter); restarts the idle period and re-arms idle().
    void noteActivity();
    // Emits idle() once if the timeout has passed since the last input (the timer calls this).
    void check();

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const Clock& m_clock;
    QTimer* m_timer;
    qint64 m_timeoutMs = 0;
    qint64 m_lastInputMs = 0;
    bool m_fired = false;
};

} // namespace hoga
