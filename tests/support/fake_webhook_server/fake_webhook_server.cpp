#include "fake_webhook_server.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace hoga::test {

FakeWebhookServer::FakeWebhookServer(QObject* parent)
    : QObject(parent) {
    m_clock.start();
    m_http.setHandler([this](const LoopbackRequest& request) { return handle(request); });
}

bool FakeWebhookServer::listen() {
    return m_http.listen();
}

void FakeWebhookServer::scriptStatus(int status, QList<QPair<QByteArray, QByteArray>> headers,
                                     QByteArray body) {
    m_script.append(LoopbackResponse::json(status, body, std::move(headers)));
}

void FakeWebhookServer::scriptDrop() {
    m_script.append(LoopbackResponse::close());
}

LoopbackResponse FakeWebhookServer::handle(const LoopbackRequest& request) {
    m_requestTimes.append(m_clock.elapsed());
    Message message;
    const QString problem = check(request, &message);
    if (!problem.isEmpty()) {
        m_violations.append(problem);
        return LoopbackResponse::json(400, R"({"message":"bad payload"})");
    }
    if (!m_script.isEmpty())
        return m_script.takeFirst();
    message.atMs = m_clock.elapsed();
    m_messages.append(message);
    emit messageAccepted(int(m_messages.size() - 1));
    if (message.service == QLatin1String("discord"))
        return LoopbackResponse::json(204, {}); // Discord answers 204 No Content without ?wait=true
    if (message.service == QLatin1String("slack")) {
        LoopbackResponse r;
        r.body = "ok";
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain")));
        return r;
    }
    if (message.service == QLatin1String("telegram"))
        return LoopbackResponse::json(200, R"({"ok":true,"result":{"message_id":1}})");
    return LoopbackResponse::json(200, "{}");
}

namespace {

// The keys of `o` are exactly `keys`.
bool hasExactly(const QJsonObject& o, QSet<QString> keys) {
    const QStringList present = o.keys();
    return QSet<QString>(present.begin(), present.end()) == keys;
}

bool nonEmptyString(const QJsonObject& o, const QString& key) {
    return o.value(key).isString() && !o.value(key).toString().isEmpty();
}

} // namespace

QString FakeWebhookServer::check(const LoopbackRequest& request, Message* message) const {
    if (request.method != "POST")
        return QStringLiteral("method %1, not POST").arg(QString::fromLatin1(request.method));
    if (!request.header("Content-Type").startsWith("application/json"))
        return QStringLiteral("Content-Type %1").arg(QString::fromLatin1(request.header("Content-Type")));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("body is not a JSON object: %1").arg(QString::fromUtf8(request.body));
    const QJsonObject o = doc.object();
    const QByteArray path = request.path();
    message->path = path;
    message->payload = o;
    if (path.startsWith("/api/webhooks/")) {
        message->service = QStringLiteral("discord");
        if (!hasExactly(o, {QStringLiteral("content")}) || !nonEmptyString(o, QStringLiteral("content")) ||
            o.value(QStringLiteral("content")).toString().size() > 2000)
            return QStringLiteral("discord: want {\"content\": 1..2000 chars}");
        return {};
    }
    if (path.startsWith("/services/")) {
        message->service = QStringLiteral("slack");
        if (!hasExactly(o, {QStringLiteral("text")}) || !nonEmptyString(o, QStringLiteral("text")))
            return QStringLiteral("slack: want {\"text\": non-empty}");
        return {};
    }
    if (path.startsWith("/bot") && path.endsWith("/sendMessage")) {
        message->service = QStringLiteral("telegram");
        const QString token = QString::fromUtf8(path.mid(4, path.size() - 4 - 12));
        if (token != m_telegramToken)
            return QStringLiteral("telegram: unknown bot token");
        if (!hasExactly(o, {QStringLiteral("chat_id"), QStringLiteral("text")}) ||
            !nonEmptyString(o, QStringLiteral("text")) ||
            o.value(QStringLiteral("text")).toString().size() > 4096 ||
            !(nonEmptyString(o, QStringLiteral("chat_id")) || o.value(QStringLiteral("chat_id")).isDouble()))
            return QStringLiteral("telegram: want {\"chat_id\", \"text\": 1..4096 chars}");
        return {};
    }
    if (path.startsWith("/hook/")) {
        message->service = QStringLiteral("json");
        static const QSet<QString> kinds = {"fill",           "order_rejected",     "risk_halt",
                                            "emergency_stop", "venue_disconnected", "venue_reconnected",
                                            "price_alert"};
        if (!hasExactly(o, {QStringLiteral("kind"), QStringLiteral("title"), QStringLiteral("body"),
                            QStringLiteral("time")}))
            return QStringLiteral("json: want exactly kind, title, body, time");
        if (!kinds.contains(o.value(QStringLiteral("kind")).toString()))
            return QStringLiteral("json: unknown kind");
        if (!nonEmptyString(o, QStringLiteral("title")) || !o.value(QStringLiteral("body")).isString())
            return QStringLiteral("json: title and body must be strings");
        const QString time = o.value(QStringLiteral("time")).toString();
        if (!time.endsWith(QLatin1Char('Z')) || !QDateTime::fromString(time, Qt::ISODateWithMs).isValid())
            return QStringLiteral("json: time must be ISO 8601 UTC");
        return {};
    }
    return QStringLiteral("unknown path %1").arg(QString::fromLatin1(path));
}

} // namespace hoga::test
