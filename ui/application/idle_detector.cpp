#include "idle_detector.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace hoga {

IdleDetector::IdleDetector(const Clock* clock, int checkIntervalMs, QObject* parent)
    : QObject(parent)
    , m_clock(*clock)
    , m_timer(new QTimer(this))
    , m_lastInputMs(m_clock.nowMs()) {
    m_timer->setInterval(checkIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &IdleDetector::check);
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleDetector::~IdleDetector() {
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleDetector::setTimeoutMs(qint64 timeoutMs) {
    m_timeoutMs = std::max<qint64>(0, timeoutMs);
    noteActivity();
    if (m_timeoutMs > 0)
        m_timer->start();
    else
        m_timer->stop();
}

void IdleDetector::noteActivity() {
    m_lastInputMs = m_clock.nowMs();
    m_fired = false;
}

void IdleDetector::check() {
    if (m_timeoutMs <= 0 || m_fired)
        return;
    if (m_clock.nowMs() - m_lastInputMs >= m_timeoutMs) {
        m_fired = true; // once per idle period: the lock screen's own input re-arms it after unlocking
        emit idle();
    }
}

bool IdleDetector::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        m_lastInputMs = m_clock.nowMs();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hoga
