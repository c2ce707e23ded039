// The error map: every venue error name Upbit documents to an ErrorKind with a translated detail, the venue's
// name and message kept verbatim; numeric quotation names, statuses without a body and failures without a
// response.
#include "venues/upbit/upbit_errors.h"

#include <QTest>

using namespace hoga;
using namespace hoga::upbit;

namespace {

net::HttpResponse response(int status, const QByteArray& name, const QByteArray& message = "msg") {
    net::HttpResponse r;
    r.status = status;
    r.body = "{\"error\":{\"name\":\"" + name + "\",\"message\":\"" + message + "\"}}";
    return r;
}

} // namespace

class TestUpbitErrors : public QObject {
    Q_OBJECT
private slots:
    void everyName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        const std::pair<const char*, ErrorKind> expected[] = {
            {"invalid_query_payload", ErrorKind::Auth},
            {"jwt_verification", ErrorKind::Auth},
            {"expired_access_key", ErrorKind::Auth},
            {"nonce_used", ErrorKind::Auth},
            {"no_authorization_token", ErrorKind::Auth},
            {"invalid_access_key", ErrorKind::Auth},
            {"INVALID_AUTH", ErrorKind::Auth},
            {"no_authorization_ip", ErrorKind::Permission},
            {"no_authorization_i_p", ErrorKind::Permission},
            {"out_of_scope", ErrorKind::Permission},
            {"withdraw_address_not_registered", ErrorKind::Permission},
            {"insufficient_funds_bid", ErrorKind::InsufficientFunds},
            {"insufficient_funds_ask", ErrorKind::InsufficientFunds},
            {"insufficient_funds", ErrorKind::InsufficientFunds},
            {"under_min_total_bid", ErrorKind::InvalidOrder},
            {"under_min_total_ask", ErrorKind::InvalidOrder},
            {"over_krw_funds_bid", ErrorKind::InvalidOrder},
            {"over_krw_funds_ask", ErrorKind::InvalidOrder},
            {"invalid_price_bid", ErrorKind::InvalidOrder},
            {"invalid_price_ask", ErrorKind::InvalidOrder},
            {"invalid_price", ErrorKind::InvalidOrder},
            {"invalid_volume", ErrorKind::InvalidOrder},
            {"invalid_volume_bid", ErrorKind::InvalidOrder},
            {"invalid_volume_ask", ErrorKind::InvalidOrder},
            {"create_bid_error", ErrorKind::InvalidOrder},
            {"create_ask_error", ErrorKind::InvalidOrder},
            {"validation_error", ErrorKind::InvalidOrder},
            {"invalid_parameter", ErrorKind::InvalidOrder},
            {"invalid_time_in_force", ErrorKind::InvalidOrder},
            {"invalid_identifier", ErrorKind::InvalidOrder},
            {"duplicate_identifier", ErrorKind::InvalidOrder},
            {"order_not_found", ErrorKind::NotFound},
            {"market_does_not_exist", ErrorKind::NotFound},
            {"notfoundmarket", ErrorKind::NotFound},
            {"too_many_requests", ErrorKind::RateLimit},
            {"market_offline", ErrorKind::Venue},
            {"QUERY_PARAMETER_NOT_SUPPORTED", ErrorKind::Venue},
            {"WRONG_FORMAT", ErrorKind::Venue},
            {"NO_TICKET", ErrorKind::Venue},
            {"NO_TYPE", ErrorKind::Venue},
            {"NO_CODES", ErrorKind::Venue},
            {"INVALID_PARAM", ErrorKind::Venue},
        };
        for (const auto& [name, kind] : expected)
            QTest::newRow(name) << QString::fromLatin1(name) << int(kind);
        // Every rule of the table is listed above.
        QCOMPARE(qsizetype(upbitErrorRules().size()), qsizetype(std::size(expected)));
    }

    void everyName() {
        QFETCH(QString, name);
        QFETCH(int, kind);
        const VenueError e =
            errorFromResponse(response(400, name.toUtf8(), "주문을 찾지 못했습니다."), {}, upbitErrorRules());
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.venueCode, name);
        QCOMPARE(e.venueMessage, QStringLiteral("주문을 찾지 못했습니다."));
        QVERIFY(!e.detail.isEmpty());
        QVERIFY(e.userMessage().contains(e.detail));
    }

    void unknownNameIsVenueWithItsOwnWords() {
        const VenueError e =
            errorFromResponse(response(400, "brand_new_error", "Something new"), {}, upbitErrorRules());
        QCOMPARE(e.kind, ErrorKind::Venue);
        QCOMPARE(e.venueCode, QStringLiteral("brand_new_error"));
        QCOMPARE(e.venueMessage, QStringLiteral("Something new"));
        QVERIFY(e.userMessage().contains(QStringLiteral("Something new")));
    }

    void numericNames() {
        net::HttpResponse r;
        r.status = 404;
        r.body = R"({"error":{"name":404,"message":"Code not found"}})";
        VenueError e = errorFromResponse(r, {}, upbitErrorRules());
        QCOMPARE(e.kind, ErrorKind::NotFound);
        QCOMPARE(e.venueCode, QStringLiteral("404"));
        r.status = 400;
        r.body = R"({"error":{"name":400,"message":"Invalid parameter. Check the given value!"}})";
        e = errorFromResponse(r, {}, upbitErrorRules());
        QCOMPARE(e.kind, ErrorKind::Venue);
        QVERIFY(!e.detail.isEmpty());
    }

    void statusWithoutBody_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("401") << 401 << int(ErrorKind::Auth);
        QTest::newRow("403") << 403 << int(ErrorKind::Permission);
        QTest::newRow("404") << 404 << int(ErrorKind::NotFound);
        QTest::newRow("429") << 429 << int(ErrorKind::RateLimit);
        QTest::newRow("418") << 418 << int(ErrorKind::RateLimit);
        QTest::newRow("500") << 500 << int(ErrorKind::Venue);
        QTest::newRow("503") << 503 << int(ErrorKind::Venue);
    }
    void statusWithoutBody() {
        QFETCH(int, status);
        QFETCH(int, kind);
        net::HttpResponse r;
        r.status = status;
        r.body = "<html>busy</html>";
        const VenueError e = errorFromResponse(r, {}, upbitErrorRules());
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.venueCode, QString::number(status));
        QVERIFY(!e.detail.isEmpty());
    }

    void rateLimitKeepsRetryAfter() {
        net::HttpResponse r = response(429, "too_many_requests");
        r.headers.append(std::make_pair(QByteArray("Retry-After"), QByteArray("3")));
        const VenueError e = errorFromResponse(r, {}, upbitErrorRules(), 1'000'000);
        QCOMPARE(e.kind, ErrorKind::RateLimit);
        QCOMPARE(e.retryAfterMs, qint64(3000));
        // A 418 is a rate limit whatever its body says.
        const VenueError blocked = errorFromResponse(response(418, "some_block"), {}, upbitErrorRules());
        QCOMPARE(blocked.kind, ErrorKind::RateLimit);
    }

    void failuresWithoutResponse() {
        net::HttpResponse r;
        r.error = net::HttpError::Timeout;
        r.errorString = QStringLiteral("no answer");
        QCOMPARE(errorFromResponse(r, {}, upbitErrorRules()).kind, ErrorKind::Network);
        r.error = net::HttpError::Network;
        QCOMPARE(errorFromResponse(r, {}, upbitErrorRules()).kind, ErrorKind::Network);
        r.error = net::HttpError::Cancelled;
        QCOMPARE(errorFromResponse(r, {}, upbitErrorRules()).kind, ErrorKind::Cancelled);
        r.error = net::HttpError::Blocked;
        r.retryAtMs = 70'000;
        const VenueError blocked = errorFromResponse(r, {}, upbitErrorRules(), 10'000);
        QCOMPARE(blocked.kind, ErrorKind::RateLimit);
        QCOMPARE(blocked.retryAfterMs, qint64(60'000));
        r.error = net::HttpError::CircuitOpen;
        QCOMPARE(errorFromResponse(r, {}, upbitErrorRules(), 10'000).kind, ErrorKind::Network);
    }

    void lookupIsCaseInsensitiveAsFallback() {
        QVERIFY(findErrorRule(upbitErrorRules(), u"ORDER_NOT_FOUND") != nullptr);
        QCOMPARE(findErrorRule(upbitErrorRules(), u"order_not_found")->kind, ErrorKind::NotFound);
        QVERIFY(findErrorRule(upbitErrorRules(), u"") == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestUpbitErrors)
#include "tst_upbit_errors.moc"
