#include "loopback_http_server.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <utility>

namespace hoga::test {

QByteArray LoopbackRequest::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool LoopbackRequest::hasHeader(const QByteArray& name) const {
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray LoopbackRequest::path() const {
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray LoopbackRequest::query() const {
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

LoopbackHttpServer::LoopbackHttpServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer() = default;

bool LoopbackHttpServer::listen() {
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 LoopbackHttpServer::port() const {
    return m_server->serverPort();
}

QUrl LoopbackHttpServer::url(const QString& path) const {
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port());
    u.setPath(path);
    return u;
}

void LoopbackHttpServer::enqueue(const LoopbackResponse& response) {
    m_queue.append(response);
}

void LoopbackHttpServer::setHandler(std::function<LoopbackResponse(const LoopbackRequest&)> handler) {
    m_handler = std::move(handler);
}

void LoopbackHttpServer::respondToHeld(const LoopbackResponse& response) {
    const auto held = std::exchange(m_held, {});
    for (const auto& socket : held) {
        if (socket)
            write(socket, response);
    }
}

void LoopbackHttpServer::onNewConnection() {
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        m_connectionIds.insert(socket, ++m_connections);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_connectionIds.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket* socket) {
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        LoopbackRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        request.connection = m_connectionIds.value(socket);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        const qsizetype total = headerEnd + 4 + contentLength;
        if (buffer.size() < total)
            return; // wait for the rest of the body
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, total);

        m_requests.append(request);
        LoopbackResponse response = !m_queue.isEmpty() ? m_queue.takeFirst()
                                    : m_handler        ? m_handler(request)
                                                       : LoopbackResponse{};
        emit requestReceived(int(m_requests.size() - 1));
        switch (response.action) {
        case LoopbackResponse::Action::Respond:
            write(socket, response);
            break;
        case LoopbackResponse::Action::Hold:
            m_held.append(socket);
            break;
        case LoopbackResponse::Action::Close:
            socket->abort();
            return;
        }
    }
}

void LoopbackHttpServer::write(QTcpSocket* socket, const LoopbackResponse& response) {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += response.body;
    socket->write(out);
}

} // namespace hoga::test
