#pragma once

#include "core/decimal.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

namespace hoga {

// The SQLite database of one profile (<profile folder>/hoga.sqlite) through QtSql.
//
// Each instance owns its own connection with a unique name, so every thread that needs the database opens
// its own ProfileDatabase (QtSql connections must not cross threads). On open, pending schema migrations run
// in order, each in its own transaction, recorded in the schema_version table; a database written by a
// newer Hoga (higher version than kSchemaVersion) is refused and left untouched.
//
// Money columns are TEXT holding Decimal's canonical text, never REAL; a CHECK constraint rejects
// non-canonical text (so a double bound by mistake, e.g. 45000.0, fails loudly). Use
// toSql()/decimalFromSql().
class ProfileDatabase {
public:
    static constexpr int kSchemaVersion = 4;

    enum class Status {
        Ok,
        CannotOpen,      // file missing permissions, not a database, ...
        TooNew,          // written by a newer Hoga: refused, nothing changed
        MigrationFailed, // a migration failed and was rolled back
    };

    explicit ProfileDatabase(QString filePath);
    ~ProfileDatabase();
    ProfileDatabase(const ProfileDatabase&) = delete;
    ProfileDatabase& operator=(const ProfileDatabase&) = delete;

    // Opens (creating the file with mode 0600 if needed) and migrates. Idempotent.
    Status open();
    void close();
    bool isOpen() const;

    Status status() const { return m_status; }
    QString errorString() const { return m_error; } // translated
    const QString& filePath() const { return m_filePath; }
    const QString& connectionName() const { return m_connectionName; }

    // The schema version stored in the file (0 for an empty database), or -1 if unreadable.
    int schemaVersion() const;

    // The connection, for queries on the thread that opened it. Do not keep copies beyond this object's life.
    QSqlDatabase database() const;

    static QVariant toSql(const Decimal& value) { return value.toString(); }
    static QVariant toSql(const std::optional<Decimal>& value) {
        return value ? toSql(*value) : QVariant(QMetaType(QMetaType::QString));
    }
    // Only TEXT in canonical decimal form is accepted; a REAL or malformed value gives nullopt.
    static std::optional<Decimal> decimalFromSql(const QVariant& value);

private:
    Status openAndMigrate();
    Status fail(Status status, const QString& message);
    bool migrate();

    QString m_filePath;
    QString m_connectionName;
    Status m_status = Status::CannotOpen;
    QString m_error;
};

} // namespace hoga
