#pragma once

#include "core/candle.h"

#include <QVector>

#include <optional>

namespace hoga {

// Simple moving averages of the close, exact: the window's sum divided by the period at scale 8
// (half-even). Entry i is empty while fewer than `period` candles end at i.
QVector<std::optional<Decimal>> movingAverage(const QVector<Candle>& candles, int period);

// Recomputes entries from `fromIndex` on and keeps the earlier ones, so a live update of the last candle
// costs one window instead of the whole series. Resizes `averages` to candles.size().
void updateMovingAverage(QVector<std::optional<Decimal>>& averages, const QVector<Candle>& candles,
                         int period, int fromIndex);

} // namespace hoga
