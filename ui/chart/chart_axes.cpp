#include "chart_axes.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace hoga {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;

Decimal powerOfTen(int exponent) {
    if (exponent < 0)
        return Decimal::fromMantissa(1, -exponent);
    Decimal value(1);
    for (int i = 0; i < exponent; ++i)
        value *= Decimal(10);
    return value;
}

// A label step: a whole number of minutes, days or months.
struct TimeStep {
    enum Unit { Minutes, Days, Months } unit;
    int count;

    qint64 nominalMs() const {
        switch (unit) {
        case Minutes:
            return count * kMinuteMs;
        case Days:
            return count * kDayMs;
        case Months:
            return count * 30 * kDayMs;
        }
        return 0;
    }
};

constexpr TimeStep kTimeSteps[] = {
    {TimeStep::Minutes, 1},   {TimeStep::Minutes, 2},   {TimeStep::Minutes, 5},   {TimeStep::Minutes, 10},
    {TimeStep::Minutes, 15},  {TimeStep::Minutes, 30},  {TimeStep::Minutes, 60},  {TimeStep::Minutes, 120},
    {TimeStep::Minutes, 180}, {TimeStep::Minutes, 240}, {TimeStep::Minutes, 360}, {TimeStep::Minutes, 720},
    {TimeStep::Days, 1},      {TimeStep::Days, 2},      {TimeStep::Days, 7},      {TimeStep::Days, 14},
    {TimeStep::Months, 1},    {TimeStep::Months, 2},    {TimeStep::Months, 3},    {TimeStep::Months, 6},
    {TimeStep::Months, 12},   {TimeStep::Months, 24},   {TimeStep::Months, 60},
};

qint64 floorDiv(qint64 a, qint64 b) {
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Which step-sized slot of local time a moment falls in; a label goes where the slot changes.
qint64 slotOf(const TimeStep& step, const QDateTime& local, qint64 localMs) {
    switch (step.unit) {
    case TimeStep::Minutes:
        return floorDiv(localMs, step.count * kMinuteMs);
    case TimeStep::Days:
        // Epoch day 0 was a Thursday: shifting by 3 days makes 7- and 14-day slots start on Mondays.
        return floorDiv(floorDiv(localMs, kDayMs) + (step.count >= 7 ? 3 : 0), step.count);
    case TimeStep::Months: {
        const QDate date = local.date();
        return floorDiv(qint64(date.year()) * 12 + date.month() - 1, step.count);
    }
    }
    return 0;
}

} // namespace

bool isIntraday(CandleInterval interval) {
    return intervalMs(interval) < kDayMs;
}

PriceTicks priceTicks(double low, double high, int targetCount, int maxDecimals) {
    PriceTicks ticks;
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high) || targetCount <= 0)
        return ticks;
    const double raw = (high - low) / targetCount;
    int exponent = int(std::floor(std::log10(raw)));
    const double fraction = raw / std::pow(10.0, exponent);
    int multiple = fraction <= 1.0 ? 1 : fraction <= 2.0 ? 2 : fraction <= 5.0 ? 5 : 10;
    if (multiple == 10) {
        multiple = 1;
        ++exponent;
    }
    const int finest = -std::clamp(maxDecimals, 0, Decimal::kMaxScale);
    if (exponent < finest) {
        exponent = finest;
        multiple = 1;
    }
    exponent = std::min(exponent, 30);
    ticks.step = Decimal(multiple) * powerOfTen(exponent);

    const double stepValue = multiple * std::pow(10.0, exponent);
    const double firstMultiple = std::ceil(low / stepValue);
    const double lastMultiple = std::floor(high / stepValue);
    if (lastMultiple - firstMultiple > 500 || std::abs(firstMultiple) > 9e17 || std::abs(lastMultiple) > 9e17)
        return ticks; // a degenerate range: no grid rather than thousands of lines
    for (qint64 k = qint64(firstMultiple); k <= qint64(lastMultiple); ++k)
        ticks.values.append(ticks.step * Decimal(static_cast<long long>(k)));
    return ticks;
}

QVector<TimeTick> timeTicks(const QVector<Candle>& candles, int first, int last, CandleInterval interval,
                            double candleSpacingPx, double minSpacingPx) {
    QVector<TimeTick> ticks;
    first = std::max(first, 0);
    last = std::min(last, int(candles.size()) - 1);
    if (first > last || candleSpacingPx <= 0)
        return ticks;

    const qint64 candleMs = intervalMs(interval);
    const double minMs = minSpacingPx / candleSpacingPx * double(candleMs);
    const TimeStep* step = &kTimeSteps[std::size(kTimeSteps) - 1];
    for (const TimeStep& candidate : kTimeSteps) {
        if (candidate.nominalMs() >= candleMs && double(candidate.nominalMs()) >= minMs) {
            step = &candidate;
            break;
        }
    }
    const int minIndexGap = std::max(1, int(std::ceil(minSpacingPx / candleSpacingPx)));

    auto localOf = [](qint64 utcMs) {
        return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime);
    };
    // Start one candle early so the first visible boundary is found; it is only labelled if visible.
    int from = std::max(first - 1, 0);
    QDateTime previousLocal = localOf(candles[from].openTimeMs);
    qint64 previousSlot =
        slotOf(*step, previousLocal, candles[from].openTimeMs + previousLocal.offsetFromUtc() * 1000LL);
    int lastLabelled = -minIndexGap;
    for (int i = from + 1; i <= last; ++i) {
        const QDateTime local = localOf(candles[i].openTimeMs);
        const qint64 localMs = candles[i].openTimeMs + local.offsetFromUtc() * 1000LL;
        const qint64 slot = slotOf(*step, local, localMs);
        if (slot != previousSlot && i >= first && i - lastLabelled >= minIndexGap) {
            QString text;
            const bool newYear = local.date().year() != previousLocal.date().year();
            const bool newDay = local.date() != previousLocal.date();
            if (step->unit == TimeStep::Minutes)
                text = newDay ? local.toString(QStringLiteral("MM-dd"))
                              : local.toString(QStringLiteral("HH:mm"));
            else if (newYear)
                text = local.toString(QStringLiteral("yyyy"));
            else if (step->unit == TimeStep::Days)
                text = local.toString(QStringLiteral("MM-dd"));
            else
                text = local.toString(QStringLiteral("yyyy-MM"));
            ticks.append({i, text});
            lastLabelled = i;
        }
        previousSlot = slot;
        previousLocal = local;
    }
    return ticks;
}

} // namespace hoga
