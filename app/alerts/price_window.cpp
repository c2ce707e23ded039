#include "price_window.h"

namespace hoga {

void PriceWindow::add(qint64 atMs, const Decimal& price, qint64 bucketMs) {
    if (!m_buckets.empty()) {
        Bucket& last = m_buckets.back();
        if (atMs >= last.startMs && atMs - last.startMs < bucketMs) {
            last.lastMs = std::max(last.lastMs, atMs);
            last.low = Decimal::min(last.low, price);
            last.high = Decimal::max(last.high, price);
            return;
        }
    }
    m_buckets.push_back(Bucket{atMs, atMs, price, price});
    while (int(m_buckets.size()) > kMaxBuckets)
        m_buckets.pop_front();
}

void PriceWindow::dropBefore(qint64 ms) {
    while (!m_buckets.empty() && m_buckets.front().lastMs < ms)
        m_buckets.pop_front();
}

std::optional<PriceWindow::Range> PriceWindow::range(qint64 sinceMs) const {
    std::optional<Range> result;
    for (auto it = m_buckets.rbegin(); it != m_buckets.rend() && it->lastMs >= sinceMs; ++it) {
        if (!result)
            result = Range{it->low, it->high};
        result->low = Decimal::min(result->low, it->low);
        result->high = Decimal::max(result->high, it->high);
    }
    return result;
}

} // namespace hoga
