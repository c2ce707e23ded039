#include "binance_protocol.h"

#include "binance_auth.h"
#include "binance_errors.h"
#include "binance_parse.h"
#include "binance_stream_decoder.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

using net::JsonValue;
using Query = QList<std::pair<QString, QString>>;

namespace {
const QString kWeight = QStringLiteral("REQUEST_WEIGHT_1M");
const QString kRaw = QStringLiteral("RAW_REQUESTS_5M");
const QString kOrders10s = QStringLiteral("ORDERS_10S");
const QString kOrdersDay = QStringLiteral("ORDERS_1D");
const QString kWsConnect = QStringLiteral("WS_CONNECT_5M");

QString timeInForceCode(TimeInForce tif) {
    switch (tif) {
    case TimeInForce::ImmediateOrCancel:
        return QStringLiteral("IOC");
    case TimeInForce::FillOrKill:
        return QStringLiteral("FOK");
    default:
        return QStringLiteral("GTC");
    }
}
} // namespace

BinanceProtocol::BinanceProtocol(Network network)
    : m_network(network)
    , m_weightPools{kWeight}
    , m_rawPools{kRaw}
    , m_orderPools{kOrders10s, kOrdersDay} {}

BinanceProtocol::~BinanceProtocol() = default;

QString BinanceProtocol::venueId() const {
    return m_network == Network::Testnet ? QStringLiteral("binance-testnet") : QStringLiteral("binance");
}

QString BinanceProtocol::displayName() const {
    return m_network == Network::Testnet
               ? QCoreApplication::translate("hoga::BinanceConnector", "Binance Spot Testnet")
               : QCoreApplication::translate("hoga::BinanceConnector", "Binance");
}

net::RateLimitConfig BinanceProtocol::limits(const QString& venue) {
    net::RateLimitConfig c;
    c.venue = venue;
    c.groups = {
        {kWeight, 6000, 60'000, 300},         {kRaw, 61'000, 300'000, 0},    {kOrders10s, 100, 10'000, 0},
        {kOrdersDay, 200'000, 86'400'000, 0}, {kWsConnect, 300, 300'000, 0},
    };
    c.fallback = {QString(), 6000, 60'000, 0};
    return c;
}

VenueCapabilities BinanceProtocol::capabilities() const {
    VenueCapabilities c;
    c.orderTypes = {OrderType::Limit, OrderType::Market};
    c.limitTimeInForce = {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                          TimeInForce::FillOrKill, TimeInForce::PostOnly};
    c.bestTimeInForce = {};
    c.marketBuyByTotal = true; // quoteOrderQty
    c.marketBuyByQty = true;
    c.marketSellByQty = true;
    c.candleIntervals = {CandleInterval::S1,  CandleInterval::M1,  CandleInterval::M3, CandleInterval::M5,
                         CandleInterval::M15, CandleInterval::M30, CandleInterval::H1, CandleInterval::H4,
                         CandleInterval::D1,  CandleInterval::W1,  CandleInterval::MN1};
    c.maxCandlesPerRequest = 1000;
    c.maxTradesPerRequest = 1000;
    c.maxOrderBookDepth = 5000; // the diff-depth algorithm starts from the deepest snapshot
    c.ownTradesList = true;
    c.lookupByClientId = true; // origClientOrderId
    return c;
}

VenueEndpoints BinanceProtocol::defaultEndpoints() const {
    VenueEndpoints e;
    if (m_network == Network::Testnet) {
        e.restUrl = QUrl(QStringLiteral("https://testnet.binance.vision"));
        e.wsUrl = QUrl(QStringLiteral("wss://stream.testnet.binance.vision"));
        e.privateWsUrl = QUrl(QStringLiteral("wss://ws-api.testnet.binance.vision/ws-api/v3"));
    } else {
        e.restUrl = QUrl(QStringLiteral("https://api.binance.com"));
        e.wsUrl = QUrl(QStringLiteral("wss://stream.binance.com:9443"));
        e.privateWsUrl = QUrl(QStringLiteral("wss://ws-api.binance.com:443/ws-api/v3"));
    }
    return e;
}

QList<net::PoolUsage> BinanceProtocol::usageOf(const net::HttpResponse& response) const {
    // X-MBX-USED-WEIGHT-(intervalNum)(intervalLetter) and X-MBX-ORDER-COUNT-(intervalNum)(intervalLetter):
    // the pool of that interval ("REQUEST_WEIGHT_1M", "ORDERS_10S", ...).
    QList<net::PoolUsage> usage;
    for (const auto& [name, value] : response.headers) {
        const QByteArray upper = name.toUpper();
        QString pool;
        if (upper.startsWith("X-MBX-USED-WEIGHT-"))
            pool = QStringLiteral("REQUEST_WEIGHT_") + QString::fromLatin1(upper.mid(18));
        else if (upper.startsWith("X-MBX-ORDER-COUNT-"))
            pool = QStringLiteral("ORDERS_") + QString::fromLatin1(upper.mid(18));
        else
            continue;
        bool ok = false;
        const int used = value.trimmed().toInt(&ok);
        if (ok)
            usage.append({pool, used, -1});
    }
    return usage;
}

QList<net::RateLimitGroup> BinanceProtocol::announcedRateLimits(const JsonValue& root) const {
    QList<net::RateLimitGroup> groups = binance::parseRateLimits(root);
    QStringList weight, raw, orders;
    for (net::RateLimitGroup& g : groups) {
        if (g.name.startsWith(QLatin1String("REQUEST_WEIGHT_"))) {
            g.priorityReserve = g.limit / 20; // 5 % kept for orders and cancels
            weight << g.name;
        } else if (g.name.startsWith(QLatin1String("RAW_REQUESTS_"))) {
            raw << g.name;
        } else if (g.name.startsWith(QLatin1String("ORDERS_"))) {
            orders << g.name;
        }
    }
    // A type the answer does not list keeps the documented pools.
    if (!weight.isEmpty())
        m_weightPools = weight;
    if (!raw.isEmpty())
        m_rawPools = raw;
    if (!orders.isEmpty())
        m_orderPools = orders;
    return groups;
}

net::KeepAlive BinanceProtocol::keepAlive() const {
    // Binance pings every 20 s (QWebSocket answers); our own ping frame every 30 s proves the link.
    net::KeepAlive k;
    k.pingIntervalMs = 30'000;
    k.silenceTimeoutMs = 75'000;
    return k;
}

net::RateCosts BinanceProtocol::streamConnectCosts() const {
    return {{kWsConnect, 1}};
}

std::shared_ptr<net::Authenticator> BinanceProtocol::makeAuthenticator(const Credentials& credentials,
                                                                       const Clock& clock) const {
    if (credentials.isEmpty())
        return nullptr;
    auto auth = std::make_shared<binance::HmacAuthenticator>(credentials.accessKey, credentials.secretKey,
                                                             clock, kRecvWindowMs);
    m_auth = auth;
    return auth;
}

VenueError BinanceProtocol::errorOf(const net::HttpResponse& response, qint64 nowMs) const {
    VenueError e = binance::errorFromResponse(response, nowMs);
    if (e.venueCode == QLatin1String("-1102") && e.venueMessage.contains(QLatin1String("'symbol'"))) {
        // Only order lookups go out without a symbol, when the id is not one of ours ("SYMBOL:orderId")
        // and the client id was never seen: Binance cannot have such an order for us.
        e.kind = ErrorKind::NotFound;
        e.detail = QCoreApplication::translate("hoga::BinanceErrors",
                                               "Binance finds orders by symbol, and no order with this id is "
                                               "known; order ids look like BTCUSDT:12345.");
    }
    if (e.venueCode == QLatin1String("-1021"))
        if (const auto auth = m_auth.lock())
            auth->markClockStale(); // learn the server's time again before the next signed request
    return e;
}

VenueError BinanceProtocol::orderErrorOf(const net::HttpResponse& response, const OrderRequest& request,
                                         const Market* market, qint64 nowMs) const {
    VenueError e = errorOf(response, nowMs);
    const QString filter = binance::failedFilter(e.venueMessage);
    if (market && !filter.isEmpty()) {
        const QString values = binance::filterValues(filter, *market, request);
        if (!values.isEmpty())
            e.detail += QLatin1Char(' ') + values;
    }
    return e;
}

bool BinanceProtocol::mayHaveTakenOrder(const net::HttpResponse& failed) const {
    // -1007: "Timeout waiting for response from backend server. Send status unknown; execution status
    // unknown."
    return VenueProtocol::mayHaveTakenOrder(failed) ||
           (failed.error == net::HttpError::None && binance::errorCodeOf(failed) == -1007);
}

ApiCall BinanceProtocol::call(const QByteArray& method, const QString& path, Query query, int weight,
                              bool isPrivate, bool isOrder) const {
    ApiCall c;
    c.request.method = method;
    c.request.url = QUrl(path);
    c.request.query = std::move(query);
    for (const QString& pool : std::as_const(m_weightPools))
        c.request.costs.append({pool, weight});
    for (const QString& pool : std::as_const(m_rawPools))
        c.request.costs.append({pool, 1});
    if (isOrder)
        for (const QString& pool : std::as_const(m_orderPools))
            c.request.costs.append({pool, 1});
    c.request.setHeader("Accept", "application/json");
    c.isPrivate = isPrivate;
    return c;
}

ApiCall BinanceProtocol::marketsCall() const {
    return call("GET", QStringLiteral("/api/v3/exchangeInfo"), {}, 20, false);
}

Result<QVector<Market>> BinanceProtocol::parseMarkets(const JsonValue& root) const {
    return binance::parseExchangeInfo(root, venueId());
}

int BinanceProtocol::tickerWeight(int symbols) {
    if (symbols <= 0 || symbols > 100)
        return 80;
    return symbols <= 20 ? 2 : 40;
}

ApiCall BinanceProtocol::tickersCall(const QStringList& markets) const {
    Query q;
    if (!markets.isEmpty()) {
        QString list = QStringLiteral("[");
        for (const QString& m : markets)
            list += (list.size() > 1 ? QStringLiteral(",\"") : QStringLiteral("\"")) + m + QLatin1Char('"');
        list += QLatin1Char(']');
        q.append({QStringLiteral("symbols"), list});
    }
    return call("GET", QStringLiteral("/api/v3/ticker/24hr"), q, tickerWeight(int(markets.size())), false);
}

Result<QVector<Ticker>> BinanceProtocol::parseTickers(const JsonValue& root) const {
    return binance::parseTickers(root, venueId());
}

int BinanceProtocol::depthWeight(int limit) {
    if (limit <= 100)
        return 5;
    if (limit <= 500)
        return 25;
    if (limit <= 1000)
        return 50;
    return 250;
}

ApiCall BinanceProtocol::orderBookCall(const QString& market, int depth) const {
    const int limit = std::clamp(depth, 1, 5000);
    return call("GET", QStringLiteral("/api/v3/depth"),
                {{QStringLiteral("symbol"), market}, {QStringLiteral("limit"), QString::number(limit)}},
                depthWeight(limit), false);
}

Result<OrderBook> BinanceProtocol::parseOrderBook(const JsonValue& root, const QString& market) const {
    return binance::parseDepth(root, venueId(), market);
}

ApiCall BinanceProtocol::candlesCall(const CandleQuery& query, qint64 toMs, int count) const {
    Query q{{QStringLiteral("symbol"), query.market},
            {QStringLiteral("interval"), binance::intervalCode(query.interval)}};
    if (toMs > 0) // endTime is inclusive on open times: candles that open before toMs
        q.append({QStringLiteral("endTime"), QString::number(toMs - 1)});
    q.append({QStringLiteral("limit"), QString::number(std::clamp(count, 1, 1000))});
    return call("GET", QStringLiteral("/api/v3/klines"), q, 2, false);
}

std::optional<ApiCall> BinanceProtocol::candlesFromCall(const CandleQuery& query, qint64 fromMs,
                                                        int count) const {
    // startTime: Binance answers the first `limit` klines that open at or after it.
    Query q{{QStringLiteral("symbol"), query.market},
            {QStringLiteral("interval"), binance::intervalCode(query.interval)},
            {QStringLiteral("startTime"), QString::number(fromMs)}};
    if (query.toMs > 0)
        q.append({QStringLiteral("endTime"), QString::number(query.toMs - 1)});
    q.append({QStringLiteral("limit"), QString::number(std::clamp(count, 1, 1000))});
    return call("GET", QStringLiteral("/api/v3/klines"), q, 2, false);
}

Result<QVector<Candle>> BinanceProtocol::parseCandles(const JsonValue& root, const CandleQuery&) const {
    return binance::parseKlines(root);
}

ApiCall BinanceProtocol::tradesCall(const QString& market, int count) const {
    return call("GET", QStringLiteral("/api/v3/trades"),
                {{QStringLiteral("symbol"), market},
                 {QStringLiteral("limit"), QString::number(std::clamp(count, 1, 1000))}},
                25, false);
}

Result<QVector<Trade>> BinanceProtocol::parseTrades(const JsonValue& root) const {
    return binance::parseTrades(root, venueId(), QString()); // the core names the market
}

ApiCall BinanceProtocol::balancesCall() const {
    return call("GET", QStringLiteral("/api/v3/account"),
                {{QStringLiteral("omitZeroBalances"), QStringLiteral("true")}}, 20, true);
}

Result<QVector<Balance>> BinanceProtocol::parseBalances(const JsonValue& root) const {
    return binance::parseAccount(root, venueId());
}

ApiCall BinanceProtocol::createOrderCall(const OrderRequest& request) const {
    Query q{{QStringLiteral("symbol"), request.market},
            {QStringLiteral("side"), binance::sideCode(request.side)}};
    if (request.type == OrderType::Limit && request.timeInForce == TimeInForce::PostOnly) {
        q.append({QStringLiteral("type"), QStringLiteral("LIMIT_MAKER")});
        q.append({QStringLiteral("quantity"), request.qty.toString()});
        q.append({QStringLiteral("price"), request.price.toString()});
    } else if (request.type == OrderType::Limit) {
        q.append({QStringLiteral("type"), QStringLiteral("LIMIT")});
        q.append({QStringLiteral("timeInForce"), timeInForceCode(request.timeInForce)});
        q.append({QStringLiteral("quantity"), request.qty.toString()});
        q.append({QStringLiteral("price"), request.price.toString()});
    } else {
        q.append({QStringLiteral("type"), QStringLiteral("MARKET")});
        if (request.side == Side::Buy && request.qty.isZero())
            q.append({QStringLiteral("quoteOrderQty"), request.total.toString()});
        else
            q.append({QStringLiteral("quantity"), request.qty.toString()});
    }
    q.append({QStringLiteral("newClientOrderId"), request.clientId});
    q.append({QStringLiteral("newOrderRespType"), QStringLiteral("RESULT")});
    m_symbolByClientId.insert(request.clientId, request.market);
    return call("POST", QStringLiteral("/api/v3/order"), q, 1, true, true);
}

void BinanceProtocol::rememberSymbols(const Order& order) const {
    if (!order.clientId.isEmpty() && !order.market.isEmpty())
        m_symbolByClientId.insert(order.clientId, order.market);
}

Result<Order> BinanceProtocol::parseCreatedOrder(const JsonValue& root) const {
    Result<Order> order = binance::parseOrder(root, venueId());
    if (order.ok())
        rememberSymbols(order.value());
    return order;
}

QString BinanceProtocol::symbolOf(const OrderRef& ref) const {
    if (!ref.id.isEmpty())
        return binance::splitOrderKey(ref.id).first;
    return m_symbolByClientId.value(ref.clientId);
}

Query BinanceProtocol::orderQuery(const OrderRef& ref) const {
    Query q;
    const QString symbol = symbolOf(ref);
    if (!symbol.isEmpty())
        q.append({QStringLiteral("symbol"), symbol});
    if (!ref.id.isEmpty())
        q.append({QStringLiteral("orderId"), binance::splitOrderKey(ref.id).second});
    else
        q.append({QStringLiteral("origClientOrderId"), ref.clientId});
    return q;
}

ApiCall BinanceProtocol::orderCall(const OrderRef& ref) const {
    if (ref.id.isEmpty() && symbolOf(ref).isEmpty()) // a client id this process never saw: the open orders
        return openOrdersCall(QString());
    return call("GET", QStringLiteral("/api/v3/order"), orderQuery(ref), 4, true);
}

Result<Order> BinanceProtocol::parseOrder(const JsonValue& root) const {
    Result<Order> order = binance::parseOrder(root, venueId());
    if (order.ok())
        rememberSymbols(order.value());
    return order;
}

Result<Order> BinanceProtocol::parseOrderFor(const JsonValue& root, const OrderRef& asked) const {
    if (!root.isArray())
        return parseOrder(root);
    // The open orders of every symbol, asked for by a client id whose symbol was unknown.
    const Result<QVector<Order>> orders = parseOrders(root);
    if (!orders.ok())
        return orders.error();
    for (const Order& o : orders.value())
        if ((!asked.clientId.isEmpty() && o.clientId == asked.clientId) ||
            (!asked.id.isEmpty() && o.id == asked.id))
            return o;
    VenueError e;
    e.kind = ErrorKind::NotFound;
    e.detail = QCoreApplication::translate("hoga::BinanceErrors",
                                           "Binance has no open order with client id %1. Binance finds other "
                                           "orders by symbol: give the order id, which looks like "
                                           "BTCUSDT:12345.")
                   .arg(asked.clientId);
    return e;
}

bool BinanceProtocol::readsOrderBeforeCancel(const OrderRef& ref) const {
    return ref.id.isEmpty() && symbolOf(ref).isEmpty(); // the open orders name the symbol first
}

ApiCall BinanceProtocol::openOrdersCall(const QString& market) const {
    Query q;
    if (!market.isEmpty())
        q.append({QStringLiteral("symbol"), market});
    return call("GET", QStringLiteral("/api/v3/openOrders"), q, market.isEmpty() ? 80 : 6, true);
}

ApiCall BinanceProtocol::closedOrdersCall(const QString& market, int limit) const {
    // allOrders needs a symbol; it lists open orders too (the core keeps what it asked for).
    return call("GET", QStringLiteral("/api/v3/allOrders"),
                {{QStringLiteral("symbol"), market},
                 {QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 1000))}},
                20, true);
}

Result<QVector<Order>> BinanceProtocol::parseOrders(const JsonValue& root) const {
    Result<QVector<Order>> orders = binance::parseOrders(root, venueId());
    if (orders.ok())
        for (const Order& o : orders.value())
            rememberSymbols(o);
    return orders;
}

ApiCall BinanceProtocol::cancelCall(const OrderRef& ref) const {
    // Never DELETE /api/v3/openOrders (which cancels every order of a symbol): without a known symbol the
    // request goes out without one and Binance refuses it.
    return call("DELETE", QStringLiteral("/api/v3/order"), orderQuery(ref), 1, true);
}

std::variant<Order, OrderRef> BinanceProtocol::parseCancel(const JsonValue& root,
                                                           const OrderRef& asked) const {
    Result<Order> order = binance::parseOrder(root, venueId());
    if (order.ok() && root.contains("status"))
        return order.value();
    return asked;
}

std::optional<ApiCall> BinanceProtocol::ownTradesCall(const QString& market, int limit) const {
    return call("GET", QStringLiteral("/api/v3/myTrades"),
                {{QStringLiteral("symbol"), market},
                 {QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 1000))}},
                20, true);
}

Result<QVector<Fill>> BinanceProtocol::parseOwnTrades(const JsonValue& root) const {
    return binance::parseMyTrades(root, venueId());
}

QUrl BinanceProtocol::publicStreamUrl(const VenueEndpoints& endpoints) const {
    // Combined streams: every frame comes as {"stream":"<name>","data":{...}}.
    QUrl url = endpoints.wsUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/ws")))
        path.chop(3);
    if (!path.endsWith(QLatin1String("/stream"))) {
        if (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        path += QStringLiteral("/stream");
    }
    url.setPath(path);
    return url;
}

QList<QByteArray> BinanceProtocol::publicSubscriptions(const QHash<QString, unsigned>& subscribed) const {
    QStringList markets = subscribed.keys();
    markets.sort(); // the same set gives the same frame
    net::JsonWriter w;
    w.beginObject().key("method").value("SUBSCRIBE").key("params").beginArray();
    int count = 0;
    for (const QString& market : markets) {
        const QString s = market.toLower();
        const unsigned channels = subscribed.value(market);
        if (channels & TradeChannel) {
            w.value(s + QStringLiteral("@trade"));
            ++count;
        }
        if (channels & TickerChannel) {
            w.value(s + QStringLiteral("@ticker"));
            ++count;
        }
        if (channels & OrderBookChannel) {
            w.value(s + QStringLiteral("@depth@100ms"));
            ++count;
        }
    }
    w.endArray().key("id").value(++m_requestId).endObject();
    if (count == 0)
        return {};
    return {w.data()};
}

QList<QByteArray> BinanceProtocol::privateSubscriptions() const {
    const auto auth = m_auth.lock();
    if (!auth)
        return {};
    const qint64 now = auth->serverNowMs();
    const QString timestamp = QString::number(now);
    const QByteArray signature = auth->signParams(
        {{QStringLiteral("apiKey"), auth->apiKey()}, {QStringLiteral("timestamp"), timestamp}});
    net::JsonWriter w;
    w.beginObject()
        .field("id", QStringLiteral("uds-%1").arg(++m_requestId))
        .key("method")
        .value("userDataStream.subscribe.signature")
        .key("params")
        .beginObject()
        .field("apiKey", auth->apiKey())
        .key("timestamp")
        .value(now)
        .field("signature", QString::fromLatin1(signature))
        .endObject()
        .endObject();
    return {w.data()};
}

std::unique_ptr<VenueStreamDecoder> BinanceProtocol::makeStreamDecoder() const {
    return std::make_unique<binance::StreamDecoder>(venueId());
}

} // namespace hoga
