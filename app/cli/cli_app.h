#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "cli_venue.h"
#include "venues/venue_factory.h"

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

    // Where keys set reads the keys (standard input in hoga-cli; not owned). Without it keys set finds none.
    void setInput(QIODevice* in) { m_in = in; }
    // Which fields a venue's keys have (keys set/list, HOGA_<FIELD> variables); credentialSchema() unless a
    // test gives fields no shipped venue has yet.
    void setCredentialSchemas(CredentialSchemaLookup schemas) { m_schemas = std::move(schemas); }

    // `arguments` without the program name.
    int run(const QStringList& arguments);

private:
    int runCommand(const QStringList& arguments);
    int report(const CliError& error);
    // keys test: a private read-only request (balances) with the profile's keys.
    int testKeys(const CliArgs& args, CredentialSource& credentials);

    QIODevice* m_out;
    QIODevice* m_err;
    QIODevice* m_in = nullptr;
    QProcessEnvironment m_environment;
    VenueOpener m_opener;
    CredentialSchemaLookup m_schemas = credentialSchema;
};

} // namespace hoga::cli
