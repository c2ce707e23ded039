#pragma once

#include "scheduler.h"

#include <QByteArrayView>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace hoga::net {

// Orders and cancels go through the priority lane: queued market-data requests never delay them.
enum class Lane { Normal, Priority };

// One pool of a venue's limits (Upbit "order" per second, Binance "REQUEST_WEIGHT" per minute or "ORDERS"
// per 10 s ...): at most `limit` units of weight in any `windowMs` span. limit <= 0 means unlimited.
struct RateLimitGroup {
    QString name;
    int limit = 10;
    qint64 windowMs = 1000;
    // Of `limit`, this many are kept for the priority lane (normal requests use at most limit - reserve).
    int priorityReserve = 0;
};

// What one request spends from one pool. A request may spend from several pools at once (Binance: request
// weight per minute and order count per 10 s and per day); it is granted only when all have room.
struct RateCost {
    QString pool;
    int weight = 1;
};
using RateCosts = QList<RateCost>;

// The venue's own count of a pool's current window, read from its answer's headers (by the venue's
// protocol bundle). Either field may be -1 (unknown).
struct PoolUsage {
    QString pool;
    int used = -1;
    int remaining = -1;
};

struct RateLimitConfig {
    QString venue;                  // registry key, e.g. "upbit"
    QList<RateLimitGroup> groups;   // the venue's pools, named by its protocol bundle
    RateLimitGroup fallback;        // applies to a pool name not listed (its name is ignored)
    qint64 jitterMs = 200;          // after a 429: wait for the next second plus up to this much
    qint64 defaultBlockMs = 60'000; // after a 418 that gives no usable time
    // While blocked for longer than this, requests that passed a `denied` callback fail at once instead of
    // waiting (an hour-long ban should reach the user, not hang the UI). Shorter back-offs just delay.
    qint64 denyWhenBlockedOverMs = 5'000;
};

// The venue's `Remaining-Req: group=default; min=1800; sec=29` header (Upbit; `min` is deprecated).
struct RemainingReq {
    QString group;      // may be empty
    int perSecond = -1; // `sec`: requests left in the current second
    int perMinute = -1; // `min`, -1 when absent
};
// Tolerates any order, case, spacing, ',' or ';' separators, quotes and unknown keys. nullopt when there is
// no usable `sec`.
std::optional<RemainingReq> parseRemainingReq(QByteArrayView header);
// `Retry-After` as delta-seconds or an HTTP date, converted to a delay in ms from `nowMs`.
std::optional<qint64> parseRetryAfterMs(QByteArrayView header, qint64 nowMs);

// Sliding-window budgets per pool, shared by every connector of one venue in the process (see
// RateLimiterRegistry), so several connectors together stay under the venue's limits. Each token returns
// one window after it was spent (a sliding window: never more than `limit` grants in any window span).
//
// Requests queue instead of failing: acquire() calls `go` in `context`'s thread once every pool it names
// has room for its weight. `go` never runs inside acquire() itself (it is posted to the context's event
// loop), and it is dropped if the context is destroyed first. Thread-safe: connectors in different threads
// may share one limiter. The limiter has no timer of its own: a waiting request's wake-up runs in that
// request's context thread (the connector's), so a throttled order never waits on the GUI's event loop.
//
// The venue's answers steer it: onResponse() with the status and the pools' usage the venue reported
// lowers what is left in the current window, a 429 pauses the request's pools until the venue's
// Retry-After (or the next second plus jitter), and a 418 blocks the whole venue until the time the
// server gives (or defaultBlockMs), announced through blockedUntilChanged() so the UI can tell the user.
class RateLimiter : public QObject {
    Q_OBJECT
public:
    explicit RateLimiter(RateLimitConfig config, Scheduler& scheduler = QtScheduler::system(),
                         Random& random = Random::system(), QObject* parent = nullptr);
    ~RateLimiter() override;

    // Waits until every pool of `costs` has room for its weight (priority lane first), then spends it and
    // runs `go` in `context`'s thread. If `denied` is set, it runs instead when the venue is blocked for
    // longer than denyWhenBlockedOverMs, with the time the block ends. Returns a ticket for cancel().
    quint64 acquire(const RateCosts& costs, Lane lane, QObject* context, std::function<void()> go,
                    std::function<void(qint64 blockedUntilMs)> denied = {});
    // Removes a waiting request; false if it was already granted, denied or unknown.
    bool cancel(quint64 ticket);

    // Feeds back one response of a request that spent `costs` (status 0 = no HTTP response), with the
    // usage the venue reported for any of its pools.
    void onResponse(const RateCosts& costs, int status, const QList<PoolUsage>& usage = {},
                    QByteArrayView retryAfter = {});
    // Blocks the whole venue until `untilMs` (e.g. a time a connector read from a 418 body).
    void blockUntil(qint64 untilMs);
    // When the current venue block ends, or 0 when not blocked.
    qint64 blockedUntilMs() const;
    // The venue announced its limits (Binance's exchangeInfo rateLimits): pools of these names take the
    // given limit, window and reserve; other names become new pools. Grants already spent stay counted.
    void setGroupLimits(const QList<RateLimitGroup>& groups);
    // A pool's current settings (nullopt: no such pool yet).
    std::optional<RateLimitGroup> group(const QString& pool) const;

    const RateLimitConfig& config() const { return m_config; }
    const QString& venue() const { return m_config.venue; }
    // Diagnostics and tests: waiting requests (all when `pool` is empty; else those that spend from it);
    // weight spent in the pool's current window.
    int queuedCount(const QString& pool = {}) const;
    int usedInWindow(const QString& pool) const;

signals:
    // The venue was blocked until `untilMs` (epoch ms), or the block ended (0). Emitted from any thread.
    void blockedUntilChanged(qint64 untilMs);

private:
    struct Grant {
        qint64 atMs;
        int weight;
    };
    struct PoolState {
        RateLimitGroup config;
        std::deque<Grant> grants; // grants inside the window, oldest first
        int granted = 0;          // their total weight
        qint64 pausedUntil = 0;   // after a 429
        int serverRemaining = -1; // the venue's count, valid until serverRemainingUntil
        qint64 serverRemainingUntil = 0;
    };
    struct Waiter {
        quint64 ticket;
        RateCosts costs;
        QPointer<QObject> context;
        std::function<void()> go;
        std::function<void(qint64)> denied;
    };
    struct Wake {
        QPointer<QObject> context;
        qint64 atMs = -1;
        ScheduledCall call;
    };
    using Dispatch = std::vector<std::function<void()>>;

    PoolState& poolLocked(const QString& name);
    // Earliest time `weight` may be spent from `pool` by `lane` (<= now: now).
    qint64 readyAtLocked(PoolState& pool, int weight, Lane lane, qint64 now) const;
    // Grants `w` (true) unless a pool it needs is short or held for an earlier request (then adds its pools
    // to `held`).
    bool holdOrGrantLocked(const Waiter& w, Lane lane, qint64 now, QSet<const PoolState*>& held);
    void pump();
    void pumpLocked(qint64 now, Dispatch& out, bool& blockEnded);
    void denyAllLocked(Dispatch& out);
    // Schedules the next pump in the thread of every waiting request (and the end of a block in the
    // limiter's own thread, only to announce it).
    void armWakeLocked(qint64 now);
    void scheduleLocked(Wake& wake, QObject* context, qint64 at);
    static void post(const QPointer<QObject>& context, std::function<void()> fn, Dispatch& out);
    static void run(Dispatch& out);

    const RateLimitConfig m_config;
    Scheduler& m_scheduler;
    Random& m_random;
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<PoolState>> m_pools;
    std::deque<Waiter> m_queue[2]; // [Lane::Normal], [Lane::Priority], each in arrival order
    qint64 m_blockedUntil = 0;
    quint64 m_nextTicket = 1;
    std::vector<Wake> m_wakes; // one per waiting context
    Wake m_blockEndWake;       // announces the end of a block
};

// One RateLimiter per venue for the whole process.
class RateLimiterRegistry {
public:
    // The limiter of config.venue; created from `config` on first use (later configs are ignored while it
    // lives). The limiter lives as long as someone holds it; it is owned by the application's main thread,
    // where only the announcement of a block's end runs.
    std::shared_ptr<RateLimiter> limiter(const RateLimitConfig& config,
                                         Scheduler& scheduler = QtScheduler::system(),
                                         Random& random = Random::system());
    std::shared_ptr<RateLimiter> find(const QString& venue) const;

    static RateLimiterRegistry& instance();

private:
    mutable std::mutex m_mutex;
    QHash<QString, std::weak_ptr<RateLimiter>> m_limiters;
};

} // namespace hoga::net
