#pragma once

#include "upbit_errors.h"
#include "upbit_jwt.h"
#include "upbit_parse.h"

#include "venues/connector.h"
#include "venues/net/http_client.h"
#include "venues/net/rate_limiter.h"
#include "venues/net/ws_session.h"
#include "venues/venue_factory.h"

#include <QHash>
#include <QPromise>

#include <atomic>
#include <functional>
#include <memory>
#include <span>

namespace hoga {

namespace upbit {
class StreamDecoder;

// What differs between Upbit and the venues that copied its API shape (Bithumb API 2.0). The connector is
// written once against these; a derived connector passes its own and overrides the few request builders
// that differ in more than a name.
struct VenueTraits {
    QString venueId;               // "upbit"
    VenueEndpoints defaults;       // production endpoints, used where the config leaves a URL empty
    bool jwtTimestamp = false;     // ms `timestamp` in the JWT payload
    QString clientIdField;         // "identifier": order body field and query parameter
    QString orderTypeField;        // "ord_type": order body field
    QString createOrderPath;       // POST "/v1/orders"
    QString cancelOrderPath;       // DELETE "/v1/order"
    QString cancelIdParam;         // "uuid"
    QString getOrderIdParam;       // GET /v1/order "uuid"
    QString marketDetailsParam;    // "is_details"
    bool wsCamelCaseFlags = false; // "isOnlySnapshot" instead of "is_only_snapshot"
    bool hasInstruments = true;    // GET /v1/orderbook/instruments (tick_size)
    bool hasTickerAll = true;      // GET /v1/ticker/all (prices for the tick bands)
    bool hasSecondCandles = true;  // GET /v1/candles/seconds
    bool hasOrderBookLevel = true; // `level` grouping of KRW order books
    int maxTradesPerRequest = 500;
    Decimal defaultKrwFee; // fee rate before orders/chance told us better
    Decimal defaultOtherFee;
    net::RateLimitConfig rateLimits;
    // Rate-limit group of each kind of request.
    QString groupMarkets, groupTicker, groupOrderBook, groupCandles, groupTrades, groupPrivate,
        groupOrderCreate, groupOrderCancel, groupWsConnect;
    std::span<const ErrorRule> errorRules; // tried before Upbit's own
};

// Test and tuning hooks; production uses the defaults.
struct ConnectorOptions {
    std::shared_ptr<net::RateLimiter> limiter; // null: the venue's process-wide limiter from the registry
    net::Scheduler* scheduler = nullptr;       // null: QtScheduler::system()
    net::Random* random = nullptr;             // null: Random::system()
    net::RetryPolicy retry;
    net::CircuitBreakerConfig breaker;
    int requestTimeoutMs = 10'000;
    int orderTimeoutMs = 10'000; // POST /orders: after this the order is looked up, never re-sent
    qint64 wsPingIntervalMs = 30'000;
    qint64 wsSilenceTimeoutMs = 75'000;
    qint64 wsReconnectBaseMs = 500;
    qint64 wsReconnectMaxMs = 30'000;
};
} // namespace upbit

// Upbit (api.upbit.com): REST quotation and exchange API with JWT-signed private calls, public and private
// WebSocket streams. Also the base of BithumbConnector, whose API 2.0 copies this shape.
//
// Orders are never re-sent blindly: POST /orders is sent once; after a timeout, network error or 5xx the
// order is looked up by its client id and the future resolves only then. Every request goes through the
// venue's shared rate limiter (orders and cancels in the priority lane) and a circuit breaker.
class UpbitConnector : public Connector {
    Q_OBJECT
public:
    explicit UpbitConnector(const VenueConfig& config, upbit::ConnectorOptions options = {},
                            QObject* parent = nullptr);
    ~UpbitConnector() override;

    static upbit::VenueTraits upbitTraits();
    static net::RateLimitConfig upbitRateLimits();

    QString venueId() const override { return m_traits.venueId; }
    QString displayName() const override;
    bool hasCredentials() const override { return m_signer != nullptr; }
    ConnectionState connectionState() const override { return ConnectionState(m_state.load()); }

    QFuture<Result<QVector<Market>>> fetchMarkets() override;
    QFuture<Result<QVector<Ticker>>> fetchTickers(const QStringList& markets) override;
    QFuture<Result<OrderBook>> fetchOrderBook(const QString& market, int depth) override;
    QFuture<Result<QVector<Candle>>> fetchCandles(const CandleQuery& query) override;
    QFuture<Result<QVector<Trade>>> fetchTrades(const QString& market, int count) override;
    QFuture<Result<QVector<Balance>>> fetchBalances() override;
    QFuture<Result<Order>> createOrder(const OrderRequest& request) override;
    QFuture<Result<Order>> fetchOrder(const OrderRef& ref) override;
    QFuture<Result<QVector<Order>>> fetchOpenOrders(const QString& market = {}) override;
    QFuture<Result<QVector<Order>>> fetchClosedOrders(const QString& market = {}, int limit = 100) override;
    QFuture<Result<Order>> cancelOrder(const OrderRef& ref) override;
    QFuture<Result<QVector<Fill>>> fetchFills(const QString& market = {}, int limit = 100) override;

    void subscribeMarketData(const QStringList& markets, unsigned channels) override;
    void unsubscribeMarketData(const QStringList& markets, unsigned channels) override;
    void subscribeAccount() override;

    // Upbit's order book grouping (`level`, KRW markets only; 0 = none) for REST and stream books of
    // `market`. Must be one of the market's supported levels or the venue sends nothing.
    void setOrderBookLevel(const QString& market, const Decimal& level);

    // Rules derived from the current caches (tests and diagnostics).
    const upbit::VenueTraits& traits() const { return m_traits; }
    const VenueEndpoints& endpoints() const { return m_endpoints; }
    net::HttpClient* httpClient() const { return m_http; }

    // The WebSocket subscription request for the given markets and channels (one request for all types).
    QByteArray publicSubscription(const QHash<QString, unsigned>& subscriptions) const;
    QByteArray privateSubscription() const;

protected:
    UpbitConnector(const VenueConfig& config, upbit::VenueTraits traits, upbit::ConnectorOptions options,
                   QObject* parent);

    // Requests that differ between the venues beyond field names.
    virtual net::HttpRequest openOrdersRequest(const QString& market) const;
    virtual net::HttpRequest closedOrdersRequest(const QString& market, int limit) const;
    // The candles `to` parameter for an exclusive end of `toMs` (Upbit: UTC; Bithumb: KST).
    virtual QString candleToParam(qint64 toMs, CandleInterval interval) const;
    // Open time of a candle from its reply element (UTC bucket start for our CandleInterval).
    virtual qint64 candleOpenTime(const net::JsonValue& element, CandleInterval interval) const;

    net::HttpRequest publicRequest(const QString& path, QList<std::pair<QString, QString>> query,
                                   const QString& group) const;
    net::HttpRequest privateRequest(const QByteArray& method, const QString& path,
                                    QList<std::pair<QString, QString>> query, const QString& group) const;

private:
    template <class T> using PromisePtr = std::shared_ptr<QPromise<Result<T>>>;

    template <class T> QFuture<Result<T>> start(std::function<void(PromisePtr<T>)> work);
    template <class T> static void resolve(const PromisePtr<T>& promise, Result<T> result);
    void send(net::HttpRequest request, std::function<void(const net::HttpResponse&)> done);
    // Sends `request`; on 2xx parses the JSON body and resolves with `parse(root)`, otherwise with the
    // mapped venue error.
    template <class T>
    void sendAndParse(net::HttpRequest request, PromisePtr<T> promise,
                      std::function<Result<T>(const net::JsonValue&)> parse);
    VenueError errorOf(const net::HttpResponse& response) const;
    VenueError noCredentials() const;
    VenueError malformed(const QString& what) const;

    void initNetwork();
    void onLimiterBlocked(qint64 untilMs);

    // Markets and rules.
    Result<QVector<Market>> buildMarkets(const net::JsonValue& root);
    void fetchRuleInputs(QVector<Market> markets, PromisePtr<QVector<Market>> promise);
    void finishMarkets(QVector<Market> markets, PromisePtr<QVector<Market>> promise);
    TradingRules rulesFor(const Market& market) const;
    QVector<PriceBand> defaultBands(const QString& quote) const;
    void fetchChance(const QString& market, std::function<void()> then);
    std::optional<VenueError> precheck(const OrderRequest& request) const;
    static std::optional<QString> precheckTimeInForce(const OrderRequest& request);

    // Orders.
    void sendCreate(const OrderRequest& request, const QString& clientId, PromisePtr<Order> promise);
    void recoverCreate(const OrderRequest& request, const QString& clientId, const net::HttpResponse& failed,
                       PromisePtr<Order> promise);
    Order completeOrder(Order order, const OrderRequest& request, const QString& clientId) const;
    net::HttpRequest orderLookup(const OrderRef& ref, net::Lane lane) const;
    void noteOrder(const Order& order); // merges into the cache and emits orderUpdated when subscribed
    void collectFills(QVector<Order> candidates, int index, int limit, QVector<Fill> acc,
                      PromisePtr<QVector<Fill>> promise);
    void fetchCandlePage(CandleQuery query, qint64 toMs, QVector<Candle> acc,
                         PromisePtr<QVector<Candle>> promise);

    // Streams.
    void updatePublicSession();
    void onPublicMessage(const QByteArray& message);
    void onPrivateMessage(const QByteArray& message);
    void onPublicConnected();
    void reseedBook(const QString& market);
    void emitStreamError(const upbit::ErrorBody& error);

    upbit::VenueTraits m_traits;
    upbit::ConnectorOptions m_options;
    VenueEndpoints m_endpoints;
    const Clock* m_clock;
    std::shared_ptr<const upbit::JwtSigner> m_signer;
    std::shared_ptr<net::RateLimiter> m_limiter;
    net::HttpClient* m_http = nullptr;
    net::WsSession* m_public = nullptr;
    net::WsSession* m_private = nullptr;
    std::unique_ptr<upbit::StreamDecoder> m_publicDecoder;
    std::unique_ptr<upbit::StreamDecoder> m_privateDecoder;
    std::atomic<int> m_state{int(ConnectionState::Disconnected)};
    QByteArray m_ticket;

    QHash<QString, Market> m_markets; // by code, from the last fetchMarkets
    QHash<QString, upbit::OrderChance> m_chances;
    QHash<QString, Decimal> m_instrumentTicks;
    QHash<QString, Decimal> m_lastPrices;
    QHash<QString, unsigned> m_subscriptions;
    QHash<QString, Decimal> m_levels;
    bool m_accountSubscribed = false;
    QHash<QString, Order> m_orders;             // latest known state of own orders, by id
    QHash<QString, QVector<Fill>> m_fillsCache; // fills of terminal orders, by order id
};

} // namespace hoga
