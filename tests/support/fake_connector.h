#pragma once

#include "venues/connector.h"

#include <QPromise>

#include <functional>
#include <memory>
#include <optional>

namespace hoga::test {

// A scripted in-memory venue for unit tests of code that talks to a Connector. Answers come from the public
// fields (or handlers) and are delivered at once, or held back until releaseDeferred() when `deferReplies`
// is set. Every call is recorded. Use it from the test's thread; only the emit* helpers (or emitting the
// signals directly) may be called from other threads, as a real connector's stream would.
class FakeConnector : public Connector {
    Q_OBJECT
public:
    explicit FakeConnector(QObject* parent = nullptr)
        : Connector(parent) {}

    QString venueId() const override { return venue; }
    QString displayName() const override { return QStringLiteral("Fake venue"); }
    bool hasCredentials() const override { return true; }
    ConnectionState connectionState() const override { return state; }
    VenueCapabilities capabilities() const override { return caps; }

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
    void subscribeAccount() override { ++accountSubscriptions; }

    // Delivers every held-back answer, in call order.
    void releaseDeferred();
    int deferredCount() const { return int(m_deferred.size()); }

    // --- script ---
    QString venue = QStringLiteral("fake");
    ConnectionState state = ConnectionState::Connected;
    bool deferReplies = false;
    QVector<Market> markets;
    QVector<Market> unlistedMarkets; // known to fetchMarketRules, not listed by fetchMarkets (KIS codes)
    QVector<Ticker> tickers;         // fetchTickers answers those of the asked markets
    QVector<Balance> balances;
    QVector<Order> openOrders;
    QVector<Order> closedOrders;
    QVector<Fill> fills;
    std::optional<VenueError> marketsError; // when set, fetchMarkets fails with it
    std::optional<VenueError> tickersError;
    VenueCapabilities caps = VenueCapabilities::anyVenue();
    // Default: createOrder places an Open order with id "o<n>"; fetchOrder and cancelOrder look the order up
    // among the created, open and closed orders (cancel marks it cancelled) or answer NotFound.
    std::function<OrderPlacement(const OrderRequest&)> onCreateOrder;
    std::function<Result<Order>(const OrderRef&)> onFetchOrder;
    std::function<Result<Order>(const OrderRef&)> onCancelOrder;

    // --- record ---
    QVector<OrderRequest> createRequests;
    QVector<OrderRef> fetchOrderRefs;
    QVector<OrderRef> cancelRefs;
    QStringList tickerRequests; // markets asked for in fetchTickers
    QStringList subscribedMarkets;
    unsigned subscribedChannels = 0;
    int marketsCalls = 0;
    int balancesCalls = 0;
    int openOrdersCalls = 0;
    int closedOrdersCalls = 0;
    int fillsCalls = 0;
    int accountSubscriptions = 0;
    QVector<Order> created; // orders made by the default createOrder

    static VenueError error(ErrorKind kind, const QString& code = {});

private:
    template <class T> QFuture<T> replyWith(T value);
    template <class T> QFuture<Result<T>> reply(Result<T> value) {
        return replyWith<Result<T>>(std::move(value));
    }
    std::optional<Order> findOrder(const OrderRef& ref) const;

    QVector<std::function<void()>> m_deferred;
};

} // namespace hoga::test
