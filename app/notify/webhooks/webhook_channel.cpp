#include "webhook_channel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace hoga {

QString webhookKindName(WebhookKind kind) {
    switch (kind) {
    case WebhookKind::Discord:
        return QStringLiteral("discord");
    case WebhookKind::Slack:
        return QStringLiteral("slack");
    case WebhookKind::Telegram:
        return QStringLiteral("telegram");
    case WebhookKind::Json:
        return QStringLiteral("json");
    }
    return {};
}

QList<WebhookKind> allWebhookKinds() {
    return {WebhookKind::Discord, WebhookKind::Slack, WebhookKind::Telegram, WebhookKind::Json};
}

std::optional<WebhookKind> parseWebhookKind(const QString& name) {
    for (WebhookKind kind : allWebhookKinds())
        if (webhookKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QString webhookKindLabel(WebhookKind kind) {
    switch (kind) {
    case WebhookKind::Discord:
        return QCoreApplication::translate("hoga::WebhookChannel", "Discord");
    case WebhookKind::Slack:
        return QCoreApplication::translate("hoga::WebhookChannel", "Slack");
    case WebhookKind::Telegram:
        return QCoreApplication::translate("hoga::WebhookChannel", "Telegram bot");
    case WebhookKind::Json:
        return QCoreApplication::translate("hoga::WebhookChannel", "JSON POST");
    }
    return {};
}

QUrl defaultTelegramBaseUrl() {
    return QUrl(QStringLiteral("https://api.telegram.org"));
}

namespace {

// Chat services cap a message's length (Discord 2000, Telegram 4096 characters); stay under both.
QString capped(const QString& text, int max) {
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

WebhookRequest buildWebhookRequest(const WebhookChannel& channel, const Notification& n,
                                   const QUrl& telegramBaseUrl) {
    WebhookRequest request;
    switch (channel.kind) {
    case WebhookKind::Discord:
        request.url = QUrl(channel.secret);
        request.body = json(
            {{QStringLiteral("content"), capped(QStringLiteral("**%1**\n%2").arg(n.title, n.body), 2000)}});
        break;
    case WebhookKind::Slack:
        request.url = QUrl(channel.secret);
        request.body =
            json({{QStringLiteral("text"), capped(QStringLiteral("*%1*\n%2").arg(n.title, n.body), 4000)}});
        break;
    case WebhookKind::Telegram: {
        QUrl url = telegramBaseUrl;
        QString path = url.path();
        if (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QStringLiteral("/bot") + channel.secret + QStringLiteral("/sendMessage"));
        request.url = url;
        request.body = json({{QStringLiteral("chat_id"), channel.chatId},
                             {QStringLiteral("text"), capped(n.title + QLatin1Char('\n') + n.body, 4096)}});
        break;
    }
    case WebhookKind::Json:
        request.url = QUrl(channel.secret);
        request.body = json({
            {QStringLiteral("kind"), notificationKindName(n.kind)},
            {QStringLiteral("title"), n.title},
            {QStringLiteral("body"), n.body},
            {QStringLiteral("time"),
             QDateTime::fromMSecsSinceEpoch(n.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        });
        break;
    }
    return request;
}

QString webhookChannelError(const WebhookChannel& channel) {
    if (channel.name.trimmed().isEmpty())
        return QCoreApplication::translate("hoga::WebhookChannel", "Give the channel a name.");
    if (channel.kind == WebhookKind::Telegram) {
        // Bot tokens look like "123456789:AA..." (digits, a colon, then letters, digits, '-' and '_').
        const qsizetype colon = channel.secret.indexOf(QLatin1Char(':'));
        bool digits = colon > 0;
        for (qsizetype i = 0; digits && i < colon; ++i)
            digits = channel.secret.at(i).isDigit();
        if (!digits || colon + 1 >= channel.secret.size() || channel.secret.contains(QLatin1Char('/')))
            return QCoreApplication::translate(
                "hoga::WebhookChannel", "Enter the bot token BotFather gave you (digits, a colon, then "
                                        "letters and digits).");
        if (channel.chatId.trimmed().isEmpty())
            return QCoreApplication::translate("hoga::WebhookChannel", "Enter the chat id.");
        return {};
    }
    const QUrl url(channel.secret, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return QCoreApplication::translate("hoga::WebhookChannel",
                                           "Enter the webhook's full URL (https://...).");
    return {};
}

QString maskedWebhookTarget(const WebhookChannel& channel) {
    if (channel.kind == WebhookKind::Telegram)
        return QCoreApplication::translate("hoga::WebhookChannel", "Telegram bot …, chat %1")
            .arg(channel.chatId);
    const QUrl url(channel.secret);
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("…");
    return url.scheme() + QStringLiteral("://") + url.host() + QStringLiteral("/…");
}

} // namespace hoga
