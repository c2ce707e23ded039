#pragma once

#include "core/account.h"
#include "core/order.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace hoga {

class ProfileDatabase;

// Where an order stands from the engine's point of view. Pending: journaled, its request may or may not
// have left (a crash here is resolved by looking the client id up at the venue). Submitted: the request
// left, no answer yet. CancelPending: a cancel request left. NeverSent: reconciliation proved the venue never
// got it. External: an order at the venue the journal did not place; never touched by bots.
enum class JournalState {
    Pending,
    Submitted,
    Open,
    PartiallyFilled,
    CancelPending,
    Filled,
    Cancelled,
    Rejected,
    NeverSent,
    External,
};

QString journalStateName(JournalState state); // "pending", "submitted", ..., "never_sent", "external"
std::optional<JournalState> parseJournalState(const QString& name);
// Nothing more will happen to the order (External counts as finished: the engine does not follow it).
bool isJournalFinished(JournalState state);
// The journal state an order in venue state `state` is in once the venue confirmed it.
JournalState journalStateFor(OrderState state);

struct JournalOrder {
    Order order;
    QString bot; // empty: placed by hand (ticket, hoga-cli) or external
    JournalState state = JournalState::Pending;
    QString tag;
    QString error; // why it was rejected / never sent
    qint64 cancelRequestedMs = 0;
};

struct BotRecord {
    enum class Status { Running, Stopped, Halted };

    QString id;
    QString strategy;
    QString venue;
    QString market;
    QJsonObject params;        // key -> text
    QJsonObject strategyState; // Strategy::saveState()
    Position position;
    qint64 lastEventMs = 0;
    Status status = Status::Stopped;
    QString haltReason;
};
QString botStatusName(BotRecord::Status status); // "running", "stopped", "halted"

// The order journal in the profile's SQLite database: the one durable record of every order the engine
// placed, so a crash at any point loses or doubles nothing. Lives on the thread that opened `database`.
//
// Durability: WAL with synchronous=FULL, and every change is its own committed transaction. In WAL mode
// NORMAL already survives a killed process, but a commit may be lost on power failure; the pending row
// written before a request leaves must survive that too (an order at the venue the journal forgot would be
// re-placed by a bot after restart), so each commit is fsynced. The cost is in tests/bench/bench_engine.
class OrderJournal {
public:
    explicit OrderJournal(ProfileDatabase& database);

    QString lastError() const { return m_lastError; }

    // The row that must exist before the request leaves the process: state Pending, order.clientId set.
    bool insertPending(const Order& order, const QString& bot, const QString& tag, qint64 nowMs);
    // An order found at the venue that the journal did not place (journal state External).
    bool insertExternal(const Order& order, qint64 nowMs);
    // Records the order's new venue state, venue id, fill totals and journal state, with a history row.
    bool update(const Order& order, JournalState state, qint64 nowMs, const QString& note = {});
    bool markCancelRequested(const QString& clientId, qint64 nowMs);

    enum class FillOutcome { Applied, Duplicate, Failed };
    // Stores the fill (unique by venue and trade id) and, in the same transaction, the order as it is after
    // the fill. Duplicate: the fill was already recorded and nothing changed.
    FillOutcome recordFill(const Fill& fill, const Order& orderAfter, JournalState stateAfter, qint64 nowMs);
    bool hasFill(const QString& venue, const QString& tradeId) const;

    std::optional<JournalOrder> order(const QString& clientId) const;
    std::optional<JournalOrder> orderByVenueId(const QString& venue, const QString& venueOrderId) const;
    // Newest first. Empty filters match everything.
    QVector<JournalOrder> orders(const QString& bot = {}, const QString& venue = {}) const;
    // Orders the engine still follows (not finished), oldest first.
    QVector<JournalOrder> unfinishedOrders(const QString& venue = {}) const;
    QVector<JournalState> history(const QString& clientId) const;
    // Fills of one order / of every order of one bot, oldest first.
    QVector<Fill> fills(const QString& clientId) const;
    QVector<Fill> botFills(const QString& bot) const;

    bool saveBot(const BotRecord& bot, qint64 nowMs);
    std::optional<BotRecord> bot(const QString& id) const;
    QVector<BotRecord> bots() const;

    // The profile's emergency stop: set by the stop, cleared only when the user re-arms trading.
    bool setHalted(bool halted, const QString& reason, qint64 nowMs);
    bool isHalted() const;
    QString haltReason() const;

    // The account's own risk limits (Profile > Risk limits), as JSON text; empty when never set.
    bool setAccountLimits(const QString& json, qint64 nowMs);
    QString accountLimits() const;

private:
    bool fail(const QString& error) const;

    ProfileDatabase& m_database;
    mutable QString m_lastError;
};

} // namespace hoga
