#pragma once

#include "core/candle.h"
#include "core/order.h"
#include "core/orderbook.h"
#include "core/ticker.h"
#include "core/trade.h"

#include <QString>

#include <optional>

namespace hoga {

// One timestamped thing that happened, as the engine loop hands it to a strategy. The same type comes from
// the live hub, from the paper venue and from a replay, so a strategy cannot tell them apart. `timeMs` is the
// engine clock's time when the event is delivered (a replay sets the clock to it first).
struct MarketEvent {
    enum class Kind { Ticker, Trade, Book, CandleClosed, OrderUpdate, Fill, Timer };

    Kind kind = Kind::Ticker;
    qint64 timeMs = 0;
    QString venue;
    QString market;

    std::optional<Ticker> ticker;                 // Ticker
    std::optional<Trade> trade;                   // Trade
    std::optional<OrderBook> book;                // Book
    std::optional<Candle> candle;                 // CandleClosed: the candle that just closed
    CandleInterval interval = CandleInterval::M1; // CandleClosed
    std::optional<Order> order;                   // OrderUpdate (the bot's own order)
    std::optional<Fill> fill;                     // Fill (the bot's own fill)
    int timerId = 0;                              // Timer
};

} // namespace hoga
