#pragma once

#include "error.h"
#include "order.h"

#include <QMetaType>

namespace hoga {

// The answer to an order request, with an explicit outcome:
//  - Placed: the venue holds the order (it may already be filled or cancelled); value() is it.
//  - Rejected: the order was definitely not placed (the venue refused it, or a lookup by its client id
//    proved it absent); error() says why. Safe to correct and send again.
//  - Unknown: whether the venue holds it could not be established, even after the one lookup the connector
//    core makes; error() says what failed. Never re-send: reconcile by clientId() later.
class OrderPlacement {
public:
    enum class Outcome { Placed, Rejected, Unknown };

    OrderPlacement() = default; // Unknown, with a network error
    static OrderPlacement placed(Order order) {
        OrderPlacement p;
        p.m_outcome = Outcome::Placed;
        p.m_clientId = order.clientId;
        p.m_order = std::move(order);
        return p;
    }
    static OrderPlacement rejected(VenueError error, QString clientId) {
        OrderPlacement p;
        p.m_outcome = Outcome::Rejected;
        p.m_error = std::move(error);
        p.m_clientId = std::move(clientId);
        return p;
    }
    static OrderPlacement unknown(VenueError error, QString clientId) {
        OrderPlacement p;
        p.m_outcome = Outcome::Unknown;
        p.m_error = std::move(error);
        p.m_clientId = std::move(clientId);
        return p;
    }

    Outcome outcome() const { return m_outcome; }
    bool ok() const { return m_outcome == Outcome::Placed; }
    bool isRejected() const { return m_outcome == Outcome::Rejected; }
    bool isUnknown() const { return m_outcome == Outcome::Unknown; }
    explicit operator bool() const { return ok(); }
    const Order& value() const { return m_order; }
    const VenueError& error() const { return m_error; }
    const QString& clientId() const { return m_clientId; }

private:
    Outcome m_outcome = Outcome::Unknown;
    Order m_order;
    VenueError m_error{ErrorKind::Network, {}, {}, {}, 0};
    QString m_clientId;
};

// "placed", "rejected", "unknown" (hoga-cli and logs).
inline QString outcomeName(OrderPlacement::Outcome o) {
    switch (o) {
    case OrderPlacement::Outcome::Placed:
        return QStringLiteral("placed");
    case OrderPlacement::Outcome::Rejected:
        return QStringLiteral("rejected");
    case OrderPlacement::Outcome::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace hoga

Q_DECLARE_METATYPE(hoga::OrderPlacement)
