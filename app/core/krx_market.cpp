#include "krx_market.h"

#include "market.h"

#include <QDateTime>
#include <QTimeZone>

namespace hoga::krx {

QVector<PriceBand> tickBands() {
    return {{Decimal(0), Decimal(1)},        {Decimal(2000), Decimal(5)},    {Decimal(5000), Decimal(10)},
            {Decimal(20000), Decimal(50)},   {Decimal(50000), Decimal(100)}, {Decimal(200000), Decimal(500)},
            {Decimal(500000), Decimal(1000)}};
}

bool isRegularSession(qint64 epochMs) {
    return isSessionOpen(OrderSession::Regular, epochMs);
}

SessionHours sessionHours(OrderSession session) {
    switch (session) {
    case OrderSession::Regular:
        return {9 * 60, 15 * 60 + 30};
    case OrderSession::PreMarketClose:
        return {8 * 60 + 30, 8 * 60 + 40};
    case OrderSession::PostMarketClose:
        return {15 * 60 + 30, 16 * 60};
    case OrderSession::AfterHoursSingle:
        return {16 * 60, 18 * 60};
    }
    return {};
}

QString sessionHoursText(OrderSession session) {
    const SessionHours hours = sessionHours(session);
    auto hhmm = [](int minute) {
        return QStringLiteral("%1:%2")
            .arg(minute / 60, 2, 10, QLatin1Char('0'))
            .arg(minute % 60, 2, 10, QLatin1Char('0'));
    };
    return hhmm(hours.openMinute) + QLatin1Char('-') + hhmm(hours.closeMinute);
}

bool isSessionOpen(OrderSession session, qint64 epochMs) {
    const QDateTime kst = QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone(kKstOffsetSeconds));
    const int day = kst.date().dayOfWeek();
    if (day == Qt::Saturday || day == Qt::Sunday)
        return false;
    const int minutes = kst.time().hour() * 60 + kst.time().minute();
    const SessionHours hours = sessionHours(session);
    return minutes >= hours.openMinute && minutes < hours.closeMinute;
}

qint64 kstDay(qint64 epochMs) {
    constexpr qint64 kDayMs = 86'400'000;
    const qint64 local = epochMs + qint64(kKstOffsetSeconds) * 1000;
    return local >= 0 ? local / kDayMs : -((-local + kDayMs - 1) / kDayMs);
}

PriceLimits dailyPriceLimits(const Decimal& previousClose) {
    TradingRules rules;
    rules.tickBands = tickBands();
    const Decimal up = previousClose * Decimal::fromString("1.3");
    const Decimal down = previousClose * Decimal::fromString("0.7");
    PriceLimits limits;
    limits.upper = up.roundToStep(rules.tickFor(up), Rounding::Down);
    limits.lower = down.roundToStep(rules.tickFor(down), Rounding::Up);
    // Rounding up may land on the next band's start, which is valid on both bands' ticks.
    return limits;
}

} // namespace hoga::krx
