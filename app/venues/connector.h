#pragma once

#include "core/account.h"
#include "core/candle.h"
#include "core/capabilities.h"
#include "core/market.h"
#include "core/order.h"
#include "core/order_placement.h"
#include "core/orderbook.h"
#include "core/result.h"
#include "core/ticker.h"
#include "core/trade.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <optional>

namespace hoga {

enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };
QString connectionStateName(ConnectionState s); // translated, for the status bar
// The error of a modify a venue cannot do (venue name translated).
VenueError modifyUnsupported(const QString& venueName);

struct CandleQuery {
    QString market;
    CandleInterval interval = CandleInterval::M1;
    int count = 200; // the connector pages internally when this exceeds the venue's per-request maximum
    qint64 toMs = 0; // exclusive end (candles that open before it); 0 = now
    // Inclusive start: with it, the first `count` candles that open at or after it (paged forward where the
    // venue can, e.g. Binance startTime); 0 = the last `count` candles before toMs.
    qint64 fromMs = 0;
};

// Identifies an order by the venue's id or by our client id (exactly one is set).
struct OrderRef {
    QString id;
    QString clientId;
};

// What an order modification changes (KIS 정정): the new limit price and, optionally, how much of what
// remains moves to it. Unset price: the order keeps its price; unset qty: all that remains moves.
struct OrderModification {
    std::optional<Decimal> price;
    std::optional<Decimal> qty;
};

enum StreamChannel : unsigned {
    TickerChannel = 1u << 0,
    TradeChannel = 1u << 1,
    OrderBookChannel = 1u << 2,
};

// One venue, behind a unified, asynchronous API (modelled on ccxt's unified exchange API).
//
// Threading contract: a connector lives in its own thread (see ConnectorHost). Every public method may be
// called from any thread, never blocks, and returns at once; the work runs on the connector's thread and
// the returned future completes there (use QFuture::then(context, ...) to continue on another thread).
// Cancelling a returned future abandons the request where the venue allows it. Stream signals are emitted
// from the connector's thread.
class Connector : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Connector() override = default;

    virtual QString venueId() const = 0;     // "sim", "upbit", "bithumb", ...
    virtual QString displayName() const = 0; // translated, e.g. "Simulated market"
    virtual bool isSimulated() const { return false; }
    virtual bool hasCredentials() const = 0; // private calls possible
    virtual ConnectionState connectionState() const = 0;
    // What the venue offers (order types, time in force, streams, paging limits). Constant for a connector.
    virtual VenueCapabilities capabilities() const = 0;

    // Public market data
    virtual QFuture<Result<QVector<Market>>> fetchMarkets() = 0;
    // One market with its trading rules brought up to date from the venue where it has a per-market rules
    // source (Upbit's orders/chance: fees, minimum total); otherwise the rules fetchMarkets() gave.
    virtual QFuture<Result<Market>> fetchMarketRules(const QString& market) = 0;
    virtual QFuture<Result<QVector<Ticker>>> fetchTickers(const QStringList& markets) = 0;
    virtual QFuture<Result<OrderBook>> fetchOrderBook(const QString& market, int depth) = 0;
    // Oldest first.
    virtual QFuture<Result<QVector<Candle>>> fetchCandles(const CandleQuery& query) = 0;
    // Newest first.
    virtual QFuture<Result<QVector<Trade>>> fetchTrades(const QString& market, int count) = 0;

    // Private (account)
    virtual QFuture<Result<QVector<Balance>>> fetchBalances() = 0;
    // Sends the order once, as asked: the connector does not validate it (OrderEntry does, for every entry
    // path) and never sends it twice. An answer that was lost is looked up once by the client id; see
    // OrderPlacement for the three outcomes. `request.clientId` is generated when empty.
    virtual QFuture<OrderPlacement> createOrder(const OrderRequest& request) = 0;
    virtual QFuture<Result<Order>> fetchOrder(const OrderRef& ref) = 0;
    virtual QFuture<Result<QVector<Order>>> fetchOpenOrders(const QString& market = {}) = 0;
    // Newest first.
    virtual QFuture<Result<QVector<Order>>> fetchClosedOrders(const QString& market = {},
                                                              int limit = 100) = 0;
    virtual QFuture<Result<Order>> cancelOrder(const OrderRef& ref) = 0;
    // Replaces the price (and optionally part of the quantity) of an open limit order. The venue answers
    // with a new order: its id replaces the old one for what moved to it (KIS gives a new ODNO; the rest,
    // if any, stays on the old order). Venues without capabilities().modifyOrders answer with an
    // InvalidOrder error saying so, without a request.
    virtual QFuture<Result<Order>> modifyOrder(const OrderRef& ref, const OrderModification& change);
    // Own fills, newest first.
    virtual QFuture<Result<QVector<Fill>>> fetchFills(const QString& market = {}, int limit = 100) = 0;

    // Streams. Subscriptions are reference counted per market and channel: every subscribe must be matched
    // by one unsubscribe of the same markets and channels, and a stream stops when its count drops to zero.
    // Safe from any thread.
    virtual void subscribeMarketData(const QStringList& markets, unsigned channels) = 0;
    virtual void unsubscribeMarketData(const QStringList& markets, unsigned channels) = 0;
    virtual void subscribeAccount() = 0; // own orders, fills and balances

signals:
    void tickerUpdated(const hoga::Ticker& ticker);
    void tradeReceived(const hoga::Trade& trade);
    // The whole book after the venue's snapshot or delta was applied.
    void orderBookUpdated(const hoga::OrderBook& book);
    void orderUpdated(const hoga::Order& order);
    void fillReceived(const hoga::Fill& fill);
    void balanceUpdated(const hoga::Balance& balance);
    void connectionStateChanged(hoga::ConnectionState state);
    void streamError(const hoga::VenueError& error);
    // The venue stopped accepting our requests (HTTP 418 or a similar ban) until `untilMs` (wall clock);
    // emitted again with 0 when the block is over.
    void requestsBlocked(qint64 untilMs);
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::ConnectionState)
Q_DECLARE_METATYPE(hoga::CandleQuery)
Q_DECLARE_METATYPE(hoga::OrderRef)
Q_DECLARE_METATYPE(hoga::OrderModification)
