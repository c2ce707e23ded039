#pragma once

#include "encrypted_secret_file.h"
#include "secret_store.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace hoga {

// SecretStore over the profile's EncryptedSecretFile, for machines without an OS keychain. scrypt and file
// I/O run on a private thread pool (one thread, so this store's operations also apply in call order);
// results come back on the caller's context thread.
class EncryptedFileSecretStore final : public QObject, public SecretStore {
    Q_OBJECT

public:
    EncryptedFileSecretStore(QString filePath, QString profileId, const QString& password,
                             ScryptParams newFileParams = ScryptParams::production(),
                             QObject* parent = nullptr);
    ~EncryptedFileSecretStore() override;

    Kind kind() const override { return Kind::EncryptedFile; }
    QString profileId() const override { return m_file->profileId(); }
    QString filePath() const { return m_file->filePath(); }

    void read(const QString& key, QObject* context, SecretCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, SecretCallback done) override;
    void remove(const QString& key, QObject* context, SecretCallback done) override;

private:
    std::shared_ptr<EncryptedSecretFile> m_file; // shared with running jobs, which may outlive this store
    QThreadPool m_pool;
};

} // namespace hoga
