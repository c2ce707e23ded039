#pragma once

#include "rate_limiter.h"
#include "scheduler.h"
#include "venues/connector.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkRequest;
class QWebSocket;

namespace hoga::net {

// How a venue keeps a WebSocket alive and notices a dead one.
struct KeepAlive {
    // Every pingIntervalMs send `pingText` as a text frame, or a WebSocket ping frame when it is empty;
    // 0 = never ping (the venue pings us, or needs nothing).
    qint64 pingIntervalMs = 0;
    QByteArray pingText;
    // Frames that answer our ping (compared without whitespace). They prove the link is alive and are not
    // passed on as messages.
    QList<QByteArray> pongMessages;
    // A frame the venue sends as its own ping, and what to answer (KIS "PINGPONG" is echoed back): return
    // the reply for such a frame (it is then not passed on as a message), nullopt for any other frame.
    std::function<std::optional<QByteArray>(const QByteArray& frame)> answerServerPing;
    // No frame at all (data, pong or ping) for this long: the link is presumed dead and re-opened.
    // 0 = no silence detection.
    qint64 silenceTimeoutMs = 0;
};

struct WsSessionOptions {
    QUrl url;
    // Called before every connect: add headers here (e.g. "Authorization: Bearer <fresh JWT>"). No Origin
    // header is ever sent (Upbit throttles requests that carry one).
    std::function<void(QNetworkRequest&)> prepareRequest;
    // Optional, asynchronous, before every connect (KIS: obtain the approval key the subscribe frames carry):
    // call `proceed` with nullopt to connect, or with a (translated) reason to count a failed attempt and
    // retry after the usual backoff.
    std::function<void(std::function<void(std::optional<QString> failure)> proceed)> beforeConnect;

    // Keep-alive, set per venue by its protocol bundle (the defaults do nothing venue-specific).
    KeepAlive keepAlive;
    qint64 connectTimeoutMs = 10'000; // handshake must complete within this
    // Reconnect delays: full jitter, growing from reconnectBaseMs to reconnectMaxMs.
    qint64 reconnectBaseMs = 500;
    qint64 reconnectMaxMs = 30'000;
    // A connection this old is replaced by a fresh one at once (venues that cut connections after a fixed
    // time: Binance after 24 h). 0 = no limit.
    qint64 maxConnectionAgeMs = 0;

    // Optional: connects spend `connectCosts` of the limiter (venues limit connects per second).
    std::shared_ptr<RateLimiter> limiter;
    RateCosts connectCosts;

    Scheduler* scheduler = nullptr; // null = QtScheduler::system()
    Random* random = nullptr;       // null = Random::system()
};

// One WebSocket connection that stays up: it reconnects with exponential backoff and jitter after any drop,
// re-sends the current subscription messages after every (re)connect, keeps the link alive with pings,
// treats silence as a dead link, and tells the connector when an individual stream goes quiet.
//
// Lives in the connector's thread; not thread-safe. Messages arrive as raw bytes (text frames in UTF-8,
// binary frames as sent: Upbit sends JSON in binary frames), ready for JsonDocument::parse.
class WsSession : public QObject {
    Q_OBJECT
public:
    explicit WsSession(WsSessionOptions options, QObject* parent = nullptr);
    ~WsSession() override;

    // Starts connecting; from now on the session reconnects by itself until close().
    void open();
    // Closes the connection and stops reconnecting.
    void close();
    ConnectionState state() const { return m_state; }
    bool isConnected() const { return m_state == ConnectionState::Connected; }

    // The messages (e.g. one subscription request) sent, in order, after every (re)connect. Replaces the
    // previous set; when connected, the new set is sent at once.
    void setSubscriptions(const QList<QByteArray>& messages);
    const QList<QByteArray>& subscriptions() const { return m_subscriptions; }
    // Sends one text frame on the current connection; false when not connected.
    bool sendText(const QByteArray& message);

    // Stale-stream detection. The connector names its streams ("orderbook:KRW-BTC"), reports each message
    // of a stream, and gets streamStale() once when a watched stream has been quiet for staleAfterMs while
    // connected. A reconnect restarts every stream's clock.
    void watchStream(const QString& key, qint64 staleAfterMs);
    void unwatchStream(const QString& key);
    void noteStreamMessage(const QString& key);
    qint64 lastStreamMessageMs(const QString& key) const; // 0 if unknown

    qint64 lastFrameMs() const { return m_lastFrameMs; } // last frame of any kind on this connection
    int reconnectAttempt() const { return m_attempt; }   // failed attempts since the last good connection
    const WsSessionOptions& options() const { return m_options; }

signals:
    void stateChanged(hoga::ConnectionState state);
    // After every successful (re)connect, once the subscriptions were sent: refetch REST snapshots here.
    void connected();
    // The connection was lost or could not be made; `reason` is translated, for logs and the status bar.
    void disconnected(const QString& reason);
    void messageReceived(const QByteArray& message);
    void streamStale(const QString& key, qint64 silentForMs);

private:
    struct Stream {
        qint64 staleAfterMs = 0;
        qint64 lastMs = 0;
        bool reported = false;
    };

    void setState(ConnectionState s);
    void startConnect();
    void prepareAndConnect();
    void doConnect();
    void retryLater(const QString& reason);
    void onSocketConnected();
    void onFrame(const QByteArray& data);
    void drop(const QString& reason);
    void teardownSocket(bool graceful = false);
    void scheduleTick();
    void onTick();
    void renew();
    qint64 tickIntervalMs() const;
    bool isPong(const QByteArray& data) const;

    WsSessionOptions m_options;
    Scheduler& m_scheduler;
    Random& m_random;
    QWebSocket* m_socket = nullptr;
    ConnectionState m_state = ConnectionState::Disconnected;
    bool m_wanted = false;
    int m_attempt = 0;
    bool m_everConnected = false;
    quint64 m_connectTicket = 0;
    bool m_waitingForToken = false;
    quint64 m_preparation = 0; // numbers beforeConnect calls; a late answer of an older one is dropped
    ScheduledCall m_connectTimeout;
    ScheduledCall m_reconnect;
    ScheduledCall m_tick;
    ScheduledCall m_renew; // maxConnectionAgeMs after the connect
    qint64 m_lastFrameMs = 0;
    qint64 m_lastPingMs = 0;
    QList<QByteArray> m_subscriptions;
    QHash<QString, Stream> m_streams;
};

} // namespace hoga::net
