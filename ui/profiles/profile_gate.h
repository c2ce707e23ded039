#pragma once

#include "logged_in_profile.h"
#include "profile_credential_provider.h"

#include "security/profile_manager.h"
#include "security/secret_store_selector.h"

#include <QObject>

#include <memory>

class QWidget;

namespace hoga {

class ApiKeyRing;
class ProfileLock;

// From start-up to a usable profile: runs the LoginDialog, takes the profile's single-instance lock (if
// another Hoga has it open, asks that one to come to the front and reports AlreadyOpen, or Failed with a
// message when that one does not answer), selects the secret
// store (keychain, or the encrypted file unlocked with the password, which is then wiped), and loads the
// profile's API keys into a ProfileCredentialProvider, all without blocking the GUI thread.
//
// How app/main.cpp uses it (after QApplication, theme and translations):
//
//     hoga::ProfileGate gate;                        // production profile folder and scrypt strength
//     hoga::ProfileGate::Outcome login = gate.run(); // event loop keeps running while it works
//     if (login.status == hoga::ProfileGate::Status::AlreadyOpen)
//         return 0;                                  // the running instance was brought to the front
//     if (login.status != hoga::ProfileGate::Status::LoggedIn)
//         return login.status == hoga::ProfileGate::Status::Cancelled ? 0 : 1; // login.message says why
//     // login.profile: id, name, paperOnly, paths() (database, settings); login.profile.password is empty.
//     // login.credentials: a CredentialProvider (shared_ptr) for VenueSession setup.
//     // login.keyRing: the profile's keys, for VenueKeysDialog(*login.keyRing, {.storedInEncryptedFile =
//     //     login.storedInEncryptedFile}); reconnect keyChanged(venue) to
//     //     login.credentials->reload(*login.keyRing, venue, window, [](auto) {}).
//     // login.notice: show once (banner) when non-empty (keychain fallback / keys unreadable).
//     // login.lock: keep alive for the whole run; connect its activationRequested() to raising the window.
//     // if (login.profile.profile.paperOnly) only offer the simulator.
//
// Lock screen: LoginDialog with Options{.mode = LoginDialog::Mode::Unlock, .lockedProfileId = id}; its
// exec() returns LoginDialog::SwitchProfile when the user wants another profile.
class ProfileGate : public QObject {
    Q_OBJECT

public:
    enum class Status { LoggedIn, Cancelled, AlreadyOpen, Failed };

    struct Outcome {
        Status status = Status::Cancelled;
        QString message;         // translated; why Failed
        LoggedInProfile profile; // password already wiped
        std::unique_ptr<ProfileLock> lock;
        std::shared_ptr<ApiKeyRing> keyRing; // null if no key store can be used (notice says why)
        std::shared_ptr<ProfileCredentialProvider> credentials;
        bool storedInEncryptedFile = false;
        QString notice;
    };

    struct Options {
        ProfileManager::Options manager;
        SecretStoreSelector::Options selector;
        QStringList venues; // whose keys are loaded; default knownVenues() without "sim"
    };

    ProfileGate()
        : ProfileGate(Options{}) {}
    explicit ProfileGate(Options options, QObject* parent = nullptr);
    ~ProfileGate() override;

    ProfileManager& manager() { return *m_manager; }
    SecretStoreSelector& selector() { return *m_selector; }

    // Shows the login dialog (parented to `parent`) and completes the steps after it; runs a local event
    // loop until the outcome is known (the GUI keeps running).
    Outcome run(QWidget* parent = nullptr);

    // The steps after a successful login, asynchronously (also what run() uses; tests call it directly).
    void open(LoggedInProfile profile, std::function<void(Outcome)> done);

private:
    std::unique_ptr<ProfileManager> m_manager;
    SecretStoreSelector* m_selector = nullptr;
    QStringList m_venues;
};

} // namespace hoga
