#include "profile_database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace hoga {

namespace {

// SQL fragment: column `c` is NULL or canonical decimal text (digits, at most one '.', optional leading
// '-', no trailing fraction zeros, no exponent).
QString decimalCheck(const char* c) {
    const QString col = QString::fromLatin1(c);
    return QStringLiteral("CHECK (%1 IS NULL OR (typeof(%1) = 'text' AND %1 GLOB '*[0-9]' AND "
                          "%1 NOT GLOB '*[^0-9.-]*' AND %1 NOT GLOB '?*-*' AND %1 NOT GLOB '*.*.*' AND "
                          "%1 NOT GLOB '-' AND NOT (%1 GLOB '*.*' AND %1 GLOB '*0')))")
        .arg(col);
}

struct Migration {
    int version;
    const char* description;
    QStringList statements;
};

// Append-only: never edit a released migration, add a new one.
QList<Migration> migrations() {
    return {
        {1,
         "orders journal, fills, app state",
         {
             QStringLiteral("CREATE TABLE orders ("
                            " id INTEGER PRIMARY KEY,"
                            " client_id TEXT NOT NULL UNIQUE,"
                            " venue TEXT NOT NULL,"
                            " market TEXT NOT NULL,"
                            " side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),"
                            " type TEXT NOT NULL,"
                            " price TEXT %1,"
                            " qty TEXT %2,"
                            " total TEXT %3,"
                            " state TEXT NOT NULL,"
                            " venue_order_id TEXT,"
                            " created_ms INTEGER NOT NULL,"
                            " updated_ms INTEGER NOT NULL)")
                 .arg(decimalCheck("price"), decimalCheck("qty"), decimalCheck("total")),
             QStringLiteral("CREATE INDEX orders_by_venue_id ON orders (venue, venue_order_id)"),
             QStringLiteral("CREATE INDEX orders_by_state ON orders (state, updated_ms)"),
             QStringLiteral("CREATE TABLE fills ("
                            " id INTEGER PRIMARY KEY,"
                            " order_client_id TEXT REFERENCES orders (client_id) ON DELETE CASCADE,"
                            " venue TEXT NOT NULL,"
                            " market TEXT NOT NULL,"
                            " venue_trade_id TEXT NOT NULL,"
                            " side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),"
                            " price TEXT NOT NULL %1,"
                            " qty TEXT NOT NULL %2,"
                            " fee TEXT %3,"
                            " fee_currency TEXT,"
                            " filled_ms INTEGER NOT NULL,"
                            " UNIQUE (venue, venue_trade_id))")
                 .arg(decimalCheck("price"), decimalCheck("qty"), decimalCheck("fee")),
             QStringLiteral("CREATE INDEX fills_by_order ON fills (order_client_id)"),
             // Small pieces of app state that belong to the profile's data (not user settings, which are in
             // settings.ini), e.g. the last synchronised trade id per venue.
             QStringLiteral("CREATE TABLE app_state ("
                            " key TEXT PRIMARY KEY,"
                            " value TEXT,"
                            " updated_ms INTEGER NOT NULL)"),
         }},
        {2,
         "trading engine journal: order journal states, order events, bots",
         {
             QStringLiteral("ALTER TABLE orders ADD COLUMN journal_state TEXT NOT NULL DEFAULT 'pending'"),
             QStringLiteral("ALTER TABLE orders ADD COLUMN bot TEXT"),
             QStringLiteral("ALTER TABLE orders ADD COLUMN time_in_force TEXT"),
             QStringLiteral("ALTER TABLE orders ADD COLUMN filled_qty TEXT %1")
                 .arg(decimalCheck("filled_qty")),
             QStringLiteral("ALTER TABLE orders ADD COLUMN filled_quote TEXT %1")
                 .arg(decimalCheck("filled_quote")),
             QStringLiteral("ALTER TABLE orders ADD COLUMN fee TEXT %1").arg(decimalCheck("fee")),
             QStringLiteral("ALTER TABLE orders ADD COLUMN tag TEXT"),
             QStringLiteral("ALTER TABLE orders ADD COLUMN error TEXT"),
             QStringLiteral("ALTER TABLE orders ADD COLUMN cancel_requested_ms INTEGER"),
             QStringLiteral("CREATE INDEX orders_by_journal_state ON orders (journal_state)"),
             QStringLiteral("CREATE INDEX orders_by_bot ON orders (bot)"),
             // Every state change of every order, in order: the journal's history.
             QStringLiteral("CREATE TABLE order_events ("
                            " id INTEGER PRIMARY KEY,"
                            " client_id TEXT NOT NULL REFERENCES orders (client_id) ON DELETE CASCADE,"
                            " journal_state TEXT NOT NULL,"
                            " state TEXT NOT NULL,"
                            " venue_order_id TEXT,"
                            " note TEXT,"
                            " at_ms INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX order_events_by_order ON order_events (client_id, id)"),
             QStringLiteral("CREATE TABLE bots ("
                            " id TEXT PRIMARY KEY,"
                            " strategy TEXT NOT NULL,"
                            " venue TEXT NOT NULL,"
                            " market TEXT NOT NULL,"
                            " params TEXT NOT NULL,"
                            " strategy_state TEXT,"
                            " position_qty TEXT NOT NULL %1,"
                            " position_avg_price TEXT NOT NULL %2,"
                            " realized_pnl TEXT NOT NULL %3,"
                            " last_event_ms INTEGER NOT NULL,"
                            " status TEXT NOT NULL CHECK (status IN ('running', 'stopped', 'halted')),"
                            " halt_reason TEXT,"
                            " updated_ms INTEGER NOT NULL)")
                 .arg(decimalCheck("position_qty"), decimalCheck("position_avg_price"),
                      decimalCheck("realized_pnl")),
         }},
        {3,
         "price alerts",
         {
             // threshold: a price for above/below, a percentage for percent_move (within window_ms).
             QStringLiteral("CREATE TABLE price_alerts ("
                            " id INTEGER PRIMARY KEY,"
                            " venue TEXT NOT NULL,"
                            " market TEXT NOT NULL,"
                            " kind TEXT NOT NULL CHECK (kind IN ('above', 'below', 'percent_move')),"
                            " threshold TEXT NOT NULL %1,"
                            " window_ms INTEGER NOT NULL DEFAULT 0,"
                            " state TEXT NOT NULL CHECK (state IN ('armed', 'fired')),"
                            " created_ms INTEGER NOT NULL,"
                            " armed_ms INTEGER NOT NULL,"
                            " fired_ms INTEGER,"
                            " fired_price TEXT %2)")
                 .arg(decimalCheck("threshold"), decimalCheck("fired_price")),
             QStringLiteral("CREATE INDEX price_alerts_by_market ON price_alerts (venue, market)"),
         }},
        {4,
         "order session (KRX after-hours sessions)",
         {
             // NULL on older rows: the regular session.
             QStringLiteral("ALTER TABLE orders ADD COLUMN session TEXT"),
         }},
    };
}

QAtomicInteger<quint64> g_connectionCounter;

} // namespace

ProfileDatabase::ProfileDatabase(QString filePath)
    : m_filePath(std::move(filePath))
    , m_connectionName(QStringLiteral("hoga-profile-db-%1-%2")
                           .arg(quintptr(QThread::currentThreadId()), 0, 16)
                           .arg(g_connectionCounter.fetchAndAddRelaxed(1))) {}

ProfileDatabase::~ProfileDatabase() {
    close();
}

ProfileDatabase::Status ProfileDatabase::fail(Status status, const QString& message) {
    m_status = status;
    m_error = message;
    return status;
}

ProfileDatabase::Status ProfileDatabase::open() {
    if (isOpen())
        return m_status;
    m_error.clear();
    // Closed here, after openAndMigrate()'s queries are gone (closing under live queries warns and breaks
    // them).
    if (openAndMigrate() != Status::Ok)
        close();
    return m_status;
}

ProfileDatabase::Status ProfileDatabase::openAndMigrate() {
    if (!QFileInfo::exists(m_filePath)) {
        // Created by us first, so it is private from the start (SQLite gives -wal/-shm the same mode).
        QFile file(m_filePath);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return fail(Status::CannotOpen,
                        QCoreApplication::translate("hoga::ProfileDatabase", "Could not create the database "
                                                                             "%1: %2")
                            .arg(m_filePath, file.errorString()));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return fail(Status::CannotOpen, QCoreApplication::translate("hoga::ProfileDatabase",
                                                                        "Could not open the database %1: %2")
                                                .arg(m_filePath, db.lastError().text()));
        QSqlQuery q(db);
        // A file that is not SQLite only fails at the first statement.
        if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")) ||
            !q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return fail(Status::CannotOpen, QCoreApplication::translate("hoga::ProfileDatabase",
                                                                        "Could not open the database %1: %2")
                                                .arg(m_filePath, q.lastError().text()));
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version INTEGER PRIMARY KEY,"
                                   " description TEXT NOT NULL,"
                                   " applied_ms INTEGER NOT NULL)")))
            return fail(Status::CannotOpen, QCoreApplication::translate("hoga::ProfileDatabase",
                                                                        "Could not open the database %1: %2")
                                                .arg(m_filePath, q.lastError().text()));
    }
    const int version = schemaVersion();
    if (version > kSchemaVersion)
        return fail(Status::TooNew,
                    QCoreApplication::translate("hoga::ProfileDatabase",
                                                "This profile's database was written by a newer version of "
                                                "Hoga (schema %1; this version understands up to %2). "
                                                "Update Hoga to open it.")
                        .arg(version)
                        .arg(kSchemaVersion));
    if (!migrate())
        return m_status;
    m_status = Status::Ok;
    return m_status;
}

bool ProfileDatabase::migrate() {
    QSqlDatabase db = database();
    QSqlQuery q(db);
    for (const Migration& m : migrations()) {
        // IMMEDIATE: take the write lock before reading the version, so two openers cannot both migrate.
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            fail(Status::MigrationFailed,
                 QCoreApplication::translate("hoga::ProfileDatabase", "Could not update the database %1: %2")
                     .arg(m_filePath, q.lastError().text()));
            return false;
        }
        if (schemaVersion() >= m.version) {
            q.exec(QStringLiteral("COMMIT"));
            continue;
        }
        bool ok = true;
        QString error;
        for (const QString& sql : m.statements) {
            if (!q.exec(sql)) {
                ok = false;
                error = q.lastError().text();
                break;
            }
        }
        if (ok) {
            q.prepare(QStringLiteral(
                "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)"));
            q.addBindValue(m.version);
            q.addBindValue(QString::fromLatin1(m.description));
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            ok = q.exec();
            if (!ok)
                error = q.lastError().text();
        }
        if (ok && !q.exec(QStringLiteral("COMMIT"))) {
            ok = false;
            error = q.lastError().text();
        }
        if (!ok) {
            q.exec(QStringLiteral("ROLLBACK"));
            fail(Status::MigrationFailed,
                 QCoreApplication::translate("hoga::ProfileDatabase",
                                             "Could not update the database %1 to schema %2: %3")
                     .arg(m_filePath)
                     .arg(m.version)
                     .arg(error));
            return false;
        }
    }
    return true;
}

void ProfileDatabase::close() {
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ProfileDatabase::isOpen() const {
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

int ProfileDatabase::schemaVersion() const {
    if (!QSqlDatabase::contains(m_connectionName))
        return -1;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return -1;
    return q.value(0).isNull() ? 0 : q.value(0).toInt();
}

QSqlDatabase ProfileDatabase::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

std::optional<Decimal> ProfileDatabase::decimalFromSql(const QVariant& value) {
    if (value.isNull() || value.typeId() != QMetaType::QString)
        return std::nullopt;
    const QString text = value.toString();
    auto parsed = Decimal::parse(text);
    if (!parsed || parsed->toString() != text)
        return std::nullopt;
    return parsed;
}

} // namespace hoga
