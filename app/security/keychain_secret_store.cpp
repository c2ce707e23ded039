#include "keychain_secret_store.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace hoga {

namespace {

SecretResult resultOf(QKeychain::Job* job, bool isRemove) {
    using QKeychain::Error;
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        return SecretResult::success();
    case QKeychain::EntryNotFound:
        if (isRemove)
            return SecretResult::success();
        return SecretResult::failure(
            SecretStatus::NotFound,
            QCoreApplication::translate("hoga::KeychainSecretStore", "No key is stored under this name."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretResult::failure(
            SecretStatus::AccessDenied,
            QCoreApplication::translate("hoga::KeychainSecretStore",
                                        "The system keychain refused access (%1). Unlock it and try again.")
                .arg(detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // Code 7 (OtherError) is what Linux reports when no Secret Service exists at all.
        return SecretResult::failure(
            SecretStatus::NoKeychain,
            QCoreApplication::translate("hoga::KeychainSecretStore", "No system keychain is available (%1).")
                .arg(detail));
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return SecretResult::failure(
        SecretStatus::Failed,
        QCoreApplication::translate("hoga::KeychainSecretStore", "The system keychain failed: %1")
            .arg(detail));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString profileId, Options options, QObject* parent)
    : QObject(parent)
    , m_profileId(std::move(profileId))
    , m_options(std::move(options)) {}

bool KeychainSecretStore::finishPending(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_running->load() > 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return m_running->load() == 0;
}

void KeychainSecretStore::read(const QString& key, QObject* context, SecretCallback done) {
    if (!isValidKey(key))
        return deliverLater(context ? context : this, std::move(done),
                            SecretResult::failure(SecretStatus::InvalidKey,
                                                  QCoreApplication::translate("hoga::KeychainSecretStore",
                                                                              "Invalid key name.")));
    auto* job = new QKeychain::ReadPasswordJob(m_options.service);
    job->setKey(qualifiedKey(m_profileId, key));
    run(job, Operation::Read, context, std::move(done));
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, QObject* context,
                                SecretCallback done) {
    if (!isValidKey(key))
        return deliverLater(context ? context : this, std::move(done),
                            SecretResult::failure(SecretStatus::InvalidKey,
                                                  QCoreApplication::translate("hoga::KeychainSecretStore",
                                                                              "Invalid key name.")));
    auto* job = new QKeychain::WritePasswordJob(m_options.service);
    job->setKey(qualifiedKey(m_profileId, key));
    job->setBinaryData(secret);
    run(job, Operation::Write, context, std::move(done));
}

void KeychainSecretStore::remove(const QString& key, QObject* context, SecretCallback done) {
    if (!isValidKey(key))
        return deliverLater(context ? context : this, std::move(done),
                            SecretResult::failure(SecretStatus::InvalidKey,
                                                  QCoreApplication::translate("hoga::KeychainSecretStore",
                                                                              "Invalid key name.")));
    auto* job = new QKeychain::DeletePasswordJob(m_options.service);
    job->setKey(qualifiedKey(m_profileId, key));
    run(job, Operation::Remove, context, std::move(done));
}

void KeychainSecretStore::run(QKeychain::Job* job, Operation operation, QObject* context,
                              SecretCallback done) {
    if (!context)
        context = this;
    // Never the plaintext QSettings fallback QtKeychain offers: keys are never stored unencrypted.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);

    struct Pending {
        SecretCallback done;
        QMetaObject::Connection finished;
        bool answered = false;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    auto* timer = new QTimer(context);
    timer->setSingleShot(true);

    // The job is read where it finishes (it deletes itself right after), and only the result travels to
    // `context`, which may live on another thread (a connector's token cache).
    QPointer<QObject> target = context;
    ++*m_running;
    pending->finished = connect(
        job, &QKeychain::Job::finished, job,
        [running = m_running, pending, operation, timer, target](QKeychain::Job* j) {
            --*running;
            SecretResult result = resultOf(j, operation == Operation::Remove);
            if (result.ok() && operation == Operation::Read)
                result.data = static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData();
            if (!target)
                return;
            QMetaObject::invokeMethod(
                target,
                [pending, timer, result = std::move(result)]() mutable {
                    if (pending->answered)
                        return;
                    pending->answered = true;
                    timer->deleteLater();
                    pending->done(std::move(result));
                },
                Qt::AutoConnection);
        },
        Qt::DirectConnection);
    const int timeoutMs = m_options.timeoutMs;
    connect(timer, &QTimer::timeout, context, [pending, timer, timeoutMs] {
        if (pending->answered)
            return;
        pending->answered = true;
        QObject::disconnect(pending->finished); // the job lives on and deletes itself if it ever finishes
        timer->deleteLater();
        pending->done(SecretResult::failure(
            SecretStatus::NoKeychain,
            QCoreApplication::translate("hoga::KeychainSecretStore",
                                        "The system keychain did not answer within %n s.", nullptr,
                                        std::max(1, timeoutMs / 1000))));
    });
    timer->start(m_options.timeoutMs);
    if (job->thread() != thread()) {
        // Asked from another thread (a connector's token cache): QtKeychain's job queue belongs to the
        // store's thread, so the job moves there and starts on its next event-loop turn. The answer still
        // reaches `context` on the caller's thread (queued).
        job->moveToThread(thread());
        QMetaObject::invokeMethod(job, &QKeychain::Job::start, Qt::QueuedConnection);
        return;
    }
    job->start();
}

} // namespace hoga
