#include "cancel_all_batch.h"

#include "trading/trading_session.h"

namespace hoga {

CancelAllBatch::CancelAllBatch(TradingSession* trading, QStringList orderIds, QObject* parent)
    : QObject(parent)
    , m_trading(trading)
    , m_ids(std::move(orderIds)) {
    m_ids.removeDuplicates();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &CancelAllBatch::finish);
}

void CancelAllBatch::start(const std::function<void(const QString&)>& cancel, int answerTimeoutMs) {
    connect(m_trading, &TradingSession::ordersChanged, this, [this] { check(true); });
    connect(m_trading, &TradingSession::errorOccurred, this, [this](const VenueError& error) {
        ++m_errorCount;
        const QString message = error.userMessage();
        if (!message.isEmpty() && !m_errors.contains(message))
            m_errors.append(message);
        // The session fetches the order again after a failed cancel: its next ordersChanged tells.
        check(false);
    });
    // Orders that ended before the cancel went out are counted as they are; only open ones are cancelled.
    check(false);
    for (const QString& id : std::as_const(m_ids))
        if (!m_final.contains(id))
            cancel(id);
    if (!m_finished)
        m_deadline.start(answerTimeoutMs);
}

void CancelAllBatch::check(bool afterStateChange) {
    QHash<QString, Order> byId;
    for (const QVector<Order>& list : {m_trading->openOrders(), m_trading->orderHistory()})
        for (const Order& o : list)
            if (m_ids.contains(o.id))
                byId.insert(o.id, o);
    bool changed = false;
    for (const QString& id : std::as_const(m_ids)) {
        const auto it = byId.constFind(id);
        if (it != byId.cend() && isTerminal(it->state) && m_final.value(id, OrderState::New) != it->state) {
            m_final.insert(id, it->state);
            changed = true;
        }
    }
    if (changed)
        emit progressed();
    const int open = int(m_ids.size()) - int(m_final.size());
    // Done when every order ended, or when as many cancels failed as orders stayed open (their fresh state,
    // fetched after the error, is what `afterStateChange` looked at).
    if (!m_finished && (open == 0 || (afterStateChange && m_errorCount >= open)))
        finish();
}

void CancelAllBatch::finish() {
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    emit progressed();
    emit finished();
}

CancelAllBatch::Outcome CancelAllBatch::outcome() const {
    Outcome o;
    o.total = int(m_ids.size());
    for (auto it = m_final.cbegin(); it != m_final.cend(); ++it) {
        if (it.value() == OrderState::Cancelled)
            ++o.cancelled;
        else
            ++o.filled;
    }
    o.open = o.total - o.cancelled - o.filled;
    o.errors = m_errors;
    return o;
}

QString CancelAllBatch::summary() const {
    const Outcome o = outcome();
    if (!m_finished)
        return o.total == 1 ? tr("Cancelling 1 order…") : tr("Cancelling %1 orders…").arg(o.total);
    QStringList parts;
    parts << (o.total == 1 ? tr("%1 of 1 order cancelled.").arg(o.cancelled)
                           : tr("%1 of %2 orders cancelled.").arg(o.cancelled).arg(o.total));
    if (o.filled > 0)
        parts << tr("%1 filled before the cancel arrived.").arg(o.filled);
    if (o.open > 0)
        parts << (o.errors.isEmpty()
                      ? tr("%1 not confirmed by the venue yet.").arg(o.open)
                      : tr("%1 not cancelled: %2").arg(o.open).arg(o.errors.join(QStringLiteral("; "))));
    return parts.join(QLatin1Char(' '));
}

} // namespace hoga
