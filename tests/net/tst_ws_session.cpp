#include "venues/net/ws_session.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace hoga;
using namespace hoga::net;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;

// A WebSocket server on 127.0.0.1 that records what clients send and can drop them.
class WsTestServer : public QObject {
public:
    struct Message {
        int connection; // 1-based
        QByteArray data;
    };

    WsTestServer() {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this); // QWebSocketServer does not own the sockets it hands out
                const int index = int(sockets.size()) + 1;
                sockets.append(socket);
                origins.append(socket->origin());
                authorizations.append(socket->request().rawHeader("Authorization"));
                connect(socket, &QWebSocket::textMessageReceived, this,
                        [this, socket, index](const QString& text) {
                            messages.append({index, text.toUtf8()});
                            if (answerPings && text == QLatin1String("PING"))
                                socket->sendTextMessage(QStringLiteral(R"({"status":"UP"})"));
                        });
            }
        });
    }
    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void stop() {
        m_server.close();
        dropAll();
    }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/websocket/v1").arg(port())); }
    QWebSocket* last() const { return sockets.isEmpty() ? nullptr : sockets.last().data(); }
    void dropAll() {
        for (const auto& s : std::as_const(sockets)) {
            if (s && s->state() != QAbstractSocket::UnconnectedState)
                s->abort();
        }
    }
    QList<QByteArray> messagesOn(int connection) const {
        QList<QByteArray> out;
        for (const auto& m : messages) {
            if (m.connection == connection)
                out.append(m.data);
        }
        return out;
    }

    QList<QPointer<QWebSocket>> sockets;
    QList<Message> messages;
    QList<QString> origins;
    QList<QByteArray> authorizations;
    bool answerPings = true;

private:
    QWebSocketServer m_server{QStringLiteral("hoga-test"), QWebSocketServer::NonSecureMode};
};

} // namespace

class TestWsSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<hoga::ConnectionState>(); }
    void init();
    void cleanup();

    void connectsSubscribesAndForwardsMessages();
    void reconnectsAndResubscribesAfterDrop();
    void serverCloseReasonIsReported();
    void backoffGrowsWhileTheServerIsDown();
    void keepAliveTextPingAndPong();
    void silenceTriggersReconnect();
    void keepAlivePingFrames();
    void serverPingsAreAnsweredNotPassedOn();
    void staleStreamsAreReported();
    void closeStopsReconnecting();
    void handshakeTimeoutReconnects();
    void connectsTakeRateLimitTokens();
    void realTimersEndToEnd();

private:
    std::unique_ptr<WsTestServer> m_server;
    std::unique_ptr<ManualScheduler> m_scheduler;
    std::unique_ptr<Random> m_random;
    int m_tokens = 0;

    WsSessionOptions options(const QUrl& url) {
        WsSessionOptions o;
        o.url = url;
        o.scheduler = m_scheduler.get();
        o.random = m_random.get();
        // Upbit-like keep-alive: a text PING answered by {"status":"UP"} (what the test server does).
        o.keepAlive.pingIntervalMs = 1'000;
        o.keepAlive.pingText = "PING";
        o.keepAlive.pongMessages = {QByteArrayLiteral(R"({"status":"UP"})")};
        o.keepAlive.silenceTimeoutMs = 3'500;
        o.connectTimeoutMs = 5'000;
        o.reconnectBaseMs = 500;
        o.reconnectMaxMs = 8'000;
        o.prepareRequest = [this](QNetworkRequest& r) {
            r.setRawHeader("Authorization", "Bearer token-" + QByteArray::number(++m_tokens));
            r.setRawHeader("Origin", "https://example.invalid"); // must be dropped
        };
        return o;
    }
    bool callDueWithin(qint64 ms) const {
        const qint64 next = m_scheduler->nextDueMs();
        return next >= 0 && next <= m_scheduler->nowMs() + ms;
    }
};

void TestWsSession::init() {
    m_server = std::make_unique<WsTestServer>();
    QVERIFY(m_server->listen());
    m_scheduler = std::make_unique<ManualScheduler>(kStart);
    m_random = std::make_unique<Random>(3);
    m_tokens = 0;
}

void TestWsSession::cleanup() {
    m_server.reset();
}

void TestWsSession::connectsSubscribesAndForwardsMessages() {
    WsSession session(options(m_server->url()));
    QSignalSpy states(&session, &WsSession::stateChanged);
    QSignalSpy connectedSpy(&session, &WsSession::connected);
    QSignalSpy messages(&session, &WsSession::messageReceived);
    session.setSubscriptions({R"([{"ticket":"a"},{"type":"ticker","codes":["KRW-BTC"]}])", "second"});
    QCOMPARE(session.state(), ConnectionState::Disconnected);
    session.open();
    QCOMPARE(session.state(), ConnectionState::Connecting);
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->messages.size(), 2, 5000);
    QCOMPARE(m_server->messagesOn(1),
             QList<QByteArray>({R"([{"ticket":"a"},{"type":"ticker","codes":["KRW-BTC"]}])", "second"}));
    QCOMPARE(connectedSpy.size(), 1);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states[0][0].value<ConnectionState>(), ConnectionState::Connecting);
    QCOMPARE(states[1][0].value<ConnectionState>(), ConnectionState::Connected);
    QVERIFY(m_server->origins[0].isEmpty());
    QCOMPARE(m_server->authorizations[0], QByteArray("Bearer token-1"));

    // Text and binary frames are passed on as bytes; the keep-alive answer is not.
    m_server->last()->sendTextMessage(QStringLiteral(R"({"type":"ticker","trade_price":9.101e-05})"));
    m_server->last()->sendTextMessage(QStringLiteral("{ \"status\" : \"UP\" }"));
    m_server->last()->sendBinaryMessage(QByteArray(R"({"type":"orderbook"})"));
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 5000);
    QCOMPARE(messages[0][0].toByteArray(), QByteArray(R"({"type":"ticker","trade_price":9.101e-05})"));
    QCOMPARE(messages[1][0].toByteArray(), QByteArray(R"({"type":"orderbook"})"));

    QVERIFY(session.sendText("hello"));
    session.setSubscriptions({"replaced"});
    QTRY_COMPARE_WITH_TIMEOUT(m_server->messages.size(), 4, 5000);
    QCOMPARE(m_server->messages[2].data, QByteArray("hello"));
    QCOMPARE(m_server->messages[3].data, QByteArray("replaced"));
}

void TestWsSession::reconnectsAndResubscribesAfterDrop() {
    WsSession session(options(m_server->url()));
    QSignalSpy connectedSpy(&session, &WsSession::connected);
    QSignalSpy disconnectedSpy(&session, &WsSession::disconnected);
    session.setSubscriptions({"sub-1", "sub-2"});
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->messagesOn(1).size(), 2, 5000);

    for (int round = 2; round <= 4; ++round) {
        m_server->dropAll();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConnectionState::Reconnecting, 5000);
        QCOMPARE(disconnectedSpy.size(), round - 1);
        QVERIFY(!disconnectedSpy.last()[0].toString().isEmpty());
        QVERIFY(!session.sendText("nobody listens"));
        // First reconnect after a good connection: full jitter within the base delay.
        QVERIFY(callDueWithin(500));
        m_scheduler->advanceMs(500);
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->messagesOn(round), QList<QByteArray>({"sub-1", "sub-2"}), 5000);
        QCOMPARE(connectedSpy.size(), round);
        // Each connect built its request afresh (a new token for private streams).
        QCOMPARE(m_server->authorizations.last(), "Bearer token-" + QByteArray::number(round));
        QVERIFY(m_server->origins.last().isEmpty());
        m_server->last()->sendTextMessage(QStringLiteral("data")); // resets the backoff
        QTRY_COMPARE_WITH_TIMEOUT(session.reconnectAttempt(), 0, 5000);
    }
    QCOMPARE(m_server->sockets.size(), 4);
}

void TestWsSession::serverCloseReasonIsReported() {
    WsSession session(options(m_server->url()));
    QSignalSpy disconnectedSpy(&session, &WsSession::disconnected);
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->last() != nullptr, 5000);
    m_server->last()->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("maintenance"));
    QTRY_COMPARE_WITH_TIMEOUT(disconnectedSpy.size(), 1, 5000);
    QVERIFY2(disconnectedSpy[0][0].toString().contains(QLatin1String("maintenance")),
             qPrintable(disconnectedSpy[0][0].toString()));
    QCOMPARE(session.state(), ConnectionState::Reconnecting);
}

void TestWsSession::backoffGrowsWhileTheServerIsDown() {
    // A port nobody listens on: every attempt is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = probe.serverPort();
    probe.close();
    WsSession session(options(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(deadPort))));
    QSignalSpy states(&session, &WsSession::stateChanged);
    session.open();
    for (int attempt = 1; attempt <= 6; ++attempt) {
        QTRY_COMPARE_WITH_TIMEOUT(session.reconnectAttempt(), attempt, 5000);
        QCOMPARE(session.state(), ConnectionState::Reconnecting);
        const qint64 cap = std::min<qint64>(8'000, qint64(500) << (attempt - 1));
        const qint64 delay = m_scheduler->nextDueMs() - m_scheduler->nowMs();
        QVERIFY2(delay >= 0 && delay <= cap,
                 qPrintable(QStringLiteral("attempt %1: %2 > %3").arg(attempt).arg(delay).arg(cap)));
        m_scheduler->advanceMs(delay);
    }
    // Connecting (first attempt) then only Reconnecting: never a false "Connected".
    QCOMPARE(states[0][0].value<ConnectionState>(), ConnectionState::Connecting);
    for (int i = 1; i < states.size(); ++i)
        QCOMPARE(states[i][0].value<ConnectionState>(), ConnectionState::Reconnecting);
}

void TestWsSession::keepAliveTextPingAndPong() {
    WsSession session(options(m_server->url()));
    QSignalSpy messages(&session, &WsSession::messageReceived);
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    for (int i = 1; i <= 6; ++i) {
        m_scheduler->advanceMs(1'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->messagesOn(1).size(), i, 5000);
        QCOMPARE(m_server->messagesOn(1).last(), QByteArray("PING"));
        // The server's {"status":"UP"} counts as life.
        QTRY_COMPARE_WITH_TIMEOUT(session.lastFrameMs(), m_scheduler->nowMs(), 5000);
    }
    QVERIFY(session.isConnected());
    QCOMPARE(m_server->sockets.size(), 1);
    QCOMPARE(messages.size(), 0);
}

void TestWsSession::silenceTriggersReconnect() {
    m_server->answerPings = false;
    WsSession session(options(m_server->url()));
    session.setSubscriptions({"sub"});
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    for (int i = 0; i < 3; ++i) {
        m_scheduler->advanceMs(1'000);
        QCoreApplication::processEvents();
        QVERIFY(session.isConnected());
    }
    m_scheduler->advanceMs(1'000); // 4 s without a frame > 3.5 s
    QCOMPARE(session.state(), ConnectionState::Reconnecting);
    m_scheduler->advanceMs(500);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->sockets.size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->messagesOn(2), QList<QByteArray>({"sub"}), 5000);
}

void TestWsSession::keepAlivePingFrames() {
    WsSessionOptions o = options(m_server->url());
    o.keepAlive.pingText.clear();
    WsSession session(o);
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    const qint64 connectedAt = session.lastFrameMs();
    m_scheduler->advanceMs(1'000);
    // The server's automatic pong to our ping frame refreshes the link's liveness.
    QTRY_COMPARE_WITH_TIMEOUT(session.lastFrameMs(), connectedAt + 1'000, 5000);
    QVERIFY(m_server->messages.isEmpty()); // no text PING was sent
}

// KIS sends its own ping ("PINGPONG" in a JSON header) and expects it back; it is no message for the
// connector.
void TestWsSession::serverPingsAreAnsweredNotPassedOn() {
    WsSessionOptions o = options(m_server->url());
    o.keepAlive = {};
    o.keepAlive.answerServerPing = [](const QByteArray& frame) -> std::optional<QByteArray> {
        if (frame.contains("PINGPONG"))
            return frame;
        return std::nullopt;
    };
    WsSession session(o);
    QSignalSpy received(&session, &WsSession::messageReceived);
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    const QByteArray ping = R"({"header":{"tr_id":"PINGPONG","datetime":"20250101090000"}})";
    m_server->last()->sendTextMessage(QString::fromUtf8(ping));
    m_server->last()->sendTextMessage(QStringLiteral("data"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
    QCOMPARE(received.first().first().toByteArray(), QByteArray("data"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->messagesOn(1), QList<QByteArray>({ping}), 5000);
}

void TestWsSession::staleStreamsAreReported() {
    WsSessionOptions o = options(m_server->url());
    o.keepAlive.pingIntervalMs = 1'000'000;
    o.keepAlive.silenceTimeoutMs = 1'000'000;
    WsSession session(o);
    QSignalSpy stale(&session, &WsSession::streamStale);
    session.watchStream(QStringLiteral("orderbook:KRW-BTC"), 3'000);
    session.watchStream(QStringLiteral("trade:KRW-BTC"), 10'000);
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    m_scheduler->advanceMs(1'000);
    session.noteStreamMessage(QStringLiteral("orderbook:KRW-BTC"));
    QCOMPARE(session.lastStreamMessageMs(QStringLiteral("orderbook:KRW-BTC")), kStart + 1'000);
    m_scheduler->advanceMs(2'999); // ticks every 1.5 s: the book has been quiet 2.999 s
    QCOMPARE(stale.size(), 0);
    m_scheduler->advanceMs(1'500);
    QCOMPARE(stale.size(), 1);
    QCOMPARE(stale[0][0].toString(), QStringLiteral("orderbook:KRW-BTC"));
    QVERIFY(stale[0][1].toLongLong() >= 3'000);
    m_scheduler->advanceMs(4'000); // reported once per quiet spell
    QCOMPARE(stale.size(), 1);
    m_scheduler->advanceMs(1'600); // the trade stream passes 10 s
    QCOMPARE(stale.size(), 2);
    QCOMPARE(stale[1][0].toString(), QStringLiteral("trade:KRW-BTC"));
    session.noteStreamMessage(QStringLiteral("orderbook:KRW-BTC"));
    m_scheduler->advanceMs(4'500);
    QCOMPARE(stale.size(), 3);
    session.unwatchStream(QStringLiteral("orderbook:KRW-BTC"));
    session.unwatchStream(QStringLiteral("trade:KRW-BTC"));
    m_scheduler->advanceMs(30'000);
    QCOMPARE(stale.size(), 3);
    session.noteStreamMessage(QStringLiteral("unknown")); // ignored
    QCOMPARE(session.lastStreamMessageMs(QStringLiteral("unknown")), 0);
}

void TestWsSession::closeStopsReconnecting() {
    WsSession session(options(m_server->url()));
    QSignalSpy states(&session, &WsSession::stateChanged);
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->last() != nullptr, 5000);
    QPointer<QWebSocket> serverSide = m_server->last();
    session.close();
    QCOMPARE(session.state(), ConnectionState::Disconnected);
    QCOMPARE(states.last()[0].value<ConnectionState>(), ConnectionState::Disconnected);
    QTRY_VERIFY_WITH_TIMEOUT(!serverSide || serverSide->state() != QAbstractSocket::ConnectedState, 5000);
    m_scheduler->advanceMs(60'000);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->sockets.size(), 1);
    QCOMPARE(m_scheduler->pendingCount(), 0);
    // It can be opened again.
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    QCOMPARE(m_server->sockets.size(), 2);
}

void TestWsSession::handshakeTimeoutReconnects() {
    // Accepts TCP but never answers the WebSocket handshake.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    int accepted = 0;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (silent.nextPendingConnection())
            ++accepted;
    });
    WsSession session(options(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(silent.serverPort()))));
    QSignalSpy disconnectedSpy(&session, &WsSession::disconnected);
    session.open();
    QTRY_COMPARE_WITH_TIMEOUT(accepted, 1, 5000);
    QCOMPARE(session.state(), ConnectionState::Connecting);
    m_scheduler->advanceMs(4'999);
    QCOMPARE(session.state(), ConnectionState::Connecting);
    m_scheduler->advanceMs(1);
    QCOMPARE(session.state(), ConnectionState::Reconnecting);
    QCOMPARE(disconnectedSpy.size(), 1);
    m_scheduler->advanceMs(500);
    QTRY_COMPARE_WITH_TIMEOUT(accepted, 2, 5000);
}

void TestWsSession::connectsTakeRateLimitTokens() {
    RateLimitConfig c;
    c.venue = QStringLiteral("ws-test");
    c.groups = {{QStringLiteral("connect"), 1, 1000, 0}};
    auto limiter = std::make_shared<RateLimiter>(c, *m_scheduler, *m_random);
    WsSessionOptions o = options(m_server->url());
    o.limiter = limiter;
    o.connectCosts = {{QStringLiteral("connect"), 1}};
    WsSession first(o);
    WsSession second(o);
    first.open();
    second.open();
    QTRY_VERIFY_WITH_TIMEOUT(first.isConnected(), 5000);
    QCoreApplication::processEvents();
    QCOMPARE(second.state(), ConnectionState::Connecting);
    QCOMPARE(m_server->sockets.size(), 1);
    m_scheduler->advanceMs(1'000);
    QTRY_VERIFY_WITH_TIMEOUT(second.isConnected(), 5000);
    QCOMPARE(m_server->sockets.size(), 2);
}

void TestWsSession::realTimersEndToEnd() {
    // The production scheduler with short intervals: ping, pong, drop, reconnect, resubscribe.
    WsSessionOptions o;
    o.url = m_server->url();
    o.random = m_random.get();
    o.keepAlive.pingIntervalMs = 20;
    o.keepAlive.pingText = "PING";
    o.keepAlive.pongMessages = {QByteArrayLiteral(R"({"status":"UP"})")};
    o.keepAlive.silenceTimeoutMs = 5'000;
    o.reconnectBaseMs = 10;
    o.reconnectMaxMs = 10;
    WsSession session(o);
    session.setSubscriptions({"sub"});
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->messagesOn(1).contains("PING"), 5000);
    QCOMPARE(m_server->messagesOn(1).first(), QByteArray("sub"));
    m_server->dropAll();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->sockets.size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->messagesOn(2).contains("sub"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 5000);
    session.close();
}

QTEST_GUILESS_MAIN(TestWsSession)
#include "tst_ws_session.moc"
