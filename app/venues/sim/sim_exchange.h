#pragma once

#include "core/capabilities.h"

#include "sim_connector.h"

#include <QSet>
#include <QStringList>

#include <memory>

namespace hoga {

// What one call or one step changed, for the connector to emit.
struct SimEvents {
    QVector<Trade> trades;     // public prints, oldest first
    QVector<Order> orders;     // own order updates, in the order they happened
    QVector<Fill> fills;       // own fills
    QVector<Balance> balances; // the currencies that changed, after the change
    QStringList markets;       // markets whose book or ticker changed
};

// The paper account as it stands: balances, orders and fills (what a profile keeps between starts).
struct SimPaperState {
    struct Holding {
        QString currency;
        Decimal free;
        Decimal locked;
        Decimal avgBuyPrice;
        QString avgBuyCurrency;
    };
    struct PaperOrder {
        Order order;
        Decimal lockedLeft; // still held for the order (quote for buys, base for sells)
        QString lockCurrency;
        Decimal lockRate; // the fee rate a limit buy's lock was sized with
    };
    QVector<Holding> holdings;
    QVector<PaperOrder> orders; // in the order they were created
    QStringList closedOrder;    // ids of the closed ones, in the order they closed
    QVector<Fill> fills;        // oldest first
    quint64 orderSeq = 0;       // the last order number given (new ids continue after it)
};

// The simulated venue's state and rules, synchronous and single-threaded: SimConnector runs it on its
// thread; tests drive it directly. Deterministic for a seed and a sequence of calls (times come from the
// clock in SimConfig).
class SimExchange {
public:
    static constexpr int kMaxRecentTrades = 500;
    static constexpr int kMaxCandlesPerRequest = 10'000;

    explicit SimExchange(const SimConfig& config);
    ~SimExchange();
    SimExchange(const SimExchange&) = delete;
    SimExchange& operator=(const SimExchange&) = delete;

    qint64 startMs() const;
    quint64 stepCount() const;

    QVector<Market> markets() const;
    bool hasMarket(const QString& code) const;
    // Empty `codes`: every market.
    Result<QVector<Ticker>> tickers(const QStringList& codes) const;
    Result<OrderBook> orderBook(const QString& code, int depth) const;
    Result<QVector<Trade>> recentTrades(const QString& code, int count) const; // newest first
    Result<QVector<Candle>> candles(const CandleQuery& query);                 // oldest first

    QVector<Balance> balances() const;
    Result<Order> createOrder(const OrderRequest& request, SimEvents* events);
    // What the simulated venue offers; its order checks follow these.
    static VenueCapabilities capabilities();
    Result<Order> cancelOrder(const OrderRef& ref, SimEvents* events);
    Result<Order> order(const OrderRef& ref) const;
    Result<QVector<Order>> openOrders(const QString& market) const;              // newest first
    Result<QVector<Order>> closedOrders(const QString& market, int limit) const; // most recently closed first
    Result<QVector<Fill>> fills(const QString& market, int limit) const;         // newest first

    // The paper account, keeping at most `keepClosed` closed orders and `keepFills` fills (the newest).
    SimPaperState paperState(int keepClosed = 1000, int keepFills = 2000) const;
    // Replaces the paper account with `state`: open limit orders rest in the books again. Orders of markets
    // this simulator does not list are dropped.
    void restorePaperState(const SimPaperState& state);

    // Moves every market by one step at the clock's current time.
    SimEvents step();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hoga
