#pragma once

#include "core/clock.h"
#include "security/profile_types.h"
#include "venues/venue_factory.h"

#include <QHash>

#include <memory>

namespace hoga {

class ApiKeyRing;
class ProfileCredentialProvider;
class ProfileManager;

// What the main window needs of the logged-in profile: who it is (title, lock screen), its keys (the
// "Venues and keys" dialog) and the manager that checks the password again when the window is locked.
struct ProfileContext {
    ProfileManager* manager = nullptr; // must outlive the window
    ProfileInfo profile;
    std::shared_ptr<ApiKeyRing> keyRing; // null when no key store could be used
    std::shared_ptr<ProfileCredentialProvider> credentials;
    bool storedInEncryptedFile = false;
    QString notice; // shown once (keychain fallback, unreadable keys)

    // Auto-lock: the clock and how often it is checked (tests inject a ManualClock and a short interval).
    const Clock* clock = &SystemClock::instance();
    int idleCheckIntervalMs = 5000;
    // The key dialog's venue endpoints (tests point it at fake venues; empty = production).
    QHash<QString, VenueEndpoints> keyTestEndpoints;
};

} // namespace hoga
