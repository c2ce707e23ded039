#pragma once

#include "security/profile_paths.h"
#include "security/profile_types.h"

#include <QString>

namespace hoga {

// The profile a user just logged into, as the login dialog hands it over. The password is kept only until
// the profile's secret store is open (it is the key of the encrypted fallback file); call wipePassword()
// right after.
struct LoggedInProfile {
    ProfileInfo profile;
    QString dir;      // the profile's folder, see paths()
    QString password; // empty once wiped (and always for the Demo profile)

    bool isValid() const { return !profile.id.isEmpty(); }
    ProfilePaths paths() const { return ProfilePaths(dir); }

    // Overwrites this copy of the password and drops it. QString gives no control over copies Qt made on
    // the way (the line edit's undo buffer is cleared by the dialog), so this is best effort by design.
    void wipePassword() {
        if (!password.isEmpty() && !password.isDetached())
            password = QString(); // shared: releasing is all we may do (see secureWipe)
        password.fill(QChar(0));
        password.clear();
    }
};

} // namespace hoga
