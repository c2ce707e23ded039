#pragma once

#include "webhook_channel.h"
#include "webhook_options.h"

#include <QObject>
#include <QThread>

namespace hoga {

class WebhookWorker;

// Posts notifications to the webhook channels, on a thread of its own: post() only queues and returns at
// once, so a slow or dead webhook never blocks trading or the GUI. Per channel: at most one post per
// minIntervalMs, a bounded queue (the oldest waiting message is dropped when full), retries with
// exponential backoff on 5xx and network errors, and on 429 it waits as long as Retry-After (or the
// body's retry_after) asks. Other 4xx answers drop the message and report it.
//
// Signals are emitted from the sending thread; connect with a receiver context to get them queued.
class WebhookDispatcher : public QObject {
    Q_OBJECT
public:
    explicit WebhookDispatcher(WebhookOptions options = {}, QObject* parent = nullptr);
    ~WebhookDispatcher() override;

    // The channels (with their secrets) to post to; disabled ones get nothing. Replaces the previous list.
    void setChannels(const QList<hoga::WebhookChannel>& channels);
    // Queues `notification` for every enabled channel. Thread-safe, never blocks.
    void post(const hoga::Notification& notification);
    // Queues it for one channel (e.g. a "send a test message" button).
    void postTo(const QString& channelId, const hoga::Notification& notification);

signals:
    void delivered(const QString& channelId, hoga::NotificationKind kind);
    void failed(const QString& channelId, const QString& message); // translated; names the channel only
    void dropped(const QString& channelId, int count);             // queue overflow

private:
    QThread m_thread;
    WebhookWorker* m_worker = nullptr; // lives on m_thread
};

} // namespace hoga
