#pragma once

#include <QString>

#include <optional>

namespace hoga {

// Where the market-data database is: a SQLite file or a PostgreSQL server.
//   /path/to/market.sqlite, sqlite:///path/to/market.sqlite   -> SQLite
//   postgresql://user@host:port/dbname (or postgres://)       -> PostgreSQL (QPSQL)
// A password is never taken from the URL (it would show in the process list); libpq reads PGPASSWORD or
// ~/.pgpass, and hoga-cli and the GUI pass the profile's secret store entry (secretKey()) through `password`.
struct MarketDataUrl {
    enum class Engine { Sqlite, Postgres };

    Engine engine = Engine::Sqlite;
    QString filePath; // SQLite
    QString host;     // PostgreSQL
    int port = 5432;
    QString user;
    QString database;
    QString password; // set by the caller, never parsed

    // nullopt for text that is neither form (or a URL that carries a password).
    static std::optional<MarketDataUrl> parse(const QString& text);
    static MarketDataUrl sqlite(const QString& filePath);
    QString describe() const; // without any password, for messages
    // The key of this server's password in the profile's secret store (keychain or encrypted file):
    // "research/postgres/<sha-256 of describe()>", one password per user, host, port and database.
    QString secretKey() const;
};

} // namespace hoga
