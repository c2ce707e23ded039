#include "rate_limiter.h"

#include <QCoreApplication>
#include <QDateTime>
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
        auto state = std::make_shared<GroupState>();
        state->config = g;
        m_groups.insert(g.name, state);
    }
}

RateLimiter::~RateLimiter() {
    m_wake.cancel();
}

RateLimiter::GroupState& RateLimiter::groupLocked(const QString& name) {
    auto it = m_groups.find(name);
    if (it == m_groups.end()) {
        auto state = std::make_shared<GroupState>();
        state->config = m_config.fallback;
        state->config.name = name;
        it = m_groups.insert(name, state);
    }
    return **it;
}

qint64 RateLimiter::readyAtLocked(GroupState& g, Lane lane, qint64 now) const {
    const RateLimitGroup& c = g.config;
    const int reserve = lane == Lane::Normal ? std::max(0, c.priorityReserve) : 0;
    qint64 at = std::max(now, g.pausedUntil);
    if (c.limit > 0) {
        while (!g.grants.empty() && g.grants.front() <= now - c.windowMs)
            g.grants.pop_front();
        const int limit = std::max(1, c.limit - reserve);
        if (int(g.grants.size()) >= limit)
            at = std::max(at, g.grants[g.grants.size() - size_t(limit)] + c.windowMs);
    }
    if (now < g.serverRemainingUntil && g.serverRemaining - reserve <= 0)
        at = std::max(at, g.serverRemainingUntil);
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
    for (const auto& state : std::as_const(m_groups)) {
        GroupState& g = *state;
        for (;;) {
            std::deque<Waiter>* queue = nullptr;
            Lane lane = Lane::Priority;
            if (!g.queue[int(Lane::Priority)].empty()) {
                queue = &g.queue[int(Lane::Priority)];
            } else if (!g.queue[int(Lane::Normal)].empty()) {
                queue = &g.queue[int(Lane::Normal)];
                lane = Lane::Normal;
            } else {
                break;
            }
            if (!queue->front().context) { // its owner is gone: spend no token on it
                queue->pop_front();
                continue;
            }
            // The priority lane may use at least what the normal lane may, so if the priority head must
            // wait, everything in this group waits.
            if (readyAtLocked(g, lane, now) > now)
                break;
            if (g.config.limit > 0)
                g.grants.push_back(now);
            if (now < g.serverRemainingUntil)
                --g.serverRemaining;
            Waiter w = std::move(queue->front());
            queue->pop_front();
            post(w.context, std::move(w.go), out);
        }
    }
}

void RateLimiter::denyAllLocked(Dispatch& out) {
    const qint64 until = m_blockedUntil;
    for (const auto& state : std::as_const(m_groups)) {
        for (auto& queue : state->queue) {
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
}

void RateLimiter::armWakeLocked(qint64 now) {
    // The wake-up runs in the limiter's own thread (the main thread for registry limiters), whatever thread
    // the waiters live in: a waiter's context may disappear, the limiter's thread does not.
    qint64 next =
        m_blockedUntil != 0 ? m_blockedUntil : -1; // a block's end is announced even if nobody waits
    if (m_blockedUntil == 0) {
        for (const auto& state : std::as_const(m_groups)) {
            GroupState& g = *state;
            const Lane lane = g.queue[int(Lane::Priority)].empty() ? Lane::Normal : Lane::Priority;
            if (g.queue[int(lane)].empty())
                continue;
            const qint64 at = std::max(readyAtLocked(g, lane, now), now);
            if (next < 0 || at < next)
                next = at;
        }
    }
    if (next < 0) {
        m_wake.cancel();
        m_wakeAt = -1;
        return;
    }
    if (m_wake.isPending() && m_wakeAt == next)
        return;
    m_wakeAt = next;
    m_wake = m_scheduler.callAt(next, this, [this] { pump(); });
}

void RateLimiter::pump() {
    Dispatch out;
    bool blockEnded = false;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        m_wakeAt = -1;
        pumpLocked(now, out, blockEnded);
        armWakeLocked(now);
    }
    run(out);
    if (blockEnded)
        emit blockedUntilChanged(0);
}

quint64 RateLimiter::acquire(const QString& group, Lane lane, QObject* context, std::function<void()> go,
                             std::function<void(qint64)> denied) {
    Q_ASSERT(context);
    Dispatch out;
    bool blockEnded = false;
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        ticket = m_nextTicket++;
        GroupState& g = groupLocked(group);
        if (denied && m_blockedUntil > now && m_blockedUntil - now > m_config.denyWhenBlockedOverMs) {
            const qint64 until = m_blockedUntil;
            post(
                context, [denied = std::move(denied), until] { denied(until); }, out);
        } else {
            g.queue[int(lane)].push_back(Waiter{ticket, context, std::move(go), std::move(denied)});
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
    for (const auto& state : std::as_const(m_groups)) {
        for (auto& queue : state->queue) {
            const auto it = std::find_if(queue.begin(), queue.end(),
                                         [ticket](const Waiter& w) { return w.ticket == ticket; });
            if (it != queue.end()) {
                queue.erase(it);
                armWakeLocked(m_scheduler.nowMs());
                return true;
            }
        }
    }
    return false;
}

void RateLimiter::onResponse(const QString& group, int status, QByteArrayView remainingReq,
                             QByteArrayView retryAfter) {
    Dispatch out;
    bool blockEnded = false;
    qint64 newBlock = 0;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_scheduler.nowMs();
        GroupState* g = &groupLocked(group);
        if (const auto rr = parseRemainingReq(remainingReq)) {
            // The header names the bucket it counts; trust it when that bucket is one we know.
            if (!rr->group.isEmpty() && rr->group != group && m_groups.contains(rr->group))
                g = &groupLocked(rr->group);
            // Answers to concurrent requests arrive out of order: within one second the lowest count wins.
            const bool sameSecond = now < g->serverRemainingUntil;
            g->serverRemaining = sameSecond ? std::min(g->serverRemaining, rr->perSecond) : rr->perSecond;
            g->serverRemainingUntil = nextSecond(now);
        }
        const std::optional<qint64> retryMs = parseRetryAfterMs(retryAfter, now);
        if (status == 429) {
            qint64 until = nextSecond(now) + m_random.upTo(m_config.jitterMs);
            if (retryMs)
                until = std::max(until, now + *retryMs);
            g->pausedUntil = std::max(g->pausedUntil, until);
            g->serverRemaining = 0;
            g->serverRemainingUntil = std::max(g->serverRemainingUntil, nextSecond(now));
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

qint64 RateLimiter::blockedUntilMs() const {
    std::lock_guard lock(m_mutex);
    return m_blockedUntil > m_scheduler.nowMs() ? m_blockedUntil : 0;
}

int RateLimiter::queuedCount(const QString& group) const {
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (auto it = m_groups.begin(); it != m_groups.end(); ++it) {
        if (group.isEmpty() || it.key() == group)
            n += int(it.value()->queue[0].size() + it.value()->queue[1].size());
    }
    return n;
}

int RateLimiter::usedInWindow(const QString& group) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_groups.find(group);
    if (it == m_groups.end())
        return 0;
    const qint64 from = m_scheduler.nowMs() - it.value()->config.windowMs;
    const auto& grants = it.value()->grants;
    return int(std::count_if(grants.begin(), grants.end(), [from](qint64 t) { return t > from; }));
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
