#include "research_commands.h"

#include "journal_location.h"

#include "await_result.h"
#include "profile_session.h"
#include "record_writer.h"

#include "security/api_key_ring.h"
#include "security/secret_store.h"
#include "security/secure_bytes.h"
#include "storage/order_journal.h"
#include "storage/profile_database.h"

#include "research/backtest/backtester.h"
#include "research/backtest/candle_csv.h"
#include "research/backtest/parameter_sweep.h"
#include "research/backtest/recorded_candles.h"
#include "research/backtest/sweep_grid.h"
#include "research/recorder/market_data_recorder.h"
#include "research/recorder/sql_market_data_store.h"
#include "trading/indicators/atr.h"
#include "trading/indicators/bollinger_bands.h"
#include "trading/indicators/macd.h"
#include "trading/indicators/moving_averages.h"
#include "trading/indicators/rsi.h"
#include "trading/strategies/ml_model_store.h"
#include "trading/strategies/ml_signal_strategy.h"
#include "trading/strategy/strategy_params.h"
#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <limits>

namespace hoga::cli {

namespace {

struct OptionSpec {
    const char* name;
    bool takesValue;
    bool global; // CommandLine's own global options
};

constexpr OptionSpec kSpecs[] = {
    {"profile", true, true},
    {"venue", true, true},
    {"rest-url", true, true},
    {"ws-url", true, true},
    {"private-ws-url", true, true},
    {"timeout-ms", true, true},
    {"sim-state", true, true},
    {"verbose", false, true},
    {"strategy", true, false},
    {"candles", true, false},
    {"param", true, false},
    {"fee-rate", true, false},
    {"initial-cash", true, false},
    {"market", true, false},
    {"name", true, false},
    {"period", true, false},
    {"markets", true, false},
    {"channels", true, false},
    {"for-seconds", true, false},
    {"db", true, false},
    {"out", true, false},
    {"interval", true, false},
    {"depth", true, false},
    {"book-interval-ms", true, false},
    {"sweep", true, false},
    {"from", true, false},
    {"to", true, false},
    {"model", true, false},
};

const OptionSpec* findSpec(const QString& name) {
    for (const OptionSpec& spec : kSpecs)
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

const QStringList kCommands{QStringLiteral("backtest"),    QStringLiteral("indicators"),
                            QStringLiteral("record"),      QStringLiteral("export"),
                            QStringLiteral("db-password"), QStringLiteral("download"),
                            QStringLiteral("ml")};

// The options each command accepts besides the global ones.
QStringList optionsOf(const QString& command) {
    if (command == QLatin1String("backtest"))
        return {QStringLiteral("strategy"), QStringLiteral("candles"),      QStringLiteral("param"),
                QStringLiteral("fee-rate"), QStringLiteral("initial-cash"), QStringLiteral("market"),
                QStringLiteral("sweep")};
    if (command == QLatin1String("indicators"))
        return {QStringLiteral("name"), QStringLiteral("period"), QStringLiteral("param"),
                QStringLiteral("candles")};
    if (command == QLatin1String("record"))
        return {QStringLiteral("markets"), QStringLiteral("channels"), QStringLiteral("for-seconds"),
                QStringLiteral("db"),      QStringLiteral("depth"),    QStringLiteral("book-interval-ms")};
    if (command == QLatin1String("db-password"))
        return {QStringLiteral("db")};
    if (command == QLatin1String("ml"))
        return {QStringLiteral("candles"), QStringLiteral("model"),    QStringLiteral("name"),
                QStringLiteral("param"),   QStringLiteral("fee-rate"), QStringLiteral("initial-cash"),
                QStringLiteral("market")};
    if (command == QLatin1String("download"))
        return {QStringLiteral("market"), QStringLiteral("interval"), QStringLiteral("from"),
                QStringLiteral("to"), QStringLiteral("out")};
    return {QStringLiteral("db"), QStringLiteral("market"), QStringLiteral("interval"),
            QStringLiteral("out")};
}

int timeoutOf(const QHash<QString, QString>& values) {
    bool ok = false;
    const int ms = values.value(QStringLiteral("timeout-ms")).toInt(&ok);
    return ok && ms > 0 ? ms : CliArgs::kDefaultTimeoutMs;
}

// Runs one secret store operation and waits for its answer on a local event loop, at most `timeoutMs`.
SecretResult awaitSecret(int timeoutMs, const std::function<void(QObject*, SecretCallback)>& start) {
    QEventLoop loop;
    std::optional<SecretResult> result;
    QObject context;
    start(&context, [&](SecretResult r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (result)
        return *result;
    return SecretResult::failure(
        SecretStatus::NoKeychain,
        QCoreApplication::translate("hoga::Cli", "The key store did not answer within %1 ms.")
            .arg(timeoutMs));
}

CliError usage(const QString& message) {
    return CliError::usage(message);
}

// Ratios as JSON numbers; infinity and NaN (a profit factor without losses) as null.
void ratio(net::JsonWriter& json, const char* key, double value) {
    json.key(key);
    if (!std::isfinite(value)) {
        json.nullValue();
        return;
    }
    const QByteArray text = QByteArray::number(value, 'g', 15);
    const std::optional<Decimal> d =
        Decimal::parseRounded(std::string_view(text.constData(), size_t(text.size())), Rounding::HalfEven);
    if (d)
        json.decimal(*d, net::JsonWriter::DecimalAs::Number);
    else
        json.nullValue();
}

// "KRW-BTC" -> base BTC, quote KRW (Upbit-style codes); anything else keeps the code as its base.
Market marketFor(const QString& code) {
    Market m;
    m.venue = QStringLiteral("backtest");
    m.code = code;
    const qsizetype dash = code.indexOf(QLatin1Char('-'));
    m.quote = dash > 0 ? code.left(dash) : QStringLiteral("QUOTE");
    m.base = dash > 0 ? code.mid(dash + 1) : code;
    m.rules.qtyStep = Decimal::fromString("0.00000001");
    return m;
}

CandleInterval intervalForLength(qint64 ms) {
    for (int i = int(CandleInterval::S1); i <= int(CandleInterval::MN1); ++i)
        if (intervalMs(CandleInterval(i)) == ms)
            return CandleInterval(i);
    return CandleInterval::M1;
}

std::optional<Decimal> decimalOption(const QString& text) {
    return Decimal::parse(text);
}

std::atomic<bool> g_stopRequested{false};

extern "C" void requestStop(int) {
    g_stopRequested.store(true);
}

QByteArray tradeRecord(const BacktestFill& f, const QString& market) {
    net::JsonWriter json;
    json.beginObject()
        .field("event", "trade")
        .field("time", f.timestampMs)
        .field("market", market)
        .field("side", sideName(f.side))
        .field("type", orderTypeName(f.type))
        .field("price", f.price)
        .field("qty", f.qty)
        .field("fee", f.fee)
        .field("realized_pnl", f.realizedPnl)
        .field("cash", f.cashAfter)
        .field("base", f.baseAfter)
        .endObject();
    return json.data();
}

void summaryFields(net::JsonWriter& json, const QString& strategy, const QString& market,
                   const BacktestMetrics& m) {
    json.field("strategy", strategy).field("market", market).field("candles", m.candles);
    json.field("initial_cash", m.initialCash).field("final_equity", m.finalEquity);
    ratio(json, "total_return", m.totalReturn);
    ratio(json, "cagr", m.cagr);
    ratio(json, "max_drawdown", m.maxDrawdown);
    ratio(json, "sharpe", m.sharpe);
    ratio(json, "sortino", m.sortino);
    ratio(json, "win_rate", m.winRate);
    ratio(json, "profit_factor", m.profitFactor);
    ratio(json, "exposure", m.exposure);
    json.field("trades", m.trades).field("round_trips", m.roundTrips).field("fees", m.fees);
    json.field("buy_hold_final_equity", m.buyHoldFinalEquity);
    ratio(json, "buy_hold_return", m.buyHoldReturn);
}

QByteArray summaryRecord(const QString& strategy, const QString& market, const BacktestMetrics& m) {
    net::JsonWriter json;
    json.beginObject().key("summary").beginObject();
    summaryFields(json, strategy, market, m);
    json.endObject().endObject();
    return json.data();
}

// The ML signal's walk-forward report: one record per fold, then the out-of-sample totals.
void writeWalkForward(RecordWriter& out, const QVector<MlFold>& folds) {
    MlFold total;
    for (const MlFold& f : folds) {
        net::JsonWriter json;
        json.beginObject().field("event", "fold").field("index", f.index);
        json.field("train_from", f.trainFromMs).field("trained_at", f.trainedAtMs);
        json.field("test_from", f.testFromMs).field("test_to", f.testToMs);
        json.field("train_samples", f.trainSamples).field("predictions", f.predictions);
        ratio(json, "accuracy", f.accuracy());
        ratio(json, "precision", f.precision());
        json.endObject();
        out.write(json.data());
        total.predictions += f.predictions;
        total.correct += f.correct;
        total.predictedUp += f.predictedUp;
        total.truePositives += f.truePositives;
    }
    net::JsonWriter json;
    json.beginObject().field("event", "walk_forward").field("folds", int(folds.size()));
    json.field("predictions", total.predictions);
    ratio(json, "accuracy", total.accuracy());
    ratio(json, "precision", total.precision());
    json.endObject();
    out.write(json.data());
}

// Out-of-sample totals of a walk-forward run.
MlFold totalOf(const QVector<MlFold>& folds) {
    MlFold total;
    for (const MlFold& f : folds) {
        total.predictions += f.predictions;
        total.correct += f.correct;
        total.predictedUp += f.predictedUp;
        total.truePositives += f.truePositives;
    }
    return total;
}

// {"event":"<event>","name":...,"kind":...,"train_first_open":...,...}: a saved model and what it learned
// from.
QByteArray savedModelRecord(const char* event, const MlSavedModel& m, const QString& path) {
    net::JsonWriter json;
    json.beginObject().field("event", event).field("name", m.name);
    json.field("kind", m.model.value(QStringLiteral("kind")).toString());
    json.field("market", m.market).field("interval", m.interval);
    json.field("train_first_open", m.window.firstOpenMs).field("train_last_open", m.window.lastOpenMs);
    json.field("trained_at", m.window.trainedAtMs).field("train_samples", m.window.samples);
    json.field("folds", m.folds).field("predictions", m.predictions);
    ratio(json, "accuracy", m.accuracy);
    ratio(json, "precision", m.precision);
    json.field("saved_at", m.savedAtMs);
    if (!path.isEmpty())
        json.field("path", QDir::toNativeSeparators(path));
    json.endObject();
    return json.data();
}

// One sweep point: {"event":"sweep_run","index":i,"params":{...},"summary":{...}} or "error" instead.
QByteArray sweepRecord(int index, const QStringList& keys, const QString& strategy, const QString& market,
                       const SweepRun& run) {
    net::JsonWriter json;
    json.beginObject().field("event", "sweep_run").field("index", index);
    json.key("params").beginObject();
    for (const QString& key : keys)
        json.key(key).value(run.params.value(key));
    json.endObject();
    if (run.error.isEmpty()) {
        json.key("summary").beginObject();
        summaryFields(json, strategy, market, run.metrics);
        json.endObject();
    } else {
        json.field("error", run.error);
    }
    json.endObject();
    return json.data();
}

} // namespace

bool ResearchCommands::handles(const QStringList& arguments) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (arg.startsWith(QLatin1String("--"))) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            const OptionSpec* spec = findSpec(arg.mid(2, eq < 0 ? -1 : eq - 2));
            if (spec && spec->takesValue && eq < 0)
                ++i;
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')))
            continue;
        return kCommands.contains(arg);
    }
    return false;
}

ResearchCommands::ResearchCommands(QIODevice* out, QProcessEnvironment environment, VenueOpener opener)
    : m_out(out)
    , m_environment(std::move(environment))
    , m_opener(std::move(opener)) {}

std::variant<ResearchCommands::Options, CliError> ResearchCommands::parse(const QStringList& arguments) {
    Options o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (!arg.startsWith(QLatin1String("--"))) {
            if (o.command.isEmpty())
                o.command = arg;
            else
                o.operands << arg;
            continue;
        }
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
        const OptionSpec* spec = findSpec(name);
        if (!spec)
            return usage(QCoreApplication::translate("hoga::Cli", "Unknown option --%1.").arg(name));
        QString value;
        if (spec->takesValue) {
            if (eq >= 0)
                value = arg.mid(eq + 1);
            else if (i + 1 < arguments.size())
                value = arguments[++i];
            else
                return usage(QCoreApplication::translate("hoga::Cli", "--%1 needs a value.").arg(name));
        }
        if (spec->global) {
            o.globals << arg;
            if (spec->takesValue && eq < 0)
                o.globals << value;
        }
        if (name == QLatin1String("param")) {
            o.params << value;
            continue;
        }
        if (name == QLatin1String("sweep")) {
            o.sweeps << value;
            continue;
        }
        if (o.values.contains(name))
            return usage(QCoreApplication::translate("hoga::Cli", "--%1 is given more than once.").arg(name));
        o.values.insert(name, value);
    }
    const QStringList allowed = optionsOf(o.command);
    for (auto it = o.values.cbegin(); it != o.values.cend(); ++it) {
        const OptionSpec* spec = findSpec(it.key());
        // export reads --venue as which venue's recording to take; the other globals are harmless.
        if (!spec->global && !allowed.contains(it.key()))
            return usage(QCoreApplication::translate("hoga::Cli", "--%1 does not apply to %2.")
                             .arg(it.key(), o.command));
    }
    if (!o.params.isEmpty() && !allowed.contains(QStringLiteral("param")))
        return usage(QCoreApplication::translate("hoga::Cli", "--%1 does not apply to %2.")
                         .arg(QStringLiteral("param"), o.command));
    if (!o.sweeps.isEmpty() && !allowed.contains(QStringLiteral("sweep")))
        return usage(QCoreApplication::translate("hoga::Cli", "--%1 does not apply to %2.")
                         .arg(QStringLiteral("sweep"), o.command));
    return o;
}

std::optional<CliError> ResearchCommands::run(const QStringList& arguments) {
    std::variant<Options, CliError> parsed = parse(arguments);
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return *error;
    const Options& o = std::get<Options>(parsed);
    if (o.command == QLatin1String("backtest"))
        return backtest(o);
    if (o.command == QLatin1String("indicators"))
        return indicators(o);
    if (o.command == QLatin1String("record"))
        return record(o);
    if (o.command == QLatin1String("db-password"))
        return dbPassword(o);
    if (o.command == QLatin1String("download"))
        return download(o);
    if (o.command == QLatin1String("ml"))
        return ml(o);
    return exportData(o);
}

std::optional<CliError> ResearchCommands::backtest(const Options& o) {
    if (!o.has("strategy") || !o.has("candles"))
        return usage(QCoreApplication::translate("hoga::Cli", "backtest needs --strategy and --candles."));
    const StrategyTemplate* strategy = findStrategy(o.value("strategy"));
    if (!strategy) {
        QStringList ids;
        for (const StrategyTemplate& t : builtInStrategies())
            ids << t.id;
        return usage(QCoreApplication::translate("hoga::Cli", "Unknown strategy \"%1\"; choose one of: %2.")
                         .arg(o.value("strategy"), ids.join(QStringLiteral(", "))));
    }
    std::variant<StrategyParams, CliError> parsed = givenParams(o);
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return *error;
    StrategyParams& given = std::get<StrategyParams>(parsed);
    const CandleCsv::ReadResult candles = CandleCsv::readFile(o.value("candles"));
    if (!candles.ok())
        return usage(candles.error);
    const std::variant<BacktestConfig, CliError> configured = backtestConfig(o, candles.candles);
    if (const CliError* error = std::get_if<CliError>(&configured))
        return *error;
    const BacktestConfig& config = std::get<BacktestConfig>(configured);

    // ml_signal may predict with a saved model (--param model_name=N) instead of training its own.
    std::optional<MlSavedModel> savedModel;
    const QString modelName = given.take(QStringLiteral("model_name"));
    if (!modelName.isEmpty()) {
        if (strategy->id != QLatin1String("ml_signal") || !o.sweeps.isEmpty())
            return usage(QCoreApplication::translate(
                "hoga::Cli", "--param model_name applies to a single backtest of ml_signal only."));
        std::variant<MlModelStore, CliError> store = modelStore(o);
        if (const CliError* error = std::get_if<CliError>(&store))
            return *error;
        std::variant<MlSavedModel, QString> loaded = std::get<MlModelStore>(store).load(modelName);
        if (const QString* error = std::get_if<QString>(&loaded))
            return usage(*error);
        savedModel = std::get<MlSavedModel>(std::move(loaded));
        const QString kind = savedModel->model.value(QStringLiteral("kind")).toString();
        if (given.contains(QStringLiteral("model")) && given.value(QStringLiteral("model")) != kind)
            return usage(QCoreApplication::translate("hoga::Cli", "The saved model \"%1\" is a %2 model.")
                             .arg(modelName, kind));
        given.insert(QStringLiteral("model"), kind);
    }
    withCandleDefaults(*strategy, config, given);
    const Result<StrategyParams> params = completeParameters(*strategy, given);
    if (!params.ok())
        return usage(params.error().detail.isEmpty() ? params.error().userMessage() : params.error().detail);
    if (!o.sweeps.isEmpty())
        return sweep(o, *strategy, params.value(), candles.candles, config);
    Result<std::unique_ptr<Strategy>> created = strategy->create(params.value(), config.market);
    if (!created.ok())
        return usage(created.error().detail.isEmpty() ? created.error().userMessage()
                                                      : created.error().detail);
    if (savedModel) {
        auto* ml = dynamic_cast<MlSignalStrategy*>(created.value().get());
        if (!ml || !ml->useSavedModel(MlModel::fromJson(savedModel->model), savedModel->window))
            return usage(QCoreApplication::translate("hoga::Cli", "The saved model \"%1\" cannot be read.")
                             .arg(modelName));
    }

    const BacktestResult result = Backtester::run(*created.value(), candles.candles, config);
    RecordWriter out(m_out);
    for (const BacktestFill& fill : result.fills)
        out.write(tradeRecord(fill, config.market.code));
    if (const auto* ml = dynamic_cast<const MlSignalStrategy*>(created.value().get()))
        writeWalkForward(out, ml->folds());
    out.write(summaryRecord(strategy->id, config.market.code, result.metrics));
    return std::nullopt;
}

std::variant<StrategyParams, CliError> ResearchCommands::givenParams(const Options& o) {
    StrategyParams given;
    for (const QString& param : o.params) {
        const qsizetype eq = param.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(
                QCoreApplication::translate("hoga::Cli", "--param takes KEY=VALUE, not \"%1\".").arg(param));
        given.insert(param.left(eq), param.mid(eq + 1));
    }
    return given;
}

std::variant<BacktestConfig, CliError> ResearchCommands::backtestConfig(const Options& o,
                                                                        const QVector<Candle>& candles) {
    BacktestConfig config;
    config.market = marketFor(o.has("market") ? o.value("market") : QStringLiteral("KRW-BTC"));
    config.feeRate = Decimal::fromString("0.0005");
    config.initialCash = Decimal(1'000'000);
    if (o.has("fee-rate")) {
        const std::optional<Decimal> fee = decimalOption(o.value("fee-rate"));
        if (!fee || fee->isNegative() || *fee >= Decimal(1))
            return usage(QCoreApplication::translate(
                             "hoga::Cli", "--fee-rate takes a fraction such as 0.0005, not \"%1\".")
                             .arg(o.value("fee-rate")));
        config.feeRate = *fee;
    }
    if (o.has("initial-cash")) {
        const std::optional<Decimal> cash = decimalOption(o.value("initial-cash"));
        if (!cash || !cash->isPositive())
            return usage(QCoreApplication::translate("hoga::Cli",
                                                     "--initial-cash takes an amount above zero, not \"%1\".")
                             .arg(o.value("initial-cash")));
        config.initialCash = *cash;
    }
    config.candleMs = Backtester::candleLengthMs(candles);
    config.interval = intervalForLength(config.candleMs);
    return config;
}

void ResearchCommands::withCandleDefaults(const StrategyTemplate& strategy, const BacktestConfig& config,
                                          StrategyParams& given) {
    // The defaults for the candle strategies: all cash in (an order value of all the cash, which the
    // backtester caps at the cash there is on each buy) and the candle file's own interval.
    auto takes = [&strategy](const char* key) {
        return std::any_of(strategy.parameters.cbegin(), strategy.parameters.cend(),
                           [key](const StrategyParameter& p) { return p.key == QLatin1String(key); });
    };
    if (takes("order_value") && !given.contains(QStringLiteral("order_value")))
        given.insert(QStringLiteral("order_value"), config.initialCash.toString());
    if (takes("interval") && !given.contains(QStringLiteral("interval")))
        given.insert(QStringLiteral("interval"), intervalName(config.interval));
}

std::variant<MlModelStore, CliError> ResearchCommands::modelStore(const Options& o) const {
    const qsizetype at = o.globals.indexOf(QStringLiteral("--profile"));
    QString profile;
    if (at >= 0 && at + 1 < o.globals.size())
        profile = o.globals[at + 1];
    else
        for (const QString& g : o.globals)
            if (g.startsWith(QLatin1String("--profile=")))
                profile = g.mid(10);
    // Beside the journal the engine uses for the same profile (bot run finds the models there too).
    auto located = locateJournal(m_environment, profile);
    if (const CliError* error = std::get_if<CliError>(&located))
        return *error;
    return MlModelStore(modelsDirectory(std::get<JournalLocation>(located)));
}

std::optional<CliError> ResearchCommands::ml(const Options& o) {
    const QString action = o.operands.value(0);
    if (o.operands.size() != 1 || (action != QLatin1String("train") && action != QLatin1String("list")))
        return usage(QCoreApplication::translate("hoga::Cli", "ml takes train or list."));
    const std::variant<MlModelStore, CliError> located = modelStore(o);
    if (const CliError* error = std::get_if<CliError>(&located))
        return *error;
    const MlModelStore& store = std::get<MlModelStore>(located);
    if (action == QLatin1String("list")) {
        RecordWriter out(m_out);
        if (o.has("candles") || o.has("model") || o.has("name") || !o.params.isEmpty())
            return usage(QCoreApplication::translate("hoga::Cli", "ml list takes no options but --profile."));
        for (const QString& name : store.names()) {
            std::variant<MlSavedModel, QString> loaded = store.load(name);
            if (const MlSavedModel* m = std::get_if<MlSavedModel>(&loaded)) {
                out.write(savedModelRecord("model", *m, {}));
                continue;
            }
            net::JsonWriter json;
            json.beginObject().field("event", "model").field("name", name);
            json.field("error", std::get<QString>(loaded)).endObject();
            out.write(json.data());
        }
        return std::nullopt;
    }
    return mlTrain(o, store);
}

std::optional<CliError> ResearchCommands::mlTrain(const Options& o, const MlModelStore& store) {
    if (!o.has("candles"))
        return usage(QCoreApplication::translate("hoga::Cli", "ml train needs --candles."));
    const QString kind = o.has("model") ? o.value("model") : QStringLiteral("linear");
    if (!MlModel::kindFromName(kind))
        return usage(QCoreApplication::translate("hoga::Cli", "--model takes linear or forest, not \"%1\".")
                         .arg(kind));
    const QString name = o.has("name") ? o.value("name") : kind;
    if (!MlModelStore::isValidName(name))
        return usage(QCoreApplication::translate("hoga::Cli",
                                                 "--name takes 1 to 64 letters, digits, _ or -, not \"%1\".")
                         .arg(name));
    std::variant<StrategyParams, CliError> parsed = givenParams(o);
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return *error;
    StrategyParams& given = std::get<StrategyParams>(parsed);
    if (given.contains(QStringLiteral("model")) || given.contains(QStringLiteral("model_name")))
        return usage(QCoreApplication::translate("hoga::Cli", "ml train takes the model as --model."));
    given.insert(QStringLiteral("model"), kind);
    const CandleCsv::ReadResult candles = CandleCsv::readFile(o.value("candles"));
    if (!candles.ok())
        return usage(candles.error);
    const std::variant<BacktestConfig, CliError> configured = backtestConfig(o, candles.candles);
    if (const CliError* error = std::get_if<CliError>(&configured))
        return *error;
    const BacktestConfig& config = std::get<BacktestConfig>(configured);
    const StrategyTemplate strategy = mlSignalTemplate();
    withCandleDefaults(strategy, config, given);
    const Result<StrategyParams> params = completeParameters(strategy, given);
    if (!params.ok())
        return usage(params.error().detail.isEmpty() ? params.error().userMessage() : params.error().detail);
    Result<std::unique_ptr<Strategy>> created = strategy.create(params.value(), config.market);
    if (!created.ok())
        return usage(created.error().detail.isEmpty() ? created.error().userMessage()
                                                      : created.error().detail);

    // Walk-forward: the strategy trains on each window and trades the candles that follow, as a backtest.
    const BacktestResult result = Backtester::run(*created.value(), candles.candles, config);
    const auto& ml = static_cast<const MlSignalStrategy&>(*created.value());
    RecordWriter writer(m_out);
    writeWalkForward(writer, ml.folds());
    writer.write(summaryRecord(strategy.id, config.market.code, result.metrics));

    auto final = ml.trainFinalModel();
    if (!final)
        return usage(QCoreApplication::translate(
                         "hoga::Cli", "Too few candles to train on: the training window needs %1 outcomes.")
                         .arg(params.value().value(QStringLiteral("train_window"))));
    const MlFold total = totalOf(ml.folds());
    MlSavedModel saved;
    saved.name = name;
    saved.model = final->first->toJson();
    saved.market = config.market.code;
    saved.interval = intervalName(config.interval);
    saved.window = final->second;
    saved.folds = int(ml.folds().size());
    saved.predictions = total.predictions;
    saved.accuracy = total.accuracy();
    saved.precision = total.precision();
    saved.savedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (const std::optional<QString> error = store.save(saved))
        return CliError{QStringLiteral("storage"), {}, *error, ExitInternal};
    writer.write(savedModelRecord("model_saved", saved,
                                  QDir(store.directory()).filePath(name + QStringLiteral(".json"))));
    return std::nullopt;
}

std::optional<CliError> ResearchCommands::sweep(const Options& o, const StrategyTemplate& strategy,
                                                const StrategyParams& fixed, const QVector<Candle>& candles,
                                                const BacktestConfig& config) {
    const std::variant<SweepGrid::Grid, QString> grid = SweepGrid::parse(o.sweeps, strategy);
    if (const QString* error = std::get_if<QString>(&grid))
        return usage(*error);
    const ParameterSweep::Grid& axes = std::get<SweepGrid::Grid>(grid);
    QStringList keys;
    for (const auto& axis : axes)
        keys << axis.first;
    const Market market = config.market;
    const ParameterSweep::Factory factory = [&strategy, market](const StrategyParams& params) {
        return strategy.create(params, market);
    };
    const QVector<SweepRun> runs = ParameterSweep::run(axes, fixed, factory, candles, config);
    RecordWriter out(m_out);
    for (qsizetype i = 0; i < runs.size(); ++i)
        out.write(sweepRecord(int(i), keys, strategy.id, config.market.code, runs[i]));
    return std::nullopt;
}

std::optional<CliError> ResearchCommands::indicators(const Options& o) {
    const QString name = o.value("name");
    static const QStringList names{QStringLiteral("sma"),    QStringLiteral("ema"),  QStringLiteral("rsi"),
                                   QStringLiteral("bbands"), QStringLiteral("macd"), QStringLiteral("atr")};
    if (!names.contains(name))
        return usage(QCoreApplication::translate("hoga::Cli", "indicators needs --name, one of: %1.")
                         .arg(names.join(QStringLiteral(", "))));
    if (!o.has("candles"))
        return usage(QCoreApplication::translate("hoga::Cli", "indicators needs --candles FILE.csv."));
    // Parameters: --period, and --param KEY=VALUE for the rest (k for bbands; fast, slow, signal for macd).
    QHash<QString, QString> params;
    for (const QString& param : o.params) {
        const qsizetype eq = param.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(
                QCoreApplication::translate("hoga::Cli", "--param takes KEY=VALUE, not \"%1\".").arg(param));
        params.insert(param.left(eq), param.mid(eq + 1));
    }
    if (o.has("period"))
        params.insert(QStringLiteral("period"), o.value("period"));
    QStringList allowed{QStringLiteral("period")};
    if (name == QLatin1String("bbands"))
        allowed << QStringLiteral("k");
    if (name == QLatin1String("macd"))
        allowed = {QStringLiteral("fast"), QStringLiteral("slow"), QStringLiteral("signal")};
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        if (!allowed.contains(it.key()))
            return usage(QCoreApplication::translate("hoga::Cli", "%1 has no parameter %2; it takes: %3.")
                             .arg(name, it.key(), allowed.join(QStringLiteral(", "))));
    std::optional<CliError> problem;
    auto integer = [&](const QString& key, int fallback) {
        if (!params.contains(key))
            return fallback;
        bool ok = false;
        const int n = params.value(key).toInt(&ok);
        if (!ok || n < 1 || n > 10'000)
            problem = usage(QCoreApplication::translate(
                                "hoga::Cli", "%1 takes a whole number from 1 to 10000, not \"%2\".")
                                .arg(key, params.value(key)));
        return ok && n >= 1 ? n : fallback;
    };
    const bool rsiOrAtr = name == QLatin1String("rsi") || name == QLatin1String("atr");
    const int period = integer(QStringLiteral("period"), rsiOrAtr ? 14 : 20);
    const int fast = integer(QStringLiteral("fast"), 12);
    const int slow = integer(QStringLiteral("slow"), 26);
    const int signal = integer(QStringLiteral("signal"), 9);
    double k = 2.0;
    if (params.contains(QStringLiteral("k"))) {
        bool ok = false;
        k = params.value(QStringLiteral("k")).toDouble(&ok);
        if (!ok || !(k > 0))
            problem =
                usage(QCoreApplication::translate("hoga::Cli", "k takes a number above zero, not \"%1\".")
                          .arg(params.value(QStringLiteral("k"))));
    }
    if (name == QLatin1String("macd") && fast >= slow)
        problem = usage(QCoreApplication::translate("hoga::Cli", "macd needs fast below slow."));
    if (problem)
        return problem;
    const CandleCsv::ReadResult candles = CandleCsv::readFile(o.value("candles"));
    if (!candles.ok())
        return usage(candles.error);

    Sma sma(period);
    Ema ema(period);
    Rsi rsi(period);
    BollingerBands bands(period, k);
    Macd macd(fast, slow, signal);
    Atr atr(period);
    RecordWriter out(m_out);
    for (const Candle& c : candles.candles) {
        const double close = c.close.toDouble();
        net::JsonWriter json;
        json.beginObject().field("open_time", c.openTimeMs);
        const double undefined = std::numeric_limits<double>::quiet_NaN();
        if (name == QLatin1String("sma")) {
            sma.update(close);
            ratio(json, "value", sma.ready() ? sma.value() : undefined);
        } else if (name == QLatin1String("ema")) {
            ema.update(close);
            ratio(json, "value", ema.ready() ? ema.value() : undefined);
        } else if (name == QLatin1String("rsi")) {
            rsi.update(close);
            ratio(json, "value", rsi.ready() ? rsi.value() : undefined);
        } else if (name == QLatin1String("atr")) {
            atr.update(c);
            ratio(json, "value", atr.ready() ? atr.value() : undefined);
        } else if (name == QLatin1String("bbands")) {
            bands.update(close);
            ratio(json, "middle", bands.ready() ? bands.middle() : undefined);
            ratio(json, "upper", bands.ready() ? bands.upper() : undefined);
            ratio(json, "lower", bands.ready() ? bands.lower() : undefined);
        } else {
            macd.update(close);
            ratio(json, "macd", macd.macdReady() ? macd.macd() : undefined);
            ratio(json, "signal", macd.ready() ? macd.signal() : undefined);
            ratio(json, "histogram", macd.ready() ? macd.histogram() : undefined);
        }
        json.endObject();
        out.write(json.data());
    }
    return std::nullopt;
}

QString ResearchCommands::defaultDatabase(const Options& o) const {
    QDir base(profilesBaseDir(m_environment));
    const qsizetype at = o.globals.indexOf(QStringLiteral("--profile"));
    if (at >= 0 && at + 1 < o.globals.size()) {
        // Profile folders are named by the profile's id, not its name.
        ProfileSession session(m_environment, CliArgs::kDefaultTimeoutMs);
        const auto found = session.find(o.globals[at + 1]);
        if (const ProfileInfo* profile = std::get_if<ProfileInfo>(&found))
            return session.manager().paths(profile->id).dir() + QStringLiteral("/market-data.sqlite");
        return base.filePath(o.globals[at + 1] + QStringLiteral("/market-data.sqlite"));
    }
    // The parent of the profiles folder, whether or not that folder exists yet (QDir::cdUp needs it to).
    return QDir(QFileInfo(base.absolutePath()).path()).filePath(QStringLiteral("market-data.sqlite"));
}

std::optional<CliError> ResearchCommands::record(const Options& o) {
    const QStringList markets = o.value("markets").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (markets.isEmpty())
        return usage(
            QCoreApplication::translate("hoga::Cli", "record needs --markets, such as KRW-BTC,KRW-ETH."));
    RecorderSettings settings;
    settings.markets = markets;
    if (o.has("channels")) {
        settings.channels = 0;
        for (const QString& name : o.value("channels").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (name == QLatin1String("ticker"))
                settings.channels |= TickerChannel;
            else if (name == QLatin1String("trade"))
                settings.channels |= TradeChannel;
            else if (name == QLatin1String("orderbook"))
                settings.channels |= OrderBookChannel;
            else
                return usage(QCoreApplication::translate(
                                 "hoga::Cli", "--channels takes ticker, trade and orderbook, not \"%1\".")
                                 .arg(name));
        }
    }
    auto positive = [&](const char* name, int fallback) -> std::optional<int> {
        if (!o.has(name))
            return fallback;
        bool ok = false;
        const int n = o.value(name).toInt(&ok);
        return ok && n > 0 ? std::optional<int>(n) : std::nullopt;
    };
    const std::optional<int> seconds = positive("for-seconds", 0);
    const std::optional<int> depth = positive("depth", settings.bookDepth);
    const std::optional<int> bookMs = positive("book-interval-ms", int(settings.bookIntervalMs));
    for (auto [value, name] : {std::pair{seconds, "for-seconds"}, std::pair{depth, "depth"},
                               std::pair{bookMs, "book-interval-ms"}})
        if (!value)
            return usage(
                QCoreApplication::translate("hoga::Cli", "--%1 takes a whole number above zero, not \"%2\".")
                    .arg(QLatin1String(name), o.value(name)));
    settings.bookDepth = *depth;
    settings.bookIntervalMs = *bookMs;
    const std::optional<MarketDataUrl> url =
        MarketDataUrl::parse(o.has("db") ? o.value("db") : defaultDatabase(o));
    if (!url)
        return usage(QCoreApplication::translate(
                         "hoga::Cli",
                         "--db takes a file, sqlite:///path or postgresql://user@host:port/db, not \"%1\".")
                         .arg(o.value("db")));
    if (url->engine == MarketDataUrl::Engine::Sqlite)
        QDir().mkpath(QFileInfo(url->filePath).absolutePath());

    std::variant<CliArgs, CliError> venueArgs =
        CommandLine::parse(o.globals + QStringList{QStringLiteral("markets")});
    if (const CliError* error = std::get_if<CliError>(&venueArgs))
        return *error;
    auto opened = m_opener(std::get<CliArgs>(venueArgs));
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));

    MarketDataUrl storeUrl = *url;
    if (std::optional<CliError> error = profilePassword(o, storeUrl))
        return error;
    MarketDataRecorder recorder([storeUrl] { return std::make_unique<SqlMarketDataStore>(storeUrl); },
                                settings);
    if (!recorder.start())
        return CliError{url->engine == MarketDataUrl::Engine::Sqlite ? QStringLiteral("usage")
                                                                     : QStringLiteral("network"),
                        {},
                        recorder.errorString(),
                        url->engine == MarketDataUrl::Engine::Sqlite ? int(ExitUsage) : int(ExitNetwork)};
    RecordWriter out(m_out);
    {
        net::JsonWriter json;
        json.beginObject().field("event", "recording").field("venue", venue->connector()->venueId());
        json.key("markets").beginArray();
        for (const QString& m : markets)
            json.value(m);
        json.endArray().field("db", url->describe()).endObject();
        out.write(json.data());
    }
    recorder.attach(venue->connector());

    // Runs for --for-seconds, or until SIGINT / SIGTERM.
    g_stopRequested.store(false);
    auto previousInt = std::signal(SIGINT, requestStop);
    auto previousTerm = std::signal(SIGTERM, requestStop);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (g_stopRequested.load())
            loop.quit();
    });
    poll.start(100);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (*seconds > 0)
        deadline.start(*seconds * 1000);
    loop.exec();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    recorder.stop();

    net::JsonWriter json;
    json.beginObject()
        .field("event", "recorded")
        .field("rows_written", recorder.rowsWritten())
        .field("rows_dropped", recorder.rowsDropped())
        .endObject();
    out.write(json.data());
    if (!recorder.errorString().isEmpty())
        return CliError{QStringLiteral("venue"), {}, recorder.errorString(), ExitRefused};
    return std::nullopt;
}

// A PostgreSQL password comes from the profile's secret store (keychain or encrypted file), never from the
// URL: with --profile, the entry MarketDataUrl::secretKey() is read; without one stored, libpq's own
// sources (PGPASSWORD, ~/.pgpass) still apply.
std::optional<CliError> ResearchCommands::profilePassword(const Options& o, MarketDataUrl& url) const {
    if (url.engine != MarketDataUrl::Engine::Postgres || !o.has("profile"))
        return std::nullopt;
    const int timeoutMs = timeoutOf(o.values);
    ProfileSession session(m_environment, timeoutMs);
    if (std::optional<CliError> error = session.logIn(o.value("profile")))
        return error;
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    SecretStore& store = session.keyRing().store();
    const SecretResult read = awaitSecret(timeoutMs, [&](QObject* context, SecretCallback done) {
        store.read(url.secretKey(), context, done);
    });
    if (read.status == SecretStatus::NotFound)
        return std::nullopt;
    if (!read.ok())
        return secretError(read);
    url.password = QString::fromUtf8(read.data);
    return std::nullopt;
}

// download: candles of one market from the venue, oldest first, into a CSV file the backtester reads. The
// connector pages backwards from --to (default now) until --from; a progress record follows every page.
std::optional<CliError> ResearchCommands::download(const Options& o) {
    if (!o.has("market") || !o.has("interval") || !o.has("from") || !o.has("out"))
        return usage(QCoreApplication::translate(
            "hoga::Cli",
            "Use: --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv"));
    const std::optional<CandleInterval> interval = intervalFromName(o.value("interval"));
    if (!interval)
        return usage(
            QCoreApplication::translate("hoga::Cli", "Unknown interval \"%1\".").arg(o.value("interval")));
    const std::optional<qint64> from = CommandLine::parseIsoTimeMs(o.value("from"));
    const std::optional<qint64> to = o.has("to") ? CommandLine::parseIsoTimeMs(o.value("to"))
                                                 : std::optional<qint64>(QDateTime::currentMSecsSinceEpoch());
    if (!from || !to || *from < 0 || *to <= *from)
        return usage(QCoreApplication::translate(
            "hoga::Cli", "--from and --to take ISO 8601 times such as 2024-05-01T09:00:00Z, --from first."));
    const qint64 length = intervalMs(*interval);
    const qint64 expected = (*to - *from + length - 1) / length;
    constexpr int kPage = 200;
    constexpr qint64 kMaxCandles = 5'000'000; // a bounded download; split longer ones
    if (expected > kMaxCandles)
        return usage(QCoreApplication::translate("hoga::Cli",
                                                 "That is more than %1 candles; download a shorter period.")
                         .arg(kMaxCandles));
    QFile file(o.value("out"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return usage(QCoreApplication::translate("hoga::Cli", "Cannot write %1: %2")
                         .arg(o.value("out"), file.errorString()));

    std::variant<CliArgs, CliError> venueArgs =
        CommandLine::parse(o.globals + QStringList{QStringLiteral("markets")});
    if (const CliError* error = std::get_if<CliError>(&venueArgs))
        return *error;
    const int timeoutMs = std::get<CliArgs>(venueArgs).timeoutMs;
    auto opened = m_opener(std::get<CliArgs>(venueArgs));
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));

    RecordWriter out(m_out);
    QMap<qint64, Candle> byTime; // open time -> candle: pages may overlap at their edges
    qint64 cursor = *to;
    const qint64 maxPages = expected / kPage + 2;
    for (qint64 page = 0; page < maxPages && cursor > *from; ++page) {
        CandleQuery query;
        query.market = o.value("market");
        query.interval = *interval;
        query.count = kPage;
        query.toMs = cursor;
        Result<QVector<Candle>> r = awaitResult(venue->connector()->fetchCandles(query), timeoutMs);
        if (!r.ok())
            return CliError::fromVenueError(r.error());
        const QVector<Candle>& candles = r.value();
        if (candles.isEmpty())
            break; // nothing older at the venue
        for (const Candle& c : candles)
            if (c.openTimeMs >= *from && c.openTimeMs < *to)
                byTime.insert(c.openTimeMs, c);
        const qint64 oldest = candles.first().openTimeMs;
        net::JsonWriter json;
        json.beginObject().field("event", "progress").field("candles", qint64(byTime.size()));
        json.field("expected", expected).field("oldest", oldest).endObject();
        out.write(json.data());
        if (oldest >= cursor)
            break; // the venue ignored the cursor: stop rather than loop
        cursor = oldest;
    }
    const QVector<Candle> candles(byTime.cbegin(), byTime.cend());
    CandleCsv::write(file, candles);
    net::JsonWriter json;
    json.beginObject().field("event", "downloaded").field("candles", qint64(candles.size()));
    json.field("file", o.value("out")).endObject();
    out.write(json.data());
    return std::nullopt;
}

// db-password: stores the password of a PostgreSQL market-data database in the profile's secret store,
// read from the first line of standard input (never an argument, which would show in the process list).
std::optional<CliError> ResearchCommands::dbPassword(const Options& o) {
    const std::optional<MarketDataUrl> url = MarketDataUrl::parse(o.value("db"));
    if (!o.has("profile") || !url || url->engine != MarketDataUrl::Engine::Postgres)
        return usage(QCoreApplication::translate(
            "hoga::Cli",
            "Use: --profile P db-password --db postgresql://user@host:port/db, with the password "
            "on standard input."));
    QFile in;
    QByteArray password;
    if (in.open(stdin, QIODevice::ReadOnly))
        password = in.readLine();
    while (password.endsWith('\n') || password.endsWith('\r'))
        password.chop(1);
    if (password.isEmpty())
        return usage(
            QCoreApplication::translate("hoga::Cli", "Give the database password on standard input."));
    const int timeoutMs = timeoutOf(o.values);
    ProfileSession session(m_environment, timeoutMs);
    if (std::optional<CliError> error = session.logIn(o.value("profile")))
        return error;
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    SecretStore& store = session.keyRing().store();
    const SecretResult written = awaitSecret(timeoutMs, [&](QObject* context, SecretCallback done) {
        store.write(url->secretKey(), password, context, done);
    });
    secureWipe(password);
    if (!written.ok())
        return secretError(written);
    net::JsonWriter json;
    json.beginObject().field("event", "db_password_saved").field("db", url->describe()).endObject();
    RecordWriter(m_out).write(json.data());
    return std::nullopt;
}

namespace {

// One CSV field: quoted (inner quotes doubled) when it holds a comma, a quote or a line break.
QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void csvRow(QIODevice& out, const QStringList& fields) {
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString& f : fields)
        escaped << csvField(f);
    out.write((escaped.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8());
}

void writeJournalOrders(QIODevice& out, const QVector<JournalOrder>& orders) {
    csvRow(out,
           {QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("client_id"),
            QStringLiteral("order_id"), QStringLiteral("venue"), QStringLiteral("market"),
            QStringLiteral("side"), QStringLiteral("type"), QStringLiteral("price"), QStringLiteral("qty"),
            QStringLiteral("total"), QStringLiteral("filled_qty"), QStringLiteral("filled_quote"),
            QStringLiteral("fee"), QStringLiteral("state"), QStringLiteral("journal_state"),
            QStringLiteral("bot"), QStringLiteral("tag"), QStringLiteral("error")});
    for (const JournalOrder& j : orders) {
        const Order& o = j.order;
        csvRow(out,
               {QString::number(o.createdAtMs), QString::number(o.updatedAtMs), o.clientId, o.id, o.venue,
                o.market, sideName(o.side), orderTypeName(o.type), o.price.toString(), o.qty.toString(),
                o.total.toString(), o.filledQty.toString(), o.filledQuote.toString(), o.fee.toString(),
                orderStateName(o.state), journalStateName(j.state), j.bot, j.tag, j.error});
    }
}

// The journal keeps no maker/taker flag, so the CSV has none either.
void writeJournalFills(QIODevice& out, const OrderJournal& journal, const QVector<JournalOrder>& orders) {
    csvRow(out, {QStringLiteral("timestamp"), QStringLiteral("trade_id"), QStringLiteral("client_id"),
                 QStringLiteral("order_id"), QStringLiteral("venue"), QStringLiteral("market"),
                 QStringLiteral("side"), QStringLiteral("price"), QStringLiteral("qty"),
                 QStringLiteral("fee"), QStringLiteral("fee_currency"), QStringLiteral("bot")});
    QVector<QPair<Fill, QString>> fills;
    for (const JournalOrder& j : orders)
        for (const Fill& f : journal.fills(j.order.clientId))
            fills.append({f, j.bot});
    std::stable_sort(fills.begin(), fills.end(),
                     [](const auto& a, const auto& b) { return a.first.timestampMs < b.first.timestampMs; });
    for (const auto& [f, bot] : std::as_const(fills))
        csvRow(out, {QString::number(f.timestampMs), f.tradeId, f.clientId, f.orderId, f.venue, f.market,
                     sideName(f.side), f.price.toString(), f.qty.toString(), f.fee.toString(), f.feeCurrency,
                     bot});
}

} // namespace

// export orders|fills: the profile's order journal (every order the engine or a ticket placed), oldest
// first, as CSV. The profile is logged into first, as for anything else the profile holds.
std::optional<CliError> ResearchCommands::exportJournal(const Options& o) {
    const QString profile = o.value("profile");
    if (profile.isEmpty())
        return usage(QCoreApplication::translate("hoga::Cli", "export orders and fills need --profile P."));
    ProfileSession session(m_environment, timeoutOf(o.values));
    if (std::optional<CliError> error = session.logIn(profile))
        return error;
    ProfileDatabase database(session.manager().paths(session.profile().id).databaseFile());
    if (database.open() != ProfileDatabase::Status::Ok)
        return CliError{QStringLiteral("usage"), {}, database.errorString(), ExitUsage};
    OrderJournal journal(database);
    QVector<JournalOrder> orders = journal.orders({}, o.value("venue"));
    std::reverse(orders.begin(), orders.end()); // oldest first
    if (o.has("market"))
        orders.erase(
            std::remove_if(orders.begin(), orders.end(),
                           [&](const JournalOrder& j) { return j.order.market != o.value("market"); }),
            orders.end());
    QFile file;
    QIODevice* target = m_out;
    if (o.has("out")) {
        file.setFileName(o.value("out"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return usage(QCoreApplication::translate("hoga::Cli", "Cannot write %1: %2")
                             .arg(o.value("out"), file.errorString()));
        target = &file;
    }
    if (o.operands.value(0) == QLatin1String("orders"))
        writeJournalOrders(*target, orders);
    else
        writeJournalFills(*target, journal, orders);
    return std::nullopt;
}

std::optional<CliError> ResearchCommands::exportData(const Options& o) {
    const QString what = o.operands.value(0);
    if (o.operands.size() == 1 && (what == QLatin1String("orders") || what == QLatin1String("fills")))
        return exportJournal(o);
    if (o.operands.size() != 1 || (what != QLatin1String("candles") && what != QLatin1String("trades")))
        return usage(QCoreApplication::translate(
            "hoga::Cli",
            "Use: export candles|trades --db URL --market M, or export orders|fills --profile P."));
    if (!o.has("market"))
        return usage(QCoreApplication::translate("hoga::Cli", "export needs --market, such as KRW-BTC."));
    const std::optional<MarketDataUrl> url =
        MarketDataUrl::parse(o.has("db") ? o.value("db") : defaultDatabase(o));
    if (!url)
        return usage(QCoreApplication::translate(
                         "hoga::Cli",
                         "--db takes a file, sqlite:///path or postgresql://user@host:port/db, not \"%1\".")
                         .arg(o.value("db")));
    if (url->engine == MarketDataUrl::Engine::Sqlite && !QFileInfo::exists(url->filePath))
        return usage(QCoreApplication::translate("hoga::Cli", "There is no market-data database at %1.")
                         .arg(url->filePath));
    CandleInterval interval = CandleInterval::M1;
    if (o.has("interval")) {
        const std::optional<CandleInterval> parsed = intervalFromName(o.value("interval"));
        if (!parsed)
            return usage(QCoreApplication::translate("hoga::Cli", "Unknown interval \"%1\".")
                             .arg(o.value("interval")));
        interval = *parsed;
    }
    MarketDataUrl storeUrl = *url;
    if (std::optional<CliError> error = profilePassword(o, storeUrl))
        return error;
    SqlMarketDataStore store(storeUrl);
    if (!store.open())
        return CliError{QStringLiteral("usage"), {}, store.errorString(), ExitUsage};
    const QString market = o.value("market");
    QString venue = o.value("venue");
    if (venue.isEmpty()) {
        QStringList venues;
        for (const auto& [v, m] : store.recordedMarkets())
            if (m == market)
                venues << v;
        if (venues.size() > 1)
            return usage(
                QCoreApplication::translate(
                    "hoga::Cli", "%1 was recorded from several venues (%2): choose one with --venue.")
                    .arg(market, venues.join(QStringLiteral(", "))));
        venue = venues.value(0);
    }
    if (venue.isEmpty())
        return CliError{QStringLiteral("not_found"),
                        {},
                        QCoreApplication::translate("hoga::Cli", "Nothing was recorded for %1.").arg(market),
                        ExitRefused};

    QFile file;
    QIODevice* target = m_out;
    if (o.has("out")) {
        file.setFileName(o.value("out"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return usage(QCoreApplication::translate("hoga::Cli", "Cannot write %1: %2")
                             .arg(o.value("out"), file.errorString()));
        target = &file;
    }
    if (what == QLatin1String("candles")) {
        CandleCsv::write(*target, recordedCandles(store, venue, market, interval));
    } else {
        target->write("timestamp,id,price,qty,side\n");
        for (const Trade& t : store.trades(venue, market))
            target->write(QStringLiteral("%1,%2,%3,%4,%5\n")
                              .arg(t.timestampMs)
                              .arg(t.id, t.price.toString(), t.qty.toString(), sideName(t.side))
                              .toUtf8());
    }
    return std::nullopt;
}

} // namespace hoga::cli
