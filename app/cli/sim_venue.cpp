#include "sim_venue.h"

#include "await_result.h"
#include "core/lock_file_recovery.h"
#include "venues/sim/sim_connector.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QStandardPaths>

#include <algorithm>
#include <climits>
#include <limits>

namespace hoga::cli {

namespace {

VenueError stateError(const QString& detail) {
    VenueError e;
    e.kind = ErrorKind::Venue;
    e.detail = detail;
    return e;
}

} // namespace

qint64 ReplayClock::nowMs() const {
    const qint64 pinned = m_pinned.load();
    return pinned != 0 ? pinned : SystemClock::instance().nowMs();
}

SimVenue::SimVenue(const QString& journalPath)
    : m_journal(journalPath, SimJournalPace{kWarmUpSteps, kStepIntervalMs})
    , m_lock(journalPath + QStringLiteral(".lock")) {
    // Only a dead owner makes the lock stale: a long stream must not lose it to age.
    m_lock.setStaleLockTime(0);
    m_stepTimer.setTimerType(Qt::PreciseTimer);
    m_stepTimer.setInterval(kStepIntervalMs);
    QObject::connect(&m_stepTimer, &QTimer::timeout, [this] { stepTo(m_steps + 1); });
}

SimVenue::~SimVenue() {
    m_stepTimer.stop();
    m_host.reset(); // the simulator goes before the clock it reads
}

QString SimVenue::defaultJournalPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (dir.isEmpty())
        return QDir::home().filePath(QStringLiteral(".hoga-cli-sim-journal.jsonl"));
    return QDir(dir).filePath(QStringLiteral("sim-journal.jsonl"));
}

std::optional<CliError> SimVenue::open(bool changesOrders, int timeoutMs) {
    const QString path = QDir::toNativeSeparators(m_journal.path());
    if (!QDir().mkpath(QFileInfo(m_journal.path()).absolutePath()))
        return CliError::fromVenueError(
            stateError(QCoreApplication::translate("hoga::Cli",
                                                   "Cannot create the folder of the simulated venue's state "
                                                   "file %1.")
                           .arg(path)));
    // A run killed while creating the lock file leaves it empty: cleared once it is a few seconds old.
    if (!tryLockRecoveringAbandoned(m_lock, timeoutMs))
        return CliError::fromVenueError(
            stateError(QCoreApplication::translate(
                           "hoga::Cli", "Another hoga-cli run is using the simulated venue's state file %1.")
                           .arg(path)));
    QVector<SimJournalEntry> entries;
    if (std::optional<QString> problem = m_journal.load(&entries))
        return CliError::fromVenueError(stateError(*problem));
    if (!changesOrders)
        m_lock.unlock();

    SimConfig config;
    config.autoRun = false; // stepped here, so each call's step is known
    config.stepIntervalMs = kStepIntervalMs;
    config.clock = &m_clock;
    // Every call that changes the paper account is journaled as the simulator runs it, whoever made it
    // (a command here, or a bot's engine calling the connector directly), at the step it met the market.
    config.onAccountCall = [this](const SimAccountCall& call) {
        journal(call);
    };
    auto sim = std::make_unique<SimConnector>(config);
    m_sim = sim.get();
    m_host = std::make_unique<ConnectorHost>(std::move(sim));

    if (std::optional<CliError> error = replay(entries, timeoutMs))
        return error;
    m_recording.store(changesOrders); // replayed calls are in the journal already
    stepTo(std::max(m_steps, kWarmUpSteps));
    m_stepTimer.start();
    return std::nullopt;
}

std::optional<CliError> SimVenue::replay(const QVector<SimJournalEntry>& entries, int timeoutMs) {
    // Everything is queued at once: the connector runs queued calls in order, so each call meets the
    // market exactly at its step, with the clock pinned to its original time.
    // Each entry's answer, as a Result (a create that was refused is an error here).
    QVector<QFuture<Result<Order>>> calls;
    const QDeadlineTimer deadline(timeoutMs);
    for (const SimJournalEntry& e : entries) {
        if (std::optional<CliError> error = replayStepsTo(e.step, deadline, timeoutMs))
            return error;
        ReplayClock* clock = &m_clock;
        const qint64 time = e.timeMs;
        QMetaObject::invokeMethod(
            m_sim, [clock, time] { clock->pin(time); }, Qt::QueuedConnection);
        calls << (e.op == SimJournalEntry::Op::Create
                      ? m_sim->createOrder(e.request).then([](const OrderPlacement& p) {
                            return p.ok() ? Result<Order>(p.value()) : Result<Order>(p.error());
                        })
                      : m_sim->cancelOrder(e.ref));
        QMetaObject::invokeMethod(
            m_sim, [clock] { clock->unpin(); }, Qt::QueuedConnection);
    }
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const Result<Order> r = awaitResult(calls[i], timeoutMs);
        if (!r.ok() && r.error().kind == ErrorKind::Network)
            return CliError::fromVenueError(r.error());
        if (!r.ok())
            return CliError::fromVenueError(stateError(
                QCoreApplication::translate(
                    "hoga::Cli", "The simulated venue's state file %1 no longer replays (entry %2: "
                                 "%3). Delete it to start over.")
                    .arg(QDir::toNativeSeparators(m_journal.path()))
                    .arg(i + 1)
                    .arg(r.error().userMessage())));
    }
    return std::nullopt;
}

std::optional<CliError> SimVenue::replayStepsTo(quint64 step, const QDeadlineTimer& deadline, int timeoutMs) {
    // A slice at a time, each waited for (the connector runs its queue in order, so a cheap call queued
    // after the slice finishes after it): at most one slice is ever queued, and the replay ends by the
    // deadline instead of holding the run (and its memory) for as long as the steps take.
    constexpr quint64 kSlice = 1000;
    while (m_steps < step) {
        stepTo(std::min(step, m_steps + kSlice));
        if (m_steps == step)
            break;
        const qint64 left = deadline.remainingTime();
        const int waitMs = left < 0 ? std::numeric_limits<int>::max() : int(std::min<qint64>(left, INT_MAX));
        if (left == 0 || !awaitResult(m_sim->fetchMarkets(), waitMs).ok())
            return CliError::fromVenueError(stateError(
                QCoreApplication::translate(
                    "hoga::Cli", "The simulated venue's state file %1 did not replay within %2 ms "
                                 "(market step %3 of %4). Use a longer --timeout-ms, or delete the "
                                 "file to start over.")
                    .arg(QDir::toNativeSeparators(m_journal.path()))
                    .arg(timeoutMs)
                    .arg(m_steps)
                    .arg(step)));
    }
    return std::nullopt;
}

void SimVenue::stepTo(quint64 step) {
    for (; m_steps < step; ++m_steps)
        m_sim->step();
}

Connector* SimVenue::connector() const {
    return m_host ? m_host->connector() : nullptr;
}

void SimVenue::journal(const SimAccountCall& call) {
    if (!m_recording.load())
        return;
    SimJournalEntry e;
    e.op = call.op == SimAccountCall::Op::Create ? SimJournalEntry::Op::Create : SimJournalEntry::Op::Cancel;
    e.step = call.step;
    e.timeMs = call.op == SimAccountCall::Op::Create ? call.result.createdAtMs : call.result.updatedAtMs;
    e.request = call.request;
    e.ref = call.ref;
    const std::optional<QString> problem = m_journal.append(e);
    QMutexLocker lock(&m_problemMutex);
    if (problem && m_journalProblem.isEmpty())
        m_journalProblem = *problem;
}

std::optional<QString> SimVenue::journalProblem() const {
    QMutexLocker lock(&m_problemMutex);
    if (m_journalProblem.isEmpty())
        return std::nullopt;
    return m_journalProblem;
}

std::optional<VenueError> SimVenue::accountProblem() const {
    if (std::optional<QString> problem = journalProblem())
        return stateError(*problem);
    return std::nullopt;
}

} // namespace hoga::cli
