#include "fake_http.h"

namespace hoga::test::fake {

bool HttpRequest::isWebSocketUpgrade() const {
    return header("upgrade").toLower() == "websocket";
}

HeadParse parseHttpHead(const QByteArray& data, HttpRequest* request, qsizetype* headBytes,
                        qsizetype* contentLength) {
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return data.size() > 64 * 1024 ? HeadParse::Malformed : HeadParse::Incomplete;
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return HeadParse::Malformed;
    request->method = requestLine[0];
    request->target = requestLine[1];
    const qsizetype q = request->target.indexOf('?');
    request->path = q < 0 ? request->target : request->target.left(q);
    request->rawQuery = q < 0 ? QByteArray() : request->target.mid(q + 1);
    request->headers.clear();
    *contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return HeadParse::Malformed;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request->headers.insert(name, value);
        if (name == "content-length") {
            bool ok = false;
            *contentLength = value.toLongLong(&ok);
            if (!ok || *contentLength < 0 || *contentLength > 16 * 1024 * 1024)
                return HeadParse::Malformed;
        }
        if (name == "transfer-encoding")
            return HeadParse::Malformed; // chunked request bodies are not supported here
    }
    *headBytes = end + 4;
    return HeadParse::Complete;
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value) {
    for (auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray& name) const {
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QByteArray HttpResponse::toBytes() const {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto& [name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 418:
        return "I'm a teapot";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray normalisedIp(const QString& address) {
    QString ip = address;
    if (ip.startsWith(QLatin1String("::ffff:")))
        ip = ip.mid(7);
    return ip.toLatin1();
}

} // namespace hoga::test::fake
