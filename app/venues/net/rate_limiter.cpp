#include "rate_limiter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QThread>

#include <algorithm>

namespace hoga::net {

namespace {

qint64 nextSecond(qint64 nowMs) {
    return (nowMs / 1000 + 1) * 1000;
}

QByteArrayView trimmed(QByteArrayView v) {
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '"'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '"'))
        v.chop(1);
    return v;
}

std::optional<int> toNonNegativeInt(QByteArrayView v) {
    if (v.isEmpty() || v.size() > 9)
        return std::nullopt;
    int n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

} // namespace

std::optional<RemainingReq> parseRemainingReq(QByteArrayView header) {
    RemainingReq result;
    qsizetype start = 0;
    while (start <= header.size()) {
        qsizetype end = start;
        while (end < header.size() && header[end] != ';' && header[end] != ',')
            ++end;
        const QByteArrayView part = trimmed(header.sliced(start, end - start));
        const qsizetype eq = part.indexOf('=');
        if (eq > 0) {
            const QByteArray key = trimmed(part.first(eq)).toByteArray().toLower();
            const QByteArrayView value = trimmed(part.sliced(eq + 1));
            if (key == "group")
                result.group = QString::fromLatin1(value.toByteArray());
            else if (key == "sec")
                result.perSecond = toNonNegativeInt(value).value_or(-1);
            else if (key == "min")
                result.perMinute = toNonNegativeInt(value).value_or(-1);
        }
        start = end + 1;
    }
    if (result.perSecond < 0)
        return std::nullopt;
    return result;
}

std::optional<qint64> parseRetryAfterMs(QByteArrayView header, qint64 nowMs) {
    const QByteArrayView v = trimmed(header);
    if (v.isEmpty())
        return std::nullopt;
    if (const auto seconds = toNonNegativeInt(v))
        return qint64(*seconds) * 1000;
    // HTTP dates end in "GMT", which Qt's RFC 2822 parser does not take: spell the zone as an offset.
    QString text = QString::fromLatin1(v.toByteArray());
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC")))
        text = text.left(text.size() - 4) + QLatin1String(" +0000");
    const QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::max<qint64>(0, at.toMSecsSinceEpoch() - nowMs);
}

// ---------------------------------------------------------------------------------------------------------

RateLimiter::RateLimiter(RateLimitConfig config, Scheduler& scheduler, Random& random, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_scheduler(scheduler)
    , m_random(random) {
    for (const RateLimitGroup& g : m_config.groups) {
        auto state = std::make_shared<PoolState>();
        state->config = g;
        m_pools.insert(g.name, state);
    }
}

RateLimiter::~RateLimiter() {
    for (Wake& w : m_wakes)
        w.call.cancel();
    m_blockEndWake.call.cancel();
}

RateLimiter::PoolState& RateLimiter::poolLocked(const QString& name) {
    auto it = m_pools.find(name);
    if (it == m_pools.end()) {
        auto state = std::make_shared<PoolState>();
        state->config = m_config.fallback;
        state->config.name = name;
        it = m_pools.insert(name, state);
    }
    return **it;
}

qint64 RateLimiter::readyAtLocked(PoolState& p, int weight, Lane lane, qint64 now) const {
    const RateLimitGroup& c = p.config;
    const int reserve = lane == Lane::Normal ? std::max(0, c.priorityReserve) : 0;
    qint64 at = std::max(now, p.pausedUntil);
    if (c.limit > 0) {
        while (!p.grants.empty() && p.grants.front().atMs <= now - c.windowMs) {
            p.granted -= p.grants.front().weight;
            p.grants.pop_front();
        }
        const int limit = std::max(1, c.limit - reserve);
        const int w = std::clamp(weight, 1, limit); // heavier than the whole pool: wait for an empty window
        if (p.granted + w > limit) {
            // The window must shed enough weight: the grant whose expiry frees it.
            int toFree = p.granted + w - limit;
            for (const Grant& g : p.grants) {
                toFree -= g.weight;
                if (toFree <= 0) {
                    at = std::max(at, g.atMs + c.windowMs);
                    break;
                }
            }
        }
    }
    if (now < p.serverRemainingUntil && p.serverRemaining - reserve < std::max(1, weight))
        at = std::max(at, p.serverRemainingUntil);
    return at;
}

void RateLimiter::post(const QPointer<QObject>& context, std::function<void()> fn, Dispatch& out) {
    out.push_back([context, fn = std::move(fn)] {
        if (context)
            QMetaObject::invokeMethod(context.data(), fn, Qt::QueuedConnection);
    });
}

void RateLimiter::run(Dispatch& out) {
    for (auto& f : out)
        f();
    out.clear();
}

void RateLimiter::pumpLocked(qint64 now, Dispatch& out, bool& blockEnded) {
    if (m_blockedUntil != 0 && now >= m_blockedUntil) {
        m_blockedUntil = 0;
        blockEnded = true;
    }
    if (m_blockedUntil != 0)
        return;
    // Priority requests first. Each pool serves its requests in arrival order: once a request waits for a
    // pool, later requests that spend from that pool wait too (a heavy request is never starved by light
    // ones), while requests on other pools go ahead.
    QSet<const PoolState*> held;
    for (const Lane lane : {Lane::Priority, Lane::Normal}) {
        std::deque<Waiter>& queue = m_queue[int(lane)];
        for (auto it = queue.begin(); it != queue.end();) {
            if (!it->context) { // its owner is gone: spend nothing on it
                it = queue.erase(it);
                continue;
            }
            if (!holdOrGrantLocked(*it, lane, now, held)) {
                ++it;
                continue;
            }
            post(it->context, std::move(it->go), out);
            it = queue.erase(it);
        }
    }
}

bool RateLimiter::holdOrGrantLocked(const Waiter& w, Lane lane, qint64 now, QSet<const PoolState*>& held) {
    // A pool an earlier request waits for serves no later one first; a pool that is itself short holds
    // this request and, from now on, everything behind it in that pool.
    bool blocked = false;
    for (const RateCost& cost : w.costs) {
        PoolState& p = poolLocked(cost.pool);
        if (held.contains(&p)) {
            blocked = true;
        } else if (readyAtLocked(p, cost.weight, lane, now) > now) {
            held.insert(&p);
            blocked = true;
        }
    }
    if (blocked)
        return false;
    for (const RateCost& cost : w.costs) {
        PoolState& p = poolLocked(cost.pool);
        const int weight = std::max(1, cost.weight);
        if (p.config.limit > 0) {
            p.grants.push_back({now, weight});
            p.granted += weight;
        }
        if (now < p.serverRemainingUntil)
            p.serverRemaining -= weight;
    }
    return true;
}

void RateLimiter::denyAllLocked(Dispatch& out) {
    const qint64 until = m_blockedUntil;
    for (auto& queue : m_queue) {
        for (auto it = queue.begin(); it != queue.end();) {
            if (it->denied) {
                post(
                    it->context, [denied = std::move(it->denied), until] { denied(until); }, out);
                it = queue.erase(it);
            } else {
                ++it;
            }
        }
    }
}

void RateLimiter::scheduleLocked(Wake& wake, QObject* context, qint64 at) {
    if (wake.call.isPending() && wake.atMs == at)
        return;
    wake.atMs = at;
    wake.call = m_scheduler.callAt(at, context, [this] { pump(); });
}

void RateLimiter::armWakeLocked(qint64 now) {
    // When the next waiting request may go, or the block ends.
    qint64 next = m_blockedUntil != 0 ? m_blockedUntil : -1;
    QList<QObject*> contexts;
    QSet<const PoolState*> held; // as in pumpLocked: only the first waiter of each pool decides
    for (const Lane lane : {Lane::Priority, Lane::Normal}) {
        for (const Waiter& w : m_queue[int(lane)]) {
            if (!w.context)
                continue;
            if (!contexts.contains(w.context.data()))
                contexts.append(w.context.data());
            if (m_blockedUntil != 0)
                continue;
            bool behind = false;
            qint64 at = now;
            for (const RateCost& cost : w.costs) {
                PoolState& p = poolLocked(cost.pool);
                if (held.contains(&p))
                    behind = true;
                at = std::max(at, readyAtLocked(p, cost.weight, lane, now));
            }
            for (const RateCost& cost : w.costs)
                held.insert(&poolLocked(cost.pool));
            if (behind)
                continue; // it moves once the waiter ahead of it went
            if (next < 0 || at < next)
                next = at;
        }
    }
    if (next >= 0 && next <= now)
        next = now + 1; // never spin: whatever is ready now was granted by the pump
    // The wake-ups run in the waiting requests' own threads (the connectors'), so a throttled order never
    // waits on another thread's event loop; every context gets one, as any of them may go away.
    std::vector<Wake> wakes;
    for (QObject* context : std::as_const(contexts)) {
        auto found = std::find_if(m_wakes.begin(), m_wakes.end(),
                                  [context](const Wake& w) { return w.context == context; });
        Wake wake;
        if (found != m_wakes.end())
            wake = std::move(*found);
        wake.context = context;
        if (next >= 0)
            scheduleLocked(wake, context, next);
        wakes.push_back(std::move(wake));
    }
    m_wakes = std::move(wakes); // wakes of contexts that no longer wait are cancelled here
    if (m_blockedUntil != 0)
        scheduleLocked(m_blockEndWake, this, m_blockedUntil); // only announces the end of the block
    else
        m_blockEndWake.call.cancel();
}

void RateLimiter::pump() {
    Dispatch out;
    bool blockEnded = false;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        pumpLocked(now, out, blockEnded);
        armWakeLocked(now);
    }
    run(out);
    if (blockEnded)
        emit blockedUntilChanged(0);
}

quint64 RateLimiter::acquire(const RateCosts& costs, Lane lane, QObject* context, std::function<void()> go,
                             std::function<void(qint64)> denied) {
    Q_ASSERT(context);
    Dispatch out;
    bool blockEnded = false;
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        ticket = m_nextTicket++;
        if (denied && m_blockedUntil > now && m_blockedUntil - now > m_config.denyWhenBlockedOverMs) {
            const qint64 until = m_blockedUntil;
            post(
                context, [denied = std::move(denied), until] { denied(until); }, out);
        } else {
            m_queue[int(lane)].push_back(Waiter{ticket, costs, context, std::move(go), std::move(denied)});
            pumpLocked(now, out, blockEnded);
            armWakeLocked(now);
        }
    }
    run(out);
    if (blockEnded)
        emit blockedUntilChanged(0);
    return ticket;
}

bool RateLimiter::cancel(quint64 ticket) {
    std::lock_guard lock(m_mutex);
    for (auto& queue : m_queue) {
        const auto it = std::find_if(queue.begin(), queue.end(),
                                     [ticket](const Waiter& w) { return w.ticket == ticket; });
        if (it != queue.end()) {
            queue.erase(it);
            armWakeLocked(m_scheduler.nowMs());
            return true;
        }
    }
    return false;
}

void RateLimiter::onResponse(const RateCosts& costs, int status, const QList<PoolUsage>& usage,
                             QByteArrayView retryAfter) {
    Dispatch out;
    bool blockEnded = false;
    qint64 newBlock = 0;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        for (const PoolUsage& u : usage) {
            // A count the venue names by a pool we do not know belongs to the request's own first pool.
            const QString name = !u.pool.isEmpty() && m_pools.contains(u.pool) ? u.pool
                                 : costs.isEmpty()                             ? u.pool
                                                                               : costs.first().pool;
            if (name.isEmpty())
                continue;
            PoolState& p = poolLocked(name);
            int remaining = u.remaining;
            if (remaining < 0 && u.used >= 0 && p.config.limit > 0)
                remaining = std::max(0, p.config.limit - u.used);
            if (remaining < 0)
                continue;
            // The venue counts fixed windows: its number holds until the current one ends. Answers to
            // concurrent requests arrive out of order: within one window the lowest count wins.
            const qint64 windowMs = std::max<qint64>(1000, p.config.windowMs);
            const qint64 windowEnd = (now / windowMs + 1) * windowMs;
            const bool sameWindow = now < p.serverRemainingUntil;
            p.serverRemaining = sameWindow ? std::min(p.serverRemaining, remaining) : remaining;
            p.serverRemainingUntil = windowEnd;
        }
        const std::optional<qint64> retryMs = parseRetryAfterMs(retryAfter, now);
        if (status == 429) {
            qint64 until = nextSecond(now) + m_random.upTo(m_config.jitterMs);
            if (retryMs)
                until = std::max(until, now + *retryMs);
            for (const RateCost& cost : costs) {
                PoolState& p = poolLocked(cost.pool);
                p.pausedUntil = std::max(p.pausedUntil, until);
                p.serverRemaining = 0;
                p.serverRemainingUntil = std::max(p.serverRemainingUntil, nextSecond(now));
            }
        } else if (status == 418) {
            const qint64 until = now + (retryMs ? *retryMs : m_config.defaultBlockMs);
            if (until > m_blockedUntil) {
                m_blockedUntil = until;
                newBlock = until;
                if (until - now > m_config.denyWhenBlockedOverMs)
                    denyAllLocked(out);
            }
        }
        pumpLocked(now, out, blockEnded);
        armWakeLocked(now);
    }
    run(out);
    if (newBlock)
        emit blockedUntilChanged(newBlock);
    if (blockEnded)
        emit blockedUntilChanged(0);
}

void RateLimiter::blockUntil(qint64 untilMs) {
    Dispatch out;
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        if (untilMs > now && untilMs > m_blockedUntil) {
            m_blockedUntil = untilMs;
            changed = true;
            if (untilMs - now > m_config.denyWhenBlockedOverMs)
                denyAllLocked(out);
            armWakeLocked(now);
        }
    }
    run(out);
    if (changed)
        emit blockedUntilChanged(untilMs);
}

void RateLimiter::setGroupLimits(const QList<RateLimitGroup>& groups) {
    {
        std::lock_guard lock(m_mutex);
        for (const RateLimitGroup& g : groups) {
            if (g.name.isEmpty())
                continue;
            auto it = m_pools.find(g.name);
            if (it == m_pools.end())
                it = m_pools.insert(g.name, std::make_shared<PoolState>());
            it.value()->config = g;
        }
    }
    pump(); // a larger limit may let waiting requests go now
}

std::optional<RateLimitGroup> RateLimiter::group(const QString& pool) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_pools.find(pool);
    if (it == m_pools.end())
        return std::nullopt;
    return it.value()->config;
}

qint64 RateLimiter::blockedUntilMs() const {
    std::lock_guard lock(m_mutex);
    return m_blockedUntil > m_scheduler.nowMs() ? m_blockedUntil : 0;
}

int RateLimiter::queuedCount(const QString& pool) const {
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (const auto& queue : m_queue)
        for (const Waiter& w : queue)
            if (pool.isEmpty() || std::any_of(w.costs.begin(), w.costs.end(),
                                              [&](const RateCost& c) { return c.pool == pool; }))
                ++n;
    return n;
}

int RateLimiter::usedInWindow(const QString& pool) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_pools.find(pool);
    if (it == m_pools.end())
        return 0;
    const qint64 from = m_scheduler.nowMs() - it.value()->config.windowMs;
    int used = 0;
    for (const Grant& g : it.value()->grants)
        if (g.atMs > from)
            used += g.weight;
    return used;
}

// ---------------------------------------------------------------------------------------------------------

std::shared_ptr<RateLimiter> RateLimiterRegistry::limiter(const RateLimitConfig& config, Scheduler& scheduler,
                                                          Random& random) {
    std::lock_guard lock(m_mutex);
    if (auto existing = m_limiters.value(config.venue).lock())
        return existing;
    auto* raw = new RateLimiter(config, scheduler, random);
    // Connector threads come and go; the main thread outlives them all.
    if (QCoreApplication* app = QCoreApplication::instance(); app && app->thread() != raw->thread())
        raw->moveToThread(app->thread());
    std::shared_ptr<RateLimiter> created(raw, [](RateLimiter* r) {
        if (r->thread() == QThread::currentThread() || !QCoreApplication::instance())
            delete r;
        else
            r->deleteLater();
    });
    m_limiters.insert(config.venue, created);
    return created;
}

std::shared_ptr<RateLimiter> RateLimiterRegistry::find(const QString& venue) const {
    std::lock_guard lock(m_mutex);
    return m_limiters.value(venue).lock();
}

RateLimiterRegistry& RateLimiterRegistry::instance() {
    static RateLimiterRegistry registry;
    return registry;
}

} // namespace hoga::net
