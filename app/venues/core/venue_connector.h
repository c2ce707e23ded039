#pragma once

#include "async_call.h"
#include "order_cache.h"
#include "subscription_set.h"
#include "venue_protocol.h"

#include "venues/connector.h"
#include "venues/net/http_client.h"
#include "venues/net/rate_limiter.h"
#include "venues/net/ws_session.h"
#include "venues/venue_factory.h"

#include <QHash>
#include <QSet>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace hoga {

// Test and tuning hooks; production uses the defaults.
struct VenueConnectorOptions {
    std::shared_ptr<net::RateLimiter> limiter; // null: the venue's process-wide limiter from the registry
    net::Scheduler* scheduler = nullptr;       // null: QtScheduler::system()
    net::Random* random = nullptr;             // null: Random::system()
    net::RetryPolicy retry;
    net::CircuitBreakerConfig breaker;
    int requestTimeoutMs = 10'000;
    int orderTimeoutMs = 10'000; // an order request unanswered after this is looked up, never re-sent
    qint64 wsReconnectBaseMs = 500;
    qint64 wsReconnectMaxMs = 30'000;
    std::optional<net::KeepAlive> keepAlive; // overrides the venue's (tests)
    std::optional<qint64> wsMaxAgeMs;        // overrides the venue's streamMaxAgeMs() (tests)
};

// The venue-neutral connector: runs what every venue shares on top of a protocol bundle that knows only the
// venue's wire format. It owns the asynchronous request plumbing, the order cache and its merge rule, the
// one lookup after an order request whose outcome is unknown, reference-counted stream subscriptions, book
// sync (whole books re-seeded after a reconnect, or a snapshot plus sequenced diffs with gap detection),
// candle paging and the fills of venues without an own-trades list.
//
// Every request goes through the venue's shared rate limiter (orders and cancels in the priority lane) and a
// circuit breaker. Orders are sent exactly once and are not validated here: see OrderEntry.
class VenueConnector : public Connector {
    Q_OBJECT
public:
    VenueConnector(std::unique_ptr<VenueProtocol> protocol, const VenueConfig& config,
                   VenueConnectorOptions options = {}, QObject* parent = nullptr);
    ~VenueConnector() override;

    QString venueId() const override { return m_venueId; }
    QString displayName() const override { return m_protocol->displayName(); }
    bool hasCredentials() const override { return m_auth != nullptr; }
    ConnectionState connectionState() const override { return ConnectionState(m_state.load()); }
    VenueCapabilities capabilities() const override { return m_capabilities; }

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
    QFuture<Result<Order>> modifyOrder(const OrderRef& ref, const OrderModification& change) override;
    QFuture<Result<QVector<Fill>>> fetchFills(const QString& market = {}, int limit = 100) override;

    void subscribeMarketData(const QStringList& markets, unsigned channels) override;
    void unsubscribeMarketData(const QStringList& markets, unsigned channels) override;
    void subscribeAccount() override;

    // The bundle (tests and venue-specific tuning, on the connector's thread only).
    VenueProtocol& protocol() const { return *m_protocol; }
    const VenueEndpoints& endpoints() const { return m_endpoints; }
    net::HttpClient* httpClient() const { return m_http; }

private:
    template <class T> using ResultPromise = PromisePtr<Result<T>>;
    using Reply = std::function<void(const net::HttpResponse&)>;

    template <class T> QFuture<Result<T>> start(std::function<void(ResultPromise<T>)> work);
    // Sends a bundle-built call (authenticated when private; timeoutMs 0 = the usual request timeout).
    void send(ApiCall call, Reply done, int timeoutMs = 0, bool tokenRenewed = false);
    bool knowsMarket(const QString& market); // listed, or accepted unlisted by the bundle (then added)
    // Sends `call`; on 2xx parses the JSON body with `parse`, otherwise resolves with the venue's error.
    template <class T>
    void sendAndParse(ApiCall call, ResultPromise<T> promise,
                      std::function<Result<T>(const net::JsonValue&)> parse);
    // Sends `call` and every further page the protocol names (nextPageCall), at most kMaxPages, and resolves
    // with the rows of all pages, each key once (the first page's row wins), at most `limit` (0: all).
    template <class T>
    void sendPagedList(ApiCall call, ResultPromise<QVector<T>> promise,
                       std::function<Result<QVector<T>>(const net::JsonValue&)> parse,
                       std::function<QString(const T&)> key, int limit,
                       std::function<QVector<T>(QVector<T>)> finish, QVector<T> acc = {}, int page = 0);
    static constexpr int kMaxPages = 50;
    VenueError errorOf(const net::HttpResponse& response) const;
    VenueError noCredentials() const;
    VenueError malformed(const QString& what) const;
    VenueError unknownMarket(const QString& market) const;
    std::optional<VenueError> needsCredentials() const;

    // Markets.
    void loadRules(QVector<Market> markets, QList<ApiCall> calls, ResultPromise<QVector<Market>> promise);
    void finishMarkets(QVector<Market> markets, ResultPromise<QVector<Market>> promise);
    void fetchTickerChunk(QStringList markets, qsizetype from, QVector<Ticker> acc,
                          ResultPromise<QVector<Ticker>> promise);
    void fetchCandlePageForward(CandleQuery query, qint64 fromMs, QVector<Candle> acc,
                                ResultPromise<QVector<Candle>> promise);
    void fetchCandlePage(CandleQuery query, qint64 toMs, QVector<Candle> acc,
                         ResultPromise<QVector<Candle>> promise);

    // Orders.
    void sendOrder(OrderRequest request, PromisePtr<OrderPlacement> promise);
    void lookUpPlacement(const OrderRequest& request, const QString& why, qint64 sentAtMs,
                         PromisePtr<OrderPlacement> promise);
    void lookUpInListing(const OrderRequest& request, const QString& why, qint64 sentAtMs,
                         PromisePtr<OrderPlacement> promise);
    Order completeOrder(Order order, const OrderRequest& request) const;
    void sendCancel(const OrderRef& ref, ResultPromise<Order> promise);
    void sendModify(const Order& original, const OrderModification& change, ResultPromise<Order> promise);
    void withKnownClientId(Order& order) const; // the client id the cache holds, when the answer has none
    void noteOrder(const Order& order); // merges into the cache and tells the account stream's listeners
    void collectFills(QVector<Order> candidates, int index, int limit, QVector<Fill> acc,
                      ResultPromise<QVector<Fill>> promise);

    // Streams.
    void updatePublicSession();
    // The market session's frames; with accountSharesMarketStream() the account's too (reports what the
    // per-session limit left out, once per change).
    QList<QByteArray> publicFrames();
    // After the protocol prepared a stream (prepareStreams): its subscription frames built again.
    void refreshStreamSubscriptions(bool isPrivate);
    VenueError streamPreparationError(const QString& failure) const;
    void onPublicMessage(const QByteArray& message);
    void onPublicEvent(const StreamEvent& event);
    void onPrivateMessage(const QByteArray& message);
    void onPrivateEvent(const StreamEvent& event);
    void onPublicConnected();
    void onPrivateConnected(); // reads balances and open orders the stream will not repeat
    void seedBook(const QString& market);
    void onBookDiff(const BookDiff& diff);
    void emitBook(const OrderBook& book);

    std::unique_ptr<VenueProtocol> m_protocol;
    VenueConnectorOptions m_options;
    QString m_venueId;
    VenueCapabilities m_capabilities;
    VenueEndpoints m_endpoints;
    const Clock* m_clock;
    std::shared_ptr<net::Authenticator> m_auth;
    std::shared_ptr<net::RateLimiter> m_limiter;
    net::HttpClient* m_http = nullptr;
    net::WsSession* m_public = nullptr;
    net::WsSession* m_private = nullptr;
    std::unique_ptr<VenueStreamDecoder> m_publicDecoder;
    std::unique_ptr<VenueStreamDecoder> m_privateDecoder;
    std::atomic<int> m_state{int(ConnectionState::Disconnected)};

    QHash<QString, Market> m_markets; // by code, from the last fetchMarkets
    QSet<QString> m_marketRulesRead;  // markets whose per-market rules were read
    SubscriptionSet m_subscriptions;
    bool m_accountSubscribed = false;
    QStringList m_leftOutSubscriptions; // last reported by publicFrames()
    // Whole-book venues: stream book frames per market since the last reconnect (a REST seed older than
    // the stream's own book is dropped).
    QHash<QString, quint64> m_bookFrames;
    // Sequenced-diff venues: the local books and the snapshots being fetched.
    std::map<QString, SequencedBook> m_sequencedBooks;
    QSet<QString> m_snapshotsInFlight;
    OrderCache m_orders;
    QHash<QString, QVector<Fill>> m_fillsCache; // fills of terminal orders, by order id
};

} // namespace hoga
