#pragma once

#include <QObject>
#include <QTimer>

namespace hoga {

// Turns a burst of notifications into one `fired` at most every `intervalMs`, so a flood of account
// messages never makes the views reset or repaint per message.
class SignalCoalescer : public QObject {
    Q_OBJECT
public:
    explicit SignalCoalescer(int intervalMs = 100, QObject* parent = nullptr);

    // Schedules `fired`; further calls before it fires are folded into it.
    void trigger();

signals:
    void fired();

private:
    QTimer m_timer;
};

} // namespace hoga
