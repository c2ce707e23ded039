#include "encrypted_file_secret_store.h"

#include "run_in_pool.h"

namespace hoga {

EncryptedFileSecretStore::EncryptedFileSecretStore(QString filePath, QString profileId,
                                                   const QString& password, ScryptParams newFileParams,
                                                   QObject* parent)
    : QObject(parent)
    , m_file(std::make_shared<EncryptedSecretFile>(std::move(filePath), std::move(profileId), password,
                                                   newFileParams)) {
    m_pool.setMaxThreadCount(1);
}

EncryptedFileSecretStore::~EncryptedFileSecretStore() {
    m_pool.waitForDone(); // jobs reference m_pool's threads; they are short (one scrypt at most)
}

void EncryptedFileSecretStore::read(const QString& key, QObject* context, SecretCallback done) {
    auto file = m_file;
    runInPool<SecretResult>(
        context ? context : this, [file, key] { return file->read(key); }, std::move(done), &m_pool);
}

void EncryptedFileSecretStore::write(const QString& key, const QByteArray& secret, QObject* context,
                                     SecretCallback done) {
    auto file = m_file;
    // Own, unshared copy that the job wipes once written.
    auto copy = std::make_shared<WipedBytes>(QByteArray(secret.constData(), secret.size()));
    runInPool<SecretResult>(
        context ? context : this, [file, key, copy] { return file->write(key, copy->bytes()); },
        std::move(done), &m_pool);
}

void EncryptedFileSecretStore::remove(const QString& key, QObject* context, SecretCallback done) {
    auto file = m_file;
    runInPool<SecretResult>(
        context ? context : this, [file, key] { return file->remove(key); }, std::move(done), &m_pool);
}

} // namespace hoga
