#include "bithumb_connector.h"

#include <QCoreApplication>

namespace hoga {

using namespace upbit;

namespace {

constexpr const char* kCtx = "hoga::BithumbErrors";
constexpr int kKstOffsetSeconds = 9 * 3600;

constexpr ErrorRule kBithumbRules[] = {
    {"NotAllowIP", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "This computer's IP address is not on the API key's allowlist. Add it on Bithumb's "
                       "website.")},
    {"expired_jwt", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The venue considered the request's token expired. Check that this computer's clock "
                       "is correct.")},
    {"blocked_member_id", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue has blocked this account from using the API.")},
    {"bank_account_required", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue requires a linked bank account for this request.")},
    {"two_factor_auth_required", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The venue requires two-factor authentication to be set up for this request.")},
    {"cross_trading", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The order would trade against one of your own resting orders.")},
    {"under_price_limit_bid", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The buy price is outside the market's allowed price range.")},
    {"under_price_limit_ask", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The sell price is outside the market's allowed price range.")},
    {"invalid_price", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The price is not valid for this market (check the price step at that price).")},
    {"order_not_ready", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The venue is still processing the order. Try again in a moment.")},
    {"withdraw_insufficient_balance", ErrorKind::InsufficientFunds, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The balance is too low for this withdrawal.")},
    {"deposit_not_found", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue has no such deposit.")},
    {"withdraw_not_found", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue has no such withdrawal.")},
};

} // namespace

std::span<const ErrorRule> BithumbConnector::bithumbErrorRules() {
    return kBithumbRules;
}

net::RateLimitConfig BithumbConnector::bithumbRateLimits() {
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

upbit::VenueTraits BithumbConnector::bithumbTraits() {
    VenueTraits t = upbitTraits();
    t.venueId = QStringLiteral("bithumb");
    t.defaults.restUrl = QUrl(QStringLiteral("https://api.bithumb.com"));
    t.defaults.wsUrl = QUrl(QStringLiteral("wss://ws-api.bithumb.com/websocket/v1"));
    t.defaults.privateWsUrl = QUrl(QStringLiteral("wss://ws-api.bithumb.com/websocket/v2/private"));
    t.jwtTimestamp = true;
    t.clientIdField = QStringLiteral("client_order_id");
    t.orderTypeField = QStringLiteral("order_type");
    t.createOrderPath = QStringLiteral("/v2/orders");
    t.cancelOrderPath = QStringLiteral("/v2/order");
    t.cancelIdParam = QStringLiteral("order_id");
    t.getOrderIdParam = QStringLiteral("uuid");
    t.marketDetailsParam = QStringLiteral("isDetails");
    t.wsCamelCaseFlags = true;
    t.hasInstruments = false;
    t.hasTickerAll = false;
    t.hasSecondCandles = false;
    t.hasOrderBookLevel = false;
    t.maxTradesPerRequest = 500;
    // Until orders/chance says otherwise (Bithumb's fee depends on the account's coupons): the list rate.
    t.defaultKrwFee = Decimal::fromString("0.0025");
    t.defaultOtherFee = Decimal::fromString("0.0025");
    t.rateLimits = bithumbRateLimits();
    t.groupMarkets = QStringLiteral("public");
    t.groupTicker = QStringLiteral("ticker");
    t.groupOrderBook = QStringLiteral("orderbook");
    t.groupCandles = QStringLiteral("candle");
    t.groupTrades = QStringLiteral("trade");
    t.groupPrivate = QStringLiteral("private");
    t.groupOrderCreate = QStringLiteral("order-create");
    t.groupOrderCancel = QStringLiteral("order-cancel");
    t.groupWsConnect = QStringLiteral("websocket-connect");
    t.errorRules = kBithumbRules;
    return t;
}

BithumbConnector::BithumbConnector(const VenueConfig& config, upbit::ConnectorOptions options,
                                   QObject* parent)
    : UpbitConnector(config, bithumbTraits(), std::move(options), parent) {}

QString BithumbConnector::displayName() const {
    return tr("Bithumb");
}

net::HttpRequest BithumbConnector::openOrdersRequest(const QString& market) const {
    QList<std::pair<QString, QString>> q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("state"), QStringLiteral("wait")}); // `watch` cannot be mixed with other states
    q.append({QStringLiteral("limit"), QStringLiteral("100")});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return privateRequest("GET", QStringLiteral("/v1/orders"), q, traits().groupPrivate);
}

net::HttpRequest BithumbConnector::closedOrdersRequest(const QString& market, int limit) const {
    QList<std::pair<QString, QString>> q;
    if (!market.isEmpty())
        q.append({QStringLiteral("market"), market});
    q.append({QStringLiteral("states[]"), QStringLiteral("done")});
    q.append({QStringLiteral("states[]"), QStringLiteral("cancel")});
    q.append({QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 100))});
    q.append({QStringLiteral("order_by"), QStringLiteral("desc")});
    return privateRequest("GET", QStringLiteral("/v1/orders"), q, traits().groupPrivate);
}

QString BithumbConnector::candleToParam(qint64 toMs, CandleInterval interval) const {
    // Bithumb reads `to` as KST. Day and longer candles are labelled by their KST date (see
    // candleOpenTime), so the label itself is the KST wall-clock end.
    if (intervalMs(interval) >= intervalMs(CandleInterval::D1))
        return formatIsoTime(toMs, 0);
    return formatIsoTime(toMs, kKstOffsetSeconds);
}

} // namespace hoga
