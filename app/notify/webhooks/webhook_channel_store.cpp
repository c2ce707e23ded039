#include "webhook_channel_store.h"

#include "security/secret_store.h"

#include <QSettings>

namespace hoga {

namespace {

const QString kGroup = QStringLiteral("notifications/webhooks");

} // namespace

WebhookChannelStore::WebhookChannelStore(QSettings& settings, std::shared_ptr<SecretStore> secrets,
                                         QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(std::move(secrets)) {}

void WebhookChannelStore::load(Done done) {
    QList<WebhookChannel> channels;
    m_settings.beginGroup(kGroup);
    const QStringList ids = m_settings.childGroups();
    for (const QString& id : ids) {
        m_settings.beginGroup(id);
        const auto kind = parseWebhookKind(m_settings.value(QStringLiteral("kind")).toString());
        if (kind) {
            WebhookChannel c;
            c.id = id;
            c.kind = *kind;
            c.name = m_settings.value(QStringLiteral("name")).toString();
            c.enabled = m_settings.value(QStringLiteral("enabled"), true).toBool();
            c.chatId = m_settings.value(QStringLiteral("chat_id")).toString();
            // Absent (older settings) or empty: every kind.
            for (const QString& name : m_settings.value(QStringLiteral("kinds")).toStringList())
                if (const auto notification = parseNotificationKind(name))
                    c.kinds.append(*notification);
            channels.append(c);
        }
        m_settings.endGroup();
    }
    m_settings.endGroup();
    m_channels = channels;
    if (channels.isEmpty() || !m_secrets) {
        emit channelsChanged();
        QMetaObject::invokeMethod(
            this, [done] { done(true, {}); }, Qt::QueuedConnection);
        return;
    }
    // One read after the other; the last one reports.
    auto remaining = std::make_shared<int>(int(channels.size()));
    auto errors = std::make_shared<QStringList>();
    for (const WebhookChannel& c : std::as_const(channels)) {
        const QString id = c.id;
        m_secrets->read(secretKey(id), this, [this, id, remaining, errors, done](SecretResult result) {
            if (result.ok()) {
                for (WebhookChannel& channel : m_channels)
                    if (channel.id == id)
                        channel.secret = QString::fromUtf8(result.data);
            } else {
                errors->append(result.message);
            }
            if (--(*remaining) > 0)
                return;
            emit channelsChanged();
            done(errors->isEmpty(), errors->join(QLatin1Char('\n')));
        });
    }
}

void WebhookChannelStore::save(WebhookChannel channel, Done done) {
    const bool keepSecret = channel.secret.isEmpty();
    if (keepSecret) {
        for (const WebhookChannel& existing : std::as_const(m_channels))
            if (existing.id == channel.id)
                channel.secret = existing.secret;
    }
    const QString error = webhookChannelError(channel);
    if (!error.isEmpty() || !m_secrets || !SecretStore::isValidKey(secretKey(channel.id))) {
        QMetaObject::invokeMethod(
            this,
            [done, error] { done(false, error.isEmpty() ? tr("This channel cannot be saved.") : error); },
            Qt::QueuedConnection);
        return;
    }
    if (keepSecret) {
        writeSettings(channel);
        replace(channel);
        QMetaObject::invokeMethod(
            this, [done] { done(true, {}); }, Qt::QueuedConnection);
        return;
    }
    m_secrets->write(secretKey(channel.id), channel.secret.toUtf8(), this,
                     [this, channel, done](SecretResult result) {
                         if (!result.ok()) {
                             done(false, result.message);
                             return;
                         }
                         writeSettings(channel);
                         replace(channel);
                         done(true, {});
                     });
}

void WebhookChannelStore::remove(const QString& id, Done done) {
    m_settings.remove(kGroup + QLatin1Char('/') + id);
    m_settings.sync();
    m_channels.removeIf([&id](const WebhookChannel& c) { return c.id == id; });
    emit channelsChanged();
    if (!m_secrets) {
        QMetaObject::invokeMethod(
            this, [done] { done(true, {}); }, Qt::QueuedConnection);
        return;
    }
    m_secrets->remove(secretKey(id), this,
                      [done](SecretResult result) { done(result.ok(), result.message); });
}

QString WebhookChannelStore::newId(WebhookKind kind) const {
    const QString prefix = webhookKindName(kind) + QLatin1Char('-');
    int n = 1;
    for (;;) {
        const QString id = prefix + QString::number(n);
        bool used = false;
        for (const WebhookChannel& c : m_channels)
            used = used || c.id == id;
        if (!used)
            return id;
        ++n;
    }
}

void WebhookChannelStore::writeSettings(const WebhookChannel& channel) {
    m_settings.beginGroup(kGroup + QLatin1Char('/') + channel.id);
    m_settings.setValue(QStringLiteral("kind"), webhookKindName(channel.kind));
    m_settings.setValue(QStringLiteral("name"), channel.name);
    m_settings.setValue(QStringLiteral("enabled"), channel.enabled);
    if (channel.kind == WebhookKind::Telegram)
        m_settings.setValue(QStringLiteral("chat_id"), channel.chatId);
    QStringList kinds;
    for (NotificationKind kind : channel.kinds)
        kinds << notificationKindName(kind);
    if (kinds.isEmpty())
        m_settings.remove(QStringLiteral("kinds"));
    else
        m_settings.setValue(QStringLiteral("kinds"), kinds);
    m_settings.endGroup();
    m_settings.sync();
}

void WebhookChannelStore::replace(const WebhookChannel& channel) {
    bool found = false;
    for (WebhookChannel& c : m_channels) {
        if (c.id == channel.id) {
            c = channel;
            found = true;
        }
    }
    if (!found)
        m_channels.append(channel);
    emit channelsChanged();
}

} // namespace hoga
