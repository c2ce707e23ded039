#include "connector.h"

#include <QCoreApplication>

namespace hoga {

QString connectionStateName(ConnectionState s)
{
    switch (s) {
    case ConnectionState::Disconnected: return QCoreApplication::translate("hoga::Connector", "Disconnected");
    case ConnectionState::Connecting: return QCoreApplication::translate("hoga::Connector", "Connecting");
    case ConnectionState::Connected: return QCoreApplication::translate("hoga::Connector", "Connected");
    case ConnectionState::Reconnecting: return QCoreApplication::translate("hoga::Connector", "Reconnecting");
    }
    return {};
}

} // namespace hoga
