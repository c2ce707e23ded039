#include "cli_error.h"

namespace hoga::cli {

CliError CliError::usage(const QString& message) {
    return CliError{QStringLiteral("usage"), {}, message, ExitUsage};
}

CliError CliError::fromVenueError(const VenueError& error) {
    return CliError{cliKindName(error.kind), error.venueCode, error.userMessage(), exitCodeFor(error.kind)};
}

QString cliKindName(ErrorKind kind) {
    return VenueError::kindName(kind == ErrorKind::Cancelled ? ErrorKind::Network : kind);
}

int exitCodeFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Auth:
    case ErrorKind::Permission:
    case ErrorKind::RateLimit:
    case ErrorKind::InsufficientFunds:
    case ErrorKind::InvalidOrder:
    case ErrorKind::NotFound:
    case ErrorKind::Venue:
        return ExitRefused;
    case ErrorKind::Network:
    case ErrorKind::Cancelled:
        return ExitNetwork;
    }
    return ExitRefused;
}

} // namespace hoga::cli
