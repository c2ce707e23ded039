#pragma once

#include "secret_store.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace QKeychain {
class Job;
}

namespace hoga {

// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows), service "Hoga", entry names profile/<profileId>/<key>.
//
// Every job has a timeout: a keychain that does not answer in time (a locked keyring waiting for a prompt
// nobody sees, a hung daemon) is reported as NoKeychain. A timed-out job is abandoned, not deleted: the
// keychain backend calls back into the job object when it eventually answers, so the job deletes itself
// then (autoDelete). QtKeychain runs one job at a time, so while a hung job is pending the following ones
// time out too, which is the truth: the keychain is not answering.
//
// Use from the GUI thread only: the Linux backend (libsecret) delivers its answers through the GUI
// thread's GLib main context.
class KeychainSecretStore final : public QObject, public SecretStore {
    Q_OBJECT

public:
    struct Options {
        QString service = QStringLiteral("Hoga");
        int timeoutMs = 10'000;
    };

    explicit KeychainSecretStore(QString profileId, QObject* parent = nullptr)
        : KeychainSecretStore(std::move(profileId), Options{}, parent) {}
    KeychainSecretStore(QString profileId, Options options, QObject* parent = nullptr);

    Kind kind() const override { return Kind::Keychain; }
    QString profileId() const override { return m_profileId; }
    const Options& options() const { return m_options; }

    void read(const QString& key, QObject* context, SecretCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, SecretCallback done) override;
    void remove(const QString& key, QObject* context, SecretCallback done) override;
    // Call on the store's thread (it runs the jobs).
    bool finishPending(int timeoutMs) override;

private:
    enum class Operation { Read, Write, Remove };
    void run(QKeychain::Job* job, Operation operation, QObject* context, SecretCallback done);

    QString m_profileId;
    Options m_options;
    // Jobs started and not finished (abandoned hung ones stay counted); shared with the jobs' slots, which
    // may outlive the store.
    std::shared_ptr<std::atomic<int>> m_running = std::make_shared<std::atomic<int>>(0);
};

} // namespace hoga
