#include "sim_paper_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace hoga {

namespace {

constexpr int kFormat = 1;

QString text(const Decimal& d) {
    return d.toString();
}

// Every decimal must be there and exact: a paper account is money too.
struct Reader {
    bool ok = true;

    Decimal decimal(const QJsonObject& o, const char* key) {
        const std::optional<Decimal> d = Decimal::parse(o.value(QLatin1String(key)).toString());
        if (!d)
            ok = false;
        return d.value_or(Decimal());
    }
    QString string(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toString(); }
    qint64 integer(const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toString().toLongLong();
    }
};

QJsonObject orderJson(const Order& o) {
    return QJsonObject{{QStringLiteral("id"), o.id},
                       {QStringLiteral("client_id"), o.clientId},
                       {QStringLiteral("market"), o.market},
                       {QStringLiteral("side"), sideName(o.side)},
                       {QStringLiteral("type"), orderTypeName(o.type)},
                       {QStringLiteral("price"), text(o.price)},
                       {QStringLiteral("qty"), text(o.qty)},
                       {QStringLiteral("total"), text(o.total)},
                       {QStringLiteral("filled_qty"), text(o.filledQty)},
                       {QStringLiteral("filled_quote"), text(o.filledQuote)},
                       {QStringLiteral("fee"), text(o.fee)},
                       {QStringLiteral("tif"), timeInForceName(o.timeInForce)},
                       {QStringLiteral("state"), orderStateName(o.state)},
                       {QStringLiteral("created"), QString::number(o.createdAtMs)},
                       {QStringLiteral("updated"), QString::number(o.updatedAtMs)}};
}

std::optional<OrderState> parseState(const QString& name) {
    for (OrderState s : {OrderState::New, OrderState::Open, OrderState::PartiallyFilled, OrderState::Filled,
                         OrderState::Cancelled, OrderState::Rejected})
        if (orderStateName(s) == name)
            return s;
    return std::nullopt;
}

std::optional<Side> parseSide(const QString& name) {
    if (name == sideName(Side::Buy))
        return Side::Buy;
    if (name == sideName(Side::Sell))
        return Side::Sell;
    return std::nullopt;
}

std::optional<Order> orderFrom(const QJsonObject& j, Reader& r) {
    Order o;
    o.venue = QStringLiteral("sim");
    o.id = r.string(j, "id");
    o.clientId = r.string(j, "client_id");
    o.market = r.string(j, "market");
    const auto side = parseSide(r.string(j, "side"));
    const auto type = parseOrderType(r.string(j, "type"));
    const auto tif = parseTimeInForce(r.string(j, "tif"));
    const auto state = parseState(r.string(j, "state"));
    if (!side || !type || !tif || !state || o.id.isEmpty())
        return std::nullopt;
    o.side = *side;
    o.type = *type;
    o.timeInForce = *tif;
    o.state = *state;
    o.price = r.decimal(j, "price");
    o.qty = r.decimal(j, "qty");
    o.total = r.decimal(j, "total");
    o.filledQty = r.decimal(j, "filled_qty");
    o.filledQuote = r.decimal(j, "filled_quote");
    o.fee = r.decimal(j, "fee");
    o.createdAtMs = r.integer(j, "created");
    o.updatedAtMs = r.integer(j, "updated");
    return o;
}

QJsonObject fillJson(const Fill& f) {
    return QJsonObject{{QStringLiteral("order_id"), f.orderId},
                       {QStringLiteral("client_id"), f.clientId},
                       {QStringLiteral("market"), f.market},
                       {QStringLiteral("trade_id"), f.tradeId},
                       {QStringLiteral("side"), sideName(f.side)},
                       {QStringLiteral("price"), text(f.price)},
                       {QStringLiteral("qty"), text(f.qty)},
                       {QStringLiteral("fee"), text(f.fee)},
                       {QStringLiteral("fee_currency"), f.feeCurrency},
                       {QStringLiteral("maker"), f.maker},
                       {QStringLiteral("time"), QString::number(f.timestampMs)}};
}

std::optional<Fill> fillFrom(const QJsonObject& j, Reader& r) {
    Fill f;
    f.venue = QStringLiteral("sim");
    f.orderId = r.string(j, "order_id");
    f.clientId = r.string(j, "client_id");
    f.market = r.string(j, "market");
    f.tradeId = r.string(j, "trade_id");
    const auto side = parseSide(r.string(j, "side"));
    if (!side)
        return std::nullopt;
    f.side = *side;
    f.price = r.decimal(j, "price");
    f.qty = r.decimal(j, "qty");
    f.fee = r.decimal(j, "fee");
    f.feeCurrency = r.string(j, "fee_currency");
    f.maker = j.value(QStringLiteral("maker")).toBool();
    f.timestampMs = r.integer(j, "time");
    return f;
}

} // namespace

SimPaperFile::SimPaperFile(QString path)
    : m_path(std::move(path)) {}

bool SimPaperFile::exists() const {
    return QFileInfo::exists(m_path);
}

QByteArray SimPaperFile::encode(const SimPaperState& state) {
    QJsonArray holdings;
    for (const SimPaperState::Holding& h : state.holdings)
        holdings.append(QJsonObject{{QStringLiteral("currency"), h.currency},
                                    {QStringLiteral("free"), text(h.free)},
                                    {QStringLiteral("locked"), text(h.locked)},
                                    {QStringLiteral("avg_buy_price"), text(h.avgBuyPrice)},
                                    {QStringLiteral("avg_buy_currency"), h.avgBuyCurrency}});
    QJsonArray orders;
    for (const SimPaperState::PaperOrder& p : state.orders) {
        QJsonObject o = orderJson(p.order);
        o.insert(QStringLiteral("locked_left"), text(p.lockedLeft));
        o.insert(QStringLiteral("lock_currency"), p.lockCurrency);
        o.insert(QStringLiteral("lock_rate"), text(p.lockRate));
        orders.append(o);
    }
    QJsonArray fills;
    for (const Fill& f : state.fills)
        fills.append(fillJson(f));
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("order_seq"), QString::number(state.orderSeq)},
                           {QStringLiteral("holdings"), holdings},
                           {QStringLiteral("orders"), orders},
                           {QStringLiteral("closed"), QJsonArray::fromStringList(state.closedOrder)},
                           {QStringLiteral("fills"), fills}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<SimPaperState> SimPaperFile::decode(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != kFormat)
        return std::nullopt;
    Reader r;
    SimPaperState state;
    state.orderSeq = root.value(QStringLiteral("order_seq")).toString().toULongLong();
    for (const QJsonValue& v : root.value(QStringLiteral("holdings")).toArray()) {
        const QJsonObject h = v.toObject();
        state.holdings.append({r.string(h, "currency"), r.decimal(h, "free"), r.decimal(h, "locked"),
                               r.decimal(h, "avg_buy_price"), r.string(h, "avg_buy_currency")});
    }
    for (const QJsonValue& v : root.value(QStringLiteral("orders")).toArray()) {
        const QJsonObject o = v.toObject();
        const std::optional<Order> order = orderFrom(o, r);
        if (!order)
            return std::nullopt;
        state.orders.append(
            {*order, r.decimal(o, "locked_left"), r.string(o, "lock_currency"), r.decimal(o, "lock_rate")});
    }
    for (const QJsonValue& v : root.value(QStringLiteral("closed")).toArray())
        state.closedOrder.append(v.toString());
    for (const QJsonValue& v : root.value(QStringLiteral("fills")).toArray()) {
        const std::optional<Fill> fill = fillFrom(v.toObject(), r);
        if (!fill)
            return std::nullopt;
        state.fills.append(*fill);
    }
    if (!r.ok)
        return std::nullopt;
    return state;
}

std::optional<QString> SimPaperFile::load(SimPaperState* state) const {
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("hoga::SimConnector", "Cannot read the paper account %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    const std::optional<SimPaperState> decoded = decode(file.readAll());
    if (!decoded)
        return QCoreApplication::translate("hoga::SimConnector", "The paper account %1 is damaged.")
            .arg(QDir::toNativeSeparators(m_path));
    *state = *decoded;
    return std::nullopt;
}

std::optional<QString> SimPaperFile::save(const SimPaperState& state) const {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(encode(state)) < 0 || !file.commit())
        return QCoreApplication::translate("hoga::SimConnector", "Cannot save the paper account %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    return std::nullopt;
}

} // namespace hoga
