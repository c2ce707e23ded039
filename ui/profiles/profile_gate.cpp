#include "profile_gate.h"

#include "login_dialog.h"

#include "security/api_key_ring.h"
#include "security/profile_lock.h"
#include "security/profile_paths.h"
#include "venues/venue_factory.h"

#include <QDir>
#include <QEventLoop>

namespace hoga {

ProfileGate::ProfileGate(Options options, QObject* parent)
    : QObject(parent)
    , m_manager(std::make_unique<ProfileManager>(options.manager))
    , m_selector(new SecretStoreSelector(options.selector, this))
    , m_venues(options.venues) {
    if (m_venues.isEmpty()) {
        m_venues = knownVenues();
        m_venues.removeAll(QStringLiteral("sim"));
    }
}

ProfileGate::~ProfileGate() = default;

ProfileGate::Outcome ProfileGate::run(QWidget* parent) {
    LoginDialog dialog(*m_manager, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    Outcome outcome;
    bool finished = false;
    QEventLoop loop;
    open(dialog.takeResult(), [&](Outcome result) {
        outcome = std::move(result);
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return outcome;
}

void ProfileGate::open(LoggedInProfile profile, std::function<void(Outcome)> done) {
    auto lock = std::make_unique<ProfileLock>(profile.dir);
    switch (lock->acquire()) {
    case ProfileLock::Outcome::Acquired:
        break;
    case ProfileLock::Outcome::HeldElsewhere: {
        profile.wipePassword();
        const QString dir = profile.dir;
        const QString name = profile.profile.name;
        ProfileLock::requestActivation(dir, this, [done, dir, name](bool answered) {
            Outcome outcome;
            if (answered) {
                outcome.status = Status::AlreadyOpen;
                outcome.message = tr("This profile is already open in another Hoga window.");
            } else {
                // Held, but nobody brought a window forward: never end without a word.
                outcome.status = Status::Failed;
                outcome.message =
                    tr("The profile “%1” is locked by another Hoga process that does not answer "
                       "(lock file %2). Close that Hoga and start again; if none is running, "
                       "delete the lock file.")
                        .arg(name, QDir::toNativeSeparators(ProfilePaths(dir).instanceLockFile()));
            }
            done(std::move(outcome));
        });
        return;
    }
    case ProfileLock::Outcome::Failed: {
        profile.wipePassword();
        Outcome outcome;
        outcome.status = Status::Failed;
        outcome.message = tr("The profile could not be opened. %1").arg(lock->errorString());
        done(std::move(outcome));
        return;
    }
    }

    auto shared = std::make_shared<Outcome>();
    shared->status = Status::LoggedIn;
    shared->lock = std::move(lock);
    shared->profile = std::move(profile);
    const LoggedInProfile& p = shared->profile;
    m_selector->select(
        p.profile.id, p.dir, p.password, this, [this, shared, done](SecretStoreSelector::Choice choice) {
            // The password's only use after login was opening the encrypted key file.
            shared->profile.wipePassword();
            shared->credentials = std::make_shared<ProfileCredentialProvider>();
            shared->storedInEncryptedFile = choice.fellBack;
            if (choice.fellBack)
                shared->notice = tr("No system keychain found; keys are kept in an encrypted "
                                    "file protected by your profile password.");
            else if (!choice.store)
                shared->notice = choice.notice;
            if (!choice.store) {
                done(std::move(*shared));
                return;
            }
            shared->keyRing = std::make_shared<ApiKeyRing>(choice.store);
            shared->credentials->load(
                *shared->keyRing, m_venues, this,
                [shared, done](QList<ProfileCredentialProvider::LoadProblem> problems) {
                    for (const auto& problem : problems)
                        shared->notice +=
                            (shared->notice.isEmpty() ? QString() : QStringLiteral(" ")) +
                            tr("The %1 key could not be read: %2").arg(problem.venue, problem.message);
                    done(std::move(*shared));
                });
        });
}

} // namespace hoga
