#include "moving_average.h"

#include <algorithm>

namespace hoga {

namespace {
constexpr int kAverageScale = 8;
}

QVector<std::optional<Decimal>> movingAverage(const QVector<Candle>& candles, int period) {
    QVector<std::optional<Decimal>> averages;
    updateMovingAverage(averages, candles, period, 0);
    return averages;
}

void updateMovingAverage(QVector<std::optional<Decimal>>& averages, const QVector<Candle>& candles,
                         int period, int fromIndex) {
    const int n = int(candles.size());
    averages.resize(n);
    if (period <= 0)
        return;
    const int start = std::clamp(fromIndex, 0, n);
    const int firstFull = std::max(start, period - 1);
    for (int i = start; i < std::min(firstFull, n); ++i)
        averages[i].reset();
    if (firstFull >= n)
        return;

    const Decimal divisor(period);
    Decimal sum;
    for (int j = firstFull - period + 1; j <= firstFull; ++j)
        sum += candles[j].close;
    averages[firstFull] = sum.divide(divisor, kAverageScale, Rounding::HalfEven);
    for (int i = firstFull + 1; i < n; ++i) {
        // Sliding the exact sum keeps each step O(1) without accumulating any rounding.
        sum += candles[i].close;
        sum -= candles[i - period].close;
        averages[i] = sum.divide(divisor, kAverageScale, Rounding::HalfEven);
    }
}

} // namespace hoga
