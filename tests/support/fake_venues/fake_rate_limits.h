#pragma once

#include <QByteArray>
#include <QHash>
#include <QVector>

namespace hoga::test::fake {

// One rate-limit group of a venue: at most `limit` requests per fixed window of `windowMs` (aligned on the
// clock, so "sec" in Upbit's Remaining-Req is what is left in the current second).
struct RateGroup {
    QByteArray name;
    int limit = 0;
    qint64 windowMs = 1000;
};

// Counts requests per key (an IP or an account) and group, and decides what the venue answers.
//
// Upbit style: over the limit gives 429; a key that keeps going (more than kTolerated429s rejections within
// 2 s) is blocked for the block duration, doubling with each repeat block, and gets 418 for every request
// until then. Bithumb style: over the limit blocks that key's category for the block duration (429).
class RateLimits {
public:
    static constexpr int kTolerated429s = 5;
    static constexpr qint64 kRejectionMemoryMs = 2000;

    enum class Style { Upbit, Bithumb };
    enum class Outcome { Allowed, Limited, Blocked };
    struct Decision {
        Outcome outcome = Outcome::Allowed;
        int remaining = 0;       // requests left in the current window after this one
        qint64 retryAfterMs = 0; // for Limited / Blocked
    };

    explicit RateLimits(Style style)
        : m_style(style) {}
    void setBlockDurationMs(qint64 ms) { m_blockMs = ms; }
    qint64 blockDurationMs() const { return m_blockMs; }

    Decision hit(const QByteArray& key, const RateGroup& group, qint64 nowMs);
    // Whether `key` is currently blocked (Upbit 418), and until when.
    qint64 blockedUntil(const QByteArray& key) const { return m_blockedUntil.value(key, 0); }

private:
    struct Window {
        qint64 start = 0;
        int count = 0;
    };

    Style m_style;
    qint64 m_blockMs = 10'000;
    QHash<QByteArray, Window> m_windows; // key + '|' + group
    QHash<QByteArray, QVector<qint64>> m_rejections;
    QHash<QByteArray, qint64> m_blockedUntil;
    QHash<QByteArray, int> m_blockCount;
};

} // namespace hoga::test::fake
