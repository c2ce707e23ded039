#include "venue_connector.h"

#include <QFutureWatcher>
#include <QNetworkRequest>
#include <QPointer>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace hoga {

using net::HttpResponse;
using net::JsonDocument;
using net::JsonValue;

namespace {

QUrl orDefault(const QUrl& url, const QUrl& fallback) {
    return url.isEmpty() ? fallback : url;
}

// Bundles build paths; they are resolved against the REST base (which may carry a path prefix of its own).
QUrl joinUrl(const QUrl& base, const QUrl& path) {
    if (!path.scheme().isEmpty())
        return path;
    QUrl url = base;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path.path());
    return url;
}

QString newClientId() {
    // 36 characters of [0-9a-f-]: fits every venue's client id pattern and is unique forever.
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Why a request got no usable answer, for the user.
QString failureText(const HttpResponse& r) {
    if (r.error != net::HttpError::None)
        return r.errorString;
    if (r.status >= 200 && r.status < 300)
        return VenueConnector::tr("unreadable answer");
    return VenueConnector::tr("HTTP status %1").arg(r.status);
}

// Whether a venue order found in a listing is the one `request` placed (venues without client ids).
bool matchesRequest(const Order& o, const OrderRequest& request, qint64 sentAtMs) {
    if (o.market != request.market || o.side != request.side || o.type != request.type)
        return false;
    if (o.createdAtMs != 0 && o.createdAtMs + 60'000 < sentAtMs)
        return false; // an older order with the same terms
    if (request.type == OrderType::Limit && o.price != request.price)
        return false;
    if (request.qty.isPositive() && o.qty.isPositive() && o.qty != request.qty)
        return false;
    return true;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Construction

VenueConnector::VenueConnector(std::unique_ptr<VenueProtocol> protocol, const VenueConfig& config,
                               VenueConnectorOptions options, QObject* parent)
    : Connector(parent)
    , m_protocol(std::move(protocol))
    , m_options(std::move(options))
    , m_venueId(m_protocol->venueId())
    , m_capabilities(m_protocol->capabilities())
    , m_clock(config.clock ? config.clock : &SystemClock::instance()) {
    const VenueEndpoints defaults = m_protocol->defaultEndpoints();
    m_endpoints.restUrl = orDefault(config.endpoints.restUrl, defaults.restUrl);
    m_endpoints.wsUrl = orDefault(config.endpoints.wsUrl, defaults.wsUrl);
    m_endpoints.privateWsUrl = orDefault(config.endpoints.privateWsUrl, defaults.privateWsUrl);
    m_auth = m_protocol->makeAuthenticator(config.credentials, *m_clock);

    m_limiter = m_options.limiter ? m_options.limiter
                                  : net::RateLimiterRegistry::instance().limiter(m_protocol->rateLimits());
    connect(m_limiter.get(), &net::RateLimiter::blockedUntilChanged, this, &Connector::requestsBlocked);

    net::HttpClientOptions http;
    http.limiter = m_limiter;
    http.retry = m_options.retry;
    http.breaker = m_options.breaker;
    http.scheduler = m_options.scheduler;
    http.random = m_options.random;
    const VenueProtocol* bundle = m_protocol.get();
    http.usage = [bundle](const HttpResponse& r) {
        return bundle->usageOf(r);
    };
    m_http = new net::HttpClient(http, this);

    auto sessionOptions = [this](const QUrl& url) {
        net::WsSessionOptions o;
        o.url = url;
        o.keepAlive = m_options.keepAlive ? *m_options.keepAlive : m_protocol->keepAlive();
        o.reconnectBaseMs = m_options.wsReconnectBaseMs;
        o.reconnectMaxMs = m_options.wsReconnectMaxMs;
        o.maxConnectionAgeMs = m_options.wsMaxAgeMs ? *m_options.wsMaxAgeMs : m_protocol->streamMaxAgeMs();
        o.limiter = m_limiter;
        o.connectCosts = m_protocol->streamConnectCosts();
        o.scheduler = m_options.scheduler;
        o.random = m_options.random;
        return o;
    };
    m_publicDecoder = m_protocol->makeStreamDecoder();
    m_privateDecoder = m_protocol->makeStreamDecoder();
    // Venues that prepare their streams (KIS's approval key) do it before every connect, then the
    // subscription frames are built again with what was obtained.
    auto prepared =
        [this](bool isPrivate) -> std::function<void(std::function<void(std::optional<QString>)>)> {
        if (!m_protocol->preparesStreams())
            return {};
        return [this, isPrivate](std::function<void(std::optional<QString>)> proceed) {
            QPointer<VenueConnector> self(this);
            m_protocol->prepareStreams(m_auth.get(),
                                       [self, isPrivate, proceed](std::optional<QString> failure) {
                                           if (!self)
                                               return;
                                           if (!failure)
                                               self->refreshStreamSubscriptions(isPrivate);
                                           else
                                               emit self->streamError(self->streamPreparationError(*failure));
                                           proceed(failure);
                                       });
        };
    };
    net::WsSessionOptions publicOptions = sessionOptions(m_protocol->publicStreamUrl(m_endpoints));
    publicOptions.beforeConnect = prepared(false);
    m_public = new net::WsSession(publicOptions, this);
    connect(m_public, &net::WsSession::messageReceived, this, &VenueConnector::onPublicMessage);
    connect(m_public, &net::WsSession::connected, this, &VenueConnector::onPublicConnected);
    connect(m_public, &net::WsSession::stateChanged, this, [this](ConnectionState s) {
        m_state.store(int(s));
        emit connectionStateChanged(s);
    });

    net::WsSessionOptions privateOptions = sessionOptions(m_protocol->privateStreamUrl(m_endpoints));
    std::weak_ptr<net::Authenticator> auth = m_auth;
    privateOptions.prepareRequest = [this, auth](QNetworkRequest& request) {
        if (const auto a = auth.lock())
            a->authorizeHandshake(request);
        if (m_accountSubscribed && m_protocol->privateSubscriptionsExpire())
            m_private->setSubscriptions(m_protocol->privateSubscriptions()); // signed afresh per connect
    };
    privateOptions.beforeConnect = prepared(true);
    m_private = new net::WsSession(privateOptions, this);
    connect(m_private, &net::WsSession::messageReceived, this, &VenueConnector::onPrivateMessage);
    connect(m_private, &net::WsSession::connected, this, &VenueConnector::onPrivateConnected);
}

VenueConnector::~VenueConnector() {
    // Children (sessions, HTTP client) go with QObject; silence them first so no signal reaches a
    // half-destroyed connector.
    m_public->disconnect(this);
    m_private->disconnect(this);
    m_limiter->disconnect(this);
}

// ---------------------------------------------------------------------------------------------------------
// Plumbing

template <class T> QFuture<Result<T>> VenueConnector::start(std::function<void(ResultPromise<T>)> work) {
    return startOn<Result<T>>(this, std::move(work));
}

void VenueConnector::send(ApiCall call, Reply done, int timeoutMs, bool tokenRenewed) {
    if (call.isPrivate)
        call.request.auth = m_auth;
    call.request.url = joinUrl(m_endpoints.restUrl, call.request.url);
    call.request.timeoutMs = timeoutMs > 0 ? timeoutMs : m_options.requestTimeoutMs;
    auto* watcher = new QFutureWatcher<HttpResponse>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, call, timeoutMs, tokenRenewed, done = std::move(done)] {
                const QFuture<HttpResponse> future = watcher->future();
                HttpResponse response;
                if (future.resultCount() > 0) {
                    response = future.result();
                } else {
                    response.error = net::HttpError::Cancelled;
                    response.errorString = tr("The request was cancelled.");
                }
                watcher->deleteLater();
                if (response.isSuccess() && m_protocol->isFailedAnswer(response))
                    response.status = 422; // refused in the body: the same paths as an HTTP refusal
                if (!tokenRenewed && call.isPrivate && m_auth && m_protocol->isExpiredToken(response) &&
                    m_auth->invalidateToken()) {
                    send(call, done, timeoutMs, true);
                    return;
                }
                done(response);
            });
    watcher->setFuture(m_http->request(std::move(call.request)));
}

template <class T>
void VenueConnector::sendAndParse(ApiCall call, ResultPromise<T> promise,
                                  std::function<Result<T>(const JsonValue&)> parse) {
    send(std::move(call), [this, promise, parse = std::move(parse)](const HttpResponse& r) {
        if (!r.isSuccess()) {
            resolve(promise, Result<T>(errorOf(r)));
            return;
        }
        JsonDocument doc;
        if (!doc.parse(r.body)) {
            resolve(promise, Result<T>(malformed(doc.error().message)));
            return;
        }
        resolve(promise, parse(doc.root()));
    });
}

template <class T>
void VenueConnector::sendPagedList(ApiCall call, ResultPromise<QVector<T>> promise,
                                   std::function<Result<QVector<T>>(const JsonValue&)> parse,
                                   std::function<QString(const T&)> key, int limit,
                                   std::function<QVector<T>(QVector<T>)> finish, QVector<T> acc, int page) {
    ApiCall sent = call;
    send(std::move(sent),
         [this, call, promise, parse, key, limit, finish, acc, page](const HttpResponse& r) mutable {
             if (!r.isSuccess()) {
                 resolve(promise, Result<QVector<T>>(errorOf(r)));
                 return;
             }
             JsonDocument doc;
             if (!doc.parse(r.body)) {
                 resolve(promise, Result<QVector<T>>(malformed(doc.error().message)));
                 return;
             }
             Result<QVector<T>> rows = parse(doc.root());
             if (!rows.ok()) {
                 resolve(promise, rows);
                 return;
             }
             QSet<QString> seen;
             for (const T& row : std::as_const(acc))
                 seen.insert(key(row));
             for (const T& row : rows.value())
                 if (!seen.contains(key(row))) {
                     seen.insert(key(row));
                     acc.append(row);
                 }
             const bool full = limit > 0 && acc.size() >= limit;
             std::optional<ApiCall> next;
             if (!full && page + 1 < kMaxPages)
                 next = m_protocol->nextPageCall(call, r, doc.root());
             if (!next) {
                 resolve(promise, Result<QVector<T>>(finish ? finish(std::move(acc)) : acc));
                 return;
             }
             sendPagedList<T>(std::move(*next), promise, parse, key, limit, finish, std::move(acc), page + 1);
         });
}

VenueError VenueConnector::errorOf(const HttpResponse& response) const {
    return m_protocol->errorOf(response, m_clock->nowMs());
}

VenueError VenueConnector::noCredentials() const {
    VenueError e;
    e.kind = ErrorKind::Auth;
    e.detail = tr("No API key is configured for this venue; add one in the settings to trade.");
    return e;
}

std::optional<VenueError> VenueConnector::needsCredentials() const {
    if (m_auth)
        return std::nullopt;
    return noCredentials();
}

VenueError VenueConnector::malformed(const QString& what) const {
    VenueError e;
    e.kind = ErrorKind::Network;
    e.detail = tr("The venue's answer could not be read: %1").arg(what);
    return e;
}

VenueError VenueConnector::unknownMarket(const QString& market) const {
    VenueError e;
    e.kind = ErrorKind::NotFound;
    e.detail = tr("The venue has no market %1.").arg(market);
    return e;
}

// ---------------------------------------------------------------------------------------------------------
// Markets and trading rules

QFuture<Result<QVector<Market>>> VenueConnector::fetchMarkets() {
    return start<QVector<Market>>([this](ResultPromise<QVector<Market>> promise) {
        if (auto builtIn = m_protocol->builtInMarkets()) {
            loadRules(*builtIn, m_protocol->ruleCalls(*builtIn), promise);
            return;
        }
        send(m_protocol->marketsCall(), [this, promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<QVector<Market>>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            if (!doc.parse(r.body)) {
                resolve(promise, Result<QVector<Market>>(malformed(doc.error().message)));
                return;
            }
            Result<QVector<Market>> markets = m_protocol->parseMarkets(doc.root());
            if (!markets.ok()) {
                resolve(promise, markets);
                return;
            }
            if (const QList<net::RateLimitGroup> limits = m_protocol->announcedRateLimits(doc.root());
                !limits.isEmpty())
                m_limiter->setGroupLimits(limits);
            loadRules(markets.value(), m_protocol->ruleCalls(markets.value()), promise);
        });
    });
}

// The rule calls one after another; any may fail (the bundle's tables are the fallback).
void VenueConnector::loadRules(QVector<Market> markets, QList<ApiCall> calls,
                               ResultPromise<QVector<Market>> promise) {
    if (calls.isEmpty()) {
        finishMarkets(std::move(markets), promise);
        return;
    }
    const ApiCall call = calls.takeFirst();
    send(call, [this, call, markets = std::move(markets), calls = std::move(calls),
                promise](const HttpResponse& r) mutable {
        JsonDocument doc;
        if (r.isSuccess() && doc.parse(r.body))
            m_protocol->absorbRuleAnswer(call, doc.root());
        loadRules(std::move(markets), std::move(calls), promise);
    });
}

void VenueConnector::finishMarkets(QVector<Market> markets, ResultPromise<QVector<Market>> promise) {
    m_markets.clear();
    for (Market& m : markets) {
        m.rules = m_protocol->rulesFor(m);
        m_markets.insert(m.code, m);
    }
    resolve(promise, Result<QVector<Market>>(markets));
}

bool VenueConnector::knowsMarket(const QString& market) {
    if (m_markets.contains(market))
        return true;
    std::optional<Market> unlisted = m_protocol->unlistedMarket(market);
    if (!unlisted)
        return false;
    unlisted->rules = m_protocol->rulesFor(*unlisted);
    m_markets.insert(market, *unlisted);
    return true;
}

QFuture<Result<Market>> VenueConnector::fetchMarketRules(const QString& market) {
    return start<Market>([this, market](ResultPromise<Market> promise) {
        auto answer = [this, market, promise] {
            const auto it = knowsMarket(market) ? m_markets.find(market) : m_markets.end();
            if (it == m_markets.end()) {
                resolve(promise, Result<Market>(unknownMarket(market)));
                return;
            }
            it->rules = m_protocol->rulesFor(*it);
            resolve(promise, Result<Market>(*it));
        };
        auto readRules = [this, market, answer] {
            const std::optional<ApiCall> call = m_protocol->marketRulesCall(market);
            if (!call || !knowsMarket(market) || m_marketRulesRead.contains(market) ||
                (call->isPrivate && !m_auth)) {
                answer();
                return;
            }
            ApiCall rules = *call;
            rules.request.lane = net::Lane::Priority; // it gates an order
            send(rules, [this, market, answer](const HttpResponse& r) {
                JsonDocument doc;
                if (r.isSuccess() && doc.parse(r.body)) {
                    m_protocol->absorbMarketRules(market, doc.root());
                    m_marketRulesRead.insert(market);
                }
                answer();
            });
        };
        if (!m_markets.isEmpty()) {
            readRules();
            return;
        }
        // Rules come with the market list: load it first.
        QFutureWatcher<Result<QVector<Market>>>* watcher = new QFutureWatcher<Result<QVector<Market>>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [watcher, promise, readRules] {
            const auto future = watcher->future();
            watcher->deleteLater();
            if (future.resultCount() > 0 && !future.result().ok()) {
                resolve(promise, Result<Market>(future.result().error()));
                return;
            }
            readRules();
        });
        watcher->setFuture(fetchMarkets());
    });
}

// ---------------------------------------------------------------------------------------------------------
// Public market data

QFuture<Result<QVector<Ticker>>> VenueConnector::fetchTickers(const QStringList& markets) {
    return start<QVector<Ticker>>([this, markets](ResultPromise<QVector<Ticker>> promise) {
        if (markets.isEmpty()) {
            resolve(promise, Result<QVector<Ticker>>(QVector<Ticker>()));
            return;
        }
        fetchTickerChunk(markets, 0, {}, promise);
    });
}

// One call for all markets, or (venues that price one or a few per call: KIS) one per chunk, in order.
void VenueConnector::fetchTickerChunk(QStringList markets, qsizetype from, QVector<Ticker> acc,
                                      ResultPromise<QVector<Ticker>> promise) {
    const int per = m_protocol->tickersPerCall();
    const QStringList chunk = per > 0 ? markets.mid(from, per) : markets.mid(from);
    send(m_protocol->tickersCall(chunk),
         [this, markets, from, chunk, acc, promise](const HttpResponse& r) mutable {
             if (!r.isSuccess()) {
                 resolve(promise, Result<QVector<Ticker>>(errorOf(r)));
                 return;
             }
             JsonDocument doc;
             if (!doc.parse(r.body)) {
                 resolve(promise, Result<QVector<Ticker>>(malformed(doc.error().message)));
                 return;
             }
             const Result<QVector<Ticker>> parsed = m_protocol->parseTickers(doc.root());
             if (!parsed.ok()) {
                 resolve(promise, parsed);
                 return;
             }
             QSet<QString> seen;
             for (const Ticker& t : parsed.value()) {
                 if (!chunk.contains(t.market))
                     continue;
                 m_protocol->notePrice(t.market, t.last);
                 seen.insert(t.market);
                 acc.append(t);
             }
             for (const QString& code : chunk)
                 if (!seen.contains(code)) {
                     resolve(promise, Result<QVector<Ticker>>(unknownMarket(code)));
                     return;
                 }
             const qsizetype next = from + chunk.size();
             if (next >= markets.size()) {
                 resolve(promise, Result<QVector<Ticker>>(acc));
                 return;
             }
             fetchTickerChunk(markets, next, std::move(acc), promise);
         });
}

QFuture<Result<OrderBook>> VenueConnector::fetchOrderBook(const QString& market, int depth) {
    return start<OrderBook>([this, market, depth](ResultPromise<OrderBook> promise) {
        sendAndParse<OrderBook>(m_protocol->orderBookCall(market, depth), promise,
                                [this, market, depth](const JsonValue& root) {
                                    Result<OrderBook> book = m_protocol->parseOrderBook(root, market);
                                    if (book.ok() && depth > 0)
                                        book.value().truncate(depth);
                                    return book;
                                });
    });
}

QFuture<Result<QVector<Candle>>> VenueConnector::fetchCandles(const CandleQuery& query) {
    return start<QVector<Candle>>([this, query](ResultPromise<QVector<Candle>> promise) {
        if (!m_capabilities.hasInterval(query.interval)) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = tr("This venue has no %1 candles.").arg(intervalName(query.interval));
            resolve(promise, Result<QVector<Candle>>(e));
            return;
        }
        if (!m_markets.isEmpty() && !knowsMarket(query.market)) {
            resolve(promise, Result<QVector<Candle>>(unknownMarket(query.market)));
            return;
        }
        if (query.fromMs > 0 && m_protocol->candlesFromCall(query, query.fromMs, 1))
            fetchCandlePageForward(query, query.fromMs, {}, promise);
        else
            fetchCandlePage(query, query.toMs, {}, promise);
    });
}

// Pages forward (each page starts after the previous one's last candle) until `count` candles, toMs or the
// present.
void VenueConnector::fetchCandlePageForward(CandleQuery query, qint64 fromMs, QVector<Candle> acc,
                                            ResultPromise<QVector<Candle>> promise) {
    const int wanted = std::max(1, query.count) - int(acc.size());
    const int n = std::min(std::max(1, m_capabilities.maxCandlesPerRequest), wanted);
    send(*m_protocol->candlesFromCall(query, fromMs, n),
         [this, query, fromMs, n, acc, promise](const HttpResponse& r) mutable {
             if (!r.isSuccess()) {
                 resolve(promise, Result<QVector<Candle>>(errorOf(r)));
                 return;
             }
             JsonDocument doc;
             if (!doc.parse(r.body)) {
                 resolve(promise, Result<QVector<Candle>>(malformed(doc.error().message)));
                 return;
             }
             Result<QVector<Candle>> parsed = m_protocol->parseCandles(doc.root(), query);
             if (!parsed.ok()) {
                 resolve(promise, parsed);
                 return;
             }
             QVector<Candle> page;
             for (const Candle& c : parsed.value())
                 if (c.openTimeMs >= fromMs && (query.toMs <= 0 || c.openTimeMs < query.toMs))
                     page.append(c);
             std::sort(page.begin(), page.end(),
                       [](const Candle& a, const Candle& b) { return a.openTimeMs < b.openTimeMs; });
             acc += page;
             const bool exhausted = parsed.value().size() < n || page.isEmpty();
             if (exhausted || acc.size() >= query.count) {
                 if (acc.size() > query.count)
                     acc.resize(query.count);
                 resolve(promise, Result<QVector<Candle>>(acc));
                 return;
             }
             fetchCandlePageForward(query, acc.last().openTimeMs + 1, acc, promise);
         });
}

// Pages backward (each page ends where the previous one began) until `count` candles or the start of the
// history. `acc` is kept newest first and reversed at the end.
void VenueConnector::fetchCandlePage(CandleQuery query, qint64 toMs, QVector<Candle> acc,
                                     ResultPromise<QVector<Candle>> promise) {
    const int wanted = std::max(1, query.count) - int(acc.size());
    const int n = std::min(std::max(1, m_capabilities.maxCandlesPerRequest), wanted);
    send(m_protocol->candlesCall(query, toMs, n),
         [this, query, toMs, n, acc, promise](const HttpResponse& r) mutable {
             if (!r.isSuccess()) {
                 resolve(promise, Result<QVector<Candle>>(errorOf(r)));
                 return;
             }
             JsonDocument doc;
             if (!doc.parse(r.body)) {
                 resolve(promise, Result<QVector<Candle>>(malformed(doc.error().message)));
                 return;
             }
             Result<QVector<Candle>> parsed = m_protocol->parseCandles(doc.root(), query);
             if (!parsed.ok()) {
                 resolve(promise, parsed);
                 return;
             }
             const qsizetype received = parsed.value().size();
             const qint64 before = acc.isEmpty() ? (toMs > 0 ? toMs : std::numeric_limits<qint64>::max())
                                                 : acc.last().openTimeMs;
             QVector<Candle> page;
             for (const Candle& c : parsed.value())
                 if (c.openTimeMs < before)
                     page.append(c);
             std::sort(page.begin(), page.end(),
                       [](const Candle& a, const Candle& b) { return a.openTimeMs > b.openTimeMs; });
             acc += page;
             const bool exhausted = received < n || page.isEmpty();
             if (exhausted || acc.size() >= query.count) {
                 std::reverse(acc.begin(), acc.end());
                 if (acc.size() > query.count)
                     acc.remove(0, acc.size() - query.count);
                 resolve(promise, Result<QVector<Candle>>(acc));
                 return;
             }
             fetchCandlePage(query, acc.last().openTimeMs, acc, promise);
         });
}

QFuture<Result<QVector<Trade>>> VenueConnector::fetchTrades(const QString& market, int count) {
    return start<QVector<Trade>>([this, market, count](ResultPromise<QVector<Trade>> promise) {
        const int n = std::clamp(count, 1, std::max(1, m_capabilities.maxTradesPerRequest));
        sendAndParse<QVector<Trade>>(m_protocol->tradesCall(market, n), promise,
                                     [this, market](const JsonValue& root) {
                                         Result<QVector<Trade>> trades = m_protocol->parseTrades(root);
                                         if (trades.ok())
                                             for (Trade& t : trades.value())
                                                 if (t.market.isEmpty())
                                                     t.market = market;
                                         if (trades.ok())
                                             std::stable_sort(trades.value().begin(), trades.value().end(),
                                                              [](const Trade& a, const Trade& b) {
                                                                  return a.timestampMs > b.timestampMs;
                                                              });
                                         return trades;
                                     });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Account and orders

QFuture<Result<QVector<Balance>>> VenueConnector::fetchBalances() {
    return start<QVector<Balance>>([this](ResultPromise<QVector<Balance>> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, Result<QVector<Balance>>(*e));
            return;
        }
        sendPagedList<Balance>(
            m_protocol->balancesCall(), promise,
            [this](const JsonValue& root) { return m_protocol->parseBalances(root); },
            [](const Balance& b) { return b.currency; }, 0, {});
    });
}

Order VenueConnector::completeOrder(Order order, const OrderRequest& request) const {
    // Replies that leave fields out (Bithumb's v2 create answers with little more than the id) are completed
    // from what we asked for.
    order.venue = m_venueId;
    if (order.clientId.isEmpty())
        order.clientId = request.clientId;
    if (order.market.isEmpty())
        order.market = request.market;
    if (order.price.isZero() && order.qty.isZero() && order.total.isZero()) {
        order.side = request.side;
        order.type = request.type;
        order.price = request.price;
        order.qty = request.qty;
        order.total = request.total;
    }
    if (order.timeInForce == TimeInForce::GoodTillCancel)
        order.timeInForce = request.timeInForce; // replies without a time in force
    if (order.session == OrderSession::Regular)
        order.session = request.session;
    if (order.state == OrderState::New && !order.id.isEmpty())
        order.state = OrderState::Open;
    if (order.createdAtMs == 0)
        order.createdAtMs = m_clock->nowMs();
    if (order.updatedAtMs == 0)
        order.updatedAtMs = order.createdAtMs;
    return order;
}

QFuture<OrderPlacement> VenueConnector::createOrder(const OrderRequest& asked) {
    OrderRequest request = asked;
    if (request.clientId.isEmpty())
        request.clientId = newClientId();
    return startOn<OrderPlacement>(this, [this, request](PromisePtr<OrderPlacement> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, OrderPlacement::rejected(*e, request.clientId));
            return;
        }
        if (auto e = m_protocol->refuseOrder(request, m_clock->nowMs())) {
            resolve(promise, OrderPlacement::rejected(*e, request.clientId));
            return;
        }
        sendOrder(request, promise);
    });
}

void VenueConnector::sendOrder(OrderRequest request, PromisePtr<OrderPlacement> promise) {
    ApiCall call = m_protocol->createOrderCall(request);
    call.request.idempotent = false;
    call.request.lane = net::Lane::Priority;
    const qint64 sentAtMs = m_clock->nowMs();
    send(
        std::move(call),
        [this, request, sentAtMs, promise](const HttpResponse& r) {
            if (r.isSuccess()) {
                JsonDocument doc;
                if (doc.parse(r.body)) {
                    const Result<Order> parsed = m_protocol->parseCreatedOrder(doc.root());
                    if (parsed.ok() && !parsed.value().id.isEmpty()) {
                        const Order order = completeOrder(parsed.value(), request);
                        noteOrder(order);
                        resolve(promise, OrderPlacement::placed(order));
                        return;
                    }
                }
                lookUpPlacement(request, failureText(r), sentAtMs,
                                promise); // taken, but the answer is unreadable
                return;
            }
            if (m_protocol->mayHaveTakenOrder(r)) {
                lookUpPlacement(request, failureText(r), sentAtMs, promise);
                return;
            }
            const auto market = m_markets.constFind(request.market);
            const VenueError refused = m_protocol->orderErrorOf(
                r, request, market == m_markets.constEnd() ? nullptr : &*market, m_clock->nowMs());
            resolve(promise, OrderPlacement::rejected(refused, request.clientId));
        },
        m_options.orderTimeoutMs);
}

// The order request got no usable answer: the venue may or may not hold the order. Look it up, once, and
// only then answer; never send it again.
void VenueConnector::lookUpPlacement(const OrderRequest& request, const QString& why, qint64 sentAtMs,
                                     PromisePtr<OrderPlacement> promise) {
    if (!m_capabilities.lookupByClientId) {
        lookUpInListing(request, why, sentAtMs, promise);
        return;
    }
    ApiCall lookup = m_protocol->orderCall({{}, request.clientId});
    lookup.request.lane = net::Lane::Priority;
    send(lookup, [this, request, why, promise](const HttpResponse& r) {
        if (r.isSuccess()) {
            JsonDocument doc;
            if (doc.parse(r.body)) {
                const Result<Order> found = m_protocol->parseOrder(doc.root());
                if (found.ok() && !found.value().id.isEmpty()) {
                    const Order order = completeOrder(found.value(), request);
                    noteOrder(order);
                    resolve(promise, OrderPlacement::placed(order));
                    return;
                }
            }
        }
        const VenueError lookupError = errorOf(r);
        if (r.error == net::HttpError::None && lookupError.kind == ErrorKind::NotFound) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = tr("The order request failed (%1) and the venue has no order with client id %2: the "
                          "order was not placed.")
                           .arg(why, request.clientId);
            resolve(promise, OrderPlacement::rejected(e, request.clientId));
            return;
        }
        VenueError e;
        e.kind = ErrorKind::Network;
        e.detail = tr("The order request failed (%1) and whether the order was placed could not be confirmed "
                      "(%2). Check the open orders for client id %3 before trying again.")
                       .arg(why, lookupError.detail.isEmpty() ? lookupError.venueMessage : lookupError.detail,
                            request.clientId);
        resolve(promise, OrderPlacement::unknown(e, request.clientId));
    });
}

// Venues without client ids: the order is the one with the request's terms in the day's orders, open or
// closed.
void VenueConnector::lookUpInListing(const OrderRequest& request, const QString& why, qint64 sentAtMs,
                                     PromisePtr<OrderPlacement> promise) {
    auto unconfirmed = [this, request, why, promise](const HttpResponse& r) {
        const VenueError lookupError = errorOf(r);
        VenueError e;
        e.kind = ErrorKind::Network;
        e.detail =
            tr("The order request failed (%1) and whether the order was placed could not be confirmed "
               "(%2). Check the open orders before trying again.")
                .arg(why, lookupError.detail.isEmpty() ? lookupError.venueMessage : lookupError.detail);
        resolve(promise, OrderPlacement::unknown(e, request.clientId));
    };
    auto find = [this, request, sentAtMs](const HttpResponse& r) -> std::optional<Order> {
        JsonDocument doc;
        if (!doc.parse(r.body))
            return std::nullopt;
        const Result<QVector<Order>> orders = m_protocol->parseOrders(doc.root());
        if (!orders.ok())
            return std::nullopt;
        for (const Order& o : orders.value())
            if (matchesRequest(o, request, sentAtMs) && !m_orders.find(o.id))
                return o;
        return std::nullopt;
    };
    ApiCall open = m_protocol->openOrdersCall(request.market);
    open.request.lane = net::Lane::Priority;
    send(open, [this, request, why, promise, unconfirmed, find](const HttpResponse& r) {
        if (!r.isSuccess()) {
            unconfirmed(r);
            return;
        }
        if (const auto o = find(r)) {
            const Order order = completeOrder(*o, request);
            noteOrder(order);
            resolve(promise, OrderPlacement::placed(order));
            return;
        }
        ApiCall closed = m_protocol->closedOrdersCall(request.market, 100);
        closed.request.lane = net::Lane::Priority;
        send(closed, [this, request, why, promise, unconfirmed, find](const HttpResponse& c) {
            if (!c.isSuccess()) {
                unconfirmed(c);
                return;
            }
            if (const auto o = find(c)) {
                const Order order = completeOrder(*o, request);
                noteOrder(order);
                resolve(promise, OrderPlacement::placed(order));
                return;
            }
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail =
                tr("The order request failed (%1) and the venue lists no such order: the order was not "
                   "placed.")
                    .arg(why);
            resolve(promise, OrderPlacement::rejected(e, request.clientId));
        });
    });
}

void VenueConnector::withKnownClientId(Order& order) const {
    // Venues without client order ids (KIS) answer without it; Hoga's own id is kept in the cache.
    if (order.clientId.isEmpty())
        if (const Order* known = m_orders.find(order.id))
            order.clientId = known->clientId;
}

void VenueConnector::noteOrder(const Order& order) {
    if (m_orders.merge(order) != OrderCache::Merge::Changed)
        return;
    if (m_accountSubscribed)
        emit orderUpdated(*m_orders.find(order.id));
}

QFuture<Result<Order>> VenueConnector::fetchOrder(const OrderRef& ref) {
    return start<Order>([this, ref](ResultPromise<Order> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, Result<Order>(*e));
            return;
        }
        sendAndParse<Order>(m_protocol->orderCall(ref), promise, [this, ref](const JsonValue& root) {
            Result<Order> order = m_protocol->parseOrderFor(root, ref);
            if (!order.ok())
                return order;
            if (isTerminal(order.value().state)) {
                const QVector<Fill> fills = m_protocol->parseOrderFills(root, order.value());
                if (!fills.isEmpty())
                    m_fillsCache.insert(order.value().id, fills);
            }
            noteOrder(order.value());
            withKnownClientId(order.value());
            return order;
        });
    });
}

namespace {
QVector<Order> newestFirst(QVector<Order> orders, int limit) {
    std::stable_sort(orders.begin(), orders.end(),
                     [](const Order& a, const Order& b) { return a.createdAtMs > b.createdAtMs; });
    if (limit > 0 && orders.size() > limit)
        orders.resize(limit);
    return orders;
}
} // namespace

QFuture<Result<QVector<Order>>> VenueConnector::fetchOpenOrders(const QString& market) {
    return start<QVector<Order>>([this, market](ResultPromise<QVector<Order>> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, Result<QVector<Order>>(*e));
            return;
        }
        sendPagedList<Order>(
            m_protocol->openOrdersCall(market), promise,
            [this](const JsonValue& root) { return m_protocol->parseOrders(root); },
            [](const Order& o) { return o.id; }, 0,
            [this](QVector<Order> all) {
                for (Order& o : all)
                    withKnownClientId(o);
                return newestFirst(std::move(all), 0);
            });
    });
}

QFuture<Result<QVector<Order>>> VenueConnector::fetchClosedOrders(const QString& market, int limit) {
    return start<QVector<Order>>([this, market, limit](ResultPromise<QVector<Order>> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, Result<QVector<Order>>(*e));
            return;
        }
        sendPagedList<Order>(
            m_protocol->closedOrdersCall(market, limit), promise,
            [this](const JsonValue& root) { return m_protocol->parseOrders(root); },
            [](const Order& o) { return o.id; }, limit,
            [this, limit](QVector<Order> all) {
                for (Order& o : all)
                    withKnownClientId(o);
                return newestFirst(std::move(all), limit);
            });
    });
}

QFuture<Result<Order>> VenueConnector::cancelOrder(const OrderRef& ref) {
    return start<Order>([this, ref](ResultPromise<Order> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, Result<Order>(*e));
            return;
        }
        if (m_protocol->readsOrderBeforeCancel(ref)) {
            // The venue's cancel names more than the id (KIS: the order's branch): read the order first; a
            // failed read still sends the cancel, whose own answer then says what is wrong.
            ApiCall read = m_protocol->orderCall(ref);
            read.request.lane = net::Lane::Priority;
            send(read, [this, ref, promise](const HttpResponse& r) {
                JsonDocument doc;
                if (r.isSuccess() && doc.parse(r.body))
                    (void)m_protocol->parseOrderFor(doc.root(), ref);
                sendCancel(ref, promise);
            });
            return;
        }
        sendCancel(ref, promise);
    });
}

void VenueConnector::sendCancel(const OrderRef& ref, ResultPromise<Order> promise) {
    {
        ApiCall call = m_protocol->cancelCall(ref);
        call.request.lane = net::Lane::Priority;
        send(call, [this, ref, promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<Order>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            OrderRef lookupRef = ref;
            if (doc.parse(r.body)) {
                auto answer = m_protocol->parseCancel(doc.root(), ref);
                if (const Order* order = std::get_if<Order>(&answer)) {
                    Order done = *order;
                    done.venue = m_venueId;
                    noteOrder(done);
                    resolve(promise, Result<Order>(done));
                    return;
                }
                lookupRef = std::get<OrderRef>(answer);
            }
            // A short acknowledgement: read the order's state.
            ApiCall lookup = m_protocol->orderCall(lookupRef);
            lookup.request.lane = net::Lane::Priority;
            sendAndParse<Order>(lookup, promise, [this](const JsonValue& root) {
                Result<Order> order = m_protocol->parseOrder(root);
                if (order.ok())
                    noteOrder(order.value());
                return order;
            });
        });
    }
}

QFuture<Result<Order>> VenueConnector::modifyOrder(const OrderRef& ref, const OrderModification& change) {
    return start<Order>([this, ref, change](ResultPromise<Order> promise) {
        if (!m_capabilities.modifyOrders) {
            resolve(promise, Result<Order>(modifyUnsupported(displayName())));
            return;
        }
        if (auto e = needsCredentials()) {
            resolve(promise, Result<Order>(*e));
            return;
        }
        // The modify names what only the venue's current view of the order tells (KIS: its branch, the
        // quantity left, its market's tick): read it first, and refuse what cannot be modified.
        ApiCall read = m_protocol->orderCall(ref);
        read.request.lane = net::Lane::Priority;
        send(read, [this, ref, change, promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<Order>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            if (!doc.parse(r.body)) {
                resolve(promise, Result<Order>(malformed(tr("the order is not JSON"))));
                return;
            }
            Result<Order> original = m_protocol->parseOrderFor(doc.root(), ref);
            if (!original.ok()) {
                resolve(promise, original);
                return;
            }
            Order o = original.value();
            o.venue = m_venueId;
            withKnownClientId(o);
            if (isTerminal(o.state) || o.type != OrderType::Limit) {
                VenueError e;
                e.kind = ErrorKind::InvalidOrder;
                e.detail = isTerminal(o.state)
                               ? tr("The order %1 is no longer open, so it cannot be modified.").arg(o.id)
                               : tr("Only limit orders can be modified; %1 is not one.").arg(o.id);
                resolve(promise, Result<Order>(e));
                return;
            }
            if (std::optional<VenueError> refused = m_protocol->refuseModification(o, change)) {
                resolve(promise, Result<Order>(*refused));
                return;
            }
            sendModify(o, change, promise);
        });
    });
}

void VenueConnector::sendModify(const Order& original, const OrderModification& change,
                                ResultPromise<Order> promise) {
    ApiCall call = m_protocol->modifyCall(original, change);
    call.request.idempotent = false;
    call.request.lane = net::Lane::Priority;
    send(
        std::move(call),
        [this, original, change, promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                VenueError e = errorOf(r);
                if (m_protocol->mayHaveTakenOrder(r))
                    e.detail = tr("The modify of %1 may have reached the venue; list the open orders to see "
                                  "which order holds it now.")
                                   .arg(original.id);
                resolve(promise, Result<Order>(e));
                return;
            }
            JsonDocument doc;
            Result<Order> parsed = doc.parse(r.body) ? m_protocol->parseModified(doc.root())
                                                     : Result<Order>(malformed(tr("the answer is not JSON")));
            if (!parsed.ok() || parsed.value().id.isEmpty()) {
                resolve(promise, parsed.ok() ? Result<Order>(malformed(tr("no new order number"))) : parsed);
                return;
            }
            // The new order takes what moved at the new price; nothing of it has filled yet.
            const Decimal remaining = original.qty - original.filledQty;
            Order replacement = parsed.value();
            replacement.venue = m_venueId;
            replacement.market = original.market;
            replacement.side = original.side;
            replacement.type = original.type;
            replacement.timeInForce = original.timeInForce;
            replacement.session = original.session;
            replacement.price = change.price.value_or(original.price);
            replacement.qty = change.qty.value_or(remaining);
            replacement.filledQty = {};
            replacement.filledQuote = {};
            replacement.state = OrderState::Open;
            if (replacement.createdAtMs == 0)
                replacement.createdAtMs = m_clock->nowMs();
            replacement.updatedAtMs = replacement.createdAtMs;
            if (replacement.qty >= remaining) {
                // Nothing is left on the old order: it ended, replaced.
                Order ended = original;
                ended.state = OrderState::Cancelled;
                ended.updatedAtMs = replacement.createdAtMs;
                noteOrder(ended);
            }
            noteOrder(replacement);
            resolve(promise, Result<Order>(replacement));
        },
        m_options.orderTimeoutMs);
}

QFuture<Result<QVector<Fill>>> VenueConnector::fetchFills(const QString& market, int limit) {
    return start<QVector<Fill>>([this, market, limit](ResultPromise<QVector<Fill>> promise) {
        if (auto e = needsCredentials()) {
            resolve(promise, Result<QVector<Fill>>(*e));
            return;
        }
        if (const auto call = m_protocol->ownTradesCall(market, limit)) {
            sendAndParse<QVector<Fill>>(*call, promise, [this, limit](const JsonValue& root) {
                Result<QVector<Fill>> fills = m_protocol->parseOwnTrades(root);
                if (fills.ok()) {
                    std::stable_sort(
                        fills.value().begin(), fills.value().end(),
                        [](const Fill& a, const Fill& b) { return a.timestampMs > b.timestampMs; });
                    if (limit > 0 && fills.value().size() > limit)
                        fills.value().resize(limit);
                }
                return fills;
            });
            return;
        }
        // No own-trades list: the fills are the trades of orders that executed, newest first (closed
        // orders, then partly filled open ones).
        send(m_protocol->closedOrdersCall(market, std::max(limit, 20)), [this, market, limit,
                                                                         promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<QVector<Fill>>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            const Result<QVector<Order>> closed =
                doc.parse(r.body) ? m_protocol->parseOrders(doc.root())
                                  : Result<QVector<Order>>(malformed(doc.error().message));
            if (!closed.ok()) {
                resolve(promise, Result<QVector<Fill>>(closed.error()));
                return;
            }
            QVector<Order> candidates = closed.value();
            send(m_protocol->openOrdersCall(market), [this, candidates, limit,
                                                      promise](const HttpResponse& open) mutable {
                JsonDocument openDoc;
                if (open.isSuccess() && openDoc.parse(open.body)) {
                    const Result<QVector<Order>> orders = m_protocol->parseOrders(openDoc.root());
                    if (orders.ok())
                        candidates += orders.value();
                }
                candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                                [](const Order& o) { return !o.filledQty.isPositive(); }),
                                 candidates.end());
                collectFills(newestFirst(candidates, 0), 0, limit, {}, promise);
            });
        });
    });
}

void VenueConnector::collectFills(QVector<Order> candidates, int index, int limit, QVector<Fill> acc,
                                  ResultPromise<QVector<Fill>> promise) {
    if (index >= candidates.size() || (limit > 0 && acc.size() >= limit)) {
        std::stable_sort(acc.begin(), acc.end(),
                         [](const Fill& a, const Fill& b) { return a.timestampMs > b.timestampMs; });
        if (limit > 0 && acc.size() > limit)
            acc.resize(limit);
        resolve(promise, Result<QVector<Fill>>(acc));
        return;
    }
    const Order candidate = candidates[index];
    const auto cached = m_fillsCache.constFind(candidate.id);
    if (cached != m_fillsCache.cend()) {
        acc += *cached;
        collectFills(candidates, index + 1, limit, acc, promise);
        return;
    }
    send(m_protocol->orderCall({candidate.id, {}}),
         [this, candidates, index, limit, acc, promise](const HttpResponse& r) mutable {
             if (!r.isSuccess()) {
                 resolve(promise, Result<QVector<Fill>>(errorOf(r)));
                 return;
             }
             JsonDocument doc;
             if (doc.parse(r.body)) {
                 const Result<Order> order = m_protocol->parseOrder(doc.root());
                 if (order.ok()) {
                     const QVector<Fill> fills = m_protocol->parseOrderFills(doc.root(), order.value());
                     if (isTerminal(order.value().state))
                         m_fillsCache.insert(order.value().id, fills);
                     acc += fills;
                 }
             }
             collectFills(candidates, index + 1, limit, acc, promise);
         });
}

// ---------------------------------------------------------------------------------------------------------
// Streams

QList<QByteArray> VenueConnector::publicFrames() {
    if (!m_protocol->accountSharesMarketStream())
        return m_subscriptions.isEmpty() ? QList<QByteArray>()
                                         : m_protocol->publicSubscriptions(m_subscriptions.all());
    if (m_subscriptions.isEmpty() && !m_accountSubscribed)
        return {};
    QStringList leftOut;
    const QList<QByteArray> frames =
        m_protocol->sharedSubscriptions(m_subscriptions.all(), m_accountSubscribed, &leftOut);
    if (leftOut != m_leftOutSubscriptions) {
        m_leftOutSubscriptions = leftOut;
        if (!leftOut.isEmpty()) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = tr("The venue streams a limited number of subscriptions on its one live connection; "
                          "these are not streamed: %1")
                           .arg(leftOut.join(QStringLiteral(", ")));
            emit streamError(e);
        }
    }
    return frames;
}

void VenueConnector::updatePublicSession() {
    const QList<QByteArray> requests = publicFrames();
    if (requests.isEmpty()) {
        m_public->setSubscriptions({});
        m_public->close();
        return;
    }
    m_public->setSubscriptions(requests);
    if (m_public->state() == ConnectionState::Disconnected)
        m_public->open();
}

void VenueConnector::refreshStreamSubscriptions(bool isPrivate) {
    if (isPrivate) {
        if (m_accountSubscribed)
            m_private->setSubscriptions(m_protocol->privateSubscriptions());
    } else if (!m_subscriptions.isEmpty() || m_protocol->accountSharesMarketStream()) {
        m_public->setSubscriptions(publicFrames());
    }
}

VenueError VenueConnector::streamPreparationError(const QString& failure) const {
    VenueError e;
    e.kind = m_auth ? ErrorKind::Network : ErrorKind::Auth;
    e.detail = tr("The live stream cannot connect yet: %1").arg(failure);
    return e;
}

void VenueConnector::subscribeMarketData(const QStringList& markets, unsigned channels) {
    QMetaObject::invokeMethod(
        this,
        [this, markets, channels] {
            const SubscriptionSet::Change change = m_subscriptions.add(markets, channels);
            if (!change.changed)
                return;
            updatePublicSession();
            if (m_public->isConnected())
                for (const QString& code : change.startedBooks)
                    seedBook(code);
        },
        Qt::QueuedConnection);
}

void VenueConnector::unsubscribeMarketData(const QStringList& markets, unsigned channels) {
    QMetaObject::invokeMethod(
        this,
        [this, markets, channels] {
            const QHash<QString, unsigned> before = m_subscriptions.all();
            const SubscriptionSet::Change change = m_subscriptions.remove(markets, channels);
            if (change.changed && m_public->isConnected())
                for (const QByteArray& frame : m_protocol->publicReleases(before, m_subscriptions.all()))
                    m_public->sendText(frame);
            for (const QString& code : change.endedBooks) {
                m_publicDecoder->removeBook(code);
                m_sequencedBooks.erase(code);
                m_bookFrames.remove(code);
            }
            if (change.changed)
                updatePublicSession();
        },
        Qt::QueuedConnection);
}

void VenueConnector::subscribeAccount() {
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_auth) {
                emit streamError(noCredentials());
                return;
            }
            const bool wasSubscribed = m_accountSubscribed;
            m_accountSubscribed = true;
            if (m_protocol->accountSharesMarketStream()) {
                const bool wasConnected = m_public->isConnected();
                updatePublicSession();
                if (wasConnected && !wasSubscribed)
                    onPrivateConnected(); // the catch-up a fresh account session would have done
                return;
            }
            m_private->setSubscriptions(m_protocol->privateSubscriptions());
            if (m_private->state() == ConnectionState::Disconnected)
                m_private->open();
        },
        Qt::QueuedConnection);
}

void VenueConnector::onPublicConnected() {
    if (m_protocol->accountSharesMarketStream())
        onPrivateConnected(); // the account's catch-up too (a no-op without the account subscribed)
    // The books we hold may have missed updates while the link was down.
    m_bookFrames.clear();
    for (auto& [market, book] : m_sequencedBooks)
        book.reset();
    m_snapshotsInFlight.clear();
    if (m_protocol->bookSyncMode() != BookSyncMode::WholeBooks)
        return; // sequenced books re-sync on their first diff
    for (const QString& code : m_subscriptions.markets(OrderBookChannel))
        seedBook(code);
}

// Whole books: a REST snapshot, unless the stream's own book arrives first. Sequenced books: the snapshot
// the buffered diffs continue.
void VenueConnector::seedBook(const QString& market) {
    const bool sequenced = m_protocol->bookSyncMode() == BookSyncMode::SequencedDiffs;
    if (sequenced) {
        if (m_snapshotsInFlight.contains(market))
            return;
        m_snapshotsInFlight.insert(market);
    }
    const quint64 framesBefore = m_bookFrames.value(market);
    send(m_protocol->orderBookCall(market, m_capabilities.maxOrderBookDepth),
         [this, market, framesBefore, sequenced](const HttpResponse& r) {
             if (sequenced)
                 m_snapshotsInFlight.remove(market);
             if (!m_subscriptions.has(market, OrderBookChannel))
                 return;
             if (!sequenced && m_bookFrames.value(market) != framesBefore)
                 return; // the stream already delivered a newer book
             if (!r.isSuccess()) {
                 emit streamError(errorOf(r));
                 return;
             }
             JsonDocument doc;
             if (!doc.parse(r.body))
                 return;
             const Result<OrderBook> snapshot = m_protocol->parseOrderBook(doc.root(), market);
             if (!snapshot.ok())
                 return;
             if (!sequenced) {
                 emitBook(m_publicDecoder->replaceBook(market, snapshot.value()));
                 return;
             }
             auto it = m_sequencedBooks.find(market);
             if (it == m_sequencedBooks.end())
                 it = m_sequencedBooks.emplace(market, SequencedBook(m_venueId, market)).first;
             if (it->second.applySnapshot(snapshot.value()) == SequencedBook::Status::NeedSnapshot) {
                 seedBook(market);
                 return;
             }
             emitBook(it->second.book());
         });
}

void VenueConnector::onBookDiff(const BookDiff& diff) {
    if (!m_subscriptions.has(diff.market, OrderBookChannel))
        return;
    auto it = m_sequencedBooks.find(diff.market);
    if (it == m_sequencedBooks.end())
        it = m_sequencedBooks.emplace(diff.market, SequencedBook(m_venueId, diff.market)).first;
    switch (it->second.applyDiff(diff)) {
    case SequencedBook::Status::Applied:
        emitBook(it->second.book());
        break;
    case SequencedBook::Status::Buffered:
    case SequencedBook::Status::NeedSnapshot:
        seedBook(diff.market); // no-op while one is in flight
        break;
    case SequencedBook::Status::Ignored:
        break;
    }
}

void VenueConnector::emitBook(const OrderBook& book) {
    if (m_subscriptions.has(book.market(), OrderBookChannel))
        emit orderBookUpdated(book);
}

void VenueConnector::onPublicMessage(const QByteArray& message) {
    for (StreamEvent e = m_publicDecoder->decode(message); e.kind != StreamEvent::Kind::None;
         e = m_publicDecoder->next())
        onPublicEvent(e);
}

void VenueConnector::onPublicEvent(const StreamEvent& e) {
    switch (e.kind) {
    case StreamEvent::Kind::Book:
        ++m_bookFrames[e.book->market()];
        emitBook(*e.book);
        break;
    case StreamEvent::Kind::BookDiff:
        onBookDiff(*e.diff);
        break;
    case StreamEvent::Kind::Ticker:
        m_protocol->notePrice(e.ticker->market, e.ticker->last);
        if (m_subscriptions.has(e.ticker->market, TickerChannel))
            emit tickerUpdated(*e.ticker);
        break;
    case StreamEvent::Kind::Trade:
        if (m_subscriptions.has(e.trade->market, TradeChannel))
            emit tradeReceived(*e.trade);
        // Venues whose trade frames carry the day's ticker too (KIS H0STCNT0).
        if (e.ticker) {
            m_protocol->notePrice(e.ticker->market, e.ticker->last);
            if (m_subscriptions.has(e.ticker->market, TickerChannel))
                emit tickerUpdated(*e.ticker);
        }
        break;
    case StreamEvent::Kind::Error:
        emit streamError(e.error);
        break;
    case StreamEvent::Kind::Order:
    case StreamEvent::Kind::Balances:
        if (m_protocol->accountSharesMarketStream())
            onPrivateEvent(e);
        break;
    default:
        break;
    }
}

// The account stream pushes changes only: whatever moved before it was (re)connected would stay unheard.
// Balances and the orders we know to be open are read once over REST to close that gap.
void VenueConnector::onPrivateConnected() {
    if (!m_accountSubscribed)
        return;
    send(m_protocol->balancesCall(), [this](const HttpResponse& r) {
        JsonDocument doc;
        if (!r.isSuccess() || !doc.parse(r.body))
            return; // the next pushed change or the user's refresh brings them
        const Result<QVector<Balance>> balances = m_protocol->parseBalances(doc.root());
        if (!balances.ok())
            return;
        for (const Balance& b : balances.value())
            emit balanceUpdated(b);
    });
    send(m_protocol->openOrdersCall(QString()), [this](const HttpResponse& r) {
        JsonDocument doc;
        if (!r.isSuccess() || !doc.parse(r.body))
            return;
        const Result<QVector<Order>> open = m_protocol->parseOrders(doc.root());
        if (!open.ok())
            return;
        QSet<QString> stillOpen;
        for (const Order& o : open.value()) {
            stillOpen.insert(o.id);
            noteOrder(o);
        }
        // Orders that finished while the link was down are no longer listed: ask for each.
        for (const Order& known : m_orders.orders()) {
            if (!known.isOpen() || stillOpen.contains(known.id))
                continue;
            send(m_protocol->orderCall({known.id, known.clientId}), [this](const HttpResponse& reply) {
                JsonDocument one;
                if (!reply.isSuccess() || !one.parse(reply.body))
                    return;
                const Result<Order> order = m_protocol->parseOrder(one.root());
                if (order.ok())
                    noteOrder(order.value());
            });
        }
    });
}

void VenueConnector::onPrivateMessage(const QByteArray& message) {
    for (StreamEvent e = m_privateDecoder->decode(message); e.kind != StreamEvent::Kind::None;
         e = m_privateDecoder->next())
        onPrivateEvent(e);
}

void VenueConnector::onPrivateEvent(const StreamEvent& e) {
    switch (e.kind) {
    case StreamEvent::Kind::Order: {
        noteOrder(*e.order);
        if (e.fill) {
            Fill fill = *e.fill;
            if (fill.clientId.isEmpty()) {
                if (const Order* known = m_orders.find(fill.orderId))
                    fill.clientId = known->clientId;
            }
            emit fillReceived(fill);
        }
        break;
    }
    case StreamEvent::Kind::Balances:
        for (const Balance& b : *e.balances)
            emit balanceUpdated(b);
        break;
    case StreamEvent::Kind::Error:
        emit streamError(e.error);
        break;
    default:
        break;
    }
}

} // namespace hoga
