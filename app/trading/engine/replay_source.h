#pragma once

#include "trading/strategy/market_event.h"

#include <QVector>

namespace hoga {

class BotRunner;
class ManualClock;

// The replay event source: moves the engine clock to each event's time, then hands the event to the bot
// (which fires timers and closes candles that fell due on the way). Bounded by the events given.
class ReplaySource {
public:
    static void run(BotRunner& bot, ManualClock& clock, const QVector<MarketEvent>& events);
};

} // namespace hoga
