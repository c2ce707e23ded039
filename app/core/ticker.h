#pragma once

#include "decimal.h"

#include <QMetaType>
#include <QString>

namespace hoga {

// 24-hour summary of one market.
struct Ticker {
    QString venue;
    QString market;
    Decimal last;
    Decimal open;       // opening price of the 24 h (or venue day) window
    Decimal high;
    Decimal low;
    Decimal prevClose;
    Decimal change;     // last - prevClose (signed)
    Decimal changeRate; // change / prevClose as a fraction (signed), e.g. -0.0123
    Decimal volume24h;      // base currency
    Decimal quoteVolume24h; // quote currency
    qint64 timestampMs = 0;
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Ticker)
