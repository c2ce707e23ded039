#include "webhook_dispatcher.h"

#include "webhook_worker.h"

namespace hoga {

WebhookDispatcher::WebhookDispatcher(WebhookOptions options, QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<hoga::Notification>();
    qRegisterMetaType<hoga::NotificationKind>();
    qRegisterMetaType<QList<hoga::WebhookChannel>>();
    m_thread.setObjectName(QStringLiteral("hoga-webhooks"));
    m_worker = new WebhookWorker(std::move(options));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &WebhookWorker::delivered, this, &WebhookDispatcher::delivered, Qt::DirectConnection);
    connect(m_worker, &WebhookWorker::failed, this, &WebhookDispatcher::failed, Qt::DirectConnection);
    connect(m_worker, &WebhookWorker::dropped, this, &WebhookDispatcher::dropped, Qt::DirectConnection);
    m_thread.start();
}

WebhookDispatcher::~WebhookDispatcher() {
    // The worker (and its network manager) is destroyed on its own thread, then the thread ends.
    WebhookWorker* worker = std::exchange(m_worker, nullptr);
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void WebhookDispatcher::setChannels(const QList<WebhookChannel>& channels) {
    WebhookWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, channels] { worker->setChannels(channels); }, Qt::QueuedConnection);
}

void WebhookDispatcher::post(const Notification& notification) {
    WebhookWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, notification] { worker->post(notification); }, Qt::QueuedConnection);
}

void WebhookDispatcher::postTo(const QString& channelId, const Notification& notification) {
    WebhookWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, channelId, notification] { worker->postTo(channelId, notification); },
        Qt::QueuedConnection);
}

} // namespace hoga
