#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "cli_venue.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

class QIODevice;

namespace hoga {
struct BacktestConfig;
}

namespace hoga::cli {

// hoga-cli's research commands (issue 12), one JSON record per line on `out`:
//
//   backtest --strategy S --candles FILE.csv [--param K=V ...] [--fee-rate R] [--initial-cash C] [--market M]
//   indicators --name sma|ema|rsi|bbands|macd|atr [--period N] [--param K=V ...] --candles FILE.csv
//   --venue V record --markets A,B [--channels ticker,trade,orderbook] [--for-seconds N] [--db URL]
//            [--depth N] [--book-interval-ms MS]
//   export candles|trades --db URL --market M [--venue V] [--interval 1m] [--out FILE]
//
// They have their own option parser (--param repeats); the global options (--venue, --rest-url, ...) keep
// the meaning CommandLine gives them.
class ResearchCommands {
public:
    using VenueOpener = std::function<std::variant<std::unique_ptr<CliVenue>, CliError>(const CliArgs&)>;

    // True when the command word is one of the research commands.
    static bool handles(const QStringList& arguments);

    ResearchCommands(QIODevice* out, QProcessEnvironment environment, VenueOpener opener);

    // An error to report, or nothing when the command succeeded.
    std::optional<CliError> run(const QStringList& arguments);

private:
    struct Options {
        QString command;
        QStringList operands;
        QHash<QString, QString> values;
        QStringList params;  // every --param, in order
        QStringList globals; // the global options as given, for CommandLine
        bool has(const char* name) const { return values.contains(QLatin1String(name)); }
        QString value(const char* name) const { return values.value(QLatin1String(name)); }
    };

    std::optional<CliError> runCommand(const QStringList& arguments);
    static std::variant<Options, CliError> parse(const QStringList& arguments);
    std::optional<CliError> backtest(const Options& options);
    std::optional<CliError> indicators(const Options& options);
    std::optional<CliError> record(const Options& options);
    std::optional<CliError> exportData(const Options& options);
    QString defaultDatabase(const Options& options) const;

    QIODevice* m_out;
    QProcessEnvironment m_environment;
    VenueOpener m_opener;
};

} // namespace hoga::cli
