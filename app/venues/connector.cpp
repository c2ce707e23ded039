#include "connector.h"

#include <QCoreApplication>

namespace hoga {

QString connectionStateName(ConnectionState s) {
    switch (s) {
    case ConnectionState::Disconnected:
        return QCoreApplication::translate("hoga::Connector", "Disconnected");
    case ConnectionState::Connecting:
        return QCoreApplication::translate("hoga::Connector", "Connecting");
    case ConnectionState::Connected:
        return QCoreApplication::translate("hoga::Connector", "Connected");
    case ConnectionState::Reconnecting:
        return QCoreApplication::translate("hoga::Connector", "Reconnecting");
    }
    return {};
}

VenueError modifyUnsupported(const QString& venueName) {
    VenueError e;
    e.kind = ErrorKind::InvalidOrder;
    e.detail = QCoreApplication::translate("hoga::Connector",
                                           "%1 cannot modify orders: cancel the order and place a new one.")
                   .arg(venueName);
    return e;
}

QFuture<Result<Order>> Connector::modifyOrder(const OrderRef&, const OrderModification&) {
    return QtFuture::makeReadyFuture(Result<Order>(modifyUnsupported(displayName())));
}

} // namespace hoga
