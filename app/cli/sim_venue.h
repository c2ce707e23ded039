#pragma once

#include "cli_venue.h"
#include "core/clock.h"
#include "sim_journal.h"

#include <QDeadlineTimer>
#include <QLockFile>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>

#include <memory>
#include <optional>

namespace hoga {
class SimConnector;
struct SimAccountCall;
} // namespace hoga

namespace hoga::cli {

// Wall-clock time, except while a journaled call is replayed: then the time it originally ran at.
class ReplayClock final : public Clock {
public:
    qint64 nowMs() const override;
    void pin(qint64 ms) { m_pinned.store(ms); }
    void unpin() { m_pinned.store(0); }

private:
    std::atomic<qint64> m_pinned{0};
};

// The simulated venue for hoga-cli: a SimConnector that this class steps itself (so every call's market
// step is known) and whose paper orders persist between runs through a SimJournal.
//
// Runs are serialised with a lock file: a run that changes orders holds it to the end (two runs appending
// at once would interleave their steps); others hold it only while reading the journal.
class SimVenue final : public CliVenue {
public:
    static constexpr int kStepIntervalMs = 100; // the simulator's own default pace
    // Every run starts at least this far into the market (5 s), so even the first one has recent trades.
    static constexpr quint64 kWarmUpSteps = 50;

    explicit SimVenue(const QString& journalPath);
    ~SimVenue() override;

    // Locks the journal, starts the simulator and replays the journal into it (bounded by `timeoutMs` per
    // wait), then lets the market move. `changesOrders`: keep the lock for the whole run.
    std::optional<CliError> open(bool changesOrders, int timeoutMs);

    Connector* connector() const override;
    std::optional<VenueError> accountProblem() const override;

    quint64 steps() const { return m_steps; }
    // hoga-cli's data folder, or a file in the home folder when there is none.
    static QString defaultJournalPath();

private:
    std::optional<CliError> replay(const QVector<SimJournalEntry>& entries, int timeoutMs);
    std::optional<CliError> replayStepsTo(quint64 step, const QDeadlineTimer& deadline, int timeoutMs);
    void stepTo(quint64 step);
    // On the connector's thread: appends a call that changed the paper account to the journal.
    void journal(const SimAccountCall& call);
    std::optional<QString> journalProblem() const;

    ReplayClock m_clock; // declared before the host: the simulator reads it until the host is gone
    SimJournal m_journal;
    QLockFile m_lock;
    std::unique_ptr<ConnectorHost> m_host;
    SimConnector* m_sim = nullptr;
    QTimer m_stepTimer;
    quint64 m_steps = 0;
    std::atomic<bool> m_recording{false};
    mutable QMutex m_problemMutex;
    QString m_journalProblem; // the first journal write that failed
};

} // namespace hoga::cli
