#pragma once

#include "core/clock.h"
#include "venues/net/authenticator.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QNetworkAccessManager;

namespace hoga::binance {

// Lower-case hex HMAC-SHA256 of `payload` with `secret` (Binance's HMAC key signature).
QByteArray hmacSha256Hex(const QByteArray& secret, const QByteArray& payload);

// Binance HMAC keys: every signed request gets `recvWindow`, a `timestamp` on the server's clock (our clock
// plus an offset learned from GET /api/v3/time) and `signature`, the hex HMAC over exactly the query string
// sent (all parameters travel in the query, so the body is empty), plus the X-MBX-APIKEY header.
//
// The offset is learned before the first signed request and again after the venue rejected a timestamp
// (-1021). That one call to /api/v3/time (weight 1) goes straight to the venue, outside the rate limiter.
class HmacAuthenticator final : public net::Authenticator {
public:
    HmacAuthenticator(QString apiKey, QByteArray secret, const Clock& clock, int recvWindowMs = 5000);
    ~HmacAuthenticator() override;

    void authorize(net::HttpRequest request, Done done) override;

    // Appends recvWindow, timestamp and signature to the query and sets X-MBX-APIKEY.
    void sign(net::HttpRequest& request) const;
    // WebSocket API signature: `params` sorted by name as k=v&... (signature excluded), hex HMAC.
    QByteArray signParams(std::vector<std::pair<QString, QString>> params) const;

    const QString& apiKey() const { return m_apiKey; }
    qint64 serverNowMs() const { return m_clock.nowMs() + m_offsetMs; }
    qint64 offsetMs() const { return m_offsetMs; }
    int recvWindowMs() const { return m_recvWindowMs; }
    // The venue rejected a timestamp: learn the offset again before the next signed request.
    void markClockStale() { m_synced = false; }
    // Learns the offset from a serverTime read between `sentMs` and `receivedMs` (our clock).
    void learnServerTime(qint64 serverTimeMs, qint64 sentMs, qint64 receivedMs);
    bool isSynced() const { return m_synced; }

private:
    void syncThen(const QUrl& base);
    void flush();

    QString m_apiKey;
    QByteArray m_secret;
    const Clock& m_clock;
    int m_recvWindowMs;
    qint64 m_offsetMs = 0;
    bool m_synced = false;
    bool m_syncing = false;
    std::vector<std::pair<net::HttpRequest, Done>> m_waiting;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace hoga::binance
