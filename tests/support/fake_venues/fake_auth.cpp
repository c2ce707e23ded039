#include "fake_auth.h"

#include "venues/net/json_value.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace hoga::test::fake {

namespace {

QByteArray textOf(const net::JsonValue& v) {
    switch (v.type()) {
    case net::JsonType::String:
    case net::JsonType::Number: {
        const std::string_view raw = v.raw();
        return QByteArray(raw.data(), qsizetype(raw.size()));
    }
    case net::JsonType::Bool:
        return v.toBool() ? "true" : "false";
    case net::JsonType::Null:
        return "null";
    default:
        return {};
    }
}

bool isScalar(const net::JsonValue& v) {
    return v.isString() || v.isNumber() || v.isBool() || v.isNull();
}

// Strict percent-decoding: every '%' must start two hex digits.
std::optional<QByteArray> percentDecode(const QByteArray& in, bool plusIsSpace) {
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size())
                return std::nullopt;
            bool ok = false;
            const int value = in.mid(i + 1, 2).toInt(&ok, 16);
            if (!ok)
                return std::nullopt;
            out += char(value);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

bool RequestParams::has(const QByteArray& key) const {
    for (const auto& item : items)
        if (item.first == key)
            return true;
    return false;
}

QByteArray RequestParams::value(const QByteArray& key) const {
    for (const auto& item : items)
        if (item.first == key)
            return item.second;
    return {};
}

QList<QByteArray> RequestParams::values(const QByteArray& key) const {
    QList<QByteArray> out;
    for (const auto& item : items)
        if (item.first == key)
            out.append(item.second);
    return out;
}

QByteArray RequestParams::hashInput() const {
    QByteArray out;
    for (const auto& [key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + value;
    }
    return out;
}

std::optional<RequestParams> paramsFromQuery(const QByteArray& rawQuery, bool plusIsSpace) {
    RequestParams params;
    for (const QByteArray& part : rawQuery.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const auto key = percentDecode(eq < 0 ? part : part.left(eq), plusIsSpace);
        const auto value = percentDecode(eq < 0 ? QByteArray() : part.mid(eq + 1), plusIsSpace);
        if (!key || !value)
            return std::nullopt;
        params.items.append({*key, *value});
    }
    return params;
}

std::optional<RequestParams> paramsFromJsonBody(const QByteArray& body) {
    net::JsonDocument doc;
    if (!doc.parse(body) || !doc.root().isObject())
        return std::nullopt;
    RequestParams params;
    for (const net::JsonMember& m : doc.root().members()) {
        const QByteArray key(m.key.data(), qsizetype(m.key.size()));
        if (m.value.isArray()) {
            for (const net::JsonValue element : m.value.elements()) {
                if (!isScalar(element))
                    return std::nullopt;
                params.items.append({key + "[]", textOf(element)});
            }
        } else if (isScalar(m.value)) {
            params.items.append({key, textOf(m.value)});
        } else {
            return std::nullopt;
        }
    }
    return params;
}

std::optional<JwtToken> decodeJwt(const QByteArray& token) {
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return std::nullopt;
    const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                         QByteArray::AbortOnBase64DecodingErrors;
    const auto header = QByteArray::fromBase64Encoding(parts[0], options);
    const auto payload = QByteArray::fromBase64Encoding(parts[1], options);
    const auto signature = QByteArray::fromBase64Encoding(parts[2], options);
    if (!header || !payload || !signature)
        return std::nullopt;

    net::JsonDocument headerDoc;
    net::JsonDocument payloadDoc;
    if (!headerDoc.parse(*header) || !headerDoc.root().isObject() || !payloadDoc.parse(*payload) ||
        !payloadDoc.root().isObject())
        return std::nullopt;

    JwtToken jwt;
    jwt.alg = textOf(headerDoc.root()["alg"]);
    jwt.signingInput = parts[0] + '.' + parts[1];
    jwt.signature = *signature;
    const net::JsonValue p = payloadDoc.root();
    if (p["access_key"].isString())
        jwt.accessKey = textOf(p["access_key"]);
    if (p["nonce"].isString() || p["nonce"].isNumber())
        jwt.nonce = textOf(p["nonce"]);
    if (p["query_hash"].isString()) {
        jwt.hasQueryHash = true;
        jwt.queryHash = textOf(p["query_hash"]);
    }
    if (p["query_hash_alg"].isString())
        jwt.queryHashAlg = textOf(p["query_hash_alg"]);
    if (const std::optional<qint64> ts = p["timestamp"].toInt64())
        jwt.timestampMs = *ts;
    return jwt;
}

bool verifyJwtSignature(const JwtToken& token, const QByteArray& secret) {
    QCryptographicHash::Algorithm alg;
    if (token.alg == "HS256")
        alg = QCryptographicHash::Sha256;
    else if (token.alg == "HS512")
        alg = QCryptographicHash::Sha512;
    else
        return false; // "none", RS256, ... are never accepted
    const QByteArray expected = QMessageAuthenticationCode::hash(token.signingInput, secret, alg);
    // Constant time is irrelevant in a fake, but compare all bytes anyway.
    if (expected.size() != token.signature.size())
        return false;
    char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= char(expected[i] ^ token.signature[i]);
    return diff == 0;
}

QByteArray sha512Hex(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha512).toHex();
}

} // namespace hoga::test::fake
