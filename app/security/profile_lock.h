#pragma once

#include <QLockFile>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QLocalServer;

namespace hoga {

// One process per profile. The first process to open a profile holds a lock file in its folder and listens
// on a local socket named after the folder; a second start finds the lock held and asks that instance,
// through the socket, to come to the front (activationRequested()). A lock left by a crashed process
// (its PID is gone) is taken over.
class ProfileLock : public QObject {
    Q_OBJECT

public:
    enum class Outcome {
        Acquired,
        HeldElsewhere, // another live process has the profile open: call requestActivation()
        Failed,        // the lock file could not be created (permissions, missing folder)
    };

    explicit ProfileLock(QString profileDir, QObject* parent = nullptr);
    ~ProfileLock() override;

    Outcome acquire();
    bool isHeld() const;
    void release();
    // Why acquire() failed, translated.
    QString errorString() const { return m_error; }

    // Socket name for the profile folder: in $XDG_RUNTIME_DIR (private to the user) when it exists,
    // otherwise a name Qt places in the temporary folder. Derived from the folder's absolute path.
    static QString serverName(const QString& profileDir);

    // Asks the process holding the profile to come to the front. Asynchronous and bounded by `timeoutMs`;
    // `done(true)` once the holder confirmed. `done` runs on `context`'s thread unless `context` is gone.
    static void requestActivation(const QString& profileDir, QObject* context, std::function<void(bool)> done,
                                  int timeoutMs = 3000);

signals:
    // Another start of the same profile asked us to show our window.
    void activationRequested();

private:
    void startServer();
    void onNewConnection();

    QString m_profileDir;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer* m_server = nullptr;
    QString m_error;
};

} // namespace hoga
