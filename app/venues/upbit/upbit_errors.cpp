#include "upbit_errors.h"

#include "venues/core/transport_error.h"

#include "upbit_parse.h"

#include <QCoreApplication>

namespace hoga::upbit {

namespace {

constexpr const char* kCtx = "hoga::UpbitErrors";

constexpr ErrorRule kUpbitRules[] = {
    // Authentication
    {"invalid_query_payload", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The venue found that the request's signature does not match its parameters.")},
    {"jwt_verification", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The venue could not verify the request's token. Check that the secret key belongs "
                       "to this access key.")},
    {"expired_access_key", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The API key has expired. Create a new key on the venue's website.")},
    {"nonce_used", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The venue had already seen this request's one-time token; the request was not "
                       "carried out.")},
    {"no_authorization_token", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The request carried no authorization token.")},
    {"invalid_access_key", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue does not know this access key.")},
    {"INVALID_AUTH", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue refused the stream's authorization token.")},
    // Permission
    {"no_authorization_ip", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "This computer's IP address is not on the API key's allowlist. Add it on the "
                       "venue's website.")},
    {"no_authorization_i_p", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "This computer's IP address is not on the API key's allowlist. Add it on the "
                       "venue's website.")},
    {"out_of_scope", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The API key lacks the permission for this action. Enable it for the key on the "
                       "venue's website.")},
    {"withdraw_address_not_registered", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The withdrawal address is not registered with the venue.")},
    // Funds
    {"insufficient_funds_bid", ErrorKind::InsufficientFunds, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "Not enough of the quote currency is available for this buy order (fees included).")},
    {"insufficient_funds_ask", ErrorKind::InsufficientFunds, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "Not enough of the coin is available for this sell order.")},
    {"insufficient_funds", ErrorKind::InsufficientFunds, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The available balance is too low for this request.")},
    // Order rules
    {"under_min_total_bid", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The buy order's total is below the market's minimum order amount.")},
    {"under_min_total_ask", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The sell order's total is below the market's minimum order amount.")},
    {"over_krw_funds_bid", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The buy order's total is above the market's maximum order amount.")},
    {"over_krw_funds_ask", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The sell order's total is above the market's maximum order amount.")},
    {"invalid_price_bid", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The buy price is not a multiple of the market's price step (tick) at that price.")},
    {"invalid_price_ask", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The sell price is not a multiple of the market's price step (tick) at that price.")},
    {"invalid_price", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The price is not valid for this market.")},
    {"invalid_volume", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The quantity is not valid for this market.")},
    {"invalid_volume_bid", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The buy quantity is not valid for this market.")},
    {"invalid_volume_ask", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The sell quantity is not valid for this market.")},
    {"create_bid_error", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The venue could not create the buy order. A market buy takes only a total amount, "
                       "a limit buy a price and a quantity.")},
    {"create_ask_error", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The venue could not create the sell order. A market sell takes only a quantity, a "
                       "limit sell a price and a quantity.")},
    {"validation_error", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue rejected the request's parameters.")},
    {"invalid_parameter", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue rejected a parameter of the request.")},
    {"invalid_time_in_force", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The order's time-in-force condition is not allowed here.")},
    {"invalid_identifier", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The order's client id was refused (it must be new and never used before).")},
    {"duplicate_identifier", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "An order with this client id already exists.")},
    // Not found
    {"order_not_found", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue has no such order (or it is no longer open).")},
    {"market_does_not_exist", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue has no such market.")},
    {"notfoundmarket", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue has no such market.")},
    // Rate limits
    {"too_many_requests", ErrorKind::RateLimit, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "Too many requests were sent to the venue in a short time.")},
    // The venue itself
    {"market_offline", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors",
                       "The market is under maintenance. Try again when the maintenance is over.")},
    {"QUERY_PARAMETER_NOT_SUPPORTED", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue accepts this request only with query parameters.")},
    {"WRONG_FORMAT", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The venue did not understand the stream subscription.")},
    {"NO_TICKET", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The stream subscription lacked a ticket.")},
    {"NO_TYPE", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The stream subscription lacked a type.")},
    {"NO_CODES", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The stream subscription named no markets.")},
    {"INVALID_PARAM", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::UpbitErrors", "The stream subscription had an invalid parameter.")},
};

QString translated(const char* context, const char* text) {
    return QCoreApplication::translate(context, text);
}

ErrorKind kindForStatus(int status) {
    switch (status) {
    case 401:
        return ErrorKind::Auth;
    case 403:
        return ErrorKind::Permission;
    case 404:
        return ErrorKind::NotFound;
    case 418:
    case 429:
        return ErrorKind::RateLimit;
    default:
        return ErrorKind::Venue;
    }
}

QString detailForStatus(int status) {
    switch (status) {
    case 400:
        return QCoreApplication::translate("hoga::UpbitErrors",
                                           "The venue rejected the request's parameters.");
    case 401:
        return QCoreApplication::translate("hoga::UpbitErrors",
                                           "The venue did not accept the request's authorization.");
    case 403:
        return QCoreApplication::translate("hoga::UpbitErrors", "The venue refused access to this request.");
    case 404:
        return QCoreApplication::translate("hoga::UpbitErrors", "The venue has no such market or item.");
    case 418:
        return QCoreApplication::translate(
            "hoga::UpbitErrors",
            "The venue has temporarily blocked requests from this address for sending too many.");
    case 429:
        return QCoreApplication::translate("hoga::UpbitErrors",
                                           "Too many requests were sent to the venue in a short time.");
    default:
        if (status >= 500)
            return QCoreApplication::translate("hoga::UpbitErrors",
                                               "The venue had an internal error (HTTP %1).")
                .arg(status);
        return QCoreApplication::translate("hoga::UpbitErrors", "The venue answered with HTTP status %1.")
            .arg(status);
    }
}

} // namespace

std::span<const ErrorRule> upbitErrorRules() {
    return kUpbitRules;
}

const ErrorRule* findErrorRule(std::span<const ErrorRule> rules, QStringView name) {
    if (name.isEmpty())
        return nullptr;
    const QByteArray key = name.toUtf8();
    const std::string_view k(key.constData(), size_t(key.size()));
    for (const ErrorRule& r : rules)
        if (r.name == k)
            return &r;
    for (const ErrorRule& r : rules)
        if (QLatin1StringView(r.name.data(), qsizetype(r.name.size())).compare(name, Qt::CaseInsensitive) ==
            0)
            return &r;
    return nullptr;
}

VenueError errorFromName(std::span<const ErrorRule> rules, const QString& name, const QString& message,
                         bool numericName, int httpStatus) {
    VenueError e;
    e.venueCode = name;
    e.venueMessage = message;
    if (numericName) {
        // Quotation APIs put the HTTP status in `name` ({"name":404,"message":"Code not found"}).
        const int status = name.toInt();
        e.kind = kindForStatus(status);
        e.detail = detailForStatus(status);
        return e;
    }
    if (const ErrorRule* rule = findErrorRule(rules, name)) {
        e.kind = rule->kind;
        e.detail = translated(rule->context, rule->detail);
        return e;
    }
    e.kind = ErrorKind::Venue;
    if (name.isEmpty() && httpStatus > 0) {
        e.kind = kindForStatus(httpStatus);
        e.detail = detailForStatus(httpStatus);
    }
    return e;
}

VenueError errorFromResponse(const net::HttpResponse& response, std::span<const ErrorRule> rules,
                             std::span<const ErrorRule> fallbackRules, qint64 nowMs) {
    if (auto transport = transportError(response, nowMs))
        return *transport;
    VenueError e;
    net::JsonDocument doc;
    std::optional<ErrorBody> body;
    if (!response.body.isEmpty() && doc.parse(response.body))
        body = parseErrorBody(doc.root());
    if (body) {
        const bool known = findErrorRule(rules, body->name) != nullptr;
        e = errorFromName(known || fallbackRules.empty() ||
                                  findErrorRule(fallbackRules, body->name) == nullptr
                              ? rules
                              : fallbackRules,
                          body->name, body->message, body->numericName, response.status);
    } else if (doc.ok() && isLegacyBithumbEnvelope(doc.root()) && doc.root()["status"].raw() != "0000") {
        // {"status":"5100","message":"..."}: Bithumb's retired API 1.0 speaking.
        e.kind = ErrorKind::Venue;
        e.venueCode = toText(doc.root()["status"]);
        e.venueMessage =
            toText(doc.root().contains("message") ? doc.root()["message"] : doc.root()["resmsg"]);
        e.detail = QCoreApplication::translate("hoga::UpbitErrors",
                                               "The venue answered in the format of its retired API 1.0.");
    } else {
        e.kind = kindForStatus(response.status);
        e.detail = detailForStatus(response.status);
        e.venueCode = response.status > 0 ? QString::number(response.status) : QString();
    }
    if (response.status == 429 || response.status == 418) {
        e.kind = ErrorKind::RateLimit; // whatever the body says, the venue refused for the rate
        if (e.detail.isEmpty())
            e.detail = detailForStatus(response.status);
        if (const auto ms = net::parseRetryAfterMs(response.header("Retry-After"), nowMs))
            e.retryAfterMs = *ms;
        else if (response.status == 429)
            e.retryAfterMs = 1000;
    }
    return e;
}

} // namespace hoga::upbit
