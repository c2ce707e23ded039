#include "strategy.h"

namespace hoga {

void deliver(Strategy& strategy, StrategyContext& context, const MarketEvent& event) {
    switch (event.kind) {
    case MarketEvent::Kind::Ticker:
        if (event.ticker)
            strategy.onTicker(context, *event.ticker);
        break;
    case MarketEvent::Kind::Trade:
        if (event.trade)
            strategy.onTrade(context, *event.trade);
        break;
    case MarketEvent::Kind::Book:
        if (event.book)
            strategy.onOrderBook(context, *event.book);
        break;
    case MarketEvent::Kind::CandleClosed:
        if (event.candle)
            strategy.onCandle(context, *event.candle, event.interval);
        break;
    case MarketEvent::Kind::OrderUpdate:
        if (event.order)
            strategy.onOrderUpdate(context, *event.order);
        break;
    case MarketEvent::Kind::Fill:
        if (event.fill)
            strategy.onFill(context, *event.fill);
        break;
    case MarketEvent::Kind::Timer:
        strategy.onTimer(context, event.timerId);
        break;
    }
}

} // namespace hoga
