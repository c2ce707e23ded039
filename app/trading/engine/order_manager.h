#pragma once

#include "core/order_placement.h"
#include "storage/order_journal.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace hoga {

class Clock;

// One order the engine follows: the venue's view (order) and the engine's (state).
struct ManagedOrder {
    Order order;
    QString bot;
    QString tag;
    JournalState state = JournalState::Pending;
    Decimal journaledFillQty; // sum of this order's fills in the journal
};

// The engine's orders, keyed by client id, with the order state machine enforced and every change written
// to the journal before it counts. In-flight states: Submitted (request left, no answer) and CancelPending.
// An Unknown placement outcome leaves the order Submitted until reconciliation finds it or proves it never
// arrived; nothing is ever re-sent from here. Not thread-safe: the engine's thread only.
class OrderManager {
public:
    OrderManager(OrderJournal& journal, const Clock& clock);

    // Is `from` -> `to` a legal step of the journal's state machine?
    static bool isLegal(JournalState from, JournalState to);

    // Loads the journal's unfinished orders (after a restart).
    void load();

    // Journals the order as Pending; it must carry its client id. False: not journaled, must not be sent.
    bool begin(const Order& order, const QString& bot, const QString& tag);
    // The request is leaving (in memory only: Pending in the journal already means "may have left").
    bool markSubmitted(const QString& clientId);
    // The connector's answer. Placed: adopts the venue's order; Rejected: terminal; Unknown: stays Submitted.
    bool applyPlacement(const OrderPlacement& placement);
    // Reconciliation proved the venue never got it.
    bool markNeverSent(const QString& clientId, const QString& reason);
    bool beginCancel(const QString& clientId);
    // The cancel failed without a new venue state: back to the state before CancelPending.
    bool cancelFailed(const QString& clientId, const QString& reason);

    enum class Applied { Changed, Unchanged, Unknown };
    // A venue snapshot of an order (stream, lookup, reconciliation). Unknown: the journal does not know it
    // (neither by client id nor by venue id).
    Applied applyVenueOrder(const Order& venueOrder);
    // A modify (KIS 정정) answered with `replacement`, a new venue order that took what remained on the
    // followed order `clientId` (`oldEnded`) or part of it: the replacement is journaled (same bot and tag,
    // client id "<clientId>~<its venue id>") and followed from now on; the old order ends Cancelled when
    // nothing is left on it. The new row is written first, so a crash in between leaves both followed.
    bool applyReplacement(const QString& clientId, const Order& replacement, bool oldEnded);
    // Records a venue order nobody here placed as External.
    bool adoptExternal(const Order& venueOrder);
    // A fill: journaled once by venue and trade id. Returns the order it belongs to when it was new.
    std::optional<ManagedOrder> applyFill(const Fill& incoming);

    const ManagedOrder* find(const QString& clientId) const;
    const ManagedOrder* findByVenueId(const QString& venue, const QString& venueOrderId) const;
    // Orders still followed (not finished); `bot` / `venue` empty = all.
    QVector<ManagedOrder> active(const QString& bot = {}, const QString& venue = {}) const;
    // Orders that may rest at the venue (Open, PartiallyFilled, CancelPending, Submitted).
    int openCount(const QString& bot = {}) const;

    QString lastError() const { return m_lastError; }

private:
    bool moveTo(ManagedOrder& managed, JournalState to, const QString& note = {});
    ManagedOrder* lookup(const Order& order);
    void forgetIfFinished(const QString& clientId);

    OrderJournal& m_journal;
    const Clock& m_clock;
    QHash<QString, ManagedOrder> m_orders; // unfinished only: finished ones live in the journal
    QHash<QString, JournalState> m_beforeCancel;
    QString m_lastError;
};

} // namespace hoga
