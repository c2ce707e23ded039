#pragma once

#include "core/clock.h"
#include "venues/net/http_client.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace hoga::upbit {

// Signs private requests of Upbit and Bithumb API 2.0: a JWT (HS256) per request whose payload carries the
// access key, a fresh UUIDv4 nonce (Bithumb also a millisecond timestamp) and, when the request has
// parameters, the SHA-512 of their unescaped `k=v&...` rendering in send order. There is no separate
// signature field: the JWT is the whole authentication.
//
// The only way this project builds a private request. Keeps its own copy of the secret and wipes it.
class JwtSigner {
public:
    struct Options {
        bool includeTimestamp = false; // Bithumb: `timestamp` (epoch ms) in the payload
        const Clock* clock = &SystemClock::instance();
    };

    JwtSigner(QString accessKey, const QByteArray& secretKey, Options options);
    ~JwtSigner();
    JwtSigner(const JwtSigner&) = delete;
    JwtSigner& operator=(const JwtSigner&) = delete;

    // `k=v&k=v` of an ordered parameter list, not percent-encoded; array parameters are passed with their
    // brackets in the key ("states[]").
    static QByteArray hashInput(const QList<std::pair<QString, QString>>& params);
    // The same rendering of a JSON object body's fields in body order: strings decoded, numbers as written,
    // arrays as `key[]=v` per element. nullopt when the body is not a flat JSON object.
    static std::optional<QByteArray> bodyHashInput(const QByteArray& jsonBody);
    // Lowercase hex SHA-512 (OpenSSL).
    static QByteArray sha512Hex(QByteArrayView data);
    // base64url without padding.
    static QByteArray base64Url(QByteArrayView data);
    // A random UUIDv4, lower case with hyphens.
    static QByteArray newNonce();

    // A fresh token (new nonce) for a request whose hash input is `hashInput` (empty: no parameters, no
    // query_hash fields).
    QByteArray token(const QByteArray& hashInput = {}) const;
    // "Bearer <token>".
    QByteArray bearer(const QByteArray& hashInput = {}) const { return "Bearer " + token(hashInput); }
    // Sets `Authorization` on a request: hashes its query if it has one, else its JSON body's fields.
    void sign(net::HttpRequest& request) const;

    const QString& accessKey() const { return m_accessKey; }

private:
    QString m_accessKey;
    QByteArray m_secret; // a deep copy, zeroed on destruction
    Options m_options;
};

} // namespace hoga::upbit
