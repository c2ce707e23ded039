#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace hoga::test::fake {

// The parameters of one request in the order they were sent, already unescaped: the decoded query string of
// a GET/DELETE or the members of a POST's JSON body (arrays become repeated "key[]" entries).
class RequestParams {
public:
    QList<QPair<QByteArray, QByteArray>> items;

    bool isEmpty() const { return items.isEmpty(); }
    bool has(const QByteArray& key) const;
    QByteArray value(const QByteArray& key) const; // first value, empty if absent
    QList<QByteArray> values(const QByteArray& key) const;
    // What the venue hashes: "k=v&k=v" of the unescaped pairs in send order.
    QByteArray hashInput() const;
};

// Decodes a raw query string. `plusIsSpace`: a raw '+' means a space (form decoding, what Java servers do).
// Returns nullopt for a broken escape ("%G1").
std::optional<RequestParams> paramsFromQuery(const QByteArray& rawQuery, bool plusIsSpace);
// The members of a JSON object body in body order; nullopt if the body is not one flat JSON object (values
// may be strings, numbers, booleans, null or arrays of those). Numbers keep their text.
std::optional<RequestParams> paramsFromJsonBody(const QByteArray& body);

// A JWT as a venue decodes it, before the signature is checked.
struct JwtToken {
    QByteArray alg;          // "HS256", "HS512", ...
    QByteArray signingInput; // "<header>.<payload>" as sent
    QByteArray signature;    // decoded bytes
    QByteArray accessKey;
    QByteArray nonce;
    QByteArray queryHash;
    QByteArray queryHashAlg;
    bool hasQueryHash = false;
    std::optional<qint64> timestampMs; // Bithumb: epoch ms (a number, or a numeric string)
};

// Parses "<b64url header>.<b64url payload>.<b64url signature>"; nullopt when it is not a JWT with JSON
// header and payload objects.
std::optional<JwtToken> decodeJwt(const QByteArray& token);
// HMAC of the signing input with `secret` (raw bytes) under the token's alg; false for unsupported algs.
bool verifyJwtSignature(const JwtToken& token, const QByteArray& secret);
// Lower-case hex SHA-512.
QByteArray sha512Hex(const QByteArray& data);

} // namespace hoga::test::fake
