#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>

namespace hoga::test::fake {

// One HTTP/1.1 request head (and body) as it arrived on a loopback socket.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // path and query exactly as sent
    QByteArray path;
    QByteArray rawQuery;
    QHash<QByteArray, QByteArray> headers; // names lower-cased; a repeated header keeps the last value
    QByteArray body;
    QByteArray peerIp;

    QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
    bool hasHeader(const QByteArray& lowerName) const { return headers.contains(lowerName); }
    bool isWebSocketUpgrade() const;
};

enum class HeadParse { Incomplete, Complete, Malformed };

// Parses the head at the start of `data`. On Complete, `headBytes` is the length of the head including the
// blank line and `contentLength` the declared body length (bodies are read by the caller).
HeadParse parseHttpHead(const QByteArray& data, HttpRequest* request, qsizetype* headBytes,
                        qsizetype* contentLength);

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeAfter = false;

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const;
    QByteArray toBytes() const;
};

QByteArray reasonPhrase(int status);
// "127.0.0.1" for IPv4-mapped IPv6 peers too.
QByteArray normalisedIp(const QString& address);

} // namespace hoga::test::fake
