#pragma once

#include "webhook_channel.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QSettings;

namespace hoga {

class SecretStore;

// Keeps the profile's webhook channels: kind, name, enabled, the notification kinds it receives ("kinds", a
// list of notificationKindName(); absent: every kind) and the Telegram chat id in the profile's
// settings (group "notifications/webhooks/<id>"), the URL or bot token in its secret store (key
// "webhooks/<id>": the keychain, or the encrypted file where there is none). Secrets never touch settings.
class WebhookChannelStore : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(bool ok, QString error)>; // error translated, never holds a secret

    // `settings` must outlive the store.
    WebhookChannelStore(QSettings& settings, std::shared_ptr<SecretStore> secrets, QObject* parent = nullptr);

    // Reads the channels and their secrets. A channel whose secret cannot be read is listed with an empty
    // secret (and so sends nothing) and the error is reported.
    void load(Done done);
    // Adds or replaces a channel. An empty `channel.secret` on an existing channel keeps its stored secret.
    void save(WebhookChannel channel, Done done);
    void remove(const QString& id, Done done);

    QList<WebhookChannel> channels() const { return m_channels; } // with their secrets
    // A fresh id for a channel of `kind`, e.g. "discord-2".
    QString newId(WebhookKind kind) const;

    static QString secretKey(const QString& id) { return QStringLiteral("webhooks/") + id; }

signals:
    void channelsChanged();

private:
    void writeSettings(const WebhookChannel& channel);
    void replace(const WebhookChannel& channel);

    QSettings& m_settings;
    std::shared_ptr<SecretStore> m_secrets;
    QList<WebhookChannel> m_channels;
};

} // namespace hoga
