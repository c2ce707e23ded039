// The JWT signer of Upbit and Bithumb: query-hash vectors, token structure, HMAC, fresh nonces, and a fresh
// token for every attempt of a retried request.
#include "support/loopback_http_server.h"
#include "venues/net/http_client.h"
#include "venues/net/json_value.h"
#include "venues/upbit/upbit_jwt.h"
#include "venues/upbit/upbit_wire.h"

#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using namespace hoga::upbit;

namespace {

struct DecodedJwt {
    QByteArray header;
    QByteArray payload;
    QByteArray signature;
    QByteArray signingInput;
};

DecodedJwt decode(const QByteArray& token) {
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const auto opts = QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors;
    return {QByteArray::fromBase64(parts[0], opts), QByteArray::fromBase64(parts[1], opts),
            QByteArray::fromBase64(parts[2], opts), parts[0] + '.' + parts[1]};
}

QString member(const QByteArray& json, const char* key) {
    net::JsonDocument doc;
    if (!doc.parse(json))
        return QStringLiteral("<invalid json>");
    const net::JsonValue v = doc.root()[key];
    return v.isUndefined() ? QStringLiteral("<absent>") : v.toString();
}

const QByteArray kSecret = "test-secret-raw-bytes-\x01\x02";

} // namespace

class TestUpbitSigner : public QObject {
    Q_OBJECT
private slots:
    void sha512VectorOrderBody() {
        const QByteArray input = JwtSigner::hashInput({{"market", "KRW-BTC"},
                                                       {"side", "bid"},
                                                       {"volume", "0.01"},
                                                       {"price", "100000000"},
                                                       {"ord_type", "limit"}});
        QCOMPARE(input, QByteArray("market=KRW-BTC&side=bid&volume=0.01&price=100000000&ord_type=limit"));
        const QByteArray hash = JwtSigner::sha512Hex(input);
        QCOMPARE(hash.size(), 128);
        QVERIFY(hash.startsWith("04f10e7f849051645e088a4217a3e1f9"));
        QVERIFY(hash.endsWith("4633750dc"));
        QCOMPARE(hash, QByteArray("04f10e7f849051645e088a4217a3e1f938268054df0e99b93ac74627b11f6931e501657d77"
                                  "7720f9d19fc2a6649e3afc4a6e4e83ccf3d0569be6bde4633750dc"));
    }

    void sha512VectorArrays() {
        const QByteArray input =
            JwtSigner::hashInput({{"market", "KRW-BTC"}, {"states[]", "wait"}, {"states[]", "watch"}});
        QCOMPARE(input, QByteArray("market=KRW-BTC&states[]=wait&states[]=watch"));
        const QByteArray hash = JwtSigner::sha512Hex(input);
        QVERIFY(hash.startsWith("c01bbcb80094d2225c90eda65128baf7"));
        QVERIFY(hash.endsWith("4c875dfe77"));
    }

    void bodyHashInputFollowsBodyOrder() {
        // The POST body's fields rendered as k=v in body order, never the JSON text.
        const QByteArray body =
            R"({"market":"KRW-BTC","side":"bid","volume":"0.01","price":"100000000","ord_type":"limit"})";
        QCOMPARE(JwtSigner::bodyHashInput(body).value(),
                 QByteArray("market=KRW-BTC&side=bid&volume=0.01&price=100000000&ord_type=limit"));
        QCOMPARE(JwtSigner::bodyHashInput(R"({"uuids":["a","b"],"n":5})").value(),
                 QByteArray("uuids[]=a&uuids[]=b&n=5"));
        QVERIFY(!JwtSigner::bodyHashInput("[1,2]").has_value());
        QVERIFY(!JwtSigner::bodyHashInput(R"({"a":{"b":1}})").has_value());
    }

    void tokenStructureAndSignature() {
        JwtSigner signer(QStringLiteral("access-key-1"), kSecret, {});
        const QByteArray input = "market=KRW-BTC";
        const QByteArray token = signer.token(input);
        QVERIFY(!token.contains('=')); // base64url without padding
        const DecodedJwt jwt = decode(token);
        QCOMPARE(jwt.header, QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
        QCOMPARE(member(jwt.payload, "access_key"), QStringLiteral("access-key-1"));
        const QString nonce = member(jwt.payload, "nonce");
        QCOMPARE(nonce.size(), 36);
        QCOMPARE(nonce.at(14), QLatin1Char('4')); // UUID version 4
        QCOMPARE(member(jwt.payload, "query_hash"), QString::fromLatin1(JwtSigner::sha512Hex(input)));
        QCOMPARE(member(jwt.payload, "query_hash_alg"), QStringLiteral("SHA512"));
        QCOMPARE(member(jwt.payload, "timestamp"), QStringLiteral("<absent>")); // Upbit: no timestamp
        // HS256 with the secret as raw bytes, checked with an independent implementation.
        QCOMPARE(jwt.signature,
                 QMessageAuthenticationCode::hash(jwt.signingInput, kSecret, QCryptographicHash::Sha256));
    }

    void noParamsMeansNoHashFields() {
        JwtSigner signer(QStringLiteral("ak"), kSecret, {});
        const DecodedJwt jwt = decode(signer.token());
        QCOMPARE(member(jwt.payload, "query_hash"), QStringLiteral("<absent>"));
        QCOMPARE(member(jwt.payload, "query_hash_alg"), QStringLiteral("<absent>"));
    }

    void everyTokenHasAFreshNonce() {
        JwtSigner signer(QStringLiteral("ak"), kSecret, {});
        QSet<QString> nonces;
        for (int i = 0; i < 200; ++i)
            nonces.insert(member(decode(signer.token("a=1")).payload, "nonce"));
        QCOMPARE(nonces.size(), 200);
    }

    void bithumbAddsMillisecondTimestamp() {
        ManualClock clock(1'780'000'000'123);
        JwtSigner signer(QStringLiteral("ak"), kSecret, {true, &clock});
        const DecodedJwt jwt = decode(signer.token("market=KRW-BTC"));
        QCOMPARE(member(jwt.payload, "timestamp"), QStringLiteral("1780000000123"));
        QCOMPARE(member(jwt.payload, "query_hash_alg"), QStringLiteral("SHA512"));
    }

    void signHashesUnencodedQuery() {
        JwtSigner signer(QStringLiteral("ak"), kSecret, {});
        net::HttpRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1/v1/candles/minutes/1"));
        r.query = {{"market", "KRW-BTC"}, {"to", "2025-07-01T12:00:00Z"}, {"states[]", "wait"}};
        signer.sign(r);
        const QByteArray auth = r.header("Authorization");
        QVERIFY(auth.startsWith("Bearer "));
        const DecodedJwt jwt = decode(auth.mid(7));
        // Hashed unescaped, sent escaped.
        QCOMPARE(member(jwt.payload, "query_hash"),
                 QString::fromLatin1(
                     JwtSigner::sha512Hex("market=KRW-BTC&to=2025-07-01T12:00:00Z&states[]=wait")));
        QCOMPARE(r.encodedQuery(),
                 QByteArray("market=KRW-BTC&to=2025-07-01T12%3A00%3A00Z&states%5B%5D=wait"));
    }

    void signHashesPostBodyFields() {
        JwtSigner signer(QStringLiteral("ak"), kSecret, {});
        net::HttpRequest r;
        r.method = "POST";
        r.jsonBody = QByteArray(R"({"market":"KRW-BTC","side":"ask","volume":"1.5","ord_type":"market"})");
        signer.sign(r);
        const DecodedJwt jwt = decode(r.header("Authorization").mid(7));
        QCOMPARE(
            member(jwt.payload, "query_hash"),
            QString::fromLatin1(JwtSigner::sha512Hex("market=KRW-BTC&side=ask&volume=1.5&ord_type=market")));
    }

    void retriesAreSignedAfresh() {
        test::LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(
            test::LoopbackResponse::json(503, R"({"error":{"name":"server_error","message":"x"}})"));
        server.enqueue(test::LoopbackResponse::json(200, "[]"));
        auto signer = std::make_shared<const JwtSigner>(QStringLiteral("ak"), kSecret, JwtSigner::Options{});
        net::Random random(1);
        net::HttpClientOptions options;
        options.retry.baseDelayMs = 0;
        options.retry.maxDelayMs = 0;
        options.random = &random;
        net::HttpClient client(options);
        net::HttpRequest r;
        r.url = server.url(QStringLiteral("/v1/accounts"));
        r.auth = std::make_shared<JwtAuthenticator>(signer);
        auto future = client.request(r);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 5000);
        QCOMPARE(future.result().status, 200);
        QCOMPARE(server.requestCount(), 2);
        const QByteArray first = server.requests().at(0).header("Authorization");
        const QByteArray second = server.requests().at(1).header("Authorization");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(first != second);
        QVERIFY(member(decode(first.mid(7)).payload, "nonce") !=
                member(decode(second.mid(7)).payload, "nonce"));
    }
};

QTEST_GUILESS_MAIN(TestUpbitSigner)
#include "tst_upbit_signer.moc"
