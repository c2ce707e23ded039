#include "secret_store_selector.h"

#include "encrypted_file_secret_store.h"
#include "profile_paths.h"

#include <QCoreApplication>
#include <QPointer>

namespace hoga {

namespace {
// Not a profile id we would generate (ids are hex or "demo"), so it never collides with a real profile.
const QString kProbeNamespace = QStringLiteral("probe");
const QString kProbeKey = QStringLiteral("selector/check");
} // namespace

SecretStoreSelector::SecretStoreSelector(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_probe = [this](QObject* context, ProbeDone done) {
        realProbe(context, std::move(done));
    };
}

void SecretStoreSelector::realProbe(QObject* context, ProbeDone done) {
    KeychainSecretStore::Options opts = m_options.keychain;
    opts.timeoutMs = m_options.probeTimeoutMs;
    auto store = std::make_shared<KeychainSecretStore>(kProbeNamespace, opts);
    // A write proves more than a read: a keyring without a usable collection answers reads but fails writes.
    store->write(
        kProbeKey, QByteArrayLiteral("probe"), context, [store, context, done](SecretResult written) {
            if (written.status == SecretStatus::NoKeychain)
                return done(false, written.message);
            if (!written.ok())
                return done(true,
                            {}); // it exists but refused (locked, denied): still the right place for keys
            store->remove(kProbeKey, context, [store, done](SecretResult) { done(true, {}); });
        });
}

void SecretStoreSelector::probeOnce(std::function<void()> then) {
    if (m_available.has_value())
        return then();
    m_waiting.push_back(std::move(then));
    if (m_probing)
        return;
    m_probing = true;
    m_probe(this, [this](bool available, QString reason) {
        m_available = available;
        m_reason = std::move(reason);
        m_probing = false;
        auto waiting = std::move(m_waiting);
        m_waiting.clear();
        for (auto& w : waiting)
            w();
    });
}

SecretStoreSelector::Choice SecretStoreSelector::choose(const QString& profileId, const QString& profileDir,
                                                        const QString& password) const {
    Choice choice;
    if (m_available.value_or(false)) {
        choice.store = std::make_shared<KeychainSecretStore>(profileId, m_options.keychain);
        return choice;
    }
    if (password.isEmpty()) {
        choice.notice = QCoreApplication::translate("hoga::SecretStoreSelector",
                                                    "No system keychain is available and this profile has "
                                                    "no password to encrypt keys with, so it cannot "
                                                    "store API keys.");
        return choice;
    }
    choice.fellBack = true;
    choice.store = std::make_shared<EncryptedFileSecretStore>(ProfilePaths(profileDir).secretsFile(),
                                                              profileId, password, m_options.fileParams);
    choice.notice = QCoreApplication::translate("hoga::SecretStoreSelector",
                                                "No system keychain is available, so this profile's API "
                                                "keys are kept in a file encrypted with the profile "
                                                "password.");
    if (!m_reason.isEmpty())
        choice.notice += QLatin1Char(' ') + m_reason;
    return choice;
}

void SecretStoreSelector::select(const QString& profileId, const QString& profileDir, const QString& password,
                                 QObject* context, std::function<void(Choice)> done) {
    QPointer<QObject> guard(context);
    probeOnce([this, guard, profileId, profileDir, password, done = std::move(done)] {
        if (!guard)
            return;
        Choice choice = choose(profileId, profileDir, password);
        QMetaObject::invokeMethod(
            guard.data(), [done, choice]() mutable { done(std::move(choice)); }, Qt::QueuedConnection);
    });
}

} // namespace hoga
