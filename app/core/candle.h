#pragma once

#include "decimal.h"
#include "trade.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace hoga {

enum class CandleInterval { S1, M1, M3, M5, M10, M15, M30, H1, H4, D1, W1, MN1 };

// "1s", "1m", "3m", "5m", "10m", "15m", "30m", "60m", "240m", "1d", "1w", "1M"
QString intervalName(CandleInterval interval);
std::optional<CandleInterval> intervalFromName(const QString& name);
// Nominal length in ms (a month counts as 30 days; use bucketStart/nextBucketStart for exact bounds).
qint64 intervalMs(CandleInterval interval);
// Start of the UTC bucket containing `timeMs`. Weeks start on Monday 00:00 UTC, months on the 1st.
qint64 bucketStart(CandleInterval interval, qint64 timeMs);
qint64 nextBucketStart(CandleInterval interval, qint64 bucketStartMs);

struct Candle {
    qint64 openTimeMs = 0; // UTC bucket start
    Decimal open;
    Decimal high;
    Decimal low;
    Decimal close;
    Decimal volume;      // base currency
    Decimal quoteVolume; // quote currency (sum of price*qty)
};

// Builds candles of one interval from a trade stream. Trades must arrive in time order per market; a late
// trade that belongs to the current or an earlier kept bucket is folded into that bucket.
class CandleAggregator {
public:
    explicit CandleAggregator(CandleInterval interval, int maxCandles = 2000);

    CandleInterval interval() const { return m_interval; }
    // Replace history (oldest first), e.g. from a REST fetch.
    void setHistory(const QVector<Candle>& candles);
    // Fold a trade in; returns true if a new bucket was started.
    bool addTrade(const Trade& trade);
    const QVector<Candle>& candles() const { return m_candles; }
    std::optional<Candle> last() const;

private:
    CandleInterval m_interval;
    int m_maxCandles;
    QVector<Candle> m_candles;
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Candle)
