#pragma once

#include "support/loopback_http_server.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace hoga::test {

// A loopback stand-in for Discord, Slack, Telegram and a plain JSON endpoint that checks every payload
// against the shape each service requires and answers 400 (recording why) when it is wrong.
//
// Paths: /api/webhooks/<id>/<token> (Discord), /services/<a>/<b>/<c> (Slack), /bot<token>/sendMessage
// (Telegram; the token must be the one given to setTelegramToken), /hook/<anything> (plain JSON).
// Answers can be scripted ahead (429 with Retry-After, 5xx, a dropped connection) for the next requests.
class FakeWebhookServer : public QObject {
    Q_OBJECT
public:
    struct Message {
        QString service; // "discord", "slack", "telegram", "json"
        QByteArray path;
        QJsonObject payload;
        qint64 atMs = 0; // since the server started (monotonic)
    };

    explicit FakeWebhookServer(QObject* parent = nullptr);

    bool listen();
    QUrl url(const QString& path) const { return m_http.url(path); }
    QUrl discordUrl() const {
        return url(QStringLiteral("/api/webhooks/123456789/discordSecretToken0123456789"));
    }
    QUrl slackUrl() const { return url(QStringLiteral("/services/T000/B000/slackSecret0123456789ab")); }
    QUrl jsonUrl() const { return url(QStringLiteral("/hook/jsonSecret0123456789")); }
    QUrl telegramBase() const { return url(QStringLiteral("/")); }
    void setTelegramToken(const QString& token) { m_telegramToken = token; }

    // The next requests (in order) get these answers instead of the normal 200 after the payload check.
    void scriptStatus(int status, QList<QPair<QByteArray, QByteArray>> headers = {}, QByteArray body = "{}");
    void scriptDrop(); // close the connection without answering

    // Accepted messages, in arrival order.
    const QList<Message>& messages() const { return m_messages; }
    int messageCount() const { return int(m_messages.size()); }
    // Every request (accepted, rejected or scripted), with arrival times.
    int requestCount() const { return m_http.requestCount(); }
    QList<qint64> requestTimesMs() const { return m_requestTimes; }
    // Why payloads were refused; empty when every payload had the right shape.
    QStringList violations() const { return m_violations; }

signals:
    void messageAccepted(int index);

private:
    LoopbackResponse handle(const LoopbackRequest& request);
    QString check(const LoopbackRequest& request, Message* message) const; // empty when fine

    LoopbackHttpServer m_http;
    QElapsedTimer m_clock;
    QString m_telegramToken;
    QList<LoopbackResponse> m_script;
    QList<Message> m_messages;
    QList<qint64> m_requestTimes;
    QStringList m_violations;
};

} // namespace hoga::test
