#pragma once

#include "core/order.h"

#include <QHash>

namespace hoga {

// The latest known state of own orders, by the venue's id, and the one rule for merging what the venue
// says about them. Answers and stream events arrive out of order, so an update never steps back: a
// terminal order stays terminal and the filled quantity never shrinks. Fields an update leaves out (stream
// trade events carry no order price) keep their known values.
class OrderCache {
public:
    enum class Merge { Ignored, Unchanged, Changed };

    // Merges `incoming` (ignored without an id). Changed: the state or filled quantity moved, or the order
    // is new; Unchanged: nothing a caller needs to hear about (the stored copy may still have been
    // completed); Ignored: older than what is known.
    Merge merge(const Order& incoming);
    const Order* find(const QString& id) const;
    const Order* findByClientId(const QString& clientId) const;
    QVector<Order> orders() const { return m_orders.values(); }
    void clear() { m_orders.clear(); }
    qsizetype size() const { return m_orders.size(); }
    // Finished orders are forgotten once the cache holds more than this many.
    void setCapacity(qsizetype capacity) { m_capacity = capacity; }

    // The merge rule on its own: `incoming` completed from `known`, or nullopt if it would step back.
    static std::optional<Order> merged(const Order& known, const Order& incoming);

private:
    QHash<QString, Order> m_orders;
    qsizetype m_capacity = 5000;
};

} // namespace hoga
