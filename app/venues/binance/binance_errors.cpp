#include "binance_errors.h"

#include "venues/core/transport_error.h"
#include "venues/net/json_value.h"
#include "venues/net/rate_limiter.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hoga::binance {

namespace {

struct CodeRule {
    int code;
    ErrorKind kind;
    const char* detail;
};

// Binance's error codes (errors.md) as typed kinds. Messages are translated when the error is built.
constexpr CodeRule kRules[] = {
    {-1000, ErrorKind::Venue,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance failed with an unknown error.")},
    {-1001, ErrorKind::Venue,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance's internal services were briefly unavailable.")},
    {-1002, ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance did not accept this request without an API key.")},
    {-1003, ErrorKind::RateLimit,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "Too many requests: Binance's request weight limit was reached. Requests resume when "
                       "the limit allows.")},
    {-1007, ErrorKind::Network,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "Binance timed out waiting for its matching engine: the outcome is unknown. The order "
                       "is looked up by its client id; do not send it again.")},
    {-1008, ErrorKind::Venue,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance is overloaded. Try again in a moment.")},
    {-1014, ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance does not support this combination of order options.")},
    {-1015, ErrorKind::RateLimit,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "Too many new orders: Binance's order count limit was reached. Wait before placing "
                       "more orders.")},
    {-1016, ErrorKind::Venue,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "This Binance service is shutting down.")},
    {-1021, ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "Binance rejected the request's timestamp (outside the receive window). The clock "
                       "offset is learned again; check this computer's clock if it keeps happening.")},
    {-1022, ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "Binance rejected the request's signature. Check the secret key.")},
    {-1100, ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "A request parameter contains characters Binance does not allow.")},
    {-1102, ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "A parameter Binance requires is missing or empty.")},
    {-1111, ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "A price or quantity has more decimals than the market allows.")},
    {-1115, ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance does not accept this time in force.")},
    {-1116, ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance does not accept this order type.")},
    {-1121, ErrorKind::NotFound, QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance has no such symbol.")},
    {-2013, ErrorKind::NotFound, QT_TRANSLATE_NOOP("hoga::BinanceErrors", "Binance has no such order.")},
    {-2014, ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors", "The API key's format is invalid. Check the key.")},
    {-2015, ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::BinanceErrors",
                       "Binance rejected the API key: it is invalid, this computer's IP address is not "
                       "allowed, or the key lacks the permission for this action.")},
};

const CodeRule* findRule(int code) {
    for (const CodeRule& r : kRules)
        if (r.code == code)
            return &r;
    return nullptr;
}

QString filterDetail(const QString& filter) {
    const char* ctx = "hoga::BinanceErrors";
    if (filter == QLatin1String("PRICE_FILTER"))
        return QCoreApplication::translate(ctx,
                                           "Filter failure PRICE_FILTER: the price is outside the market's "
                                           "range or not a multiple of its tick size.");
    if (filter == QLatin1String("LOT_SIZE"))
        return QCoreApplication::translate(ctx,
                                           "Filter failure LOT_SIZE: the quantity is outside the market's "
                                           "range or not a multiple of its step size.");
    if (filter == QLatin1String("MARKET_LOT_SIZE"))
        return QCoreApplication::translate(ctx, "Filter failure MARKET_LOT_SIZE: the quantity is outside the "
                                                "range or step allowed for market orders.");
    if (filter == QLatin1String("MIN_NOTIONAL") || filter == QLatin1String("NOTIONAL"))
        return QCoreApplication::translate(ctx, "Filter failure %1: the order's total (price times quantity) "
                                                "is below the market's minimum or above its maximum.")
            .arg(filter);
    if (filter.startsWith(QLatin1String("PERCENT_PRICE")))
        return QCoreApplication::translate(ctx, "Filter failure %1: the price is too far from the market's "
                                                "average price.")
            .arg(filter);
    if (filter == QLatin1String("MAX_NUM_ORDERS"))
        return QCoreApplication::translate(ctx, "Filter failure MAX_NUM_ORDERS: the market's limit of open "
                                                "orders is reached.");
    return QCoreApplication::translate(ctx, "Filter failure %1: the order breaks one of the market's rules.")
        .arg(filter);
}

// -2010 NEW_ORDER_REJECTED and -2011 CANCEL_REJECTED share one code for several causes: the message tells.
VenueError rejected(int code, const QString& message) {
    const char* ctx = "hoga::BinanceErrors";
    VenueError e;
    if (message.contains(QLatin1String("insufficient balance"), Qt::CaseInsensitive)) {
        e.kind = ErrorKind::InsufficientFunds;
        e.detail = QCoreApplication::translate(ctx, "The account's balance is too low for this order.");
    } else if (message.contains(QLatin1String("Unknown order"), Qt::CaseInsensitive) ||
               message.contains(QLatin1String("does not exist"), Qt::CaseInsensitive)) {
        e.kind = ErrorKind::NotFound;
        e.detail = QCoreApplication::translate(ctx, "Binance has no such order.");
    } else if (message.contains(QLatin1String("Duplicate order"), Qt::CaseInsensitive)) {
        e.kind = ErrorKind::InvalidOrder;
        e.detail = QCoreApplication::translate(ctx, "An open order already uses this client order id.");
    } else if (message.contains(QLatin1String("immediately match"), Qt::CaseInsensitive)) {
        e.kind = ErrorKind::InvalidOrder;
        e.detail = QCoreApplication::translate(
            ctx, "The post-only (LIMIT_MAKER) order would have taken liquidity, so Binance rejected it.");
    } else if (message.contains(QLatin1String("Market is closed"), Qt::CaseInsensitive)) {
        e.kind = ErrorKind::Venue;
        e.detail = QCoreApplication::translate(ctx, "The market is closed for trading.");
    } else if (code == -2011) {
        e.kind = ErrorKind::InvalidOrder;
        e.detail = QCoreApplication::translate(ctx, "Binance refused to cancel the order.");
    } else {
        e.kind = ErrorKind::InvalidOrder;
        e.detail = QCoreApplication::translate(ctx, "Binance rejected the order.");
    }
    return e;
}

ErrorKind kindForStatus(int status) {
    if (status == 401)
        return ErrorKind::Auth;
    if (status == 403)
        return ErrorKind::Permission; // Binance's web application firewall
    if (status == 404)
        return ErrorKind::NotFound;
    if (status == 429 || status == 418)
        return ErrorKind::RateLimit;
    return ErrorKind::Venue;
}

} // namespace

VenueError errorFromCode(int code, const QString& message, int httpStatus) {
    VenueError e;
    if (code == -2010 || code == -2011) {
        e = rejected(code, message);
    } else if (code == -1013 || message.startsWith(QLatin1String("Filter failure:"))) {
        e.kind = ErrorKind::InvalidOrder;
        const QString filter = failedFilter(message);
        e.detail = !filter.isEmpty() ? filterDetail(filter)
                                     : QCoreApplication::translate(
                                           "hoga::BinanceErrors", "Binance rejected the request as invalid.");
    } else if (const CodeRule* rule = findRule(code)) {
        e.kind = rule->kind;
        e.detail = QCoreApplication::translate("hoga::BinanceErrors", rule->detail);
    } else if (code <= -1100 && code > -1200) {
        e.kind = ErrorKind::InvalidOrder; // 11xx: request issues (bad parameter values)
    } else {
        e.kind = kindForStatus(httpStatus);
    }
    e.venueCode = QString::number(code);
    e.venueMessage = message;
    return e;
}

QString failedFilter(const QString& message) {
    static const QRegularExpression filterName(QStringLiteral("Filter failure:\\s*([A-Z_]+)"));
    const QRegularExpressionMatch m = filterName.match(message);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString filterValues(const QString& filter, const Market& market, const OrderRequest& request) {
    const char* ctx = "hoga::BinanceErrors";
    const TradingRules& r = market.rules;
    const QString& base = market.base;
    const QString& quote = market.quote;
    auto quantities = [&](const Decimal& step, const Decimal& min, const Decimal& max) {
        QStringList parts;
        if (step.isPositive())
            parts << QCoreApplication::translate(ctx, "Valid quantities are multiples of %1 %2.")
                         .arg(step.toString(), base);
        if (min.isPositive())
            parts << QCoreApplication::translate(ctx, "The minimum is %1 %2.").arg(min.toString(), base);
        if (max.isPositive())
            parts << QCoreApplication::translate(ctx, "The maximum is %1 %2.").arg(max.toString(), base);
        return parts.join(QLatin1Char(' '));
    };
    if (filter == QLatin1String("PRICE_FILTER")) {
        const Decimal tick = r.tickFor(request.price);
        if (!tick.isPositive())
            return {};
        if (request.price.isPositive() && !request.price.isMultipleOf(tick))
            return QCoreApplication::translate(ctx, "Valid prices are multiples of %1 %2; the nearest are %3 "
                                                    "and %4 %2.")
                .arg(tick.toString(), quote, request.price.roundToStep(tick, Rounding::Down).toString(),
                     request.price.roundToStep(tick, Rounding::Up).toString());
        return QCoreApplication::translate(ctx, "Valid prices are multiples of %1 %2.")
            .arg(tick.toString(), quote);
    }
    if (filter == QLatin1String("LOT_SIZE"))
        return quantities(r.qtyStep, r.minQty, r.maxQty);
    if (filter == QLatin1String("MARKET_LOT_SIZE")) {
        const QString forMarket = quantities(r.marketQtyStep, r.marketMinQty, r.marketMaxQty);
        return forMarket.isEmpty() ? quantities(r.qtyStep, r.minQty, r.maxQty) : forMarket;
    }
    if (filter == QLatin1String("NOTIONAL") || filter == QLatin1String("MIN_NOTIONAL")) {
        QStringList parts;
        if (r.minTotal.isPositive())
            parts << QCoreApplication::translate(ctx, "The order total must be at least %1 %2.")
                         .arg(r.minTotal.toString(), quote);
        if (r.maxTotal.isPositive() && filter == QLatin1String("NOTIONAL"))
            parts << QCoreApplication::translate(ctx, "The order total must be at most %1 %2.")
                         .arg(r.maxTotal.toString(), quote);
        return parts.join(QLatin1Char(' '));
    }
    return {};
}

int errorCodeOf(const net::HttpResponse& response) {
    net::JsonDocument doc;
    if (response.body.isEmpty() || !doc.parse(response.body) || !doc.root().isObject())
        return 0;
    return int(doc.root()["code"].toInt64(0));
}

VenueError errorFromResponse(const net::HttpResponse& response, qint64 nowMs) {
    if (auto transport = transportError(response, nowMs))
        return *transport;
    VenueError e;
    net::JsonDocument doc;
    if (!response.body.isEmpty() && doc.parse(response.body) && doc.root().isObject() &&
        doc.root().contains("code")) {
        e = errorFromCode(int(doc.root()["code"].toInt64(0)), doc.root()["msg"].toString(), response.status);
    } else {
        e.kind = kindForStatus(response.status);
        e.venueCode = response.status > 0 ? QString::number(response.status) : QString();
        e.detail = QCoreApplication::translate("hoga::BinanceErrors", "Binance answered with HTTP status %1.")
                       .arg(response.status);
    }
    if (response.status == 429 || response.status == 418) {
        e.kind = ErrorKind::RateLimit;
        if (response.status == 418)
            e.detail = QCoreApplication::translate(
                "hoga::BinanceErrors",
                "Binance has banned this IP address for sending too many requests. All requests to Binance "
                "are stopped until the ban ends.");
        if (const auto ms = net::parseRetryAfterMs(response.header("Retry-After"), nowMs)) {
            e.retryAfterMs = *ms;
        } else {
            static const QRegularExpression until(QStringLiteral("banned until (\\d+)"));
            const QRegularExpressionMatch m = until.match(e.venueMessage);
            e.retryAfterMs = m.hasMatch() ? std::max<qint64>(0, m.captured(1).toLongLong() - nowMs) : 1000;
        }
    }
    return e;
}

} // namespace hoga::binance
