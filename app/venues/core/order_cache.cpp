#include "order_cache.h"

namespace hoga {

std::optional<Order> OrderCache::merged(const Order& known, const Order& incoming) {
    if (isTerminal(known.state) && !isTerminal(incoming.state))
        return std::nullopt;
    if (incoming.filledQty < known.filledQty)
        return std::nullopt;
    Order order = incoming;
    if (order.clientId.isEmpty())
        order.clientId = known.clientId;
    if (order.market.isEmpty())
        order.market = known.market;
    if (order.price.isZero())
        order.price = known.price;
    if (order.qty.isZero())
        order.qty = known.qty;
    if (order.total.isZero())
        order.total = known.total;
    if (order.filledQuote.isZero())
        order.filledQuote = known.filledQuote;
    if (order.fee.isZero())
        order.fee = known.fee;
    if (order.createdAtMs == 0)
        order.createdAtMs = known.createdAtMs;
    if (order.updatedAtMs < known.updatedAtMs)
        order.updatedAtMs = known.updatedAtMs;
    if (order.timeInForce == TimeInForce::GoodTillCancel)
        order.timeInForce = known.timeInForce;
    if (order.session == OrderSession::Regular)
        order.session = known.session;
    if (order.rejectReason.isEmpty())
        order.rejectReason = known.rejectReason;
    return order;
}

OrderCache::Merge OrderCache::merge(const Order& incoming) {
    if (incoming.id.isEmpty())
        return Merge::Ignored;
    const auto it = m_orders.find(incoming.id);
    if (it != m_orders.end()) {
        const std::optional<Order> order = merged(*it, incoming);
        if (!order)
            return Merge::Ignored;
        const bool news = it->state != order->state || it->filledQty != order->filledQty;
        *it = *order;
        return news ? Merge::Changed : Merge::Unchanged;
    }
    if (m_orders.size() >= m_capacity) {
        for (auto i = m_orders.begin(); i != m_orders.end();)
            i = isTerminal(i->state) ? m_orders.erase(i) : std::next(i);
    }
    m_orders.insert(incoming.id, incoming);
    return Merge::Changed;
}

const Order* OrderCache::find(const QString& id) const {
    const auto it = m_orders.constFind(id);
    return it == m_orders.cend() ? nullptr : &*it;
}

const Order* OrderCache::findByClientId(const QString& clientId) const {
    if (clientId.isEmpty())
        return nullptr;
    for (const Order& o : m_orders)
        if (o.clientId == clientId)
            return &o;
    return nullptr;
}

} // namespace hoga
