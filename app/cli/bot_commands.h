#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "cli_venue.h"
#include "command_options.h"
#include "journal_location.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

class QIODevice;

namespace hoga::cli {

// hoga-cli's trading engine commands (issue 8), one JSON record per line on `out`:
//
//   [--profile P] --venue V bot run --strategy S --market M [--param K=V ...] [--id NAME] [--for-seconds N]
//                                   [--max-order-value X] [--max-position X] [--max-open-orders N]
//                                   [--max-orders-per-minute N] [--max-price-deviation-pct X]
//                                   [--cash-reserve X] [--daily-loss-limit X]
//   [--profile P] bot list
//   [--profile P] bot stop --id NAME
//   [--profile P] journal orders [--bot NAME] [--venue V]
//   [--profile P] --venue V emergency-stop [--reason TEXT]
//   [--profile P] rearm
//
// The journal is the profile's database (without --profile, hoga-cli's own one beside the profiles folder);
// on --venue sim with --profile, the bot trades the profile's persistent paper account.
class BotCommands {
public:
    using VenueOpener = std::function<std::variant<std::unique_ptr<CliVenue>, CliError>(const CliArgs&)>;

    static bool handles(const QStringList& arguments);

    BotCommands(QIODevice* out, QProcessEnvironment environment, VenueOpener opener);

    // An error to report, or nothing when the command succeeded.
    std::optional<CliError> run(const QStringList& arguments);

private:
    using Where = JournalLocation;

    std::optional<CliError> botRun(const CommandOptions& options, const Where& where);
    std::optional<CliError> botList(const Where& where);
    std::optional<CliError> botStop(const CommandOptions& options, const Where& where);
    std::optional<CliError> journalOrders(const CommandOptions& options, const Where& where);
    std::optional<CliError> emergencyStop(const CommandOptions& options, const Where& where);
    std::optional<CliError> rearm(const Where& where);
    std::variant<Where, CliError> where(const CommandOptions& options) const;
    // Opens the venue of the global options, holding the simulated account for the whole run.
    std::variant<std::unique_ptr<CliVenue>, CliError> openVenue(const CommandOptions& options,
                                                                const Where& where);

    QIODevice* m_out;
    QProcessEnvironment m_environment;
    VenueOpener m_opener;
};

} // namespace hoga::cli
