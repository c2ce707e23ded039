#pragma once

#include "connector.h"

#include <QThread>

#include <memory>

namespace hoga {

// Runs one connector in a thread of its own, so network, parsing and simulation never touch the GUI
// thread. The host owns the connector; destroying the host stops the thread and deletes the connector
// there.
class ConnectorHost {
public:
    explicit ConnectorHost(std::unique_ptr<Connector> connector);
    ~ConnectorHost();
    ConnectorHost(const ConnectorHost&) = delete;
    ConnectorHost& operator=(const ConnectorHost&) = delete;

    Connector* connector() const { return m_connector; }
    QThread* thread() const { return m_thread.get(); }

private:
    std::unique_ptr<QThread> m_thread;
    Connector* m_connector = nullptr;
};

} // namespace hoga
