#pragma once

#include "core/orderbook.h"
#include "core/ticker.h"
#include "core/trade.h"

#include <QString>
#include <QVector>

#include <variant>

namespace hoga {

// The top levels of one market's order book at one moment, as the recorder stores it.
struct BookSnapshot {
    QString venue;
    QString market;
    qint64 timestampMs = 0;
    QVector<BookLevel> bids; // best first
    QVector<BookLevel> asks; // best first
};

// One row the recorder hands to its store.
using RecordedRow = std::variant<Ticker, Trade, BookSnapshot>;

} // namespace hoga
