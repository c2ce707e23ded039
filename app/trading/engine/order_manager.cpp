#include "order_manager.h"

#include "core/clock.h"

#include <QCoreApplication>

namespace hoga {

namespace {

// A venue snapshot's state never moves an order backwards (a late "open" after a fill).
int progress(JournalState s) {
    switch (s) {
    case JournalState::Pending:
        return 0;
    case JournalState::Submitted:
        return 1;
    case JournalState::Open:
        return 2;
    case JournalState::PartiallyFilled:
    case JournalState::CancelPending:
        return 3;
    default:
        return 4;
    }
}

} // namespace

OrderManager::OrderManager(OrderJournal& journal, const Clock& clock)
    : m_journal(journal)
    , m_clock(clock) {}

bool OrderManager::isLegal(JournalState from, JournalState to) {
    using S = JournalState;
    switch (from) {
    case S::Pending:
        return to == S::Submitted || to == S::NeverSent || to == S::Open || to == S::PartiallyFilled ||
               to == S::Filled || to == S::Cancelled || to == S::Rejected || to == S::CancelPending;
    case S::Submitted:
        return to == S::Open || to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled ||
               to == S::Rejected || to == S::NeverSent || to == S::CancelPending;
    case S::Open:
        return to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled || to == S::CancelPending;
    case S::PartiallyFilled:
        return to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled || to == S::CancelPending;
    case S::CancelPending:
        return to == S::Open || to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled;
    case S::Filled:
    case S::Cancelled:
    case S::Rejected:
    case S::NeverSent:
    case S::External:
        return false;
    }
    return false;
}

void OrderManager::load() {
    m_orders.clear();
    for (const JournalOrder& j : m_journal.unfinishedOrders()) {
        ManagedOrder m{j.order, j.bot, j.tag, j.state, {}};
        for (const Fill& f : m_journal.fills(j.order.clientId))
            m.journaledFillQty += f.qty;
        m_orders.insert(j.order.clientId, m);
    }
}

bool OrderManager::moveTo(ManagedOrder& managed, JournalState to, const QString& note) {
    if (managed.state != to && !isLegal(managed.state, to)) {
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1: cannot go from %2 to %3.")
                          .arg(managed.order.clientId, journalStateName(managed.state), journalStateName(to));
        return false;
    }
    // Submitted is in memory only: the journal's Pending row already says the request may have left.
    if (to != JournalState::Submitted && !m_journal.update(managed.order, to, m_clock.nowMs(), note)) {
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1: %2")
                          .arg(managed.order.clientId, m_journal.lastError());
        return false;
    }
    managed.state = to;
    forgetIfFinished(managed.order.clientId);
    return true;
}

void OrderManager::forgetIfFinished(const QString& clientId) {
    auto it = m_orders.find(clientId);
    if (it != m_orders.end() && isJournalFinished(it->state)) {
        m_beforeCancel.remove(clientId);
        m_orders.erase(it);
    }
}

bool OrderManager::begin(const Order& order, const QString& bot, const QString& tag) {
    if (order.clientId.isEmpty() || m_orders.contains(order.clientId)) {
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1: the client id is empty or "
                                                                        "already used.")
                          .arg(order.clientId);
        return false;
    }
    if (!m_journal.insertPending(order, bot, tag, m_clock.nowMs())) {
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1: %2")
                          .arg(order.clientId, m_journal.lastError());
        return false;
    }
    ManagedOrder m{order, bot, tag, JournalState::Pending, {}};
    m.order.state = OrderState::New;
    m_orders.insert(order.clientId, m);
    return true;
}

bool OrderManager::markSubmitted(const QString& clientId) {
    auto it = m_orders.find(clientId);
    return it != m_orders.end() && moveTo(*it, JournalState::Submitted);
}

bool OrderManager::applyPlacement(const OrderPlacement& placement) {
    auto it = m_orders.find(placement.clientId());
    if (it == m_orders.end())
        return false;
    switch (placement.outcome()) {
    case OrderPlacement::Outcome::Placed:
        return applyVenueOrder(placement.value()) != Applied::Unknown;
    case OrderPlacement::Outcome::Rejected:
        it->order.state = OrderState::Rejected;
        it->order.rejectReason = placement.error().userMessage();
        return moveTo(*it, JournalState::Rejected, it->order.rejectReason);
    case OrderPlacement::Outcome::Unknown:
        break;
    }
    return true; // stays Submitted: reconciliation decides
}

bool OrderManager::applyReplacement(const QString& clientId, const Order& replacement, bool oldEnded) {
    auto it = m_orders.find(clientId);
    if (it == m_orders.end()) {
        m_lastError =
            QCoreApplication::translate("hoga::OrderManager", "Order %1 is not followed.").arg(clientId);
        return false;
    }
    const QString bot = it->bot;
    const QString tag = it->tag;
    Order next = replacement;
    next.clientId = clientId + QLatin1Char('~') + replacement.id;
    if (!begin(next, bot, tag) || applyVenueOrder(next) == Applied::Unknown)
        return false;
    it = m_orders.find(clientId); // begin() may have rehashed
    if (it == m_orders.end())
        return true;
    if (!oldEnded)
        return true; // the rest stays on the old order at its price
    it->order.state = OrderState::Cancelled;
    return moveTo(*it, JournalState::Cancelled,
                  QCoreApplication::translate("hoga::OrderManager", "Replaced by the modified order %1.")
                      .arg(replacement.id));
}

bool OrderManager::markNeverSent(const QString& clientId, const QString& reason) {
    auto it = m_orders.find(clientId);
    if (it == m_orders.end())
        return false;
    it->order.state = OrderState::Rejected;
    it->order.rejectReason = reason;
    return moveTo(*it, JournalState::NeverSent, reason);
}

bool OrderManager::beginCancel(const QString& clientId) {
    auto it = m_orders.find(clientId);
    if (it == m_orders.end() || !isLegal(it->state, JournalState::CancelPending) ||
        it->state == JournalState::Pending) {
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1 cannot be cancelled now.")
                          .arg(clientId);
        return false;
    }
    if (!m_journal.markCancelRequested(clientId, m_clock.nowMs())) {
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1: %2")
                          .arg(clientId, m_journal.lastError());
        return false;
    }
    m_beforeCancel.insert(clientId, it->state);
    it->state = JournalState::CancelPending;
    return true;
}

bool OrderManager::cancelFailed(const QString& clientId, const QString& reason) {
    auto it = m_orders.find(clientId);
    if (it == m_orders.end() || it->state != JournalState::CancelPending)
        return false;
    const JournalState back = m_beforeCancel.value(clientId, JournalState::Open);
    const JournalState to = back == JournalState::Submitted ? JournalState::Open : back;
    m_beforeCancel.remove(clientId);
    return moveTo(*it, to, reason);
}

ManagedOrder* OrderManager::lookup(const Order& order) {
    if (!order.clientId.isEmpty()) {
        auto it = m_orders.find(order.clientId);
        if (it != m_orders.end())
            return &*it;
    }
    if (!order.id.isEmpty()) {
        for (auto it = m_orders.begin(); it != m_orders.end(); ++it) {
            if (it->order.venue == order.venue && it->order.id == order.id)
                return &*it;
        }
    }
    return nullptr;
}

OrderManager::Applied OrderManager::applyVenueOrder(const Order& venueOrder) {
    ManagedOrder* m = lookup(venueOrder);
    if (!m) {
        const bool known =
            (!venueOrder.clientId.isEmpty() && m_journal.order(venueOrder.clientId)) ||
            (!venueOrder.id.isEmpty() && m_journal.orderByVenueId(venueOrder.venue, venueOrder.id));
        return known ? Applied::Unchanged : Applied::Unknown;
    }
    JournalState target = journalStateFor(venueOrder.state);
    // A cancel in flight stays in flight until the venue says the order is done.
    if (m->state == JournalState::CancelPending && !isTerminal(venueOrder.state))
        target = JournalState::CancelPending;
    if (progress(target) < progress(m->state) && !isJournalFinished(target))
        target = m->state;
    Order merged = m->order;
    if (!venueOrder.id.isEmpty())
        merged.id = venueOrder.id;
    if (venueOrder.filledQty > merged.filledQty) {
        merged.filledQty = venueOrder.filledQty;
        merged.filledQuote = venueOrder.filledQuote;
        merged.fee = venueOrder.fee;
    }
    if (!venueOrder.rejectReason.isEmpty())
        merged.rejectReason = venueOrder.rejectReason;
    // A late snapshot (older than what we know) does not move the order back.
    if (progress(journalStateFor(venueOrder.state)) >= progress(journalStateFor(m->order.state)))
        merged.state = venueOrder.state;
    if (merged.createdAtMs == 0)
        merged.createdAtMs = venueOrder.createdAtMs;
    merged.updatedAtMs = std::max(merged.updatedAtMs, venueOrder.updatedAtMs);
    const bool same = target == m->state && merged.id == m->order.id &&
                      merged.filledQty == m->order.filledQty && merged.state == m->order.state;
    if (same)
        return Applied::Unchanged;
    const Order before = m->order;
    m->order = merged;
    if (!moveTo(*m, target)) {
        m->order = before;
        return Applied::Unchanged;
    }
    return Applied::Changed;
}

bool OrderManager::adoptExternal(const Order& venueOrder) {
    Order o = venueOrder;
    if (o.clientId.isEmpty())
        o.clientId = QStringLiteral("external:%1:%2").arg(o.venue, o.id);
    if (m_journal.order(o.clientId))
        return true;
    if (!m_journal.insertExternal(o, m_clock.nowMs())) {
        m_lastError = m_journal.lastError();
        return false;
    }
    return true;
}

std::optional<ManagedOrder> OrderManager::applyFill(const Fill& incoming) {
    Fill fill = incoming;
    Order key;
    key.venue = fill.venue;
    key.id = fill.orderId;
    key.clientId = fill.clientId;
    ManagedOrder* m = lookup(key);
    if (!m) {
        // A fill of a finished order we placed (its last fill raced the final snapshot): still counted once.
        std::optional<JournalOrder> j;
        if (!fill.clientId.isEmpty())
            j = m_journal.order(fill.clientId);
        if (!j && !fill.orderId.isEmpty())
            j = m_journal.orderByVenueId(fill.venue, fill.orderId);
        if (!j || j->state == JournalState::External)
            return std::nullopt;
        if (m_journal.recordFill(fill, j->order, j->state, m_clock.nowMs()) !=
            OrderJournal::FillOutcome::Applied)
            return std::nullopt;
        return ManagedOrder{j->order, j->bot, j->tag, j->state, {}};
    }
    if (fill.market.isEmpty())
        fill.market = m->order.market;
    Order after = m->order;
    if (after.id.isEmpty())
        after.id = fill.orderId;
    JournalState stateAfter = m->state;
    const Decimal newSum = m->journaledFillQty + fill.qty;
    if (newSum > after.filledQty) {
        // The fills are ahead of the last snapshot: they move the order.
        after.filledQuote += fill.price * (newSum - after.filledQty);
        after.fee += fill.fee;
        after.filledQty = newSum;
    }
    const bool byTotal = after.qty.isZero();
    if (!byTotal && after.filledQty >= after.qty) {
        after.state = OrderState::Filled;
        stateAfter = JournalState::Filled;
    } else if (after.filledQty.isPositive() && stateAfter != JournalState::CancelPending &&
               !isJournalFinished(stateAfter)) {
        after.state = OrderState::PartiallyFilled;
        stateAfter = JournalState::PartiallyFilled;
    }
    switch (m_journal.recordFill(fill, after, stateAfter, m_clock.nowMs())) {
    case OrderJournal::FillOutcome::Applied:
        break;
    case OrderJournal::FillOutcome::Duplicate:
        return std::nullopt;
    case OrderJournal::FillOutcome::Failed:
        m_lastError = QCoreApplication::translate("hoga::OrderManager", "Order %1: %2")
                          .arg(m->order.clientId, m_journal.lastError());
        return std::nullopt;
    }
    m->order = after;
    m->state = stateAfter;
    m->journaledFillQty = newSum;
    const ManagedOrder result = *m;
    forgetIfFinished(result.order.clientId);
    return result;
}

const ManagedOrder* OrderManager::find(const QString& clientId) const {
    auto it = m_orders.constFind(clientId);
    return it == m_orders.cend() ? nullptr : &*it;
}

const ManagedOrder* OrderManager::findByVenueId(const QString& venue, const QString& venueOrderId) const {
    for (const ManagedOrder& m : m_orders) {
        if (m.order.venue == venue && m.order.id == venueOrderId)
            return &m;
    }
    return nullptr;
}

QVector<ManagedOrder> OrderManager::active(const QString& bot, const QString& venue) const {
    QVector<ManagedOrder> out;
    for (const ManagedOrder& m : m_orders) {
        if ((bot.isEmpty() || m.bot == bot) && (venue.isEmpty() || m.order.venue == venue))
            out.append(m);
    }
    std::sort(out.begin(), out.end(), [](const ManagedOrder& a, const ManagedOrder& b) {
        return a.order.createdAtMs < b.order.createdAtMs;
    });
    return out;
}

int OrderManager::openCount(const QString& bot) const {
    int n = 0;
    for (const ManagedOrder& m : m_orders) {
        if (bot.isEmpty() || m.bot == bot)
            ++n;
    }
    return n;
}

} // namespace hoga
