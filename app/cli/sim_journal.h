#pragma once

#include "core/order.h"
#include "venues/connector.h"

#include <QString>
#include <QVector>

#include <optional>

namespace hoga::cli {

// How far the market can have moved by each journaled call: a run starts where the journal left off (the
// first at `startStep`) and steps at most once per `stepIntervalMs` while it is open.
struct SimJournalPace {
    quint64 startStep = 50;
    qint64 stepIntervalMs = 100;
};

// One account-changing call made on the simulated venue.
struct SimJournalEntry {
    enum class Op { Create, Cancel };
    Op op = Op::Create;
    quint64 step = 0;     // market steps taken before the call
    qint64 timeMs = 0;    // the venue's clock during the call (the order's created/updated time)
    OrderRequest request; // Create (always with its client id)
    OrderRef ref;         // Cancel
};

// The simulated venue's paper account lives only as long as one hoga-cli run, so each run replays the
// order calls of earlier runs, at the same market step and clock time, into a fresh simulator with the same
// seed: the simulator is deterministic for a seed and a sequence of calls, so ids, fills and balances come
// out exactly as they were. This file holds those calls, one JSON object per line.
//
// Not thread-safe; callers serialise runs with a lock file beside it (see SimVenue).
class SimJournal {
public:
    // No entry is replayed past this step (about 28 hours of market at the default pace; a real journal
    // gains a few steps per run): replaying costs time in proportion to the step.
    static constexpr quint64 kMaxStep = 1'000'000;
    // Steps an entry may be ahead of what the time since the entry before allows (a minute at the default
    // pace: timer jitter, clock corrections).
    static constexpr quint64 kStepSlack = 600;

    explicit SimJournal(QString path, SimJournalPace pace = {});

    const QString& path() const { return m_path; }
    // Every entry in order. A missing file is an empty journal; a damaged one is an error (its message
    // names the line), since replaying part of it would silently change the account. So is an entry whose
    // step is beyond kMaxStep or further ahead of the entry before than their times allow. A last line cut
    // short by a crash while it was written (no line break, not a whole record) is the one exception: the
    // call it recorded never reported a result, so it is dropped and the file truncated after the last
    // whole line.
    std::optional<QString> load(QVector<SimJournalEntry>* entries) const;
    // Appends one line and syncs it to disk before returning.
    std::optional<QString> append(const SimJournalEntry& entry) const;

    static QByteArray encode(const SimJournalEntry& entry);
    static std::optional<SimJournalEntry> decode(const QByteArray& line);

private:
    QString m_path;
    SimJournalPace m_pace;
};

} // namespace hoga::cli
