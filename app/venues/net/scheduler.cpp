#include "scheduler.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <climits>

namespace hoga::net {

ScheduledCall QtScheduler::callAt(qint64 dueMs, QObject* context, std::function<void()> fn) {
    auto done = std::make_shared<std::atomic<bool>>(false);
    const qint64 delay = std::clamp<qint64>(dueMs - m_clock.nowMs(), 0, INT_MAX);
    auto run = [done, fn = std::move(fn)] {
        if (!done->exchange(true))
            fn();
    };
    // singleShot needs an event dispatcher in the calling thread; hop to the context's thread first when
    // called from elsewhere (e.g. a rate limiter shared by connectors in several threads).
    if (context && context->thread() != QThread::currentThread()) {
        QMetaObject::invokeMethod(
            context,
            [context, delay, run = std::move(run)]() mutable {
                QTimer::singleShot(int(delay), Qt::PreciseTimer, context, std::move(run));
            },
            Qt::QueuedConnection);
    } else {
        QTimer::singleShot(int(delay), Qt::PreciseTimer, context, std::move(run));
    }
    return ScheduledCall(done);
}

QtScheduler& QtScheduler::system() {
    static QtScheduler scheduler;
    return scheduler;
}

ScheduledCall ManualScheduler::callAt(qint64 dueMs, QObject* context, std::function<void()> fn) {
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::lock_guard lock(m_mutex);
    m_entries.emplace(std::make_pair(dueMs, m_sequence++),
                      Entry{context, context != nullptr, std::move(fn), done});
    return ScheduledCall(done);
}

bool ManualScheduler::takeNextDue(qint64 limitMs, qint64& dueMs, Entry& out) {
    std::lock_guard lock(m_mutex);
    while (!m_entries.empty()) {
        auto it = m_entries.begin();
        if (it->first.first > limitMs)
            return false;
        dueMs = it->first.first;
        out = std::move(it->second);
        m_entries.erase(it);
        if (out.done->load() || (out.hadContext && !out.context))
            continue;
        return true;
    }
    return false;
}

int ManualScheduler::advanceMs(qint64 ms) {
    const qint64 target = m_clock.nowMs() + ms;
    int ran = 0;
    qint64 due = 0;
    Entry entry;
    while (takeNextDue(target, due, entry)) {
        if (due > m_clock.nowMs())
            m_clock.setMs(due);
        if (!entry.done->exchange(true)) {
            entry.fn();
            ++ran;
        }
    }
    m_clock.setMs(std::max(target, m_clock.nowMs()));
    return ran;
}

int ManualScheduler::pendingCount() const {
    std::lock_guard lock(m_mutex);
    return int(std::count_if(m_entries.begin(), m_entries.end(), [](const auto& kv) {
        return !kv.second.done->load() && !(kv.second.hadContext && !kv.second.context);
    }));
}

qint64 ManualScheduler::nextDueMs() const {
    std::lock_guard lock(m_mutex);
    for (const auto& [key, entry] : m_entries) {
        if (!entry.done->load() && !(entry.hadContext && !entry.context))
            return key.first;
    }
    return -1;
}

qint64 Random::upTo(qint64 bound) {
    if (bound <= 0)
        return 0;
    // Multiply-shift instead of std::uniform_int_distribution: same draws with every standard library.
    __extension__ typedef unsigned __int128 UInt128;
    std::lock_guard lock(m_mutex);
    return qint64((UInt128(m_engine()) * (quint64(bound) + 1)) >> 64);
}

Random& Random::system() {
    static Random random(std::random_device{}());
    return random;
}

} // namespace hoga::net
