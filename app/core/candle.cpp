#include "candle.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace hoga {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;
// 1970-01-01 was a Thursday; the first Monday 00:00 UTC after the epoch is 4 days later.
constexpr qint64 kFirstMondayMs = 4 * kDay;

struct IntervalInfo {
    CandleInterval interval;
    const char* name;
    qint64 ms;
};

constexpr IntervalInfo kIntervals[] = {
    {CandleInterval::S1, "1s", kSecond},        {CandleInterval::M1, "1m", kMinute},
    {CandleInterval::M3, "3m", 3 * kMinute},    {CandleInterval::M5, "5m", 5 * kMinute},
    {CandleInterval::M10, "10m", 10 * kMinute}, {CandleInterval::M15, "15m", 15 * kMinute},
    {CandleInterval::M30, "30m", 30 * kMinute}, {CandleInterval::H1, "60m", kHour},
    {CandleInterval::H4, "240m", 4 * kHour},    {CandleInterval::D1, "1d", kDay},
    {CandleInterval::W1, "1w", kWeek},          {CandleInterval::MN1, "1M", 30 * kDay},
};

const IntervalInfo& infoFor(CandleInterval interval) {
    for (const auto& info : kIntervals) {
        if (info.interval == interval)
            return info;
    }
    return kIntervals[1];
}

// Floor division that also rounds times before the epoch down.
qint64 floorTo(qint64 value, qint64 unit, qint64 origin = 0) {
    qint64 offset = value - origin;
    qint64 q = offset / unit;
    if (offset % unit < 0)
        --q;
    return origin + q * unit;
}

QDateTime utcFromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

void foldTrade(Candle& candle, const Trade& trade, bool updateClose) {
    candle.high = Decimal::max(candle.high, trade.price);
    candle.low = Decimal::min(candle.low, trade.price);
    if (updateClose)
        candle.close = trade.price;
    candle.volume += trade.qty;
    candle.quoteVolume += trade.price * trade.qty;
}

} // namespace

QString intervalName(CandleInterval interval) {
    return QString::fromLatin1(infoFor(interval).name);
}

std::optional<CandleInterval> intervalFromName(const QString& name) {
    for (const auto& info : kIntervals) {
        if (name == QLatin1String(info.name))
            return info.interval;
    }
    return std::nullopt;
}

qint64 intervalMs(CandleInterval interval) {
    return infoFor(interval).ms;
}

qint64 bucketStart(CandleInterval interval, qint64 timeMs) {
    switch (interval) {
    case CandleInterval::W1:
        return floorTo(timeMs, kWeek, kFirstMondayMs);
    case CandleInterval::MN1: {
        const QDate date = utcFromMs(timeMs).date();
        return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), QTimeZone::utc())
            .toMSecsSinceEpoch();
    }
    default:
        return floorTo(timeMs, intervalMs(interval));
    }
}

qint64 nextBucketStart(CandleInterval interval, qint64 bucketStartMs) {
    if (interval == CandleInterval::MN1)
        return utcFromMs(bucketStart(interval, bucketStartMs)).addMonths(1).toMSecsSinceEpoch();
    return bucketStart(interval, bucketStartMs) + intervalMs(interval);
}

CandleAggregator::CandleAggregator(CandleInterval interval, int maxCandles)
    : m_interval(interval)
    , m_maxCandles(std::max(1, maxCandles)) {}

void CandleAggregator::setHistory(const QVector<Candle>& candles) {
    m_candles = candles;
    if (m_candles.size() > m_maxCandles)
        m_candles.remove(0, m_candles.size() - m_maxCandles);
}

bool CandleAggregator::addTrade(const Trade& trade) {
    const qint64 start = bucketStart(m_interval, trade.timestampMs);
    if (m_candles.isEmpty() || start > m_candles.last().openTimeMs) {
        // Intervals without trades are skipped: no empty candles are invented.
        m_candles.append(Candle{start, trade.price, trade.price, trade.price, trade.price, trade.qty,
                                trade.price * trade.qty});
        if (m_candles.size() > m_maxCandles)
            m_candles.removeFirst();
        return true;
    }
    if (start == m_candles.last().openTimeMs) {
        foldTrade(m_candles.last(), trade, true);
        return false;
    }
    // A late trade for an older bucket: fold it in if that bucket is still kept. Its open and close stay,
    // since trades that arrived in order already set them.
    if (start < m_candles.first().openTimeMs)
        return false;
    const auto it = std::lower_bound(m_candles.begin(), m_candles.end(), start,
                                     [](const Candle& c, qint64 t) { return c.openTimeMs < t; });
    if (it != m_candles.end() && it->openTimeMs == start) {
        foldTrade(*it, trade, false);
    } else {
        m_candles.insert(it, Candle{start, trade.price, trade.price, trade.price, trade.price, trade.qty,
                                    trade.price * trade.qty});
        if (m_candles.size() > m_maxCandles)
            m_candles.removeFirst();
    }
    return false;
}

std::optional<Candle> CandleAggregator::last() const {
    if (m_candles.isEmpty())
        return std::nullopt;
    return m_candles.last();
}

} // namespace hoga
