#include "fake_venue_server_p.h"

#include "venues/sim/sim_markets.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace hoga::test {

using namespace fake;

namespace {

qint64 nowMs() {
    return SystemClock::instance().nowMs();
}

QByteArray jsonString(const QByteArray& text) {
    net::JsonWriter w;
    w.value(std::string_view(text.constData(), size_t(text.size())));
    return w.data();
}

// A load balancer's 5xx page: not JSON, like the real thing when the backend is down.
QByteArray gatewayPage(int status) {
    const QByteArray title = QByteArray::number(status) + ' ' + reasonPhrase(status);
    return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
           "</h1></center>\r\n</body>\r\n</html>\r\n";
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Public API

FakeVenueServer::FakeVenueServer(FakeFlavor flavor, quint64 seed, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Impl>()) {
    qRegisterMetaType<FakeRequestLog>();
    d->q = this;
    d->flavor = flavor;
    d->seed = seed;
    d->limits =
        RateLimits(flavor == FakeFlavor::Upbit ? RateLimits::Style::Upbit : RateLimits::Style::Bithumb);
    d->buildMarkets();
    d->rebuildSim();
    d->buildRoutes();
}

FakeVenueServer::~FakeVenueServer() {
    for (auto it = d->wsClients.begin(); it != d->wsClients.end(); ++it)
        if (it->socket)
            it->socket->abort();
}

FakeFlavor FakeVenueServer::flavor() const {
    return d->flavor;
}

bool FakeVenueServer::start() {
    if (d->tcp && d->tcp->isListening())
        return true;
    d->tcp = new QTcpServer(this);
    d->wsServer = new QWebSocketServer(QStringLiteral("fake-venue"), QWebSocketServer::NonSecureMode, this);
    connect(d->tcp, &QTcpServer::newConnection, this, [this] { d->onNewConnection(); });
    connect(d->wsServer, &QWebSocketServer::newConnection, this, [this] { d->onWsConnection(); });
    return d->tcp->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeVenueServer::restUrl() const {
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(d->tcp ? d->tcp->serverPort() : 0);
    return u;
}

QUrl FakeVenueServer::wsUrl() const {
    QUrl u = restUrl();
    u.setScheme(QStringLiteral("ws"));
    u.setPath(QStringLiteral("/websocket/v1"));
    return u;
}

QUrl FakeVenueServer::privateWsUrl() const {
    QUrl u = wsUrl();
    u.setPath(d->isUpbit() ? QStringLiteral("/websocket/v1/private")
                           : QStringLiteral("/websocket/v2/private"));
    return u;
}

void FakeVenueServer::addKey(const QString& access, const QByteArray& secret, QStringList allowedIps,
                             bool canTrade) {
    ApiKey key;
    key.secret = secret;
    key.allowedIps = std::move(allowedIps);
    key.canTrade = canTrade;
    d->keys.insert(access.toUtf8(), key);
}

void FakeVenueServer::setBalance(const QString& currency, const Decimal& free) {
    if (!d->orderSequence.isEmpty()) {
        qWarning("FakeVenueServer::setBalance: ignored after the first order");
        return;
    }
    d->initialBalances.insert(currency, free);
    d->rebuildSim();
}

void FakeVenueServer::step() {
    d->publish(d->sim->step());
}

void FakeVenueServer::setAutoStepIntervalMs(int ms) {
    if (!d->autoStep) {
        d->autoStep = new QTimer(this);
        connect(d->autoStep, &QTimer::timeout, this, &FakeVenueServer::step);
    }
    d->autoStep->stop();
    if (ms > 0)
        d->autoStep->start(ms);
}

QStringList FakeVenueServer::marketCodes() const {
    QStringList out;
    for (const auto& m : d->markets)
        out.append(m.code);
    return out;
}

Decimal FakeVenueServer::lastPrice(const QString& market) const {
    const FakeMarket* m = d->market(market);
    if (!m)
        return {};
    const auto t = d->sim->tickers({m->simCode});
    return t.ok() ? t.value().value(0).last : Decimal();
}

Decimal FakeVenueServer::bestBid(const QString& market) const {
    const FakeMarket* m = d->market(market);
    const auto book = m ? d->sim->orderBook(m->simCode, 1) : Result<OrderBook>();
    return book.ok() && book.value().bestBid() ? book.value().bestBid()->price : Decimal();
}

Decimal FakeVenueServer::bestAsk(const QString& market) const {
    const FakeMarket* m = d->market(market);
    const auto book = m ? d->sim->orderBook(m->simCode, 1) : Result<OrderBook>();
    return book.ok() && book.value().bestAsk() ? book.value().bestAsk()->price : Decimal();
}

Decimal FakeVenueServer::tickFor(const QString& market, const Decimal& price) const {
    const FakeMarket* m = d->market(market);
    return m ? m->market.rules.tickFor(price) : Decimal();
}

Decimal FakeVenueServer::freeBalance(const QString& currency) const {
    for (const Balance& b : d->sim->balances())
        if (b.currency == currency)
            return b.free;
    return {};
}

Decimal FakeVenueServer::lockedBalance(const QString& currency) const {
    for (const Balance& b : d->sim->balances())
        if (b.currency == currency)
            return b.locked;
    return {};
}

void FakeVenueServer::dropWebSockets() {
    const auto clients = d->wsClients.keys();
    for (QWebSocket* socket : clients)
        socket->abort();
}

void FakeVenueServer::setResponseDelayMs(int ms) {
    d->responseDelayMs = std::max(0, ms);
}

void FakeVenueServer::failNextRequests(int count, int httpStatus) {
    d->failCount = std::max(0, count);
    d->failStatus = httpStatus;
}

void FakeVenueServer::acceptNextOrderThenTimeOut(bool closeSocket) {
    d->timeoutNextOrder = true;
    d->timeoutCloses = closeSocket;
}

void FakeVenueServer::setRateLimitEnforced(bool enforced) {
    d->rateLimitEnforced = enforced;
}

void FakeVenueServer::setBlockDurationMs(qint64 ms) {
    d->limits.setBlockDurationMs(std::max<qint64>(1, ms));
}

void FakeVenueServer::setTimestampToleranceMs(qint64 ms) {
    d->timestampToleranceMs = ms;
}

void FakeVenueServer::setWsIdleTimeoutMs(int ms) {
    d->wsIdleTimeoutMs = std::max(0, ms);
}

void FakeVenueServer::setRequestLogPath(const QString& path) {
    d->requestLogPath = path;
}

QVector<FakeRequestLog> FakeVenueServer::requests() const {
    return d->log;
}

void FakeVenueServer::clearRequests() {
    d->log.clear();
}

int FakeVenueServer::orderCount() const {
    return int(d->orderSequence.size());
}

QVector<Order> FakeVenueServer::orders() const {
    QVector<Order> out;
    for (const QString& id : d->orderSequence) {
        if (std::optional<Order> order = d->orderOf(id)) {
            order->id = d->extras.value(id).venueId;
            order->market = d->venueCodeOfSim(order->market);
            out.append(*order);
        }
    }
    return out;
}

int FakeVenueServer::count429() const {
    return d->n429;
}

int FakeVenueServer::count418() const {
    return d->n418;
}

int FakeVenueServer::wsConnectionCount(bool isPrivate) const {
    int n = 0;
    for (const auto& c : d->wsClients)
        if (c.isPrivate == isPrivate && c.socket)
            ++n;
    return n;
}

int FakeVenueServer::wsConnectionsAccepted() const {
    return d->wsAccepted;
}

int FakeVenueServer::wsHandshakesRejected() const {
    return d->wsRejected;
}

QVector<FakeWsSubscription> FakeVenueServer::wsSubscriptions() const {
    QVector<FakeWsSubscription> out;
    for (const auto& c : d->wsClients)
        out += c.subscriptions;
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// Markets and simulator

void FakeVenueServer::Impl::buildMarkets() {
    for (const sim::SimMarketSpec& spec : sim::simMarketSpecs()) {
        if (spec.driver == sim::SimDriver::KrxStock)
            continue; // crypto venues list no stocks
        FakeMarket m;
        m.simCode = spec.market.code;
        m.market = spec.market;
        if (spec.market.quote == QLatin1String("KRW")) {
            m.code = spec.market.code;
        } else if (isUpbit()) {
            m.code = spec.market.quote + QLatin1Char('-') + spec.market.base; // BTCUSDT -> USDT-BTC
        } else {
            continue; // Bithumb: KRW markets only
        }
        m.market.venue = isUpbit() ? QStringLiteral("upbit") : QStringLiteral("bithumb");
        m.market.code = m.code;
        marketByCode.insert(m.code, int(markets.size()));
        marketBySim.insert(m.simCode, int(markets.size()));
        markets.append(m);
    }
}

void FakeVenueServer::Impl::rebuildSim() {
    SimConfig config;
    config.seed = seed;
    config.autoRun = false;
    if (!initialBalances.isEmpty()) {
        // SimAccount's default holdings, with the overrides applied.
        QHash<QString, Decimal> balances{{QStringLiteral("KRW"), 10'000'000},
                                         {QStringLiteral("USDT"), 5'000},
                                         {QStringLiteral("BTC"), Decimal::fromString("0.05")},
                                         {QStringLiteral("ETH"), Decimal::fromString("1.2")},
                                         {QStringLiteral("XRP"), 1'500}};
        for (auto it = initialBalances.begin(); it != initialBalances.end(); ++it)
            balances.insert(it.key(), it.value());
        config.initialBalances = balances;
    }
    // A few steps first so there are recent trades, like a live market; after a rebuild the same steps
    // again, so only the balances differ.
    constexpr quint64 kWarmupSteps = 5;
    const quint64 steps = std::max(sim ? sim->stepCount() : 0, kWarmupSteps);
    sim = std::make_unique<SimExchange>(config);
    for (quint64 i = 0; i < steps; ++i)
        sim->step();
}

const FakeMarket* FakeVenueServer::Impl::market(const QString& venueCode) const {
    const auto it = marketByCode.find(venueCode);
    return it == marketByCode.end() ? nullptr : &markets[*it];
}

QString FakeVenueServer::Impl::venueCodeOfSim(const QString& simCode) const {
    const auto it = marketBySim.find(simCode);
    return it == marketBySim.end() ? QString() : markets[*it].code;
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

void FakeVenueServer::Impl::onNewConnection() {
    while (QTcpSocket* socket = tcp->nextPendingConnection()) {
        QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { onReadyRead(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeVenueServer::Impl::onReadyRead(QTcpSocket* socket) {
    // Only peek until a whole request is there: a WebSocket upgrade must stay unread for QWebSocketServer.
    while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() > 0) {
        const QByteArray data = socket->peek(socket->bytesAvailable());
        HttpRequest request;
        qsizetype headBytes = 0;
        qsizetype contentLength = 0;
        const HeadParse parsed = parseHttpHead(data, &request, &headBytes, &contentLength);
        if (parsed == HeadParse::Incomplete)
            return;
        if (parsed == HeadParse::Malformed) {
            HttpResponse r;
            r.status = 400;
            r.body = "Bad Request";
            r.closeAfter = true;
            socket->write(r.toBytes());
            socket->disconnectFromHost();
            return;
        }
        request.peerIp = normalisedIp(socket->peerAddress().toString());
        if (request.isWebSocketUpgrade()) {
            QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
            handleUpgrade(socket, request);
            return;
        }
        if (data.size() < headBytes + contentLength)
            return; // the body is still on its way
        socket->read(headBytes);
        request.body = socket->read(contentLength);
        handleHttp(socket, request);
    }
}

const Route* FakeVenueServer::Impl::findRoute(const QByteArray& path, bool* pathKnown,
                                              const QByteArray& method) const {
    *pathKnown = false;
    for (const Route& r : routes) {
        const bool match =
            r.path.endsWith('/') ? path.startsWith(r.path) && path.size() > r.path.size() : path == r.path;
        if (!match)
            continue;
        *pathKnown = true;
        if (r.method == method)
            return &r;
    }
    return nullptr;
}

QByteArray FakeVenueServer::Impl::rateKeyFor(const HttpRequest& request, bool isPrivate) const {
    // Exchange API limits count per account (the key the JWT claims), quotation per IP.
    if (isPrivate) {
        QByteArray auth = request.header("authorization");
        if (auth.startsWith("Bearer ")) {
            if (const auto jwt = decodeJwt(auth.mid(7).trimmed()); jwt && !jwt->accessKey.isEmpty())
                return "key:" + jwt->accessKey;
        }
    }
    return "ip:" + request.peerIp;
}

void FakeVenueServer::Impl::handleHttp(QTcpSocket* socket, HttpRequest request) {
    QList<QPair<QByteArray, QByteArray>> headers;

    if (failCount > 0) {
        --failCount;
        Reply r;
        r.status = failStatus;
        r.body = gatewayPage(failStatus);
        r.errorName = "fault";
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html")));
        sendReply(socket, request, r, headers);
        return;
    }

    bool pathKnown = false;
    const Route* route = findRoute(request.path, &pathKnown, request.method);
    if (!route) {
        sendReply(socket, request,
                  pathKnown ? quotationError(405, QStringLiteral("Method Not Allowed"))
                            : quotationError(404, QStringLiteral("Not Found")),
                  headers);
        return;
    }

    // Rate limits come first: failed calls count too.
    if (rateLimitEnforced) {
        const qint64 now = nowMs();
        const QByteArray key = rateKeyFor(request, route->isPrivate);
        RateLimits::Decision decision = limits.hit(key, route->group, now);
        // Upbit: requests carrying an Origin header get 1 per 10 s on the quotation API.
        if (decision.outcome == RateLimits::Outcome::Allowed && isUpbit() && !route->isPrivate &&
            request.hasHeader("origin")) {
            const RateLimits::Decision origin = limits.hit(key, RateGroup{"origin", 1, 10'000}, now);
            if (origin.outcome != RateLimits::Outcome::Allowed)
                decision = origin;
        }
        if (isUpbit()) {
            const QByteArray min = route->isPrivate ? "1800" : "600";
            headers.append(qMakePair(QByteArray("Remaining-Req"),
                                     "group=" + route->group.name + "; min=" + min +
                                         "; sec=" + QByteArray::number(decision.remaining)));
        }
        if (decision.outcome == RateLimits::Outcome::Limited) {
            ++n429;
            Reply r = error(429, "too_many_requests", QStringLiteral("Too many API requests."));
            sendReply(socket, request, r, headers);
            return;
        }
        if (decision.outcome == RateLimits::Outcome::Blocked) {
            ++n418;
            const qint64 seconds = (decision.retryAfterMs + 999) / 1000;
            Reply r = error(418, "too_many_requests_blocked",
                            QStringLiteral("Too many requests after 429 responses. Blocked for %1 seconds.")
                                .arg(seconds));
            headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(seconds)));
            sendReply(socket, request, r, headers);
            return;
        }
    }

    // Parameters: the query for GET/DELETE, the JSON body for POST.
    RequestParams params;
    const bool isPost = request.method == "POST";
    if (!isPost && !request.body.trimmed().isEmpty()) {
        sendReply(socket, request,
                  error(400, "QUERY_PARAMETER_NOT_SUPPORTED",
                        QStringLiteral("이 API는 쿼리 파라미터 형식의 요청만 지원합니다. 요청 본문에 값을 "
                                       "포함할 수 없습니다.")),
                  headers);
        return;
    }
    if (isUpbit()) {
        // Upbit refuses unencoded ':' and '+' in query values.
        for (const QByteArray& part : request.rawQuery.split('&')) {
            const qsizetype eq = part.indexOf('=');
            if (eq >= 0 && (part.indexOf(':', eq) >= 0 || part.indexOf('+', eq) >= 0)) {
                sendReply(socket, request,
                          quotationError(400, QStringLiteral("Invalid parameter. Check the given value!")),
                          headers);
                return;
            }
        }
    }
    const auto queryParams = paramsFromQuery(request.rawQuery, true);
    if (!queryParams) {
        sendReply(socket, request,
                  quotationError(400, QStringLiteral("Invalid parameter. Check the given value!")), headers);
        return;
    }
    if (isPost) {
        if (!request.rawQuery.isEmpty()) {
            sendReply(socket, request,
                      invalidParam(QStringLiteral("POST parameters belong in the JSON body")), headers);
            return;
        }
        if (!request.header("content-type").toLower().startsWith("application/json")) {
            sendReply(socket, request, invalidParam(QStringLiteral("Content-Type must be application/json")),
                      headers);
            return;
        }
        const auto bodyParams = paramsFromJsonBody(request.body);
        if (!bodyParams) {
            sendReply(socket, request, invalidParam(QStringLiteral("the body is not a flat JSON object")),
                      headers);
            return;
        }
        params = *bodyParams;
    } else {
        params = *queryParams;
    }

    Call call;
    call.http = request;
    call.params = params;
    if (route->isPrivate) {
        if (auto rejected = verifyAuth(request, params, &call.accessKey)) {
            sendReply(socket, request, *rejected, headers);
            return;
        }
        const ApiKey& key = keys[call.accessKey];
        if (route->needsTrade && !key.canTrade) {
            sendReply(socket, request,
                      error(isUpbit() ? 403 : 401, "out_of_scope", QStringLiteral("권한이 부족합니다.")),
                      headers);
            return;
        }
    }

    Reply reply = route->handler(call);
    if (reply.retryAfterMs > 0)
        headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray::number((reply.retryAfterMs + 999) / 1000)));
    sendReply(socket, request, reply, headers);
}

std::optional<Reply> FakeVenueServer::Impl::verifyAuth(const HttpRequest& request,
                                                       const RequestParams& params, QByteArray* accessKey) {
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") || auth.mid(7).trimmed().isEmpty())
        return error(401, "no_authorization_token", QStringLiteral("Authorization token does not exist."));
    const auto jwt = decodeJwt(auth.mid(7).trimmed());
    if (!jwt)
        return error(401, "jwt_verification", QStringLiteral("Jwt 토큰 검증에 실패했습니다."));
    const auto keyIt = keys.find(jwt->accessKey);
    if (jwt->accessKey.isEmpty() || keyIt == keys.end())
        return error(401, "invalid_access_key", QStringLiteral("잘못된 엑세스 키입니다."));
    ApiKey& key = *keyIt;
    if (!verifyJwtSignature(*jwt, key.secret) || jwt->nonce.isEmpty())
        return error(401, "jwt_verification", QStringLiteral("Jwt 토큰 검증에 실패했습니다."));
    if (!isUpbit()) {
        // Bithumb JWTs carry a millisecond timestamp; the tolerance is our choice (UNCONFIRMED at the venue).
        if (!jwt->timestampMs || std::abs(*jwt->timestampMs - nowMs()) > timestampToleranceMs)
            return error(401, "expired_jwt", QStringLiteral("JWT 토큰이 만료되었습니다."));
    }
    if (key.nonces.contains(jwt->nonce))
        return error(401, "nonce_used", QStringLiteral("이미 요청한 nonce값이 다시 들어왔습니다."));
    key.nonces.insert(jwt->nonce);

    // The hash covers the unescaped "k=v&..." pairs in send order; required whenever there are parameters.
    const bool hashMatches = jwt->hasQueryHash &&
                             (jwt->queryHashAlg.isEmpty() || jwt->queryHashAlg == "SHA512") &&
                             jwt->queryHash == sha512Hex(params.hashInput());
    if ((!params.isEmpty() || jwt->hasQueryHash) && !hashMatches)
        return error(401, "invalid_query_payload",
                     QStringLiteral("JWT 헤더의 페이로드가 올바르지 않습니다."));

    if (!key.allowedIps.contains(QString::fromLatin1(request.peerIp))) {
        if (isUpbit())
            return error(401, "no_authorization_ip", QStringLiteral("This is not a verified IP."));
        return error(401, "NotAllowIP", QStringLiteral("허용되지 않은 IP 입니다."));
    }
    *accessKey = jwt->accessKey;
    return std::nullopt;
}

void FakeVenueServer::Impl::sendReply(QTcpSocket* socket, const HttpRequest& request, Reply reply,
                                      const QList<QPair<QByteArray, QByteArray>>& extraHeaders) {
    record(request, reply);
    if (reply.holdForever)
        return; // the client times out
    if (reply.closeSocket) {
        socket->abort();
        return;
    }
    HttpResponse r;
    r.status = reply.status;
    r.body = reply.body;
    bool hasType = false;
    for (const auto& h : extraHeaders) {
        r.headers.append(h);
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType)
        r.headers.prepend(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=utf-8")));
    const QByteArray bytes = r.toBytes();
    if (responseDelayMs <= 0) {
        socket->write(bytes);
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(responseDelayMs, q, [guard, bytes] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            guard->write(bytes);
    });
}

void FakeVenueServer::Impl::record(const HttpRequest& request, const Reply& reply) {
    FakeRequestLog entry;
    entry.method = request.method;
    entry.path = request.path;
    entry.rawQuery = request.rawQuery;
    entry.headers = request.headers;
    entry.body = request.body;
    entry.peerIp = request.peerIp;
    entry.status = (reply.holdForever || reply.closeSocket) ? 0 : reply.status;
    entry.errorName = reply.errorName;
    entry.responseBody = reply.body;
    entry.timeMs = nowMs();
    log.append(entry);

    if (!requestLogPath.isEmpty()) {
        QFile file(requestLogPath);
        if (file.open(QIODevice::Append | QIODevice::WriteOnly)) {
            QByteArray line = "{\"time\":" + QByteArray::number(entry.timeMs) +
                              ",\"method\":" + jsonString(entry.method) +
                              ",\"path\":" + jsonString(entry.path) +
                              ",\"query\":" + jsonString(entry.rawQuery) + ",\"headers\":{";
            bool first = true;
            for (auto it = entry.headers.begin(); it != entry.headers.end(); ++it) {
                line += (first ? "" : ",") + jsonString(it.key()) + ':' + jsonString(it.value());
                first = false;
            }
            line += "},\"body\":" + jsonString(entry.body) +
                    ",\"status\":" + QByteArray::number(entry.status) +
                    ",\"error\":" + jsonString(entry.errorName) + "}\n";
            file.write(line);
        }
    }
    emit q->requestLogged(entry);
}

// ---------------------------------------------------------------------------------------------------------
// Error bodies

Reply FakeVenueServer::Impl::error(int status, const QByteArray& name, const QString& message) const {
    net::JsonWriter w;
    w.beginObject().key("error").beginObject();
    w.field("name", std::string_view(name.constData(), size_t(name.size()))).field("message", message);
    w.endObject().endObject();
    Reply r;
    r.status = status;
    r.body = w.data();
    r.errorName = name;
    return r;
}

Reply FakeVenueServer::Impl::quotationError(int status, const QString& message) const {
    // The quotation API names its errors with the HTTP status as a number.
    net::JsonWriter w;
    w.beginObject().key("error").beginObject().field("name", status).field("message", message);
    w.endObject().endObject();
    Reply r;
    r.status = status;
    r.body = w.data();
    r.errorName = QByteArray::number(status);
    return r;
}

Reply FakeVenueServer::Impl::invalidParam(const QString& what) const {
    if (isUpbit())
        return error(400, "validation_error", what);
    return error(400, "invalid_parameter", what);
}

Reply FakeVenueServer::Impl::json(const QByteArray& body, int status) const {
    Reply r;
    r.status = status;
    r.body = body;
    return r;
}

} // namespace hoga::test
