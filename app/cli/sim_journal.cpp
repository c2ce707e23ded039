#include "sim_journal.h"

#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace hoga::cli {

namespace {

constexpr qint64 kFormatVersion = 1;

std::optional<Decimal> decimalOf(const net::JsonValue& v) {
    return v.isString() ? v.toDecimal() : std::nullopt;
}

} // namespace

SimJournal::SimJournal(QString path)
    : m_path(std::move(path)) {}

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
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("hoga::Cli", "Cannot read the simulated venue's state file %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const std::optional<SimJournalEntry> entry = decode(line);
        if (!entry || (!entries->isEmpty() && entry->step < entries->last().step))
            return QCoreApplication::translate(
                       "hoga::Cli",
                       "The simulated venue's state file %1 is damaged at line %2. Delete it to start over.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(lineNumber);
        entries->append(*entry);
    }
    return std::nullopt;
}

std::optional<QString> SimJournal::append(const SimJournalEntry& entry) const {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(encode(entry) + '\n') < 0 ||
        !file.flush())
        return QCoreApplication::translate("hoga::Cli",
                                           "Cannot write the simulated venue's state file %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    return std::nullopt;
}

} // namespace hoga::cli
