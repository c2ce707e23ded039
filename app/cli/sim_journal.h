#pragma once

#include "core/order.h"
#include "venues/connector.h"

#include <QString>
#include <QVector>

#include <optional>

namespace hoga::cli {

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
    explicit SimJournal(QString path);

    const QString& path() const { return m_path; }
    // Every entry in order. A missing file is an empty journal; a damaged one is an error (its message
    // names the line), since replaying part of it would silently change the account.
    std::optional<QString> load(QVector<SimJournalEntry>* entries) const;
    std::optional<QString> append(const SimJournalEntry& entry) const;

    static QByteArray encode(const SimJournalEntry& entry);
    static std::optional<SimJournalEntry> decode(const QByteArray& line);

private:
    QString m_path;
};

} // namespace hoga::cli
