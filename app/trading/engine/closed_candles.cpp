#include "closed_candles.h"

#include <algorithm>

namespace hoga {

std::optional<Candle> ClosedCandles::fold(qint64 timeMs, const Decimal& open, const Decimal& high,
                                          const Decimal& low, const Decimal& close, const Decimal& volume,
                                          const Decimal& quoteVolume) {
    const qint64 bucket = bucketStart(m_interval, timeMs);
    std::optional<Candle> closed;
    if (bucket <= m_closedBucket || (m_open && bucket < m_open->openTimeMs))
        return std::nullopt; // late data of a bucket already handed out
    if (m_open && bucket > m_open->openTimeMs)
        closed = take();
    if (!m_open) {
        m_open = Candle{bucket, open, high, low, close, volume, quoteVolume};
        return closed;
    }
    m_open->high = std::max(m_open->high, high);
    m_open->low = std::min(m_open->low, low);
    m_open->close = close;
    m_open->volume += volume;
    m_open->quoteVolume += quoteVolume;
    return closed;
}

std::optional<Candle> ClosedCandles::addTrade(const Trade& trade) {
    return fold(trade.timestampMs, trade.price, trade.price, trade.price, trade.price, trade.qty,
                trade.price * trade.qty);
}

QVector<Candle> ClosedCandles::addCandle(const Candle& c, CandleInterval of) {
    QVector<Candle> out;
    if (auto earlier = fold(c.openTimeMs, c.open, c.high, c.low, c.close, c.volume, c.quoteVolume))
        out.append(*earlier);
    if (m_open && nextBucketStart(of, c.openTimeMs) >= nextBucketStart(m_interval, m_open->openTimeMs)) {
        out.append(*take());
    }
    return out;
}

std::optional<Candle> ClosedCandles::closeDue(qint64 nowMs) {
    if (!m_open || nowMs < nextBucketStart(m_interval, m_open->openTimeMs))
        return std::nullopt;
    return take();
}

std::optional<Candle> ClosedCandles::take() {
    std::optional<Candle> closed = m_open;
    m_open.reset();
    if (closed)
        m_closedBucket = closed->openTimeMs;
    return closed;
}

} // namespace hoga
