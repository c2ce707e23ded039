// Drives the fake venues with raw QNetworkAccessManager requests and QWebSocket clients, signed by a JWT
// signer written here from the venues' documentation (independent of the connectors' code).

#include "support/fake_venues/fake_venue_server.h"
#include "support/test_util.h"

#include "venues/net/json_value.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <optional>
#include <set>
#include <string>

using namespace hoga;
using namespace hoga::test;

namespace {

const QByteArray kAccess = "test-access-key";
const QByteArray kSecret = "test-secret-raw-bytes-0123456789";

// --- A hand-written signer (Upbit/Bithumb JWT, HS256, secret as raw bytes) --------------------------------

struct SignOptions {
    std::optional<QByteArray> hashInput; // unescaped "k=v&..." of the parameters; empty optional = no hash
    bool withTimestamp = false;          // Bithumb
    qint64 timestampOffsetMs = 0;
    QByteArray nonce; // empty = a fresh uuid
    QByteArray access = kAccess;
    QByteArray secret = kSecret;
    QByteArray alg = "HS256";
};

QByteArray b64url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray makeJwt(const SignOptions& o) {
    const QByteArray header = "{\"alg\":\"" + o.alg + "\",\"typ\":\"JWT\"}";
    const QByteArray nonce =
        o.nonce.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : o.nonce;
    QByteArray payload = "{\"access_key\":\"" + o.access + "\",\"nonce\":\"" + nonce + "\"";
    if (o.withTimestamp)
        payload +=
            ",\"timestamp\":" + QByteArray::number(QDateTime::currentMSecsSinceEpoch() + o.timestampOffsetMs);
    if (o.hashInput) {
        const QByteArray hash = QCryptographicHash::hash(*o.hashInput, QCryptographicHash::Sha512).toHex();
        payload += ",\"query_hash\":\"" + hash + "\",\"query_hash_alg\":\"SHA512\"";
    }
    payload += '}';
    const QByteArray input = b64url(header) + '.' + b64url(payload);
    const auto alg = o.alg == "HS512" ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256;
    return input + '.' + b64url(QMessageAuthenticationCode::hash(input, o.secret, alg));
}

// --- Raw HTTP
// -------------------------------------------------------------------------------------------------

struct HttpResult {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QByteArray errorName() const {
        net::JsonDocument doc;
        if (!doc.parse(body))
            return {};
        const std::string_view raw = doc.root()["error"]["name"].raw();
        return QByteArray(raw.data(), qsizetype(raw.size()));
    }
};

class Http {
public:
    explicit Http(const QUrl& base)
        : m_base(base) {}

    // `rawQuery` goes on the wire exactly as given (already percent-encoded).
    HttpResult send(const QByteArray& method, const QByteArray& path, const QByteArray& rawQuery = {},
                    const QByteArray& body = {}, const QByteArray& bearer = {}, int timeoutMs = 5000,
                    const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {}) {
        QByteArray url = m_base.toString(QUrl::FullyEncoded).toLatin1() + path;
        if (!rawQuery.isEmpty())
            url += '?' + rawQuery;
        QNetworkRequest request(QUrl::fromEncoded(url, QUrl::StrictMode));
        request.setTransferTimeout(timeoutMs);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        if (method == "POST")
            request.setRawHeader("Content-Type", "application/json; charset=utf-8");
        for (const auto& [name, value] : extraHeaders)
            request.setRawHeader(name, value);
        QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(timeoutMs + 5000);
        HttpResult r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            r.body = reply->readAll();
        r.error = reply->error();
        for (const auto& [name, value] : reply->rawHeaderPairs())
            r.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return r;
    }

    // `count` unsigned requests in flight at once; statuses in the order they were sent.
    QList<int> burst(const QByteArray& path, const QByteArray& rawQuery, int count,
                     QList<bool>* hasRemainingReq) {
        QList<QNetworkReply*> replies;
        const QUrl url = QUrl::fromEncoded(
            m_base.toString(QUrl::FullyEncoded).toLatin1() + path + '?' + rawQuery, QUrl::StrictMode);
        for (int i = 0; i < count; ++i)
            replies.append(m_nam.get(QNetworkRequest(url)));
        QList<int> statuses;
        for (QNetworkReply* reply : replies) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply, &QNetworkReply::finished);
                finished.wait(20'000);
            }
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            hasRemainingReq->append(reply->hasRawHeader("Remaining-Req"));
            reply->deleteLater();
        }
        return statuses;
    }

    // A private call signed over its parameters (`hashInput` = the unescaped form of the query or body).
    HttpResult signedGet(const QByteArray& path, const QByteArray& rawQuery, const QByteArray& hashInput,
                         bool bithumb = false) {
        SignOptions o;
        if (!hashInput.isEmpty())
            o.hashInput = hashInput;
        o.withTimestamp = bithumb;
        return send("GET", path, rawQuery, {}, makeJwt(o));
    }
    HttpResult signedPost(const QByteArray& path, const QByteArray& jsonBody, const QByteArray& hashInput,
                          bool bithumb = false) {
        SignOptions o;
        o.hashInput = hashInput;
        o.withTimestamp = bithumb;
        return send("POST", path, {}, jsonBody, makeJwt(o));
    }
    HttpResult signedDelete(const QByteArray& path, const QByteArray& rawQuery, const QByteArray& hashInput,
                            bool bithumb = false) {
        SignOptions o;
        o.hashInput = hashInput;
        o.withTimestamp = bithumb;
        return send("DELETE", path, rawQuery, {}, makeJwt(o));
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

// Member names of a JSON object (of the first element when it is an array).
std::set<std::string> keysOf(const QByteArray& json, const char* nested = nullptr) {
    net::JsonDocument doc;
    if (!doc.parse(json))
        return {};
    net::JsonValue v = doc.root().isArray() ? doc.root().at(0) : doc.root();
    if (nested)
        v = v[nested].isArray() ? v[nested].at(0) : v[nested];
    std::set<std::string> keys;
    for (const net::JsonMember& m : v.members())
        keys.insert(std::string(m.key));
    return keys;
}

bool isSubset(const std::set<std::string>& small, const std::set<std::string>& big, QString* missing) {
    for (const std::string& k : small)
        if (!big.count(k)) {
            *missing = QString::fromStdString(k);
            return false;
        }
    return true;
}

net::JsonType typeOf(const QByteArray& json, std::string_view key) {
    net::JsonDocument doc;
    if (!doc.parse(json))
        return net::JsonType::Undefined;
    const net::JsonValue v = doc.root().isArray() ? doc.root().at(0) : doc.root();
    return v[key].type();
}

QByteArray field(const QByteArray& json, std::string_view key) {
    net::JsonDocument doc;
    if (!doc.parse(json))
        return {};
    const net::JsonValue v = doc.root().isArray() ? doc.root().at(0) : doc.root();
    const std::string_view raw = v[key].raw();
    return QByteArray(raw.data(), qsizetype(raw.size()));
}

// --- WebSocket client
// -----------------------------------------------------------------------------------------

class WsClient {
public:
    explicit WsClient(const QUrl& url, const QByteArray& bearer = {}) {
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived,
                         [this](const QByteArray& m) { frames.append(m); });
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
                         [this](const QString& m) { textFrames.append(m.toUtf8()); });
        QNetworkRequest request(url);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        socket.open(request);
    }
    bool waitConnected() {
        if (socket.state() == QAbstractSocket::ConnectedState)
            return true;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        return connected.wait(5000);
    }
    // Index of the first frame from `from` on with "type" (or "status"/"error") equal to `value`.
    qsizetype find(const char* key, const QByteArray& value, qsizetype from = 0,
                   const QByteArray& stream = {}) const {
        for (qsizetype i = from; i < frames.size(); ++i) {
            if (field(frames[i], key) == value &&
                (stream.isEmpty() || field(frames[i], "stream_type") == stream))
                return i;
        }
        return -1;
    }

    QWebSocket socket;
    QList<QByteArray> frames;
    QList<QByteArray> textFrames;
};

QByteArray upbitLimitBody(const QByteArray& price, const QByteArray& volume, const QByteArray& identifier,
                          QByteArray* hashInput, const QByteArray& side = "bid") {
    *hashInput = "market=KRW-BTC&side=" + side + "&volume=" + volume + "&price=" + price +
                 "&ord_type=limit&identifier=" + identifier;
    return "{\"market\":\"KRW-BTC\",\"side\":\"" + side + "\",\"volume\":\"" + volume + "\",\"price\":\"" +
           price + "\",\"ord_type\":\"limit\",\"identifier\":\"" + identifier + "\"}";
}

} // namespace

class TstFakeVenue : public QObject {
    Q_OBJECT

private slots:
    void signedRequestPasses();
    void hashOverUnescapedQueryInSendOrder();
    void authRejections_data();
    void authRejections();
    void bithumbAuth_data();
    void bithumbAuth();
    void noTradePermission();
    void upbitOrderLifecycle();
    void upbitOrderValidation_data();
    void upbitOrderValidation();
    void upbitIdentifierUsedUpByFailedRequest();
    void upbitTimeInForceAndMarketBuy();
    void upbitMiscEndpoints();
    void upbitOriginHeaderIsThrottled();
    void bithumbOrderLifecycle();
    void publicErrorsUseNumericNames();
    void candlesNewestFirstAndBounded();
    void responsesHaveTheFixtureFields();
    void remainingReqCountsDown();
    void rateLimit429Then418();
    void bithumbRateLimitHasNoHeader();
    void wsSnapshotThenRealtime();
    void wsPingAnswersUp();
    void wsRejectsWrongCaseAndMissingTicket();
    void bithumbWsUsesCamelCase();
    void privateWsNeedsToken();
    void privateWsPushesMyOrderAndMyAsset();
    void faultFailNextRequests();
    void faultResponseDelay();
    void faultAcceptOrderThenTimeOut();
    void faultDropWebSockets();
    void requestLogFileHasNoSecret();
};

void TstFakeVenue::signedRequestPasses() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());

    const HttpResult r = http.signedGet("/v1/accounts", {}, {});
    QCOMPARE(r.status, 200);
    QCOMPARE(typeOf(r.body, "balance"), net::JsonType::String);
    QCOMPARE(r.headers.value("remaining-req"), QByteArray("group=default; min=1800; sec=29"));

    // HS512 works as well.
    SignOptions o;
    o.alg = "HS512";
    QCOMPARE(http.send("GET", "/v1/accounts", {}, {}, makeJwt(o)).status, 200);
}

void TstFakeVenue::hashOverUnescapedQueryInSendOrder() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());

    // Brackets travel encoded; the hash covers the unescaped pairs.
    HttpResult r = http.signedGet("/v1/orders/open", "market=KRW-BTC&states%5B%5D=wait&states%5B%5D=watch",
                                  "market=KRW-BTC&states[]=wait&states[]=watch");
    QCOMPARE(r.status, 200);
    // Same pairs hashed in another order than sent.
    r = http.signedGet("/v1/orders/open", "market=KRW-BTC&states%5B%5D=wait", "states[]=wait&market=KRW-BTC");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorName(), QByteArray("invalid_query_payload"));
}

void TstFakeVenue::authRejections_data() {
    QTest::addColumn<QByteArray>("rawQuery");
    QTest::addColumn<QByteArray>("bearer");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("name");

    const QByteArray query = "market=KRW-BTC&states%5B%5D=wait";
    SignOptions good;
    good.hashInput = QByteArray("market=KRW-BTC&states[]=wait");

    QTest::newRow("missing token") << query << QByteArray() << 401 << QByteArray("no_authorization_token");
    SignOptions wrongSecret = good;
    wrongSecret.secret = "another-secret";
    QTest::newRow("bad signature") << query << makeJwt(wrongSecret) << 401 << QByteArray("jwt_verification");
    QTest::newRow("garbage token") << query << QByteArray("not.a.jwt") << 401
                                   << QByteArray("jwt_verification");
    SignOptions none = good;
    none.alg = "none";
    QTest::newRow("alg none") << query << makeJwt(none) << 401 << QByteArray("jwt_verification");
    SignOptions unknownKey = good;
    unknownKey.access = "who-is-this";
    QTest::newRow("unknown key") << query << makeJwt(unknownKey) << 401 << QByteArray("invalid_access_key");
    SignOptions wrongHash = good;
    wrongHash.hashInput = QByteArray("market=KRW-ETH&states[]=wait");
    QTest::newRow("wrong hash") << query << makeJwt(wrongHash) << 401 << QByteArray("invalid_query_payload");
    SignOptions encodedHash = good;
    encodedHash.hashInput = QByteArray("market=KRW-BTC&states%5B%5D=wait");
    QTest::newRow("hash over encoded query")
        << query << makeJwt(encodedHash) << 401 << QByteArray("invalid_query_payload");
    SignOptions noHash = good;
    noHash.hashInput.reset();
    QTest::newRow("params without hash")
        << query << makeJwt(noHash) << 401 << QByteArray("invalid_query_payload");
    QTest::newRow("correct") << query << makeJwt(good) << 200 << QByteArray();
}

void TstFakeVenue::authRejections() {
    QFETCH(QByteArray, rawQuery);
    QFETCH(QByteArray, bearer);
    QFETCH(int, status);
    QFETCH(QByteArray, name);
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    const HttpResult r = http.send("GET", "/v1/orders/open", rawQuery, {}, bearer);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorName(), name);
    QCOMPARE(server.requests().last().errorName, name);
}

void TstFakeVenue::bithumbAuth_data() {
    QTest::addColumn<bool>("withTimestamp");
    QTest::addColumn<qint64>("offsetMs");
    QTest::addColumn<QStringList>("allowedIps");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("name");
    const QStringList local{QStringLiteral("127.0.0.1")};
    QTest::newRow("ok") << true << qint64(0) << local << 200 << QByteArray();
    QTest::newRow("missing timestamp") << false << qint64(0) << local << 401 << QByteArray("expired_jwt");
    QTest::newRow("timestamp 60 s old")
        << true << qint64(-60'000) << local << 401 << QByteArray("expired_jwt");
    QTest::newRow("timestamp 60 s ahead")
        << true << qint64(60'000) << local << 401 << QByteArray("expired_jwt");
    QTest::newRow("ip not allowed") << true << qint64(0) << QStringList{QStringLiteral("10.0.0.1")} << 401
                                    << QByteArray("NotAllowIP");
}

void TstFakeVenue::bithumbAuth() {
    QFETCH(bool, withTimestamp);
    QFETCH(qint64, offsetMs);
    QFETCH(QStringList, allowedIps);
    QFETCH(int, status);
    QFETCH(QByteArray, name);
    FakeVenueServer server(FakeFlavor::Bithumb);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret, allowedIps);
    Http http(server.restUrl());
    SignOptions o;
    o.hashInput = QByteArray("market=KRW-BTC");
    o.withTimestamp = withTimestamp;
    o.timestampOffsetMs = offsetMs;
    const HttpResult r = http.send("GET", "/v1/orders/chance", "market=KRW-BTC", {}, makeJwt(o));
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorName(), name);
    QVERIFY(!r.headers.contains("remaining-req"));
}

void TstFakeVenue::noTradePermission() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret, {QStringLiteral("127.0.0.1")}, false);
    server.addKey(QStringLiteral("far-away"), kSecret, {QStringLiteral("10.0.0.1")});
    Http http(server.restUrl());
    QByteArray hash;
    const QByteArray body = upbitLimitBody("100000000", "0.0001", "perm-1", &hash);
    HttpResult r = http.signedPost("/v1/orders", body, hash);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorName(), QByteArray("out_of_scope"));
    QCOMPARE(http.signedGet("/v1/accounts", {}, {}).status, 200); // reading is still allowed

    SignOptions o;
    o.access = "far-away";
    r = http.send("GET", "/v1/accounts", {}, {}, makeJwt(o));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorName(), QByteArray("no_authorization_ip"));
    QCOMPARE(server.orderCount(), 0);
}

void TstFakeVenue::upbitOrderLifecycle() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());

    // A resting bid well below the market.
    const Decimal bid = server.bestBid(QStringLiteral("KRW-BTC"));
    const Decimal price = (bid * Decimal::fromString("0.9"))
                              .roundToStep(server.tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
    QByteArray hash;
    const QByteArray body = upbitLimitBody(price.toString().toLatin1(), "0.0001", "life-1", &hash);
    HttpResult r = http.signedPost("/v1/orders", body, hash);
    QCOMPARE(r.status, 201);
    QCOMPARE(field(r.body, "state"), QByteArray("wait"));
    QCOMPARE(field(r.body, "identifier"), QByteArray("life-1"));
    QCOMPARE(typeOf(r.body, "price"), net::JsonType::String);
    const QByteArray uuid = field(r.body, "uuid");
    QVERIFY(!uuid.isEmpty());
    QCOMPARE(server.orderCount(), 1);

    // Open list, by uuid and by identifier.
    r = http.signedGet("/v1/orders/open", "market=KRW-BTC", "market=KRW-BTC");
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "uuid"), uuid);
    r = http.signedGet("/v1/order", "identifier=life-1", "identifier=life-1");
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "uuid"), uuid);
    QCOMPARE(typeOf(r.body, "trades"), net::JsonType::Array);

    // Cancel answers with the order still waiting; afterwards it reads as cancelled.
    r = http.signedDelete("/v1/order", "uuid=" + uuid, "uuid=" + uuid);
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "state"), QByteArray("wait"));
    r = http.signedGet("/v1/order", "uuid=" + uuid, "uuid=" + uuid);
    QCOMPARE(field(r.body, "state"), QByteArray("cancel"));
    r = http.signedGet("/v1/orders/closed", "market=KRW-BTC&states%5B%5D=cancel",
                       "market=KRW-BTC&states[]=cancel");
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "uuid"), uuid);

    // Cancelling again or reading an unknown order: order_not_found.
    r = http.signedDelete("/v1/order", "uuid=" + uuid, "uuid=" + uuid);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorName(), QByteArray("order_not_found"));
    r = http.signedGet("/v1/order", "uuid=nope", "uuid=nope");
    QCOMPARE(r.errorName(), QByteArray("order_not_found"));

    // A market sell by volume fills against the book.
    const QByteArray sellHash = "market=KRW-BTC&side=ask&volume=0.001&ord_type=market";
    r = http.signedPost(
        "/v1/orders", R"({"market":"KRW-BTC","side":"ask","volume":"0.001","ord_type":"market"})", sellHash);
    QCOMPARE(r.status, 201);
    const QByteArray sold = field(r.body, "uuid");
    r = http.signedGet("/v1/order", "uuid=" + sold, "uuid=" + sold);
    QCOMPARE(field(r.body, "state"), QByteArray("done"));
    QCOMPARE(field(r.body, "executed_volume"), QByteArray("0.001"));
    QVERIFY(field(r.body, "trades_count").toInt() >= 1);
}

void TstFakeVenue::upbitOrderValidation_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("hashInput");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("name");
    auto row = [](const char* tag, const QByteArray& body, const QByteArray& hash, int status,
                  const char* name) {
        QTest::newRow(tag) << body << hash << status << QByteArray(name);
    };
    row("off tick",
        R"({"market":"KRW-BTC","side":"bid","volume":"0.0001","price":"100000500","ord_type":"limit"})",
        "market=KRW-BTC&side=bid&volume=0.0001&price=100000500&ord_type=limit", 400, "invalid_price_bid");
    row("under min total",
        R"({"market":"KRW-BTC","side":"bid","volume":"0.00001","price":"100000000","ord_type":"limit"})",
        "market=KRW-BTC&side=bid&volume=0.00001&price=100000000&ord_type=limit", 400, "under_min_total_bid");
    row("insufficient funds",
        R"({"market":"KRW-BTC","side":"bid","volume":"1","price":"100000000","ord_type":"limit"})",
        "market=KRW-BTC&side=bid&volume=1&price=100000000&ord_type=limit", 400, "insufficient_funds_bid");
    row("insufficient coins",
        R"({"market":"KRW-BTC","side":"ask","volume":"5","price":"100000000","ord_type":"limit"})",
        "market=KRW-BTC&side=ask&volume=5&price=100000000&ord_type=limit", 400, "insufficient_funds_ask");
    row("market buy with volume",
        R"({"market":"KRW-BTC","side":"bid","volume":"0.01","price":"10000","ord_type":"price"})",
        "market=KRW-BTC&side=bid&volume=0.01&price=10000&ord_type=price", 400, "create_bid_error");
    row("market sell with price",
        R"({"market":"KRW-BTC","side":"ask","volume":"0.001","price":"10000","ord_type":"market"})",
        "market=KRW-BTC&side=ask&volume=0.001&price=10000&ord_type=market", 400, "create_ask_error");
    row("unknown market",
        R"({"market":"KRW-BTCs","side":"bid","volume":"0.001","price":"10000","ord_type":"limit"})",
        "market=KRW-BTCs&side=bid&volume=0.001&price=10000&ord_type=limit", 404, "notfoundmarket");
    row("bad side",
        R"({"market":"KRW-BTC","side":"buy","volume":"0.001","price":"100000000","ord_type":"limit"})",
        "market=KRW-BTC&side=buy&volume=0.001&price=100000000&ord_type=limit", 400, "validation_error");
    row("tif with market order",
        R"({"market":"KRW-BTC","side":"ask","volume":"0.001","ord_type":"market","time_in_force":"ioc"})",
        "market=KRW-BTC&side=ask&volume=0.001&ord_type=market&time_in_force=ioc", 400,
        "invalid_time_in_force");
    row("hash of json text",
        R"({"market":"KRW-BTC","side":"bid","volume":"0.0001","price":"100000000","ord_type":"limit"})",
        R"({"market":"KRW-BTC","side":"bid","volume":"0.0001","price":"100000000","ord_type":"limit"})", 401,
        "invalid_query_payload");
}

void TstFakeVenue::upbitOrderValidation() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, hashInput);
    QFETCH(int, status);
    QFETCH(QByteArray, name);
    FakeVenueServer server(FakeFlavor::Upbit);
    server.setBalance(QStringLiteral("KRW"), Decimal(1'000'000));
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    const HttpResult r = http.signedPost("/v1/orders", body, hashInput);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorName(), name);
    QCOMPARE(server.orderCount(), 0);
}

void TstFakeVenue::upbitIdentifierUsedUpByFailedRequest() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    QByteArray hash;
    HttpResult r = http.signedPost("/v1/orders", upbitLimitBody("100000500", "0.0001", "once", &hash), hash);
    QCOMPARE(r.errorName(), QByteArray("invalid_price_bid"));
    r = http.signedPost("/v1/orders", upbitLimitBody("100000000", "0.0001", "once", &hash), hash);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorName(), QByteArray("duplicate_identifier"));
    QCOMPARE(server.orderCount(), 0);
}

void TstFakeVenue::upbitTimeInForceAndMarketBuy() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    const QString btc = QStringLiteral("KRW-BTC");
    const Decimal tick = server.tickFor(btc, server.bestBid(btc));
    const QByteArray low = (server.bestBid(btc) * Decimal::fromString("0.9"))
                               .roundToStep(tick, Rounding::Floor)
                               .toString()
                               .toLatin1();
    const QByteArray high = server.bestAsk(btc).toString().toLatin1();
    auto place = [&](const QByteArray& price, const QByteArray& tif) {
        const QByteArray body = R"({"market":"KRW-BTC","side":"bid","volume":"0.0001","price":")" + price +
                                R"(","ord_type":"limit","time_in_force":")" + tif + R"("})";
        return http.signedPost("/v1/orders", body,
                               "market=KRW-BTC&side=bid&volume=0.0001&price=" + price +
                                   "&ord_type=limit&time_in_force=" + tif);
    };
    auto stateOf = [&](const HttpResult& created) {
        const QByteArray uuid = field(created.body, "uuid");
        return field(http.signedGet("/v1/order", "uuid=" + uuid, "uuid=" + uuid).body, "state");
    };
    HttpResult r = place(low, "ioc"); // nothing to take: cancelled at once
    QCOMPARE(r.status, 201);
    QCOMPARE(stateOf(r), QByteArray("cancel"));
    r = place(low, "fok");
    QCOMPARE(stateOf(r), QByteArray("cancel"));
    r = place(high, "post_only"); // would take: cancelled
    QCOMPARE(stateOf(r), QByteArray("cancel"));
    r = place(low, "post_only"); // rests
    QCOMPARE(stateOf(r), QByteArray("wait"));
    r = place(high, "fok");
    QCOMPARE(stateOf(r), QByteArray("done"));
    QCOMPARE(server.orderCount(), 5);

    // A market buy by amount: the order is over at once (Upbit reports "cancel" when change is left).
    r = http.signedPost("/v1/orders",
                        R"({"market":"KRW-BTC","side":"bid","price":"10000","ord_type":"price"})",
                        "market=KRW-BTC&side=bid&price=10000&ord_type=price");
    QCOMPARE(r.status, 201);
    QCOMPARE(typeOf(r.body, "volume"), net::JsonType::Null);
    const QByteArray state = stateOf(r);
    QVERIFY2(state == "done" || state == "cancel", state.constData());
}

void TstFakeVenue::upbitMiscEndpoints() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    QVERIFY(server.marketCodes().contains(QStringLiteral("USDT-BTC")));
    HttpResult r = http.send("GET", "/v1/market/all", "is_details=true");
    QCOMPARE(r.status, 200);
    QCOMPARE(typeOf(r.body, "market_event"), net::JsonType::Object);
    r = http.send("GET", "/v1/orderbook/instruments", "markets=KRW-BTC");
    QCOMPARE(typeOf(r.body, "tick_size"), net::JsonType::String);
    r = http.send("GET", "/v1/ticker/all", "quote_currencies=USDT");
    QCOMPARE(field(r.body, "market"), QByteArray("USDT-BTC"));

    QByteArray hash;
    r = http.signedPost("/v1/orders/test", upbitLimitBody("100000000", "0.0001", "t-1", &hash), hash);
    QCOMPARE(r.status, 201);
    QCOMPARE(server.orderCount(), 0);
    r = http.signedPost("/v1/orders", upbitLimitBody("100000000", "0.0001", "t-2", &hash), hash);
    const QByteArray uuid = field(r.body, "uuid");
    r = http.signedGet("/v1/orders/uuids", "uuids%5B%5D=" + uuid, "uuids[]=" + uuid);
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "uuid"), uuid);
    r = http.signedDelete("/v1/orders/uuids", "identifiers%5B%5D=t-2", "identifiers[]=t-2");
    QCOMPARE(r.status, 200);
    QVERIFY2(r.body.contains("\"success\":{\"count\":1"), r.body.constData());
    // GET/DELETE parameters belong in the query, never in a body.
    SignOptions o;
    r = http.send("DELETE", "/v1/order", {}, R"({"uuid":"x"})", makeJwt(o));
    QCOMPARE(r.errorName(), QByteArray("QUERY_PARAMETER_NOT_SUPPORTED"));
}

void TstFakeVenue::upbitOriginHeaderIsThrottled() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    Http http(server.restUrl());
    const QList<QPair<QByteArray, QByteArray>> origin{{"Origin", "http://example.com"}};
    QCOMPARE(http.send("GET", "/v1/market/all", {}, {}, {}, 5000, origin).status, 200);
    QCOMPARE(http.send("GET", "/v1/market/all", {}, {}, {}, 5000, origin).status, 429);
    QCOMPARE(http.send("GET", "/v1/ticker", "markets=KRW-BTC").status, 200);
}

void TstFakeVenue::bithumbOrderLifecycle() {
    FakeVenueServer server(FakeFlavor::Bithumb);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    QVERIFY(!server.marketCodes().contains(QStringLiteral("USDT-BTC")));

    const Decimal bid = server.bestBid(QStringLiteral("KRW-BTC"));
    const Decimal price = (bid * Decimal::fromString("0.9"))
                              .roundToStep(server.tickFor(QStringLiteral("KRW-BTC"), bid), Rounding::Floor);
    const QByteArray p = price.toString().toLatin1();
    const QByteArray body = R"({"market":"KRW-BTC","side":"bid","order_type":"limit","price":")" + p +
                            R"(","volume":"0.0001","client_order_id":"my_order-1"})";
    const QByteArray hash =
        "market=KRW-BTC&side=bid&order_type=limit&price=" + p + "&volume=0.0001&client_order_id=my_order-1";
    HttpResult r = http.signedPost("/v2/orders", body, hash, true);
    QCOMPARE(r.status, 201);
    const QByteArray orderId = field(r.body, "order_id");
    QVERIFY(orderId.startsWith("C0"));
    QCOMPARE(field(r.body, "client_order_id"), QByteArray("my_order-1"));

    r = http.signedGet("/v1/order", "client_order_id=my_order-1", "client_order_id=my_order-1", true);
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "uuid"), orderId);
    QCOMPARE(field(r.body, "state"), QByteArray("wait"));
    r = http.signedGet("/v1/orders", "market=KRW-BTC&states%5B%5D=wait", "market=KRW-BTC&states[]=wait",
                       true);
    QCOMPARE(field(r.body, "uuid"), orderId);

    // The v1 name of the order type and a bad client id are refused.
    r = http.signedPost("/v2/orders", R"({"market":"KRW-BTC","side":"bid","ord_type":"limit"})",
                        "market=KRW-BTC&side=bid&ord_type=limit", true);
    QCOMPARE(r.errorName(), QByteArray("invalid_parameter"));
    r = http.signedPost(
        "/v2/orders",
        R"({"market":"KRW-BTC","side":"bid","order_type":"limit","client_order_id":"has space"})",
        "market=KRW-BTC&side=bid&order_type=limit&client_order_id=has space", true);
    QCOMPARE(r.errorName(), QByteArray("invalid_parameter"));
    r = http.signedPost(
        "/v2/orders",
        R"({"market":"KRW-BTC","side":"bid","order_type":"limit","price":"1","volume":"1","client_order_id":"x"})",
        "market=KRW-BTC&side=bid&order_type=limit&price=1&volume=1&client_order_id=x", true);
    QCOMPARE(r.errorName(), QByteArray("under_price_limit_bid"));

    r = http.signedDelete("/v2/order", "client_order_id=my_order-1", "client_order_id=my_order-1", true);
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "order_id"), orderId);
    r = http.signedGet("/v1/order", "uuid=" + orderId, "uuid=" + orderId, true);
    QCOMPARE(field(r.body, "state"), QByteArray("cancel"));
}

void TstFakeVenue::publicErrorsUseNumericNames() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    Http http(server.restUrl());
    HttpResult r = http.send("GET", "/v1/ticker", "markets=KRW-NOPE");
    QCOMPARE(r.status, 404);
    QCOMPARE(typeOf(r.body, "error"), net::JsonType::Object);
    QCOMPARE(r.errorName(), QByteArray("404"));
    r = http.send("GET", "/v1/ticker");
    QCOMPARE(r.status, 400);
    // An unencoded ':' in a query value is refused (encode it on the wire).
    r = http.send("GET", "/v1/candles/minutes/1", "market=KRW-BTC&to=2025-01-01T00:00:00");
    QCOMPARE(r.status, 400);
    r = http.send("GET", "/v1/candles/minutes/1", "market=KRW-BTC&to=2025-01-01T00%3A00%3A00");
    QCOMPARE(r.status, 200);
    r = http.send("GET", "/v1/ticker", "markets=KRW-BTC,KRW-ETH");
    QCOMPARE(r.status, 200);
    QCOMPARE(typeOf(r.body, "trade_price"), net::JsonType::Number);
}

void TstFakeVenue::candlesNewestFirstAndBounded() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    Http http(server.restUrl());
    HttpResult r = http.send("GET", "/v1/candles/minutes/1", "market=KRW-BTC&count=201");
    QCOMPARE(r.status, 400);
    r = http.send("GET", "/v1/candles/minutes/1", "market=KRW-BTC&count=5&to=2025-07-01T12%3A00%3A00Z");
    QCOMPARE(r.status, 200);
    net::JsonDocument doc;
    QVERIFY(doc.parse(r.body));
    QVERIFY(doc.root().size() > 0 && doc.root().size() <= 5);
    QCOMPARE(doc.root().at(0)["candle_date_time_utc"].toString(), QStringLiteral("2025-07-01T11:59:00"));
    QCOMPARE(doc.root().at(0)["candle_date_time_kst"].toString(), QStringLiteral("2025-07-01T20:59:00"));
    for (qsizetype i = 1; i < doc.root().size(); ++i)
        QVERIFY(doc.root().at(i - 1)["candle_date_time_utc"].toString() >
                doc.root().at(i)["candle_date_time_utc"].toString());

    // Bithumb reads `to` without an offset as KST.
    FakeVenueServer bithumb(FakeFlavor::Bithumb);
    QVERIFY(bithumb.start());
    Http http2(bithumb.restUrl());
    r = http2.send("GET", "/v1/candles/minutes/1", "market=KRW-BTC&count=1&to=2025-07-01T21%3A00%3A00");
    QVERIFY(doc.parse(r.body));
    QCOMPARE(doc.root().at(0)["candle_date_time_utc"].toString(), QStringLiteral("2025-07-01T11:59:00"));
}

void TstFakeVenue::responsesHaveTheFixtureFields() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    QString missing;
    auto check = [&](const QByteArray& ours, const char* fixturePath, const char* nested = nullptr) {
        const QByteArray theirs = fixture(QString::fromLatin1(fixturePath));
        QVERIFY2(
            isSubset(keysOf(theirs, nested), keysOf(ours, nested), &missing),
            qPrintable(QStringLiteral("%1 lacks %2: %3")
                           .arg(QLatin1String(fixturePath), missing, QString::fromUtf8(ours.left(300)))));
    };
    check(http.send("GET", "/v1/ticker", "markets=KRW-BTC").body, "upbit/rest_ticker.json");
    check(http.send("GET", "/v1/orderbook", "markets=KRW-BTC").body, "upbit/rest_orderbook.json");
    check(http.send("GET", "/v1/orderbook", "markets=KRW-BTC").body, "upbit/rest_orderbook.json",
          "orderbook_units");
    check(http.send("GET", "/v1/trades/ticks", "market=KRW-BTC").body, "upbit/rest_trades_ticks.json");
    check(http.send("GET", "/v1/candles/minutes/1", "market=KRW-BTC&count=2").body,
          "upbit/rest_candles_minutes.json");
    check(http.signedGet("/v1/accounts", {}, {}).body, "upbit/rest_accounts.json");
    check(http.signedGet("/v1/orders/chance", "market=KRW-BTC", "market=KRW-BTC").body,
          "upbit/rest_orders_chance.json");
    check(http.signedGet("/v1/orders/chance", "market=KRW-BTC", "market=KRW-BTC").body,
          "upbit/rest_orders_chance.json", "market");
    QByteArray hash;
    const HttpResult created =
        http.signedPost("/v1/orders", upbitLimitBody("100000000", "0.0001", "f-1", &hash), hash);
    check(created.body, "upbit/rest_order_create.json");
    const QByteArray uuid = field(created.body, "uuid");
    check(http.signedGet("/v1/order", "uuid=" + uuid, "uuid=" + uuid).body,
          "upbit/rest_order_get_limit_wait.json");
    check(http.signedGet("/v1/orders/open", {}, {}).body, "upbit/rest_orders_open.json");

    // Quotation numbers are JSON numbers, private values strings.
    const QByteArray book = http.send("GET", "/v1/orderbook", "markets=KRW-BTC").body;
    QCOMPARE(typeOf(book, "total_ask_size"), net::JsonType::Number);
    QCOMPARE(typeOf(created.body, "volume"), net::JsonType::String);

    // WebSocket frames.
    WsClient ws(server.wsUrl());
    QVERIFY(ws.waitConnected());
    ws.socket.sendTextMessage(QStringLiteral(
        R"([{"ticket":"t"},{"type":"ticker","codes":["KRW-BTC"]},{"type":"trade","codes":["KRW-BTC"]},{"type":"orderbook","codes":["KRW-BTC"]}])"));
    QTRY_VERIFY_WITH_TIMEOUT(ws.find("type", "ticker") >= 0 && ws.find("type", "orderbook") >= 0 &&
                                 ws.find("type", "trade") >= 0,
                             5000);
    check(ws.frames[ws.find("type", "ticker")], "upbit/ws_ticker.json");
    check(ws.frames[ws.find("type", "trade")], "upbit/ws_trade.json");
    check(ws.frames[ws.find("type", "orderbook")], "upbit/ws_orderbook.json");
    check(ws.frames[ws.find("type", "orderbook")], "upbit/ws_orderbook.json", "orderbook_units");
    QVERIFY(field(ws.frames[ws.find("type", "ticker")], "trade_price").endsWith(".0"));
}

void TstFakeVenue::remainingReqCountsDown() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    Http http(server.restUrl());
    // Within one second `sec` falls by one per request; a new second starts again at 9.
    int previous = 10;
    for (int i = 0; i < 5; ++i) {
        const HttpResult r = http.send("GET", "/v1/market/all");
        QCOMPARE(r.status, 200);
        const QByteArray header = r.headers.value("remaining-req");
        QVERIFY2(header.startsWith("group=market; min="), header.constData());
        const int sec = header.mid(header.indexOf("sec=") + 4).toInt();
        QVERIFY2(sec == previous - 1 || sec == 9, header.constData());
        previous = sec;
    }
}

void TstFakeVenue::rateLimit429Then418() {
    FakeVenueServer server(FakeFlavor::Upbit);
    server.setBlockDurationMs(60'000);
    QVERIFY(server.start());
    Http http(server.restUrl());
    QList<int> statuses;
    HttpResult blocked;
    for (int i = 0; i < 80 && blocked.status != 418; ++i) {
        const HttpResult r = http.send("GET", "/v1/ticker", "markets=KRW-BTC");
        statuses.append(r.status);
        if (r.status == 429) {
            QCOMPARE(r.errorName(), QByteArray("too_many_requests"));
            QVERIFY(r.headers.value("remaining-req").endsWith("sec=0"));
        }
        if (r.status == 418)
            blocked = r;
    }
    QVERIFY(statuses.contains(429));
    QCOMPARE(blocked.status, 418);
    QVERIFY(blocked.headers.value("retry-after").toInt() > 0);
    QVERIFY(server.count429() >= 1);
    QCOMPARE(server.count418(), 1);
    // Blocked means every request now, not only over the limit.
    QCOMPARE(http.send("GET", "/v1/market/all").status, 418);

    // With enforcement off nothing is limited.
    FakeVenueServer relaxed(FakeFlavor::Upbit);
    relaxed.setRateLimitEnforced(false);
    QVERIFY(relaxed.start());
    Http http2(relaxed.restUrl());
    for (int i = 0; i < 25; ++i)
        QCOMPARE(http2.send("GET", "/v1/ticker", "markets=KRW-BTC").status, 200);
}

void TstFakeVenue::bithumbRateLimitHasNoHeader() {
    FakeVenueServer server(FakeFlavor::Bithumb);
    QVERIFY(server.start());
    Http http(server.restUrl());
    // 150 a second per category: a burst of 400 must run into it (bounded, whatever the machine's speed).
    QList<bool> headers;
    QList<int> statuses;
    for (int round = 0; round < 3 && !statuses.contains(429); ++round)
        statuses = http.burst("/v1/market/all", "isDetails=false", 400, &headers);
    QVERIFY(statuses.contains(429));
    QVERIFY(statuses.contains(200));
    QVERIFY(!headers.contains(true));
    // The category stays blocked; other categories are not.
    QCOMPARE(http.send("GET", "/v1/market/all").status, 429);
    QCOMPARE(http.send("GET", "/v1/ticker", "markets=KRW-BTC").status, 200);
}

void TstFakeVenue::wsSnapshotThenRealtime() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    QSignalSpy subscribed(&server, &FakeVenueServer::wsSubscribed);
    WsClient ws(server.wsUrl());
    QVERIFY(ws.waitConnected());
    QCOMPARE(server.wsConnectionCount(false), 1);
    ws.socket.sendTextMessage(QStringLiteral(
        R"([{"ticket":"t"},{"type":"ticker","codes":["KRW-BTC"]},{"type":"orderbook","codes":["KRW-ETH.5"]},{"type":"trade","codes":["KRW-BTC"],"is_only_realtime":true},{"format":"DEFAULT"}])"));
    QTRY_VERIFY_WITH_TIMEOUT(ws.find("type", "orderbook") >= 0 && ws.find("type", "ticker") >= 0, 5000);
    QCOMPARE(subscribed.size(), 3);
    QCOMPARE(field(ws.frames[ws.find("type", "ticker")], "stream_type"), QByteArray("SNAPSHOT"));
    const QByteArray book = ws.frames[ws.find("type", "orderbook")];
    net::JsonDocument doc;
    QVERIFY(doc.parse(book));
    QCOMPARE(doc.root()["orderbook_units"].size(), 5);
    QCOMPARE(doc.root()["code"].toString(), QStringLiteral("KRW-ETH"));
    QCOMPARE(ws.find("type", "trade"), -1); // realtime only: no snapshot

    const qsizetype before = ws.frames.size();
    server.step();
    QTRY_VERIFY_WITH_TIMEOUT(ws.find("type", "ticker", before, "REALTIME") >= 0 &&
                                 ws.find("type", "orderbook", before, "REALTIME") >= 0,
                             5000);
    for (int i = 0; i < 5 && ws.find("type", "trade") < 0; ++i) {
        server.step();
        QTest::qWait(0); // let the frames of this step out before the next
    }
    QTRY_VERIFY_WITH_TIMEOUT(ws.find("type", "trade", 0, "REALTIME") >= 0, 5000);
}

void TstFakeVenue::wsPingAnswersUp() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    WsClient ws(server.wsUrl());
    QVERIFY(ws.waitConnected());
    ws.socket.sendTextMessage(QStringLiteral("PING"));
    QTRY_VERIFY_WITH_TIMEOUT(ws.find("status", "UP") >= 0, 5000);
    QCOMPARE(ws.frames.first(), QByteArray(R"({"status":"UP"})"));
}

void TstFakeVenue::wsRejectsWrongCaseAndMissingTicket() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    WsClient ws(server.wsUrl());
    QVERIFY(ws.waitConnected());
    ws.socket.sendTextMessage(
        QStringLiteral(R"([{"ticket":"t"},{"type":"ticker","codes":["KRW-BTC"],"isOnlySnapshot":true}])"));
    QTRY_COMPARE_WITH_TIMEOUT(ws.frames.size(), 1, 5000);
    QVERIFY(ws.frames[0].contains("INVALID_PARAM"));
    ws.socket.sendTextMessage(QStringLiteral(R"([{"type":"ticker","codes":["KRW-BTC"]}])"));
    QTRY_COMPARE_WITH_TIMEOUT(ws.frames.size(), 2, 5000);
    QVERIFY(ws.frames[1].contains("NO_TICKET"));
    ws.socket.sendTextMessage(QStringLiteral(R"({"ticket":"t"})"));
    QTRY_COMPARE_WITH_TIMEOUT(ws.frames.size(), 3, 5000);
    QVERIFY(ws.frames[2].contains("WRONG_FORMAT"));
    ws.socket.sendTextMessage(QStringLiteral(R"([{"ticket":"t"},{"type":"ticker","codes":["krw-btc"]}])"));
    QTRY_COMPARE_WITH_TIMEOUT(ws.frames.size(), 4, 5000);
    QVERIFY(ws.frames[3].contains("INVALID_PARAM"));
    QVERIFY(server.wsSubscriptions().isEmpty());
}

void TstFakeVenue::bithumbWsUsesCamelCase() {
    FakeVenueServer server(FakeFlavor::Bithumb);
    QVERIFY(server.start());
    WsClient ws(server.wsUrl());
    QVERIFY(ws.waitConnected());
    ws.socket.sendTextMessage(
        QStringLiteral(R"([{"ticket":"t"},{"type":"trade","codes":["KRW-BTC"],"is_only_snapshot":true}])"));
    QTRY_COMPARE_WITH_TIMEOUT(ws.frames.size(), 1, 5000);
    QVERIFY(ws.frames[0].contains("INVALID_PARAM"));
    ws.socket.sendTextMessage(
        QStringLiteral(R"([{"ticket":"t"},{"type":"ticker","codes":["KRW-BTC"],"isOnlySnapshot":true}])"));
    QTRY_VERIFY_WITH_TIMEOUT(ws.find("type", "ticker") >= 0, 5000);
    QString missing;
    QVERIFY2(isSubset(keysOf(fixture(QStringLiteral("bithumb/ws_ticker.json"))), keysOf(ws.frames.last()),
                      &missing),
             qPrintable(missing));
    const qsizetype count = ws.frames.size();
    server.step();
    server.step();
    QTest::qWait(50); // nothing may arrive: only a snapshot was asked for
    QCOMPARE(ws.frames.size(), count);
}

void TstFakeVenue::privateWsNeedsToken() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    {
        WsClient ws(server.privateWsUrl());
        QSignalSpy disconnected(&ws.socket, &QWebSocket::disconnected);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(server.wsHandshakesRejected(), 1);
        QCOMPARE(server.requests().last().errorName, QByteArray("no_authorization_token"));
    }
    {
        SignOptions o;
        o.secret = "wrong";
        WsClient ws(server.privateWsUrl(), makeJwt(o));
        QSignalSpy disconnected(&ws.socket, &QWebSocket::disconnected);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(server.wsHandshakesRejected(), 2);
        QCOMPARE(server.requests().last().errorName, QByteArray("jwt_verification"));
    }
    QCOMPARE(server.wsConnectionCount(true), 0);
    // Private types on the public endpoint are refused.
    WsClient pub(server.wsUrl());
    QVERIFY(pub.waitConnected());
    pub.socket.sendTextMessage(QStringLiteral(R"([{"ticket":"t"},{"type":"myOrder"}])"));
    QTRY_COMPARE_WITH_TIMEOUT(pub.frames.size(), 1, 5000);
    QVERIFY(pub.frames[0].contains("INVALID_AUTH"));
}

void TstFakeVenue::privateWsPushesMyOrderAndMyAsset() {
    for (FakeFlavor flavor : {FakeFlavor::Upbit, FakeFlavor::Bithumb}) {
        const bool upbit = flavor == FakeFlavor::Upbit;
        FakeVenueServer server(flavor);
        QVERIFY(server.start());
        server.addKey(QString::fromLatin1(kAccess), kSecret);
        SignOptions o;
        o.withTimestamp = !upbit;
        WsClient ws(server.privateWsUrl(), makeJwt(o));
        QVERIFY(ws.waitConnected());
        QCOMPARE(server.wsConnectionCount(true), 1);
        ws.socket.sendTextMessage(
            QStringLiteral(R"([{"ticket":"p"},{"type":"myOrder"},{"type":"myAsset"}])"));
        QTRY_COMPARE_WITH_TIMEOUT(server.wsSubscriptions().size(), 2, 5000);

        Http http(server.restUrl());
        const QByteArray typeKey = upbit ? "ord_type" : "order_type";
        const QByteArray body =
            R"({"market":"KRW-BTC","side":"ask","volume":"0.001",")" + typeKey + R"(":"market"})";
        const QByteArray hash = "market=KRW-BTC&side=ask&volume=0.001&" + typeKey + "=market";
        const HttpResult r = http.signedPost(upbit ? "/v1/orders" : "/v2/orders", body, hash, !upbit);
        QCOMPARE(r.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(ws.find("state", "done") >= 0 && ws.find("type", "myAsset") >= 0, 5000);
        const qsizetype trade = ws.find("state", "trade");
        QVERIFY(trade >= 0 && trade < ws.find("state", "done"));
        QString missing;
        const char* orderFixture = upbit ? "upbit/ws_myorder.json" : "bithumb/ws_myorder_v1private.json";
        const char* assetFixture = upbit ? "upbit/ws_myasset.json" : "bithumb/ws_myasset_v1private.json";
        QVERIFY2(isSubset(keysOf(fixture(QLatin1String(orderFixture))), keysOf(ws.frames[trade]), &missing),
                 qPrintable(missing));
        const QByteArray asset = ws.frames[ws.find("type", "myAsset")];
        QVERIFY2(isSubset(keysOf(fixture(QLatin1String(assetFixture))), keysOf(asset), &missing),
                 qPrintable(missing));
        QVERIFY2(isSubset(keysOf(fixture(QLatin1String(assetFixture)), "assets"), keysOf(asset, "assets"),
                          &missing),
                 qPrintable(missing));
    }
}

void TstFakeVenue::faultFailNextRequests() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    Http http(server.restUrl());
    server.failNextRequests(2, 503);
    QCOMPARE(http.send("GET", "/v1/market/all").status, 503);
    QCOMPARE(http.send("GET", "/v1/market/all").status, 503);
    QCOMPARE(http.send("GET", "/v1/market/all").status, 200);
}

void TstFakeVenue::faultResponseDelay() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    Http http(server.restUrl());
    server.setResponseDelayMs(300);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(http.send("GET", "/v1/market/all").status, 200);
    QVERIFY(timer.elapsed() >= 290);
    // A client with a shorter timeout gives up.
    server.setResponseDelayMs(2000);
    const HttpResult r = http.send("GET", "/v1/market/all", {}, {}, {}, 200);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
}

void TstFakeVenue::faultAcceptOrderThenTimeOut() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    QSignalSpy created(&server, &FakeVenueServer::orderCreated);
    server.acceptNextOrderThenTimeOut();
    QByteArray hash;
    const QByteArray body = upbitLimitBody("100000000", "0.0001", "lost-1", &hash);
    SignOptions o;
    o.hashInput = hash;
    HttpResult r = http.send("POST", "/v1/orders", {}, body, makeJwt(o), 300);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // the client's own timeout
    QCOMPARE(created.size(), 1);
    QCOMPARE(server.orderCount(), 1);
    QCOMPARE(server.requests().last().status, 0);
    // The order exists: a careful client looks it up by identifier before any retry.
    r = http.signedGet("/v1/order", "identifier=lost-1", "identifier=lost-1");
    QCOMPARE(r.status, 200);
    QCOMPARE(field(r.body, "identifier"), QByteArray("lost-1"));

    // Closing variant: the client sees a network error at once.
    server.acceptNextOrderThenTimeOut(true);
    r = http.signedPost("/v1/orders", upbitLimitBody("100000000", "0.0001", "lost-2", &hash), hash);
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(server.orderCount(), 2);
}

void TstFakeVenue::faultDropWebSockets() {
    FakeVenueServer server(FakeFlavor::Upbit);
    QVERIFY(server.start());
    WsClient ws(server.wsUrl());
    QVERIFY(ws.waitConnected());
    QSignalSpy disconnected(&ws.socket, &QWebSocket::disconnected);
    QSignalSpy serverSide(&server, &FakeVenueServer::wsClientDisconnected);
    server.dropWebSockets();
    QVERIFY(disconnected.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(serverSide.size(), 1, 5000);
    QCOMPARE(server.wsConnectionCount(false), 0);
    // Reconnecting works.
    WsClient again(server.wsUrl());
    QVERIFY(again.waitConnected());
    QCOMPARE(server.wsConnectionsAccepted(), 2);
}

void TstFakeVenue::requestLogFileHasNoSecret() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("requests.jsonl"));
    FakeVenueServer server(FakeFlavor::Upbit);
    server.setRequestLogPath(path);
    QVERIFY(server.start());
    server.addKey(QString::fromLatin1(kAccess), kSecret);
    Http http(server.restUrl());
    QCOMPARE(http.signedGet("/v1/accounts", {}, {}).status, 200);
    QCOMPARE(http.send("GET", "/v1/market/all").status, 200);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray log = file.readAll();
    QCOMPARE(log.count('\n'), 2);
    QVERIFY(log.contains("/v1/accounts"));
    QVERIFY(!log.contains(kSecret));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().first().headers.value("authorization").left(7), QByteArray("Bearer "));
}

QTEST_GUILESS_MAIN(TstFakeVenue)
#include "tst_fake_venue.moc"
