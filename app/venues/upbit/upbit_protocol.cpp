#include "upbit_protocol.h"

#include "upbit_jwt.h"

#include <QCoreApplication>
#include <QUuid>

namespace hoga {

using namespace upbit;
using net::JsonValue;

namespace {
constexpr int kInstrumentsPerRequest = 100;
const Decimal kQtyStep = Decimal::fromMantissa(1, 8); // 0.00000001
const QString kInstrumentsPath = QStringLiteral("/v1/orderbook/instruments");
const QString kTickerAllPath = QStringLiteral("/v1/ticker/all");
} // namespace

UpbitProtocol::UpbitProtocol()
    : m_ticket(QUuid::createUuid().toByteArray(QUuid::WithoutBraces)) {}

QString UpbitProtocol::displayName() const {
    return QCoreApplication::translate("hoga::UpbitConnector", "Upbit");
}

net::RateLimitConfig UpbitProtocol::limits() {
    net::RateLimitConfig c;
    c.venue = QStringLiteral("upbit");
    // Quotation pools per IP, exchange pools per account (docs.upbit.com rate limits; `order` is 12/s
    // since 2026-08-21).
    c.groups = {
        {QStringLiteral("market"), 10, 1000, 0},          {QStringLiteral("candle"), 10, 1000, 0},
        {QStringLiteral("trade"), 10, 1000, 0},           {QStringLiteral("ticker"), 10, 1000, 0},
        {QStringLiteral("orderbook"), 10, 1000, 0},       {QStringLiteral("default"), 30, 1000, 6},
        {QStringLiteral("order"), 12, 1000, 0},           {QStringLiteral("order-test"), 8, 1000, 0},
        {QStringLiteral("order-cancel-all"), 1, 2000, 0}, {QStringLiteral("websocket-connect"), 5, 1000, 0},
    };
    c.fallback = {QString(), 10, 1000, 0};
    return c;
}

VenueCapabilities UpbitProtocol::capabilities() const {
    VenueCapabilities c;
    c.orderTypes = {OrderType::Limit, OrderType::Market, OrderType::Best};
    c.limitTimeInForce = {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                          TimeInForce::FillOrKill, TimeInForce::PostOnly};
    c.bestTimeInForce = {TimeInForce::ImmediateOrCancel, TimeInForce::FillOrKill};
    c.marketBuyByTotal = true;
    c.marketBuyByQty = false;
    c.candleIntervals = {CandleInterval::S1,  CandleInterval::M1,  CandleInterval::M3,  CandleInterval::M5,
                         CandleInterval::M10, CandleInterval::M15, CandleInterval::M30, CandleInterval::H1,
                         CandleInterval::H4,  CandleInterval::D1,  CandleInterval::W1,  CandleInterval::MN1};
    c.maxCandlesPerRequest = 200;
    c.maxTradesPerRequest = 500;
    c.maxOrderBookDepth = 30;
    c.ownTradesList = false;
    c.lookupByClientId = true;
    return c;
}

VenueEndpoints UpbitProtocol::defaultEndpoints() const {
    VenueEndpoints e;
    e.restUrl = QUrl(QStringLiteral("https://api.upbit.com"));
    e.wsUrl = QUrl(QStringLiteral("wss://api.upbit.com/websocket/v1"));
    e.privateWsUrl = QUrl(QStringLiteral("wss://api.upbit.com/websocket/v1/private"));
    return e;
}

QList<net::PoolUsage> UpbitProtocol::usageOf(const net::HttpResponse& response) const {
    const auto rr = net::parseRemainingReq(response.header("Remaining-Req"));
    if (!rr)
        return {};
    return {{rr->group, -1, rr->perSecond}};
}

net::KeepAlive UpbitProtocol::keepAlive() const {
    // Upbit closes a connection idle for 120 s; a text "PING" is answered with {"status":"UP"}.
    net::KeepAlive k;
    k.pingIntervalMs = 30'000;
    k.pingText = "PING";
    k.pongMessages = {QByteArrayLiteral(R"({"status":"UP"})")};
    k.silenceTimeoutMs = 75'000;
    return k;
}

std::shared_ptr<net::Authenticator> UpbitProtocol::makeAuthenticator(const Credentials& credentials,
                                                                     const Clock& clock) const {
    if (credentials.isEmpty())
        return nullptr;
    JwtSigner::Options options;
    options.includeTimestamp = false;
    options.clock = &clock;
    return std::make_shared<JwtAuthenticator>(
        std::make_shared<const JwtSigner>(credentials.accessKey, credentials.secretKey, options));
}

VenueError UpbitProtocol::errorOf(const net::HttpResponse& response, qint64 nowMs) const {
    return errorFromResponse(response, upbitErrorRules(), {}, nowMs);
}

bool UpbitProtocol::mayHaveTakenOrder(const net::HttpResponse& failed) const {
    // `nonce_used`: a copy of our request arrived before (the transport re-sent it), so the order may exist.
    return VenueProtocol::mayHaveTakenOrder(failed) ||
           errorOf(failed, 0).venueCode == QLatin1String("nonce_used");
}

// ---------------------------------------------------------------------------------------------------------
// Markets and rules

ApiCall UpbitProtocol::marketsCall() const {
    return call("GET", QStringLiteral("/v1/market/all"),
                {{QStringLiteral("is_details"), QStringLiteral("true")}}, QStringLiteral("market"), false);
}

Result<QVector<Market>> UpbitProtocol::parseMarkets(const JsonValue& root) const {
    return parseMarketList(root, venueId());
}

// Current prices (which tick band a market trades in), then the venue's tick sizes.
QList<ApiCall> UpbitProtocol::ruleCalls(const QVector<Market>& markets) const {
    QStringList quotes;
    QStringList codes;
    for (const Market& m : markets) {
        if (!quotes.contains(m.quote))
            quotes.append(m.quote);
        codes.append(m.code);
    }
    QList<ApiCall> calls;
    if (!quotes.isEmpty())
        calls.append(call("GET", kTickerAllPath,
                          {{QStringLiteral("quote_currencies"), quotes.join(QLatin1Char(','))}},
                          QStringLiteral("ticker"), false));
    for (qsizetype from = 0; from < codes.size(); from += kInstrumentsPerRequest)
        calls.append(call(
            "GET", kInstrumentsPath,
            {{QStringLiteral("markets"), codes.mid(from, kInstrumentsPerRequest).join(QLatin1Char(','))}},
            QStringLiteral("orderbook"), false));
    return calls;
}

void UpbitProtocol::absorbRuleAnswer(const ApiCall& c, const JsonValue& root) {
    const QString path = c.request.url.path();
    for (JsonValue e : root.elements()) {
        if (path == kTickerAllPath) {
            const Decimal last = toDecimal(e["trade_price"]);
            if (last.isPositive())
                m_lastPrices.insert(toText(e["market"]), last);
        } else if (path == kInstrumentsPath) {
            const Decimal tick = toDecimal(e["tick_size"]);
            if (tick.isPositive())
                m_instrumentTicks.insert(toText(e["market"]), tick);
        }
    }
}

TradingRules UpbitProtocol::rulesFor(const Market& market) const {
    TradingRules r;
    r.tickBands = defaultBands(market.quote);
    const Decimal price = m_lastPrices.value(market.code);
    applyTickAt(r.tickBands, price, m_instrumentTicks.value(market.code));
    r.qtyStep = kQtyStep;
    const bool krw = market.quote == QLatin1String("KRW");
    if (krw)
        r.minTotal = 5000;
    else if (market.quote == QLatin1String("BTC"))
        r.minTotal = Decimal::fromString("0.00005");
    else
        r.minTotal = Decimal::fromString("0.5");
    r.makerFeeRate = r.takerFeeRate = krw ? Decimal::fromString("0.0005") : Decimal::fromString("0.0025");
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

std::optional<ApiCall> UpbitProtocol::marketRulesCall(const QString& market) const {
    return call("GET", QStringLiteral("/v1/orders/chance"), {{QStringLiteral("market"), market}},
                QStringLiteral("default"), true);
}

void UpbitProtocol::absorbMarketRules(const QString& market, const JsonValue& root) {
    if (root.isObject())
        m_chances.insert(market, parseOrderChance(root));
}

void UpbitProtocol::notePrice(const QString& market, const Decimal& last) {
    if (last.isPositive())
        m_lastPrices.insert(market, last);
}

// ---------------------------------------------------------------------------------------------------------
// Market data

ApiCall UpbitProtocol::tickersCall(const QStringList& markets) const {
    return call("GET", QStringLiteral("/v1/ticker"),
                {{QStringLiteral("markets"), markets.join(QLatin1Char(','))}}, QStringLiteral("ticker"),
                false);
}

Result<QVector<Ticker>> UpbitProtocol::parseTickers(const JsonValue& root) const {
    return parseTickerList(root, venueId());
}

ApiCall UpbitProtocol::orderBookCall(const QString& market, int) const {
    Query query{{QStringLiteral("markets"), market}};
    const Decimal level = m_levels.value(market);
    if (level.isPositive())
        query.append({QStringLiteral("level"), level.toString()});
    return call("GET", QStringLiteral("/v1/orderbook"), query, QStringLiteral("orderbook"), false);
}

Result<OrderBook> UpbitProtocol::parseOrderBook(const JsonValue& root, const QString& market) const {
    return parseOrderBookOf(root, venueId(), market);
}

ApiCall UpbitProtocol::candlesCall(const CandleQuery& query, qint64 toMs, int count) const {
    Query params{{QStringLiteral("market"), query.market}};
    if (toMs > 0) // Upbit reads `to` with its zone: send UTC with Z
        params.append({QStringLiteral("to"), formatIsoTime(toMs, 0) + QLatin1Char('Z')});
    params.append({QStringLiteral("count"), QString::number(count)});
    return call("GET", candlePath(query.interval), params, QStringLiteral("candle"), false);
}

Result<QVector<Candle>> UpbitProtocol::parseCandles(const JsonValue& root, const CandleQuery&) const {
    if (!root.isArray())
        return malformedAnswer(
            QCoreApplication::translate("hoga::upbit::Wire", "the candle list is not an array"));
    // Upbit's candles open on UTC boundaries (a day at 00:00 UTC = 09:00 KST): candle_date_time_utc as is.
    QVector<Candle> out;
    for (JsonValue e : root.elements())
        out.append(parseCandle(e));
    return out;
}

ApiCall UpbitProtocol::tradesCall(const QString& market, int count) const {
    return call("GET", QStringLiteral("/v1/trades/ticks"),
                {{QStringLiteral("market"), market}, {QStringLiteral("count"), QString::number(count)}},
                QStringLiteral("trade"), false);
}

Result<QVector<Trade>> UpbitProtocol::parseTrades(const JsonValue& root) const {
    return parseTradeList(root, venueId());
}

// ---------------------------------------------------------------------------------------------------------
// Account

ApiCall UpbitProtocol::balancesCall() const {
    return call("GET", QStringLiteral("/v1/accounts"), {}, QStringLiteral("default"), true);
}

Result<QVector<Balance>> UpbitProtocol::parseBalances(const JsonValue& root) const {
    return parseBalanceList(root, venueId());
}

ApiCall UpbitProtocol::createOrderCall(const OrderRequest& request) const {
    ApiCall c = call("POST", QStringLiteral("/v1/orders"), {}, QStringLiteral("order"), true);
    c.request.jsonBody = orderBody(request, "ord_type", "identifier");
    return c;
}

Result<Order> UpbitProtocol::parseCreatedOrder(const JsonValue& root) const {
    return parseOrderObject(root, venueId());
}

ApiCall UpbitProtocol::orderCall(const OrderRef& ref) const {
    const bool byId = !ref.id.isEmpty();
    return call(
        "GET", QStringLiteral("/v1/order"),
        {{byId ? QStringLiteral("uuid") : QStringLiteral("identifier"), byId ? ref.id : ref.clientId}},
        QStringLiteral("default"), true);
}

Result<Order> UpbitProtocol::parseOrder(const JsonValue& root) const {
    return parseOrderObject(root, venueId());
}

QVector<Fill> UpbitProtocol::parseOrderFills(const JsonValue& root, const Order& order) const {
    return root["trades"].isArray() ? upbit::parseOrderFills(root, order) : QVector<Fill>();
}

ApiCall UpbitProtocol::openOrdersCall(const QString& market) const {
    Query q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("states[]"), QStringLiteral("wait")});
    q.append({QStringLiteral("states[]"), QStringLiteral("watch")});
    q.append({QStringLiteral("limit"), QStringLiteral("100")});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return call("GET", QStringLiteral("/v1/orders/open"), q, QStringLiteral("default"), true);
}

ApiCall UpbitProtocol::closedOrdersCall(const QString& market, int limit) const {
    Query q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("states[]"), QStringLiteral("done")});
    q.append({QStringLiteral("states[]"), QStringLiteral("cancel")});
    q.append({QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 1000))});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return call("GET", QStringLiteral("/v1/orders/closed"), q, QStringLiteral("default"), true);
}

Result<QVector<Order>> UpbitProtocol::parseOrders(const JsonValue& root) const {
    return parseOrderList(root, venueId());
}

ApiCall UpbitProtocol::cancelCall(const OrderRef& ref) const {
    const bool byId = !ref.id.isEmpty();
    return call(
        "DELETE", QStringLiteral("/v1/order"),
        {{byId ? QStringLiteral("uuid") : QStringLiteral("identifier"), byId ? ref.id : ref.clientId}},
        QStringLiteral("default"), true);
}

std::variant<Order, OrderRef> UpbitProtocol::parseCancel(const JsonValue& root, const OrderRef& asked) const {
    if (root.isObject() && root.contains("state"))
        return upbit::parseOrder(root, venueId());
    return asked;
}

// ---------------------------------------------------------------------------------------------------------
// Streams

QList<QByteArray> UpbitProtocol::publicSubscriptions(const QHash<QString, unsigned>& subscribed) const {
    const QByteArray request = publicSubscription(m_ticket, subscribed, m_levels, false);
    return request.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{request};
}

QList<QByteArray> UpbitProtocol::privateSubscriptions() const {
    return {privateSubscription(m_ticket)};
}

std::unique_ptr<VenueStreamDecoder> UpbitProtocol::makeStreamDecoder() const {
    return std::make_unique<StreamAdapter>(venueId(), std::span<const ErrorRule>());
}

void UpbitProtocol::setOrderBookLevel(const QString& market, const Decimal& level) {
    if (level.isPositive())
        m_levels.insert(market, level);
    else
        m_levels.remove(market);
}

} // namespace hoga
