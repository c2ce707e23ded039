#include "sim_journal.h"

#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace hoga::cli {

namespace {

constexpr qint64 kFormatVersion = 1;

std::optional<Decimal> decimalOf(const net::JsonValue& v) {
    return v.isString() ? v.toDecimal() : std::nullopt;
}

// Writes what `file` holds through to the disk; the error text when that failed.
std::optional<QString> syncToDisk(QFile& file) {
#ifdef Q_OS_UNIX
    if (::fsync(file.handle()) != 0)
        return qt_error_string(errno);
#else
    Q_UNUSED(file);
#endif
    return std::nullopt;
}

// A new file's name lives in its folder: sync that too (best effort: not every file system can).
void syncFolderOf(const QString& path) {
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(),
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path);
#endif
}

// The largest step an entry may have after one at `previousStep` and `previousTimeMs`: the run steps at
// most once per interval between the two calls (twice that, for slack), plus kStepSlack; never beyond
// kMaxStep. Computed without overflow for any times.
quint64 stepLimit(quint64 previousStep, qint64 previousTimeMs, qint64 timeMs, const SimJournalPace& pace) {
    const quint64 elapsedMs = timeMs > previousTimeMs ? quint64(timeMs) - quint64(previousTimeMs) : 0;
    const quint64 interval = quint64(std::max<qint64>(1, pace.stepIntervalMs));
    const quint64 byTime = elapsedMs / interval;
    const quint64 room = SimJournal::kMaxStep - std::min(previousStep, SimJournal::kMaxStep);
    return previousStep + std::min(room, SimJournal::kStepSlack + std::min(byTime, room / 2) * 2);
}

} // namespace

SimJournal::SimJournal(QString path, SimJournalPace pace)
    : m_path(std::move(path))
    , m_pace(pace) {}

QByteArray SimJournal::encode(const SimJournalEntry& e) {
    net::JsonWriter w;
    w.beginObject().field("v", kFormatVersion);
    if (e.op == SimJournalEntry::Op::Create) {
        const OrderRequest& r = e.request;
        w.field("op", "create")
            .field("step", e.step)
            .field("time", e.timeMs)
            .field("market", r.market)
            .field("side", sideName(r.side))
            .field("type", orderTypeName(r.type))
            .field("price", r.price)
            .field("qty", r.qty)
            .field("total", r.total)
            .field("client_id", r.clientId);
        if (r.timeInForce != TimeInForce::GoodTillCancel) // older journals have no "tif": gtc
            w.field("tif", timeInForceName(r.timeInForce));
    } else {
        w.field("op", "cancel")
            .field("step", e.step)
            .field("time", e.timeMs)
            .field("id", e.ref.id)
            .field("client_id", e.ref.clientId);
    }
    w.endObject();
    return w.data();
}

std::optional<SimJournalEntry> SimJournal::decode(const QByteArray& line) {
    net::JsonDocument doc;
    if (!doc.parse(line))
        return std::nullopt;
    const net::JsonValue root = doc.root();
    const std::optional<qint64> step = root["step"].toInt64();
    const std::optional<qint64> time = root["time"].toInt64();
    if (root["v"].toInt64(0) != kFormatVersion || !step || *step < 0 || !time)
        return std::nullopt;
    SimJournalEntry e;
    e.step = quint64(*step);
    e.timeMs = *time;
    const QString op = root["op"].toString();
    if (op == QLatin1String("create")) {
        OrderRequest& r = e.request;
        r.market = root["market"].toString();
        const QString side = root["side"].toString();
        const QString type = root["type"].toString();
        const std::optional<Decimal> price = decimalOf(root["price"]);
        const std::optional<Decimal> qty = decimalOf(root["qty"]);
        const std::optional<Decimal> total = decimalOf(root["total"]);
        r.clientId = root["client_id"].toString();
        if (r.market.isEmpty() || !price || !qty || !total)
            return std::nullopt;
        if (side != QLatin1String("buy") && side != QLatin1String("sell"))
            return std::nullopt;
        const std::optional<OrderType> orderType = parseOrderType(type);
        const std::optional<TimeInForce> tif =
            root.contains("tif") ? parseTimeInForce(root["tif"].toString()) : TimeInForce::GoodTillCancel;
        if (!orderType || !tif)
            return std::nullopt;
        r.side = side == QLatin1String("buy") ? Side::Buy : Side::Sell;
        r.type = *orderType;
        r.timeInForce = *tif;
        r.price = *price;
        r.qty = *qty;
        r.total = *total;
        e.op = SimJournalEntry::Op::Create;
    } else if (op == QLatin1String("cancel")) {
        e.op = SimJournalEntry::Op::Cancel;
        e.ref.id = root["id"].toString();
        e.ref.clientId = root["client_id"].toString();
        if (e.ref.id.isEmpty() == e.ref.clientId.isEmpty())
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    return e;
}

std::optional<QString> SimJournal::load(QVector<SimJournalEntry>* entries) const {
    entries->clear();
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    const auto cannotRead = [&] {
        return QCoreApplication::translate("hoga::Cli", "Cannot read the simulated venue's state file %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    };
    if (!file.open(QIODevice::ReadOnly))
        return cannotRead();
    const auto damagedAt = [&](int lineNumber) {
        return QCoreApplication::translate(
                   "hoga::Cli",
                   "The simulated venue's state file %1 is damaged at line %2. Delete it to start over.")
            .arg(QDir::toNativeSeparators(m_path))
            .arg(lineNumber);
    };
    int lineNumber = 0;
    std::optional<qint64> tornAt; // where a last line cut short by a crash starts
    bool lastLineUnended = false; // a whole record without its line break
    while (!file.atEnd()) {
        const qint64 start = file.pos();
        const QByteArray raw = file.readLine();
        ++lineNumber;
        const bool ended = raw.endsWith('\n');
        const QByteArray line = raw.trimmed();
        const std::optional<SimJournalEntry> entry = line.isEmpty() ? std::nullopt : decode(line);
        if (!ended && !entry) {
            // Only the last line can lack its line break. Cut short by a crash, it is not JSON at all; a
            // whole object that is not a record is damage like any other.
            net::JsonDocument doc;
            if (!line.isEmpty() && doc.parse(line))
                return damagedAt(lineNumber);
            tornAt = start;
            break;
        }
        if (line.isEmpty())
            continue;
        if (!entry || (!entries->isEmpty() && entry->step < entries->last().step))
            return damagedAt(lineNumber);
        const quint64 limit =
            entries->isEmpty()
                ? stepLimit(m_pace.startStep, entry->timeMs, entry->timeMs, m_pace)
                : stepLimit(entries->last().step, entries->last().timeMs, entry->timeMs, m_pace);
        if (entry->step > limit)
            return QCoreApplication::translate(
                       "hoga::Cli",
                       "The simulated venue's state file %1 is damaged at line %2: market step %3 "
                       "is further than its time allows (at most %4). Delete it to start over.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(lineNumber)
                .arg(entry->step)
                .arg(limit);
        lastLineUnended = !ended;
        entries->append(*entry);
    }
    if (file.error() != QFileDevice::NoError)
        return cannotRead();
    file.close();
    if (!tornAt && !lastLineUnended)
        return std::nullopt;

    // Repair under the caller's lock, so the next append starts on a line of its own.
    const auto cannotRepair = [&](const QString& why) {
        return QCoreApplication::translate("hoga::Cli",
                                           "Cannot write the simulated venue's state file %1: %2")
            .arg(QDir::toNativeSeparators(m_path), why);
    };
    if (!file.open(QIODevice::ReadWrite))
        return cannotRepair(file.errorString());
    if (tornAt ? !file.resize(*tornAt) : (!file.seek(file.size()) || file.write("\n") != 1 || !file.flush()))
        return cannotRepair(file.errorString());
    if (std::optional<QString> error = syncToDisk(file))
        return cannotRepair(*error);
    return std::nullopt;
}

std::optional<QString> SimJournal::append(const SimJournalEntry& entry) const {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool created = !QFileInfo::exists(m_path);
    QFile file(m_path);
    const QByteArray record = encode(entry) + '\n';
    // One write of the whole line, then fsync: the call is on disk before its result is printed, and a crash
    // leaves at most a torn last line, which load() drops.
    std::optional<QString> error;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(record) != record.size() ||
        !file.flush())
        error = file.errorString();
    else
        error = syncToDisk(file);
    if (error)
        return QCoreApplication::translate("hoga::Cli",
                                           "Cannot write the simulated venue's state file %1: %2")
            .arg(QDir::toNativeSeparators(m_path), *error);
    if (created)
        syncFolderOf(m_path);
    return std::nullopt;
}

} // namespace hoga::cli
