#include "sql_market_data_store.h"

#include "core/order.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace hoga {

namespace {

// Migration N turns schema N-1 into N. Plain SQL both engines accept.
const QVector<QStringList>& migrations() {
    static const QVector<QStringList> list{
        {
            QStringLiteral(
                "CREATE TABLE md_tickers (venue TEXT NOT NULL, market TEXT NOT NULL, ts BIGINT NOT "
                "NULL, last TEXT NOT NULL, open TEXT NOT NULL, high TEXT NOT NULL, low TEXT NOT "
                "NULL, prev_close TEXT NOT NULL, change TEXT NOT NULL, change_rate TEXT NOT NULL, "
                "volume_24h TEXT NOT NULL, quote_volume_24h TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX md_tickers_market_time ON md_tickers (venue, market, ts)"),
            QStringLiteral("CREATE TABLE md_trades (venue TEXT NOT NULL, market TEXT NOT NULL, ts BIGINT NOT "
                           "NULL, trade_id TEXT NOT NULL, price TEXT NOT NULL, qty TEXT NOT NULL, side TEXT "
                           "NOT NULL)"),
            QStringLiteral("CREATE INDEX md_trades_market_time ON md_trades (venue, market, ts)"),
            QStringLiteral("CREATE TABLE md_books (venue TEXT NOT NULL, market TEXT NOT NULL, ts BIGINT NOT "
                           "NULL, bids TEXT NOT NULL, asks TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX md_books_market_time ON md_books (venue, market, ts)"),
        },
    };
    return list;
}

Decimal decimalOf(const QVariant& value) {
    return Decimal::parse(value.toString()).value_or(Decimal());
}

QString rangeClause(qint64 toMs) {
    return toMs > 0 ? QStringLiteral(" AND ts < :to") : QString();
}

} // namespace

SqlMarketDataStore::SqlMarketDataStore(MarketDataUrl url)
    : m_url(std::move(url))
    , m_connectionName(QStringLiteral("hoga-md-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

SqlMarketDataStore::~SqlMarketDataStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase SqlMarketDataStore::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

bool SqlMarketDataStore::fail(const QString& message) {
    m_error = message;
    return false;
}

bool SqlMarketDataStore::open() {
    const bool postgres = m_url.engine == MarketDataUrl::Engine::Postgres;
    const QString driver = postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return fail(
            QCoreApplication::translate("hoga::MarketDataStore", "The database driver %1 is not installed.")
                .arg(driver));
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? database()
                          : QSqlDatabase::addDatabase(driver, m_connectionName);
    if (postgres) {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setDatabaseName(m_url.database);
        if (!m_url.password.isEmpty())
            db.setPassword(m_url.password);
    } else {
        db.setDatabaseName(m_url.filePath);
    }
    if (!db.open())
        return fail(QCoreApplication::translate("hoga::MarketDataStore",
                                                "Cannot open the market-data database %1: %2")
                        .arg(m_url.describe(), db.lastError().text()));
    if (!postgres) {
        QSqlQuery q(db);
        // WAL lets readers (export, backtest) work while the recorder writes; NORMAL is durable in WAL.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) ||
            !q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
            return fail(q.lastError().text());
    }
    return migrate();
}

int SqlMarketDataStore::schemaVersion() const {
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM md_schema_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool SqlMarketDataStore::migrate() {
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (!db.tables().contains(QStringLiteral("md_schema_version")) &&
        !q.exec(QStringLiteral("CREATE TABLE md_schema_version (version INTEGER NOT NULL)")))
        return fail(q.lastError().text());
    const int current = schemaVersion();
    if (current < 0)
        return fail(QCoreApplication::translate("hoga::MarketDataStore", "Cannot read the schema version."));
    if (current > kSchemaVersion)
        return fail(QCoreApplication::translate("hoga::MarketDataStore",
                                                "The market-data database was written by a newer Hoga."));
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        if (!db.transaction())
            return fail(db.lastError().text());
        QStringList statements = migrations().at(version - 1);
        statements << QStringLiteral("INSERT INTO md_schema_version (version) VALUES (%1)").arg(version);
        for (const QString& sql : statements) {
            if (!q.exec(sql)) {
                const QString error = q.lastError().text();
                db.rollback();
                return fail(error);
            }
        }
        if (!db.commit())
            return fail(db.lastError().text());
    }
    return true;
}

QString SqlMarketDataStore::encodeLevels(const QVector<BookLevel>& levels) {
    QString text;
    for (const BookLevel& level : levels) {
        if (!text.isEmpty())
            text += QLatin1Char(';');
        text += level.price.toString() + QLatin1Char(':') + level.qty.toString();
    }
    return text;
}

QVector<BookLevel> SqlMarketDataStore::decodeLevels(const QString& text) {
    QVector<BookLevel> levels;
    for (const QString& pair : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype colon = pair.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        levels.append({decimalOf(pair.left(colon)), decimalOf(pair.mid(colon + 1))});
    }
    return levels;
}

bool SqlMarketDataStore::write(const QVector<RecordedRow>& rows) {
    QSqlDatabase db = database();
    if (!db.isOpen())
        return fail(
            QCoreApplication::translate("hoga::MarketDataStore", "The market-data database is not open."));
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery ticker(db);
    QSqlQuery trade(db);
    QSqlQuery book(db);
    bool prepared = ticker.prepare(QStringLiteral(
                        "INSERT INTO md_tickers (venue, market, ts, last, open, high, low, prev_close, "
                        "change, change_rate, volume_24h, quote_volume_24h) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) &&
                    trade.prepare(QStringLiteral("INSERT INTO md_trades (venue, market, ts, trade_id, price, "
                                                 "qty, side) VALUES (?, ?, ?, ?, ?, ?, ?)")) &&
                    book.prepare(QStringLiteral(
                        "INSERT INTO md_books (venue, market, ts, bids, asks) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery* failed = prepared ? nullptr : &ticker;
    for (const RecordedRow& row : rows) {
        if (failed)
            break;
        if (const Ticker* t = std::get_if<Ticker>(&row)) {
            const QVariantList values{t->venue,
                                      t->market,
                                      t->timestampMs,
                                      t->last.toString(),
                                      t->open.toString(),
                                      t->high.toString(),
                                      t->low.toString(),
                                      t->prevClose.toString(),
                                      t->change.toString(),
                                      t->changeRate.toString(),
                                      t->volume24h.toString(),
                                      t->quoteVolume24h.toString()};
            for (int i = 0; i < values.size(); ++i)
                ticker.bindValue(i, values[i]);
            if (!ticker.exec())
                failed = &ticker;
        } else if (const Trade* tr = std::get_if<Trade>(&row)) {
            const QVariantList values{
                tr->venue,          tr->market,        tr->timestampMs, tr->id, tr->price.toString(),
                tr->qty.toString(), sideName(tr->side)};
            for (int i = 0; i < values.size(); ++i)
                trade.bindValue(i, values[i]);
            if (!trade.exec())
                failed = &trade;
        } else if (const BookSnapshot* b = std::get_if<BookSnapshot>(&row)) {
            const QVariantList values{b->venue, b->market, b->timestampMs, encodeLevels(b->bids),
                                      encodeLevels(b->asks)};
            for (int i = 0; i < values.size(); ++i)
                book.bindValue(i, values[i]);
            if (!book.exec())
                failed = &book;
        }
    }
    if (failed) {
        const QString error = failed->lastError().text();
        db.rollback();
        return fail(error);
    }
    if (!db.commit())
        return fail(db.lastError().text());
    return true;
}

QVector<Trade> SqlMarketDataStore::trades(const QString& venue, const QString& market, qint64 fromMs,
                                          qint64 toMs) {
    QVector<Trade> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ts, trade_id, price, qty, side FROM md_trades WHERE venue = :venue AND "
                             "market = :market AND ts >= :from") +
              rangeClause(toMs) + QStringLiteral(" ORDER BY ts"));
    q.bindValue(QStringLiteral(":venue"), venue);
    q.bindValue(QStringLiteral(":market"), market);
    q.bindValue(QStringLiteral(":from"), fromMs);
    if (toMs > 0)
        q.bindValue(QStringLiteral(":to"), toMs);
    if (!q.exec()) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next()) {
        Trade t;
        t.venue = venue;
        t.market = market;
        t.timestampMs = q.value(0).toLongLong();
        t.id = q.value(1).toString();
        t.price = decimalOf(q.value(2));
        t.qty = decimalOf(q.value(3));
        t.side = q.value(4).toString() == QLatin1String("sell") ? Side::Sell : Side::Buy;
        result.append(t);
    }
    return result;
}

QVector<Ticker> SqlMarketDataStore::tickers(const QString& venue, const QString& market, qint64 fromMs,
                                            qint64 toMs) {
    QVector<Ticker> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ts, last, open, high, low, prev_close, change, change_rate, volume_24h, "
                             "quote_volume_24h FROM md_tickers WHERE venue = :venue AND market = :market AND "
                             "ts >= :from") +
              rangeClause(toMs) + QStringLiteral(" ORDER BY ts"));
    q.bindValue(QStringLiteral(":venue"), venue);
    q.bindValue(QStringLiteral(":market"), market);
    q.bindValue(QStringLiteral(":from"), fromMs);
    if (toMs > 0)
        q.bindValue(QStringLiteral(":to"), toMs);
    if (!q.exec()) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next()) {
        Ticker t;
        t.venue = venue;
        t.market = market;
        t.timestampMs = q.value(0).toLongLong();
        t.last = decimalOf(q.value(1));
        t.open = decimalOf(q.value(2));
        t.high = decimalOf(q.value(3));
        t.low = decimalOf(q.value(4));
        t.prevClose = decimalOf(q.value(5));
        t.change = decimalOf(q.value(6));
        t.changeRate = decimalOf(q.value(7));
        t.volume24h = decimalOf(q.value(8));
        t.quoteVolume24h = decimalOf(q.value(9));
        result.append(t);
    }
    return result;
}

QVector<BookSnapshot> SqlMarketDataStore::books(const QString& venue, const QString& market, qint64 fromMs,
                                                qint64 toMs) {
    QVector<BookSnapshot> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT ts, bids, asks FROM md_books WHERE venue = :venue AND market = :market AND "
                       "ts >= :from") +
        rangeClause(toMs) + QStringLiteral(" ORDER BY ts"));
    q.bindValue(QStringLiteral(":venue"), venue);
    q.bindValue(QStringLiteral(":market"), market);
    q.bindValue(QStringLiteral(":from"), fromMs);
    if (toMs > 0)
        q.bindValue(QStringLiteral(":to"), toMs);
    if (!q.exec()) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next()) {
        BookSnapshot b;
        b.venue = venue;
        b.market = market;
        b.timestampMs = q.value(0).toLongLong();
        b.bids = decodeLevels(q.value(1).toString());
        b.asks = decodeLevels(q.value(2).toString());
        result.append(b);
    }
    return result;
}

QVector<QPair<QString, QString>> SqlMarketDataStore::recordedMarkets() {
    QVector<QPair<QString, QString>> result;
    QSqlQuery q(database());
    if (!q.exec(
            QStringLiteral("SELECT venue, market FROM md_trades UNION SELECT venue, market FROM md_tickers "
                           "UNION SELECT venue, market FROM md_books ORDER BY 1, 2")))
        return result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString()});
    return result;
}

} // namespace hoga
