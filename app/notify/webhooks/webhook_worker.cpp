#include "webhook_worker.h"

#include "security/log_masking.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTimer>

#include <cmath>
#include <limits>

namespace hoga {

Q_LOGGING_CATEGORY(lcWebhooks, "hoga.webhooks")

namespace {

// Seconds to wait from a 429 answer: the Retry-After header (seconds or an HTTP date), else the body's
// retry_after (Discord, seconds with a fraction) or parameters.retry_after (Telegram). -1 if none.
qint64 retryAfterMs(QNetworkReply* reply, const QByteArray& body) {
    const QByteArray header = reply->rawHeader("Retry-After").trimmed();
    if (!header.isEmpty()) {
        bool ok = false;
        const double seconds = header.toDouble(&ok);
        if (ok && seconds >= 0)
            return qint64(std::ceil(seconds * 1000));
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(header), Qt::RFC2822Date);
        if (when.isValid())
            return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QJsonValue value = object.value(QStringLiteral("retry_after"));
    if (value.isUndefined())
        value = object.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("retry_after"));
    if (value.isDouble() && value.toDouble() >= 0)
        return qint64(std::ceil(value.toDouble() * 1000));
    return -1;
}

} // namespace

WebhookWorker::WebhookWorker(WebhookOptions options)
    : m_options(std::move(options)) {
    m_clock.start();
}

WebhookWorker::~WebhookWorker() {
    for (ChannelState& state : m_channels) {
        if (QNetworkReply* reply = std::exchange(state.inFlight, nullptr)) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QNetworkAccessManager* WebhookWorker::network() {
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setAutoDeleteReplies(false);
    }
    return m_network;
}

void WebhookWorker::setChannels(const QList<WebhookChannel>& channels) {
    QSet<QString> keep;
    for (const WebhookChannel& channel : channels) {
        keep.insert(channel.id);
        m_channels[channel.id].channel = channel;
    }
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        if (keep.contains(it.key()) && it->channel.enabled) {
            ++it;
            continue;
        }
        if (QNetworkReply* reply = std::exchange(it->inFlight, nullptr)) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        if (!keep.contains(it.key())) {
            it = m_channels.erase(it);
        } else {
            it->queue.clear(); // switched off: what waited is not sent later
            it->attempts = 0;
            ++it;
        }
    }
}

void WebhookWorker::post(const Notification& notification) {
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        if (!it->channel.enabled || !it->channel.receives(notification.kind))
            continue;
        enqueue(*it, notification);
        pump(it.key());
    }
}

void WebhookWorker::postTo(const QString& channelId, const Notification& notification) {
    auto it = m_channels.find(channelId);
    if (it == m_channels.end())
        return;
    enqueue(*it, notification);
    pump(channelId);
}

void WebhookWorker::enqueue(ChannelState& state, const Notification& notification) {
    state.queue.enqueue(notification);
    int overflow = 0;
    // Bounded: the newest news matters most; the message in flight (the front) is never dropped.
    while (state.queue.size() > m_options.queueLimit) {
        const int oldest = state.inFlight ? 1 : 0;
        state.queue.removeAt(oldest);
        ++overflow;
    }
    if (overflow > 0) {
        qCWarning(lcWebhooks) << "dropped" << overflow << "message(s) for channel"
                              << maskSecrets(state.channel.name) << "(queue full)";
        emit dropped(state.channel.id, overflow);
    }
}

void WebhookWorker::pump(const QString& channelId) {
    auto it = m_channels.find(channelId);
    if (it == m_channels.end())
        return;
    ChannelState& state = *it;
    if (state.inFlight || state.queue.isEmpty() || state.wakeScheduled)
        return;
    const qint64 wait = state.notBeforeMs - now();
    if (wait > 0) {
        state.wakeScheduled = true;
        QTimer::singleShot(int(std::min<qint64>(wait, std::numeric_limits<int>::max())), this,
                           [this, channelId] {
                               auto found = m_channels.find(channelId);
                               if (found == m_channels.end())
                                   return;
                               found->wakeScheduled = false;
                               pump(channelId);
                           });
        return;
    }
    send(state);
}

void WebhookWorker::send(ChannelState& state) {
    const WebhookRequest built =
        buildWebhookRequest(state.channel, state.queue.head(), m_options.telegramBaseUrl);
    QNetworkRequest request(built.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("User-Agent", "Hoga");
    request.setTransferTimeout(m_options.transferTimeoutMs);
    ++state.attempts;
    QNetworkReply* reply = network()->post(request, built.body);
    state.inFlight = reply;
    const QString id = state.channel.id;
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onFinished(id, reply); });
}

void WebhookWorker::onFinished(const QString& channelId, QNetworkReply* reply) {
    reply->deleteLater();
    auto it = m_channels.find(channelId);
    if (it == m_channels.end() || it->inFlight != reply)
        return;
    ChannelState& state = *it;
    state.inFlight = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        const NotificationKind kind = state.queue.dequeue().kind;
        state.attempts = 0;
        state.notBeforeMs = now() + m_options.minIntervalMs;
        emit delivered(channelId, kind);
    } else if (status == 429) {
        const qint64 asked = retryAfterMs(reply, body);
        const qint64 delay = asked >= 0
                                 ? std::min(asked, m_options.maxRetryAfterMs)
                                 : std::min<qint64>(m_options.maxBackoffMs, m_options.initialBackoffMs);
        retryLater(state, std::max<qint64>(delay, m_options.minIntervalMs), tr("rate limited (HTTP 429)"));
    } else if (status >= 500 || status == 0) {
        // 5xx, or no HTTP answer at all (refused, reset, timed out): worth another try later.
        const qint64 backoff = std::min<qint64>(
            m_options.maxBackoffMs, qint64(m_options.initialBackoffMs) << std::min(state.attempts - 1, 20));
        retryLater(state, backoff,
                   status == 0 ? tr("network error %1").arg(int(reply->error())) : tr("HTTP %1").arg(status));
    } else {
        // Any other answer (404 unknown webhook, 401 bad token, 400 bad chat): retrying will not help.
        giveUp(state, tr("HTTP %1").arg(status));
    }
    pump(channelId);
}

void WebhookWorker::retryLater(ChannelState& state, qint64 delayMs, const QString& why) {
    if (state.attempts >= m_options.maxAttempts) {
        giveUp(state, why);
        return;
    }
    qCInfo(lcWebhooks) << "channel" << maskSecrets(state.channel.name) << why << "- retrying in" << delayMs
                       << "ms";
    state.notBeforeMs = now() + delayMs;
}

void WebhookWorker::giveUp(ChannelState& state, const QString& why) {
    state.queue.dequeue();
    state.attempts = 0;
    state.notBeforeMs = now() + m_options.minIntervalMs;
    // The channel's name only: the URL or token never reaches a log line or the UI.
    const QString message = tr("Could not post to %1: %2").arg(state.channel.name, why);
    qCWarning(lcWebhooks) << maskSecrets(message);
    emit failed(state.channel.id, message);
}

} // namespace hoga
