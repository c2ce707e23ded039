#pragma once

#include "core/decimal.h"

#include <QtGlobal>

#include <deque>
#include <optional>

namespace hoga {

// The prices of one market over a sliding time window, kept as time buckets of (lowest, highest) so a
// long window on a busy market stays small: prices closer than `bucketMs` to a bucket's start share it.
class PriceWindow {
public:
    struct Range {
        Decimal low;
        Decimal high;
    };

    void add(qint64 atMs, const Decimal& price, qint64 bucketMs);
    // Forgets buckets whose newest price is older than `ms`.
    void dropBefore(qint64 ms);
    // Lowest and highest price of the buckets with a price at or after `sinceMs`; nullopt if none.
    std::optional<Range> range(qint64 sinceMs) const;
    int bucketCount() const { return int(m_buckets.size()); }

    static constexpr int kMaxBuckets = 4096;

private:
    struct Bucket {
        qint64 startMs = 0;
        qint64 lastMs = 0;
        Decimal low;
        Decimal high;
    };
    std::deque<Bucket> m_buckets; // oldest first
};

} // namespace hoga
