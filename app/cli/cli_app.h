#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "cli_venue.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <functional>
#include <memory>
#include <variant>

class QIODevice;

namespace hoga::cli {

// hoga-cli from its arguments to its exit code: parse, find the keys, open the venue, run the command,
// print the records on `out` and at most one error object on `err`. Needs a QCoreApplication; runs its
// own event loops, so it also works from a test.
class CliApp {
public:
    using VenueOpener =
        std::function<std::variant<std::unique_ptr<CliVenue>, CliError>(const CliArgs&, CredentialSource&)>;

    // `openVenue` by default; tests substitute scripted venues.
    CliApp(QIODevice* out, QIODevice* err, QProcessEnvironment environment, VenueOpener opener = openVenue);

    // `arguments` without the program name.
    int run(const QStringList& arguments);

private:
    int report(const CliError& error);

    QIODevice* m_out;
    QIODevice* m_err;
    QProcessEnvironment m_environment;
    VenueOpener m_opener;
};

} // namespace hoga::cli
