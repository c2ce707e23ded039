#pragma once

#include "webhook_channel.h"
#include "webhook_options.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QQueue>

class QNetworkAccessManager;
class QNetworkReply;

namespace hoga {

// The sending side of WebhookDispatcher: lives on the dispatcher's thread with its own
// QNetworkAccessManager. One queue per channel, one request in flight per channel.
class WebhookWorker : public QObject {
    Q_OBJECT
public:
    explicit WebhookWorker(WebhookOptions options);
    ~WebhookWorker() override;

    void setChannels(const QList<hoga::WebhookChannel>& channels);
    void post(const hoga::Notification& notification);
    void postTo(const QString& channelId, const hoga::Notification& notification);

signals:
    void delivered(const QString& channelId, hoga::NotificationKind kind);
    void failed(const QString& channelId, const QString& message);
    void dropped(const QString& channelId, int count);

private:
    struct ChannelState {
        WebhookChannel channel;
        QQueue<Notification> queue;
        QNetworkReply* inFlight = nullptr;
        qint64 notBeforeMs = 0; // monotonic
        int attempts = 0;       // of the message at the front
        bool wakeScheduled = false;
    };

    void enqueue(ChannelState& state, const Notification& notification);
    void pump(const QString& channelId);
    void send(ChannelState& state);
    void onFinished(const QString& channelId, QNetworkReply* reply);
    void retryLater(ChannelState& state, qint64 delayMs, const QString& why);
    void giveUp(ChannelState& state, const QString& why);
    qint64 now() const { return m_clock.elapsed(); }
    QNetworkAccessManager* network();

    WebhookOptions m_options;
    QHash<QString, ChannelState> m_channels;
    QNetworkAccessManager* m_network = nullptr; // created on this thread at first use
    QElapsedTimer m_clock;
};

} // namespace hoga
