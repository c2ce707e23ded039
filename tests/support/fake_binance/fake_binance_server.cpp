#include "fake_binance_server.h"

#include "support/fake_venues/fake_http.h"
#include "venues/binance/binance_auth.h"
#include "venues/net/json_value.h"
#include "venues/sim/sim_exchange.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <deque>
#include <map>

namespace hoga::test {

using fake::HttpRequest;
using fake::HttpResponse;
using net::JsonWriter;

namespace {

const QStringList kMarkets{QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
const Decimal kMaxPrice(1'000'000); // PRICE_FILTER maxPrice

struct Answer {
    int status = 200;
    QByteArray body;
};

Answer error(int status, int code, const QString& msg) {
    JsonWriter w;
    w.beginObject().field("code", code).field("msg", msg).endObject();
    return {status, w.data()};
}

QString statusName(const Order& o) {
    switch (o.state) {
    case OrderState::New:
    case OrderState::Open:
        return QStringLiteral("NEW");
    case OrderState::PartiallyFilled:
        return QStringLiteral("PARTIALLY_FILLED");
    case OrderState::Filled:
        return QStringLiteral("FILLED");
    case OrderState::Cancelled:
        return o.type == OrderType::Limit && o.timeInForce != TimeInForce::GoodTillCancel &&
                       o.timeInForce != TimeInForce::PostOnly
                   ? QStringLiteral("EXPIRED")
                   : QStringLiteral("CANCELED");
    case OrderState::Rejected:
        return QStringLiteral("REJECTED");
    }
    return QStringLiteral("NEW");
}

QString typeName(const Order& o) {
    if (o.type == OrderType::Market)
        return QStringLiteral("MARKET");
    return o.timeInForce == TimeInForce::PostOnly ? QStringLiteral("LIMIT_MAKER") : QStringLiteral("LIMIT");
}

QString tifName(const Order& o) {
    switch (o.timeInForce) {
    case TimeInForce::ImmediateOrCancel:
        return QStringLiteral("IOC");
    case TimeInForce::FillOrKill:
        return QStringLiteral("FOK");
    default:
        return QStringLiteral("GTC");
    }
}

} // namespace

struct FakeBinanceServer::Impl {
    FakeBinanceServer* q;
    SimExchange sim;
    QTcpServer tcp;
    QWebSocketServer ws{QStringLiteral("fake-binance"), QWebSocketServer::NonSecureMode};
    QHash<QString, QByteArray> keys;
    int weightLimit = 6000;
    qint64 skewMs = 0;
    std::deque<std::pair<qint64, int>> weights;
    std::deque<qint64> orders10s;
    int orders1d = 0;
    int n429 = 0;
    QHash<QByteArray, int> pathCounts;
    // Binance numbers orders per symbol; the sim uses its own ids.
    QHash<QString, qint64> numberOfSim;
    QHash<qint64, QString> simOfNumber;
    qint64 nextOrderNumber = 1000;
    qint64 nextTradeId = 1;
    // Diff depth: the last published book per market and its update id.
    struct BookState {
        std::map<Decimal, Decimal> bids, asks;
        quint64 updateId = 1000;
    };
    QHash<QString, BookState> books;
    QHash<QWebSocket*, QSet<QString>> publicSubs;
    QSet<QWebSocket*> privateSubs;
    QList<QWebSocket*> sockets;

    bool loseNextOrderAnswer = false;
    int orderPosts = 0;
    int streamConnections = 0;
    int apiConnections = 0;
    int userDataSubscriptions = 0;

    static SimConfig simConfig(quint64 seed, const QHash<QString, Decimal>& balances) {
        SimConfig c;
        c.seed = seed;
        c.autoRun = false;
        c.initialBalances = balances;
        return c;
    }
    Impl(FakeBinanceServer* owner, quint64 seed, const QHash<QString, Decimal>& balances = {})
        : q(owner)
        , sim(simConfig(seed, balances)) {}

    qint64 serverNow() const { return QDateTime::currentMSecsSinceEpoch() + skewMs; }

    // ---- HTTP plumbing
    void onReadyRead(QTcpSocket* socket) {
        while (socket->bytesAvailable() > 0) {
            const QByteArray data = socket->peek(socket->bytesAvailable());
            HttpRequest request;
            qsizetype headBytes = 0, contentLength = 0;
            const fake::HeadParse parsed = fake::parseHttpHead(data, &request, &headBytes, &contentLength);
            if (parsed == fake::HeadParse::Incomplete)
                return;
            if (parsed == fake::HeadParse::Malformed) {
                socket->disconnectFromHost();
                return;
            }
            if (data.size() < headBytes + contentLength)
                return;
            socket->read(headBytes);
            request.body = socket->read(contentLength);
            const bool lose =
                loseNextOrderAnswer && request.method == "POST" && request.path == "/api/v3/order";
            HttpResponse r = handle(request);
            if (lose) {
                loseNextOrderAnswer = false;
                socket->abort(); // the order stands; its answer never arrives
                return;
            }
            socket->write(r.toBytes());
        }
    }

    int weightUsed(qint64 now) {
        while (!weights.empty() && weights.front().first <= now - 60'000)
            weights.pop_front();
        int sum = 0;
        for (const auto& [t, w] : weights)
            sum += w;
        return sum;
    }

    static int depthWeight(int limit) {
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    HttpResponse handle(const HttpRequest& request) {
        ++pathCounts[request.path];
        QList<std::pair<QString, QString>> params;
        for (const QByteArray& part :
             (request.rawQuery + (request.body.isEmpty() ? "" : "&" + request.body)).split('&')) {
            if (part.isEmpty())
                continue;
            const qsizetype eq = part.indexOf('=');
            const QByteArray k = eq < 0 ? part : part.left(eq);
            const QByteArray v = eq < 0 ? QByteArray() : part.mid(eq + 1);
            params.append(
                {QUrl::fromPercentEncoding(k), QUrl::fromPercentEncoding(QByteArray(v).replace('+', ' '))});
        }
        QHash<QString, QString> p;
        for (const auto& [k, v] : params)
            if (!p.contains(k))
                p.insert(k, v);

        const QByteArray m = request.method;
        const QByteArray path = request.path;
        int weight = 1;
        bool isSigned = false;
        bool isOrder = false;
        if (path == "/api/v3/exchangeInfo")
            weight = 20;
        else if (path == "/api/v3/ticker/24hr") {
            const int n = p.contains("symbols") ? int(p.value("symbols").count(QLatin1Char(',')) + 1) : 0;
            weight = p.contains("symbol") ? 2 : n == 0 || n > 100 ? 80 : n <= 20 ? 2 : 40;
        } else if (path == "/api/v3/depth")
            weight = depthWeight(p.value("limit", "100").toInt());
        else if (path == "/api/v3/trades")
            weight = 25;
        else if (path == "/api/v3/klines")
            weight = 2;
        else if (path == "/api/v3/account" || path == "/api/v3/allOrders" || path == "/api/v3/myTrades") {
            weight = 20;
            isSigned = true;
        } else if (path == "/api/v3/order") {
            weight = m == "GET" ? 4 : 1;
            isSigned = true;
            isOrder = m == "POST";
        } else if (path == "/api/v3/openOrders") {
            weight = p.contains("symbol") ? 6 : 80;
            isSigned = true;
        }

        const qint64 now = serverNow();
        HttpResponse r;
        r.setHeader("Content-Type", "application/json;charset=UTF-8");
        const int used = weightUsed(now);
        if (used + weight > weightLimit) {
            ++n429;
            const Answer a = error(429, -1003,
                                   QStringLiteral("Too much request weight used; please use WebSocket "
                                                  "Streams for live updates to avoid polling the API."));
            r.status = a.status;
            r.body = a.body;
            r.setHeader("Retry-After", QByteArray::number((60'000 - now % 60'000) / 1000 + 1));
            r.setHeader("X-MBX-USED-WEIGHT-1M", QByteArray::number(used));
            return r;
        }
        weights.emplace_back(now, weight);
        r.setHeader("X-MBX-USED-WEIGHT-1M", QByteArray::number(used + weight));

        Answer a;
        if (isSigned) {
            if (auto failure = checkSignature(request, p, now)) {
                a = *failure;
                r.status = a.status;
                r.body = a.body;
                return r;
            }
        }
        if (isOrder) {
            while (!orders10s.empty() && orders10s.front() <= now - 10'000)
                orders10s.pop_front();
            orders10s.push_back(now);
            ++orders1d;
            r.setHeader("X-MBX-ORDER-COUNT-10S", QByteArray::number(qint64(orders10s.size())));
            r.setHeader("X-MBX-ORDER-COUNT-1D", QByteArray::number(orders1d));
        }
        a = route(m, path, p);
        r.status = a.status;
        r.body = a.body;
        return r;
    }

    std::optional<Answer> checkSignature(const HttpRequest& request, const QHash<QString, QString>& p,
                                         qint64 now) {
        const QString apiKey = QString::fromUtf8(request.header("x-mbx-apikey"));
        if (apiKey.isEmpty() || !keys.contains(apiKey))
            return error(401, -2015, QStringLiteral("Invalid API-key, IP, or permissions for action."));
        if (!p.contains("timestamp") || !p.contains("signature"))
            return error(400, -1102,
                         QStringLiteral("Mandatory parameter 'timestamp' or 'signature' was not sent."));
        // The signature covers the query string, then the body, without the signature parameter itself.
        QByteArray query = request.rawQuery;
        QByteArray body = request.body;
        static const QRegularExpression sig(QStringLiteral("&?signature=[0-9a-fA-F]*"));
        QByteArray sent;
        if (query.contains("signature=")) {
            sent = query.mid(query.indexOf("signature=") + 10);
            query = QString::fromLatin1(query).remove(sig).toLatin1();
        } else {
            sent = body.mid(body.indexOf("signature=") + 10);
            body = QString::fromLatin1(body).remove(sig).toLatin1();
        }
        if (binance::hmacSha256Hex(keys.value(apiKey), query + body) != sent.toLower())
            return error(400, -1022, QStringLiteral("Signature for this request is not valid."));
        const qint64 recvWindow = p.value("recvWindow", "5000").toLongLong();
        if (recvWindow > 60'000)
            return error(400, -1131, QStringLiteral("recvWindow must be less than 60000"));
        const qint64 ts = p.value("timestamp").toLongLong();
        if (ts >= now + 1000 || now - ts > recvWindow)
            return error(400, -1021,
                         QStringLiteral("Timestamp for this request is outside of the recvWindow."));
        return std::nullopt;
    }

    // ---- JSON
    static void writeOrder(JsonWriter& w, const Order& o, qint64 number, const QString& origClientId = {}) {
        w.beginObject().field("symbol", o.market).key("orderId").value(number).key("orderListId").value(-1);
        if (!origClientId.isEmpty())
            w.field("origClientOrderId", origClientId);
        w.field("clientOrderId", o.clientId)
            .field("price", o.price.toString())
            .field("origQty", o.qty.toString())
            .field("executedQty", o.filledQty.toString())
            .field("origQuoteOrderQty", o.total.toString())
            .field("cummulativeQuoteQty", o.filledQuote.toString())
            .field("status", statusName(o))
            .field("timeInForce", tifName(o))
            .field("type", typeName(o))
            .field("side", o.side == Side::Sell ? "SELL" : "BUY")
            .key("time")
            .value(o.createdAtMs)
            .key("updateTime")
            .value(o.updatedAtMs)
            .key("transactTime")
            .value(o.updatedAtMs)
            .endObject();
    }

    qint64 numberOf(const QString& simId) {
        auto it = numberOfSim.find(simId);
        if (it == numberOfSim.end()) {
            it = numberOfSim.insert(simId, ++nextOrderNumber);
            simOfNumber.insert(*it, simId);
        }
        return *it;
    }

    Answer orderAnswer(const Order& o, const QString& origClientId = {}) {
        JsonWriter w;
        writeOrder(w, o, numberOf(o.id), origClientId);
        return {200, w.data()};
    }

    Answer ordersAnswer(const QVector<Order>& orders) {
        JsonWriter w;
        w.beginArray();
        for (const Order& o : orders)
            writeOrder(w, o, numberOf(o.id));
        w.endArray();
        return {200, w.data()};
    }

    std::optional<Market> market(const QString& symbol) const {
        if (!kMarkets.contains(symbol))
            return std::nullopt;
        for (const Market& m : sim.markets())
            if (m.code == symbol)
                return m;
        return std::nullopt;
    }

    // ---- Routes
    Answer route(const QByteArray& m, const QByteArray& path, const QHash<QString, QString>& p) {
        const QString symbol = p.value("symbol");
        const bool needsSymbol = path == "/api/v3/depth" || path == "/api/v3/trades" ||
                                 path == "/api/v3/klines" || path == "/api/v3/order" ||
                                 path == "/api/v3/allOrders" || path == "/api/v3/myTrades";
        if (needsSymbol && symbol.isEmpty())
            return error(
                400, -1102,
                QStringLiteral("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
        if (!symbol.isEmpty() && !market(symbol))
            return error(400, -1121, QStringLiteral("Invalid symbol."));
        if (path == "/api/v3/time" || path == "/api/v3/ping") {
            JsonWriter w;
            w.beginObject();
            if (path == "/api/v3/time")
                w.key("serverTime").value(serverNow());
            w.endObject();
            return {200, w.data()};
        }
        if (path == "/api/v3/exchangeInfo")
            return exchangeInfo();
        if (path == "/api/v3/ticker/24hr")
            return tickers(p);
        if (path == "/api/v3/depth")
            return depth(symbol, p.value("limit", "100").toInt());
        if (path == "/api/v3/trades")
            return trades(symbol, p.value("limit", "500").toInt());
        if (path == "/api/v3/klines")
            return klines(p);
        if (path == "/api/v3/account")
            return account();
        if (path == "/api/v3/order" && m == "POST") {
            ++orderPosts;
            return createOrder(p);
        }
        if (path == "/api/v3/order" && (m == "GET" || m == "DELETE"))
            return queryOrCancel(m == "DELETE", p);
        if (path == "/api/v3/openOrders" && m == "GET") {
            const Result<QVector<Order>> open = sim.openOrders(symbol);
            QVector<Order> mine;
            for (const Order& o : open.value())
                if (kMarkets.contains(o.market))
                    mine.append(o);
            return ordersAnswer(mine);
        }
        if (path == "/api/v3/allOrders") {
            QVector<Order> all = sim.openOrders(symbol).value();
            all += sim.closedOrders(symbol, std::clamp(p.value("limit", "500").toInt(), 1, 1000)).value();
            return ordersAnswer(all);
        }
        if (path == "/api/v3/myTrades")
            return myTrades(symbol, std::clamp(p.value("limit", "500").toInt(), 1, 1000));
        return error(404, -1000, QStringLiteral("Unknown path."));
    }

    Answer exchangeInfo() {
        JsonWriter w;
        w.beginObject()
            .field("timezone", "UTC")
            .key("serverTime")
            .value(serverNow())
            .key("rateLimits")
            .beginArray();
        auto limit = [&w](const char* type, const char* interval, int num, int value) {
            w.beginObject()
                .field("rateLimitType", type)
                .field("interval", interval)
                .key("intervalNum")
                .value(num)
                .key("limit")
                .value(value)
                .endObject();
        };
        limit("REQUEST_WEIGHT", "MINUTE", 1, weightLimit);
        limit("ORDERS", "SECOND", 10, 100);
        limit("ORDERS", "DAY", 1, 200000);
        limit("RAW_REQUESTS", "MINUTE", 5, 61000);
        w.endArray().key("exchangeFilters").beginArray().endArray().key("symbols").beginArray();
        for (const QString& code : kMarkets) {
            const Market mk = *market(code);
            w.beginObject()
                .field("symbol", code)
                .field("status", "TRADING")
                .field("baseAsset", mk.base)
                .field("quoteAsset", mk.quote)
                .key("orderTypes")
                .beginArray()
                .value("LIMIT")
                .value("LIMIT_MAKER")
                .value("MARKET")
                .endArray()
                .key("quoteOrderQtyMarketAllowed")
                .value(true)
                .key("isSpotTradingAllowed")
                .value(true)
                .key("filters")
                .beginArray();
            w.beginObject()
                .field("filterType", "PRICE_FILTER")
                .field("minPrice", mk.rules.tickFor(Decimal(1)).toString())
                .field("maxPrice", kMaxPrice.toString())
                .field("tickSize", mk.rules.tickFor(Decimal(1)).toString())
                .endObject();
            w.beginObject()
                .field("filterType", "LOT_SIZE")
                .field("minQty", mk.rules.qtyStep.toString())
                .field("maxQty", "9000")
                .field("stepSize", mk.rules.qtyStep.toString())
                .endObject();
            w.beginObject()
                .field("filterType", "MARKET_LOT_SIZE")
                .field("minQty", "0")
                .field("maxQty", "100")
                .field("stepSize", "0")
                .endObject();
            w.beginObject()
                .field("filterType", "NOTIONAL")
                .field("minNotional", mk.rules.minTotal.toString())
                .key("applyMinToMarket")
                .value(true)
                .field("maxNotional", "9000000")
                .key("applyMaxToMarket")
                .value(false)
                .key("avgPriceMins")
                .value(5)
                .endObject();
            w.endArray().endObject();
        }
        w.endArray().endObject();
        return {200, w.data()};
    }

    static void writeTicker(JsonWriter& w, const Ticker& t) {
        const Decimal change = t.last - t.open;
        const Decimal pct =
            t.open.isPositive() ? (change * Decimal(100)).divide(t.open, 3, Rounding::HalfEven) : Decimal();
        w.beginObject()
            .field("symbol", t.market)
            .field("priceChange", change.toString())
            .field("priceChangePercent", pct.toString())
            .field("prevClosePrice", t.prevClose.toString())
            .field("lastPrice", t.last.toString())
            .field("openPrice", t.open.toString())
            .field("highPrice", t.high.toString())
            .field("lowPrice", t.low.toString())
            .field("volume", t.volume24h.toString())
            .field("quoteVolume", t.quoteVolume24h.toString())
            .key("openTime")
            .value(t.timestampMs - 86'400'000)
            .key("closeTime")
            .value(t.timestampMs)
            .endObject();
    }

    Answer tickers(const QHash<QString, QString>& p) {
        QStringList codes;
        if (p.contains("symbol"))
            codes = {p.value("symbol")};
        else if (p.contains("symbols")) {
            net::JsonDocument doc;
            if (!doc.parse(p.value("symbols").toUtf8()) || !doc.root().isArray())
                return error(400, -1100, QStringLiteral("Illegal characters found in parameter 'symbols'."));
            for (net::JsonValue v : doc.root().elements())
                codes.append(v.toString());
            for (const QString& c : codes)
                if (!market(c))
                    return error(400, -1121, QStringLiteral("Invalid symbol."));
        } else
            codes = kMarkets;
        const Result<QVector<Ticker>> t = sim.tickers(codes);
        JsonWriter w;
        if (p.contains("symbol")) {
            writeTicker(w, t.value().at(0));
            return {200, w.data()};
        }
        w.beginArray();
        for (const Ticker& x : t.value())
            writeTicker(w, x);
        w.endArray();
        return {200, w.data()};
    }

    Answer depth(const QString& symbol, int limit) {
        if (limit < 1 || limit > 5000)
            return error(400, -1100, QStringLiteral("Illegal characters found in parameter 'limit'."));
        publishBooks(); // the snapshot and the diffs agree on the update id
        const OrderBook b = sim.orderBook(symbol, limit).value();
        JsonWriter w;
        w.beginObject().key("lastUpdateId").value(qint64(books[symbol].updateId)).key("bids").beginArray();
        for (const BookLevel& l : b.bids())
            w.beginArray().value(l.price.toString()).value(l.qty.toString()).endArray();
        w.endArray().key("asks").beginArray();
        for (const BookLevel& l : b.asks())
            w.beginArray().value(l.price.toString()).value(l.qty.toString()).endArray();
        w.endArray().endObject();
        return {200, w.data()};
    }

    Answer trades(const QString& symbol, int limit) {
        const QVector<Trade> t = sim.recentTrades(symbol, std::clamp(limit, 1, 500)).value();
        JsonWriter w;
        w.beginArray();
        for (auto it = t.crbegin(); it != t.crend(); ++it) // oldest first, like Binance
            w.beginObject()
                .key("id")
                .value(it->id.toLongLong())
                .field("price", it->price.toString())
                .field("qty", it->qty.toString())
                .field("quoteQty", (it->price * it->qty).toString())
                .key("time")
                .value(it->timestampMs)
                .key("isBuyerMaker")
                .value(it->side == Side::Sell)
                .key("isBestMatch")
                .value(true)
                .endObject();
        w.endArray();
        return {200, w.data()};
    }

    Answer klines(const QHash<QString, QString>& p) {
        static const QHash<QString, CandleInterval> intervals{
            {"1s", CandleInterval::S1}, {"1m", CandleInterval::M1},   {"3m", CandleInterval::M3},
            {"5m", CandleInterval::M5}, {"15m", CandleInterval::M15}, {"30m", CandleInterval::M30},
            {"1h", CandleInterval::H1}, {"4h", CandleInterval::H4},   {"1d", CandleInterval::D1},
            {"1w", CandleInterval::W1}, {"1M", CandleInterval::MN1}};
        if (!intervals.contains(p.value("interval")))
            return error(400, -1120, QStringLiteral("Invalid interval."));
        const int limit = p.value("limit", "500").toInt();
        if (limit < 1 || limit > 1000)
            return error(400, -1100, QStringLiteral("Illegal characters found in parameter 'limit'."));
        CandleQuery query;
        query.market = p.value("symbol");
        query.interval = intervals.value(p.value("interval"));
        query.count = limit;
        query.toMs = p.contains("endTime") ? p.value("endTime").toLongLong() + 1 : 0;
        const qint64 start = p.value("startTime", "0").toLongLong();
        if (start > 0) {
            // With startTime Binance answers the first `limit` klines from it: ask the simulator for the
            // span that far after it (one interval of slack for months), oldest first, and cut.
            const qint64 span = start + (qint64(limit) + 1) * intervalMs(query.interval);
            const qint64 until = std::min(query.toMs > 0 ? query.toMs : serverNow() + 1, span);
            if (until <= start)
                return {200, "[]"};
            query.toMs = until;
            query.count = limit + 2;
        }
        const QVector<Candle> candles = sim.candles(query).value();
        JsonWriter w;
        w.beginArray();
        int written = 0;
        for (const Candle& c : candles) {
            if (c.openTimeMs < start || written == limit)
                continue;
            ++written;
            w.beginArray()
                .value(c.openTimeMs)
                .value(c.open.toString())
                .value(c.high.toString())
                .value(c.low.toString())
                .value(c.close.toString())
                .value(c.volume.toString())
                .value(c.openTimeMs + intervalMs(query.interval) - 1)
                .value(c.quoteVolume.toString())
                .value(1)
                .value("0")
                .value("0")
                .value("0")
                .endArray();
        }
        w.endArray();
        return {200, w.data()};
    }

    Answer account() {
        JsonWriter w;
        w.beginObject().key("canTrade").value(true).field("accountType", "SPOT").key("balances").beginArray();
        for (const Balance& b : sim.balances())
            if (!b.total().isZero())
                w.beginObject()
                    .field("asset", b.currency)
                    .field("free", b.free.toString())
                    .field("locked", b.locked.toString())
                    .endObject();
        w.endArray().endObject();
        return {200, w.data()};
    }

    Answer createOrder(const QHash<QString, QString>& p) {
        const Market mk = *market(p.value("symbol"));
        static const QRegularExpression clientIdRule(QStringLiteral("^[a-zA-Z0-9-_]{1,36}$"));
        const QString clientId = p.value("newClientOrderId");
        if (!clientId.isEmpty() && !clientIdRule.match(clientId).hasMatch())
            return error(400, -1100,
                         QStringLiteral("Illegal characters found in parameter 'newClientOrderId'; legal "
                                        "range is '^[a-zA-Z0-9-_]{1,36}$'."));
        OrderRequest r;
        r.market = mk.code;
        r.clientId = clientId.isEmpty() ? QStringLiteral("x-%1").arg(nextOrderNumber + 1) : clientId;
        const QString side = p.value("side");
        if (side != QLatin1String("BUY") && side != QLatin1String("SELL"))
            return error(400, -1117, QStringLiteral("Invalid side."));
        r.side = side == QLatin1String("SELL") ? Side::Sell : Side::Buy;
        const QString type = p.value("type");
        const auto price = Decimal::parse(p.value("price"));
        const auto qty = Decimal::parse(p.value("quantity"));
        const auto quote = Decimal::parse(p.value("quoteOrderQty"));
        if (type == QLatin1String("LIMIT") || type == QLatin1String("LIMIT_MAKER")) {
            if (!price || !qty)
                return error(400, -1102,
                             QStringLiteral("Mandatory parameter 'price' or 'quantity' was not sent."));
            r.type = OrderType::Limit;
            r.price = *price;
            r.qty = *qty;
            const QString tif = p.value("timeInForce");
            if (type == QLatin1String("LIMIT_MAKER")) {
                if (!tif.isEmpty())
                    return error(400, -1106,
                                 QStringLiteral("Parameter 'timeInForce' sent when not required."));
                r.timeInForce = TimeInForce::PostOnly;
            } else if (tif == QLatin1String("GTC"))
                r.timeInForce = TimeInForce::GoodTillCancel;
            else if (tif == QLatin1String("IOC"))
                r.timeInForce = TimeInForce::ImmediateOrCancel;
            else if (tif == QLatin1String("FOK"))
                r.timeInForce = TimeInForce::FillOrKill;
            else
                return error(
                    400, -1102,
                    QStringLiteral(
                        "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed."));
            const Decimal tick = mk.rules.tickFor(r.price);
            if (!r.price.isPositive() || (tick.isPositive() && !r.price.isMultipleOf(tick)) ||
                r.price > kMaxPrice)
                return error(400, -1013, QStringLiteral("Filter failure: PRICE_FILTER"));
        } else if (type == QLatin1String("MARKET")) {
            r.type = OrderType::Market;
            if (qty && quote)
                return error(400, -1106, QStringLiteral("Parameter 'quoteOrderQty' sent when not required."));
            if (quote) {
                if (r.side == Side::Sell)
                    return error(400, -1013, QStringLiteral("Filter failure: MARKET_LOT_SIZE"));
                r.total = *quote;
                if (r.total < mk.rules.minTotal)
                    return error(400, -1013, QStringLiteral("Filter failure: NOTIONAL"));
            } else if (qty)
                r.qty = *qty;
            else
                return error(400, -1102, QStringLiteral("Mandatory parameter 'quantity' was not sent."));
        } else {
            return error(400, -1116, QStringLiteral("Invalid orderType."));
        }
        if (!r.qty.isZero() || r.type == OrderType::Limit) {
            if (!r.qty.isPositive() || r.qty < mk.rules.minQty || !r.qty.isMultipleOf(mk.rules.qtyStep))
                return error(400, -1013, QStringLiteral("Filter failure: LOT_SIZE"));
        }
        if (r.type == OrderType::Limit && r.price * r.qty < mk.rules.minTotal)
            return error(400, -1013, QStringLiteral("Filter failure: NOTIONAL"));
        const QVector<Order> open = sim.openOrders(QString()).value();
        for (const Order& o : open)
            if (o.clientId == r.clientId)
                return error(400, -2010, QStringLiteral("Duplicate order sent."));
        if (r.timeInForce == TimeInForce::PostOnly) {
            const OrderBook b = sim.orderBook(mk.code, 1).value();
            const auto best = r.side == Side::Buy ? b.bestAsk() : b.bestBid();
            if (best && (r.side == Side::Buy ? r.price >= best->price : r.price <= best->price))
                return error(400, -2010, QStringLiteral("Order would immediately match and take."));
        }
        SimEvents events;
        const Result<Order> placed = sim.createOrder(r, &events);
        if (!placed.ok()) {
            if (placed.error().kind == ErrorKind::InsufficientFunds)
                return error(400, -2010,
                             QStringLiteral("Account has insufficient balance for requested action."));
            return error(400, -1013, QStringLiteral("Filter failure: ") + placed.error().detail);
        }
        publish(events);
        return orderAnswer(sim.order({placed.value().id, {}}).value());
    }

    Answer queryOrCancel(bool cancel, const QHash<QString, QString>& p) {
        OrderRef ref;
        if (p.contains("orderId")) {
            ref.id = simOfNumber.value(p.value("orderId").toLongLong());
            if (ref.id.isEmpty())
                return cancel ? error(400, -2011, QStringLiteral("Unknown order sent."))
                              : error(400, -2013, QStringLiteral("Order does not exist."));
        } else if (p.contains("origClientOrderId")) {
            ref.clientId = p.value("origClientOrderId");
        } else {
            return error(
                400, -1102,
                QStringLiteral(
                    "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!"));
        }
        const Result<Order> found = sim.order(ref);
        if (!found.ok() || found.value().market != p.value("symbol"))
            return cancel ? error(400, -2011, QStringLiteral("Unknown order sent."))
                          : error(400, -2013, QStringLiteral("Order does not exist."));
        if (!cancel)
            return orderAnswer(found.value());
        if (!found.value().isOpen())
            return error(400, -2011, QStringLiteral("Unknown order sent."));
        SimEvents events;
        const Result<Order> cancelled = sim.cancelOrder({found.value().id, {}}, &events);
        if (!cancelled.ok())
            return error(400, -2011, QStringLiteral("Unknown order sent."));
        publish(events);
        return orderAnswer(cancelled.value(), found.value().clientId);
    }

    Answer myTrades(const QString& symbol, int limit) {
        const QVector<Fill> fills = sim.fills(symbol, limit).value();
        JsonWriter w;
        w.beginArray();
        for (auto it = fills.crbegin(); it != fills.crend(); ++it)
            w.beginObject()
                .field("symbol", it->market)
                .key("id")
                .value(it->tradeId.toLongLong())
                .key("orderId")
                .value(numberOf(it->orderId))
                .key("orderListId")
                .value(-1)
                .field("price", it->price.toString())
                .field("qty", it->qty.toString())
                .field("quoteQty", (it->price * it->qty).toString())
                .field("commission", it->fee.toString())
                .field("commissionAsset", it->feeCurrency)
                .key("time")
                .value(it->timestampMs)
                .key("isBuyer")
                .value(it->side == Side::Buy)
                .key("isMaker")
                .value(it->maker)
                .key("isBestMatch")
                .value(true)
                .endObject();
        w.endArray();
        return {200, w.data()};
    }

    // ---- Streams
    void onWsConnection() {
        while (QWebSocket* socket = ws.nextPendingConnection()) {
            const QString path = socket->requestUrl().path();
            if (path != QLatin1String("/stream") && path != QLatin1String("/ws-api/v3")) {
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
                socket->deleteLater();
                continue;
            }
            const bool api = path == QLatin1String("/ws-api/v3");
            ++(api ? apiConnections : streamConnections);
            sockets.append(socket);
            QObject::connect(
                socket, &QWebSocket::textMessageReceived, q, [this, socket, api](const QString& text) {
                    api ? onApiMessage(socket, text.toUtf8()) : onStreamMessage(socket, text.toUtf8());
                });
            QObject::connect(socket, &QWebSocket::disconnected, q, [this, socket] {
                sockets.removeAll(socket);
                publicSubs.remove(socket);
                privateSubs.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void onStreamMessage(QWebSocket* socket, const QByteArray& text) {
        net::JsonDocument doc;
        if (!doc.parse(text) || !doc.root().isObject()) {
            socket->sendTextMessage(QStringLiteral(R"({"code":2,"msg":"Invalid JSON"})"));
            return;
        }
        const QString method = doc.root()["method"].toString();
        QSet<QString>& subs = publicSubs[socket];
        for (net::JsonValue v : doc.root()["params"].elements()) {
            if (method == QLatin1String("SUBSCRIBE"))
                subs.insert(v.toString());
            else if (method == QLatin1String("UNSUBSCRIBE"))
                subs.remove(v.toString());
        }
        JsonWriter w;
        w.beginObject().key("result").nullValue().key("id").value(doc.root()["id"]).endObject();
        socket->sendTextMessage(QString::fromUtf8(w.data()));
    }

    void onApiMessage(QWebSocket* socket, const QByteArray& text) {
        net::JsonDocument doc;
        if (!doc.parse(text) || !doc.root().isObject())
            return;
        const net::JsonValue root = doc.root();
        auto fail = [&](int code, const QString& msg) {
            JsonWriter w;
            w.beginObject()
                .key("id")
                .value(root["id"])
                .key("status")
                .value(400)
                .key("error")
                .beginObject()
                .field("code", code)
                .field("msg", msg)
                .endObject()
                .endObject();
            socket->sendTextMessage(QString::fromUtf8(w.data()));
        };
        if (root["method"].toString() != QLatin1String("userDataStream.subscribe.signature"))
            return fail(-1100, QStringLiteral("Unknown method."));
        const net::JsonValue params = root["params"];
        const QString apiKey = params["apiKey"].toString();
        if (!keys.contains(apiKey))
            return fail(-2015, QStringLiteral("Invalid API-key, IP, or permissions for action."));
        std::vector<std::pair<QString, QString>> signedParams;
        for (const net::JsonMember& m : params.members())
            if (m.key != "signature")
                signedParams.emplace_back(QString::fromUtf8(m.key.data(), qsizetype(m.key.size())),
                                          m.value.toString());
        std::sort(signedParams.begin(), signedParams.end());
        QByteArray payload;
        for (const auto& [k, v] : signedParams)
            payload += (payload.isEmpty() ? "" : "&") + k.toUtf8() + '=' + v.toUtf8();
        if (binance::hmacSha256Hex(keys.value(apiKey), payload) != params["signature"].toString().toLatin1())
            return fail(-1022, QStringLiteral("Signature for this request is not valid."));
        const qint64 ts = params["timestamp"].toInt64(0);
        const qint64 now = serverNow();
        if (ts >= now + 1000 || now - ts > 5000)
            return fail(-1021, QStringLiteral("Timestamp for this request is outside of the recvWindow."));
        privateSubs.insert(socket);
        ++userDataSubscriptions;
        JsonWriter w;
        w.beginObject()
            .key("id")
            .value(root["id"])
            .key("status")
            .value(200)
            .key("result")
            .beginObject()
            .key("subscriptionId")
            .value(0)
            .endObject()
            .endObject();
        socket->sendTextMessage(QString::fromUtf8(w.data()));
    }

    void sendStream(const QString& stream, const QByteArray& data) {
        const QString frame = QStringLiteral("{\"stream\":\"%1\",\"data\":").arg(stream) +
                              QString::fromUtf8(data) + QLatin1Char('}');
        for (auto it = publicSubs.cbegin(); it != publicSubs.cend(); ++it)
            if (it.value().contains(stream))
                it.key()->sendTextMessage(frame);
    }

    void sendUser(const QByteArray& event) {
        const QString frame =
            QStringLiteral("{\"subscriptionId\":0,\"event\":") + QString::fromUtf8(event) + QLatin1Char('}');
        for (QWebSocket* s : std::as_const(privateSubs))
            s->sendTextMessage(frame);
    }

    void publishBooks() {
        for (const QString& code : kMarkets) {
            const OrderBook b = sim.orderBook(code, 1000).value();
            BookState& state = books[code];
            std::map<Decimal, Decimal> bids, asks;
            for (const BookLevel& l : b.bids())
                bids[l.price] = l.qty;
            for (const BookLevel& l : b.asks())
                asks[l.price] = l.qty;
            auto diff = [](const std::map<Decimal, Decimal>& before, const std::map<Decimal, Decimal>& after,
                           JsonWriter& w) {
                int n = 0;
                w.beginArray();
                for (const auto& [price, qty] : after)
                    if (auto it = before.find(price); it == before.end() || it->second != qty) {
                        w.beginArray().value(price.toString()).value(qty.toString()).endArray();
                        ++n;
                    }
                for (const auto& [price, qty] : before)
                    if (!after.count(price)) {
                        w.beginArray().value(price.toString()).value("0").endArray();
                        ++n;
                    }
                w.endArray();
                return n;
            };
            JsonWriter w;
            const quint64 first = state.updateId + 1;
            w.beginObject()
                .field("e", "depthUpdate")
                .key("E")
                .value(serverNow())
                .field("s", code)
                .key("U")
                .value(qint64(first))
                .key("u")
                .value(qint64(first))
                .key("b");
            int changes = diff(state.bids, bids, w);
            w.key("a");
            changes += diff(state.asks, asks, w);
            w.endObject();
            if (changes == 0)
                continue;
            state.updateId = first;
            state.bids = std::move(bids);
            state.asks = std::move(asks);
            sendStream(code.toLower() + QStringLiteral("@depth@100ms"), w.data());
            sendStream(code.toLower() + QStringLiteral("@depth"), w.data());
        }
    }

    void publishTickers() {
        const QVector<Ticker> all = sim.tickers(kMarkets).value();
        for (const Ticker& t : all) {
            const Decimal change = t.last - t.open;
            const Decimal pct = t.open.isPositive()
                                    ? (change * Decimal(100)).divide(t.open, 3, Rounding::HalfEven)
                                    : Decimal();
            JsonWriter w;
            w.beginObject()
                .field("e", "24hrTicker")
                .key("E")
                .value(serverNow())
                .field("s", t.market)
                .field("p", change.toString())
                .field("P", pct.toString())
                .field("x", t.prevClose.toString())
                .field("c", t.last.toString())
                .field("o", t.open.toString())
                .field("h", t.high.toString())
                .field("l", t.low.toString())
                .field("v", t.volume24h.toString())
                .field("q", t.quoteVolume24h.toString())
                .endObject();
            sendStream(t.market.toLower() + QStringLiteral("@ticker"), w.data());
        }
    }

    void publish(const SimEvents& events) {
        for (const Trade& t : events.trades) {
            if (!kMarkets.contains(t.market))
                continue;
            JsonWriter w;
            w.beginObject()
                .field("e", "trade")
                .key("E")
                .value(serverNow())
                .field("s", t.market)
                .key("t")
                .value(t.id.toLongLong())
                .field("p", t.price.toString())
                .field("q", t.qty.toString())
                .key("T")
                .value(t.timestampMs)
                .key("m")
                .value(t.side == Side::Sell)
                .endObject();
            sendStream(t.market.toLower() + QStringLiteral("@trade"), w.data());
        }
        publishBooks();
        // Own activity: one report per fill, then the order's latest state when it did not fill.
        QSet<QString> reported;
        for (const Fill& f : events.fills) {
            const Order o = sim.order({f.orderId, {}}).value();
            sendUser(executionReport(o, &f));
            reported.insert(o.id);
        }
        for (auto it = events.orders.crbegin(); it != events.orders.crend(); ++it)
            if (!reported.contains(it->id) && kMarkets.contains(it->market)) {
                sendUser(executionReport(*it, nullptr));
                reported.insert(it->id);
            }
        if (!events.balances.isEmpty()) {
            JsonWriter w;
            w.beginObject()
                .field("e", "outboundAccountPosition")
                .key("E")
                .value(serverNow())
                .key("u")
                .value(serverNow())
                .key("B")
                .beginArray();
            for (const Balance& b : events.balances)
                w.beginObject()
                    .field("a", b.currency)
                    .field("f", b.free.toString())
                    .field("l", b.locked.toString())
                    .endObject();
            w.endArray().endObject();
            sendUser(w.data());
        }
    }

    QByteArray executionReport(const Order& o, const Fill* f) {
        const QString status = statusName(o);
        QString exec = f                                ? QStringLiteral("TRADE")
                       : status == QLatin1String("NEW") ? QStringLiteral("NEW")
                                                        : status;
        if (exec == QLatin1String("PARTIALLY_FILLED") || exec == QLatin1String("FILLED"))
            exec = QStringLiteral("TRADE");
        JsonWriter w;
        w.beginObject()
            .field("e", "executionReport")
            .key("E")
            .value(serverNow())
            .field("s", o.market)
            .field("c", o.clientId)
            .field("S", o.side == Side::Sell ? "SELL" : "BUY")
            .field("o", typeName(o))
            .field("f", tifName(o))
            .field("q", o.qty.toString())
            .field("p", o.price.toString())
            .field("x", exec)
            .field("X", status)
            .field("r", "NONE")
            .key("i")
            .value(numberOf(o.id))
            .field("l", f ? f->qty.toString() : QStringLiteral("0"))
            .field("z", o.filledQty.toString())
            .field("L", f ? f->price.toString() : QStringLiteral("0"))
            .field("n", f ? f->fee.toString() : QStringLiteral("0"))
            .key("N");
        if (f)
            w.value(f->feeCurrency);
        else
            w.nullValue();
        w.key("T")
            .value(f ? f->timestampMs : o.updatedAtMs)
            .key("t")
            .value(f ? f->tradeId.toLongLong() : qint64(-1))
            .key("m")
            .value(f && f->maker)
            .key("O")
            .value(o.createdAtMs)
            .field("Z", o.filledQuote.toString())
            .field("Q", o.total.toString())
            .field("C", "")
            .endObject();
        return w.data();
    }
};

FakeBinanceServer::FakeBinanceServer(quint64 seed, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(this, seed)) {}

FakeBinanceServer::FakeBinanceServer(quint64 seed, const QHash<QString, Decimal>& balances, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(this, seed, balances)) {}

FakeBinanceServer::~FakeBinanceServer() {
    for (QWebSocket* s : std::as_const(d->sockets))
        s->disconnect(this);
}

bool FakeBinanceServer::start() {
    connect(&d->tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = d->tcp.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { d->onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    connect(&d->ws, &QWebSocketServer::newConnection, this, [this] { d->onWsConnection(); });
    if (!d->tcp.listen(QHostAddress::LocalHost) || !d->ws.listen(QHostAddress::LocalHost))
        return false;
    d->publishBooks();
    return true;
}

QUrl FakeBinanceServer::restUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->tcp.serverPort()));
}

QUrl FakeBinanceServer::wsUrl() const {
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(d->ws.serverPort()));
}

QUrl FakeBinanceServer::wsApiUrl() const {
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws-api/v3").arg(d->ws.serverPort()));
}

void FakeBinanceServer::addKey(const QString& apiKey, const QByteArray& secret) {
    d->keys.insert(apiKey, secret);
}

void FakeBinanceServer::step() {
    const SimEvents events = d->sim.step();
    d->publish(events);
    d->publishTickers();
}

void FakeBinanceServer::setWeightLimit(int perMinute) {
    d->weightLimit = perMinute;
}

void FakeBinanceServer::setClockSkewMs(qint64 ms) {
    d->skewMs = ms;
}

int FakeBinanceServer::requestCount(const QByteArray& path) const {
    return d->pathCounts.value(path);
}

void FakeBinanceServer::loseNextOrderAnswer() {
    d->loseNextOrderAnswer = true;
}

int FakeBinanceServer::orderPostCount() const {
    return d->orderPosts;
}

int FakeBinanceServer::count429() const {
    return d->n429;
}

int FakeBinanceServer::streamConnectionCount() const {
    return d->streamConnections;
}

int FakeBinanceServer::apiConnectionCount() const {
    return d->apiConnections;
}

int FakeBinanceServer::userDataSubscriptionCount() const {
    return d->userDataSubscriptions;
}

QStringList FakeBinanceServer::wsSubscriptions() const {
    QSet<QString> all;
    for (const QSet<QString>& s : std::as_const(d->publicSubs))
        all += s;
    QStringList out(all.begin(), all.end());
    out.sort();
    return out;
}

Decimal FakeBinanceServer::lastPrice(const QString& market) const {
    const Result<QVector<Ticker>> t = d->sim.tickers({market});
    return t.ok() && !t.value().isEmpty() ? t.value().at(0).last : Decimal();
}

} // namespace hoga::test
