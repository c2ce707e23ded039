#pragma once

#include "core/clock.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>

namespace hoga::net {

// One call scheduled on a Scheduler. Move-only; destroying or reassigning it cancels the call, so a member
// `ScheduledCall m_timeout` can never fire into a half-destroyed owner.
class ScheduledCall {
public:
    ScheduledCall() = default;
    explicit ScheduledCall(std::shared_ptr<std::atomic<bool>> done)
        : m_done(std::move(done)) {}
    ~ScheduledCall() { cancel(); }
    ScheduledCall(ScheduledCall&&) noexcept = default;
    ScheduledCall& operator=(ScheduledCall&& other) noexcept {
        if (this != &other) {
            cancel();
            m_done = std::move(other.m_done);
        }
        return *this;
    }
    ScheduledCall(const ScheduledCall&) = delete;
    ScheduledCall& operator=(const ScheduledCall&) = delete;

    // Thread-safe; a call already running is not interrupted.
    void cancel() {
        if (m_done)
            m_done->store(true);
        m_done.reset();
    }
    // True until the call has run or was cancelled.
    bool isPending() const { return m_done && !m_done->load(); }
    // Lets the call run even after this handle is gone.
    void detach() { m_done.reset(); }

private:
    std::shared_ptr<std::atomic<bool>> m_done;
};

// Runs callbacks at times on a Clock. Every network component takes one, so tests drive time with a
// ManualScheduler instead of sleeping. callAt() is thread-safe; the callback runs in `context`'s thread and
// is dropped if `context` is destroyed first.
class Scheduler {
public:
    virtual ~Scheduler() = default;
    virtual const Clock& clock() const = 0;
    qint64 nowMs() const { return clock().nowMs(); }

    [[nodiscard]] virtual ScheduledCall callAt(qint64 dueMs, QObject* context, std::function<void()> fn) = 0;
    [[nodiscard]] ScheduledCall callAfter(qint64 delayMs, QObject* context, std::function<void()> fn) {
        return callAt(nowMs() + delayMs, context, std::move(fn));
    }
};

// Production scheduler: Qt single-shot timers in the context's thread, measured on the given clock.
class QtScheduler final : public Scheduler {
public:
    explicit QtScheduler(const Clock& clock = SystemClock::instance())
        : m_clock(clock) {}
    const Clock& clock() const override { return m_clock; }
    ScheduledCall callAt(qint64 dueMs, QObject* context, std::function<void()> fn) override;

    // The process-wide scheduler on the system clock.
    static QtScheduler& system();

private:
    const Clock& m_clock;
};

// Test scheduler: nothing runs until advanceMs()/runDue() is called, and then in due order with the clock
// set to each call's due time. Callbacks run in the caller's thread (tests are single-threaded).
class ManualScheduler final : public Scheduler {
public:
    explicit ManualScheduler(qint64 startMs = 1'700'000'000'000)
        : m_clock(startMs) {}
    const Clock& clock() const override { return m_clock; }
    ManualClock& manualClock() { return m_clock; }
    ScheduledCall callAt(qint64 dueMs, QObject* context, std::function<void()> fn) override;

    // Moves the clock forward by `ms`, running every call that falls due on the way (also calls scheduled by
    // those callbacks, if due within the span). Returns how many calls ran.
    int advanceMs(qint64 ms);
    // Runs the calls due now. Returns how many ran.
    int runDue() { return advanceMs(0); }
    // Pending (not cancelled, context alive) calls.
    int pendingCount() const;
    // Due time of the earliest pending call, or -1.
    qint64 nextDueMs() const;

private:
    struct Entry {
        QPointer<QObject> context;
        bool hadContext = false;
        std::function<void()> fn;
        std::shared_ptr<std::atomic<bool>> done;
    };
    bool takeNextDue(qint64 limitMs, qint64& dueMs, Entry& out);

    ManualClock m_clock;
    mutable std::mutex m_mutex;
    std::multimap<std::pair<qint64, quint64>, Entry> m_entries; // (due, sequence) keeps FIFO for equal times
    quint64 m_sequence = 0;
};

// Seeded randomness for jitter: tests pass a fixed seed, production a random one. Thread-safe.
class Random {
public:
    explicit Random(quint64 seed)
        : m_engine(seed) {}
    // Uniform in [0, bound]; 0 when bound <= 0.
    qint64 upTo(qint64 bound);
    // Seeded from std::random_device.
    static Random& system();

private:
    std::mutex m_mutex;
    std::mt19937_64 m_engine;
};

} // namespace hoga::net
