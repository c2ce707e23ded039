#pragma once

#include "upbit_wire.h"

#include "venues/core/venue_protocol.h"

#include <QHash>

namespace hoga {

// Upbit (api.upbit.com) as a protocol bundle: REST quotation and exchange API with JWT-signed private
// calls (HS256, nonce, query_hash), public and private WebSocket streams in the DEFAULT format, whole-book
// order book frames, Remaining-Req usage headers, and Upbit's error names.
class UpbitProtocol final : public VenueProtocol {
public:
    UpbitProtocol();

    static net::RateLimitConfig limits();

    QString venueId() const override { return QStringLiteral("upbit"); }
    QString displayName() const override;
    VenueCapabilities capabilities() const override;
    VenueEndpoints defaultEndpoints() const override;
    net::RateLimitConfig rateLimits() const override { return limits(); }
    QList<net::PoolUsage> usageOf(const net::HttpResponse& response) const override;
    net::KeepAlive keepAlive() const override;
    net::RateCosts streamConnectCosts() const override { return {{QStringLiteral("websocket-connect"), 1}}; }
    std::shared_ptr<net::Authenticator> makeAuthenticator(const Credentials& credentials,
                                                          const Clock& clock) const override;

    VenueError errorOf(const net::HttpResponse& response, qint64 nowMs) const override;
    bool mayHaveTakenOrder(const net::HttpResponse& failed) const override;

    ApiCall marketsCall() const override;
    Result<QVector<Market>> parseMarkets(const net::JsonValue& root) const override;
    QList<ApiCall> ruleCalls(const QVector<Market>& markets) const override;
    void absorbRuleAnswer(const ApiCall& call, const net::JsonValue& root) override;
    TradingRules rulesFor(const Market& market) const override;
    std::optional<ApiCall> marketRulesCall(const QString& market) const override;
    void absorbMarketRules(const QString& market, const net::JsonValue& root) override;
    void notePrice(const QString& market, const Decimal& last) override;

    ApiCall tickersCall(const QStringList& markets) const override;
    Result<QVector<Ticker>> parseTickers(const net::JsonValue& root) const override;
    ApiCall orderBookCall(const QString& market, int depth) const override;
    Result<OrderBook> parseOrderBook(const net::JsonValue& root, const QString& market) const override;
    ApiCall candlesCall(const CandleQuery& query, qint64 toMs, int count) const override;
    Result<QVector<Candle>> parseCandles(const net::JsonValue& root, const CandleQuery& query) const override;
    ApiCall tradesCall(const QString& market, int count) const override;
    Result<QVector<Trade>> parseTrades(const net::JsonValue& root) const override;

    ApiCall balancesCall() const override;
    Result<QVector<Balance>> parseBalances(const net::JsonValue& root) const override;
    ApiCall createOrderCall(const OrderRequest& request) const override;
    Result<Order> parseCreatedOrder(const net::JsonValue& root) const override;
    ApiCall orderCall(const OrderRef& ref) const override;
    Result<Order> parseOrder(const net::JsonValue& root) const override;
    QVector<Fill> parseOrderFills(const net::JsonValue& root, const Order& order) const override;
    ApiCall openOrdersCall(const QString& market) const override;
    ApiCall closedOrdersCall(const QString& market, int limit) const override;
    Result<QVector<Order>> parseOrders(const net::JsonValue& root) const override;
    ApiCall cancelCall(const OrderRef& ref) const override;
    std::variant<Order, OrderRef> parseCancel(const net::JsonValue& root,
                                              const OrderRef& asked) const override;

    QList<QByteArray> publicSubscriptions(const QHash<QString, unsigned>& subscribed) const override;
    QList<QByteArray> privateSubscriptions() const override;
    std::unique_ptr<VenueStreamDecoder> makeStreamDecoder() const override;

    // Upbit's order book grouping (`level`, KRW markets only; 0 = none) for REST and stream books of
    // `market`. Must be one of the market's supported levels or the venue sends nothing.
    void setOrderBookLevel(const QString& market, const Decimal& level);

private:
    QByteArray m_ticket; // one per connector, on every subscription request
    QHash<QString, Decimal> m_lastPrices;
    QHash<QString, Decimal> m_instrumentTicks;
    QHash<QString, upbit::OrderChance> m_chances;
    QHash<QString, Decimal> m_levels;
};

} // namespace hoga
