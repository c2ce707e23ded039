#include "postgres_server.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

namespace hoga::test {

namespace {

bool runningAsRoot() {
    return ::geteuid() == 0;
}

} // namespace

PostgresServer::PostgresServer() = default;

PostgresServer::~PostgresServer() {
    if (m_started)
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            60'000);
}

QString PostgresServer::binDir() {
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    const QStringList versions =
        root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString& version : versions) {
        const QString dir = root.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() &&
            QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable())
            return dir;
    }
    return {};
}

QString PostgresServer::missingReason() {
    return QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql: "
                          "install the Debian package postgresql to run the PostgreSQL tests");
}

bool PostgresServer::run(const QString& program, const QStringList& arguments, int timeoutMs) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), m_user, QStringLiteral("--"), program} + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5'000);
        }
        m_error = QStringLiteral("%1 failed: %2")
                      .arg(QFileInfo(program).fileName(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PostgresServer::start(const QString& password) {
    const QString bin = binDir();
    if (bin.isEmpty()) {
        m_error = missingReason();
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (runningAsRoot()) {
        const passwd* pw = ::getpwnam("postgres");
        if (!pw) {
            m_error = QStringLiteral("running as root and there is no postgres user to run initdb as");
            return false;
        }
        m_user = QStringLiteral("postgres");
        if (::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = QStringLiteral("cannot hand the temporary directory to the postgres user");
            return false;
        }
    } else {
        const passwd* pw = ::getpwuid(::geteuid());
        m_user = pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("postgres");
    }
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    QStringList initdb{QStringLiteral("-D"), m_dataDir, QStringLiteral("--auth=trust"),
                       QStringLiteral("-U"), m_user,    QStringLiteral("--no-sync")};
    if (!password.isEmpty()) {
        const QString pwfile = m_dir->filePath(QStringLiteral("pwfile"));
        QFile file(pwfile);
        if (!file.open(QIODevice::WriteOnly) || file.write(password.toUtf8() + '\n') < 0) {
            m_error = QStringLiteral("cannot write the password file");
            return false;
        }
        file.close();
        if (runningAsRoot()) {
            const passwd* pw = ::getpwnam("postgres");
            if (!pw || ::chown(QFile::encodeName(pwfile).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                m_error = QStringLiteral("cannot hand the password file to the postgres user");
                return false;
            }
        }
        initdb << QStringLiteral("--auth-host=scram-sha-256") << QStringLiteral("--pwfile=") + pwfile;
    }
    if (!run(bin + QStringLiteral("/initdb"), initdb, 120'000))
        return false;
    // A port free right now; another process could take it before the server binds, so retry a few.
    for (int attempt = 0; attempt < 3; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            continue;
        m_port = probe.serverPort();
        probe.close();
        const QString options =
            QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -c unix_socket_directories=%2 "
                           "-c fsync=off")
                .arg(m_port)
                .arg(m_dir->path());
        if (run(bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), m_dataDir, QStringLiteral("-o"), options, QStringLiteral("-l"),
                 m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                 QStringLiteral("start")},
                60'000)) {
            m_started = true;
            return true;
        }
    }
    return false;
}

QString PostgresServer::url() const {
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/postgres").arg(m_user).arg(m_port);
}

} // namespace hoga::test
