#pragma once

#include "notify/notification.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace hoga {

enum class WebhookKind {
    Discord,  // POST {"content": "..."} to the channel's webhook URL
    Slack,    // POST {"text": "..."} to an incoming-webhook URL
    Telegram, // POST {"chat_id": ..., "text": ...} to <base>/bot<token>/sendMessage
    Json,     // POST the plain JSON object below to any URL
};

QString webhookKindName(WebhookKind kind); // "discord", "slack", "telegram", "json"
std::optional<WebhookKind> parseWebhookKind(const QString& name);
QString webhookKindLabel(WebhookKind kind); // translated
QList<WebhookKind> allWebhookKinds();

// One place notifications are posted to. `secret` is the webhook URL (Discord, Slack, Json) or the bot token
// (Telegram): it lives in the profile's secret store, never in settings or logs.
struct WebhookChannel {
    QString id; // stable, [a-z0-9-]: settings group and secret key
    WebhookKind kind = WebhookKind::Json;
    QString name; // the trader's label
    bool enabled = true;
    QString chatId; // Telegram only
    QString secret;
    QList<NotificationKind> kinds; // the kinds of notification it receives; empty: every kind

    bool receives(NotificationKind kind) const { return kinds.isEmpty() || kinds.contains(kind); }
};

struct WebhookRequest {
    QUrl url;
    QByteArray body; // application/json
};

// The default base URL of the Telegram Bot API (tests point it at a loopback server).
QUrl defaultTelegramBaseUrl();

// The HTTP request that posts `notification` to `channel`.
//
// The plain JSON channel posts this object (UTF-8), one per notification:
//   {"kind": "fill", "title": "5 fills on KRW-BTC", "body": "bought 0.05", "time":
//   "2026-12-05T17:37:49.123Z"}
// kind: notificationKindName() ("fill", "order_rejected", "risk_halt", "emergency_stop",
// "venue_disconnected", "venue_reconnected", "price_alert"); title and body: in the app's language;
// time: when it happened, ISO 8601 in UTC with milliseconds.
WebhookRequest buildWebhookRequest(const WebhookChannel& channel, const Notification& notification,
                                   const QUrl& telegramBaseUrl = defaultTelegramBaseUrl());

// Validates a channel before it is saved; empty when fine, else a translated reason.
QString webhookChannelError(const WebhookChannel& channel);

// What the UI and logs may show of a channel's target: the host only, e.g. "https://discord.com/…", or
// "Telegram bot …" with the chat id. Never the path, query or token.
QString maskedWebhookTarget(const WebhookChannel& channel);

} // namespace hoga

Q_DECLARE_METATYPE(hoga::WebhookChannel)
