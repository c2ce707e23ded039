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
struct Candle;
struct MarketDataUrl;
struct StrategyTemplate;
class MlModelStore;
using StrategyParams = QHash<QString, QString>;
} // namespace hoga

namespace hoga::cli {

// hoga-cli's research commands (issue 12), one JSON record per line on `out`:
//
//   backtest --strategy S --candles FILE.csv [--param K=V ...] [--fee-rate R] [--initial-cash C] [--market M]
//            [--sweep KEY=FROM:TO:STEP | --sweep KEY=A,B,C ...]   (one sweep_run record per combination)
//   indicators --name sma|ema|rsi|bbands|macd|atr [--period N] [--param K=V ...] --candles FILE.csv
//   --venue V record --markets A,B [--channels ticker,trade,orderbook] [--for-seconds N] [--db URL]
//            [--depth N] [--book-interval-ms MS]
//   export candles|trades --db URL --market M [--venue V] [--interval 1m] [--out FILE]
//   --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv   (progress
//   records)
//   --profile P db-password --db postgresql://user@host:port/db   (the password on standard input; record and
//            export with --profile read it from the profile's secret store)
//   --profile P export orders|fills [--venue V] [--market M] [--out FILE]   (the profile's order journal,
//   CSV)
//   [--profile P] ml train --candles FILE.csv [--model linear|forest] [--name N] [--param K=V ...]
//            [--fee-rate R] [--initial-cash C] [--market M]   (walk-forward: one fold record per fold, the
//            out-of-sample totals, the backtest summary against buy-and-hold, then the saved model)
//   [--profile P] ml list   (the saved models, one record each)
//   backtest --strategy ml_signal --param model_name=N ...   (predicts with saved model N, never retrained)
//
// Models are saved as <profile folder>/models/N.json, or without --profile in a models folder beside
// hoga-cli's own journal (the parent of the profiles folder).
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
        QStringList sweeps;  // every --sweep, in order
        QStringList globals; // the global options as given, for CommandLine
        bool has(const char* name) const { return values.contains(QLatin1String(name)); }
        QString value(const char* name) const { return values.value(QLatin1String(name)); }
    };

    static std::variant<Options, CliError> parse(const QStringList& arguments);
    std::optional<CliError> backtest(const Options& options);
    std::optional<CliError> sweep(const Options& options, const StrategyTemplate& strategy,
                                  const StrategyParams& fixed, const QVector<Candle>& candles,
                                  const BacktestConfig& config);
    std::optional<CliError> indicators(const Options& options);
    std::optional<CliError> record(const Options& options);
    std::optional<CliError> exportData(const Options& options);
    std::optional<CliError> exportJournal(const Options& options);
    std::optional<CliError> dbPassword(const Options& options);
    std::optional<CliError> download(const Options& options);
    std::optional<CliError> ml(const Options& options);
    std::optional<CliError> mlTrain(const Options& options, const MlModelStore& store);
    static std::variant<StrategyParams, CliError> givenParams(const Options& options);
    static std::variant<BacktestConfig, CliError> backtestConfig(const Options& options,
                                                                 const QVector<Candle>& candles);
    static void withCandleDefaults(const StrategyTemplate& strategy, const BacktestConfig& config,
                                   StrategyParams& given);
    // The profile's models folder (an unknown profile is an error), or hoga-cli's own without --profile.
    std::variant<MlModelStore, CliError> modelStore(const Options& options) const;
    std::optional<CliError> profilePassword(const Options& options, MarketDataUrl& url) const;
    QString defaultDatabase(const Options& options) const;

    QIODevice* m_out;
    QProcessEnvironment m_environment;
    VenueOpener m_opener;
};

} // namespace hoga::cli
