#pragma once

#include "venues/core/venue_protocol.h"
#include "venues/upbit/upbit_wire.h"

#include <QHash>

namespace hoga {

// Bithumb API 2.0 (api.bithumb.com) as a protocol bundle. It copies Upbit's shape, so it is written with
// the same building blocks (upbit_wire.h), with its own differences: a millisecond `timestamp` in the JWT,
// `client_order_id` and `order_type` on the v2 order paths with short v2 replies, camelCase stream flags
// and `isDetails`, candles whose days open at 00:00 KST and whose `to` is read as KST, its own rate-limit
// categories and error names, and the v2 private stream.
class BithumbProtocol final : public VenueProtocol {
public:
    BithumbProtocol();

    static net::RateLimitConfig limits();

    QString venueId() const override { return QStringLiteral("bithumb"); }
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

private:
    QByteArray m_ticket;
    QHash<QString, Decimal> m_lastPrices;
    QHash<QString, upbit::OrderChance> m_chances;
};

} // namespace hoga
