#include "kis_errors.h"

#include "venues/core/transport_error.h"
#include "venues/net/json_value.h"

#include <QCoreApplication>

namespace hoga::kis {

namespace {

struct Rule {
    const char* code;
    ErrorKind kind;
    const char* text; // context "hoga::KisErrors"
};

constexpr Rule kRules[] = {
    {"EGW00123", ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The access token expired. A new one is requested automatically.")},
    {"EGW00121", ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The venue did not accept the access token. Check the app key.")},
    {"EGW00103", ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The venue does not know this app key. Check the keys.")},
    {"EGW00105", ErrorKind::Auth,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The app secret does not match the app key. Check the keys.")},
    {"EGW00133", ErrorKind::RateLimit,
     QT_TRANSLATE_NOOP("hoga::KisErrors",
                       "The venue issues at most one access token per minute. Try again in a minute.")},
    {"EGW00201", ErrorKind::RateLimit,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "Too many requests per second for this app key.")},
    {"IGW00007", ErrorKind::Venue,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The venue could not read the request.")},
    {"MCA05918", ErrorKind::NotFound,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The venue has no stock with this code.")},
    {"APBK0952", ErrorKind::InsufficientFunds,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The order exceeds the cash available for orders.")},
    {"APBK0400", ErrorKind::InsufficientFunds,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The order is for more shares than can be sold.")},
    {"APBK0506", ErrorKind::InvalidOrder,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The price is not on the KRX tick for its price band.")},
    {"APBK0656", ErrorKind::NotFound,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The venue has no stock with this code.")},
    {"APBK0344", ErrorKind::NotFound,
     QT_TRANSLATE_NOOP(
         "hoga::KisErrors",
         "The venue has no open order with this number (filled, cancelled, or placed elsewhere).")},
    {"APBK0914", ErrorKind::NotFound,
     QT_TRANSLATE_NOOP("hoga::KisErrors",
                       "The order has nothing left to cancel or modify (filled or cancelled).")},
    {"40250000", ErrorKind::InsufficientFunds,
     QT_TRANSLATE_NOOP("hoga::KisErrors", "The order exceeds the cash available for orders.")},
    {"40580000", ErrorKind::Venue, QT_TRANSLATE_NOOP("hoga::KisErrors", "The market is closed.")},
};

} // namespace

KisStatus statusOf(const QByteArray& body) {
    KisStatus s;
    net::JsonDocument doc;
    if (!doc.parse(std::string_view(body.constData(), size_t(body.size()))) || !doc.root().isObject())
        return s;
    const net::JsonValue root = doc.root();
    if (root.contains("rt_cd")) {
        s.failed = root["rt_cd"].toString() != QLatin1String("0");
        s.code = root["msg_cd"].toString();
        s.message = root["msg1"].toString().trimmed();
    } else if (root.contains("error_code")) {
        s.failed = true;
        s.code = root["error_code"].toString();
        s.message = root["error_description"].toString().trimmed();
    }
    return s;
}

VenueError errorFor(const QString& code, const QString& message, int httpStatus) {
    VenueError e;
    e.venueCode = code;
    e.venueMessage = message;
    for (const Rule& rule : kRules) {
        if (code == QLatin1String(rule.code)) {
            e.kind = rule.kind;
            e.detail = QCoreApplication::translate("hoga::KisErrors", rule.text);
            return e;
        }
    }
    if (httpStatus == 401 || httpStatus == 403)
        e.kind = ErrorKind::Auth;
    else if (httpStatus == 429)
        e.kind = ErrorKind::RateLimit;
    else
        e.kind = ErrorKind::Venue;
    return e;
}

VenueError errorOf(const net::HttpResponse& response, qint64 nowMs) {
    if (auto e = transportError(response, nowMs))
        return *e;
    const KisStatus s = statusOf(response.body);
    if (s.code.isEmpty() && s.message.isEmpty()) {
        VenueError e = errorFor({}, {}, response.status);
        e.detail = QCoreApplication::translate("hoga::KisErrors", "The venue answered with HTTP status %1.")
                       .arg(response.status);
        return e;
    }
    return errorFor(s.code, s.message, response.status);
}

} // namespace hoga::kis
