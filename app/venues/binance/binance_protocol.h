#pragma once

#include "venues/core/venue_protocol.h"

#include <QHash>

#include <memory>

namespace hoga {

namespace binance {
class HmacAuthenticator;
}

// Binance Spot (api.binance.com) and its Spot Testnet (testnet.binance.vision) as a protocol bundle: HMAC
// signed REST with a server-time offset, request weights per endpoint against the REQUEST_WEIGHT, ORDERS
// and RAW_REQUESTS pools, exchangeInfo filters as trading rules, combined market streams with sequenced diff
// depth, and the account stream on the WebSocket API (userDataStream.subscribe.signature).
//
// Our order ids are "SYMBOL:orderId" (binance_parse.h): Binance needs the symbol to find an order. Orders
// asked for by client id alone use the symbol this bundle saw the id with.
class BinanceProtocol final : public VenueProtocol {
public:
    enum class Network { Production, Testnet };
    explicit BinanceProtocol(Network network = Network::Production);
    ~BinanceProtocol() override;

    // The documented pools (exchangeInfo rateLimits of 2026): REQUEST_WEIGHT 6,000 per minute, ORDERS 100
    // per 10 s and 200,000 per day, RAW_REQUESTS 61,000 per 5 min.
    static net::RateLimitConfig limits(const QString& venue);
    static constexpr int kRecvWindowMs = 5000;

    QString venueId() const override;
    QString displayName() const override;
    VenueCapabilities capabilities() const override;
    VenueEndpoints defaultEndpoints() const override;
    net::RateLimitConfig rateLimits() const override { return limits(venueId()); }
    // exchangeInfo rateLimits as pools; from then on requests spend from the announced pools.
    QList<net::RateLimitGroup> announcedRateLimits(const net::JsonValue& root) const override;
    QList<net::PoolUsage> usageOf(const net::HttpResponse& response) const override;
    net::KeepAlive keepAlive() const override;
    // Binance closes stream and WebSocket API connections after 24 h: renew them 10 minutes before.
    static constexpr qint64 kStreamMaxAgeMs = 23 * 3'600'000 + 50 * 60'000;
    qint64 streamMaxAgeMs() const override { return kStreamMaxAgeMs; }
    net::RateCosts streamConnectCosts() const override;
    BookSyncMode bookSyncMode() const override { return BookSyncMode::SequencedDiffs; }
    std::shared_ptr<net::Authenticator> makeAuthenticator(const Credentials& credentials,
                                                          const Clock& clock) const override;

    VenueError errorOf(const net::HttpResponse& response, qint64 nowMs) const override;
    // Filter failures name what the market's cached rules allow.
    VenueError orderErrorOf(const net::HttpResponse& response, const OrderRequest& request,
                            const Market* market, qint64 nowMs) const override;
    bool mayHaveTakenOrder(const net::HttpResponse& failed) const override;

    ApiCall marketsCall() const override;
    Result<QVector<Market>> parseMarkets(const net::JsonValue& root) const override;
    TradingRules rulesFor(const Market& market) const override { return market.rules; }

    ApiCall tickersCall(const QStringList& markets) const override;
    Result<QVector<Ticker>> parseTickers(const net::JsonValue& root) const override;
    ApiCall orderBookCall(const QString& market, int depth) const override;
    Result<OrderBook> parseOrderBook(const net::JsonValue& root, const QString& market) const override;
    ApiCall candlesCall(const CandleQuery& query, qint64 toMs, int count) const override;
    std::optional<ApiCall> candlesFromCall(const CandleQuery& query, qint64 fromMs, int count) const override;
    Result<QVector<Candle>> parseCandles(const net::JsonValue& root, const CandleQuery& query) const override;
    ApiCall tradesCall(const QString& market, int count) const override;
    Result<QVector<Trade>> parseTrades(const net::JsonValue& root) const override;

    ApiCall balancesCall() const override;
    Result<QVector<Balance>> parseBalances(const net::JsonValue& root) const override;
    ApiCall createOrderCall(const OrderRequest& request) const override;
    Result<Order> parseCreatedOrder(const net::JsonValue& root) const override;
    ApiCall orderCall(const OrderRef& ref) const override;
    Result<Order> parseOrder(const net::JsonValue& root) const override;
    Result<Order> parseOrderFor(const net::JsonValue& root, const OrderRef& asked) const override;
    bool readsOrderBeforeCancel(const OrderRef& ref) const override;
    ApiCall openOrdersCall(const QString& market) const override;
    ApiCall closedOrdersCall(const QString& market, int limit) const override;
    Result<QVector<Order>> parseOrders(const net::JsonValue& root) const override;
    ApiCall cancelCall(const OrderRef& ref) const override;
    std::variant<Order, OrderRef> parseCancel(const net::JsonValue& root,
                                              const OrderRef& asked) const override;
    std::optional<ApiCall> ownTradesCall(const QString& market, int limit) const override;
    Result<QVector<Fill>> parseOwnTrades(const net::JsonValue& root) const override;

    QUrl publicStreamUrl(const VenueEndpoints& endpoints) const override;
    QList<QByteArray> publicSubscriptions(const QHash<QString, unsigned>& subscribed) const override;
    QList<QByteArray> privateSubscriptions() const override;
    bool privateSubscriptionsExpire() const override { return true; }
    std::unique_ptr<VenueStreamDecoder> makeStreamDecoder() const override;

    // Request weights as documented per endpoint (GET /api/v3/depth by limit, 24 h tickers by symbol count).
    static int depthWeight(int limit);
    static int tickerWeight(int symbols);

private:
    ApiCall call(const QByteArray& method, const QString& path, QList<std::pair<QString, QString>> query,
                 int weight, bool isPrivate, bool isOrder = false) const;
    QString symbolOf(const OrderRef& ref) const;
    // symbol (when known), then orderId or origClientOrderId.
    QList<std::pair<QString, QString>> orderQuery(const OrderRef& ref) const;
    void rememberSymbols(const Order& order) const;

    Network m_network;
    // The signer of the private calls and of the WebSocket API subscription (set by makeAuthenticator).
    mutable std::weak_ptr<binance::HmacAuthenticator> m_auth;
    // Symbols of orders by client id (Binance looks orders up per symbol).
    mutable QHash<QString, QString> m_symbolByClientId;
    mutable quint64 m_requestId = 0;
    // The pools requests spend from, by rateLimitType (the documented ones until exchangeInfo says).
    mutable QStringList m_weightPools;
    mutable QStringList m_rawPools;
    mutable QStringList m_orderPools;
};

} // namespace hoga
