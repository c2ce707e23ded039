#pragma once

#include "profile_manager.h"
#include "secret_store.h"

#include <QObject>

#include <functional>

namespace hoga {

// Deletes a profile completely without blocking the GUI thread: checks the password (worker thread), wipes
// the profile's keychain entries (GUI thread, where keychain jobs run), then removes its registry entry and
// folder (worker thread). A keychain that is absent is fine (its keys, if any, were in the folder's encrypted
// file); a keychain that refuses (locked, denied) stops the deletion, so no keys are left behind orphaned.
class ProfileRemover : public QObject {
    Q_OBJECT

public:
    // Removes all keychain entries of one profile. The default uses KeychainSecretStore + ApiKeyRing.
    using KeyWiper =
        std::function<void(const QString& profileId, QObject* context, std::function<void(SecretResult)>)>;

    // `knownVenues`: venues whose entries are removed even if the key index was lost.
    ProfileRemover(ProfileManager& manager, QStringList knownVenues, QObject* parent = nullptr);

    void setKeyWiper(KeyWiper wiper) { m_wiper = std::move(wiper); }

    void remove(const QString& profileId, const QString& password, QObject* context,
                std::function<void(ProfileResult)> done);

private:
    ProfileManager& m_manager;
    QStringList m_knownVenues;
    KeyWiper m_wiper;
};

} // namespace hoga
