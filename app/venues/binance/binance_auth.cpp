#include "binance_auth.h"

#include "venues/net/http_client.h"
#include "venues/net/json_value.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace hoga::binance {

QByteArray hmacSha256Hex(const QByteArray& secret, const QByteArray& payload) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
         reinterpret_cast<const unsigned char*>(payload.constData()), size_t(payload.size()), digest,
         &length);
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

HmacAuthenticator::HmacAuthenticator(QString apiKey, QByteArray secret, const Clock& clock, int recvWindowMs)
    : m_apiKey(std::move(apiKey))
    , m_secret(std::move(secret))
    , m_clock(clock)
    , m_recvWindowMs(recvWindowMs) {}

HmacAuthenticator::~HmacAuthenticator() = default;

void HmacAuthenticator::sign(net::HttpRequest& request) const {
    request.query.append({QStringLiteral("recvWindow"), QString::number(m_recvWindowMs)});
    request.query.append({QStringLiteral("timestamp"), QString::number(serverNowMs())});
    // The signature covers the query exactly as it goes on the wire (percent-encoded).
    const QByteArray signature = hmacSha256Hex(m_secret, request.encodedQuery());
    request.query.append({QStringLiteral("signature"), QString::fromLatin1(signature)});
    request.setHeader("X-MBX-APIKEY", m_apiKey.toUtf8());
}

QByteArray HmacAuthenticator::signParams(std::vector<std::pair<QString, QString>> params) const {
    std::sort(params.begin(), params.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray payload;
    for (const auto& [key, value] : params) {
        if (!payload.isEmpty())
            payload += '&';
        payload += key.toUtf8() + '=' + value.toUtf8();
    }
    return hmacSha256Hex(m_secret, payload);
}

void HmacAuthenticator::learnServerTime(qint64 serverTimeMs, qint64 sentMs, qint64 receivedMs) {
    m_offsetMs = serverTimeMs - (sentMs + receivedMs) / 2;
    m_synced = true;
}

void HmacAuthenticator::authorize(net::HttpRequest request, Done done) {
    if (m_synced) {
        sign(request);
        done(std::move(request), std::nullopt);
        return;
    }
    QUrl base = request.url;
    m_waiting.emplace_back(std::move(request), std::move(done));
    if (!m_syncing)
        syncThen(base);
}

void HmacAuthenticator::syncThen(const QUrl& base) {
    m_syncing = true;
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v3/time"));
    url.setQuery(QString());
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    const qint64 sentMs = m_clock.nowMs();
    QNetworkReply* reply = m_network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, sentMs] {
        reply->deleteLater();
        net::JsonDocument doc;
        if (reply->error() == QNetworkReply::NoError && doc.parse(reply->readAll())) {
            if (const auto serverTime = doc.root()["serverTime"].toInt64())
                learnServerTime(*serverTime, sentMs, m_clock.nowMs());
        }
        // Unreachable or unreadable: sign with the offset we have; the request itself will tell.
        m_syncing = false;
        flush();
    });
}

void HmacAuthenticator::flush() {
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto& [request, done] : waiting) {
        sign(request);
        done(std::move(request), std::nullopt);
    }
}

} // namespace hoga::binance
