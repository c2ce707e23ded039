#include "profile_remover.h"

#include "api_key_ring.h"
#include "keychain_secret_store.h"
#include "run_in_pool.h"

#include <QCoreApplication>
#include <QPointer>

namespace hoga {

ProfileRemover::ProfileRemover(ProfileManager& manager, QStringList knownVenues, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_knownVenues(std::move(knownVenues)) {
    m_wiper = [this](const QString& profileId, QObject* context, std::function<void(SecretResult)> done) {
        auto* ring = new ApiKeyRing(std::make_shared<KeychainSecretStore>(profileId), this);
        ring->removeAll(m_knownVenues, context, [ring, done](SecretResult r) {
            ring->deleteLater(); // not directly: we are inside its own callback
            done(std::move(r));
        });
    };
}

void ProfileRemover::remove(const QString& profileId, const QString& password, QObject* context,
                            std::function<void(ProfileResult)> done) {
    ProfileManager* manager = &m_manager;
    QPointer<QObject> guard(context);
    runInPool<ProfileResult>(
        this, [manager, profileId, password] { return manager->login(profileId, password); },
        [this, manager, guard, profileId, password, done](ProfileResult checked) {
            if (!checked.ok()) {
                if (guard)
                    done(std::move(checked));
                return;
            }
            m_wiper(profileId, this, [this, manager, guard, profileId, password, done](SecretResult wiped) {
                if (!wiped.ok() && wiped.status != SecretStatus::NoKeychain) {
                    if (guard)
                        done(ProfileResult::failure(
                            ProfileStatus::StorageError,
                            QCoreApplication::translate(
                                "hoga::ProfileRemover",
                                "The profile was not deleted because its API keys could "
                                "not be removed from the system keychain: %1")
                                .arg(wiped.message)));
                    return;
                }
                runInPool<ProfileResult>(
                    this,
                    [manager, profileId, password] { return manager->removeProfile(profileId, password); },
                    [guard, done](ProfileResult removed) {
                        if (guard)
                            done(std::move(removed));
                    });
            });
        });
}

} // namespace hoga
