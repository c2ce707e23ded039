#include "fake_rate_limits.h"

#include <algorithm>

namespace hoga::test::fake {

RateLimits::Decision RateLimits::hit(const QByteArray& key, const RateGroup& group, qint64 nowMs) {
    Decision d;
    const QByteArray windowKey = key + '|' + group.name;
    const QByteArray blockKey = m_style == Style::Upbit ? key : windowKey;

    if (const qint64 until = m_blockedUntil.value(blockKey, 0); until > nowMs) {
        d.outcome = m_style == Style::Upbit ? Outcome::Blocked : Outcome::Limited;
        d.retryAfterMs = until - nowMs;
        return d;
    }

    Window& w = m_windows[windowKey];
    const qint64 start = nowMs - nowMs % group.windowMs;
    if (w.start != start) {
        w.start = start;
        w.count = 0;
    }
    if (w.count < group.limit) {
        ++w.count;
        d.remaining = group.limit - w.count;
        return d;
    }

    const qint64 windowLeft = start + group.windowMs - nowMs;
    if (m_style == Style::Bithumb) {
        m_blockedUntil[blockKey] = nowMs + m_blockMs;
        d.outcome = Outcome::Limited;
        d.retryAfterMs = m_blockMs;
        return d;
    }

    QVector<qint64>& rejections = m_rejections[key];
    rejections.erase(std::remove_if(rejections.begin(), rejections.end(),
                                    [&](qint64 t) { return t <= nowMs - kRejectionMemoryMs; }),
                     rejections.end());
    if (rejections.size() >= kTolerated429s) {
        const int repeat = std::min(m_blockCount.value(key, 0), 10);
        const qint64 duration = m_blockMs << repeat;
        m_blockCount[key] = repeat + 1;
        m_blockedUntil[blockKey] = nowMs + duration;
        rejections.clear();
        d.outcome = Outcome::Blocked;
        d.retryAfterMs = duration;
        return d;
    }
    rejections.append(nowMs);
    d.outcome = Outcome::Limited;
    d.retryAfterMs = windowLeft;
    return d;
}

} // namespace hoga::test::fake
