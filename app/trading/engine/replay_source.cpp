#include "replay_source.h"

#include "bot_runner.h"

#include "core/clock.h"

namespace hoga {

void ReplaySource::run(BotRunner& bot, ManualClock& clock, const QVector<MarketEvent>& events) {
    for (const MarketEvent& e : events) {
        if (e.timeMs > clock.nowMs())
            clock.setMs(e.timeMs);
        bot.feed(e);
    }
}

} // namespace hoga
