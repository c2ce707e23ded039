#include "bot_commands.h"

#include "await_result.h"
#include "engine_orders.h"
#include "journal_location.h"
#include "profile_session.h"
#include "record_writer.h"

#include "core/lock_file_recovery.h"
#include "storage/order_journal.h"
#include "storage/profile_database.h"
#include "trading/engine/bot_runner.h"
#include "trading/engine/trading_engine.h"
#include "trading/strategies/ml_model_store.h"
#include "trading/strategies/ml_signal_strategy.h"
#include "trading/strategy/strategy_params.h"
#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <exception>

namespace hoga::cli {

namespace {

using Spec = CommandOptions::Spec;

// name, takes a value, global, repeatable
constexpr Spec kSpecs[] = {
    {"profile", true, true, false},
    {"venue", true, true, false},
    {"rest-url", true, true, false},
    {"ws-url", true, true, false},
    {"private-ws-url", true, true, false},
    {"timeout-ms", true, true, false},
    {"sim-state", true, true, false},
    {"verbose", false, true, false},
    {"testnet", false, true, false},
    {"ws-api-url", true, true, false},
    {"virtual", false, true, false},
    {"account", true, true, false},
    {"strategy", true, false, false},
    {"market", true, false, false},
    {"param", true, false, true},
    {"id", true, false, false},
    {"for-seconds", true, false, false},
    {"bot", true, false, false},
    {"reason", true, false, false},
    {"rearm", false, false, false},
    {"max-order-value", true, false, false},
    {"max-position", true, false, false},
    {"max-open-orders", true, false, false},
    {"max-orders-per-minute", true, false, false},
    {"max-price-deviation-pct", true, false, false},
    {"cash-reserve", true, false, false},
    {"daily-loss-limit", true, false, false},
};

const QStringList kCommandWords{QStringLiteral("bot"), QStringLiteral("journal"),
                                QStringLiteral("emergency-stop"), QStringLiteral("rearm")};

// Risk options as they are given on the command line and kept with the bot ("risk.<option>" in its saved
// parameters, so a resumed bot keeps its limits).
const char* const kDecimalLimits[] = {"max-order-value", "max-position", "max-price-deviation-pct",
                                      "cash-reserve", "daily-loss-limit"};
const char* const kCountLimits[] = {"max-open-orders", "max-orders-per-minute"};
const QString kRiskPrefix = QStringLiteral("risk.");

std::atomic<bool> g_stopRequested{false};

extern "C" void requestBotRunStop(int) {
    g_stopRequested.store(true);
}

CliError usage(const QString& message) {
    return CliError::usage(message);
}

CliError storageError(const QString& message) {
    return CliError{QStringLiteral("storage"), {}, message, ExitInternal};
}

// Runs `work` on the engine's thread and waits for it (the engine thread never waits for this one).
template <class Work> auto onEngine(TradingEngine* engine, Work work) {
    using R = std::invoke_result_t<Work>;
    if constexpr (std::is_void_v<R>) {
        QMetaObject::invokeMethod(engine, work, Qt::BlockingQueuedConnection);
    } else {
        R result{};
        QMetaObject::invokeMethod(
            engine, [&result, &work] { result = work(); }, Qt::BlockingQueuedConnection);
        return result;
    }
}

bool isValidBotId(const QString& id) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

// {"a":1} + fields -> {"event":..., "a":1, fields...}
QByteArray wrap(const char* event, const QByteArray& record, const QByteArray& tail) {
    QByteArray out = "{\"event\":\"" + QByteArray(event) + "\"";
    const QByteArray body = record.mid(1, record.size() - 2);
    if (!body.isEmpty())
        out += ',' + body;
    if (!tail.isEmpty())
        out += ',' + tail;
    return out + '}';
}

// The members of one JSON object without its braces.
QByteArray members(const std::function<void(net::JsonWriter&)>& write) {
    net::JsonWriter json;
    json.beginObject();
    write(json);
    json.endObject();
    const QByteArray data = json.data();
    return data.mid(1, data.size() - 2);
}

QByteArray orderRecord(const char* event, const Order& order, const QString& bot, JournalState state,
                       const QString& tag) {
    return wrap(event, RecordWriter::order(order), members([&](net::JsonWriter& j) {
                    j.key("bot");
                    if (bot.isEmpty())
                        j.nullValue();
                    else
                        j.value(bot);
                    j.field("journal_state", journalStateName(state));
                    j.key("tag");
                    if (tag.isEmpty())
                        j.nullValue();
                    else
                        j.value(tag);
                }));
}

QByteArray fillRecord(const Fill& f, const QString& bot) {
    net::JsonWriter json;
    json.beginObject()
        .field("event", "fill")
        .field("bot", bot)
        .field("venue", f.venue)
        .field("market", f.market)
        .field("order_id", f.orderId)
        .field("client_id", f.clientId)
        .field("trade_id", f.tradeId)
        .field("side", sideName(f.side))
        .field("price", f.price)
        .field("qty", f.qty)
        .field("fee", f.fee)
        .field("fee_currency", f.feeCurrency)
        .field("time", f.timestampMs)
        .endObject();
    return json.data();
}

QByteArray botRecord(const char* event, const BotRecord& b, bool active) {
    net::JsonWriter json;
    json.beginObject();
    if (event)
        json.field("event", event);
    json.field("bot", b.id)
        .field("strategy", b.strategy)
        .field("venue", b.venue)
        .field("market", b.market)
        .field("state", botStatusName(b.status))
        .field("active", active)
        .field("position", b.position.qty)
        .field("avg_price", b.position.avgPrice)
        .field("realized_pnl", b.position.realizedPnl);
    json.key("halt_reason");
    if (b.haltReason.isEmpty())
        json.nullValue();
    else
        json.value(b.haltReason);
    json.key("params").beginObject();
    QStringList keys = b.params.keys();
    keys.sort();
    for (const QString& k : keys)
        json.field(k.toUtf8().constData(), b.params.value(k).toString());
    json.endObject();
    json.field("last_event", b.lastEventMs).endObject();
    return json.data();
}

QString lockPathFor(const QString& database, const QString& bot) {
    return database + QStringLiteral(".bot-") + bot + QStringLiteral(".lock");
}

QString stopPathFor(const QString& database, const QString& bot) {
    return database + QStringLiteral(".bot-") + bot + QStringLiteral(".stop");
}

// Whether a live process runs the bot (it holds the bot's lock file for as long as it runs).
bool isBotActive(const QString& database, const QString& bot) {
    QLockFile probe(lockPathFor(database, bot));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return false;
    }
    return probe.error() == QLockFile::LockFailedError;
}

// The journal of a read-only command, opened on the calling thread.
struct JournalOnly {
    std::unique_ptr<ProfileDatabase> database;
    std::unique_ptr<OrderJournal> journal;
};

std::variant<JournalOnly, CliError> openJournal(const QString& path) {
    JournalOnly j;
    j.database = std::make_unique<ProfileDatabase>(path);
    if (j.database->open() != ProfileDatabase::Status::Ok)
        return storageError(j.database->errorString());
    j.journal = std::make_unique<OrderJournal>(*j.database);
    return j;
}

std::optional<int> positiveInt(const QString& text) {
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok && n > 0 ? std::optional<int>(n) : std::nullopt;
}

} // namespace

bool BotCommands::handles(const QStringList& arguments) {
    return kCommandWords.contains(CommandOptions::firstWord(arguments, kSpecs));
}

BotCommands::BotCommands(QIODevice* out, QProcessEnvironment environment, VenueOpener opener)
    : m_out(out)
    , m_environment(std::move(environment))
    , m_opener(std::move(opener)) {}

std::optional<CliError> BotCommands::run(const QStringList& arguments) {
    auto parsed = CommandOptions::parse(arguments, kSpecs);
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return *error;
    const CommandOptions& o = std::get<CommandOptions>(parsed);
    const QString command = o.words.join(QLatin1Char(' '));
    auto located = where(o);
    if (const CliError* error = std::get_if<CliError>(&located))
        return *error;
    const Where& w = std::get<Where>(located);

    auto allow = [&](QStringList options) {
        return o.allowOnly(options, command);
    };
    if (command == QLatin1String("bot run")) {
        QStringList allowed{QStringLiteral("strategy"),    QStringLiteral("market"),
                            QStringLiteral("param"),       QStringLiteral("id"),
                            QStringLiteral("for-seconds"), QStringLiteral("rearm")};
        for (const char* name : kDecimalLimits)
            allowed << QLatin1String(name);
        for (const char* name : kCountLimits)
            allowed << QLatin1String(name);
        if (auto e = allow(allowed))
            return e;
        return botRun(o, w);
    }
    if (command == QLatin1String("bot list")) {
        if (auto e = allow({}))
            return e;
        return botList(w);
    }
    if (command == QLatin1String("bot stop")) {
        if (auto e = allow({QStringLiteral("id")}))
            return e;
        return botStop(o, w);
    }
    if (command == QLatin1String("journal orders")) {
        if (auto e = allow({QStringLiteral("bot")}))
            return e;
        return journalOrders(o, w);
    }
    if (command == QLatin1String("emergency-stop")) {
        if (auto e = allow({QStringLiteral("reason")}))
            return e;
        return emergencyStop(o, w);
    }
    if (command == QLatin1String("rearm")) {
        if (auto e = allow({}))
            return e;
        return rearm(w);
    }
    return usage(QCoreApplication::translate(
                     "hoga::Cli", "Unknown command \"%1\". The engine commands are bot run, bot list, "
                                  "bot stop, journal orders, emergency-stop and rearm.")
                     .arg(command));
}

std::variant<BotCommands::Where, CliError> BotCommands::where(const CommandOptions& o) const {
    return locateJournal(m_environment, o.has("profile") ? o.value("profile") : QString());
}

std::variant<std::unique_ptr<CliVenue>, CliError> BotCommands::openVenue(const CommandOptions& o,
                                                                         const Where& w) {
    if (!o.has("venue"))
        return usage(QCoreApplication::translate("hoga::Cli", "%1 needs --venue.")
                         .arg(o.words.join(QLatin1Char(' '))));
    QStringList globals = o.globals;
    if (o.value("venue") == QLatin1String("sim") && !o.has("sim-state") && !w.paperState.isEmpty())
        globals << QStringLiteral("--sim-state") << w.paperState;
    std::variant<CliArgs, CliError> parsed =
        CommandLine::parse(globals + QStringList{QStringLiteral("balances")});
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return *error;
    CliArgs args = std::get<CliArgs>(parsed);
    // The engine changes orders for the whole run: the simulated account stays locked to this run.
    args.command = CliCommand::OrderCreate;
    return m_opener(args);
}

std::optional<CliError> BotCommands::botRun(const CommandOptions& o, const Where& w) {
    RecordWriter out(m_out);
    const QString venueId = o.value("venue");
    int timeoutMs = CliArgs::kDefaultTimeoutMs;
    if (o.has("timeout-ms"))
        timeoutMs = positiveInt(o.value("timeout-ms")).value_or(timeoutMs);
    std::optional<int> seconds = 0;
    if (o.has("for-seconds"))
        seconds = positiveInt(o.value("for-seconds"));
    if (!seconds)
        return usage(
            QCoreApplication::translate("hoga::Cli", "--%1 takes a whole number above zero, not \"%2\".")
                .arg(QStringLiteral("for-seconds"), o.value("for-seconds")));
    if (venueId.isEmpty())
        return usage(
            QCoreApplication::translate("hoga::Cli", "%1 needs --venue.").arg(QStringLiteral("bot run")));

    StrategyParams given;
    for (const QString& p : o.all("param")) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(
                QCoreApplication::translate("hoga::Cli", "--param takes KEY=VALUE, not \"%1\".").arg(p));
        given.insert(p.left(eq), p.mid(eq + 1));
    }
    QHash<QString, QString> risk;
    for (const char* name : kDecimalLimits) {
        if (!o.has(name))
            continue;
        const std::optional<Decimal> d = Decimal::parse(o.value(name));
        if (!d || d->isNegative())
            return usage(QCoreApplication::translate("hoga::Cli",
                                                     "--%1 takes a decimal amount of zero or more, "
                                                     "not \"%2\".")
                             .arg(QLatin1String(name), o.value(name)));
        risk.insert(QLatin1String(name), d->toString());
    }
    for (const char* name : kCountLimits) {
        if (!o.has(name))
            continue;
        if (!positiveInt(o.value(name)))
            return usage(
                QCoreApplication::translate("hoga::Cli", "--%1 takes a whole number above zero, not \"%2\".")
                    .arg(QLatin1String(name), o.value(name)));
        risk.insert(QLatin1String(name), o.value(name));
    }

    auto engineHost = std::make_unique<EngineThread>(w.database, SystemClock::instance());
    if (!engineHost->open())
        return storageError(engineHost->engine()->lastError());
    TradingEngine* engine = engineHost->engine();
    onEngine(engine, [engine] { applySavedAccountLimits(*engine); });

    // The bot: new, or the saved one resumed.
    const QString strategyGiven = o.value("strategy");
    const QString marketGiven = o.value("market");
    QString id = o.value("id");
    if (id.isEmpty()) {
        if (strategyGiven.isEmpty() || marketGiven.isEmpty())
            return usage(QCoreApplication::translate(
                "hoga::Cli", "bot run needs --strategy and --market, or the --id of a saved "
                             "bot."));
        id = strategyGiven + QLatin1Char('-') + marketGiven;
    }
    if (!isValidBotId(id))
        return usage(QCoreApplication::translate(
                         "hoga::Cli", "A bot id has 1 to 64 letters, digits, '.', '_' or '-', not \"%1\".")
                         .arg(id));
    const std::optional<BotRecord> saved = onEngine(engine, [&] { return engine->journal()->bot(id); });
    BotRecord record;
    if (saved) {
        record = *saved;
        auto mismatch = [&](const char* option, const QString& asked,
                            const QString& kept) -> std::optional<CliError> {
            if (!asked.isEmpty() && asked != kept)
                return usage(QCoreApplication::translate(
                                 "hoga::Cli", "The bot %1 was saved with --%2 %3; run it with that, or "
                                              "choose another --id.")
                                 .arg(id, QLatin1String(option), kept));
            return std::nullopt;
        };
        if (auto e = mismatch("strategy", strategyGiven, record.strategy))
            return e;
        if (auto e = mismatch("market", marketGiven, record.market))
            return e;
        if (record.status == BotRecord::Status::Halted && !o.has("rearm"))
            return CliError{QStringLiteral("halted"),
                            {},
                            QCoreApplication::translate(
                                "hoga::Cli", "The bot %1 was halted: %2. Run it with --rearm to start "
                                             "it again.")
                                .arg(id, record.haltReason),
                            ExitRefused};
    } else {
        if (strategyGiven.isEmpty() || marketGiven.isEmpty())
            return usage(QCoreApplication::translate(
                             "hoga::Cli", "There is no saved bot %1: give --strategy and --market.")
                             .arg(id));
        record.id = id;
        record.strategy = strategyGiven;
        record.venue = venueId;
        record.market = marketGiven;
    }
    if (record.status == BotRecord::Status::Halted) {
        record.status = BotRecord::Status::Stopped;
        record.haltReason.clear();
    }
    const StrategyTemplate* strategyTemplate = findStrategy(record.strategy);
    if (!strategyTemplate) {
        QStringList known;
        for (const StrategyTemplate& t : builtInStrategies())
            known << t.id;
        return usage(
            QCoreApplication::translate("hoga::Cli", "There is no strategy \"%1\"; choose one of %2.")
                .arg(record.strategy, known.join(QStringLiteral(", "))));
    }
    StrategyParams params;
    QHash<QString, QString> limitsText;
    for (auto it = record.params.constBegin(); it != record.params.constEnd(); ++it) {
        if (it.key().startsWith(kRiskPrefix))
            limitsText.insert(it.key().mid(kRiskPrefix.size()), it.value().toString());
        else
            params.insert(it.key(), it.value().toString());
    }
    for (auto it = given.constBegin(); it != given.constEnd(); ++it)
        params.insert(it.key(), it.value());
    for (auto it = risk.constBegin(); it != risk.constEnd(); ++it)
        limitsText.insert(it.key(), it.value());
    // ml_signal may trade on a model saved by `ml train` (--param model_name=N) instead of training its own.
    std::optional<MlSavedModel> savedModel;
    const QString modelName = params.take(QStringLiteral("model_name"));
    if (!modelName.isEmpty()) {
        if (record.strategy != QLatin1String("ml_signal"))
            return usage(
                QCoreApplication::translate("hoga::Cli", "--param model_name applies to ml_signal only."));
        const MlModelStore store(modelsDirectory(w));
        std::variant<MlSavedModel, QString> loaded = store.load(modelName);
        if (const QString* error = std::get_if<QString>(&loaded))
            return usage(*error);
        savedModel = std::get<MlSavedModel>(std::move(loaded));
        params.insert(QStringLiteral("model"), savedModel->model.value(QStringLiteral("kind")).toString());
    }
    Result<StrategyParams> complete = completeParameters(*strategyTemplate, params);
    if (!complete.ok())
        return usage(complete.error().userMessage());
    RiskLimits limits;
    auto decimalLimit = [&](const char* name) -> std::optional<Decimal> {
        if (!limitsText.contains(QLatin1String(name)))
            return std::nullopt;
        return Decimal::parse(limitsText.value(QLatin1String(name)));
    };
    limits.maxOrderValue = decimalLimit("max-order-value");
    limits.maxPosition = decimalLimit("max-position");
    limits.maxPriceDeviationPct = decimalLimit("max-price-deviation-pct");
    limits.cashReserve = decimalLimit("cash-reserve").value_or(Decimal());
    limits.dailyLossLimit = decimalLimit("daily-loss-limit");
    if (limitsText.contains(QStringLiteral("max-open-orders")))
        limits.maxOpenOrders = positiveInt(limitsText.value(QStringLiteral("max-open-orders")));
    if (limitsText.contains(QStringLiteral("max-orders-per-minute")))
        limits.maxOrdersPerMinute = positiveInt(limitsText.value(QStringLiteral("max-orders-per-minute")));
    record.params = QJsonObject();
    for (auto it = complete.value().constBegin(); it != complete.value().constEnd(); ++it)
        record.params.insert(it.key(), it.value());
    for (auto it = limitsText.constBegin(); it != limitsText.constEnd(); ++it)
        record.params.insert(kRiskPrefix + it.key(), it.value());

    // One run per bot at a time.
    QLockFile runLock(lockPathFor(w.database, id));
    runLock.setStaleLockTime(0);
    if (!tryLockRecoveringAbandoned(runLock, 0)) {
        qint64 pid = 0;
        QString host, app;
        runLock.getLockInfo(&pid, &host, &app);
        return CliError{
            QStringLiteral("busy"),
            {},
            QCoreApplication::translate("hoga::Cli", "The bot %1 is already running (process %2).")
                .arg(id)
                .arg(pid),
            ExitRefused};
    }
    QFile::remove(stopPathFor(w.database, id)); // a stop asked of an earlier run is not for this one

    auto opened = openVenue(o, w);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));
    Connector* connector = venue->connector();
    const QString venueName = connector->venueId();
    if (saved && saved->venue != venueName) {
        venue.reset();
        return usage(QCoreApplication::translate("hoga::Cli",
                                                 "The bot %1 trades on %2; run it with that venue, or choose "
                                                 "another --id.")
                         .arg(id, saved->venue));
    }
    record.venue = venueName;

    // Reconcile first: no order leaves before the journal and the venue agree.
    QString reconcileError;
    const bool reconciledInTime = waitFor(timeoutMs, [&](QEventLoop& loop, QObject& ctx) {
        QObject::connect(engine, &TradingEngine::reconciled, &ctx, [&](const QString& v) {
            if (v == venueName)
                loop.quit();
        });
        QObject::connect(engine, &TradingEngine::reconcileFailed, &ctx,
                         [&](const QString& v, const QString& m) {
                             if (v != venueName)
                                 return;
                             reconcileError = m;
                             loop.quit();
                         });
        QMetaObject::invokeMethod(engine, [engine, connector] { engine->addConnector(connector); });
    });
    auto cleanUp = [&] {
        onEngine(engine, [&] { engine->removeConnector(venueName); });
        engineHost.reset();
        venue.reset();
    };
    if (!reconciledInTime || !reconcileError.isEmpty()) {
        cleanUp();
        VenueError e;
        e.kind = ErrorKind::Network;
        e.detail =
            reconciledInTime
                ? QCoreApplication::translate("hoga::Cli", "The orders at %1 could not be reconciled: %2")
                      .arg(venueName, reconcileError)
                : QCoreApplication::translate("hoga::Cli",
                                              "The orders at %1 were not reconciled within %2 ms.")
                      .arg(venueName)
                      .arg(timeoutMs);
        return CliError::fromVenueError(e);
    }
    {
        net::JsonWriter json;
        json.beginObject().field("event", "reconciled").field("venue", venueName).endObject();
        out.write(json.data());
    }
    if (onEngine(engine, [&] { return engine->isHalted(); })) {
        cleanUp();
        return CliError{QStringLiteral("halted"),
                        {},
                        QCoreApplication::translate("hoga::Cli",
                                                    "Trading is halted by the emergency stop; re-arm it with "
                                                    "hoga-cli rearm first."),
                        ExitRefused};
    }

    bool marketOk = false;
    waitFor(timeoutMs, [&](QEventLoop& loop, QObject& ctx) {
        QObject::connect(engine, &TradingEngine::marketLoaded, &ctx,
                         [&](const QString& v, const QString& m, bool ok) {
                             if (v != venueName || m != record.market)
                                 return;
                             marketOk = ok;
                             loop.quit();
                         });
        const QString code = record.market;
        QMetaObject::invokeMethod(engine, [engine, venueName, code] { engine->loadMarket(venueName, code); });
    });
    const std::optional<Market> market =
        onEngine(engine, [&] { return engine->market(venueName, record.market); });
    if (!marketOk || !market) {
        cleanUp();
        return CliError{QStringLiteral("not_found"),
                        {},
                        QCoreApplication::translate("hoga::Cli", "The venue %1 has no market %2.")
                            .arg(venueName, record.market),
                        ExitRefused};
    }
    Result<std::unique_ptr<Strategy>> strategy = strategyTemplate->create(complete.value(), *market);
    if (!strategy.ok()) {
        cleanUp();
        return usage(strategy.error().userMessage());
    }

    if (savedModel) {
        auto* ml = dynamic_cast<MlSignalStrategy*>(strategy.value().get());
        if (!ml || !ml->useSavedModel(MlModel::fromJson(savedModel->model), savedModel->window)) {
            cleanUp();
            return usage(QCoreApplication::translate("hoga::Cli", "The saved model \"%1\" cannot be read.")
                             .arg(modelName));
        }
    }

    // The bot runs on the engine's thread; its records are written here, in order of arrival.
    std::unique_ptr<Strategy> strategyObject = std::move(strategy.value());
    BotRunner* runner = onEngine(engine, [&] {
        auto* r = new BotRunner(*engine, record, std::move(strategyObject), *market, limits);
        return r;
    });
    QObject printer;
    bool haltedDuringRun = false;
    QEventLoop loop;
    // The engine reports an order on every event that touched it; a record is printed when it changed.
    QHash<QString, QByteArray> lastPrinted;
    QObject::connect(engine, &TradingEngine::orderChanged, &printer, [&](const ManagedOrder& m) {
        if (m.bot != id)
            return;
        const QByteArray line = orderRecord("order", m.order, m.bot, m.state, m.tag);
        QByteArray& last = lastPrinted[m.order.clientId];
        if (line != last)
            out.write(line);
        last = line;
    });
    QObject::connect(engine, &TradingEngine::fillApplied, &printer, [&](const Fill& f, const QString& bot) {
        if (bot == id)
            out.write(fillRecord(f, bot));
    });
    QObject::connect(engine, &TradingEngine::riskRefused, &printer,
                     [&](const QString& bot, const QString& v, const QString& m, const QString& reason) {
                         if (bot != id)
                             return;
                         net::JsonWriter json;
                         json.beginObject()
                             .field("event", "risk")
                             .field("bot", bot)
                             .field("venue", v)
                             .field("market", m)
                             .field("reason", reason)
                             .endObject();
                         out.write(json.data());
                     });
    QObject::connect(engine, &TradingEngine::orderError, &printer,
                     [&](const QString& clientId, const QString& message) {
                         net::JsonWriter json;
                         json.beginObject()
                             .field("event", "error")
                             .field("bot", id)
                             .field("client_id", clientId)
                             .field("message", message)
                             .endObject();
                         out.write(json.data());
                     });
    auto writeHalt = [&](const QString& reason) {
        net::JsonWriter json;
        json.beginObject().field("event", "halt").field("bot", id).field("reason", reason).endObject();
        out.write(json.data());
    };
    QObject::connect(runner, &BotRunner::halted, &printer, [&](const QString&, const QString& reason) {
        haltedDuringRun = true;
        writeHalt(reason);
        loop.quit();
    });
    QObject::connect(runner, &BotRunner::logged, &printer, [&](const QString& bot, const QString& message) {
        net::JsonWriter json;
        json.beginObject().field("event", "log").field("bot", bot).field("message", message).endObject();
        out.write(json.data());
    });
    QObject::connect(engine, &TradingEngine::haltedChanged, &printer,
                     [&](bool halted, const QString& reason) {
                         if (!halted)
                             return;
                         haltedDuringRun = true;
                         writeHalt(reason);
                         loop.quit();
                     });

    const bool resumed = saved.has_value();
    const BotRecord started = onEngine(engine, [&] {
        runner->start();
        runner->attachLive(connector);
        return runner->record();
    });
    {
        QByteArray r = botRecord("bot", started, true);
        r.chop(1);
        r += resumed ? ",\"resumed\":true}" : ",\"resumed\":false}";
        out.write(r);
    }

    // Runs for --for-seconds, until SIGINT / SIGTERM, `bot stop`, a halt, or the emergency stop of another
    // process (the journal's halt flag is shared).
    bool stopAsked = false;
    g_stopRequested.store(false);
    auto previousInt = std::signal(SIGINT, requestBotRunStop);
    auto previousTerm = std::signal(SIGTERM, requestBotRunStop);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (g_stopRequested.load())
            loop.quit();
        if (QFile::exists(stopPathFor(w.database, id))) {
            stopAsked = true;
            loop.quit();
        }
        if (!haltedDuringRun && onEngine(engine, [&] { return engine->isHalted(); })) {
            haltedDuringRun = true;
            writeHalt(QCoreApplication::translate("hoga::Cli", "Trading is halted by the emergency stop."));
            loop.quit();
        }
    });
    poll.start(200);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (*seconds > 0)
        deadline.start(*seconds * 1000);
    if (!haltedDuringRun)
        loop.exec();
    poll.stop();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    if (stopAsked) {
        // `bot stop`: the bot's orders go too; wait (bounded) for the venue to confirm.
        onEngine(engine, [&] { runner->cancelAllOrders(); });
        QDeadlineTimer cancelDeadline(timeoutMs);
        while (!cancelDeadline.hasExpired() &&
               onEngine(engine, [&] { return engine->orders()->openCount(id); }) > 0) {
            QEventLoop wait;
            QTimer::singleShot(100, &wait, &QEventLoop::quit);
            wait.exec();
        }
    }
    const BotRecord finished = onEngine(engine, [&] {
        runner->stop();
        BotRecord r = runner->record();
        delete runner;
        return r;
    });
    QObject::disconnect(engine, nullptr, &printer, nullptr);
    QCoreApplication::sendPostedEvents(&printer); // records already queued still print, before the summary
    out.write(botRecord("bot", finished, false));
    QFile::remove(stopPathFor(w.database, id));
    cleanUp();
    return std::nullopt;
}

std::optional<CliError> BotCommands::botList(const Where& w) {
    auto opened = openJournal(w.database);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    RecordWriter out(m_out);
    for (const BotRecord& b : std::get<JournalOnly>(opened).journal->bots())
        out.write(botRecord(nullptr, b, isBotActive(w.database, b.id)));
    return std::nullopt;
}

std::optional<CliError> BotCommands::botStop(const CommandOptions& o, const Where& w) {
    const QString id = o.value("id");
    if (id.isEmpty() || !isValidBotId(id))
        return usage(QCoreApplication::translate("hoga::Cli", "bot stop needs the --id of a bot."));
    auto opened = openJournal(w.database);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    OrderJournal& journal = *std::get<JournalOnly>(opened).journal;
    std::optional<BotRecord> bot = journal.bot(id);
    if (!bot)
        return CliError{
            QStringLiteral("not_found"),
            {},
            QCoreApplication::translate("hoga::Cli", "There is no bot %1. List them with hoga-cli bot list.")
                .arg(id),
            ExitRefused};
    if (isBotActive(w.database, id)) {
        // The run that holds the bot stops it, cancels its orders and lets go of its lock.
        QFile stop(stopPathFor(w.database, id));
        if (!stop.open(QIODevice::WriteOnly))
            return storageError(stop.errorString());
        stop.close();
        const bool stopped = waitFor(CliArgs::kDefaultTimeoutMs * 2, [&](QEventLoop& loop, QObject& ctx) {
            auto* poll = new QTimer(&ctx);
            QObject::connect(poll, &QTimer::timeout, &loop, [&] {
                if (!isBotActive(w.database, id))
                    loop.quit();
            });
            poll->start(100);
        });
        if (!stopped)
            return CliError{
                QStringLiteral("network"),
                {},
                QCoreApplication::translate("hoga::Cli", "The run of bot %1 did not stop in time.").arg(id),
                ExitNetwork};
        bot = journal.bot(id);
    } else if (bot->status == BotRecord::Status::Running) {
        // Its process is gone (killed): it stays stopped until it is run again.
        bot->status = BotRecord::Status::Stopped;
        if (!journal.saveBot(*bot, SystemClock::instance().nowMs()))
            return storageError(journal.lastError());
    }
    RecordWriter(m_out).write(botRecord(nullptr, *bot, false));
    return std::nullopt;
}

std::optional<CliError> BotCommands::journalOrders(const CommandOptions& o, const Where& w) {
    auto opened = openJournal(w.database);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    RecordWriter out(m_out);
    for (const JournalOrder& j :
         std::get<JournalOnly>(opened).journal->orders(o.value("bot"), o.value("venue"))) {
        QByteArray r = orderRecord("order", j.order, j.bot, j.state, j.tag);
        out.write("{" + r.mid(r.indexOf(',') + 1)); // the same record without "event"
    }
    return std::nullopt;
}

std::optional<CliError> BotCommands::emergencyStop(const CommandOptions& o, const Where& w) {
    int timeoutMs = CliArgs::kDefaultTimeoutMs;
    if (o.has("timeout-ms"))
        timeoutMs = positiveInt(o.value("timeout-ms")).value_or(timeoutMs);
    auto engineHost = std::make_unique<EngineThread>(w.database, SystemClock::instance());
    if (!engineHost->open())
        return storageError(engineHost->engine()->lastError());
    TradingEngine* engine = engineHost->engine();
    auto opened = openVenue(o, w);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));
    Connector* connector = venue->connector();
    const QString venueName = connector->venueId();
    // Reconciling first lets the journal learn how its orders ended; the stop goes ahead either way.
    waitFor(timeoutMs, [&](QEventLoop& loop, QObject& ctx) {
        QObject::connect(engine, &TradingEngine::reconciled, &ctx, [&] { loop.quit(); });
        QObject::connect(engine, &TradingEngine::reconcileFailed, &ctx, [&] { loop.quit(); });
        QMetaObject::invokeMethod(engine, [engine, connector] { engine->addConnector(connector); });
    });
    EmergencyStopReport report;
    const QString reason = o.has("reason")
                               ? o.value("reason")
                               : QCoreApplication::translate("hoga::Cli", "Emergency stop from hoga-cli");
    const bool finished = waitFor(timeoutMs * 2, [&](QEventLoop& loop, QObject& ctx) {
        QObject::connect(engine, &TradingEngine::emergencyStopFinished, &ctx,
                         [&](const EmergencyStopReport& r) {
                             report = r;
                             loop.quit();
                         });
        QMetaObject::invokeMethod(engine, [engine, reason] { engine->emergencyStop(reason); });
    });
    onEngine(engine, [&] { engine->removeConnector(venueName); });
    engineHost.reset();
    venue.reset();
    if (!finished)
        return CliError{QStringLiteral("network"),
                        {},
                        QCoreApplication::translate(
                            "hoga::Cli", "Trading is halted, but %1 did not confirm the cancels within "
                                         "%2 ms.")
                            .arg(venueName)
                            .arg(timeoutMs * 2),
                        ExitNetwork};
    RecordWriter out(m_out);
    bool clean = true;
    for (const EmergencyStopVenueReport& v : report) {
        net::JsonWriter json;
        json.beginObject()
            .field("event", "emergency_stop")
            .field("venue", v.venue)
            .field("halted", true)
            .field("cancel_requested", v.cancelRequested)
            .field("cancel_confirmed", v.cancelConfirmed);
        json.key("still_open").beginArray();
        for (const QString& id : v.stillOpen)
            json.value(id);
        json.endArray();
        json.key("errors").beginArray();
        for (const QString& e : v.errors)
            json.value(e);
        json.endArray().endObject();
        out.write(json.data());
        clean = clean && v.stillOpen.isEmpty() && v.errors.isEmpty();
    }
    if (!clean)
        return CliError{QStringLiteral("venue"),
                        {},
                        QCoreApplication::translate(
                            "hoga::Cli", "Trading is halted, but some orders may still be open: see "
                                         "still_open and errors."),
                        ExitRefused};
    return std::nullopt;
}

std::optional<CliError> BotCommands::rearm(const Where& w) {
    auto opened = openJournal(w.database);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return *error;
    OrderJournal& journal = *std::get<JournalOnly>(opened).journal;
    if (!journal.setHalted(false, {}, SystemClock::instance().nowMs()))
        return storageError(journal.lastError());
    net::JsonWriter json;
    json.beginObject().field("halted", false).endObject();
    RecordWriter(m_out).write(json.data());
    return std::nullopt;
}

} // namespace hoga::cli
