#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace hoga::test {

// A throw-away PostgreSQL server for one test: initdb into a temporary directory (as the postgres user when
// running as root, since initdb refuses root), listening on 127.0.0.1 and a free port with trust
// authentication, stopped and deleted in the destructor.
class PostgresServer {
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // Empty when PostgreSQL's server binaries are not installed (the caller skips with this message).
    static QString binDir();
    static QString missingReason();

    // False with errorString() set. With a password, connections over TCP must give it (scram-sha-256);
    // the user's own socket stays trusted.
    bool start(const QString& password = {});
    QString errorString() const { return m_error; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    // "postgresql://user@127.0.0.1:port/postgres"
    QString url() const;

private:
    bool run(const QString& program, const QStringList& arguments, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    QString m_user;
    int m_port = 0;
    bool m_started = false;
    QString m_error;
};

} // namespace hoga::test
