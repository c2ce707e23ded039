#include "cli_args.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

namespace hoga::cli {

namespace {

struct OptionSpec {
    const char* name;
    bool takesValue;
};

constexpr OptionSpec kOptions[] = {
    {"help", false},      {"profile", true},        {"venue", true},      {"rest-url", true},
    {"ws-url", true},     {"private-ws-url", true}, {"timeout-ms", true}, {"sim-state", true},
    {"depth", true},      {"interval", true},       {"count", true},      {"to", true},
    {"from", true},       {"side", true},           {"type", true},       {"price", true},
    {"qty", true},        {"total", true},          {"client-id", true},  {"id", true},
    {"verbose", false},   {"paper-only", false},    {"tif", true},        {"testnet", false},
    {"ws-api-url", true}, {"virtual", false},       {"account", true},    {"market", true},
    {"session", true},
};

const OptionSpec* findOption(const QString& name) {
    for (const OptionSpec& spec : kOptions)
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

const QStringList kGlobalOptions{
    QStringLiteral("profile"),    QStringLiteral("venue"),          QStringLiteral("rest-url"),
    QStringLiteral("ws-url"),     QStringLiteral("private-ws-url"), QStringLiteral("timeout-ms"),
    QStringLiteral("sim-state"),  QStringLiteral("verbose"),        QStringLiteral("testnet"),
    QStringLiteral("ws-api-url"), QStringLiteral("virtual"),        QStringLiteral("account")};

// Thrown inside the parser to unwind to parse() with one message; never escapes it.
struct UsageProblem {
    QString message;
};

[[noreturn]] void fail(const QString& message) {
    throw UsageProblem{message};
}

QString hint() {
    return QCoreApplication::translate("hoga::Cli", "Run hoga-cli --help for usage.");
}

// The options and positional words of one command line, before their meaning is checked.
class RawArguments {
public:
    explicit RawArguments(const QStringList& arguments) {
        bool onlyPositionals = false;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString& arg = arguments[i];
            if (onlyPositionals) {
                m_positionals << arg;
            } else if (arg == QLatin1String("--")) {
                onlyPositionals = true;
            } else if (arg == QLatin1String("-h")) {
                m_values.insert(QStringLiteral("help"), {});
            } else if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
                const qsizetype eq = arg.indexOf(QLatin1Char('='));
                const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
                const OptionSpec* spec = findOption(name);
                if (!spec)
                    fail(QCoreApplication::translate("hoga::Cli", "Unknown option --%1.").arg(name));
                if (m_values.contains(name))
                    fail(QCoreApplication::translate("hoga::Cli", "--%1 is given more than once.").arg(name));
                QString value;
                if (spec->takesValue) {
                    if (eq >= 0)
                        value = arg.mid(eq + 1);
                    else if (i + 1 < arguments.size())
                        value = arguments[++i];
                    else
                        fail(QCoreApplication::translate("hoga::Cli", "--%1 needs a value.").arg(name));
                } else if (eq >= 0) {
                    fail(QCoreApplication::translate("hoga::Cli", "--%1 takes no value.").arg(name));
                }
                m_values.insert(name, value);
            } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
                fail(QCoreApplication::translate("hoga::Cli", "Unknown option %1.").arg(arg));
            } else {
                m_positionals << arg;
            }
        }
    }

    bool has(const char* name) const { return m_values.contains(QLatin1String(name)); }
    QString value(const char* name) const { return m_values.value(QLatin1String(name)); }
    QStringList optionNames() const { return m_values.keys(); }
    QStringList& positionals() { return m_positionals; }
    const QStringList& positionalsView() const { return m_positionals; }

private:
    QHash<QString, QString> m_values;
    QStringList m_positionals;
};

int positiveInt(const RawArguments& raw, const char* name) {
    bool ok = false;
    const int n = raw.value(name).toInt(&ok);
    if (!ok || n <= 0)
        fail(QCoreApplication::translate("hoga::Cli", "--%1 takes a whole number above zero, not \"%2\".")
                 .arg(QLatin1String(name), raw.value(name)));
    return n;
}

Decimal positiveDecimal(const RawArguments& raw, const char* name) {
    const std::optional<Decimal> d = Decimal::parse(raw.value(name));
    if (!d)
        fail(QCoreApplication::translate(
                 "hoga::Cli", "--%1 takes a decimal number such as 45000000 or 0.0001, not \"%2\".")
                 .arg(QLatin1String(name), raw.value(name)));
    if (!d->isPositive())
        fail(QCoreApplication::translate("hoga::Cli", "--%1 must be greater than zero.")
                 .arg(QLatin1String(name)));
    return *d;
}

QUrl url(const RawArguments& raw, const char* name, const QStringList& schemes) {
    const QUrl u(raw.value(name), QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() || !schemes.contains(u.scheme()))
        fail(QCoreApplication::translate("hoga::Cli", "--%1 takes a %2 URL such as %3, not \"%4\".")
                 .arg(QLatin1String(name), schemes.join(QLatin1Char('/')),
                      schemes.first() + QStringLiteral("://127.0.0.1:8080"), raw.value(name)));
    return u;
}

QString takeWord(QStringList& positionals) {
    return positionals.isEmpty() ? QString() : positionals.takeFirst();
}

// Checks the command's operands and options and fills `args`.
class CommandParser {
public:
    CommandParser(RawArguments& raw, CliArgs& args)
        : m_raw(raw)
        , m_args(args) {}

    void parse() {
        QStringList& words = m_raw.positionals();
        const QString word = takeWord(words);
        if (word.isEmpty())
            fail(QCoreApplication::translate("hoga::Cli", "No command given.") + QLatin1Char(' ') + hint());
        m_name = word;
        if (word == QLatin1String("markets")) {
            command(CliCommand::Markets, {}, 0, 0);
        } else if (word == QLatin1String("ticker")) {
            command(CliCommand::Ticker, {}, 1, -1);
        } else if (word == QLatin1String("orderbook")) {
            command(CliCommand::OrderBook, {QStringLiteral("depth")}, 1, 1);
            depth();
        } else if (word == QLatin1String("candles")) {
            command(CliCommand::Candles,
                    {QStringLiteral("interval"), QStringLiteral("count"), QStringLiteral("to"),
                     QStringLiteral("from")},
                    1, 1);
            candles();
        } else if (word == QLatin1String("trades")) {
            command(CliCommand::Trades, {QStringLiteral("count")}, 1, 1);
            m_args.count = m_raw.has("count") ? positiveInt(m_raw, "count") : CliArgs::kDefaultTradeCount;
        } else if (word == QLatin1String("balances")) {
            command(CliCommand::Balances, {}, 0, 0);
        } else if (word == QLatin1String("orders")) {
            const QString sub = takeWord(words);
            if (sub != QLatin1String("open"))
                fail(QCoreApplication::translate("hoga::Cli", "Use: orders open [MARKET]."));
            m_name += QStringLiteral(" open");
            command(CliCommand::OpenOrders, {}, 0, 1);
        } else if (word == QLatin1String("order")) {
            order(takeWord(words));
        } else if (word == QLatin1String("stream")) {
            stream(takeWord(words));
        } else {
            fail(QCoreApplication::translate("hoga::Cli", "Unknown command \"%1\".").arg(word) +
                 QLatin1Char(' ') + hint());
        }
    }

private:
    // Sets the command, takes its markets and rejects options that do not belong to it.
    void command(CliCommand c, const QStringList& options, int minMarkets, int maxMarkets) {
        m_args.command = c;
        for (const QString& name : m_raw.optionNames())
            if (!kGlobalOptions.contains(name) && !options.contains(name))
                fail(
                    QCoreApplication::translate("hoga::Cli", "--%1 does not apply to %2.").arg(name, m_name));
        const QStringList& markets = m_raw.positionals();
        if (markets.size() < minMarkets)
            fail(minMarkets == 1 && maxMarkets == 1
                     ? QCoreApplication::translate("hoga::Cli", "%1 needs a market, such as KRW-BTC.")
                           .arg(m_name)
                     : QCoreApplication::translate("hoga::Cli",
                                                   "%1 needs at least one market, such as KRW-BTC.")
                           .arg(m_name));
        if (maxMarkets >= 0 && markets.size() > maxMarkets)
            fail(maxMarkets == 0
                     ? QCoreApplication::translate("hoga::Cli", "%1 takes no market; unexpected \"%2\".")
                           .arg(m_name, markets.first())
                     : QCoreApplication::translate("hoga::Cli", "%1 takes one market; unexpected \"%2\".")
                           .arg(m_name, markets.at(maxMarkets)));
        for (const QString& market : markets)
            if (market.trimmed().isEmpty())
                fail(QCoreApplication::translate("hoga::Cli", "A market code cannot be empty."));
        m_args.markets = markets;
    }

    void depth() {
        if (m_raw.has("depth"))
            m_args.depth = positiveInt(m_raw, "depth");
    }

    void candles() {
        if (!m_raw.has("interval"))
            fail(QCoreApplication::translate(
                "hoga::Cli",
                "candles needs --interval: 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m, 1d, 1w or 1M."));
        const std::optional<CandleInterval> interval = intervalFromName(m_raw.value("interval"));
        if (!interval)
            fail(QCoreApplication::translate(
                     "hoga::Cli", "Unknown interval \"%1\": use 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, "
                                  "240m, 1d, 1w or 1M.")
                     .arg(m_raw.value("interval")));
        m_args.interval = *interval;
        m_args.count = m_raw.has("count") ? positiveInt(m_raw, "count") : CliArgs::kDefaultCandleCount;
        if (m_raw.has("to")) {
            const std::optional<qint64> to = CommandLine::parseIsoTimeMs(m_raw.value("to"));
            if (!to)
                fail(QCoreApplication::translate(
                         "hoga::Cli", "--to takes an ISO 8601 time such as 2024-05-01T09:00:00Z, not \"%1\".")
                         .arg(m_raw.value("to")));
            if (*to <= 0)
                fail(QCoreApplication::translate("hoga::Cli", "--to must be after 1970-01-01T00:00:00Z."));
            m_args.toMs = *to;
        }
        if (m_raw.has("from")) {
            const std::optional<qint64> from = CommandLine::parseIsoTimeMs(m_raw.value("from"));
            if (!from)
                fail(QCoreApplication::translate(
                         "hoga::Cli",
                         "--from takes an ISO 8601 time such as 2024-05-01T09:00:00Z, not \"%1\".")
                         .arg(m_raw.value("from")));
            if (*from < 0)
                fail(QCoreApplication::translate("hoga::Cli", "--from must be after 1970-01-01T00:00:00Z."));
            if (m_args.toMs > 0 && *from >= m_args.toMs)
                fail(QCoreApplication::translate("hoga::Cli", "--from must be before --to."));
            m_args.fromMs = *from;
        }
    }

    void order(const QString& sub) {
        m_name = QStringLiteral("order ") + sub;
        if (sub == QLatin1String("create")) {
            command(CliCommand::OrderCreate,
                    {QStringLiteral("side"), QStringLiteral("type"), QStringLiteral("price"),
                     QStringLiteral("qty"), QStringLiteral("total"), QStringLiteral("client-id"),
                     QStringLiteral("tif"), QStringLiteral("session")},
                    1, 1);
            orderRequest();
        } else if (sub == QLatin1String("get") || sub == QLatin1String("cancel")) {
            command(sub == QLatin1String("get") ? CliCommand::OrderGet : CliCommand::OrderCancel,
                    {QStringLiteral("id"), QStringLiteral("client-id")}, 0, 0);
            if (m_raw.has("id") == m_raw.has("client-id"))
                fail(QCoreApplication::translate("hoga::Cli", "%1 needs either --id ID or --client-id ID.")
                         .arg(m_name));
            m_args.ref.id = m_raw.value("id");
            m_args.ref.clientId = m_raw.value("client-id");
            if ((m_args.ref.id + m_args.ref.clientId).trimmed().isEmpty())
                fail(QCoreApplication::translate("hoga::Cli", "An order id cannot be empty."));
        } else if (sub == QLatin1String("modify")) {
            // order modify ORDER_ID --market CODE --price P [--qty Q]: the one word is the order's id.
            command(CliCommand::OrderModify,
                    {QStringLiteral("market"), QStringLiteral("price"), QStringLiteral("qty")}, 0, 1);
            if (m_args.markets.isEmpty())
                fail(QCoreApplication::translate("hoga::Cli", "order modify needs the order's id."));
            m_args.ref.id = m_args.markets.takeFirst();
            if (!m_raw.has("market") || m_raw.value("market").trimmed().isEmpty())
                fail(QCoreApplication::translate("hoga::Cli", "order modify needs --market CODE."));
            m_args.markets = QStringList{m_raw.value("market")};
            if (!m_raw.has("price"))
                fail(QCoreApplication::translate("hoga::Cli", "order modify needs --price P."));
            m_args.modification.price = positiveDecimal(m_raw, "price");
            if (m_raw.has("qty"))
                m_args.modification.qty = positiveDecimal(m_raw, "qty");
        } else {
            fail(QCoreApplication::translate("hoga::Cli",
                                             "Use: order create, order get, order modify or order cancel."));
        }
    }

    void orderRequest() {
        OrderRequest& r = m_args.order;
        r.market = m_args.market();
        const QString side = m_raw.value("side");
        if (side == QLatin1String("buy"))
            r.side = Side::Buy;
        else if (side == QLatin1String("sell"))
            r.side = Side::Sell;
        else
            fail(QCoreApplication::translate("hoga::Cli", "order create needs --side buy or --side sell."));
        const std::optional<OrderType> type = parseOrderType(m_raw.value("type"));
        if (!type)
            fail(QCoreApplication::translate(
                "hoga::Cli", "order create needs --type limit, --type market or --type best."));
        r.type = *type;
        if (m_raw.has("tif")) {
            const std::optional<TimeInForce> tif = parseTimeInForce(m_raw.value("tif"));
            if (!tif)
                fail(QCoreApplication::translate("hoga::Cli", "--tif must be gtc, ioc, fok or post_only."));
            r.timeInForce = *tif;
        }
        if (r.type == OrderType::Market && r.timeInForce != TimeInForce::GoodTillCancel)
            fail(QCoreApplication::translate(
                "hoga::Cli", "A market order takes no --tif; use --type best with --tif ioc or fok."));
        if (r.type == OrderType::Best && r.timeInForce != TimeInForce::ImmediateOrCancel &&
            r.timeInForce != TimeInForce::FillOrKill)
            fail(QCoreApplication::translate("hoga::Cli", "A best order needs --tif ioc or --tif fok."));

        const bool price = m_raw.has("price");
        const bool qty = m_raw.has("qty");
        const bool total = m_raw.has("total");
        if (m_raw.has("session")) {
            const std::optional<OrderSession> session = parseOrderSession(m_raw.value("session"));
            if (!session)
                fail(QCoreApplication::translate("hoga::Cli", "--session must be regular, pre_market_close, "
                                                              "post_market_close or after_hours_single."));
            r.session = *session;
        }
        if (r.session != OrderSession::Regular && r.type != OrderType::Limit)
            fail(QCoreApplication::translate("hoga::Cli",
                                             "An after-hours --session takes --type limit only."));
        if (hasFixedPrice(r.session) && (price || !qty || total))
            fail(QCoreApplication::translate(
                "hoga::Cli",
                "A closing-price --session trades at the close: give --qty, and no --price or --total."));
        else if (r.type == OrderType::Limit && !hasFixedPrice(r.session) && (!price || !qty || total))
            fail(QCoreApplication::translate("hoga::Cli",
                                             "A limit order needs --price and --qty (and no --total)."));
        if (r.type == OrderType::Market && r.side == Side::Buy && (price || qty == total))
            fail(QCoreApplication::translate(
                "hoga::Cli",
                "A market buy needs either --total (amount to spend) or --qty, and no --price."));
        if (r.type == OrderType::Market && r.side == Side::Sell && (price || !qty || total))
            fail(QCoreApplication::translate("hoga::Cli",
                                             "A market sell needs --qty (and no --price or --total)."));
        if (r.type == OrderType::Best && r.side == Side::Buy && (price || qty || !total))
            fail(QCoreApplication::translate(
                "hoga::Cli", "A best buy needs --total (amount to spend), and no --price or --qty."));
        if (r.type == OrderType::Best && r.side == Side::Sell && (price || !qty || total))
            fail(QCoreApplication::translate("hoga::Cli",
                                             "A best sell needs --qty (and no --price or --total)."));
        if (price)
            r.price = positiveDecimal(m_raw, "price");
        if (qty)
            r.qty = positiveDecimal(m_raw, "qty");
        if (total)
            r.total = positiveDecimal(m_raw, "total");
        if (m_raw.has("client-id")) {
            r.clientId = m_raw.value("client-id");
            if (r.clientId.trimmed().isEmpty())
                fail(QCoreApplication::translate("hoga::Cli", "--client-id cannot be empty."));
        }
    }

    void stream(const QString& channel) {
        m_name = QStringLiteral("stream ") + channel;
        if (channel == QLatin1String("ticker"))
            m_args.channel = TickerChannel;
        else if (channel == QLatin1String("trade"))
            m_args.channel = TradeChannel;
        else if (channel == QLatin1String("orderbook"))
            m_args.channel = OrderBookChannel;
        else
            fail(QCoreApplication::translate("hoga::Cli",
                                             "Use: stream ticker, stream trade or stream orderbook."));
        QStringList options{QStringLiteral("count")};
        if (m_args.channel == OrderBookChannel)
            options << QStringLiteral("depth");
        command(CliCommand::Stream, options, 1, -1);
        if (!m_raw.has("count"))
            fail(QCoreApplication::translate("hoga::Cli",
                                             "%1 needs --count N: the number of records to print.")
                     .arg(m_name));
        m_args.count = positiveInt(m_raw, "count");
        depth();
    }

    RawArguments& m_raw;
    CliArgs& m_args;
    QString m_name; // the command as typed, for messages ("order create")
};

void checkTimeout(const RawArguments& raw, CliArgs& args) {
    if (raw.has("timeout-ms"))
        args.timeoutMs = positiveInt(raw, "timeout-ms");
}

// profile ... and keys ...: their own small grammar. Nothing here ever takes a secret from the arguments,
// and no message repeats a stray argument (it could be a key typed in the wrong place).
class ManagementParser {
public:
    ManagementParser(RawArguments& raw, CliArgs& args)
        : m_raw(raw)
        , m_args(args) {}

    void parse() {
        QStringList& words = m_raw.positionals();
        const QString area = takeWord(words);
        const QString sub = takeWord(words);
        m_name = area + QLatin1Char(' ') + sub;
        m_args.verbose = m_raw.has("verbose");
        checkTimeout(m_raw, m_args);
        if (area == QLatin1String("profile"))
            profile(sub);
        else
            keys(sub);
    }

private:
    void profile(const QString& sub) {
        if (m_raw.has("profile"))
            fail(QCoreApplication::translate("hoga::Cli", "%1 takes the profile name as an operand, not "
                                                          "--profile.")
                     .arg(m_name));
        QStringList& words = m_raw.positionals();
        if (sub == QLatin1String("create") || sub == QLatin1String("delete")) {
            m_args.command =
                sub == QLatin1String("create") ? CliCommand::ProfileCreate : CliCommand::ProfileDelete;
            allow(sub == QLatin1String("create") ? QStringList{QStringLiteral("paper-only")} : QStringList{});
            if (words.size() != 1)
                fail(QCoreApplication::translate("hoga::Cli", "%1 needs exactly one profile name (quote a "
                                                              "name with spaces).")
                         .arg(m_name));
            m_args.profileName = words.takeFirst().trimmed();
            if (m_args.profileName.isEmpty())
                fail(QCoreApplication::translate("hoga::Cli", "A profile name cannot be empty."));
            m_args.paperOnly = m_raw.has("paper-only");
        } else if (sub == QLatin1String("list")) {
            m_args.command = CliCommand::ProfileList;
            allow({});
            noOperands();
        } else {
            fail(QCoreApplication::translate(
                "hoga::Cli", "Use: profile create NAME, profile list or profile delete NAME."));
        }
    }

    void keys(const QString& sub) {
        if (sub == QLatin1String("set"))
            m_args.command = CliCommand::KeysSet;
        else if (sub == QLatin1String("list"))
            m_args.command = CliCommand::KeysList;
        else if (sub == QLatin1String("test"))
            m_args.command = CliCommand::KeysTest;
        else if (sub == QLatin1String("remove"))
            m_args.command = CliCommand::KeysRemove;
        else
            fail(QCoreApplication::translate("hoga::Cli",
                                             "Use: keys set, keys list, keys test or keys remove."));
        if (!m_raw.has("profile") || m_raw.value("profile").trimmed().isEmpty())
            fail(QCoreApplication::translate("hoga::Cli", "%1 needs --profile NAME.").arg(m_name));
        m_args.profile = m_raw.value("profile").trimmed();
        const bool test = m_args.command == CliCommand::KeysTest;
        QStringList options{QStringLiteral("profile"), QStringLiteral("venue"), QStringLiteral("testnet")};
        if (test)
            options << QStringLiteral("rest-url");
        allow(options);
        if (m_args.command == CliCommand::KeysSet && !m_raw.positionals().isEmpty())
            fail(QCoreApplication::translate("hoga::Cli",
                                             "keys set reads the keys and the venue's other fields from "
                                             "standard input (one per line), never from the command line: "
                                             "remove them from the arguments."));
        noOperands();
        if (m_args.command == CliCommand::KeysList) {
            if (m_raw.has("venue"))
                fail(QCoreApplication::translate("hoga::Cli", "keys list takes no --venue."));
            return;
        }
        m_args.venue = m_raw.value("venue");
        if (m_args.venue != QLatin1String("upbit") && m_args.venue != QLatin1String("bithumb") &&
            m_args.venue != QLatin1String("binance") && m_args.venue != QLatin1String("kis"))
            fail(QCoreApplication::translate("hoga::Cli",
                                             "%1 needs --venue upbit or --venue bithumb, or --venue binance.")
                     .arg(m_name));
        if (m_raw.has("testnet")) {
            if (m_args.venue != QLatin1String("binance"))
                fail(QCoreApplication::translate("hoga::Cli", "--testnet only applies to --venue binance."));
            m_args.venue = QStringLiteral("binance-testnet"); // the testnet keys are kept apart
        }
        if (m_raw.has("rest-url"))
            m_args.restUrl = url(m_raw, "rest-url", {QStringLiteral("http"), QStringLiteral("https")});
    }

    // Rejects options that do not belong to this command (the global --verbose and --timeout-ms always do).
    void allow(QStringList options) {
        options << QStringLiteral("verbose") << QStringLiteral("timeout-ms");
        for (const QString& name : m_raw.optionNames())
            if (!options.contains(name))
                fail(
                    QCoreApplication::translate("hoga::Cli", "--%1 does not apply to %2.").arg(name, m_name));
    }

    void noOperands() {
        if (!m_raw.positionals().isEmpty())
            fail(QCoreApplication::translate("hoga::Cli", "%1 takes no further operands.").arg(m_name));
    }

    RawArguments& m_raw;
    CliArgs& m_args;
    QString m_name;
};

bool isManagement(const RawArguments& raw) {
    const QString first = raw.positionalsView().value(0);
    return first == QLatin1String("profile") || first == QLatin1String("keys");
}

void parseGlobals(const RawArguments& raw, CliArgs& args) {
    if (raw.has("profile")) {
        args.profile = raw.value("profile");
        if (args.profile->trimmed().isEmpty())
            fail(QCoreApplication::translate("hoga::Cli", "--profile needs a profile name."));
    }
    args.verbose = raw.has("verbose");
    if (!raw.has("venue"))
        fail(
            QCoreApplication::translate("hoga::Cli", "--venue is required: upbit, bithumb, binance or sim."));
    args.venue = raw.value("venue");
    if (!CommandLine::venues().contains(args.venue))
        fail(QCoreApplication::translate("hoga::Cli",
                                         "Unknown venue \"%1\": use upbit, bithumb, binance or sim.")
                 .arg(args.venue));
    const bool binance = args.venue == QLatin1String("binance");
    if (!binance && (raw.has("testnet") || raw.has("ws-api-url")))
        fail(QCoreApplication::translate("hoga::Cli",
                                         "--testnet and --ws-api-url only apply to --venue binance."));
    if (binance && raw.has("private-ws-url"))
        fail(QCoreApplication::translate("hoga::Cli",
                                         "Binance's account stream is its WebSocket API: use --ws-api-url."));
    if (binance && raw.has("testnet"))
        args.venue = QStringLiteral("binance-testnet"); // the Spot Testnet endpoints and keys
    const bool sim = args.venue == QLatin1String("sim");
    for (const char* name : {"rest-url", "ws-url", "private-ws-url"})
        if (sim && raw.has(name))
            fail(QCoreApplication::translate("hoga::Cli", "--%1 does not apply to the simulated venue.")
                     .arg(QLatin1String(name)));
    if (!sim && raw.has("sim-state"))
        fail(QCoreApplication::translate("hoga::Cli", "--sim-state only applies to --venue sim."));
    const bool kis = args.venue == QLatin1String("kis");
    for (const char* name : {"virtual", "account"})
        if (!kis && raw.has(name))
            fail(QCoreApplication::translate("hoga::Cli", "--%1 only applies to --venue kis.")
                     .arg(QLatin1String(name)));
    args.kisVirtual = raw.has("virtual");
    if (raw.has("account")) {
        args.kisAccount = raw.value("account").trimmed();
        if (args.kisAccount.isEmpty())
            fail(
                QCoreApplication::translate("hoga::Cli", "--account needs an account number (12345678-01)."));
    }

    const QStringList web{QStringLiteral("http"), QStringLiteral("https")};
    const QStringList socket{QStringLiteral("ws"), QStringLiteral("wss")};
    if (raw.has("rest-url"))
        args.restUrl = url(raw, "rest-url", web);
    if (raw.has("ws-url"))
        args.wsUrl = url(raw, "ws-url", socket);
    if (raw.has("private-ws-url"))
        args.privateWsUrl = url(raw, "private-ws-url", socket);
    else if (raw.has("ws-api-url"))
        args.privateWsUrl = url(raw, "ws-api-url", socket);
    else if (args.wsUrl.isValid())
        args.privateWsUrl = CommandLine::derivedPrivateWsUrl(args.venue, args.wsUrl);
    if (raw.has("timeout-ms"))
        args.timeoutMs = positiveInt(raw, "timeout-ms");
    if (raw.has("sim-state")) {
        args.simStatePath = raw.value("sim-state");
        if (args.simStatePath.isEmpty())
            fail(QCoreApplication::translate("hoga::Cli", "--sim-state needs a file name."));
    }
}

} // namespace

bool CliArgs::isPrivate() const {
    switch (command) {
    case CliCommand::Balances:
    case CliCommand::OpenOrders:
    case CliCommand::OrderCreate:
    case CliCommand::OrderGet:
    case CliCommand::OrderCancel:
    case CliCommand::OrderModify:
        return true;
    default:
        return false;
    }
}

bool CliArgs::changesOrders() const {
    return command == CliCommand::OrderCreate || command == CliCommand::OrderCancel ||
           command == CliCommand::OrderModify;
}

bool CliArgs::managesProfiles() const {
    switch (command) {
    case CliCommand::ProfileCreate:
    case CliCommand::ProfileList:
    case CliCommand::ProfileDelete:
    case CliCommand::KeysSet:
    case CliCommand::KeysList:
    case CliCommand::KeysTest:
    case CliCommand::KeysRemove:
        return true;
    default:
        return false;
    }
}

std::variant<CliArgs, CliError> CommandLine::parse(const QStringList& arguments) {
    try {
        RawArguments raw(arguments);
        CliArgs args;
        if (raw.has("help"))
            return args; // CliCommand::Help, whatever else was given
        if (arguments.isEmpty())
            fail(QCoreApplication::translate("hoga::Cli", "No command given.") + QLatin1Char(' ') + hint());
        if (isManagement(raw)) {
            ManagementParser(raw, args).parse();
            return args;
        }
        parseGlobals(raw, args);
        CommandParser(raw, args).parse();
        return args;
    } catch (const UsageProblem& problem) {
        return CliError::usage(problem.message);
    }
}

QUrl CommandLine::derivedPrivateWsUrl(const QString& venue, const QUrl& wsUrl) {
    QUrl u = wsUrl;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QLatin1String bithumbPublic("/websocket/v1");
    if (venue.startsWith(QLatin1String("binance"))) // the WebSocket API beside the market streams
        path =
            (path.endsWith(QLatin1String("/stream")) ? path.chopped(7) : path) + QStringLiteral("/ws-api/v3");
    else if (venue == QLatin1String("bithumb") && path.endsWith(bithumbPublic))
        path = path.left(path.size() - bithumbPublic.size()) + QStringLiteral("/websocket/v2/private");
    else
        path += QStringLiteral("/private");
    u.setPath(path);
    return u;
}

namespace {

// `count` ASCII digits at `pos` of `s`, as a number.
bool readDigits(QStringView s, qsizetype pos, int count, int* out) {
    if (pos < 0 || pos + count > s.size())
        return false;
    int n = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        n = n * 10 + (c - u'0');
    }
    *out = n;
    return true;
}

} // namespace

// Written out by hand: QDateTime::fromString() fails on "2024-05-01T25:00:00Z" and QDate::fromString() then
// reads its first ten characters as midnight, ignoring the rest.
std::optional<qint64> CommandLine::parseIsoTimeMs(const QString& text) {
    const QStringView s(text);
    int year = 0;
    int month = 0;
    int day = 0;
    if (s.size() < 10 || !readDigits(s, 0, 4, &year) || s[4] != u'-' || !readDigits(s, 5, 2, &month) ||
        s[7] != u'-' || !readDigits(s, 8, 2, &day))
        return std::nullopt;
    const QDate date(year, month, day); // invalid for month 13, February 30, ...
    if (!date.isValid())
        return std::nullopt;
    if (s.size() == 10)
        return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

    int hour = 0;
    int minute = 0;
    int second = 0;
    if (s.size() < 19 || s[10] != u'T' || !readDigits(s, 11, 2, &hour) || s[13] != u':' ||
        !readDigits(s, 14, 2, &minute) || s[16] != u':' || !readDigits(s, 17, 2, &second) || hour > 23 ||
        minute > 59 || second > 59)
        return std::nullopt;
    qsizetype pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == u'.') {
        const qsizetype first = ++pos;
        int scale = 100;
        int digit = 0;
        while (readDigits(s, pos, 1, &digit)) {
            millis += digit * scale; // digits past the third are dropped
            scale /= 10;
            ++pos;
        }
        if (pos == first || pos - first > 9)
            return std::nullopt;
    }
    int offsetMinutes = 0; // no offset: UTC, like every other time hoga-cli reads or prints
    if (pos < s.size() && s[pos] == u'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == u'+' || s[pos] == u'-')) {
        const int sign = s[pos] == u'-' ? -1 : 1;
        int offsetHours = 0;
        int offsetMins = 0;
        qsizetype minutesAt = pos + 3;
        if (minutesAt < s.size() && s[minutesAt] == u':')
            ++minutesAt;
        if (!readDigits(s, pos + 1, 2, &offsetHours) || !readDigits(s, minutesAt, 2, &offsetMins) ||
            offsetHours > 23 || offsetMins > 59)
            return std::nullopt;
        offsetMinutes = sign * (offsetHours * 60 + offsetMins);
        pos = minutesAt + 2;
    }
    if (pos != s.size()) // anything left over: not a time
        return std::nullopt;
    return QDateTime(date, QTime(hour, minute, second, millis), Qt::UTC).toMSecsSinceEpoch() -
           qint64(offsetMinutes) * 60'000;
}

QStringList CommandLine::venues() {
    return {QStringLiteral("upbit"), QStringLiteral("bithumb"), QStringLiteral("binance"),
            QStringLiteral("kis"), QStringLiteral("sim")};
}

QString CommandLine::usageText() {
    return QCoreApplication::translate(
               "hoga::Cli",
               "Usage: hoga-cli [--profile NAME] --venue upbit|bithumb|kis|sim [--rest-url URL] [--ws-url "
               "URL]\n"
               "                [--private-ws-url URL] [--timeout-ms MS] [--sim-state FILE] [--verbose] "
               "COMMAND\n"
               "                [--virtual] [--account CANO-PRDT] (kis: virtual server, account number;\n"
               "                HOGA_KIS_ACCOUNT holds the account too)\n"
               "       hoga-cli [--profile NAME] --venue binance [--testnet] [--rest-url URL] [--ws-url "
               "URL]\n"
               "                [--ws-api-url URL] [--timeout-ms MS] [--verbose] COMMAND\n"
               "\n"
               "Commands:\n"
               "  markets\n"
               "  ticker MARKET...\n"
               "  orderbook MARKET [--depth N]\n"
               "  candles MARKET --interval 1s|1m|3m|5m|10m|15m|30m|60m|240m|1d|1w|1M [--count N] [--from "
               "ISO8601] [--to ISO8601]\n"
               "  trades MARKET [--count N]\n"
               "  balances\n"
               "  orders open [MARKET]\n"
               "  order create MARKET --side buy|sell --type limit|market|best [--price P] [--qty Q] "
               "[--total T]\n"
               "               [--tif gtc|ioc|fok|post_only] [--client-id ID]\n"
               "               [--session regular|pre_market_close|post_market_close|after_hours_single]\n"
               "               (limit: any --tif; best: --tif ioc|fok, buy by --total, sell by --qty;\n"
               "               KRX after-hours sessions: limit only, closing-price ones with --qty and no "
               "--price)\n"
               "  order get (--id ID | --client-id ID)\n"
               "  order cancel (--id ID | --client-id ID)\n"
               "  order modify ORDER_ID --market CODE --price P [--qty Q]\n"
               "               (KIS: a new order at P takes what remains, or Q shares of it; the rest "
               "stays)\n"
               "  stream ticker|trade|orderbook MARKET... --count N [--depth N]\n"
               "\n"
               "Profiles and keys:\n"
               "  profile create NAME [--paper-only]\n"
               "  profile list\n"
               "  profile delete NAME\n"
               "  --profile NAME keys set --venue upbit|bithumb|binance [--testnet]\n"
               "                                                  (reads the access key, then the secret "
               "key,\n"
               "                                                  then the venue's other fields if it has "
               "any,\n"
               "                                                  one per line from standard input)\n"
               "  --profile NAME keys list\n"
               "  --profile NAME keys test --venue upbit|bithumb [--rest-url URL]\n"
               "  --profile NAME keys remove --venue upbit|bithumb\n"
               "\n"
               "Output: one JSON object per line on stdout; decimals are strings, times are milliseconds "
               "since\n"
               "1970-01-01 UTC. Trades are listed newest first, candles oldest first.\n"
               "Errors: one JSON object {\"error\": {\"kind\", \"venue_code\", \"message\"}} on stderr.\n"
               "Exit codes: 0 ok, 1 internal or storage failure, 2 usage, 3 refused by the venue (or by the "
               "local\n"
               "order check, which is reported like a venue refusal) or a wrong profile password, 4 network "
               "failure\n"
               "or timeout.\n"
               "\n"
               "API keys: with --profile NAME, the profile's stored keys (the profile password is asked on "
               "the\n"
               "terminal, or read from HOGA_PROFILE_PASSWORD); otherwise HOGA_API_KEY and HOGA_API_SECRET, "
               "and a\n"
               "venue's other fields from HOGA_ and the field's id in capitals (HOGA_ACCOUNT).\n"
               "Profiles live in the application data folder (HOGA_DATA_DIR overrides it). --timeout-ms "
               "bounds "
               "every request (default 15000) and\n"
               "the whole stream. The simulated venue keeps its paper orders between runs in --sim-state "
               "FILE\n"
               "(default: hoga-cli's data folder); delete the file to start over.\n") +
           QCoreApplication::translate(
               "hoga::Cli",
               "\n"
               "Trading engine (bots trade until SIGINT/SIGTERM or --for-seconds; orders are journaled in "
               "the\n"
               "profile's database, or hoga-cli's own without --profile):\n"
               "  --venue V bot run --strategy sma_cross|rsi|bollinger|grid|dca|ml_signal --market M "
               "[--param "
               "KEY=VALUE ...]\n"
               "                    [--id NAME] [--for-seconds N] [--rearm] [--max-order-value X]\n"
               "                    [--max-position X] [--max-open-orders N] [--max-orders-per-minute N]\n"
               "                    [--max-price-deviation-pct X] [--cash-reserve X] [--daily-loss-limit X]\n"
               "                    (the same --id resumes a saved bot; with --venue sim and --profile the\n"
               "                    bot trades the profile's paper account)\n"
               "  bot list\n"
               "  bot stop --id NAME   (the run stops, cancelling the bot's open orders)\n"
               "  journal orders [--bot NAME] [--venue V]\n"
               "  --venue V emergency-stop [--reason TEXT]   (halts every bot of the profile and cancels "
               "every\n"
               "                                             open order at V; trading stays halted)\n"
               "  rearm   (allows trading again after an emergency stop)\n") +
           QCoreApplication::translate(
               "hoga::Cli",
               "\n"
               "Research (see app/research/README.md):\n"
               "  --venue V record --markets A,B --channels ticker,trade,orderbook [--for-seconds N] [--db "
               "URL]\n"
               "  --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv\n"
               "  export candles|trades|orders|fills [--db URL] [--market M] [--interval I] --out FILE.csv\n"
               "  db-password --db postgresql://...   (keeps the password in the profile's key store)\n"
               "  backtest --strategy sma_cross|rsi|bollinger|grid|dca|ml_signal --candles FILE.csv\n"
               "           [--param KEY=VALUE ...] [--sweep KEY=FROM:TO:STEP|A,B ...] [--fee-rate R]\n"
               "           [--initial-cash C] [--market M]\n"
               "  indicators --name sma|ema|rsi|bbands|macd|atr [--period N] [--param KEY=VALUE ...] "
               "--candles "
               "FILE.csv\n"
               "  ml train --candles FILE.csv --model linear|forest [--name N] [--param KEY=VALUE ...]\n"
               "  ml list   (models saved in the profile; ml_signal uses one with --param model_name=N)\n");
}

} // namespace hoga::cli
