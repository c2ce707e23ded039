#include "ws_session.h"

#include "retry_policy.h"

#include <QNetworkRequest>
#include <QWebSocket>

#include <algorithm>

namespace hoga::net {

namespace {

QByteArray withoutWhitespace(QByteArrayView data) {
    QByteArray out;
    out.reserve(data.size());
    for (char c : data) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            out.append(c);
    }
    return out;
}

} // namespace

WsSession::WsSession(WsSessionOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_scheduler(m_options.scheduler ? *m_options.scheduler : QtScheduler::system())
    , m_random(m_options.random ? *m_options.random : Random::system()) {
    qRegisterMetaType<hoga::ConnectionState>();
    for (QByteArray& pong : m_options.keepAlive.pongMessages)
        pong = withoutWhitespace(pong);
}

WsSession::~WsSession() {
    m_wanted = false;
    if (m_waitingForToken && m_options.limiter)
        m_options.limiter->cancel(m_connectTicket);
    teardownSocket();
}

void WsSession::setState(ConnectionState s) {
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

void WsSession::open() {
    if (m_wanted)
        return;
    m_wanted = true;
    m_attempt = 0;
    startConnect();
}

void WsSession::close() {
    m_wanted = false;
    ++m_preparation; // a preparation still running connects nothing
    m_reconnect.cancel();
    if (m_waitingForToken && m_options.limiter)
        m_options.limiter->cancel(m_connectTicket);
    m_waitingForToken = false;
    teardownSocket(true); // sends a close frame when connected
    setState(ConnectionState::Disconnected);
}

void WsSession::startConnect() {
    if (!m_wanted)
        return;
    setState(m_everConnected || m_attempt > 0 ? ConnectionState::Reconnecting : ConnectionState::Connecting);
    if (m_options.limiter && !m_options.connectCosts.isEmpty()) {
        m_waitingForToken = true;
        m_connectTicket = m_options.limiter->acquire(m_options.connectCosts, Lane::Normal, this, [this] {
            m_waitingForToken = false;
            prepareAndConnect();
        });
        return;
    }
    prepareAndConnect();
}

void WsSession::prepareAndConnect() {
    if (!m_options.beforeConnect) {
        doConnect();
        return;
    }
    const quint64 ticket = ++m_preparation;
    QPointer<WsSession> self(this);
    m_options.beforeConnect([self, ticket](std::optional<QString> failure) {
        if (!self || ticket != self->m_preparation || !self->m_wanted)
            return;
        if (failure)
            self->retryLater(*failure);
        else
            self->doConnect();
    });
}

void WsSession::retryLater(const QString& reason) {
    ++m_attempt;
    const qint64 delay =
        fullJitterBackoffMs(m_attempt, m_options.reconnectBaseMs, m_options.reconnectMaxMs, m_random);
    setState(ConnectionState::Reconnecting);
    emit disconnected(reason);
    m_reconnect = m_scheduler.callAfter(delay, this, [this] { startConnect(); });
}

void WsSession::doConnect() {
    if (!m_wanted)
        return;
    teardownSocket();
    // An empty origin: QWebSocket then sends no Origin header.
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket* socket = m_socket;
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket == m_socket)
            onSocketConnected();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            drop(socket->closeReason().isEmpty()
                     ? tr("The server closed the connection.")
                     : tr("The server closed the connection: %1").arg(socket->closeReason()));
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError) {
                if (socket == m_socket)
                    drop(tr("Connection error: %1").arg(socket->errorString()));
            });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& text) {
        if (socket == m_socket)
            onFrame(text.toUtf8());
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray& data) {
        if (socket == m_socket)
            onFrame(data);
    });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray&) {
        if (socket == m_socket) {
            m_lastFrameMs = m_scheduler.nowMs();
            m_attempt = 0;
        }
    });

    QNetworkRequest request(m_options.url);
    if (m_options.prepareRequest)
        m_options.prepareRequest(request);
    request.setRawHeader("Origin", QByteArray()); // never set one, even if prepareRequest did
    m_connectTimeout = m_scheduler.callAfter(m_options.connectTimeoutMs, this, [this] {
        drop(tr("The connection was not established within %n second(s).", nullptr,
                int((m_options.connectTimeoutMs + 999) / 1000)));
    });
    socket->open(request);
}

void WsSession::onSocketConnected() {
    m_connectTimeout.cancel();
    m_everConnected = true;
    const qint64 now = m_scheduler.nowMs();
    m_lastFrameMs = now;
    m_lastPingMs = now;
    for (Stream& s : m_streams) {
        s.lastMs = now;
        s.reported = false;
    }
    setState(ConnectionState::Connected);
    for (const QByteArray& message : std::as_const(m_subscriptions))
        m_socket->sendTextMessage(QString::fromUtf8(message));
    scheduleTick();
    if (m_options.maxConnectionAgeMs > 0)
        m_renew = m_scheduler.callAfter(m_options.maxConnectionAgeMs, this, [this] { renew(); });
    emit connected();
}

bool WsSession::isPong(const QByteArray& data) const {
    if (data.size() > 64 || m_options.keepAlive.pongMessages.isEmpty())
        return false;
    const QByteArray compact = withoutWhitespace(data);
    return m_options.keepAlive.pongMessages.contains(compact);
}

void WsSession::onFrame(const QByteArray& data) {
    m_lastFrameMs = m_scheduler.nowMs();
    m_attempt = 0; // the link works: the next drop starts the backoff afresh
    if (isPong(data))
        return;
    // The venue's own ping (KIS echoes "PINGPONG"): answered here, never passed on.
    if (m_options.keepAlive.answerServerPing) {
        if (const std::optional<QByteArray> reply = m_options.keepAlive.answerServerPing(data)) {
            if (m_socket)
                m_socket->sendTextMessage(QString::fromUtf8(*reply));
            return;
        }
    }
    emit messageReceived(data);
}

void WsSession::drop(const QString& reason) {
    if (!m_socket)
        return;
    teardownSocket();
    if (!m_wanted) {
        setState(ConnectionState::Disconnected);
        emit disconnected(reason);
        return;
    }
    ++m_attempt;
    const qint64 delay =
        fullJitterBackoffMs(m_attempt, m_options.reconnectBaseMs, m_options.reconnectMaxMs, m_random);
    setState(ConnectionState::Reconnecting);
    emit disconnected(reason);
    m_reconnect = m_scheduler.callAfter(delay, this, [this] { startConnect(); });
}

// The connection reached its maximum age: close it and connect again at once, before the venue cuts it.
// The subscriptions are sent again and connected() tells the owner to refetch its snapshots.
void WsSession::renew() {
    if (!m_socket || !m_wanted)
        return;
    teardownSocket(true);
    m_attempt = 0;
    startConnect();
}

void WsSession::teardownSocket(bool graceful) {
    m_connectTimeout.cancel();
    m_tick.cancel();
    m_renew.cancel();
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    // A close frame only when we end a working connection; after errors the link is gone or suspect.
    if (graceful && socket->state() == QAbstractSocket::ConnectedState)
        socket->close();
    else if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    socket->deleteLater();
}

qint64 WsSession::tickIntervalMs() const {
    // Whichever is due first: a ping, a silence check, or a stream's staleness check (0 = not used).
    const KeepAlive& k = m_options.keepAlive;
    qint64 interval = 60'000;
    if (k.pingIntervalMs > 0)
        interval = std::min(interval, k.pingIntervalMs);
    if (k.silenceTimeoutMs > 0)
        interval = std::min(interval, k.silenceTimeoutMs / 2);
    for (const Stream& s : m_streams)
        interval = std::min(interval, s.staleAfterMs / 2);
    return std::max<qint64>(interval, 10);
}

void WsSession::scheduleTick() {
    m_tick = m_scheduler.callAfter(tickIntervalMs(), this, [this] { onTick(); });
}

void WsSession::onTick() {
    if (!m_socket || m_state != ConnectionState::Connected)
        return;
    const qint64 now = m_scheduler.nowMs();
    const KeepAlive& k = m_options.keepAlive;
    if (k.silenceTimeoutMs > 0 && now - m_lastFrameMs >= k.silenceTimeoutMs) {
        drop(tr("No data for %n second(s); reconnecting.", nullptr, int((now - m_lastFrameMs) / 1000)));
        return;
    }
    if (k.pingIntervalMs > 0 && now - m_lastPingMs >= k.pingIntervalMs) {
        m_lastPingMs = now;
        if (k.pingText.isEmpty())
            m_socket->ping();
        else
            m_socket->sendTextMessage(QString::fromUtf8(k.pingText));
    }
    QStringList stale;
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        Stream& s = it.value();
        if (!s.reported && now - s.lastMs >= s.staleAfterMs) {
            s.reported = true;
            stale.append(it.key());
        }
    }
    scheduleTick();
    for (const QString& key : std::as_const(stale))
        emit streamStale(key, now - m_streams.value(key).lastMs);
}

void WsSession::setSubscriptions(const QList<QByteArray>& messages) {
    m_subscriptions = messages;
    if (m_socket && m_state == ConnectionState::Connected) {
        for (const QByteArray& message : std::as_const(m_subscriptions))
            m_socket->sendTextMessage(QString::fromUtf8(message));
    }
}

bool WsSession::sendText(const QByteArray& message) {
    if (!m_socket || m_state != ConnectionState::Connected)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(message));
    return true;
}

void WsSession::watchStream(const QString& key, qint64 staleAfterMs) {
    Stream& s = m_streams[key];
    s.staleAfterMs = std::max<qint64>(staleAfterMs, 1);
    s.lastMs = m_scheduler.nowMs();
    s.reported = false;
    if (m_state == ConnectionState::Connected)
        scheduleTick(); // the tick may need to run more often now
}

void WsSession::unwatchStream(const QString& key) {
    m_streams.remove(key);
}

void WsSession::noteStreamMessage(const QString& key) {
    const auto it = m_streams.find(key);
    if (it == m_streams.end())
        return;
    it->lastMs = m_scheduler.nowMs();
    it->reported = false;
}

qint64 WsSession::lastStreamMessageMs(const QString& key) const {
    return m_streams.value(key).lastMs;
}

} // namespace hoga::net
