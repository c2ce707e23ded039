#pragma once

#include "core/candle.h"
#include "core/trade.h"

#include <QVector>

#include <optional>

namespace hoga {

// Closed candles of one interval from trades or from shorter candles: a bucket closes when something of a
// later bucket arrives (or the clock passes its end, see closeDue), never while it can still change.
class ClosedCandles {
public:
    explicit ClosedCandles(CandleInterval interval)
        : m_interval(interval) {}

    std::optional<Candle> addTrade(const Trade& trade);
    // A closed candle of interval `of`, this interval or a shorter one that divides it (1s candles into 1m).
    // Returns the candles this closes, oldest first (the last part of a bucket closes it at once).
    QVector<Candle> addCandle(const Candle& candle, CandleInterval of);
    // The open bucket if the engine clock is past its end.
    std::optional<Candle> closeDue(qint64 nowMs);

private:
    std::optional<Candle> fold(qint64 timeMs, const Decimal& open, const Decimal& high, const Decimal& low,
                               const Decimal& close, const Decimal& volume, const Decimal& quoteVolume);

    CandleInterval m_interval;
    std::optional<Candle> m_open;
    qint64 m_closedBucket = -1; // the newest bucket handed out: later data of it is ignored
    std::optional<Candle> take();
};

} // namespace hoga
