#pragma once

#include "decimal.h"

#include <QVector>

namespace hoga {

struct PriceBand;

// The Korea Exchange's venue-neutral stock rules, shared by the KIS venue and the simulator's KRX-like
// stocks so both use one definition.
namespace krx {

constexpr int kKstOffsetSeconds = 9 * 3600;

// KRX tick sizes for stocks since 2023-01-25 (KOSPI and KOSDAQ unified, KRX notice): from 0 upward.
QVector<PriceBand> tickBands();

// The regular KRX session, 09:00-15:30 KST on weekdays. Exchange holidays are not known here: a venue
// refuses those orders itself.
bool isRegularSession(qint64 epochMs);

// The KST calendar day of an instant, as days since the epoch (a trading day's identity).
qint64 kstDay(qint64 epochMs);

// The daily price limit: 30 % either side of the previous close, rounded inward onto the tick table
// (KRX rounds the upper limit down and the lower limit up to a valid price).
struct PriceLimits {
    Decimal lower;
    Decimal upper;
};
PriceLimits dailyPriceLimits(const Decimal& previousClose);

} // namespace krx
} // namespace hoga
