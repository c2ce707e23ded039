#pragma once

#include "keychain_secret_store.h"
#include "scrypt.h"
#include "secret_store.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace hoga {

// Chooses where a profile's keys live: the OS keychain when one answers, otherwise the encrypted file in the
// profile folder. The keychain is probed once per selector (a write and a delete of a harmless entry,
// bounded by a timeout); the answer is kept for later profiles. When it falls back, the choice says so, with
// a sentence the UI shows once.
class SecretStoreSelector : public QObject {
    Q_OBJECT

public:
    struct Options {
        KeychainSecretStore::Options keychain;
        int probeTimeoutMs = 10'000;
        ScryptParams fileParams = ScryptParams::production(); // for newly created key files
    };

    // available = a keychain answered; reason = why not (translated).
    using ProbeDone = std::function<void(bool available, QString reason)>;
    using Probe = std::function<void(QObject* context, ProbeDone done)>;

    explicit SecretStoreSelector(QObject* parent = nullptr)
        : SecretStoreSelector(Options{}, parent) {}
    explicit SecretStoreSelector(Options options, QObject* parent = nullptr);

    // Replaces the real keychain probe (tests simulate a machine without keychain this way).
    void setProbe(Probe probe) { m_probe = std::move(probe); }

    struct Choice {
        std::shared_ptr<SecretStore> store; // null if no store can be used (no keychain and no password)
        bool fellBack = false;              // the encrypted file is used because no keychain answered
        QString notice;                     // translated; say it once when fellBack or store is null
    };

    // The store for one profile. `password` is needed only for the fallback (the Demo profile has none).
    // `done` runs on `context`'s thread.
    void select(const QString& profileId, const QString& profileDir, const QString& password,
                QObject* context, std::function<void(Choice)> done);

    // The probe's answer once known.
    std::optional<bool> keychainAvailable() const { return m_available; }

private:
    void probeOnce(std::function<void()> then);
    Choice choose(const QString& profileId, const QString& profileDir, const QString& password) const;
    void realProbe(QObject* context, ProbeDone done);

    Options m_options;
    Probe m_probe;
    std::optional<bool> m_available;
    QString m_reason;
    bool m_probing = false;
    std::vector<std::function<void()>> m_waiting;
};

} // namespace hoga
