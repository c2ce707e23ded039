#include "fake_venue_server_p.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

namespace hoga::test {

using namespace fake;

namespace {

qint64 nowMs() {
    return SystemClock::instance().nowMs();
}

QByteArray jsonText(const QString& s) {
    net::JsonWriter w;
    w.value(s);
    return w.data();
}

QByteArray utc(qint64 ms, const char* format) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QLatin1String(format)).toLatin1();
}

// Builds one flat-ish frame with the venue's number style (Upbit WS: Python floats; Bithumb: plain).
class Frame {
public:
    explicit Frame(bool pythonFloats)
        : m_python(pythonFloats) {}

    Frame& raw(const char* key, const QByteArray& json) {
        m_out += (m_out.size() > 1 ? ",\"" : "\"") + QByteArray(key) + "\":" + json;
        return *this;
    }
    Frame& str(const char* key, const QString& value) { return raw(key, jsonText(value)); }
    Frame& str(const char* key, const QByteArray& value) {
        return raw(key, jsonText(QString::fromUtf8(value)));
    }
    Frame& num(const char* key, const Decimal& d) { return raw(key, number(d)); }
    Frame& plain(const char* key, const Decimal& d) { return raw(key, plainNumber(d)); }
    Frame& integer(const char* key, qint64 v) { return raw(key, QByteArray::number(v)); }
    Frame& boolean(const char* key, bool v) { return raw(key, v ? "true" : "false"); }
    Frame& null(const char* key) { return raw(key, "null"); }
    QByteArray number(const Decimal& d) const { return m_python ? pythonFloatText(d) : plainNumber(d); }
    QByteArray finish() const { return m_out + '}'; }

private:
    bool m_python;
    QByteArray m_out = "{";
};

const QStringList kCandleTypes{
    QStringLiteral("candle.1s"),  QStringLiteral("candle.1m"),  QStringLiteral("candle.3m"),
    QStringLiteral("candle.5m"),  QStringLiteral("candle.10m"), QStringLiteral("candle.15m"),
    QStringLiteral("candle.30m"), QStringLiteral("candle.60m"), QStringLiteral("candle.240m")};

std::optional<CandleInterval> candleInterval(const QString& type) {
    static const QHash<QString, CandleInterval> map{{QStringLiteral("candle.1s"), CandleInterval::S1},
                                                    {QStringLiteral("candle.1m"), CandleInterval::M1},
                                                    {QStringLiteral("candle.3m"), CandleInterval::M3},
                                                    {QStringLiteral("candle.5m"), CandleInterval::M5},
                                                    {QStringLiteral("candle.10m"), CandleInterval::M10},
                                                    {QStringLiteral("candle.15m"), CandleInterval::M15},
                                                    {QStringLiteral("candle.30m"), CandleInterval::M30},
                                                    {QStringLiteral("candle.60m"), CandleInterval::H1},
                                                    {QStringLiteral("candle.240m"), CandleInterval::H4}};
    const auto it = map.find(type);
    return it == map.end() ? std::nullopt : std::optional<CandleInterval>(*it);
}

// "KRW-BTC.15" -> "KRW-BTC" and 15; depths other than 1, 5, 15, 30 fall back to 30 like the venue.
QString splitDepth(const QString& code, int* depth) {
    const qsizetype dot = code.indexOf(QLatin1Char('.'));
    *depth = 30;
    if (dot < 0)
        return code;
    const int n = code.mid(dot + 1).toInt();
    if (n == 1 || n == 5 || n == 15 || n == 30)
        *depth = n;
    return code.left(dot);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Handshake

void FakeVenueServer::Impl::handleUpgrade(QTcpSocket* socket, const HttpRequest& request) {
    const QByteArray privatePath = isUpbit() ? "/websocket/v1/private" : "/websocket/v2/private";
    const bool isPrivate = request.path == privatePath;
    auto reject = [&](const Reply& reply, const QList<QPair<QByteArray, QByteArray>>& headers = {}) {
        ++wsRejected;
        record(request, reply);
        HttpResponse r;
        r.status = reply.status;
        r.body = reply.body;
        r.headers = headers;
        r.headers.prepend(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=utf-8")));
        r.closeAfter = true;
        socket->read(socket->bytesAvailable());
        socket->write(r.toBytes());
        socket->disconnectFromHost();
    };

    if (!isPrivate && request.path != "/websocket/v1")
        return reject(quotationError(404, QStringLiteral("Not Found")));
    if (rateLimitEnforced) {
        const qint64 now = nowMs();
        const QByteArray key = "ws:" + request.peerIp;
        RateLimits::Decision decision =
            limits.hit(key, RateGroup{"websocket-connect", isUpbit() ? 5 : 10, 1000}, now);
        if (decision.outcome == RateLimits::Outcome::Allowed && isUpbit() && request.hasHeader("origin"))
            decision = limits.hit(key, RateGroup{"origin", 1, 10'000}, now);
        if (decision.outcome == RateLimits::Outcome::Limited) {
            ++n429;
            return reject(error(429, "too_many_requests", QStringLiteral("Too many connection requests.")));
        }
        if (decision.outcome == RateLimits::Outcome::Blocked) {
            ++n418;
            return reject(
                error(418, "too_many_requests_blocked", QStringLiteral("Blocked for too many requests.")),
                {qMakePair(QByteArray("Retry-After"),
                           QByteArray::number((decision.retryAfterMs + 999) / 1000))});
        }
    }
    QByteArray accessKey;
    if (isPrivate) {
        if (auto rejected = verifyAuth(request, RequestParams{}, &accessKey))
            return reject(*rejected);
    }

    Reply accepted;
    accepted.status = 101;
    record(request, accepted);
    ++wsAccepted;
    upgradeKeys.insert(socket->peerPort(), accessKey);
    // From here QWebSocketServer owns the socket and reads the (still unread) handshake itself.
    QObject::disconnect(socket, nullptr, q, nullptr);
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    wsServer->handleConnection(socket);
}

void FakeVenueServer::Impl::onWsConnection() {
    const QByteArray privatePath = isUpbit() ? "/websocket/v1/private" : "/websocket/v2/private";
    while (QWebSocket* ws = wsServer->nextPendingConnection()) {
        WsClient client;
        client.socket = ws;
        client.isPrivate = ws->requestUrl().path().toLatin1() == privatePath;
        client.accessKey = upgradeKeys.take(ws->peerPort());
        QObject::connect(ws, &QWebSocket::textMessageReceived, q,
                         [this, ws](const QString& message) { onWsText(ws, message.toUtf8()); });
        QObject::connect(ws, &QWebSocket::binaryMessageReceived, q,
                         [this, ws](const QByteArray& message) { onWsText(ws, message); });
        QObject::connect(ws, &QWebSocket::disconnected, q, [this, ws] {
            const auto it = wsClients.find(ws);
            if (it == wsClients.end())
                return;
            const bool wasPrivate = it->isPrivate;
            delete it->idleTimer;
            wsClients.erase(it);
            ws->deleteLater();
            emit q->wsClientDisconnected(wasPrivate);
        });
        if (wsIdleTimeoutMs > 0) {
            client.idleTimer = new QTimer(q);
            client.idleTimer->setSingleShot(true);
            client.idleTimer->setInterval(wsIdleTimeoutMs);
            QPointer<QWebSocket> guard(ws);
            QObject::connect(client.idleTimer, &QTimer::timeout, q, [guard] {
                if (guard)
                    guard->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("idle timeout"));
            });
            client.idleTimer->start();
        }
        const bool isPrivate = client.isPrivate;
        wsClients.insert(ws, client);
        emit q->wsClientConnected(isPrivate);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Messages

void FakeVenueServer::Impl::sendWs(WsClient& client, const QByteArray& frame) {
    if (!client.socket)
        return;
    // Both venues send JSON in binary frames.
    client.socket->sendBinaryMessage(frame);
    emit q->wsFrameSent(client.isPrivate, frame);
}

void FakeVenueServer::Impl::sendWsError(WsClient& client, const QByteArray& name, const QString& message) {
    net::JsonWriter w;
    w.beginObject().key("error").beginObject();
    w.field("name", std::string_view(name.constData(), size_t(name.size()))).field("message", message);
    w.endObject().endObject();
    sendWs(client, w.data());
}

void FakeVenueServer::Impl::onWsText(QWebSocket* socket, const QByteArray& message) {
    const auto it = wsClients.find(socket);
    if (it == wsClients.end())
        return;
    WsClient& client = *it;
    if (client.idleTimer)
        client.idleTimer->start();
    if (rateLimitEnforced && isUpbit()) {
        // Upbit: at most 5 messages a second and 100 a minute per connection.
        const qint64 now = nowMs();
        QVector<qint64>& times = client.messageTimes;
        times.erase(std::remove_if(times.begin(), times.end(), [&](qint64 t) { return t <= now - 60'000; }),
                    times.end());
        const auto lastSecond =
            std::count_if(times.begin(), times.end(), [&](qint64 t) { return t > now - 1000; });
        if (lastSecond >= 5 || times.size() >= 100) {
            sendWsError(client, "TOO_MANY_REQUESTS", QStringLiteral("Too many messages on this connection."));
            return;
        }
        times.append(now);
    }
    if (message.trimmed() == "PING") {
        sendWs(client, R"({"status":"UP"})");
        return;
    }
    subscribe(client, message);
}

void FakeVenueServer::Impl::subscribe(WsClient& client, const QByteArray& message) {
    const bool upbit = isUpbit();
    net::JsonDocument doc;
    if (!doc.parse(message) || !doc.root().isArray())
        return sendWsError(client, "WRONG_FORMAT", QStringLiteral("The request must be a JSON array."));

    bool hasTicket = false;
    QVector<FakeWsSubscription> subs;
    const char* rightSnapshot = upbit ? "is_only_snapshot" : "isOnlySnapshot";
    const char* rightRealtime = upbit ? "is_only_realtime" : "isOnlyRealtime";
    const char* wrongSnapshot = upbit ? "isOnlySnapshot" : "is_only_snapshot";
    const char* wrongRealtime = upbit ? "isOnlyRealtime" : "is_only_realtime";

    for (const net::JsonValue item : doc.root().elements()) {
        if (!item.isObject())
            return sendWsError(client, "WRONG_FORMAT", QStringLiteral("Every element must be an object."));
        if (item.contains("ticket")) {
            if (!item["ticket"].isString() || item["ticket"].raw().empty())
                return sendWsError(client, "NO_TICKET",
                                   QStringLiteral("The ticket must be a non-empty string."));
            hasTicket = true;
            continue;
        }
        if (item.contains("format")) {
            const QString format = item["format"].toString();
            if (format == QLatin1String("DEFAULT"))
                continue;
            if (format == QLatin1String("SIMPLE") || format == QLatin1String("JSON_LIST") ||
                format == QLatin1String("SIMPLE_LIST"))
                return sendWsError(
                    client, "INVALID_PARAM",
                    QStringLiteral("Format %1 is not supported by the fake venue.").arg(format));
            return sendWsError(client, "WRONG_FORMAT", QStringLiteral("Unknown format %1.").arg(format));
        }
        if (!item.contains("type"))
            return sendWsError(client, "WRONG_FORMAT", QStringLiteral("Unknown request object."));

        FakeWsSubscription sub;
        sub.isPrivate = client.isPrivate;
        sub.type = item["type"].toString();
        const bool privateType = sub.type == QLatin1String("myOrder") || sub.type == QLatin1String("myAsset");
        const bool publicType = sub.type == QLatin1String("ticker") || sub.type == QLatin1String("trade") ||
                                sub.type == QLatin1String("orderbook") ||
                                (upbit && kCandleTypes.contains(sub.type));
        if (!privateType && !publicType)
            return sendWsError(client, "INVALID_PARAM", QStringLiteral("Unknown type %1.").arg(sub.type));
        if (privateType && !client.isPrivate)
            return sendWsError(
                client, "INVALID_AUTH",
                QStringLiteral("%1 needs the private endpoint with a valid token.").arg(sub.type));
        if (publicType && client.isPrivate)
            return sendWsError(client, "INVALID_PARAM",
                               QStringLiteral("%1 is not available on the private endpoint.").arg(sub.type));
        if (item.contains(wrongSnapshot) || item.contains(wrongRealtime))
            return sendWsError(client, "INVALID_PARAM",
                               QStringLiteral("Unknown field: this venue spells the flags %1 / %2.")
                                   .arg(QLatin1String(rightSnapshot), QLatin1String(rightRealtime)));
        for (const char* flag : {rightSnapshot, rightRealtime})
            if (item.contains(flag) && !item[flag].isBool())
                return sendWsError(client, "INVALID_PARAM",
                                   QStringLiteral("%1 must be a boolean.").arg(QLatin1String(flag)));
        const bool onlySnapshot = item[rightSnapshot].toBool(false);
        const bool onlyRealtime = item[rightRealtime].toBool(false);
        if (onlySnapshot && onlyRealtime)
            return sendWsError(client, "INVALID_PARAM",
                               QStringLiteral("Only snapshot and only realtime exclude each other."));
        sub.snapshot = !onlyRealtime && !privateType;
        sub.realtime = !onlySnapshot || privateType;

        const net::JsonValue codes = item["codes"];
        if (sub.type != QLatin1String("myAsset")) {
            if (!codes.isUndefined() && !codes.isArray())
                return sendWsError(client, "NO_CODES", QStringLiteral("codes must be an array."));
            if (publicType && codes.size() == 0)
                return sendWsError(client, "NO_CODES", QStringLiteral("codes is missing or empty."));
            for (const net::JsonValue code : codes.elements()) {
                if (!code.isString())
                    return sendWsError(client, "NO_CODES", QStringLiteral("codes must be strings."));
                const QString text = code.toString();
                int depth = 30;
                const QString base = sub.type == QLatin1String("orderbook") ? splitDepth(text, &depth) : text;
                if (!market(base))
                    return sendWsError(
                        client, "INVALID_PARAM",
                        QStringLiteral("Unknown code %1 (codes are upper case, e.g. KRW-BTC).").arg(text));
                sub.codes.append(text);
            }
        }
        if (item.contains("level")) {
            const auto level = item["level"].toDecimal();
            if (sub.type != QLatin1String("orderbook") || !level)
                return sendWsError(client, "INVALID_PARAM",
                                   QStringLiteral("level is only a number of orderbook."));
            sub.level = *level;
        }
        subs.append(sub);
    }
    if (!hasTicket)
        return sendWsError(client, "NO_TICKET", QStringLiteral("The request has no ticket."));
    if (subs.isEmpty())
        return sendWsError(client, "NO_TYPE", QStringLiteral("The request has no type."));

    // A new request replaces what the connection had (resend the full set).
    client.subscriptions = subs;
    for (const FakeWsSubscription& sub : subs)
        emit q->wsSubscribed(sub.isPrivate, sub.type, sub.codes);
    sendSnapshots(client);
}

void FakeVenueServer::Impl::sendSnapshots(WsClient& client) {
    const QVector<FakeWsSubscription> subs = client.subscriptions;
    for (const FakeWsSubscription& sub : subs) {
        if (!sub.snapshot)
            continue;
        for (const QString& code : sub.codes) {
            if (sub.type == QLatin1String("ticker")) {
                sendWs(client, tickerFrame(code, true));
            } else if (sub.type == QLatin1String("trade")) {
                const auto trades = sim->recentTrades(market(code)->simCode, 1);
                if (trades.ok() && !trades.value().isEmpty())
                    sendWs(client, tradeFrame(code, trades.value().first(), true));
            } else if (sub.type == QLatin1String("orderbook")) {
                int depth = 30;
                const QString base = splitDepth(code, &depth);
                if (sub.level.isZero())
                    sendWs(client, orderbookFrame(base, depth, true));
            } else {
                sendWs(client, candleFrame(code, sub.type, true));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Publishing

void FakeVenueServer::Impl::publish(const SimEvents& events) {
    for (const Fill& f : events.fills) {
        const auto it = extras.find(f.orderId);
        if (it != extras.end())
            it->fills.append(f);
    }

    // Own orders: frames are computed even without listeners so each fill is pushed once.
    QVector<QByteArray> orderFrames;
    QVector<QString> orderCodes;
    for (const Order& o : events.orders) {
        const auto it = extras.find(o.id);
        if (it == extras.end())
            continue;
        QVector<Fill> fresh;
        Decimal seen;
        for (const Fill& f : it->fills) {
            seen += f.qty;
            if (seen > it->pushedFilled && seen <= o.filledQty)
                fresh.append(f);
        }
        for (const QByteArray& frame : myOrderFrames(o, *it, fresh)) {
            orderFrames.append(frame);
            orderCodes.append(venueCodeOfSim(o.market));
        }
    }
    const QByteArray assetFrame = events.balances.isEmpty() ? QByteArray() : myAssetFrame(events.balances);

    QSet<QString> changed;
    for (const QString& simCode : events.markets)
        if (const QString code = venueCodeOfSim(simCode); !code.isEmpty())
            changed.insert(code);

    const auto sockets = wsClients.keys();
    for (QWebSocket* socket : sockets) {
        const auto it = wsClients.find(socket);
        if (it == wsClients.end())
            continue;
        WsClient& client = *it;
        const QVector<FakeWsSubscription> subs = client.subscriptions;
        for (const FakeWsSubscription& sub : subs) {
            if (!sub.realtime)
                continue;
            if (sub.type == QLatin1String("myOrder")) {
                for (qsizetype i = 0; i < orderFrames.size(); ++i)
                    if (sub.codes.isEmpty() || sub.codes.contains(orderCodes[i]))
                        sendWs(client, orderFrames[i]);
            } else if (sub.type == QLatin1String("myAsset")) {
                if (!assetFrame.isEmpty())
                    sendWs(client, assetFrame);
            } else if (sub.type == QLatin1String("trade")) {
                for (const Trade& t : events.trades) {
                    const QString code = venueCodeOfSim(t.market);
                    if (sub.codes.contains(code))
                        sendWs(client, tradeFrame(code, t, false));
                }
            } else {
                for (const QString& code : sub.codes) {
                    int depth = 30;
                    const QString base =
                        sub.type == QLatin1String("orderbook") ? splitDepth(code, &depth) : code;
                    if (!changed.contains(base))
                        continue;
                    if (sub.type == QLatin1String("ticker"))
                        sendWs(client, tickerFrame(base, false));
                    else if (sub.type == QLatin1String("orderbook")) {
                        if (sub.level.isZero())
                            sendWs(client, orderbookFrame(base, depth, false));
                    } else
                        sendWs(client, candleFrame(base, sub.type, false));
                }
            }
        }
    }
}

QByteArray FakeVenueServer::Impl::tickerFrame(const QString& code, bool snapshot) const {
    const TickerInfo info = tickerInfo(*sim, market(code)->simCode);
    const Ticker& t = info.t;
    const qint64 now = nowMs();
    const qint64 tradeTs = info.last ? info.last->timestampMs : now;
    const QByteArray askBid = info.last && info.last->side == Side::Sell ? "ASK" : "BID";
    Frame f(isUpbit());
    f.str("type", QByteArray("ticker")).str("code", code);
    f.num("opening_price", t.open)
        .num("high_price", t.high)
        .num("low_price", t.low)
        .num("trade_price", t.last);
    f.num("prev_closing_price", t.prevClose);
    if (isUpbit())
        f.num("acc_trade_price", t.quoteVolume24h);
    f.str("change", changeName(t.change))
        .num("change_price", t.change.abs())
        .num("signed_change_price", t.change);
    f.num("change_rate", t.changeRate.abs()).num("signed_change_rate", t.changeRate);
    if (isUpbit())
        f.str("ask_bid", askBid);
    f.num("trade_volume", info.last ? info.last->qty : Decimal());
    f.num("acc_trade_volume", t.volume24h);
    if (!isUpbit()) {
        f.num("acc_trade_volume_24h", t.volume24h).num("acc_trade_price", t.quoteVolume24h);
        f.num("acc_trade_price_24h", t.quoteVolume24h);
    }
    f.str("trade_date", utc(tradeTs, "yyyyMMdd")).str("trade_time", utc(tradeTs, "HHmmss"));
    f.integer("trade_timestamp", tradeTs);
    if (!isUpbit())
        f.str("ask_bid", askBid);
    f.num("acc_ask_volume", info.askVolume).num("acc_bid_volume", info.bidVolume);
    f.num("highest_52_week_price", t.high).str("highest_52_week_date", utc(now, "yyyy-MM-dd"));
    f.num("lowest_52_week_price", t.low).str("lowest_52_week_date", utc(now, "yyyy-MM-dd"));
    f.str("market_state", QByteArray("ACTIVE")).boolean("is_trading_suspended", false).null("delisting_date");
    f.str("market_warning", QByteArray("NONE")).integer("timestamp", now);
    if (isUpbit())
        f.num("acc_trade_price_24h", t.quoteVolume24h).num("acc_trade_volume_24h", t.volume24h);
    f.str("stream_type", QByteArray(snapshot ? "SNAPSHOT" : "REALTIME"));
    return f.finish();
}

QByteArray FakeVenueServer::Impl::tradeFrame(const QString& code, const Trade& t, bool snapshot) const {
    const Ticker ticker = sim->tickers({market(code)->simCode}).value().value(0);
    const Decimal change = t.price - ticker.prevClose;
    Frame f(isUpbit());
    f.str("type", QByteArray("trade")).str("code", code);
    if (isUpbit()) {
        f.integer("timestamp", nowMs()).str("trade_date", utc(t.timestampMs, "yyyy-MM-dd"));
        f.str("trade_time", utc(t.timestampMs, "HH:mm:ss")).integer("trade_timestamp", t.timestampMs);
    }
    f.num("trade_price", t.price).num("trade_volume", t.qty);
    f.str("ask_bid", QByteArray(t.side == Side::Buy ? "BID" : "ASK"));
    f.num("prev_closing_price", ticker.prevClose)
        .str("change", changeName(change))
        .num("change_price", change.abs());
    if (isUpbit()) {
        f.integer("sequential_id", sequentialId(t));
        const OrderBook book = sim->orderBook(market(code)->simCode, 1).value();
        if (const auto ask = book.bestAsk())
            f.plain("best_ask_price", ask->price).num("best_ask_size", ask->qty);
        if (const auto bid = book.bestBid())
            f.plain("best_bid_price", bid->price).num("best_bid_size", bid->qty);
    } else {
        f.str("trade_date", utc(t.timestampMs, "yyyy-MM-dd"))
            .str("trade_time", utc(t.timestampMs, "HH:mm:ss"));
        f.integer("trade_timestamp", t.timestampMs);
        f.str("sequential_id", QByteArray::number(sequentialId(t))); // a string at Bithumb
        f.integer("timestamp", nowMs());
    }
    f.str("stream_type", QByteArray(snapshot ? "SNAPSHOT" : "REALTIME"));
    return f.finish();
}

QByteArray FakeVenueServer::Impl::orderbookFrame(const QString& code, int depth, bool snapshot) const {
    const OrderBook book = sim->orderBook(market(code)->simCode, depth).value();
    const qsizetype rows = std::min(book.bids().size(), book.asks().size());
    Decimal totalAsk;
    Decimal totalBid;
    for (qsizetype i = 0; i < rows; ++i) {
        totalAsk += book.asks()[i].qty;
        totalBid += book.bids()[i].qty;
    }
    Frame f(isUpbit());
    f.str("type", QByteArray("orderbook")).str("code", code).integer("timestamp", nowMs());
    f.num("total_ask_size", totalAsk).num("total_bid_size", totalBid);
    QByteArray units = "[";
    for (qsizetype i = 0; i < rows; ++i) {
        Frame u(isUpbit());
        u.num("ask_price", book.asks()[i].price).num("bid_price", book.bids()[i].price);
        u.num("ask_size", book.asks()[i].qty).num("bid_size", book.bids()[i].qty);
        units += (i ? "," : "") + u.finish();
    }
    units += ']';
    f.raw("orderbook_units", units);
    f.str("stream_type", QByteArray(snapshot ? "SNAPSHOT" : "REALTIME")).integer("level", 0);
    return f.finish();
}

QByteArray FakeVenueServer::Impl::candleFrame(const QString& code, const QString& type, bool snapshot) const {
    const auto interval = candleInterval(type);
    CandleQuery query;
    query.market = market(code)->simCode;
    query.interval = *interval;
    query.count = 1;
    const auto candles = sim->candles(query);
    const Candle k = candles.ok() && !candles.value().isEmpty() ? candles.value().last() : Candle();
    Frame f(isUpbit());
    f.str("type", type).str("code", code);
    f.str("candle_date_time_utc", utcDateTime(k.openTimeMs))
        .str("candle_date_time_kst", kstDateTime(k.openTimeMs));
    f.num("opening_price", k.open)
        .num("high_price", k.high)
        .num("low_price", k.low)
        .num("trade_price", k.close);
    f.num("candle_acc_trade_volume", k.volume).num("candle_acc_trade_price", k.quoteVolume);
    f.integer("timestamp", nowMs()).str("stream_type", QByteArray(snapshot ? "SNAPSHOT" : "REALTIME"));
    return f.finish();
}

QVector<QByteArray> FakeVenueServer::Impl::myOrderFrames(const Order& o, OrderExtra& x,
                                                         const QVector<Fill>& newFills) {
    QVector<QByteArray> frames;
    const bool upbit = isUpbit();
    const Decimal rate = feeRateOf(o.market);
    const bool byAmount = o.type == OrderType::Market && o.side == Side::Buy;
    const QString code = venueCodeOfSim(o.market);

    // One frame with the order's figures after `executed` base / `funds` quote / `fee` paid.
    auto frame = [&](const QByteArray& state, const Fill* fill, const Decimal& executed, const Decimal& funds,
                     const Decimal& fee, int tradesCount) {
        Frame f(upbit);
        f.str("type", QByteArray("myOrder")).str("code", code).str("uuid", x.venueId);
        f.str("ask_bid", QByteArray(o.side == Side::Buy ? "BID" : "ASK")).str("order_type", x.ordType);
        f.str("state", state);
        if (fill)
            f.str("trade_uuid", QUuid::createUuidV5(QUuid(), fill->market + QLatin1Char(':') + fill->tradeId)
                                    .toString(QUuid::WithoutBraces));
        else
            f.null("trade_uuid");
        // On a trade event Upbit's `price` and `volume` are the trade's (its myOrder documentation and the
        // fixture: volume equals the executed volume of the order's one trade); otherwise the order's.
        const bool tradeFigures = upbit && fill;
        if (tradeFigures)
            f.num("price", fill->price);
        else if (o.type == OrderType::Limit)
            f.num("price", o.price);
        else if (byAmount)
            f.num("price", o.total);
        else
            f.null("price");
        if (upbit)
            f.num("avg_price",
                  executed.isPositive() ? funds.divide(executed, 8, Rounding::HalfEven) : Decimal());
        const Decimal remaining = byAmount ? Decimal() : o.qty - executed;
        if (tradeFigures)
            f.num("volume", fill->qty);
        else if (byAmount)
            f.null("volume");
        else
            f.num("volume", o.qty);
        if (byAmount)
            f.null("remaining_volume");
        else
            f.num("remaining_volume", remaining);
        f.num("executed_volume", executed).integer("trades_count", tradesCount);
        Decimal reserved;
        if (o.type == OrderType::Limit)
            reserved = o.price * o.qty * rate;
        else if (byAmount)
            reserved = o.total * rate;
        const bool open = state == "wait" || state == "trade";
        f.num("reserved_fee", reserved)
            .num("remaining_fee", open ? Decimal::max(Decimal(), reserved - fee) : Decimal());
        f.num("paid_fee", fee);
        if (upbit) {
            Decimal locked;
            if (open && o.side == Side::Sell)
                locked = remaining;
            else if (open && o.type == OrderType::Limit)
                locked = o.price * remaining * (Decimal(1) + rate);
            f.num("locked", locked);
        }
        f.num("executed_funds", funds);
        if (upbit) {
            if (x.timeInForce.isEmpty())
                f.null("time_in_force");
            else
                f.str("time_in_force", x.timeInForce);
            if (fill)
                f.num("trade_fee", fill->fee).boolean("is_maker", fill->maker);
            else
                f.null("trade_fee").null("is_maker");
            if (x.clientId.isEmpty())
                f.null("identifier");
            else
                f.str("identifier", x.clientId);
            f.null("smp_type").num("prevented_volume", Decimal()).num("prevented_locked", Decimal());
        } else if (!x.clientId.isEmpty()) {
            f.str("client_order_id", x.clientId);
        }
        if (fill)
            f.integer("trade_timestamp", fill->timestampMs);
        else
            f.null("trade_timestamp");
        f.integer("order_timestamp", o.createdAtMs).integer("timestamp", nowMs());
        f.str("stream_type", QByteArray("REALTIME"));
        return f.finish();
    };

    // Figures of the fills already pushed.
    Decimal executed;
    Decimal funds;
    Decimal fee;
    int count = 0;
    for (const Fill& f : x.fills) {
        if (executed >= x.pushedFilled)
            break;
        executed += f.qty;
        funds += f.price * f.qty;
        fee += f.fee;
        ++count;
    }
    if (!x.pushedOpen && newFills.isEmpty() && o.isOpen())
        frames.append(frame("wait", nullptr, executed, funds, fee, count));
    x.pushedOpen = true;
    for (const Fill& fill : newFills) {
        executed += fill.qty;
        funds += fill.price * fill.qty;
        fee += fill.fee;
        ++count;
        frames.append(frame("trade", &fill, executed, funds, fee, count));
    }
    x.pushedFilled = executed;
    if (!o.isOpen() && !x.pushedTerminal) {
        x.pushedTerminal = true;
        frames.append(frame(venueState(o, x), nullptr, executed, funds, fee, count));
    }
    return frames;
}

QByteArray FakeVenueServer::Impl::myAssetFrame(const QVector<Balance>& balances) const {
    const bool upbit = isUpbit();
    Frame f(upbit);
    f.str("type", QByteArray("myAsset"));
    if (upbit)
        f.str("asset_uuid", QUuid::createUuid().toString(QUuid::WithoutBraces));
    QByteArray assets = "[";
    for (qsizetype i = 0; i < balances.size(); ++i) {
        Frame a(upbit);
        a.str("currency", balances[i].currency);
        if (upbit)
            a.num("balance", balances[i].free).num("locked", balances[i].locked);
        else // Bithumb sends these two as strings
            a.str("balance", balances[i].free.toString()).str("locked", balances[i].locked.toString());
        assets += (i ? "," : "") + a.finish();
    }
    assets += ']';
    const qint64 now = nowMs();
    f.raw("assets", assets).integer("asset_timestamp", now).integer("timestamp", now);
    f.str("stream_type", QByteArray("REALTIME"));
    return f.finish();
}

} // namespace hoga::test
