#include "upbit_connector.h"

#include "upbit_stream_decoder.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QNetworkRequest>
#include <QUuid>

#include <algorithm>
#include <map>

namespace hoga {

using namespace upbit;
using net::HttpRequest;
using net::HttpResponse;
using net::JsonDocument;
using net::JsonValue;
using net::JsonWriter;

namespace {

QUrl orDefault(const QUrl& url, const QUrl& fallback) {
    return url.isEmpty() ? fallback : url;
}

// Paths are appended to the REST base (which may carry a path prefix of its own).
QUrl joinUrl(const QUrl& base, const QString& path) {
    QUrl url = base;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

QString newClientId() {
    // 36 characters of [0-9a-f-]: fits Bithumb's client_order_id pattern and is unique forever (Upbit).
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString candlePath(CandleInterval interval) {
    switch (interval) {
    case CandleInterval::S1:
        return QStringLiteral("/v1/candles/seconds");
    case CandleInterval::M1:
        return QStringLiteral("/v1/candles/minutes/1");
    case CandleInterval::M3:
        return QStringLiteral("/v1/candles/minutes/3");
    case CandleInterval::M5:
        return QStringLiteral("/v1/candles/minutes/5");
    case CandleInterval::M10:
        return QStringLiteral("/v1/candles/minutes/10");
    case CandleInterval::M15:
        return QStringLiteral("/v1/candles/minutes/15");
    case CandleInterval::M30:
        return QStringLiteral("/v1/candles/minutes/30");
    case CandleInterval::H1:
        return QStringLiteral("/v1/candles/minutes/60");
    case CandleInterval::H4:
        return QStringLiteral("/v1/candles/minutes/240");
    case CandleInterval::D1:
        return QStringLiteral("/v1/candles/days");
    case CandleInterval::W1:
        return QStringLiteral("/v1/candles/weeks");
    case CandleInterval::MN1:
        return QStringLiteral("/v1/candles/months");
    }
    return {};
}

constexpr int kCandlesPerRequest = 200;
constexpr int kInstrumentsPerRequest = 100;
const Decimal kQtyStep = Decimal::fromMantissa(1, 8); // 0.00000001

QVector<PriceBand> bands(std::initializer_list<std::pair<const char*, const char*>> table) {
    QVector<PriceBand> out;
    for (const auto& [from, tick] : table)
        out.append({Decimal::fromString(from), Decimal::fromString(tick)});
    return out;
}

// The band holding `price` gets `tick` (the venue's tick there), unless it already has it.
void applyTickAt(QVector<PriceBand>& bandsToFix, const Decimal& price, const Decimal& tick) {
    if (!tick.isPositive() || bandsToFix.isEmpty())
        return;
    if (bandsToFix.size() == 1 || !price.isPositive()) {
        if (bandsToFix.size() == 1)
            bandsToFix.first().tick = tick;
        return;
    }
    qsizetype index = 0;
    for (qsizetype i = 0; i < bandsToFix.size(); ++i)
        if (bandsToFix[i].fromPrice <= price)
            index = i;
    bandsToFix[index].tick = tick;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Construction

net::RateLimitConfig UpbitConnector::upbitRateLimits() {
    net::RateLimitConfig c;
    c.venue = QStringLiteral("upbit");
    // Quotation groups per IP, exchange groups per account (docs.upbit.com rate limits; `order` is 12/s since
    // 2026-08-21).
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

upbit::VenueTraits UpbitConnector::upbitTraits() {
    VenueTraits t;
    t.venueId = QStringLiteral("upbit");
    t.defaults.restUrl = QUrl(QStringLiteral("https://api.upbit.com"));
    t.defaults.wsUrl = QUrl(QStringLiteral("wss://api.upbit.com/websocket/v1"));
    t.defaults.privateWsUrl = QUrl(QStringLiteral("wss://api.upbit.com/websocket/v1/private"));
    t.jwtTimestamp = false;
    t.clientIdField = QStringLiteral("identifier");
    t.orderTypeField = QStringLiteral("ord_type");
    t.createOrderPath = QStringLiteral("/v1/orders");
    t.cancelOrderPath = QStringLiteral("/v1/order");
    t.cancelIdParam = QStringLiteral("uuid");
    t.getOrderIdParam = QStringLiteral("uuid");
    t.marketDetailsParam = QStringLiteral("is_details");
    t.wsCamelCaseFlags = false;
    t.hasInstruments = true;
    t.hasTickerAll = true;
    t.hasSecondCandles = true;
    t.hasOrderBookLevel = true;
    t.maxTradesPerRequest = 500;
    t.defaultKrwFee = Decimal::fromString("0.0005");
    t.defaultOtherFee = Decimal::fromString("0.0025");
    t.rateLimits = upbitRateLimits();
    t.groupMarkets = QStringLiteral("market");
    t.groupTicker = QStringLiteral("ticker");
    t.groupOrderBook = QStringLiteral("orderbook");
    t.groupCandles = QStringLiteral("candle");
    t.groupTrades = QStringLiteral("trade");
    t.groupPrivate = QStringLiteral("default");
    t.groupOrderCreate = QStringLiteral("order");
    t.groupOrderCancel = QStringLiteral("default");
    t.groupWsConnect = QStringLiteral("websocket-connect");
    return t;
}

UpbitConnector::UpbitConnector(const VenueConfig& config, ConnectorOptions options, QObject* parent)
    : UpbitConnector(config, upbitTraits(), std::move(options), parent) {}

UpbitConnector::UpbitConnector(const VenueConfig& config, VenueTraits traits, ConnectorOptions options,
                               QObject* parent)
    : Connector(parent)
    , m_traits(std::move(traits))
    , m_options(std::move(options))
    , m_clock(config.clock ? config.clock : &SystemClock::instance()) {
    m_endpoints.restUrl = orDefault(config.endpoints.restUrl, m_traits.defaults.restUrl);
    m_endpoints.wsUrl = orDefault(config.endpoints.wsUrl, m_traits.defaults.wsUrl);
    m_endpoints.privateWsUrl = orDefault(config.endpoints.privateWsUrl, m_traits.defaults.privateWsUrl);
    if (!config.credentials.isEmpty()) {
        JwtSigner::Options signerOptions;
        signerOptions.includeTimestamp = m_traits.jwtTimestamp;
        signerOptions.clock = m_clock;
        m_signer = std::make_shared<const JwtSigner>(config.credentials.accessKey,
                                                     config.credentials.secretKey, signerOptions);
    }
    m_ticket = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_publicDecoder = std::make_unique<StreamDecoder>(m_traits.venueId);
    m_privateDecoder = std::make_unique<StreamDecoder>(m_traits.venueId);
    initNetwork();
}

UpbitConnector::~UpbitConnector() {
    // Children (sessions, HTTP client) go with QObject; stop them first so no signal reaches a half-destroyed
    // connector.
    if (m_public)
        m_public->disconnect(this);
    if (m_private)
        m_private->disconnect(this);
    if (m_limiter)
        m_limiter->disconnect(this);
}

void UpbitConnector::initNetwork() {
    m_limiter = m_options.limiter ? m_options.limiter
                                  : net::RateLimiterRegistry::instance().limiter(m_traits.rateLimits);
    connect(m_limiter.get(), &net::RateLimiter::blockedUntilChanged, this, &UpbitConnector::onLimiterBlocked);

    net::HttpClientOptions http;
    http.limiter = m_limiter;
    http.retry = m_options.retry;
    http.breaker = m_options.breaker;
    http.scheduler = m_options.scheduler;
    http.random = m_options.random;
    m_http = new net::HttpClient(http, this);

    auto sessionOptions = [this](const QUrl& url) {
        net::WsSessionOptions o;
        o.url = url;
        o.pingIntervalMs = m_options.wsPingIntervalMs;
        o.pingText = "PING";
        o.silenceTimeoutMs = m_options.wsSilenceTimeoutMs;
        o.reconnectBaseMs = m_options.wsReconnectBaseMs;
        o.reconnectMaxMs = m_options.wsReconnectMaxMs;
        o.limiter = m_limiter;
        o.connectGroup = m_traits.groupWsConnect;
        o.scheduler = m_options.scheduler;
        o.random = m_options.random;
        return o;
    };
    m_public = new net::WsSession(sessionOptions(m_endpoints.wsUrl), this);
    connect(m_public, &net::WsSession::messageReceived, this, &UpbitConnector::onPublicMessage);
    connect(m_public, &net::WsSession::connected, this, &UpbitConnector::onPublicConnected);
    connect(m_public, &net::WsSession::stateChanged, this, [this](ConnectionState s) {
        m_state.store(int(s));
        emit connectionStateChanged(s);
    });

    net::WsSessionOptions privateOptions = sessionOptions(m_endpoints.privateWsUrl);
    // A fresh JWT (no query hash) for every handshake.
    std::weak_ptr<const JwtSigner> signer = m_signer;
    privateOptions.prepareRequest = [signer](QNetworkRequest& request) {
        if (const auto s = signer.lock())
            request.setRawHeader("Authorization", s->bearer());
    };
    m_private = new net::WsSession(privateOptions, this);
    connect(m_private, &net::WsSession::messageReceived, this, &UpbitConnector::onPrivateMessage);
}

void UpbitConnector::onLimiterBlocked(qint64 untilMs) {
    emit requestsBlocked(untilMs);
}

QString UpbitConnector::displayName() const {
    return tr("Upbit");
}

// ---------------------------------------------------------------------------------------------------------
// Async plumbing

template <class T> QFuture<Result<T>> UpbitConnector::start(std::function<void(PromisePtr<T>)> work) {
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    // Always queued: the work runs on the connector's thread, and calls keep their order.
    QMetaObject::invokeMethod(
        this,
        [this, promise, work = std::move(work)] {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            work(promise);
        },
        Qt::QueuedConnection);
    return future;
}

template <class T> void UpbitConnector::resolve(const PromisePtr<T>& promise, Result<T> result) {
    if (!promise->isCanceled())
        promise->addResult(std::move(result));
    promise->finish();
}

void UpbitConnector::send(HttpRequest request, std::function<void(const HttpResponse&)> done) {
    auto* watcher = new QFutureWatcher<HttpResponse>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        const QFuture<HttpResponse> future = watcher->future();
        HttpResponse response;
        if (future.resultCount() > 0) {
            response = future.result();
        } else {
            response.error = net::HttpError::Cancelled;
            response.errorString = tr("The request was cancelled.");
        }
        watcher->deleteLater();
        done(response);
    });
    watcher->setFuture(m_http->request(std::move(request)));
}

template <class T>
void UpbitConnector::sendAndParse(HttpRequest request, PromisePtr<T> promise,
                                  std::function<Result<T>(const JsonValue&)> parse) {
    send(std::move(request), [this, promise, parse = std::move(parse)](const HttpResponse& r) {
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

VenueError UpbitConnector::errorOf(const HttpResponse& response) const {
    return errorFromResponse(response, m_traits.errorRules, upbitErrorRules(), m_clock->nowMs());
}

VenueError UpbitConnector::noCredentials() const {
    VenueError e;
    e.kind = ErrorKind::Auth;
    e.detail = tr("No API key is configured for this venue; add one in the settings to trade.");
    return e;
}

VenueError UpbitConnector::malformed(const QString& what) const {
    VenueError e;
    e.kind = ErrorKind::Network;
    e.detail = tr("The venue's answer could not be read: %1").arg(what);
    return e;
}

HttpRequest UpbitConnector::publicRequest(const QString& path, QList<std::pair<QString, QString>> query,
                                          const QString& group) const {
    HttpRequest r;
    r.method = "GET";
    r.url = joinUrl(m_endpoints.restUrl, path);
    r.query = std::move(query);
    r.group = group;
    r.timeoutMs = m_options.requestTimeoutMs;
    r.setHeader("Accept", "application/json");
    return r;
}

HttpRequest UpbitConnector::privateRequest(const QByteArray& method, const QString& path,
                                           QList<std::pair<QString, QString>> query,
                                           const QString& group) const {
    HttpRequest r = publicRequest(path, std::move(query), group);
    r.method = method;
    if (m_signer)
        r.sign = signHook(m_signer);
    return r;
}

// ---------------------------------------------------------------------------------------------------------
// Markets and trading rules

QVector<PriceBand> UpbitConnector::defaultBands(const QString& quote) const {
    if (quote == QLatin1String("KRW"))
        return TradingRules::krwPriceBands();
    if (quote == QLatin1String("USDT") || quote == QLatin1String("USDC"))
        return bands({{"0", "0.00000001"},
                      {"0.0001", "0.0000001"},
                      {"0.001", "0.000001"},
                      {"0.01", "0.00001"},
                      {"0.1", "0.0001"},
                      {"1", "0.001"},
                      {"10", "0.01"}});
    return bands({{"0", "0.00000001"}});
}

TradingRules UpbitConnector::rulesFor(const Market& market) const {
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
    r.makerFeeRate = r.takerFeeRate = krw ? m_traits.defaultKrwFee : m_traits.defaultOtherFee;
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

Result<QVector<Market>> UpbitConnector::buildMarkets(const JsonValue& root) {
    if (!root.isArray())
        return malformed(tr("the market list is not an array"));
    QVector<Market> markets;
    markets.reserve(root.size());
    for (JsonValue element : root.elements()) {
        Market m = parseMarket(element, m_traits.venueId);
        if (m.isValid())
            markets.append(m);
    }
    return markets;
}

QFuture<Result<QVector<Market>>> UpbitConnector::fetchMarkets() {
    return start<QVector<Market>>([this](PromisePtr<QVector<Market>> promise) {
        HttpRequest request =
            publicRequest(QStringLiteral("/v1/market/all"),
                          {{m_traits.marketDetailsParam, QStringLiteral("true")}}, m_traits.groupMarkets);
        send(request, [this, promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<QVector<Market>>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            if (!doc.parse(r.body)) {
                resolve(promise, Result<QVector<Market>>(malformed(doc.error().message)));
                return;
            }
            Result<QVector<Market>> markets = buildMarkets(doc.root());
            if (!markets.ok()) {
                resolve(promise, markets);
                return;
            }
            fetchRuleInputs(markets.value(), promise);
        });
    });
}

// Current prices (to know which tick band a market trades in) and the venue's tick sizes, then the markets'
// rules. Either input may fail: the tables are the fallback.
void UpbitConnector::fetchRuleInputs(QVector<Market> markets, PromisePtr<QVector<Market>> promise) {
    QStringList quotes;
    QStringList codes;
    for (const Market& m : markets) {
        if (!quotes.contains(m.quote))
            quotes.append(m.quote);
        codes.append(m.code);
    }
    auto instruments = [this, markets, codes, promise]() {
        if (!m_traits.hasInstruments || codes.isEmpty()) {
            finishMarkets(markets, promise);
            return;
        }
        // One request per chunk of markets, chained. The step holds itself only weakly; the pending
        // request's callback keeps it alive, so nothing is left over when the chain ends.
        using Step = std::function<void(qsizetype)>;
        auto step = std::make_shared<Step>();
        std::weak_ptr<Step> weakStep = step;
        *step = [this, markets, codes, promise, weakStep](qsizetype from) {
            if (from >= codes.size()) {
                finishMarkets(markets, promise);
                return;
            }
            const QStringList chunk = codes.mid(from, kInstrumentsPerRequest);
            HttpRequest request = publicRequest(QStringLiteral("/v1/orderbook/instruments"),
                                                {{QStringLiteral("markets"), chunk.join(QLatin1Char(','))}},
                                                m_traits.groupOrderBook);
            send(request, [this, self = weakStep.lock(), from](const HttpResponse& r) {
                JsonDocument doc;
                if (r.isSuccess() && doc.parse(r.body))
                    for (JsonValue e : doc.root().elements()) {
                        const Decimal tick = toDecimal(e["tick_size"]);
                        if (tick.isPositive())
                            m_instrumentTicks.insert(toText(e["market"]), tick);
                    }
                (*self)(from + kInstrumentsPerRequest);
            });
        };
        (*step)(0);
    };
    if (!m_traits.hasTickerAll || quotes.isEmpty()) {
        instruments();
        return;
    }
    HttpRequest request = publicRequest(QStringLiteral("/v1/ticker/all"),
                                        {{QStringLiteral("quote_currencies"), quotes.join(QLatin1Char(','))}},
                                        m_traits.groupTicker);
    send(request, [this, instruments](const HttpResponse& r) {
        JsonDocument doc;
        if (r.isSuccess() && doc.parse(r.body))
            for (JsonValue e : doc.root().elements()) {
                const Decimal last = toDecimal(e["trade_price"]);
                if (last.isPositive())
                    m_lastPrices.insert(toText(e["market"]), last);
            }
        instruments();
    });
}

void UpbitConnector::finishMarkets(QVector<Market> markets, PromisePtr<QVector<Market>> promise) {
    m_markets.clear();
    for (Market& m : markets) {
        m.rules = rulesFor(m);
        m_markets.insert(m.code, m);
    }
    resolve(promise, Result<QVector<Market>>(markets));
}

void UpbitConnector::fetchChance(const QString& market, std::function<void()> then) {
    HttpRequest request = privateRequest("GET", QStringLiteral("/v1/orders/chance"),
                                         {{QStringLiteral("market"), market}}, m_traits.groupPrivate);
    request.lane = net::Lane::Priority; // it gates an order
    send(request, [this, market, then = std::move(then)](const HttpResponse& r) {
        JsonDocument doc;
        if (r.isSuccess() && doc.parse(r.body) && doc.root().isObject()) {
            m_chances.insert(market, parseOrderChance(doc.root()));
            auto it = m_markets.find(market);
            if (it != m_markets.end())
                it->rules = rulesFor(*it);
        }
        then();
    });
}

// Both venues: limit orders take ioc/fok/post_only, best orders ioc or fok, market orders none.
std::optional<QString> UpbitConnector::precheckTimeInForce(const OrderRequest& request) {
    const TimeInForce tif = request.timeInForce;
    if (tif == TimeInForce::GoodTillCancel && request.type != OrderType::Best)
        return std::nullopt;
    if (request.type == OrderType::Limit)
        return std::nullopt;
    if (tif == TimeInForce::PostOnly)
        return tr("Post-only is available for limit orders only.");
    if (request.type == OrderType::Best && tif != TimeInForce::GoodTillCancel)
        return std::nullopt;
    if (request.type == OrderType::Best)
        return tr("A best-price order needs a time in force of IOC or FOK.");
    return tr("Market orders take no time in force.");
}

std::optional<VenueError> UpbitConnector::precheck(const OrderRequest& request) const {
    auto invalid = [](const QString& detail) {
        VenueError e;
        e.kind = ErrorKind::InvalidOrder;
        e.detail = detail;
        return e;
    };
    if (auto e = precheckTimeInForce(request))
        return invalid(*e);
    if (request.type == OrderType::Limit) {
        if (!request.price.isPositive() || !request.qty.isPositive())
            return invalid(tr("A limit order needs a positive price and quantity."));
    } else if (request.type == OrderType::Best && request.side == Side::Buy) {
        if (!request.total.isPositive() || !request.qty.isZero())
            return invalid(tr("A best-price buy is given by the amount to spend, not by a quantity."));
    } else if (request.type == OrderType::Best) {
        if (!request.qty.isPositive() || !request.total.isZero())
            return invalid(tr("A best-price sell is given by the quantity to sell."));
    } else if (request.side == Side::Buy) {
        if (!request.total.isPositive() || !request.qty.isZero())
            return invalid(tr("A market buy on this venue is given by the amount to spend, not by a "
                              "quantity."));
    } else if (!request.qty.isPositive() || !request.total.isZero()) {
        return invalid(tr("A market sell is given by the quantity to sell."));
    }
    if (m_markets.isEmpty())
        return std::nullopt; // rules unknown yet: the venue decides
    const auto it = m_markets.constFind(request.market);
    if (it == m_markets.cend()) {
        VenueError e;
        e.kind = ErrorKind::NotFound;
        e.detail = tr("The venue has no market %1.").arg(request.market);
        return e;
    }
    const TradingRules& rules = it->rules;
    if (request.qty.isPositive() && rules.qtyStep.isPositive() && !request.qty.isMultipleOf(rules.qtyStep))
        return invalid(tr("Quantity %1 has more decimals than the venue accepts (step %2).")
                           .arg(request.qty.toString(), rules.qtyStep.toString()));
    if (request.type == OrderType::Limit) {
        const Decimal tick = rules.tickFor(request.price);
        if (tick.isPositive() && !request.price.isMultipleOf(tick)) {
            const Decimal down = request.price.roundToStep(tick, Rounding::Floor);
            const Decimal up = request.price.roundToStep(tick, Rounding::Ceiling);
            return invalid(tr("Price %1 %2 is not a multiple of the %3 %2 tick. Nearest valid prices: %4 "
                              "or %5.")
                               .arg(request.price.toString(), it->quote, tick.toString(), down.toString(),
                                    up.toString()));
        }
    }
    const Decimal total = request.type == OrderType::Limit ? request.price * request.qty : request.total;
    if (request.total.isPositive() || request.type == OrderType::Limit) {
        if (rules.minTotal.isPositive() && total < rules.minTotal)
            return invalid(tr("The order total %1 %2 is below the minimum of %3 %2.")
                               .arg(total.toString(), it->quote, rules.minTotal.toString()));
        if (rules.maxTotal.isPositive() && total > rules.maxTotal)
            return invalid(tr("The order total %1 %2 is above the maximum of %3 %2.")
                               .arg(total.toString(), it->quote, rules.maxTotal.toString()));
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------
// Public market data

QFuture<Result<QVector<Ticker>>> UpbitConnector::fetchTickers(const QStringList& markets) {
    return start<QVector<Ticker>>([this, markets](PromisePtr<QVector<Ticker>> promise) {
        if (markets.isEmpty()) {
            resolve(promise, Result<QVector<Ticker>>(QVector<Ticker>()));
            return;
        }
        HttpRequest request = publicRequest(QStringLiteral("/v1/ticker"),
                                            {{QStringLiteral("markets"), markets.join(QLatin1Char(','))}},
                                            m_traits.groupTicker);
        sendAndParse<QVector<Ticker>>(request, promise, [this, markets](const JsonValue& root) {
            if (!root.isArray())
                return Result<QVector<Ticker>>(malformed(tr("the ticker list is not an array")));
            QVector<Ticker> out;
            for (JsonValue e : root.elements()) {
                Ticker t = parseTicker(e, m_traits.venueId);
                if (!markets.contains(t.market))
                    continue;
                m_lastPrices.insert(t.market, t.last);
                out.append(t);
            }
            for (const QString& code : markets) {
                if (std::none_of(out.begin(), out.end(), [&](const Ticker& t) { return t.market == code; })) {
                    VenueError e;
                    e.kind = ErrorKind::NotFound;
                    e.detail = tr("The venue has no market %1.").arg(code);
                    return Result<QVector<Ticker>>(e);
                }
            }
            return Result<QVector<Ticker>>(out);
        });
    });
}

QFuture<Result<OrderBook>> UpbitConnector::fetchOrderBook(const QString& market, int depth) {
    return start<OrderBook>([this, market, depth](PromisePtr<OrderBook> promise) {
        QList<std::pair<QString, QString>> query{{QStringLiteral("markets"), market}};
        const Decimal level = m_levels.value(market);
        if (m_traits.hasOrderBookLevel && level.isPositive())
            query.append({QStringLiteral("level"), level.toString()});
        HttpRequest request = publicRequest(QStringLiteral("/v1/orderbook"), query, m_traits.groupOrderBook);
        sendAndParse<OrderBook>(request, promise, [this, market, depth](const JsonValue& root) {
            for (JsonValue e : root.elements()) {
                if (toText(e["market"]) != market)
                    continue;
                OrderBook book(m_traits.venueId, market);
                parseOrderBookInto(e, book);
                if (depth > 0)
                    book.truncate(depth);
                return Result<OrderBook>(book);
            }
            VenueError e;
            e.kind = ErrorKind::NotFound;
            e.detail = tr("The venue has no order book for market %1.").arg(market);
            return Result<OrderBook>(e);
        });
    });
}

QString UpbitConnector::candleToParam(qint64 toMs, CandleInterval) const {
    return formatIsoTime(toMs, 0) + QLatin1Char('Z');
}

qint64 UpbitConnector::candleOpenTime(const JsonValue& element, CandleInterval interval) const {
    const qint64 utc = parseIsoTimeMs(element["candle_date_time_utc"].raw()).value_or(0);
    if (intervalMs(interval) < intervalMs(CandleInterval::D1) || bucketStart(interval, utc) == utc)
        return utc;
    // Day, week and month candles of a venue whose days start at 00:00 KST: label them by their KST date,
    // which is what the venue shows, so they line up with our UTC buckets.
    const qint64 kstLabel = parseIsoTimeMs(element["candle_date_time_kst"].raw()).value_or(utc);
    return bucketStart(interval, kstLabel);
}

QFuture<Result<QVector<Candle>>> UpbitConnector::fetchCandles(const CandleQuery& query) {
    return start<QVector<Candle>>([this, query](PromisePtr<QVector<Candle>> promise) {
        if (query.interval == CandleInterval::S1 && !m_traits.hasSecondCandles) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = tr("This venue has no one-second candles.");
            resolve(promise, Result<QVector<Candle>>(e));
            return;
        }
        if (!m_markets.isEmpty() && !m_markets.contains(query.market)) {
            VenueError e;
            e.kind = ErrorKind::NotFound;
            e.detail = tr("The venue has no market %1.").arg(query.market);
            resolve(promise, Result<QVector<Candle>>(e));
            return;
        }
        fetchCandlePage(query, query.toMs, {}, promise);
    });
}

// Pages backward by `to` (exclusive) until `count` candles or the start of the history; the venue answers
// newest first, `acc` is kept newest first and reversed at the end.
void UpbitConnector::fetchCandlePage(CandleQuery query, qint64 toMs, QVector<Candle> acc,
                                     PromisePtr<QVector<Candle>> promise) {
    const int wanted = std::max(1, query.count) - int(acc.size());
    const int n = std::min(kCandlesPerRequest, wanted);
    QList<std::pair<QString, QString>> params{{QStringLiteral("market"), query.market}};
    if (toMs > 0)
        params.append({QStringLiteral("to"), candleToParam(toMs, query.interval)});
    params.append({QStringLiteral("count"), QString::number(n)});
    HttpRequest request = publicRequest(candlePath(query.interval), params, m_traits.groupCandles);
    send(request, [this, query, toMs, acc, n, promise](const HttpResponse& r) mutable {
        if (!r.isSuccess()) {
            resolve(promise, Result<QVector<Candle>>(errorOf(r)));
            return;
        }
        JsonDocument doc;
        if (!doc.parse(r.body) || !doc.root().isArray()) {
            resolve(promise, Result<QVector<Candle>>(malformed(tr("the candle list is not an array"))));
            return;
        }
        const qint64 limit = toMs > 0 ? toMs : std::numeric_limits<qint64>::max();
        const qint64 oldestSoFar = acc.isEmpty() ? limit : acc.last().openTimeMs;
        int received = 0;
        QVector<Candle> page;
        for (JsonValue e : doc.root().elements()) {
            ++received;
            Candle c = parseCandle(e);
            c.openTimeMs = candleOpenTime(e, query.interval);
            if (c.openTimeMs < oldestSoFar && c.openTimeMs < limit)
                page.append(c);
        }
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

QFuture<Result<QVector<Trade>>> UpbitConnector::fetchTrades(const QString& market, int count) {
    return start<QVector<Trade>>([this, market, count](PromisePtr<QVector<Trade>> promise) {
        const int n = std::clamp(count, 1, m_traits.maxTradesPerRequest);
        HttpRequest request =
            publicRequest(QStringLiteral("/v1/trades/ticks"),
                          {{QStringLiteral("market"), market}, {QStringLiteral("count"), QString::number(n)}},
                          m_traits.groupTrades);
        sendAndParse<QVector<Trade>>(request, promise, [this](const JsonValue& root) {
            if (!root.isArray())
                return Result<QVector<Trade>>(malformed(tr("the trade list is not an array")));
            QVector<Trade> out;
            for (JsonValue e : root.elements())
                out.append(parseTrade(e, m_traits.venueId));
            std::stable_sort(out.begin(), out.end(),
                             [](const Trade& a, const Trade& b) { return a.timestampMs > b.timestampMs; });
            return Result<QVector<Trade>>(out);
        });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Account and orders

QFuture<Result<QVector<Balance>>> UpbitConnector::fetchBalances() {
    return start<QVector<Balance>>([this](PromisePtr<QVector<Balance>> promise) {
        if (!m_signer) {
            resolve(promise, Result<QVector<Balance>>(noCredentials()));
            return;
        }
        HttpRequest request =
            privateRequest("GET", QStringLiteral("/v1/accounts"), {}, m_traits.groupPrivate);
        sendAndParse<QVector<Balance>>(request, promise, [this](const JsonValue& root) {
            if (!root.isArray())
                return Result<QVector<Balance>>(malformed(tr("the account list is not an array")));
            QVector<Balance> out;
            for (JsonValue e : root.elements())
                out.append(parseBalance(e, m_traits.venueId));
            return Result<QVector<Balance>>(out);
        });
    });
}

Order UpbitConnector::completeOrder(Order order, const OrderRequest& request, const QString& clientId) const {
    // Replies that leave fields out (Bithumb's v2 create answers with little more than the id) are completed
    // from what we asked for.
    order.venue = m_traits.venueId;
    if (order.clientId.isEmpty())
        order.clientId = clientId;
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
        order.timeInForce = request.timeInForce; // replies without `time_in_force`
    if (order.state == OrderState::New && !order.id.isEmpty())
        order.state = OrderState::Open;
    if (order.createdAtMs == 0)
        order.createdAtMs = m_clock->nowMs();
    if (order.updatedAtMs == 0)
        order.updatedAtMs = order.createdAtMs;
    return order;
}

QFuture<Result<Order>> UpbitConnector::createOrder(const OrderRequest& request) {
    return start<Order>([this, request](PromisePtr<Order> promise) {
        if (!m_signer) {
            resolve(promise, Result<Order>(noCredentials()));
            return;
        }
        if (auto e = precheck(request)) {
            resolve(promise, Result<Order>(*e));
            return;
        }
        const QString clientId = request.clientId.isEmpty() ? newClientId() : request.clientId;
        if (m_markets.contains(request.market) && !m_chances.contains(request.market)) {
            // First order on this market: read its minimum total and fees first.
            fetchChance(request.market, [this, request, clientId, promise] {
                if (auto e = precheck(request))
                    resolve(promise, Result<Order>(*e));
                else
                    sendCreate(request, clientId, promise);
            });
            return;
        }
        sendCreate(request, clientId, promise);
    });
}

void UpbitConnector::sendCreate(const OrderRequest& request, const QString& clientId,
                                PromisePtr<Order> promise) {
    JsonWriter body;
    body.beginObject()
        .field("market", request.market)
        .field("side", request.side == Side::Buy ? "bid" : "ask");
    if (request.type == OrderType::Limit) {
        body.field("volume", request.qty)
            .field("price", request.price)
            .key(m_traits.orderTypeField)
            .value("limit");
    } else if (request.side == Side::Buy) {
        // Best buys, like market buys, give the amount to spend as `price`.
        body.field("price", request.total)
            .key(m_traits.orderTypeField)
            .value(request.type == OrderType::Best ? "best" : "price"); // no volume
    } else {
        body.field("volume", request.qty)
            .key(m_traits.orderTypeField)
            .value(request.type == OrderType::Best ? "best" : "market"); // no price
    }
    // Good-till-cancel is the venues' default and has no wire value.
    if (request.timeInForce != TimeInForce::GoodTillCancel)
        body.field("time_in_force", timeInForceName(request.timeInForce));
    body.key(m_traits.clientIdField).value(clientId).endObject();

    HttpRequest http = privateRequest("POST", m_traits.createOrderPath, {}, m_traits.groupOrderCreate);
    http.jsonBody = body.data();
    http.idempotent = false;
    http.lane = net::Lane::Priority;
    http.timeoutMs = m_options.orderTimeoutMs;
    send(http, [this, request, clientId, promise](const HttpResponse& r) {
        if (r.isSuccess()) {
            JsonDocument doc;
            if (doc.parse(r.body) && doc.root().isObject()) {
                const Order order =
                    completeOrder(parseOrder(doc.root(), m_traits.venueId), request, clientId);
                if (!order.id.isEmpty()) {
                    noteOrder(order);
                    resolve(promise, Result<Order>(order));
                    return;
                }
            }
            recoverCreate(request, clientId, r, promise); // accepted, but the answer is unreadable
            return;
        }
        // No answer, a server failure, or `nonce_used`: the transport may have re-sent our request on a
        // dropped keep-alive connection (Qt does that by itself), so the venue may hold the order.
        const bool unknownOutcome = r.error == net::HttpError::Timeout ||
                                    r.error == net::HttpError::Network ||
                                    (r.error == net::HttpError::None && r.status >= 500) ||
                                    errorOf(r).venueCode == QLatin1String("nonce_used");
        if (unknownOutcome) {
            recoverCreate(request, clientId, r, promise);
            return;
        }
        resolve(promise, Result<Order>(errorOf(r)));
    });
}

// The order request got no usable answer: it may or may not have been placed. Look it up by its client id
// and only then answer; never send it again.
void UpbitConnector::recoverCreate(const OrderRequest& request, const QString& clientId,
                                   const HttpResponse& failed, PromisePtr<Order> promise) {
    const QString why =
        failed.error != net::HttpError::None
            ? failed.errorString
            : (failed.status >= 200 && failed.status < 300 ? tr("unreadable answer")
                                                           : tr("HTTP status %1").arg(failed.status));
    HttpRequest lookup = orderLookup({{}, clientId}, net::Lane::Priority);
    send(lookup, [this, request, clientId, why, promise](const HttpResponse& r) {
        if (r.isSuccess()) {
            JsonDocument doc;
            if (doc.parse(r.body) && doc.root().isObject()) {
                const Order order =
                    completeOrder(parseOrder(doc.root(), m_traits.venueId), request, clientId);
                noteOrder(order);
                resolve(promise, Result<Order>(order));
                return;
            }
        }
        VenueError e;
        e.kind = ErrorKind::Network;
        const VenueError lookupError = errorOf(r);
        if (lookupError.kind == ErrorKind::NotFound) {
            e.detail = tr("The order request failed (%1) and the venue has no order with client id %2: "
                          "the order was not placed.")
                           .arg(why, clientId);
        } else {
            e.detail =
                tr("The order request failed (%1) and whether the order was placed could not be "
                   "confirmed (%2). Check the open orders for client id %3 before trying again.")
                    .arg(why, lookupError.detail.isEmpty() ? lookupError.venueMessage : lookupError.detail,
                         clientId);
        }
        resolve(promise, Result<Order>(e));
    });
}

HttpRequest UpbitConnector::orderLookup(const OrderRef& ref, net::Lane lane) const {
    const bool byId = !ref.id.isEmpty();
    HttpRequest r = privateRequest(
        "GET", QStringLiteral("/v1/order"),
        {{byId ? m_traits.getOrderIdParam : m_traits.clientIdField, byId ? ref.id : ref.clientId}},
        m_traits.groupPrivate);
    r.lane = lane;
    return r;
}

void UpbitConnector::noteOrder(const Order& incoming) {
    if (incoming.id.isEmpty())
        return;
    Order order = incoming;
    const auto it = m_orders.constFind(order.id);
    if (it != m_orders.cend()) {
        const Order& known = *it;
        // Answers and stream events can arrive out of order: never step back.
        if (isTerminal(known.state) && !isTerminal(order.state))
            return;
        if (order.filledQty < known.filledQty)
            return;
        // Fill in what this update does not carry (stream trade events have no order price).
        if (order.clientId.isEmpty())
            order.clientId = known.clientId;
        if (order.price.isZero())
            order.price = known.price;
        if (order.qty.isZero())
            order.qty = known.qty;
        if (order.total.isZero())
            order.total = known.total;
        if (order.createdAtMs == 0)
            order.createdAtMs = known.createdAtMs;
        if (known.state == order.state && known.filledQty == order.filledQty) {
            m_orders.insert(order.id, order);
            return; // nothing new to tell
        }
    }
    if (m_orders.size() > 5000) { // keep the cache bounded: forget finished orders
        for (auto i = m_orders.begin(); i != m_orders.end();)
            i = isTerminal(i->state) ? m_orders.erase(i) : std::next(i);
    }
    m_orders.insert(order.id, order);
    if (m_accountSubscribed)
        emit orderUpdated(order);
}

QFuture<Result<Order>> UpbitConnector::fetchOrder(const OrderRef& ref) {
    return start<Order>([this, ref](PromisePtr<Order> promise) {
        if (!m_signer) {
            resolve(promise, Result<Order>(noCredentials()));
            return;
        }
        sendAndParse<Order>(orderLookup(ref, net::Lane::Normal), promise, [this](const JsonValue& root) {
            if (!root.isObject())
                return Result<Order>(malformed(tr("the order is not an object")));
            const Order order = parseOrder(root, m_traits.venueId);
            if (isTerminal(order.state) && root["trades"].isArray())
                m_fillsCache.insert(order.id, parseOrderFills(root, order));
            noteOrder(order);
            return Result<Order>(order);
        });
    });
}

net::HttpRequest UpbitConnector::openOrdersRequest(const QString& market) const {
    QList<std::pair<QString, QString>> q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("states[]"), QStringLiteral("wait")});
    q.append({QStringLiteral("states[]"), QStringLiteral("watch")});
    q.append({QStringLiteral("limit"), QStringLiteral("100")});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return privateRequest("GET", QStringLiteral("/v1/orders/open"), q, m_traits.groupPrivate);
}

net::HttpRequest UpbitConnector::closedOrdersRequest(const QString& market, int limit) const {
    QList<std::pair<QString, QString>> q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("states[]"), QStringLiteral("done")});
    q.append({QStringLiteral("states[]"), QStringLiteral("cancel")});
    q.append({QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 1000))});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return privateRequest("GET", QStringLiteral("/v1/orders/closed"), q, m_traits.groupPrivate);
}

namespace {
Result<QVector<Order>> parseOrderList(const JsonValue& root, const QString& venue, int limit) {
    QVector<Order> out;
    for (JsonValue e : root.elements())
        out.append(parseOrder(e, venue));
    std::stable_sort(out.begin(), out.end(),
                     [](const Order& a, const Order& b) { return a.createdAtMs > b.createdAtMs; });
    if (limit > 0 && out.size() > limit)
        out.resize(limit);
    return out;
}
} // namespace

QFuture<Result<QVector<Order>>> UpbitConnector::fetchOpenOrders(const QString& market) {
    return start<QVector<Order>>([this, market](PromisePtr<QVector<Order>> promise) {
        if (!m_signer) {
            resolve(promise, Result<QVector<Order>>(noCredentials()));
            return;
        }
        sendAndParse<QVector<Order>>(openOrdersRequest(market), promise, [this](const JsonValue& root) {
            if (!root.isArray())
                return Result<QVector<Order>>(malformed(tr("the order list is not an array")));
            return parseOrderList(root, m_traits.venueId, 0);
        });
    });
}

QFuture<Result<QVector<Order>>> UpbitConnector::fetchClosedOrders(const QString& market, int limit) {
    return start<QVector<Order>>([this, market, limit](PromisePtr<QVector<Order>> promise) {
        if (!m_signer) {
            resolve(promise, Result<QVector<Order>>(noCredentials()));
            return;
        }
        sendAndParse<QVector<Order>>(
            closedOrdersRequest(market, limit), promise, [this, limit](const JsonValue& root) {
                if (!root.isArray())
                    return Result<QVector<Order>>(malformed(tr("the order list is not an array")));
                return parseOrderList(root, m_traits.venueId, limit);
            });
    });
}

QFuture<Result<Order>> UpbitConnector::cancelOrder(const OrderRef& ref) {
    return start<Order>([this, ref](PromisePtr<Order> promise) {
        if (!m_signer) {
            resolve(promise, Result<Order>(noCredentials()));
            return;
        }
        const bool byId = !ref.id.isEmpty();
        HttpRequest request = privateRequest(
            "DELETE", m_traits.cancelOrderPath,
            {{byId ? m_traits.cancelIdParam : m_traits.clientIdField, byId ? ref.id : ref.clientId}},
            m_traits.groupOrderCancel);
        request.lane = net::Lane::Priority;
        send(request, [this, ref, promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<Order>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            const bool parsed = doc.parse(r.body) && doc.root().isObject();
            if (parsed && doc.root().contains("state")) {
                Order order = parseOrder(doc.root(), m_traits.venueId);
                noteOrder(order);
                resolve(promise, Result<Order>(order));
                return;
            }
            // A short acknowledgement (Bithumb v2: order_id and created_at): read the order's state.
            OrderRef lookupRef = ref;
            if (parsed) {
                const QString id = toText(doc.root()["order_id"]);
                if (!id.isEmpty())
                    lookupRef = {id, {}};
            }
            sendAndParse<Order>(orderLookup(lookupRef, net::Lane::Priority), promise,
                                [this](const JsonValue& root) {
                                    const Order order = parseOrder(root, m_traits.venueId);
                                    noteOrder(order);
                                    return Result<Order>(order);
                                });
        });
    });
}

QFuture<Result<QVector<Fill>>> UpbitConnector::fetchFills(const QString& market, int limit) {
    return start<QVector<Fill>>([this, market, limit](PromisePtr<QVector<Fill>> promise) {
        if (!m_signer) {
            resolve(promise, Result<QVector<Fill>>(noCredentials()));
            return;
        }
        // The venues have no own-trades list: the fills are the trades[] of orders that executed, newest
        // first (closed orders, then partly filled open ones).
        send(closedOrdersRequest(market, std::max(limit, 20)), [this, market, limit,
                                                                promise](const HttpResponse& r) {
            if (!r.isSuccess()) {
                resolve(promise, Result<QVector<Fill>>(errorOf(r)));
                return;
            }
            JsonDocument doc;
            if (!doc.parse(r.body) || !doc.root().isArray()) {
                resolve(promise, Result<QVector<Fill>>(malformed(tr("the order list is not an array"))));
                return;
            }
            QVector<Order> candidates = parseOrderList(doc.root(), m_traits.venueId, 0).value();
            send(openOrdersRequest(market), [this, candidates, limit,
                                             promise](const HttpResponse& open) mutable {
                JsonDocument openDoc;
                if (open.isSuccess() && openDoc.parse(open.body) && openDoc.root().isArray())
                    candidates += parseOrderList(openDoc.root(), m_traits.venueId, 0).value();
                candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                                [](const Order& o) { return !o.filledQty.isPositive(); }),
                                 candidates.end());
                std::stable_sort(candidates.begin(), candidates.end(), [](const Order& a, const Order& b) {
                    return a.createdAtMs > b.createdAtMs;
                });
                collectFills(candidates, 0, limit, {}, promise);
            });
        });
    });
}

void UpbitConnector::collectFills(QVector<Order> candidates, int index, int limit, QVector<Fill> acc,
                                  PromisePtr<QVector<Fill>> promise) {
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
    send(orderLookup({candidate.id, {}}, net::Lane::Normal),
         [this, candidates, index, limit, acc, promise](const HttpResponse& r) mutable {
             if (!r.isSuccess()) {
                 resolve(promise, Result<QVector<Fill>>(errorOf(r)));
                 return;
             }
             JsonDocument doc;
             if (doc.parse(r.body) && doc.root().isObject()) {
                 const Order order = parseOrder(doc.root(), m_traits.venueId);
                 const QVector<Fill> fills = parseOrderFills(doc.root(), order);
                 if (isTerminal(order.state))
                     m_fillsCache.insert(order.id, fills);
                 acc += fills;
             }
             collectFills(candidates, index + 1, limit, acc, promise);
         });
}

// ---------------------------------------------------------------------------------------------------------
// Streams

QByteArray UpbitConnector::publicSubscription(const QHash<QString, unsigned>& subscriptions) const {
    QStringList tickers;
    QStringList trades;
    std::map<QString, QStringList> booksByLevel; // level text ("" = none) -> codes
    for (auto it = subscriptions.cbegin(); it != subscriptions.cend(); ++it) {
        if (it.value() & TickerChannel)
            tickers.append(it.key());
        if (it.value() & TradeChannel)
            trades.append(it.key());
        if (it.value() & OrderBookChannel) {
            const Decimal level = m_levels.value(it.key());
            booksByLevel[m_traits.hasOrderBookLevel && level.isPositive() ? level.toString() : QString()]
                .append(it.key());
        }
    }
    if (tickers.isEmpty() && trades.isEmpty() && booksByLevel.empty())
        return {};
    const char* snapshotFlag = m_traits.wsCamelCaseFlags ? "isOnlySnapshot" : "is_only_snapshot";
    const char* realtimeFlag = m_traits.wsCamelCaseFlags ? "isOnlyRealtime" : "is_only_realtime";
    JsonWriter w;
    w.beginArray().beginObject().field("ticket", QString::fromLatin1(m_ticket)).endObject();
    auto type = [&](const char* name, QStringList codes, const QString& level) {
        if (codes.isEmpty())
            return;
        codes.sort();
        w.beginObject().field("type", name).key("codes").beginArray();
        for (const QString& code : codes)
            w.value(code);
        w.endArray();
        if (!level.isEmpty())
            w.key("level").decimal(Decimal::fromString(level.toStdString()), JsonWriter::DecimalAs::Number);
        w.field(snapshotFlag, false).field(realtimeFlag, false).endObject();
    };
    type("ticker", tickers, {});
    type("trade", trades, {});
    for (const auto& [level, codes] : booksByLevel)
        type("orderbook", codes, level);
    w.beginObject().field("format", "DEFAULT").endObject().endArray();
    return w.data();
}

QByteArray UpbitConnector::privateSubscription() const {
    JsonWriter w;
    w.beginArray()
        .beginObject()
        .field("ticket", QString::fromLatin1(m_ticket))
        .endObject()
        .beginObject()
        .field("type", "myOrder")
        .endObject()
        .beginObject()
        .field("type", "myAsset")
        .endObject()
        .beginObject()
        .field("format", "DEFAULT")
        .endObject()
        .endArray();
    return w.data();
}

void UpbitConnector::updatePublicSession() {
    const QByteArray request = publicSubscription(m_subscriptions);
    if (request.isEmpty()) {
        m_public->setSubscriptions({});
        m_public->close();
        return;
    }
    m_public->setSubscriptions({request});
    if (m_public->state() == ConnectionState::Disconnected)
        m_public->open();
}

void UpbitConnector::subscribeMarketData(const QStringList& markets, unsigned channels) {
    QMetaObject::invokeMethod(
        this,
        [this, markets, channels] {
            QStringList newBooks;
            for (const QString& code : markets) {
                unsigned& subscribed = m_subscriptions[code];
                if ((channels & OrderBookChannel) && !(subscribed & OrderBookChannel))
                    newBooks.append(code);
                subscribed |= channels;
            }
            updatePublicSession();
            if (m_public->isConnected())
                for (const QString& code : newBooks)
                    reseedBook(code);
        },
        Qt::QueuedConnection);
}

void UpbitConnector::unsubscribeMarketData(const QStringList& markets, unsigned channels) {
    QMetaObject::invokeMethod(
        this,
        [this, markets, channels] {
            for (const QString& code : markets) {
                auto it = m_subscriptions.find(code);
                if (it == m_subscriptions.end())
                    continue;
                *it &= ~channels;
                if (!(*it & OrderBookChannel))
                    m_publicDecoder->removeBook(code);
                if (*it == 0)
                    m_subscriptions.erase(it);
            }
            updatePublicSession();
        },
        Qt::QueuedConnection);
}

void UpbitConnector::setOrderBookLevel(const QString& market, const Decimal& level) {
    QMetaObject::invokeMethod(
        this,
        [this, market, level] {
            if (level.isPositive())
                m_levels.insert(market, level);
            else
                m_levels.remove(market);
            if (m_subscriptions.value(market) & OrderBookChannel)
                updatePublicSession();
        },
        Qt::QueuedConnection);
}

void UpbitConnector::subscribeAccount() {
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_signer) {
                emit streamError(noCredentials());
                return;
            }
            m_accountSubscribed = true;
            m_private->setSubscriptions({privateSubscription()});
            if (m_private->state() == ConnectionState::Disconnected)
                m_private->open();
        },
        Qt::QueuedConnection);
}

void UpbitConnector::onPublicConnected() {
    // The books we hold may have missed updates while the link was down: replace them from REST unless the
    // stream's own snapshot arrives first.
    m_publicDecoder->markBooksStale();
    QStringList books;
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        if (it.value() & OrderBookChannel)
            books.append(it.key());
    for (const QString& code : std::as_const(books))
        reseedBook(code);
}

void UpbitConnector::reseedBook(const QString& market) {
    QList<std::pair<QString, QString>> query{{QStringLiteral("markets"), market}};
    const Decimal level = m_levels.value(market);
    if (m_traits.hasOrderBookLevel && level.isPositive())
        query.append({QStringLiteral("level"), level.toString()});
    const quint64 before = m_publicDecoder->updatesSinceMark(market);
    send(publicRequest(QStringLiteral("/v1/orderbook"), query, m_traits.groupOrderBook),
         [this, market, before](const HttpResponse& r) {
             if (!(m_subscriptions.value(market) & OrderBookChannel))
                 return;
             if (m_publicDecoder->updatesSinceMark(market) != before)
                 return; // the stream already delivered a newer book
             if (!r.isSuccess()) {
                 emit streamError(errorOf(r));
                 return;
             }
             JsonDocument doc;
             if (!doc.parse(r.body))
                 return;
             for (JsonValue e : doc.root().elements()) {
                 if (toText(e["market"]) != market)
                     continue;
                 emit orderBookUpdated(m_publicDecoder->applyRestBook(market, e));
             }
         });
}

void UpbitConnector::onPublicMessage(const QByteArray& message) {
    switch (m_publicDecoder->decode(message)) {
    case StreamDecoder::Kind::OrderBook: {
        const OrderBook& book = m_publicDecoder->book();
        if (m_subscriptions.value(book.market()) & OrderBookChannel)
            emit orderBookUpdated(book);
        break;
    }
    case StreamDecoder::Kind::Ticker: {
        const Ticker& t = m_publicDecoder->ticker();
        m_lastPrices.insert(t.market, t.last);
        if (m_subscriptions.value(t.market) & TickerChannel)
            emit tickerUpdated(t);
        break;
    }
    case StreamDecoder::Kind::Trade: {
        const Trade& t = m_publicDecoder->trade();
        if (m_subscriptions.value(t.market) & TradeChannel)
            emit tradeReceived(t);
        break;
    }
    case StreamDecoder::Kind::Error:
        emitStreamError(m_publicDecoder->error());
        break;
    default:
        break;
    }
}

void UpbitConnector::onPrivateMessage(const QByteArray& message) {
    switch (m_privateDecoder->decode(message)) {
    case StreamDecoder::Kind::MyOrder: {
        const MyOrderEvent& e = m_privateDecoder->myOrder();
        noteOrder(e.order);
        if (e.fill) {
            Fill fill = *e.fill;
            if (fill.clientId.isEmpty())
                fill.clientId = m_orders.value(fill.orderId).clientId;
            emit fillReceived(fill);
        }
        break;
    }
    case StreamDecoder::Kind::MyAsset:
        for (const Balance& b : m_privateDecoder->assets())
            emit balanceUpdated(b);
        break;
    case StreamDecoder::Kind::Error:
        emitStreamError(m_privateDecoder->error());
        break;
    default:
        break;
    }
}

void UpbitConnector::emitStreamError(const ErrorBody& error) {
    const VenueError e = error.numericName ? errorFromName({}, error.name, error.message, true)
                         : findErrorRule(m_traits.errorRules, error.name)
                             ? errorFromName(m_traits.errorRules, error.name, error.message)
                             : errorFromName(upbitErrorRules(), error.name, error.message);
    emit streamError(e);
}

} // namespace hoga
