#include "upbit_jwt.h"

#include "venues/net/json_value.h"

#include <QUuid>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace hoga::upbit {

JwtSigner::JwtSigner(QString accessKey, const QByteArray& secretKey, Options options)
    : m_accessKey(std::move(accessKey))
    , m_secret(secretKey.constData(), secretKey.size()) // deep copy: the caller wipes its own
    , m_options(options) {}

JwtSigner::~JwtSigner() {
    if (!m_secret.isEmpty())
        OPENSSL_cleanse(m_secret.data(), size_t(m_secret.size()));
}

QByteArray JwtSigner::hashInput(const QList<std::pair<QString, QString>>& params) {
    QByteArray out;
    for (const auto& [key, value] : params) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key.toUtf8());
        out.append('=');
        out.append(value.toUtf8());
    }
    return out;
}

std::optional<QByteArray> JwtSigner::bodyHashInput(const QByteArray& jsonBody) {
    net::JsonDocument doc;
    if (!doc.parse(jsonBody) || !doc.root().isObject())
        return std::nullopt;
    QByteArray out;
    auto append = [&out](std::string_view key, const net::JsonValue& value) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key.data(), qsizetype(key.size()));
        out.append('=');
        if (value.isBool())
            out.append(value.toBool() ? "true" : "false");
        else if (!value.isNull())
            out.append(value.raw().data(), qsizetype(value.raw().size()));
    };
    for (const net::JsonMember& member : doc.root().members()) {
        if (member.value.isObject())
            return std::nullopt;
        if (member.value.isArray()) {
            const std::string key = std::string(member.key) + "[]";
            for (net::JsonValue element : member.value.elements())
                append(key, element);
        } else {
            append(member.key, member.value);
        }
    }
    return out;
}

QByteArray JwtSigner::sha512Hex(QByteArrayView data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), size_t(data.size()), digest, &length, EVP_sha512(), nullptr);
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

QByteArray JwtSigner::base64Url(QByteArrayView data) {
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray JwtSigner::newNonce() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray JwtSigner::token(const QByteArray& hashInput) const {
    static const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    net::JsonWriter payload;
    payload.beginObject().field("access_key", m_accessKey).field("nonce", QString::fromLatin1(newNonce()));
    if (m_options.includeTimestamp)
        payload.field("timestamp", m_options.clock->nowMs());
    if (!hashInput.isEmpty())
        payload.field("query_hash", QString::fromLatin1(sha512Hex(hashInput)))
            .field("query_hash_alg", "SHA512");
    payload.endObject();

    const QByteArray signingInput = header + '.' + base64Url(payload.data());
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    HMAC(EVP_sha256(), m_secret.constData(), int(m_secret.size()),
         reinterpret_cast<const unsigned char*>(signingInput.constData()), size_t(signingInput.size()), mac,
         &macLength);
    const QByteArray signature =
        base64Url(QByteArrayView(reinterpret_cast<const char*>(mac), qsizetype(macLength)));
    OPENSSL_cleanse(mac, sizeof mac);
    return signingInput + '.' + signature;
}

void JwtSigner::sign(net::HttpRequest& request) const {
    QByteArray input;
    if (!request.query.isEmpty())
        input = hashInput(request.query);
    else if (request.jsonBody && !request.jsonBody->isEmpty())
        input = bodyHashInput(*request.jsonBody).value_or(QByteArray());
    request.setHeader("Authorization", bearer(input));
}

} // namespace hoga::upbit
