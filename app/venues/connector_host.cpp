#include "connector_host.h"

namespace hoga {

ConnectorHost::ConnectorHost(std::unique_ptr<Connector> connector)
    : m_thread(std::make_unique<QThread>())
    , m_connector(connector.release()) {
    Q_ASSERT(m_connector);
    // The name shows in debuggers and `top -H`.
    m_thread->setObjectName(QStringLiteral("hoga-venue-") +
                            (m_connector ? m_connector->venueId() : QString()));
    if (m_connector)
        m_connector->moveToThread(m_thread.get());
    m_thread->start();
}

ConnectorHost::~ConnectorHost() {
    // Delete the connector on its own thread (its timers and sockets belong there), wait for that, then stop
    // the thread. Anything still queued for the connector is dropped with it; pending futures are cancelled.
    Connector* connector = m_connector;
    m_connector = nullptr;
    if (connector)
        QMetaObject::invokeMethod(
            connector, [connector] { delete connector; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

} // namespace hoga
