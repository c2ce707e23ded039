#include "bithumb_protocol.h"

#include "bithumb_errors.h"

#include "venues/upbit/upbit_jwt.h"

#include <QCoreApplication>
#include <QUuid>

namespace hoga {

using namespace upbit;
using net::JsonValue;

namespace {
constexpr int kKstOffsetSeconds = 9 * 3600;
const Decimal kQtyStep = Decimal::fromMantissa(1, 8); // 0.00000001
} // namespace

BithumbProtocol::BithumbProtocol()
    : m_ticket(QUuid::createUuid().toByteArray(QUuid::WithoutBraces)) {}

QString BithumbProtocol::displayName() const {
    return QCoreApplication::translate("hoga::BithumbConnector", "Bithumb");
}

net::RateLimitConfig BithumbProtocol::limits() {
    net::RateLimitConfig c;
    c.venue = QStringLiteral("bithumb");
    // Per IP and category, per second (apidocs.bithumb.com, API 요청 수 제한).
    c.groups = {
        {QStringLiteral("public"), 150, 1000, 0},
        {QStringLiteral("candle"), 150, 1000, 0},
        {QStringLiteral("orderbook"), 150, 1000, 0},
        {QStringLiteral("ticker"), 150, 1000, 0},
        {QStringLiteral("trade"), 150, 1000, 0},
        {QStringLiteral("private"), 140, 1000, 10},
        {QStringLiteral("order-create"), 140, 1000, 0},
        {QStringLiteral("order-cancel"), 140, 1000, 0},
        {QStringLiteral("websocket-connect"), 10, 1000, 0},
    };
    c.fallback = {QString(), 140, 1000, 0};
    return c;
}

VenueCapabilities BithumbProtocol::capabilities() const {
    VenueCapabilities c;
    c.orderTypes = {OrderType::Limit, OrderType::Market, OrderType::Best};
    c.limitTimeInForce = {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                          TimeInForce::FillOrKill, TimeInForce::PostOnly};
    c.bestTimeInForce = {TimeInForce::ImmediateOrCancel, TimeInForce::FillOrKill};
    c.marketBuyByTotal = true;
    c.marketBuyByQty = false;
    // No one-second candles.
    c.candleIntervals = {CandleInterval::M1,  CandleInterval::M3,  CandleInterval::M5, CandleInterval::M10,
                         CandleInterval::M15, CandleInterval::M30, CandleInterval::H1, CandleInterval::H4,
                         CandleInterval::D1,  CandleInterval::W1,  CandleInterval::MN1};
    c.maxCandlesPerRequest = 200;
    c.maxTradesPerRequest = 500;
    c.maxOrderBookDepth = 30;
    c.ownTradesList = false;
    c.lookupByClientId = true;
    return c;
}

VenueEndpoints BithumbProtocol::defaultEndpoints() const {
    VenueEndpoints e;
    e.restUrl = QUrl(QStringLiteral("https://api.bithumb.com"));
    e.wsUrl = QUrl(QStringLiteral("wss://ws-api.bithumb.com/websocket/v1"));
    e.privateWsUrl = QUrl(QStringLiteral("wss://ws-api.bithumb.com/websocket/v2/private"));
    return e;
}

QList<net::PoolUsage> BithumbProtocol::usageOf(const net::HttpResponse& response) const {
    const auto rr = net::parseRemainingReq(response.header("Remaining-Req"));
    if (!rr)
        return {};
    return {{rr->group, -1, rr->perSecond}};
}

net::KeepAlive BithumbProtocol::keepAlive() const {
    net::KeepAlive k;
    k.pingIntervalMs = 30'000;
    k.pingText = "PING";
    k.pongMessages = {QByteArrayLiteral(R"({"status":"UP"})")};
    k.silenceTimeoutMs = 75'000;
    return k;
}

std::shared_ptr<net::Authenticator> BithumbProtocol::makeAuthenticator(const Credentials& credentials,
                                                                       const Clock& clock) const {
    if (credentials.isEmpty())
        return nullptr;
    JwtSigner::Options options;
    options.includeTimestamp = true; // Bithumb: epoch ms in every token
    options.clock = &clock;
    return std::make_shared<JwtAuthenticator>(
        std::make_shared<const JwtSigner>(credentials.accessKey, credentials.secretKey, options));
}

VenueError BithumbProtocol::errorOf(const net::HttpResponse& response, qint64 nowMs) const {
    return errorFromResponse(response, bithumb::errorRules(), upbitErrorRules(), nowMs);
}

bool BithumbProtocol::mayHaveTakenOrder(const net::HttpResponse& failed) const {
    return VenueProtocol::mayHaveTakenOrder(failed) ||
           errorOf(failed, 0).venueCode == QLatin1String("nonce_used");
}

ApiCall BithumbProtocol::marketsCall() const {
    return call("GET", QStringLiteral("/v1/market/all"),
                {{QStringLiteral("isDetails"), QStringLiteral("true")}}, QStringLiteral("public"), false);
}

Result<QVector<Market>> BithumbProtocol::parseMarkets(const JsonValue& root) const {
    return parseMarketList(root, venueId());
}

TradingRules BithumbProtocol::rulesFor(const Market& market) const {
    TradingRules r;
    r.tickBands = defaultBands(market.quote);
    const Decimal price = m_lastPrices.value(market.code);
    r.qtyStep = kQtyStep;
    if (market.quote == QLatin1String("KRW"))
        r.minTotal = 5000;
    else if (market.quote == QLatin1String("BTC"))
        r.minTotal = Decimal::fromString("0.00005");
    else
        r.minTotal = Decimal::fromString("0.5");
    // Until orders/chance says otherwise (Bithumb's fee depends on the account's coupons): the list rate.
    r.makerFeeRate = r.takerFeeRate = Decimal::fromString("0.0025");
    const auto chance = m_chances.constFind(market.code);
    if (chance != m_chances.cend()) {
        if (chance->bidFee.isPositive() || chance->askFee.isPositive())
            r.takerFeeRate = Decimal::max(chance->bidFee, chance->askFee);
        if (chance->makerBidFee.isPositive() || chance->makerAskFee.isPositive())
            r.makerFeeRate = Decimal::max(chance->makerBidFee, chance->makerAskFee);
        const Decimal minTotal = Decimal::max(chance->bidMinTotal, chance->askMinTotal);
        if (minTotal.isPositive())
            r.minTotal = minTotal;
        r.maxTotal = chance->maxTotal;
        applyTickAt(r.tickBands, price, chance->priceUnit);
    }
    return r;
}

std::optional<ApiCall> BithumbProtocol::marketRulesCall(const QString& market) const {
    return call("GET", QStringLiteral("/v1/orders/chance"), {{QStringLiteral("market"), market}},
                QStringLiteral("private"), true);
}

void BithumbProtocol::absorbMarketRules(const QString& market, const JsonValue& root) {
    if (root.isObject())
        m_chances.insert(market, parseOrderChance(root));
}

void BithumbProtocol::notePrice(const QString& market, const Decimal& last) {
    if (last.isPositive())
        m_lastPrices.insert(market, last);
}

ApiCall BithumbProtocol::tickersCall(const QStringList& markets) const {
    return call("GET", QStringLiteral("/v1/ticker"),
                {{QStringLiteral("markets"), markets.join(QLatin1Char(','))}}, QStringLiteral("ticker"),
                false);
}

Result<QVector<Ticker>> BithumbProtocol::parseTickers(const JsonValue& root) const {
    return parseTickerList(root, venueId());
}

ApiCall BithumbProtocol::orderBookCall(const QString& market, int) const {
    return call("GET", QStringLiteral("/v1/orderbook"), {{QStringLiteral("markets"), market}},
                QStringLiteral("orderbook"), false);
}

Result<OrderBook> BithumbProtocol::parseOrderBook(const JsonValue& root, const QString& market) const {
    return parseOrderBookOf(root, venueId(), market);
}

ApiCall BithumbProtocol::candlesCall(const CandleQuery& query, qint64 toMs, int count) const {
    Query params{{QStringLiteral("market"), query.market}};
    if (toMs > 0) // Bithumb reads a `to` without an offset as KST wall-clock time
        params.append({QStringLiteral("to"), formatIsoTime(toMs, kKstOffsetSeconds)});
    params.append({QStringLiteral("count"), QString::number(count)});
    return call("GET", candlePath(query.interval), params, QStringLiteral("candle"), false);
}

Result<QVector<Candle>> BithumbProtocol::parseCandles(const JsonValue& root, const CandleQuery&) const {
    if (!root.isArray())
        return malformedAnswer(
            QCoreApplication::translate("hoga::upbit::Wire", "the candle list is not an array"));
    // candle_date_time_utc is the instant the candle opens (a Bithumb day opens at 00:00 KST, 15:00 UTC the
    // day before): taken as is, never relabelled.
    QVector<Candle> out;
    for (JsonValue e : root.elements())
        out.append(parseCandle(e));
    return out;
}

ApiCall BithumbProtocol::tradesCall(const QString& market, int count) const {
    return call("GET", QStringLiteral("/v1/trades/ticks"),
                {{QStringLiteral("market"), market}, {QStringLiteral("count"), QString::number(count)}},
                QStringLiteral("trade"), false);
}

Result<QVector<Trade>> BithumbProtocol::parseTrades(const JsonValue& root) const {
    return parseTradeList(root, venueId());
}

ApiCall BithumbProtocol::balancesCall() const {
    return call("GET", QStringLiteral("/v1/accounts"), {}, QStringLiteral("private"), true);
}

Result<QVector<Balance>> BithumbProtocol::parseBalances(const JsonValue& root) const {
    return parseBalanceList(root, venueId());
}

ApiCall BithumbProtocol::createOrderCall(const OrderRequest& request) const {
    ApiCall c = call("POST", QStringLiteral("/v2/orders"), {}, QStringLiteral("order-create"), true);
    c.request.jsonBody = orderBody(request, "order_type", "client_order_id");
    return c;
}

Result<Order> BithumbProtocol::parseCreatedOrder(const JsonValue& root) const {
    // The v2 answer is short (order_id, created_at): the core completes it from the request.
    return parseOrderObject(root, venueId());
}

ApiCall BithumbProtocol::orderCall(const OrderRef& ref) const {
    const bool byId = !ref.id.isEmpty();
    return call(
        "GET", QStringLiteral("/v1/order"),
        {{byId ? QStringLiteral("uuid") : QStringLiteral("client_order_id"), byId ? ref.id : ref.clientId}},
        QStringLiteral("private"), true);
}

Result<Order> BithumbProtocol::parseOrder(const JsonValue& root) const {
    return parseOrderObject(root, venueId());
}

QVector<Fill> BithumbProtocol::parseOrderFills(const JsonValue& root, const Order& order) const {
    return root["trades"].isArray() ? upbit::parseOrderFills(root, order) : QVector<Fill>();
}

ApiCall BithumbProtocol::openOrdersCall(const QString& market) const {
    Query q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("state"), QStringLiteral("wait")}); // `watch` cannot be mixed with other states
    q.append({QStringLiteral("limit"), QStringLiteral("100")});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return call("GET", QStringLiteral("/v1/orders"), q, QStringLiteral("private"), true);
}

ApiCall BithumbProtocol::closedOrdersCall(const QString& market, int limit) const {
    Query q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("states[]"), QStringLiteral("done")});
    q.append({QStringLiteral("states[]"), QStringLiteral("cancel")});
    q.append({QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 100))});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return call("GET", QStringLiteral("/v1/orders"), q, QStringLiteral("private"), true);
}

Result<QVector<Order>> BithumbProtocol::parseOrders(const JsonValue& root) const {
    return parseOrderList(root, venueId());
}

ApiCall BithumbProtocol::cancelCall(const OrderRef& ref) const {
    const bool byId = !ref.id.isEmpty();
    return call("DELETE", QStringLiteral("/v2/order"),
                {{byId ? QStringLiteral("order_id") : QStringLiteral("client_order_id"),
                  byId ? ref.id : ref.clientId}},
                QStringLiteral("order-cancel"), true);
}

std::variant<Order, OrderRef> BithumbProtocol::parseCancel(const JsonValue& root,
                                                           const OrderRef& asked) const {
    if (root.isObject() && root.contains("state"))
        return upbit::parseOrder(root, venueId());
    // A short acknowledgement (order_id, created_at): the order is read again by its id.
    const QString id = toText(root["order_id"]);
    if (!id.isEmpty())
        return OrderRef{id, {}};
    return asked;
}

QList<QByteArray> BithumbProtocol::publicSubscriptions(const QHash<QString, unsigned>& subscribed) const {
    const QByteArray request = publicSubscription(m_ticket, subscribed, {}, true);
    return request.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{request};
}

QList<QByteArray> BithumbProtocol::privateSubscriptions() const {
    return {privateSubscription(m_ticket)};
}

std::unique_ptr<VenueStreamDecoder> BithumbProtocol::makeStreamDecoder() const {
    return std::make_unique<StreamAdapter>(venueId(), bithumb::errorRules());
}

} // namespace hoga
