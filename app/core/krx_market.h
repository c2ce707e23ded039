#pragma once

#include "decimal.h"
#include "order.h"

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

// When the exchange takes orders for a session, in minutes after midnight KST on weekdays, end exclusive.
// Regular 09:00-15:30; pre-market at the previous close 08:30-08:40; post-market at today's close
// 15:30-16:00 (orders from 15:30, matching from 15:40); after-hours single price 16:00-18:00.
struct SessionHours {
    int openMinute = 0;
    int closeMinute = 0;
};
SessionHours sessionHours(OrderSession session);
bool isSessionOpen(OrderSession session, qint64 epochMs);
// "08:30-08:40": the hours above as every message and label shows them, so the table is the one place to
// change when the exchange does.
QString sessionHoursText(OrderSession session);

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
