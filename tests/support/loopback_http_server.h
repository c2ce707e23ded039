#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace hoga::test {

// One request as it arrived on the wire.
struct LoopbackRequest {
    QByteArray method;
    QByteArray target; // path and query exactly as sent, e.g. "/v1/ticker?markets=KRW-BTC%2CKRW-ETH"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int connection = 0; // which TCP connection carried it (1, 2, ...)

    QByteArray header(const QByteArray& name) const; // case-insensitive, empty if absent
    bool hasHeader(const QByteArray& name) const;
    QByteArray path() const;  // target before '?'
    QByteArray query() const; // target after '?'
};

struct LoopbackResponse {
    enum class Action {
        Respond, // send this response
        Hold,    // never answer (until the client gives up or respondToHeld() is called)
        Close,   // close the connection without an answer (a network error for the client)
    };
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body = "{}";
    Action action = Action::Respond;

    static LoopbackResponse json(int status, const QByteArray& body,
                                 QList<QPair<QByteArray, QByteArray>> headers = {}) {
        LoopbackResponse r;
        r.status = status;
        r.body = body;
        r.headers = std::move(headers);
        r.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
        return r;
    }
    static LoopbackResponse hold() {
        LoopbackResponse r;
        r.action = Action::Hold;
        return r;
    }
    static LoopbackResponse close() {
        LoopbackResponse r;
        r.action = Action::Close;
        return r;
    }
};

// A minimal HTTP/1.1 server for tests, bound to 127.0.0.1 only. It records every request and answers from a
// queue of scripted responses (then from a handler, by default 200 "{}"). Keep-alive, Content-Length
// bodies; no chunked requests, no TLS.
class LoopbackHttpServer : public QObject {
    Q_OBJECT
public:
    explicit LoopbackHttpServer(QObject* parent = nullptr);
    ~LoopbackHttpServer() override;

    bool listen(); // on 127.0.0.1 and a free port
    quint16 port() const;
    QUrl url(const QString& path = QStringLiteral("/")) const;

    void enqueue(const LoopbackResponse& response);
    void setHandler(std::function<LoopbackResponse(const LoopbackRequest&)> handler);
    // Answers every request being held.
    void respondToHeld(const LoopbackResponse& response);

    const QList<LoopbackRequest>& requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int connectionCount() const { return m_connections; }

signals:
    void requestReceived(int index);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void write(QTcpSocket* socket, const LoopbackResponse& response);

    QTcpServer* m_server = nullptr;
    QList<LoopbackResponse> m_queue;
    std::function<LoopbackResponse(const LoopbackRequest&)> m_handler;
    QList<LoopbackRequest> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QHash<QTcpSocket*, int> m_connectionIds;
    QList<QPointer<QTcpSocket>> m_held;
    int m_connections = 0;
};

} // namespace hoga::test
