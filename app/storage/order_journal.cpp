#include "order_journal.h"

#include "profile_database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace hoga {

namespace {

constexpr const char* kHaltedKey = "trading.halted";
constexpr const char* kAccountLimitsKey = "risk.account_limits";

struct StateName {
    JournalState state;
    const char* name;
};
constexpr StateName kStateNames[] = {
    {JournalState::Pending, "pending"},
    {JournalState::Submitted, "submitted"},
    {JournalState::Open, "open"},
    {JournalState::PartiallyFilled, "partially_filled"},
    {JournalState::CancelPending, "cancel_pending"},
    {JournalState::Filled, "filled"},
    {JournalState::Cancelled, "cancelled"},
    {JournalState::Rejected, "rejected"},
    {JournalState::NeverSent, "never_sent"},
    {JournalState::External, "external"},
};

std::optional<OrderState> parseOrderState(const QString& name) {
    for (OrderState s : {OrderState::New, OrderState::Open, OrderState::PartiallyFilled, OrderState::Filled,
                         OrderState::Cancelled, OrderState::Rejected}) {
        if (orderStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

Decimal decimalOr(const QVariant& value) {
    return ProfileDatabase::decimalFromSql(value).value_or(Decimal());
}

// NULL for zero, so optional amounts (price of a market order) stay absent.
QVariant optionalDecimal(const Decimal& value) {
    return value.isZero() ? QVariant(QMetaType(QMetaType::QString)) : ProfileDatabase::toSql(value);
}

QVariant optionalText(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

const QString kOrderColumns = QStringLiteral(
    "client_id, venue, market, side, type, price, qty, total, state, venue_order_id, created_ms, updated_ms, "
    "journal_state, bot, time_in_force, filled_qty, filled_quote, fee, tag, error, cancel_requested_ms, "
    "session");

JournalOrder orderFromRow(const QSqlQuery& q) {
    JournalOrder j;
    Order& o = j.order;
    o.clientId = q.value(0).toString();
    o.venue = q.value(1).toString();
    o.market = q.value(2).toString();
    o.side = q.value(3).toString() == QLatin1String("sell") ? Side::Sell : Side::Buy;
    o.type = parseOrderType(q.value(4).toString()).value_or(OrderType::Limit);
    o.price = decimalOr(q.value(5));
    o.qty = decimalOr(q.value(6));
    o.total = decimalOr(q.value(7));
    o.state = parseOrderState(q.value(8).toString()).value_or(OrderState::New);
    o.id = q.value(9).toString();
    o.createdAtMs = q.value(10).toLongLong();
    o.updatedAtMs = q.value(11).toLongLong();
    j.state = parseJournalState(q.value(12).toString()).value_or(JournalState::Pending);
    j.bot = q.value(13).toString();
    o.timeInForce = parseTimeInForce(q.value(14).toString()).value_or(TimeInForce::GoodTillCancel);
    o.filledQty = decimalOr(q.value(15));
    o.filledQuote = decimalOr(q.value(16));
    o.fee = decimalOr(q.value(17));
    j.tag = q.value(18).toString();
    j.error = q.value(19).toString();
    j.cancelRequestedMs = q.value(20).toLongLong();
    o.session = parseOrderSession(q.value(21).toString()).value_or(OrderSession::Regular);
    o.rejectReason = j.error;
    return j;
}

Fill fillFromRow(const QSqlQuery& q) {
    Fill f;
    f.clientId = q.value(0).toString();
    f.venue = q.value(1).toString();
    f.market = q.value(2).toString();
    f.tradeId = q.value(3).toString();
    f.side = q.value(4).toString() == QLatin1String("sell") ? Side::Sell : Side::Buy;
    f.price = decimalOr(q.value(5));
    f.qty = decimalOr(q.value(6));
    f.fee = decimalOr(q.value(7));
    f.feeCurrency = q.value(8).toString();
    f.timestampMs = q.value(9).toLongLong();
    f.orderId = q.value(10).toString();
    return f;
}

const QString kFillSelect = QStringLiteral(
    "SELECT f.order_client_id, f.venue, f.market, f.venue_trade_id, f.side, f.price, f.qty, f.fee, "
    "f.fee_currency, f.filled_ms, o.venue_order_id FROM fills f LEFT JOIN orders o ON o.client_id = "
    "f.order_client_id ");

// One committed transaction; rolled back when `body` fails.
template <class Body> bool inTransaction(QSqlDatabase db, QString* error, Body&& body) {
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    if (!body()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace

QString journalStateName(JournalState state) {
    for (const StateName& s : kStateNames) {
        if (s.state == state)
            return QString::fromLatin1(s.name);
    }
    return QStringLiteral("pending");
}

std::optional<JournalState> parseJournalState(const QString& name) {
    for (const StateName& s : kStateNames) {
        if (name == QLatin1String(s.name))
            return s.state;
    }
    return std::nullopt;
}

bool isJournalFinished(JournalState state) {
    switch (state) {
    case JournalState::Filled:
    case JournalState::Cancelled:
    case JournalState::Rejected:
    case JournalState::NeverSent:
    case JournalState::External:
        return true;
    default:
        return false;
    }
}

JournalState journalStateFor(OrderState state) {
    switch (state) {
    case OrderState::New:
    case OrderState::Open:
        return JournalState::Open;
    case OrderState::PartiallyFilled:
        return JournalState::PartiallyFilled;
    case OrderState::Filled:
        return JournalState::Filled;
    case OrderState::Cancelled:
        return JournalState::Cancelled;
    case OrderState::Rejected:
        return JournalState::Rejected;
    }
    return JournalState::Open;
}

QString botStatusName(BotRecord::Status status) {
    switch (status) {
    case BotRecord::Status::Running:
        return QStringLiteral("running");
    case BotRecord::Status::Halted:
        return QStringLiteral("halted");
    case BotRecord::Status::Stopped:
        break;
    }
    return QStringLiteral("stopped");
}

OrderJournal::OrderJournal(ProfileDatabase& database)
    : m_database(database) {
    QSqlQuery q(m_database.database());
    if (!q.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        fail(q.lastError().text());
}

bool OrderJournal::fail(const QString& error) const {
    m_lastError =
        QCoreApplication::translate("hoga::OrderJournal", "The order journal could not be written: %1")
            .arg(error);
    return false;
}

bool OrderJournal::insertPending(const Order& order, const QString& bot, const QString& tag, qint64 nowMs) {
    QString error;
    const bool ok = inTransaction(m_database.database(), &error, [&] {
        QSqlQuery q(m_database.database());
        q.prepare(QStringLiteral("INSERT INTO orders (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, "
                                 "'pending', ?, ?, '0', '0', '0', ?, NULL, NULL, ?)")
                      .arg(kOrderColumns));
        q.addBindValue(order.clientId);
        q.addBindValue(order.venue);
        q.addBindValue(order.market);
        q.addBindValue(sideName(order.side));
        q.addBindValue(orderTypeName(order.type));
        q.addBindValue(optionalDecimal(order.price));
        q.addBindValue(optionalDecimal(order.qty));
        q.addBindValue(optionalDecimal(order.total));
        q.addBindValue(orderStateName(OrderState::New));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(optionalText(bot));
        q.addBindValue(timeInForceName(order.timeInForce));
        q.addBindValue(optionalText(tag));
        q.addBindValue(order.session == OrderSession::Regular ? QVariant(QMetaType(QMetaType::QString))
                                                              : QVariant(orderSessionName(order.session)));
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        q.prepare(QStringLiteral("INSERT INTO order_events (client_id, journal_state, state, at_ms) VALUES "
                                 "(?, 'pending', ?, ?)"));
        q.addBindValue(order.clientId);
        q.addBindValue(orderStateName(OrderState::New));
        q.addBindValue(nowMs);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    return ok || fail(error);
}

bool OrderJournal::insertExternal(const Order& order, qint64 nowMs) {
    if (!insertPending(order, {}, {}, nowMs))
        return false;
    return update(order, JournalState::External, nowMs);
}

bool OrderJournal::update(const Order& order, JournalState state, qint64 nowMs, const QString& note) {
    QString error;
    const bool ok = inTransaction(m_database.database(), &error, [&] {
        QSqlQuery q(m_database.database());
        q.prepare(QStringLiteral("UPDATE orders SET state = ?, venue_order_id = COALESCE(?, venue_order_id), "
                                 "filled_qty = ?, filled_quote = ?, fee = ?, journal_state = ?, "
                                 "error = COALESCE(?, error), updated_ms = ? WHERE client_id = ?"));
        q.addBindValue(orderStateName(order.state));
        q.addBindValue(optionalText(order.id));
        q.addBindValue(ProfileDatabase::toSql(order.filledQty));
        q.addBindValue(ProfileDatabase::toSql(order.filledQuote));
        q.addBindValue(ProfileDatabase::toSql(order.fee));
        q.addBindValue(journalStateName(state));
        q.addBindValue(optionalText(order.rejectReason));
        q.addBindValue(nowMs);
        q.addBindValue(order.clientId);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() != 1) {
            error = QCoreApplication::translate("hoga::OrderJournal", "order %1 is not in the journal")
                        .arg(order.clientId);
            return false;
        }
        q.prepare(QStringLiteral("INSERT INTO order_events (client_id, journal_state, state, venue_order_id, "
                                 "note, at_ms) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(order.clientId);
        q.addBindValue(journalStateName(state));
        q.addBindValue(orderStateName(order.state));
        q.addBindValue(optionalText(order.id));
        q.addBindValue(optionalText(note));
        q.addBindValue(nowMs);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    return ok || fail(error);
}

bool OrderJournal::markCancelRequested(const QString& clientId, qint64 nowMs) {
    const std::optional<JournalOrder> current = order(clientId);
    if (!current)
        return fail(QCoreApplication::translate("hoga::OrderJournal", "order %1 is not in the journal")
                        .arg(clientId));
    QString error;
    const bool ok = inTransaction(m_database.database(), &error, [&] {
        QSqlQuery q(m_database.database());
        q.prepare(
            QStringLiteral("UPDATE orders SET journal_state = 'cancel_pending', cancel_requested_ms = ?, "
                           "updated_ms = ? WHERE client_id = ?"));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(clientId);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        q.prepare(QStringLiteral("INSERT INTO order_events (client_id, journal_state, state, venue_order_id, "
                                 "at_ms) VALUES (?, 'cancel_pending', ?, ?, ?)"));
        q.addBindValue(clientId);
        q.addBindValue(orderStateName(current->order.state));
        q.addBindValue(optionalText(current->order.id));
        q.addBindValue(nowMs);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    return ok || fail(error);
}

OrderJournal::FillOutcome OrderJournal::recordFill(const Fill& fill, const Order& orderAfter,
                                                   JournalState stateAfter, qint64 nowMs) {
    QString error;
    bool duplicate = false;
    const bool ok = inTransaction(m_database.database(), &error, [&] {
        QSqlQuery q(m_database.database());
        q.prepare(
            QStringLiteral("INSERT OR IGNORE INTO fills (order_client_id, venue, market, venue_trade_id, "
                           "side, price, qty, fee, fee_currency, filled_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?, ?, ?)"));
        q.addBindValue(optionalText(orderAfter.clientId));
        q.addBindValue(fill.venue);
        q.addBindValue(fill.market);
        q.addBindValue(fill.tradeId);
        q.addBindValue(sideName(fill.side));
        q.addBindValue(ProfileDatabase::toSql(fill.price));
        q.addBindValue(ProfileDatabase::toSql(fill.qty));
        q.addBindValue(ProfileDatabase::toSql(fill.fee));
        q.addBindValue(optionalText(fill.feeCurrency));
        q.addBindValue(fill.timestampMs);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        if (q.numRowsAffected() == 0) {
            duplicate = true;
            return false; // rolled back: nothing to change
        }
        if (orderAfter.clientId.isEmpty())
            return true;
        q.prepare(QStringLiteral("UPDATE orders SET state = ?, filled_qty = ?, filled_quote = ?, fee = ?, "
                                 "journal_state = ?, updated_ms = ? WHERE client_id = ?"));
        q.addBindValue(orderStateName(orderAfter.state));
        q.addBindValue(ProfileDatabase::toSql(orderAfter.filledQty));
        q.addBindValue(ProfileDatabase::toSql(orderAfter.filledQuote));
        q.addBindValue(ProfileDatabase::toSql(orderAfter.fee));
        q.addBindValue(journalStateName(stateAfter));
        q.addBindValue(nowMs);
        q.addBindValue(orderAfter.clientId);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        q.prepare(QStringLiteral("INSERT INTO order_events (client_id, journal_state, state, venue_order_id, "
                                 "note, at_ms) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(orderAfter.clientId);
        q.addBindValue(journalStateName(stateAfter));
        q.addBindValue(orderStateName(orderAfter.state));
        q.addBindValue(optionalText(orderAfter.id));
        q.addBindValue(QStringLiteral("fill %1").arg(fill.tradeId));
        q.addBindValue(nowMs);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    if (ok)
        return FillOutcome::Applied;
    if (duplicate)
        return FillOutcome::Duplicate;
    fail(error);
    return FillOutcome::Failed;
}

bool OrderJournal::hasFill(const QString& venue, const QString& tradeId) const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT 1 FROM fills WHERE venue = ? AND venue_trade_id = ?"));
    q.addBindValue(venue);
    q.addBindValue(tradeId);
    return q.exec() && q.next();
}

std::optional<JournalOrder> OrderJournal::order(const QString& clientId) const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT %1 FROM orders WHERE client_id = ?").arg(kOrderColumns));
    q.addBindValue(clientId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return orderFromRow(q);
}

std::optional<JournalOrder> OrderJournal::orderByVenueId(const QString& venue,
                                                         const QString& venueOrderId) const {
    QSqlQuery q(m_database.database());
    q.prepare(
        QStringLiteral("SELECT %1 FROM orders WHERE venue = ? AND venue_order_id = ?").arg(kOrderColumns));
    q.addBindValue(venue);
    q.addBindValue(venueOrderId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return orderFromRow(q);
}

QVector<JournalOrder> OrderJournal::orders(const QString& bot, const QString& venue) const {
    QSqlQuery q(m_database.database());
    q.prepare(
        QStringLiteral("SELECT %1 FROM orders WHERE (? IS NULL OR bot = ?) AND (? IS NULL OR venue = ?) "
                       "ORDER BY id DESC")
            .arg(kOrderColumns));
    q.addBindValue(optionalText(bot));
    q.addBindValue(optionalText(bot));
    q.addBindValue(optionalText(venue));
    q.addBindValue(optionalText(venue));
    QVector<JournalOrder> out;
    if (q.exec()) {
        while (q.next())
            out.append(orderFromRow(q));
    }
    return out;
}

QVector<JournalOrder> OrderJournal::unfinishedOrders(const QString& venue) const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT %1 FROM orders WHERE journal_state IN ('pending', 'submitted', 'open', "
                             "'partially_filled', 'cancel_pending') AND (? IS NULL OR venue = ?) ORDER BY id")
                  .arg(kOrderColumns));
    q.addBindValue(optionalText(venue));
    q.addBindValue(optionalText(venue));
    QVector<JournalOrder> out;
    if (q.exec()) {
        while (q.next())
            out.append(orderFromRow(q));
    }
    return out;
}

QVector<JournalState> OrderJournal::history(const QString& clientId) const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT journal_state FROM order_events WHERE client_id = ? ORDER BY id"));
    q.addBindValue(clientId);
    QVector<JournalState> out;
    if (q.exec()) {
        while (q.next())
            out.append(parseJournalState(q.value(0).toString()).value_or(JournalState::Pending));
    }
    return out;
}

QVector<Fill> OrderJournal::fills(const QString& clientId) const {
    QSqlQuery q(m_database.database());
    q.prepare(kFillSelect + QStringLiteral("WHERE f.order_client_id = ? ORDER BY f.id"));
    q.addBindValue(clientId);
    QVector<Fill> out;
    if (q.exec()) {
        while (q.next())
            out.append(fillFromRow(q));
    }
    return out;
}

QVector<Fill> OrderJournal::botFills(const QString& bot) const {
    QSqlQuery q(m_database.database());
    q.prepare(kFillSelect + QStringLiteral("WHERE o.bot = ? ORDER BY f.id"));
    q.addBindValue(bot);
    QVector<Fill> out;
    if (q.exec()) {
        while (q.next())
            out.append(fillFromRow(q));
    }
    return out;
}

bool OrderJournal::saveBot(const BotRecord& bot, qint64 nowMs) {
    QString error;
    const bool ok = inTransaction(m_database.database(), &error, [&] {
        QSqlQuery q(m_database.database());
        q.prepare(QStringLiteral(
            "INSERT INTO bots (id, strategy, venue, market, params, strategy_state, position_qty, "
            "position_avg_price, realized_pnl, last_event_ms, status, halt_reason, updated_ms) VALUES (?, ?, "
            "?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET strategy = excluded.strategy, "
            "venue = excluded.venue, market = excluded.market, params = excluded.params, strategy_state = "
            "excluded.strategy_state, position_qty = excluded.position_qty, position_avg_price = "
            "excluded.position_avg_price, realized_pnl = excluded.realized_pnl, last_event_ms = "
            "excluded.last_event_ms, status = excluded.status, halt_reason = excluded.halt_reason, "
            "updated_ms = "
            "excluded.updated_ms"));
        q.addBindValue(bot.id);
        q.addBindValue(bot.strategy);
        q.addBindValue(bot.venue);
        q.addBindValue(bot.market);
        q.addBindValue(QString::fromUtf8(QJsonDocument(bot.params).toJson(QJsonDocument::Compact)));
        q.addBindValue(QString::fromUtf8(QJsonDocument(bot.strategyState).toJson(QJsonDocument::Compact)));
        q.addBindValue(ProfileDatabase::toSql(bot.position.qty));
        q.addBindValue(ProfileDatabase::toSql(bot.position.avgPrice));
        q.addBindValue(ProfileDatabase::toSql(bot.position.realizedPnl));
        q.addBindValue(bot.lastEventMs);
        q.addBindValue(botStatusName(bot.status));
        q.addBindValue(optionalText(bot.haltReason));
        q.addBindValue(nowMs);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    return ok || fail(error);
}

namespace {

const QString kBotSelect = QStringLiteral(
    "SELECT id, strategy, venue, market, params, strategy_state, position_qty, position_avg_price, "
    "realized_pnl, last_event_ms, status, halt_reason FROM bots ");

BotRecord botFromRow(const QSqlQuery& q) {
    BotRecord b;
    b.id = q.value(0).toString();
    b.strategy = q.value(1).toString();
    b.venue = q.value(2).toString();
    b.market = q.value(3).toString();
    b.params = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    b.strategyState = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    b.position.qty = decimalOr(q.value(6));
    b.position.avgPrice = decimalOr(q.value(7));
    b.position.realizedPnl = decimalOr(q.value(8));
    b.lastEventMs = q.value(9).toLongLong();
    const QString status = q.value(10).toString();
    b.status = status == QLatin1String("running")  ? BotRecord::Status::Running
               : status == QLatin1String("halted") ? BotRecord::Status::Halted
                                                   : BotRecord::Status::Stopped;
    b.haltReason = q.value(11).toString();
    return b;
}

} // namespace

std::optional<BotRecord> OrderJournal::bot(const QString& id) const {
    QSqlQuery q(m_database.database());
    q.prepare(kBotSelect + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return botFromRow(q);
}

QVector<BotRecord> OrderJournal::bots() const {
    QSqlQuery q(m_database.database());
    QVector<BotRecord> out;
    if (q.exec(kBotSelect + QStringLiteral("ORDER BY id"))) {
        while (q.next())
            out.append(botFromRow(q));
    }
    return out;
}

bool OrderJournal::setHalted(bool halted, const QString& reason, qint64 nowMs) {
    QString error;
    const bool ok = inTransaction(m_database.database(), &error, [&] {
        QSqlQuery q(m_database.database());
        if (halted) {
            q.prepare(QStringLiteral("INSERT INTO app_state (key, value, updated_ms) VALUES (?, ?, ?) ON "
                                     "CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ms = "
                                     "excluded.updated_ms"));
            q.addBindValue(QString::fromLatin1(kHaltedKey));
            q.addBindValue(reason);
            q.addBindValue(nowMs);
        } else {
            q.prepare(QStringLiteral("DELETE FROM app_state WHERE key = ?"));
            q.addBindValue(QString::fromLatin1(kHaltedKey));
        }
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    return ok || fail(error);
}

bool OrderJournal::isHalted() const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT 1 FROM app_state WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(kHaltedKey));
    return q.exec() && q.next();
}

QString OrderJournal::haltReason() const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT value FROM app_state WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(kHaltedKey));
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

bool OrderJournal::setAccountLimits(const QString& json, qint64 nowMs) {
    QSqlQuery q(m_database.database());
    q.prepare(
        QStringLiteral("INSERT INTO app_state (key, value, updated_ms) VALUES (?, ?, ?) ON CONFLICT (key) DO "
                       "UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms"));
    q.addBindValue(QString::fromLatin1(kAccountLimitsKey));
    q.addBindValue(json);
    q.addBindValue(nowMs);
    return q.exec() || fail(q.lastError().text());
}

QString OrderJournal::accountLimits() const {
    QSqlQuery q(m_database.database());
    q.prepare(QStringLiteral("SELECT value FROM app_state WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(kAccountLimitsKey));
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

} // namespace hoga
