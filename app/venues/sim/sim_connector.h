#pragma once

#include "core/clock.h"
#include "venues/connector.h"

#include <QHash>

#include <functional>

#include <memory>

namespace hoga {

class SimExchange; // the deterministic market model (price process, books, matching, paper balances)

// One call that changed the paper account, as the simulator ran it: after `step` market steps.
struct SimAccountCall {
    enum class Op { Create, Cancel };
    Op op = Op::Create;
    quint64 step = 0;
    OrderRequest request; // Create, with its client id
    OrderRef ref;         // Cancel
    Order result;         // the order as the call left it
};

struct SimConfig {
    quint64 seed = 20261121;
    int stepIntervalMs = 100; // how often the market moves when running on its own timer
    bool autoRun = true;      // false: only step() moves the market (tests)
    const Clock* clock = &SystemClock::instance();
    int historyCandles = 500; // pre-filled 1m history so charts are not empty at start
    // Paper balances at start, by currency. Empty = a sensible default (KRW, USDT and some coins).
    QHash<QString, Decimal> initialBalances;
    // Called on the connector's thread after every create or cancel that succeeded, whoever made it (a
    // paper account that outlives the process records these; see hoga-cli's SimVenue).
    std::function<void(const SimAccountCall&)> onAccountCall;
    // Where the paper account is kept between starts (a profile's file), or empty for a fresh account every
    // start. Restored when the simulator is created, saved after every change of the account.
    QString paperStatePath;
};

// The built-in simulated venue: KRW-BTC, KRW-ETH, KRW-XRP, KRW-USDT, BTCUSDT and ETHUSDT with a stochastic
// price process, 15+ level books, a trade stream, candles, a matching engine with fees and paper balances.
// Deterministic for a given seed and sequence of calls.
class SimConnector final : public Connector {
    Q_OBJECT
public:
    explicit SimConnector(SimConfig config = {}, QObject* parent = nullptr);
    ~SimConnector() override;

    QString venueId() const override { return QStringLiteral("sim"); }
    QString displayName() const override; // "Simulated market", translated
    bool isSimulated() const override { return true; }
    bool hasCredentials() const override { return true; }
    ConnectionState connectionState() const override;
    VenueCapabilities capabilities() const override;

    QFuture<Result<QVector<Market>>> fetchMarkets() override;
    QFuture<Result<Market>> fetchMarketRules(const QString& market) override;
    QFuture<Result<QVector<Ticker>>> fetchTickers(const QStringList& markets) override;
    QFuture<Result<OrderBook>> fetchOrderBook(const QString& market, int depth) override;
    QFuture<Result<QVector<Candle>>> fetchCandles(const CandleQuery& query) override;
    QFuture<Result<QVector<Trade>>> fetchTrades(const QString& market, int count) override;
    QFuture<Result<QVector<Balance>>> fetchBalances() override;
    QFuture<OrderPlacement> createOrder(const OrderRequest& request) override;
    QFuture<Result<Order>> fetchOrder(const OrderRef& ref) override;
    QFuture<Result<QVector<Order>>> fetchOpenOrders(const QString& market = {}) override;
    QFuture<Result<QVector<Order>>> fetchClosedOrders(const QString& market = {}, int limit = 100) override;
    QFuture<Result<Order>> cancelOrder(const OrderRef& ref) override;
    QFuture<Result<QVector<Fill>>> fetchFills(const QString& market = {}, int limit = 100) override;

    void subscribeMarketData(const QStringList& markets, unsigned channels) override;
    void unsubscribeMarketData(const QStringList& markets, unsigned channels) override;
    void subscribeAccount() override;

    // Moves the market by one step: prices, books, trades, resting-order matches; emits stream signals.
    // Thread-safe (runs on the connector's thread).
    void step();

private:
    // (implementation details are the simulator's own)
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hoga
