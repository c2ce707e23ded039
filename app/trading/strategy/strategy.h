#pragma once

#include "market_event.h"

#include "core/account.h"
#include "core/market.h"
#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

namespace hoga {

// What a strategy asks for; the engine adds the client id, checks rules and risk, journals and sends it.
struct OrderIntent {
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    Decimal price; // limit only
    Decimal qty;   // limit, market sell, market buy by quantity
    Decimal total; // market buy by quote amount
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    QString tag; // free text shown with the order ("grid level 3")
};

// Which events a strategy needs; the engine subscribes to these only (bots pay for what they use).
struct StrategyNeeds {
    bool tickers = false;
    bool trades = false;
    bool books = false;
    std::optional<CandleInterval> candles; // closed candles of this interval
    int warmupCandles = 0;                 // history delivered (as CandleClosed) before live events
};

// Everything a strategy may do or read. Time comes only from nowMs(); nothing here blocks. Order results
// arrive later as onOrderUpdate / onFill.
class StrategyContext {
public:
    virtual ~StrategyContext() = default;

    virtual qint64 nowMs() const = 0;
    virtual const Market& market() const = 0; // the bot's market, with its trading rules

    // Returns the client id the order will carry, or the reason it was refused at once (rules, risk).
    virtual Result<QString> placeOrder(const OrderIntent& intent) = 0;
    virtual void cancelOrder(const QString& clientId) = 0;
    virtual void cancelAllOrders() = 0; // this bot's open orders

    virtual Position position() const = 0; // this bot's holding of the base currency, cost in quote
    virtual Balance balance(const QString& currency) const = 0; // the account's, minus the cash reserve
    virtual QVector<Order> openOrders() const = 0;              // this bot's
    virtual std::optional<Decimal> lastPrice() const = 0;       // of the bot's market, if known

    // Fires onTimer(id) every `intervalMs` of engine time until cancelled.
    virtual void startTimer(int id, qint64 intervalMs) = 0;
    virtual void stopTimer(int id) = 0;

    virtual void log(const QString& message) = 0;
    // Indicator values the UI shows next to the bot ("sma_fast" -> 101.5).
    virtual void setIndicator(const QString& name, double value) = 0;
};

// A trading strategy. The same code runs live, on paper and in the backtester: it reacts to events and acts
// through the context only. State that must survive a restart goes through saveState/restoreState.
class Strategy {
public:
    virtual ~Strategy() = default;

    virtual QString id() const = 0; // the template id: "sma_cross", "rsi", "bollinger", "grid", "dca"
    virtual StrategyNeeds needs() const = 0;

    virtual void onStart(StrategyContext&) {}
    virtual void onStop(StrategyContext&) {}
    virtual void onCandle(StrategyContext&, const Candle&, CandleInterval) {}
    virtual void onTicker(StrategyContext&, const Ticker&) {}
    virtual void onTrade(StrategyContext&, const Trade&) {}
    virtual void onOrderBook(StrategyContext&, const OrderBook&) {}
    virtual void onOrderUpdate(StrategyContext&, const Order&) {}
    virtual void onFill(StrategyContext&, const Fill&) {}
    virtual void onTimer(StrategyContext&, int /*timerId*/) {}

    virtual QJsonObject saveState() const { return {}; }
    virtual void restoreState(const QJsonObject&) {}
};

// Dispatches one event to the matching callback.
void deliver(Strategy& strategy, StrategyContext& context, const MarketEvent& event);

} // namespace hoga
