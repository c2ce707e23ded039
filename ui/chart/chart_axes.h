#pragma once

#include "core/candle.h"

#include <QString>
#include <QVector>

namespace hoga {

// Round-number grid values for the price axis: a step of 1, 2 or 5 times a power of ten, never finer than
// 10^-maxDecimals (a market's price precision), so every label is an exact price.
struct PriceTicks {
    Decimal step;
    QVector<Decimal> values; // ascending, all within [low, high]
};
PriceTicks priceTicks(double low, double high, int targetCount, int maxDecimals);

// A label on the time axis, at the candle where local time crosses a round boundary.
struct TimeTick {
    int index = 0;
    QString text;
};

// Labels for candles [first, last] (indices into `candles`): a boundary every 5 minutes, 1 hour, 1 day,
// 1 month... in local time, the smallest such step that keeps labels at least `minSpacingPx` apart.
// Intraday labels read HH:mm (MM-dd where a day starts); daily and longer read MM-dd (yyyy-MM for month
// steps, yyyy where a year starts).
QVector<TimeTick> timeTicks(const QVector<Candle>& candles, int first, int last, CandleInterval interval,
                            double candleSpacingPx, double minSpacingPx);

// Whether candles of this interval are shorter than a day (their labels need a clock time).
bool isIntraday(CandleInterval interval);

} // namespace hoga
