#pragma once

#include "core/error.h"

#include <QString>

namespace hoga::cli {

// hoga-cli's exit codes: scripts branch on these.
enum ExitCode : int {
    ExitOk = 0,
    ExitInternal = 1, // a bug: something that should never happen (reported as kind "venue")
    ExitUsage = 2,    // the command line is wrong or incomplete
    ExitRefused = 3,  // the venue (or the local pre-check standing in for it) refused the request
    ExitNetwork = 4,  // the venue was unreachable, the answer malformed, or a timeout expired
};

// The one error a run reports on stderr as {"error": {"kind", "venue_code", "message"}}.
struct CliError {
    QString kind;      // "usage" or a VenueError kind name ("cancelled" is reported as "network")
    QString venueCode; // the venue's own code, empty when the error did not come from the venue
    QString message;   // translated, for people
    int exitCode = ExitRefused;

    static CliError usage(const QString& message);
    static CliError fromVenueError(const VenueError& error);
};

// The machine name of a kind as hoga-cli reports it (Cancelled only happens when a request is abandoned,
// which from a script's point of view is a network failure).
QString cliKindName(ErrorKind kind);
int exitCodeFor(ErrorKind kind);

} // namespace hoga::cli
