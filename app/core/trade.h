#pragma once

#include "decimal.h"

#include <QMetaType>
#include <QString>

namespace hoga {

enum class Side { Buy, Sell };

inline Side opposite(Side s) { return s == Side::Buy ? Side::Sell : Side::Buy; }

// One public trade (print). `side` is the taker's side.
struct Trade {
    QString venue;
    QString market;
    QString id;
    Decimal price;
    Decimal qty;
    Side side = Side::Buy;
    qint64 timestampMs = 0;
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Trade)
