#include "cli_venue.h"

#include "cli_args.h"
#include "credential_source.h"
#include "sim_venue.h"
#include "venues/venue_factory.h"

#include <QCoreApplication>

namespace hoga::cli {

HostedVenue::HostedVenue(std::unique_ptr<Connector> connector)
    : m_host(std::move(connector)) {}

std::variant<std::unique_ptr<CliVenue>, CliError> openVenue(const CliArgs& args,
                                                            CredentialSource& credentials) {
    VenueConfig config;
    config.venue = args.venue;
    if (std::optional<CliError> error = credentials.load(args.venue, &config.credentials))
        return *error;

    if (args.venue == QLatin1String("sim")) {
        // The simulator has its own paper account: API keys do not apply.
        auto sim = std::make_unique<SimVenue>(args.simStatePath.isEmpty() ? SimVenue::defaultJournalPath()
                                                                          : args.simStatePath);
        if (std::optional<CliError> error = sim->open(args.changesOrders(), args.timeoutMs))
            return *error;
        return std::unique_ptr<CliVenue>(std::move(sim));
    }

    config.endpoints.restUrl = args.restUrl;
    config.endpoints.wsUrl = args.wsUrl;
    config.endpoints.privateWsUrl = args.privateWsUrl;
    std::unique_ptr<Connector> connector = createConnector(config);
    if (!connector)
        return CliError::usage(
            QCoreApplication::translate("hoga::Cli", "The venue \"%1\" is not available in this build.")
                .arg(args.venue));
    return std::unique_ptr<CliVenue>(std::make_unique<HostedVenue>(std::move(connector)));
}

} // namespace hoga::cli
