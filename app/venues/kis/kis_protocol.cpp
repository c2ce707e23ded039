#include "kis_protocol.h"

#include "kis_errors.h"
#include "kis_parse.h"
#include "kis_stream.h"
#include "kis_tables.h"

#include "core/order_validator.h"

#include <QCoreApplication>
#include <QDateTime>

namespace hoga {

using net::JsonValue;
using Params = QList<std::pair<QString, QString>>;

namespace {

constexpr const char* kPrefix = "/uapi/domestic-stock/v1";

QString path(const char* tail) {
    return QLatin1String(kPrefix) + QLatin1String(tail);
}

// ORD_DVSN of a request (KRX): 00 limit, 01 market, 03 best-limit (최유리), 05/06 pre/post-market at the
// close (장전/장후 시간외), 07 after-hours single price (시간외 단일가), 11/12 IOC/FOK limit, 15/16 IOC/FOK
// best.
QString orderDivision(OrderType type, TimeInForce timeInForce, OrderSession session) {
    switch (session) {
    case OrderSession::PreMarketClose:
        return QStringLiteral("05");
    case OrderSession::PostMarketClose:
        return QStringLiteral("06");
    case OrderSession::AfterHoursSingle:
        return QStringLiteral("07");
    case OrderSession::Regular:
        break;
    }
    switch (type) {
    case OrderType::Market:
        return QStringLiteral("01");
    case OrderType::Best:
        if (timeInForce == TimeInForce::ImmediateOrCancel)
            return QStringLiteral("15");
        if (timeInForce == TimeInForce::FillOrKill)
            return QStringLiteral("16");
        return QStringLiteral("03");
    case OrderType::Limit:
        if (timeInForce == TimeInForce::ImmediateOrCancel)
            return QStringLiteral("11");
        if (timeInForce == TimeInForce::FillOrKill)
            return QStringLiteral("12");
        return QStringLiteral("00");
    }
    return QStringLiteral("00");
}

} // namespace

KisAccount KisAccount::parse(const QString& number, const QString& accountType) {
    KisAccount a;
    a.isVirtual = accountType == QLatin1String("virtual");
    QString digits = number.trimmed();
    digits.remove(QLatin1Char('-'));
    if (digits.size() == 10) {
        bool ok = false;
        digits.toLongLong(&ok);
        if (ok) {
            a.cano = digits.left(8);
            a.productCode = digits.mid(8);
        }
    }
    return a;
}

KisProtocol::KisProtocol(KisAccount account, VenueEndpoints endpoints)
    : m_account(std::move(account))
    , m_endpoints(std::move(endpoints)) {}

QString KisProtocol::displayName() const {
    return QCoreApplication::translate("hoga::KisConnector", "Korea Investment & Securities");
}

VenueEndpoints KisProtocol::realEndpoints() {
    VenueEndpoints e;
    e.restUrl = QUrl(QStringLiteral("https://openapi.koreainvestment.com:9443"));
    e.wsUrl = QUrl(QStringLiteral("ws://ops.koreainvestment.com:21000/tryitout"));
    e.privateWsUrl = e.wsUrl;
    return e;
}

VenueEndpoints KisProtocol::virtualEndpoints() {
    VenueEndpoints e;
    e.restUrl = QUrl(QStringLiteral("https://openapivts.koreainvestment.com:29443"));
    e.wsUrl = QUrl(QStringLiteral("ws://ops.koreainvestment.com:31000/tryitout"));
    e.privateWsUrl = e.wsUrl;
    return e;
}

VenueEndpoints KisProtocol::defaultEndpoints() const {
    return m_account.isVirtual ? virtualEndpoints() : realEndpoints();
}

CredentialSchema KisProtocol::schema() {
    CredentialSchema s;
    s.fields.append({QStringLiteral("access_key"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "App key"),
                     false,
                     {},
                     false});
    s.fields.append({QStringLiteral("secret_key"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "App secret"),
                     true,
                     {},
                     false});
    s.fields.append({QStringLiteral("account"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "Account number (12345678-01)"),
                     false,
                     {},
                     false});
    s.fields.append({QStringLiteral("account_type"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "Account type"),
                     false,
                     {QStringLiteral("real"), QStringLiteral("virtual")},
                     false,
                     {QT_TRANSLATE_NOOP("hoga::CredentialField", "Real trading"),
                      QT_TRANSLATE_NOOP("hoga::CredentialField", "Virtual trading (모의투자)")}});
    // Optional: fill notices (H0STCNI0) are subscribed by the HTS id, not the account number.
    s.fields.append({QStringLiteral("hts_id"),
                     QT_TRANSLATE_NOOP("hoga::CredentialField", "HTS ID (for live fill notices)"),
                     false,
                     {},
                     true});
    return s;
}

net::RateLimitConfig KisProtocol::limits(bool isVirtual) {
    // Per app key: about 20 requests a second on real servers, 2 on virtual ones (KIS samples sleep
    // 0.05 s / 0.5 s between calls); a few kept for orders and cancels.
    net::RateLimitConfig c;
    c.venue = isVirtual ? QStringLiteral("kis-virtual") : QStringLiteral("kis");
    const int perSecond = isVirtual ? 2 : 20;
    // The window is a little longer than a second: the server counts on its own clock, and a request that
    // just makes our second can land in its next one.
    c.groups = {{QStringLiteral("rest"), perSecond, 1100, isVirtual ? 0 : 4}};
    c.fallback = {QString(), perSecond, 1100, 0};
    return c;
}

VenueCapabilities KisProtocol::capabilities() const {
    VenueCapabilities c;
    c.orderTypes = {OrderType::Limit, OrderType::Market, OrderType::Best};
    c.limitTimeInForce = {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                          TimeInForce::FillOrKill};
    c.bestTimeInForce = {TimeInForce::ImmediateOrCancel, TimeInForce::FillOrKill};
    c.marketBuyByTotal = false; // stocks are bought by the share
    c.orderSessions = {OrderSession::Regular, OrderSession::PreMarketClose, OrderSession::PostMarketClose,
                       OrderSession::AfterHoursSingle};
    c.marketBuyByQty = true;
    c.candleIntervals = {CandleInterval::M1, CandleInterval::D1, CandleInterval::W1, CandleInterval::MN1};
    c.maxCandlesPerRequest = 100;
    c.maxTradesPerRequest = 30;
    c.maxOrderBookDepth = 10;
    c.tickerStream = true; // from the trade stream (H0STCNT0 carries the day's ticker): no separate TR
    // Two subscriptions a stock (trades, book) on the one session, whose fill notice takes one slot.
    c.maxStreamedMarkets = (kis::kMaxSubscriptions - 1) / 2;
    c.ownTradesList = false;
    c.lookupByClientId = false; // KIS has no client order id
    c.modifyOrders = true;      // order-rvsecncl with RVSE_CNCL_DVSN_CD 01
    return c;
}

net::KeepAlive KisProtocol::keepAlive() const {
    net::KeepAlive k;
    // KIS pings us with a PINGPONG text frame; it is echoed back as is.
    k.answerServerPing = [](const QByteArray& frame) -> std::optional<QByteArray> {
        if (frame.contains("\"PINGPONG\""))
            return frame;
        return std::nullopt;
    };
    k.silenceTimeoutMs = 120'000;
    return k;
}

std::shared_ptr<net::Authenticator> KisProtocol::makeAuthenticator(const Credentials& credentials,
                                                                   const Clock& clock) const {
    if (credentials.isEmpty())
        return nullptr;
    if (m_htsId.isEmpty())
        m_htsId = credentials.extra(QStringLiteral("hts_id")).trimmed();
    const QUrl rest = m_endpoints.restUrl.isEmpty() ? defaultEndpoints().restUrl : m_endpoints.restUrl;
    std::shared_ptr<TokenCache> cache = m_tokenCache             ? m_tokenCache
                                        : credentials.tokenCache ? credentials.tokenCache
                                                                 : kis::defaultTokenCache();
    // One token per server (real and virtual have their own keys); the cached token names the app key it
    // was issued for, so replaced keys never use it.
    const QString key = tokenCacheKey(m_account.isVirtual);
    return std::make_shared<kis::TokenAuthenticator>(rest, credentials.accessKey, credentials.secretKey,
                                                     clock, std::move(cache), key);
}

QString KisProtocol::tokenCacheKey(bool isVirtual) {
    return QStringLiteral("kis/_session/%1/access_token")
        .arg(isVirtual ? QLatin1String("virtual") : QLatin1String("real"));
}

VenueError KisProtocol::errorOf(const net::HttpResponse& response, qint64 nowMs) const {
    return kis::errorOf(response, nowMs);
}

bool KisProtocol::mayHaveTakenOrder(const net::HttpResponse& failed) const {
    if (!VenueProtocol::mayHaveTakenOrder(failed))
        return false;
    // The gateway's own refusals (rate limit, token) come with a 5xx and were never processed.
    const QString code = kis::statusOf(failed.body).code;
    return !code.startsWith(QLatin1String("EGW"));
}

bool KisProtocol::isFailedAnswer(const net::HttpResponse& response) const {
    return kis::statusOf(response.body).failed;
}

bool KisProtocol::isExpiredToken(const net::HttpResponse& response) const {
    // EGW00123 (expired) and EGW00121 (not valid: revoked, or a stored one the server dropped), also when a
    // retry of an answer with the expired code met the dropped token.
    const QString code = kis::statusOf(response.body).code;
    return code == QLatin1String(kis::kTokenExpired) || code == QLatin1String(kis::kTokenInvalid);
}

std::optional<QVector<Market>> KisProtocol::builtInMarkets() const {
    QVector<Market> out;
    for (const kis::StockInfo& s : kis::builtInStocks())
        out.append(kis::stockMarket(QString::fromLatin1(s.code)));
    return out;
}

std::optional<Market> KisProtocol::unlistedMarket(const QString& code) const {
    if (!kis::isStockCode(code))
        return std::nullopt;
    return kis::stockMarket(code);
}

std::optional<VenueError> KisProtocol::refuseOrder(const OrderRequest& request, qint64 nowMs) const {
    if (!m_account.isValid()) {
        VenueError e;
        e.kind = ErrorKind::Auth;
        e.detail = QCoreApplication::translate(
            "hoga::KisConnector",
            "No KIS account number is set (8 digits, a dash and 2 digits: 12345678-01).");
        return e;
    }
    if (m_enforceHours) {
        if (const std::optional<ValidationIssue> closed =
                OrderValidator::checkSession(kis::stockMarket(request.market), nowMs, request.session)) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = closed->message;
            return e;
        }
    }
    return std::nullopt;
}

QString KisProtocol::trId(const char* realId) const {
    QString id = QString::fromLatin1(realId);
    if (m_account.isVirtual && !id.isEmpty())
        id[0] = QLatin1Char('V');
    return id;
}

ApiCall KisProtocol::get(const QString& p, const QByteArray& tr, Params query) const {
    ApiCall c;
    c.request.method = "GET";
    c.request.url = QUrl(p);
    c.request.query = std::move(query);
    c.request.costs = {{QStringLiteral("rest"), 1}};
    c.request.setHeader("tr_id", tr);
    c.request.setHeader("tr_cont", "");
    // Every KIS call, quotations too, needs the access token.
    c.isPrivate = true;
    return c;
}

ApiCall KisProtocol::post(const QString& p, const QString& tr, const Params& body) const {
    ApiCall c;
    c.request.method = "POST";
    c.request.url = QUrl(p);
    c.request.costs = {{QStringLiteral("rest"), 1}};
    c.request.setHeader("tr_id", tr.toLatin1());
    net::JsonWriter w;
    w.beginObject();
    for (const auto& [key, value] : body) // upper-case keys, every value a string
        w.key(key).value(value);
    w.endObject();
    c.request.jsonBody = w.data();
    c.isPrivate = true;
    return c;
}

ApiCall KisProtocol::marketsCall() const {
    return get(path("/quotations/inquire-price"), "FHKST01010100",
               {{QStringLiteral("FID_COND_MRKT_DIV_CODE"), QStringLiteral("J")},
                {QStringLiteral("FID_INPUT_ISCD"), QStringLiteral("005930")}});
}

Result<QVector<Market>> KisProtocol::parseMarkets(const JsonValue&) const {
    return *builtInMarkets();
}

TradingRules KisProtocol::rulesFor(const Market& market) const {
    return kis::krxRules(m_lastPrices.value(market.code));
}

void KisProtocol::notePrice(const QString& market, const Decimal& last) {
    if (last.isPositive())
        m_lastPrices.insert(market, last);
}

ApiCall KisProtocol::tickersCall(const QStringList& markets) const {
    // One stock per call: inquire-price has no list form.
    return get(path("/quotations/inquire-price"), "FHKST01010100",
               {{QStringLiteral("FID_COND_MRKT_DIV_CODE"), QStringLiteral("J")},
                {QStringLiteral("FID_INPUT_ISCD"), markets.value(0)}});
}

Result<QVector<Ticker>> KisProtocol::parseTickers(const JsonValue& root) const {
    const Result<Ticker> t = kis::parsePrice(root);
    if (!t.ok())
        return t.error();
    return QVector<Ticker>{t.value()};
}

ApiCall KisProtocol::orderBookCall(const QString& market, int) const {
    return get(path("/quotations/inquire-asking-price-exp-ccn"), "FHKST01010200",
               {{QStringLiteral("FID_COND_MRKT_DIV_CODE"), QStringLiteral("J")},
                {QStringLiteral("FID_INPUT_ISCD"), market}});
}

Result<OrderBook> KisProtocol::parseOrderBook(const JsonValue& root, const QString& market) const {
    return kis::parseAskingPrice(root, market);
}

ApiCall KisProtocol::candlesCall(const CandleQuery& query, qint64 toMs, int) const {
    // Day, week and month candles open at 09:00 KST (parseCandles): the day before `toMs`'s opening is the
    // last one wanted.
    const qint64 opening = query.interval == CandleInterval::M1 ? 0 : 9LL * 3600 * 1000;
    const qint64 end = toMs > 0 ? toMs - 1 - opening : QDateTime::currentMSecsSinceEpoch();
    if (query.interval == CandleInterval::M1) {
        // Today's minutes only, 30 a call, ending at the given time.
        return get(path("/quotations/inquire-time-itemchartprice"), "FHKST03010200",
                   {{QStringLiteral("FID_ETC_CLS_CODE"), QString()},
                    {QStringLiteral("FID_COND_MRKT_DIV_CODE"), QStringLiteral("J")},
                    {QStringLiteral("FID_INPUT_ISCD"), query.market},
                    {QStringLiteral("FID_INPUT_HOUR_1"), kis::kstTime(end)},
                    {QStringLiteral("FID_PW_DATA_INCU_YN"), QStringLiteral("N")}});
    }
    const QString period = query.interval == CandleInterval::W1    ? QStringLiteral("W")
                           : query.interval == CandleInterval::MN1 ? QStringLiteral("M")
                                                                   : QStringLiteral("D");
    // At most 100 rows ending at FID_INPUT_DATE_2; the connector pages backward from the oldest one.
    return get(path("/quotations/inquire-daily-itemchartprice"), "FHKST03010100",
               {{QStringLiteral("FID_COND_MRKT_DIV_CODE"), QStringLiteral("J")},
                {QStringLiteral("FID_INPUT_ISCD"), query.market},
                {QStringLiteral("FID_INPUT_DATE_1"), QStringLiteral("19800101")},
                {QStringLiteral("FID_INPUT_DATE_2"), kis::kstDate(end)},
                {QStringLiteral("FID_PERIOD_DIV_CODE"), period},
                {QStringLiteral("FID_ORG_ADJ_PRC"), QStringLiteral("0")}});
}

Result<QVector<Candle>> KisProtocol::parseCandles(const JsonValue& root, const CandleQuery& query) const {
    Result<QVector<Candle>> candles = kis::parseChart(root, query.interval == CandleInterval::M1);
    if (!candles.ok() || query.interval == CandleInterval::M1)
        return candles;
    // A KRX day opens at 09:00 KST, which is 00:00 UTC: the app's day (and week, month) buckets. The row's
    // date at KST midnight moves there, and a week or month row (dated by its first or last trading day)
    // to the start of its bucket.
    constexpr qint64 kOpenAfterMidnightMs = 9LL * 3600 * 1000;
    for (Candle& c : candles.value())
        c.openTimeMs = bucketStart(query.interval, c.openTimeMs + kOpenAfterMidnightMs);
    return candles;
}

ApiCall KisProtocol::tradesCall(const QString& market, int) const {
    return get(path("/quotations/inquire-ccnl"), "FHKST01010300",
               {{QStringLiteral("FID_COND_MRKT_DIV_CODE"), QStringLiteral("J")},
                {QStringLiteral("FID_INPUT_ISCD"), market}});
}

Result<QVector<Trade>> KisProtocol::parseTrades(const JsonValue& root) const {
    return kis::parseConclusions(root, QString());
}

ApiCall KisProtocol::balancesCall() const {
    return get(path("/trading/inquire-balance"), trId("TTTC8434R").toLatin1(),
               {{QStringLiteral("CANO"), m_account.cano},
                {QStringLiteral("ACNT_PRDT_CD"), m_account.productCode},
                {QStringLiteral("AFHR_FLPR_YN"), QStringLiteral("N")},
                {QStringLiteral("OFL_YN"), QString()},
                {QStringLiteral("INQR_DVSN"), QStringLiteral("02")},
                {QStringLiteral("UNPR_DVSN"), QStringLiteral("01")},
                {QStringLiteral("FUND_STTL_ICLD_YN"), QStringLiteral("N")},
                {QStringLiteral("FNCG_AMT_AUTO_RDPT_YN"), QStringLiteral("N")},
                {QStringLiteral("PRCS_DVSN"), QStringLiteral("00")},
                {QStringLiteral("CTX_AREA_FK100"), QString()},
                {QStringLiteral("CTX_AREA_NK100"), QString()}});
}

Result<QVector<Balance>> KisProtocol::parseBalances(const JsonValue& root) const {
    return kis::parseBalance(root);
}

ApiCall KisProtocol::createOrderCall(const OrderRequest& request) const {
    // KIS asks for "0" (not an empty string) where the price is not the order's: market, best and the
    // closing-price sessions.
    const bool noPrice = request.type != OrderType::Limit || hasFixedPrice(request.session);
    return post(
        path("/trading/order-cash"), trId(request.side == Side::Buy ? "TTTC0012U" : "TTTC0011U"),
        {{QStringLiteral("CANO"), m_account.cano},
         {QStringLiteral("ACNT_PRDT_CD"), m_account.productCode},
         {QStringLiteral("PDNO"), request.market},
         {QStringLiteral("ORD_DVSN"), orderDivision(request.type, request.timeInForce, request.session)},
         {QStringLiteral("ORD_QTY"), request.qty.toString()},
         {QStringLiteral("ORD_UNPR"), noPrice ? QStringLiteral("0") : request.price.toString()},
         {QStringLiteral("EXCG_ID_DVSN_CD"), QStringLiteral("KRX")}});
}

Result<Order> KisProtocol::parseCreatedOrder(const JsonValue& root) const {
    const JsonValue o = root["output"];
    Order order;
    order.venue = venueId();
    order.id = o["ODNO"].toString();
    const QString branch = o["KRX_FWDG_ORD_ORGNO"].toString();
    if (!order.id.isEmpty() && !branch.isEmpty())
        m_orderBranches.insert(order.id, branch);
    const QString time = o["ORD_TMD"].toString();
    if (!time.isEmpty())
        order.createdAtMs = kis::kstMs(kis::kstDate(QDateTime::currentMSecsSinceEpoch()), time);
    return order;
}

ApiCall KisProtocol::dailyOrdersCall(const QString& market, const QString& orderId,
                                     const char* filled) const {
    const QString today = kis::kstDate(QDateTime::currentMSecsSinceEpoch());
    return get(path("/trading/inquire-daily-ccld"), "",
               {{QStringLiteral("CANO"), m_account.cano},
                {QStringLiteral("ACNT_PRDT_CD"), m_account.productCode},
                {QStringLiteral("INQR_STRT_DT"), today},
                {QStringLiteral("INQR_END_DT"), today},
                {QStringLiteral("SLL_BUY_DVSN_CD"), QStringLiteral("00")},
                {QStringLiteral("INQR_DVSN"), QStringLiteral("00")},
                {QStringLiteral("PDNO"), market},
                {QStringLiteral("CCLD_DVSN"), QString::fromLatin1(filled)},
                {QStringLiteral("ORD_GNO_BRNO"), QString()},
                {QStringLiteral("ODNO"), orderId},
                {QStringLiteral("INQR_DVSN_3"), QStringLiteral("00")},
                {QStringLiteral("INQR_DVSN_1"), QString()},
                {QStringLiteral("CTX_AREA_FK100"), QString()},
                {QStringLiteral("CTX_AREA_NK100"), QString()}});
}

ApiCall KisProtocol::orderCall(const OrderRef& ref) const {
    ApiCall c = dailyOrdersCall(QString(), ref.id, "00");
    c.request.setHeader("tr_id", trId("TTTC0081R").toLatin1());
    return c;
}

Result<Order> KisProtocol::parseOrder(const JsonValue& root) const {
    const QVector<Order> orders = parseOrders(root).value();
    if (orders.isEmpty()) {
        VenueError e;
        e.kind = ErrorKind::NotFound;
        e.detail = QCoreApplication::translate("hoga::KisConnector", "The venue lists no such order today.");
        return e;
    }
    return orders.first();
}

QVector<Fill> KisProtocol::parseOrderFills(const JsonValue&, const Order& order) const {
    // The day's order list gives the filled quantity and average price, not each fill: one fill for all.
    if (!order.filledQty.isPositive())
        return {};
    Fill f;
    f.venue = venueId();
    f.orderId = order.id;
    f.market = order.market;
    f.tradeId = order.id + QStringLiteral("-all");
    f.side = order.side;
    f.qty = order.filledQty;
    f.price = order.filledQuote.divide(order.filledQty, 2, Rounding::HalfEven);
    f.feeCurrency = QStringLiteral("KRW");
    f.timestampMs = order.updatedAtMs;
    return {f};
}

ApiCall KisProtocol::openOrdersCall(const QString& market) const {
    if (m_account.isVirtual) {
        // Virtual servers have no cancellable-orders TR: the day's unfilled orders instead.
        ApiCall c = dailyOrdersCall(market, QString(), "02");
        c.request.setHeader("tr_id", trId("TTTC0081R").toLatin1());
        return c;
    }
    return get(path("/trading/inquire-psbl-rvsecncl"), "TTTC0084R",
               {{QStringLiteral("CANO"), m_account.cano},
                {QStringLiteral("ACNT_PRDT_CD"), m_account.productCode},
                {QStringLiteral("CTX_AREA_FK100"), QString()},
                {QStringLiteral("CTX_AREA_NK100"), QString()},
                {QStringLiteral("INQR_DVSN_1"), QStringLiteral("0")},
                {QStringLiteral("INQR_DVSN_2"), QStringLiteral("0")}});
}

ApiCall KisProtocol::closedOrdersCall(const QString& market, int) const {
    ApiCall c = dailyOrdersCall(market, QString(), "00");
    c.request.setHeader("tr_id", trId("TTTC0081R").toLatin1());
    return c;
}

Result<QVector<Order>> KisProtocol::parseOrders(const JsonValue& root) const {
    QVector<Order> orders = kis::parseOrderRows(root);
    JsonValue rows = root["output1"];
    if (!rows.isArray())
        rows = root["output"];
    if (rows.isArray())
        for (JsonValue r : rows.elements()) {
            const QString branch = r["ord_gno_brno"].toString();
            if (!branch.isEmpty())
                m_orderBranches.insert(r["odno"].toString(), branch);
        }
    return orders;
}

ApiCall KisProtocol::cancelCall(const OrderRef& ref) const {
    return post(path("/trading/order-rvsecncl"), trId("TTTC0013U"),
                {{QStringLiteral("CANO"), m_account.cano},
                 {QStringLiteral("ACNT_PRDT_CD"), m_account.productCode},
                 {QStringLiteral("KRX_FWDG_ORD_ORGNO"), m_orderBranches.value(ref.id)},
                 {QStringLiteral("ORGN_ODNO"), ref.id},
                 {QStringLiteral("ORD_DVSN"), QStringLiteral("00")},
                 {QStringLiteral("RVSE_CNCL_DVSN_CD"), QStringLiteral("02")},
                 {QStringLiteral("ORD_QTY"), QStringLiteral("0")},
                 {QStringLiteral("ORD_UNPR"), QStringLiteral("0")},
                 {QStringLiteral("QTY_ALL_ORD_YN"), QStringLiteral("Y")},
                 {QStringLiteral("EXCG_ID_DVSN_CD"), QStringLiteral("KRX")}});
}

std::optional<VenueError> KisProtocol::refuseModification(const Order& original,
                                                          const OrderModification& change) const {
    auto invalid = [](const QString& detail) {
        VenueError e;
        e.kind = ErrorKind::InvalidOrder;
        e.detail = detail;
        return std::optional<VenueError>(e);
    };
    if (!change.price && !change.qty)
        return invalid(
            QCoreApplication::translate("hoga::KisConnector", "A modify needs a new price or a quantity."));
    if (change.price) {
        const Decimal& p = *change.price;
        const Decimal tick = kis::krxRules(p).tickFor(p);
        if (!p.isPositive() || (tick.isPositive() && p.roundToStep(tick, Rounding::Down) != p))
            return invalid(QCoreApplication::translate("hoga::KisConnector",
                                                       "The price %1 is not on the KRX tick of %2 KRW.")
                               .arg(p.toString(), tick.toString()));
    }
    if (change.price && hasFixedPrice(original.session))
        return invalid(QCoreApplication::translate("hoga::KisConnector",
                                                   "An order for the %1 has no price of its own to change; "
                                                   "only its quantity can be reduced.")
                           .arg(orderSessionLabel(original.session)));
    const Decimal remaining = original.qty - original.filledQty;
    if (change.qty) {
        const Decimal& q = *change.qty;
        if (!q.isPositive() || q.roundToStep(Decimal(1), Rounding::Down) != q)
            return invalid(QCoreApplication::translate("hoga::KisConnector",
                                                       "Stocks trade in whole shares: %1 is not one.")
                               .arg(q.toString()));
        if (q > remaining)
            return invalid(QCoreApplication::translate(
                               "hoga::KisConnector", "Only the %1 shares still open can be modified, not %2.")
                               .arg(remaining.toString(), q.toString()));
    }
    // A modify is taken during the order's own session only.
    OrderRequest sameSession;
    sameSession.market = original.market;
    sameSession.session = original.session;
    return refuseOrder(sameSession, QDateTime::currentMSecsSinceEpoch());
}

ApiCall KisProtocol::modifyCall(const Order& original, const OrderModification& change) const {
    // QTY_ALL_ORD_YN Y moves all that remains to the new price; N only ORD_QTY of it (the rest stays).
    const Decimal remaining = original.qty - original.filledQty;
    const bool all = !change.qty || *change.qty >= remaining;
    // A modified order rests as a plain limit (00), an after-hours one in its session (05/06/07).
    const QString division = orderDivision(OrderType::Limit, TimeInForce::GoodTillCancel, original.session);
    return post(path("/trading/order-rvsecncl"), trId("TTTC0013U"),
                {{QStringLiteral("CANO"), m_account.cano},
                 {QStringLiteral("ACNT_PRDT_CD"), m_account.productCode},
                 {QStringLiteral("KRX_FWDG_ORD_ORGNO"), m_orderBranches.value(original.id)},
                 {QStringLiteral("ORGN_ODNO"), original.id},
                 {QStringLiteral("ORD_DVSN"), division},
                 {QStringLiteral("RVSE_CNCL_DVSN_CD"), QStringLiteral("01")},
                 {QStringLiteral("ORD_QTY"), (all ? remaining : *change.qty).toString()},
                 {QStringLiteral("ORD_UNPR"), hasFixedPrice(original.session)
                                                  ? QStringLiteral("0")
                                                  : change.price.value_or(original.price).toString()},
                 {QStringLiteral("QTY_ALL_ORD_YN"), all ? QStringLiteral("Y") : QStringLiteral("N")},
                 {QStringLiteral("EXCG_ID_DVSN_CD"), QStringLiteral("KRX")}});
}

bool KisProtocol::readsOrderBeforeCancel(const OrderRef& ref) const {
    return !m_orderBranches.contains(ref.id); // known from the order's answer or a listing
}

std::variant<Order, OrderRef> KisProtocol::parseCancel(const JsonValue&, const OrderRef& asked) const {
    // The answer names the cancel request's own number; the order is read again by its own.
    return asked;
}

std::optional<ApiCall> KisProtocol::nextPageCall(const ApiCall& previous, const net::HttpResponse& response,
                                                 const JsonValue& root) const {
    const QByteArray more = response.header("tr_cont").trimmed();
    if (more != "F" && more != "M")
        return std::nullopt;
    const QString fk = root["ctx_area_fk100"].toString();
    const QString nk = root["ctx_area_nk100"].toString();
    if (fk.trimmed().isEmpty() && nk.trimmed().isEmpty())
        return std::nullopt; // nothing to continue from: asking again would repeat the first page
    ApiCall next = previous;
    next.request.setHeader("tr_cont", "N");
    for (auto& [key, value] : next.request.query) {
        if (key == QLatin1String("CTX_AREA_FK100"))
            value = fk;
        else if (key == QLatin1String("CTX_AREA_NK100"))
            value = nk;
    }
    return next;
}

QList<QByteArray> KisProtocol::publicSubscriptions(const QHash<QString, unsigned>& subscribed) const {
    return kis::subscribeFrames(m_approvalKey, subscribed);
}

QList<QByteArray> KisProtocol::privateSubscriptions() const {
    if (m_htsId.isEmpty())
        return {};
    return {kis::subscribeFrame(m_approvalKey, noticeTrId(), m_htsId)};
}

QList<QByteArray> KisProtocol::sharedSubscriptions(const QHash<QString, unsigned>& subscribed, bool account,
                                                   QStringList* leftOut) const {
    QList<QByteArray> frames = account ? privateSubscriptions() : QList<QByteArray>();
    frames +=
        kis::subscribeFrames(m_approvalKey, subscribed, kis::kMaxSubscriptions - int(frames.size()), leftOut);
    return frames;
}

QString KisProtocol::noticeTrId() const {
    return m_account.isVirtual ? QStringLiteral("H0STCNI9") : QStringLiteral("H0STCNI0");
}

void KisProtocol::prepareStreams(net::Authenticator* auth,
                                 std::function<void(std::optional<QString> failure)> done) {
    auto* tokens = dynamic_cast<kis::TokenAuthenticator*>(auth);
    if (!tokens) {
        done(QCoreApplication::translate("hoga::KisConnector",
                                         "KIS sends live prices only to accounts with an app key."));
        return;
    }
    if (*m_approvalRefused) { // the server refused the cached key: ask for a new one
        *m_approvalRefused = false;
        tokens->invalidateApprovalKey();
    }
    std::weak_ptr<bool> alive = m_alive;
    tokens->requestApprovalKey([this, alive, done](std::optional<QByteArray> key, QString failure) {
        if (alive.expired())
            return;
        if (!key) {
            done(QCoreApplication::translate("hoga::KisConnector", "No WebSocket approval key: %1")
                     .arg(failure));
            return;
        }
        m_approvalKey = *key;
        done(std::nullopt);
    });
}

QList<QByteArray> KisProtocol::publicReleases(const QHash<QString, unsigned>& before,
                                              const QHash<QString, unsigned>& after) const {
    return kis::releaseFrames(m_approvalKey, before, after);
}

std::unique_ptr<VenueStreamDecoder> KisProtocol::makeStreamDecoder() const {
    return std::make_unique<kis::StreamDecoder>(m_approvalRefused);
}

} // namespace hoga
