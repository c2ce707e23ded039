#include "profile_lock.h"

#include "profile_paths.h"

#include "core/lock_file_recovery.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace hoga {

namespace {

const QByteArray kRequest = QByteArrayLiteral("HOGA-ACTIVATE 1\n");
const QByteArray kReply = QByteArrayLiteral("OK\n");

} // namespace

ProfileLock::ProfileLock(QString profileDir, QObject* parent)
    : QObject(parent)
    , m_profileDir(QFileInfo(profileDir).absoluteFilePath()) {}

ProfileLock::~ProfileLock() {
    release();
}

ProfileLock::Outcome ProfileLock::acquire() {
    if (isHeld())
        return Outcome::Acquired;
    m_error.clear();
    if (!ProfilePaths::ensurePrivateDir(m_profileDir)) {
        m_error = QCoreApplication::translate("hoga::ProfileLock", "Could not create the profile folder %1.")
                      .arg(m_profileDir);
        return Outcome::Failed;
    }
    m_lock = std::make_unique<QLockFile>(ProfilePaths(m_profileDir).instanceLockFile());
    // Held for the whole session, so age must never make it stale; QLockFile still detects a lock whose
    // process is gone (crash) and takes it over, and an empty or unreadable file left by a start killed
    // while creating it is cleared here once it is older than a few seconds.
    m_lock->setStaleLockTime(0);
    if (!tryLockRecoveringAbandoned(*m_lock, 0)) {
        const auto error = m_lock->error();
        m_lock.reset();
        if (error == QLockFile::LockFailedError)
            return Outcome::HeldElsewhere;
        m_error = QCoreApplication::translate("hoga::ProfileLock", "Could not lock the profile folder %1.")
                      .arg(m_profileDir);
        return Outcome::Failed;
    }
    startServer();
    return Outcome::Acquired;
}

bool ProfileLock::isHeld() const {
    return m_lock && m_lock->isLocked();
}

void ProfileLock::release() {
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

QString ProfileLock::serverName(const QString& profileDir) {
    const QByteArray path = QFileInfo(profileDir).absoluteFilePath().toUtf8();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(24));
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo(runtimeDir).isDir())
        return runtimeDir + QLatin1String("/hoga-") + hash + QLatin1String(".sock");
    return QLatin1String("hoga-") + hash;
}

void ProfileLock::startServer() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &ProfileLock::onNewConnection);
    const QString name = serverName(m_profileDir);
    if (!m_server->listen(name)) {
        // We hold the lock, so a socket left behind is from a crashed instance: replace it.
        QLocalServer::removeServer(name);
        if (!m_server->listen(name))
            qWarning("ProfileLock: cannot listen on %s: %s", qPrintable(name),
                     qPrintable(m_server->errorString()));
    }
}

void ProfileLock::onNewConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kRequest.size())
                    socket->abort();
                return;
            }
            if (socket->readLine(kRequest.size() + 1) == kRequest) {
                socket->write(kReply);
                socket->flush();
                emit activationRequested();
            }
            socket->disconnectFromServer();
        });
        // A client that never speaks is dropped.
        QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
    }
}

void ProfileLock::requestActivation(const QString& profileDir, QObject* context,
                                    std::function<void(bool)> done, int timeoutMs) {
    auto* socket = new QLocalSocket(context);
    auto finished = std::make_shared<bool>(false);
    auto finish = [socket, done = std::move(done), finished](bool ok) {
        if (*finished)
            return;
        *finished = true;
        socket->abort();
        socket->deleteLater();
        done(ok);
    };
    connect(socket, &QLocalSocket::connected, socket, [socket] { socket->write(kRequest); });
    connect(socket, &QLocalSocket::readyRead, socket, [socket, finish] {
        if (socket->canReadLine())
            finish(socket->readLine(kReply.size() + 1) == kReply);
    });
    connect(socket, &QLocalSocket::errorOccurred, socket, [finish] { finish(false); });
    QTimer::singleShot(timeoutMs, socket, [finish] { finish(false); });
    socket->connectToServer(serverName(profileDir));
}

} // namespace hoga
