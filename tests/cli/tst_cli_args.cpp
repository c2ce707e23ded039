// hoga-cli's command line: every command parses into the right CliArgs, every mistake is a usage error
// (exit 2, one JSON error on stderr, nothing on stdout).

#include "cli/cli_app.h"
#include "cli/cli_args.h"
#include "cli/credential_source.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hoga;
using namespace hoga::cli;

namespace {

QStringList words(const QString& line) {
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

CliArgs parsed(const QString& line) {
    auto result = CommandLine::parse(words(line));
    if (const CliError* e = std::get_if<CliError>(&result)) {
        qWarning("unexpected usage error for '%s': %s", qPrintable(line), qPrintable(e->message));
        return {};
    }
    return std::get<CliArgs>(result);
}

} // namespace

class TestCliArgs : public QObject {
    Q_OBJECT
private slots:
    void everyCommandParses_data();
    void everyCommandParses();
    void operandsAndOptions();
    void orderCreateForms();
    void urlsAndPrivateStream();
    void isoTimes();
    void usageErrors_data();
    void usageErrors();
    void helpGoesToStdout();
};

void TestCliArgs::everyCommandParses_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("command");
    const auto row = [](const char* line, CliCommand c) {
        QTest::newRow(line) << QString::fromLatin1(line) << int(c);
    };
    row("--venue sim markets", CliCommand::Markets);
    row("--venue sim ticker KRW-BTC KRW-ETH", CliCommand::Ticker);
    row("--venue sim orderbook KRW-BTC --depth 5", CliCommand::OrderBook);
    row("--venue sim candles KRW-BTC --interval 1m --count 3 --to 2024-05-01T09:00:00Z", CliCommand::Candles);
    row("--venue sim trades KRW-BTC --count 10", CliCommand::Trades);
    row("--venue upbit balances", CliCommand::Balances);
    row("--venue upbit orders open", CliCommand::OpenOrders);
    row("--venue upbit orders open KRW-BTC", CliCommand::OpenOrders);
    row("--venue bithumb order create KRW-BTC --side buy --type limit --price 45000000 --qty 0.001",
        CliCommand::OrderCreate);
    row("--venue upbit order get --id abc", CliCommand::OrderGet);
    row("--venue upbit order get --client-id my-1", CliCommand::OrderGet);
    row("--venue upbit order cancel --id abc", CliCommand::OrderCancel);
    row("--venue sim stream ticker KRW-BTC KRW-ETH --count 3", CliCommand::Stream);
    row("--venue sim stream trade KRW-BTC --count 3", CliCommand::Stream);
    row("--venue sim stream orderbook KRW-BTC --count 3 --depth 5", CliCommand::Stream);
    row("markets --venue sim", CliCommand::Markets); // options may follow the command
    row("--help", CliCommand::Help);
    row("--venue sim ticker --help", CliCommand::Help);
}

void TestCliArgs::everyCommandParses() {
    QFETCH(QString, line);
    QFETCH(int, command);
    auto result = CommandLine::parse(words(line));
    const CliError* e = std::get_if<CliError>(&result);
    QVERIFY2(!e, e ? qPrintable(e->message) : "");
    QCOMPARE(int(std::get<CliArgs>(result).command), command);
}

void TestCliArgs::operandsAndOptions() {
    CliArgs a = parsed(QStringLiteral("--venue sim ticker KRW-BTC KRW-ETH"));
    QCOMPARE(a.venue, QStringLiteral("sim"));
    QCOMPARE(a.markets, (QStringList{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH")}));
    QCOMPARE(a.timeoutMs, CliArgs::kDefaultTimeoutMs);
    QVERIFY(!a.profile);

    a = parsed(QStringLiteral("--venue sim orderbook KRW-BTC --depth=5 --timeout-ms 250"));
    QCOMPARE(a.depth, 5);
    QCOMPARE(a.timeoutMs, 250);
    QCOMPARE(parsed(QStringLiteral("--venue sim orderbook KRW-BTC")).depth, 0);

    a = parsed(
        QStringLiteral("--venue sim candles KRW-ETH --interval 240m --count 7 --to 2024-05-01T09:00:00Z"));
    QCOMPARE(a.market(), QStringLiteral("KRW-ETH"));
    QCOMPARE(a.interval, CandleInterval::H4);
    QCOMPARE(a.count, 7);
    QCOMPARE(a.toMs, Q_INT64_C(1714554000000));
    a = parsed(QStringLiteral("--venue sim candles KRW-ETH --interval 1d --from 2024-05-01T00:00:00Z"));
    QCOMPARE(a.fromMs, Q_INT64_C(1714521600000));
    QCOMPARE(a.toMs, 0);
    a = parsed(QStringLiteral("--venue sim candles KRW-ETH --interval 1M"));
    QCOMPARE(a.interval, CandleInterval::MN1);
    QCOMPARE(a.count, CliArgs::kDefaultCandleCount);
    QCOMPARE(a.toMs, 0);

    QCOMPARE(parsed(QStringLiteral("--venue sim trades KRW-BTC")).count, CliArgs::kDefaultTradeCount);
    QCOMPARE(parsed(QStringLiteral("--venue upbit orders open")).market(), QString());
    QCOMPARE(parsed(QStringLiteral("--venue upbit orders open KRW-XRP")).market(), QStringLiteral("KRW-XRP"));

    a = parsed(QStringLiteral("--venue upbit order get --client-id my-1"));
    QCOMPARE(a.ref.clientId, QStringLiteral("my-1"));
    QVERIFY(a.ref.id.isEmpty());
    a = parsed(QStringLiteral("--venue upbit order cancel --id abc"));
    QCOMPARE(a.ref.id, QStringLiteral("abc"));
    QVERIFY(a.changesOrders());
    QVERIFY(a.isPrivate());

    a = parsed(QStringLiteral("--venue sim stream orderbook KRW-BTC KRW-ETH --count 4 --depth 2"));
    QCOMPARE(a.channel, OrderBookChannel);
    QCOMPARE(a.count, 4);
    QCOMPARE(a.depth, 2);
    QCOMPARE(a.markets.size(), 2);
    QCOMPARE(parsed(QStringLiteral("--venue sim stream trade KRW-BTC --count 1")).channel, TradeChannel);

    a = parsed(QStringLiteral("--profile main --venue upbit markets"));
    QCOMPARE(a.profile.value_or(QString()), QStringLiteral("main"));
    QVERIFY(!a.isPrivate());
    QVERIFY(!a.changesOrders());

    QCOMPARE(parsed(QStringLiteral("--venue sim --sim-state /tmp/x.jsonl markets")).simStatePath,
             QStringLiteral("/tmp/x.jsonl"));
}

void TestCliArgs::orderCreateForms() {
    CliArgs a = parsed(QStringLiteral(
        "--venue upbit order create KRW-BTC --side sell --type limit --price 45000000.0 --qty 0.00000001 "
        "--client-id c-1"));
    QCOMPARE(a.order.market, QStringLiteral("KRW-BTC"));
    QCOMPARE(a.order.side, Side::Sell);
    QCOMPARE(a.order.type, OrderType::Limit);
    QCOMPARE(a.order.price.toString(), QStringLiteral("45000000"));
    QCOMPARE(a.order.qty.toString(), QStringLiteral("0.00000001"));
    QVERIFY(a.order.total.isZero());
    QCOMPARE(a.order.clientId, QStringLiteral("c-1"));

    a = parsed(QStringLiteral("--venue upbit order create KRW-BTC --side buy --type market --total 10000"));
    QCOMPARE(a.order.type, OrderType::Market);
    QCOMPARE(a.order.total, Decimal(10000));
    QVERIFY(a.order.qty.isZero());
    QVERIFY(a.order.clientId.isEmpty()); // generated when the order is sent

    a = parsed(QStringLiteral("--venue upbit order create KRW-BTC --side buy --type market --qty 0.5"));
    QCOMPARE(a.order.qty, Decimal::fromString("0.5"));
    a = parsed(QStringLiteral("--venue upbit order create KRW-BTC --side sell --type market --qty 1.5e-3"));
    QCOMPARE(a.order.qty.toString(), QStringLiteral("0.0015"));
    QCOMPARE(a.order.timeInForce, TimeInForce::GoodTillCancel); // without --tif

    // Time in force and best-price orders.
    a = parsed(QStringLiteral(
        "--venue upbit order create KRW-BTC --side buy --type limit --price 1000 --qty 1 --tif post_only"));
    QCOMPARE(a.order.timeInForce, TimeInForce::PostOnly);
    a = parsed(QStringLiteral(
        "--venue upbit order create KRW-BTC --side buy --type limit --price 1000 --qty 1 --tif gtc"));
    QCOMPARE(a.order.timeInForce, TimeInForce::GoodTillCancel);
    a = parsed(
        QStringLiteral("--venue upbit order create KRW-BTC --side buy --type best --total 10000 --tif ioc"));
    QCOMPARE(a.order.type, OrderType::Best);
    QCOMPARE(a.order.total, Decimal(10000));
    QCOMPARE(a.order.timeInForce, TimeInForce::ImmediateOrCancel);
    a = parsed(
        QStringLiteral("--venue bithumb order create KRW-BTC --side sell --type best --qty 0.1 --tif fok"));
    QCOMPARE(a.order.type, OrderType::Best);
    QCOMPARE(a.order.qty, Decimal::fromString("0.1"));
    QCOMPARE(a.order.timeInForce, TimeInForce::FillOrKill);
}

void TestCliArgs::urlsAndPrivateStream() {
    CliArgs a = parsed(QStringLiteral("--venue upbit --rest-url http://127.0.0.1:9000 --ws-url "
                                      "ws://127.0.0.1:9000/websocket/v1 markets"));
    QCOMPARE(a.restUrl, QUrl(QStringLiteral("http://127.0.0.1:9000")));
    QCOMPARE(a.wsUrl, QUrl(QStringLiteral("ws://127.0.0.1:9000/websocket/v1")));
    QCOMPARE(a.privateWsUrl, QUrl(QStringLiteral("ws://127.0.0.1:9000/websocket/v1/private")));

    a = parsed(QStringLiteral("--venue bithumb --ws-url ws://127.0.0.1:9000/websocket/v1 markets"));
    QCOMPARE(a.privateWsUrl, QUrl(QStringLiteral("ws://127.0.0.1:9000/websocket/v2/private")));

    a = parsed(QStringLiteral("--venue upbit --ws-url wss://example.test/ws --private-ws-url "
                              "wss://example.test/mine markets"));
    QCOMPARE(a.privateWsUrl, QUrl(QStringLiteral("wss://example.test/mine")));

    a = parsed(QStringLiteral("--venue upbit markets"));
    QVERIFY(a.restUrl.isEmpty());
    QVERIFY(a.privateWsUrl.isEmpty()); // production endpoints
}

void TestCliArgs::isoTimes() {
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T09:00:00Z")), Q_INT64_C(1714554000000));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T18:00:00+09:00")),
             Q_INT64_C(1714554000000));
    // No offset: UTC, whatever the machine's zone.
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T09:00:00.250")),
             Q_INT64_C(1714554000250));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01")), Q_INT64_C(1714521600000));
    QVERIFY(!CommandLine::parseIsoTimeMs(QStringLiteral("yesterday")));
    QVERIFY(!CommandLine::parseIsoTimeMs(QStringLiteral("2024-13-01T00:00:00Z")));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T18:00:00+0900")),
             Q_INT64_C(1714554000000));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T03:30:00-05:30")),
             Q_INT64_C(1714554000000));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T09:00:00.1Z")), Q_INT64_C(1714554000100));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-05-01T09:00:00.123456789Z")),
             Q_INT64_C(1714554000123));
    QCOMPARE(CommandLine::parseIsoTimeMs(QStringLiteral("2024-02-29")), Q_INT64_C(1709164800000));
    // Strict: nothing out of range, nothing missing, nothing after. (QDateTime read "…T25:00:00Z" as
    // midnight.)
    for (const char* bad : {"2024-05-01T25:00:00Z",
                            "2024-05-01T24:00:00Z",
                            "2024-05-01T09:60:00Z",
                            "2024-05-01T09:00:60Z",
                            "2024-05-01T09:00:00Zjunk",
                            "2024-05-01T09:00:00Z ",
                            " 2024-05-01T09:00:00Z",
                            "2024-05-01junk",
                            "2024-05-01 ",
                            "2024-05-01T",
                            "2024-05-01T09",
                            "2024-05-01T09:00",
                            "2024-05-01T09:00:",
                            "2024-05-01T09:00:0",
                            "2024-05-01t09:00:00Z",
                            "2024-05-01 09:00:00",
                            "2024-05-01T09:00:00.",
                            "2024-05-01T09:00:00.1234567890Z",
                            "2024-05-01T09:00:00+9",
                            "2024-05-01T09:00:00+09:",
                            "2024-05-01T09:00:00+09:60",
                            "2024-05-01T09:00:00+24:00",
                            "2024-05-01T09:00:00+09:00:00",
                            "2024-05-01T09:00:00z",
                            "2024-02-30",
                            "2023-02-29",
                            "2024-04-31",
                            "2024-00-10",
                            "2024-05-00",
                            "2024-5-1",
                            "24-05-01",
                            "2024/05/01",
                            "+2024-05-01",
                            "0000-01-01",
                            ""}) {
        QVERIFY2(!CommandLine::parseIsoTimeMs(QString::fromLatin1(bad)), bad);
    }
    QVERIFY(!CommandLine::parseIsoTimeMs(QStringLiteral("２０２４-05-01"))); // digits, but not ASCII ones
}

void TestCliArgs::usageErrors_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("mentions");
    const auto row = [](const char* line, const char* mentions) {
        QTest::newRow(line) << QString::fromLatin1(line) << QString::fromLatin1(mentions);
    };
    row("", "No command");
    row("--venue sim", "No command");
    row("markets", "--venue is required");
    row("--venue kraken markets", "Unknown venue");
    row("--venue sim frobnicate", "Unknown command");
    row("--venue sim markets --bogus", "Unknown option --bogus");
    row("--venue sim markets -x", "Unknown option -x");
    row("--venue sim --venue upbit markets", "more than once");
    row("--venue", "needs a value");
    row("--venue sim --help=yes markets", "takes no value");
    row("--venue sim markets KRW-BTC", "takes no market");
    row("--venue sim markets --depth 5", "--depth does not apply to markets");
    row("--venue sim ticker", "at least one market");
    row("--venue sim orderbook", "needs a market");
    row("--venue sim orderbook KRW-BTC KRW-ETH", "takes one market");
    row("--venue sim orderbook KRW-BTC --depth 0", "--depth takes a whole number above zero");
    row("--venue sim orderbook KRW-BTC --depth five", "--depth takes a whole number");
    row("--venue sim orderbook KRW-BTC --count 5", "--count does not apply to orderbook");
    row("--venue sim candles KRW-BTC", "needs --interval");
    row("--venue sim candles KRW-BTC --interval 2m", "Unknown interval");
    row("--venue sim candles KRW-BTC --interval 1m --count -1", "--count takes a whole number above zero");
    row("--venue sim candles KRW-BTC --interval 1m --to soon", "--to takes an ISO 8601 time");
    row("--venue sim candles KRW-BTC --interval 1m --to 2024-05-01T25:00:00Z",
        "--to takes an ISO 8601 time such as 2024-05-01T09:00:00Z, not \"2024-05-01T25:00:00Z\".");
    row("--venue sim candles KRW-BTC --interval 1m --to 2024-05-01T09:00:00Zjunk",
        "--to takes an ISO 8601 time");
    row("--venue sim candles KRW-BTC --interval 1m --to 2024-05-01T09", "--to takes an ISO 8601 time");
    row("--venue sim candles KRW-BTC --interval 1m --to 2024-02-30", "--to takes an ISO 8601 time");
    row("--venue sim candles KRW-BTC --interval 1m --from later", "--from takes an ISO 8601 time");
    row("--venue sim candles KRW-BTC --interval 1m --from 2024-05-02T00:00:00Z --to 2024-05-01T00:00:00Z",
        "--from must be before --to");
    row("--venue sim candles --interval 1m", "needs a market");
    row("--venue sim trades KRW-BTC --count 0", "--count takes a whole number above zero");
    row("--venue sim trades KRW-BTC --depth 3", "--depth does not apply to trades");
    row("--venue sim balances KRW", "takes no market");
    row("--venue sim orders", "orders open");
    row("--venue sim orders closed", "orders open");
    row("--venue sim orders open KRW-BTC KRW-ETH", "takes one market");
    row("--venue sim order", "order create");
    row("--venue sim order amend --id x", "order create");
    row("--venue sim order create --side buy --type limit --price 1 --qty 1", "needs a market");
    row("--venue sim order create KRW-BTC --type limit --price 1 --qty 1", "--side buy");
    row("--venue sim order create KRW-BTC --side hold --type limit --price 1 --qty 1", "--side buy");
    row("--venue sim order create KRW-BTC --side buy --price 1 --qty 1", "--type limit");
    row("--venue sim order create KRW-BTC --side buy --type stop --price 1 --qty 1", "--type limit");
    row("--venue sim order create KRW-BTC --side buy --type limit --qty 1", "needs --price and --qty");
    row("--venue sim order create KRW-BTC --side buy --type limit --price 1", "needs --price and --qty");
    row("--venue sim order create KRW-BTC --side buy --type limit --price 1 --qty 1 --total 5", "no --total");
    row("--venue sim order create KRW-BTC --side buy --type market", "either --total");
    row("--venue sim order create KRW-BTC --side buy --type market --qty 1 --total 5", "either --total");
    row("--venue sim order create KRW-BTC --side buy --type market --total 5 --price 1", "either --total");
    row("--venue sim order create KRW-BTC --side sell --type market --total 5", "A market sell needs --qty");
    row("--venue sim order create KRW-BTC --side buy --type limit --price 1 --qty 1 --tif day",
        "--tif must be gtc, ioc, fok or post_only");
    row("--venue sim order create KRW-BTC --side buy --type market --total 5 --tif ioc",
        "A market order takes no --tif");
    row("--venue sim order create KRW-BTC --side buy --type best --total 5", "A best order needs --tif ioc");
    row("--venue sim order create KRW-BTC --side buy --type best --total 5 --tif post_only",
        "A best order needs --tif ioc");
    row("--venue sim order create KRW-BTC --side buy --type best --qty 5 --tif ioc",
        "A best buy needs --total");
    row("--venue sim order create KRW-BTC --side sell --type best --total 5 --tif fok",
        "A best sell needs --qty");
    row("--venue sim order create KRW-BTC --side buy --type limit --price abc --qty 1",
        "--price takes a decimal");
    row("--venue sim order create KRW-BTC --side buy --type limit --price 0 --qty 1", "greater than zero");
    row("--venue sim order create KRW-BTC --side buy --type limit --price -5 --qty 1", "greater than zero");
    row("--venue sim order create KRW-BTC --side buy --type limit --price 1 --qty 1 --id x",
        "--id does not apply");
    row("--venue sim order get", "either --id ID or --client-id ID");
    row("--venue sim order get --id a --client-id b", "either --id ID or --client-id ID");
    row("--venue sim order cancel", "either --id ID or --client-id ID");
    row("--venue sim order get KRW-BTC --id a", "takes no market");
    row("--venue sim stream ticker KRW-BTC", "needs --count");
    row("--venue sim stream ticker --count 3", "at least one market");
    row("--venue sim stream candles KRW-BTC --count 3", "stream ticker");
    row("--venue sim stream ticker KRW-BTC --count 3 --depth 2", "--depth does not apply to stream ticker");
    row("--venue sim stream ticker KRW-BTC --count 0", "--count takes a whole number above zero");
    row("--venue sim --rest-url http://127.0.0.1:1 markets", "does not apply to the simulated venue");
    row("--venue upbit --sim-state x markets", "only applies to --venue sim");
    row("--venue upbit --rest-url ftp://127.0.0.1 markets", "--rest-url takes a http/https URL");
    row("--venue upbit --ws-url http://127.0.0.1 markets", "--ws-url takes a ws/wss URL");
    row("--venue upbit --timeout-ms 0 markets", "--timeout-ms takes a whole number above zero");
    row("--profile --venue upbit markets", "--venue is required"); // "--venue" became the profile name
    // Profiles and keys: secrets never come from the arguments.
    row("--profile main keys set --venue upbit AKEY SKEY", "never from the command line");
    row("--profile main keys set --venue upbit --secret-key SKEY", "Unknown option --secret-key.");
    row("--profile main keys set --venue upbit --access-key=AKEY", "Unknown option --access-key.");
    row("keys list", "keys list needs --profile NAME");
    row("--profile main keys set", "needs --venue upbit or --venue bithumb");
    row("--profile main keys test --venue sim", "needs --venue upbit or --venue bithumb");
    row("--profile main keys list --venue upbit", "keys list takes no --venue");
    row("--profile main keys remove --venue upbit --rest-url http://127.0.0.1:1",
        "--rest-url does not apply");
    row("--profile main keys frob", "Use: keys set, keys list, keys test or keys remove");
    row("profile create", "exactly one profile name");
    row("profile create a b", "exactly one profile name");
    row("profile create a --paper-only=yes", "--paper-only takes no value");
    row("profile list --venue upbit", "--venue does not apply to profile list");
    row("profile delete a --paper-only", "--paper-only does not apply to profile delete");
    row("--profile a profile list", "takes the profile name as an operand");
    row("profile rename a", "Use: profile create NAME");
}

void TestCliArgs::usageErrors() {
    QFETCH(QString, line);
    QFETCH(QString, mentions);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::ReadWrite);
    err.open(QIODevice::ReadWrite);
    bool venueOpened = false;
    CliApp app(&out, &err, QProcessEnvironment(),
               [&venueOpened](const CliArgs& args, CredentialSource& keys) {
                   venueOpened = true;
                   Credentials credentials;
                   if (std::optional<CliError> e = keys.load(args.venue, &credentials))
                       return std::variant<std::unique_ptr<CliVenue>, CliError>(*e);
                   return std::variant<std::unique_ptr<CliVenue>, CliError>(
                       CliError::usage(QStringLiteral("unexpected")));
               });
    QCOMPARE(app.run(words(line)), int(ExitUsage));
    QVERIFY(out.data().isEmpty());
    QVERIFY(err.data().endsWith('\n'));
    QCOMPARE(err.data().count('\n'), 1);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(err.data(), &parseError);
    QVERIFY2(doc.isObject(), qPrintable(parseError.errorString()));
    const QJsonObject error = doc.object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.keys(),
             (QStringList{QStringLiteral("kind"), QStringLiteral("message"), QStringLiteral("venue_code")}));
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("usage"));
    QVERIFY(error.value(QStringLiteral("venue_code")).isNull());
    const QString message = error.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY(err.data().startsWith(R"({"error":{"kind":"usage","venue_code":null,"message":)"));
    // Every mistake stops at the parser, and no message repeats a key given in the wrong place.
    QVERIFY(!venueOpened);
    QVERIFY(!message.contains(QLatin1String("AKEY")) && !message.contains(QLatin1String("SKEY")));
}

void TestCliArgs::helpGoesToStdout() {
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::ReadWrite);
    err.open(QIODevice::ReadWrite);
    CliApp app(&out, &err, QProcessEnvironment());
    QCOMPARE(app.run({QStringLiteral("--help")}), int(ExitOk));
    QVERIFY(out.data().startsWith("Usage: hoga-cli"));
    QVERIFY(out.data().contains("stream ticker|trade|orderbook"));
    QVERIFY(err.data().isEmpty());
}

QTEST_GUILESS_MAIN(TestCliArgs)
#include "tst_cli_args.moc"
