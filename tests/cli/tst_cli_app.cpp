// hoga-cli in-process against a scripted venue: venue errors become the right kind and exit code, requests
// time out, orders are checked locally before they leave, streams stop after N records or at the timeout,
// keys come from the environment.

#include "cli/cli_app.h"
#include "cli/credential_source.h"
#include "error_kind_rows.h"
#include "support/fake_connector.h"
#include "support/test_credential_schema.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace hoga;
using namespace hoga::cli;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

// A FakeConnector whose keys can be taken away.
class ScriptedConnector : public test::FakeConnector {
public:
    bool hasCredentials() const override { return keys; }
    bool keys = true;
};

// The scripted connector, used on the test's thread (no ConnectorHost: its replies are ready at once).
class ScriptedVenue final : public CliVenue {
public:
    explicit ScriptedVenue(Connector* c)
        : m_connector(c) {}
    Connector* connector() const override { return m_connector; }

private:
    Connector* m_connector;
};

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QJsonObject> records() const {
        QList<QJsonObject> list;
        for (const QByteArray& line : out.split('\n'))
            if (!line.isEmpty())
                list << QJsonDocument::fromJson(line).object();
        return list;
    }
    QJsonObject error() const {
        return QJsonDocument::fromJson(err).object().value(QStringLiteral("error")).toObject();
    }
    QString kind() const { return error().value(QStringLiteral("kind")).toString(); }
    QString message() const { return error().value(QStringLiteral("message")).toString(); }
};

RunResult runCli(Connector* connector, const QString& line, const QProcessEnvironment& env = {}) {
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::ReadWrite);
    err.open(QIODevice::ReadWrite);
    // A fresh order journal for each run unless the test names the data folder.
    QTemporaryDir data;
    QProcessEnvironment runEnv = env;
    if (!runEnv.contains(QStringLiteral("HOGA_DATA_DIR")))
        runEnv.insert(QStringLiteral("HOGA_DATA_DIR"), data.path());
    CliApp app(&out, &err, runEnv, [connector](const CliArgs& args, CredentialSource& keys) {
        Credentials credentials;
        if (std::optional<CliError> e = keys.load(args.venue, &credentials))
            return std::variant<std::unique_ptr<CliVenue>, CliError>(*e);
        return std::variant<std::unique_ptr<CliVenue>, CliError>(std::make_unique<ScriptedVenue>(connector));
    });
    RunResult r;
    r.exitCode = app.run(line.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    r.out = out.data();
    r.err = err.data();
    return r;
}

Market krwBtc(const QString& venue) {
    Market m;
    m.venue = venue;
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.displayName = QStringLiteral("Bitcoin");
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = dec("0.00000001");
    m.rules.minTotal = 5000;
    m.rules.makerFeeRate = dec("0.0005");
    m.rules.takerFeeRate = dec("0.0005");
    return m;
}

Ticker tickerOf(const QString& market, const char* last) {
    Ticker t;
    t.venue = QStringLiteral("fake");
    t.market = market;
    t.last = dec(last);
    t.timestampMs = 1700000000000;
    return t;
}

} // namespace

class TestCliApp : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void venueErrors_data();
    void venueErrors();
    void requestTimesOut();
    void privateCommandsNeedKeys();
    void tickersInTheOrderAsked();
    void missingTickerIsNotFound();
    void orderCreateRejectedLocally_data();
    void orderCreateRejectedLocally();
    void orderCreateGeneratesClientId();
    void orderCreateKeepsGivenClientId();
    void orderCreateVenueRefusal();
    void orderGetAndCancel();
    void streamStopsAfterCount();
    void streamTimesOut();
    void streamUnknownMarket();
    void streamErrorEndsRun();
    void environmentKeys();
    void halfSetKeysAreUsageError();

private:
    std::unique_ptr<ScriptedConnector> m_c;
};

void TestCliApp::init() {
    m_c = std::make_unique<ScriptedConnector>();
    m_c->markets = {krwBtc(m_c->venue)};
    Balance krw;
    krw.venue = m_c->venue;
    krw.currency = QStringLiteral("KRW");
    krw.free = 1'000'000;
    m_c->balances = {krw};
}

void TestCliApp::cleanup() {
    m_c.reset();
}

void TestCliApp::venueErrors_data() {
    test::addErrorKindRows();
}

void TestCliApp::venueErrors() {
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(int, exitCode);
    VenueError e = test::FakeConnector::error(ErrorKind(kind), QStringLiteral("some_code"));
    e.venueMessage = QStringLiteral("잘못된 요청입니다.");
    m_c->marketsError = e;
    const RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit markets"));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QCOMPARE(r.kind(), name);
    QCOMPARE(r.error().value(QStringLiteral("venue_code")).toString(), QStringLiteral("some_code"));
    QCOMPARE(r.message(), e.userMessage());
}

void TestCliApp::requestTimesOut() {
    m_c->deferReplies = true; // the venue never answers
    QElapsedTimer clock;
    clock.start();
    const RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit --timeout-ms 100 markets"));
    QCOMPARE(r.exitCode, int(ExitNetwork));
    QCOMPARE(r.kind(), QStringLiteral("network"));
    QVERIFY2(r.message().contains(QLatin1String("100 ms")), qPrintable(r.message()));
    QVERIFY(r.error().value(QStringLiteral("venue_code")).isNull());
    QVERIFY(clock.elapsed() < 5000);
}

void TestCliApp::privateCommandsNeedKeys() {
    m_c->keys = false;
    for (const char* line :
         {"--venue upbit balances", "--venue upbit orders open", "--venue upbit order get --id x",
          "--venue upbit order cancel --id x",
          "--venue upbit order create KRW-BTC --side buy --type limit --price 1000 --qty 10"}) {
        const RunResult r = runCli(m_c.get(), QString::fromLatin1(line));
        QCOMPARE(r.exitCode, int(ExitRefused));
        QCOMPARE(r.kind(), QStringLiteral("auth"));
        QVERIFY2(r.message().contains(QLatin1String("HOGA_API_KEY")), qPrintable(r.message()));
    }
    QCOMPARE(m_c->balancesCalls, 0);
    QVERIFY(m_c->createRequests.isEmpty());
    // Public data needs no keys.
    QCOMPARE(runCli(m_c.get(), QStringLiteral("--venue upbit markets")).exitCode, int(ExitOk));
}

void TestCliApp::tickersInTheOrderAsked() {
    m_c->tickers = {tickerOf(QStringLiteral("KRW-ETH"), "5000000.0"),
                    tickerOf(QStringLiteral("KRW-BTC"), "45000000")};
    const RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit ticker KRW-BTC KRW-ETH"));
    QCOMPARE(r.exitCode, 0);
    const auto records = r.records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].value(QStringLiteral("market")).toString(), QStringLiteral("KRW-BTC"));
    QCOMPARE(records[1].value(QStringLiteral("market")).toString(), QStringLiteral("KRW-ETH"));
    QCOMPARE(records[1].value(QStringLiteral("last")).toString(), QStringLiteral("5000000"));
}

void TestCliApp::missingTickerIsNotFound() {
    m_c->tickers = {tickerOf(QStringLiteral("KRW-BTC"), "45000000")};
    const RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit ticker KRW-BTC KRW-NOPE"));
    QCOMPARE(r.exitCode, int(ExitRefused));
    QCOMPARE(r.kind(), QStringLiteral("not_found"));
    QVERIFY(r.message().contains(QLatin1String("KRW-NOPE")));
}

void TestCliApp::orderCreateRejectedLocally_data() {
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("off tick") << "KRW-BTC --side buy --type limit --price 45000001 --qty 0.001"
                              << "invalid_order"
                              << "not a multiple of the 1000 KRW tick";
    QTest::newRow("qty off step") << "KRW-BTC --side buy --type limit --price 45000000 --qty 0.000000001"
                                  << "invalid_order"
                                  << "Quantity";
    QTest::newRow("below min total") << "KRW-BTC --side buy --type limit --price 1000 --qty 1"
                                     << "invalid_order"
                                     << "5000";
    QTest::newRow("no funds") << "KRW-BTC --side buy --type limit --price 45000000 --qty 1"
                              << "insufficient_funds"
                              << "KRW";
    QTest::newRow("nothing to sell") << "KRW-BTC --side sell --type limit --price 45000000 --qty 1"
                                     << "insufficient_funds"
                                     << "BTC";
    QTest::newRow("unknown market") << "KRW-NOPE --side buy --type limit --price 1000 --qty 10"
                                    << "not_found"
                                    << "KRW-NOPE";
}

void TestCliApp::orderCreateRejectedLocally() {
    QFETCH(QString, options);
    QFETCH(QString, kind);
    QFETCH(QString, mentions);
    const RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit order create ") + options);
    QCOMPARE(r.exitCode, int(ExitRefused)); // reported like a venue refusal
    QCOMPARE(r.kind(), kind);
    QVERIFY(r.error().value(QStringLiteral("venue_code")).isNull());
    QVERIFY2(r.message().contains(mentions), qPrintable(r.message()));
    QVERIFY(r.out.isEmpty());
    QVERIFY(m_c->createRequests.isEmpty()); // nothing reached the venue
}

void TestCliApp::orderCreateGeneratesClientId() {
    const RunResult r =
        runCli(m_c.get(),
               QStringLiteral("--venue upbit order create KRW-BTC --side buy --type limit --price 45000000.0 "
                              "--qty 0.001"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_c->createRequests.size(), 1);
    const OrderRequest& sent = m_c->createRequests.first();
    QVERIFY(!QUuid::fromString(sent.clientId).isNull());
    QCOMPARE(sent.price, Decimal(45'000'000));
    const auto records = r.records();
    QCOMPARE(records.size(), 1);
    const QJsonObject o = records.first();
    QCOMPARE(o.value(QStringLiteral("client_id")).toString(), sent.clientId);
    QCOMPARE(o.value(QStringLiteral("price")).toString(), QStringLiteral("45000000"));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(m_c->balancesCalls, 1); // checked against the balances
}

void TestCliApp::orderCreateKeepsGivenClientId() {
    const RunResult r =
        runCli(m_c.get(), QStringLiteral("--venue upbit order create KRW-BTC --side buy --type market "
                                         "--total 10000 --client-id mine-7"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_c->createRequests.size(), 1);
    QCOMPARE(m_c->createRequests.first().clientId, QStringLiteral("mine-7"));
    QCOMPARE(m_c->createRequests.first().total, Decimal(10000));
}

void TestCliApp::orderCreateVenueRefusal() {
    m_c->onCreateOrder = [](const OrderRequest& request) {
        VenueError e = test::FakeConnector::error(ErrorKind::InsufficientFunds,
                                                  QStringLiteral("insufficient_funds_bid"));
        e.venueMessage = QStringLiteral("주문가능한 금액(KRW)이 부족합니다.");
        return OrderPlacement::rejected(e, request.clientId);
    };
    const RunResult r = runCli(
        m_c.get(),
        QStringLiteral(
            "--venue upbit order create KRW-BTC --side buy --type limit --price 45000000 --qty 0.001"));
    QCOMPARE(r.exitCode, int(ExitRefused));
    QCOMPARE(r.kind(), QStringLiteral("insufficient_funds"));
    QCOMPARE(r.error().value(QStringLiteral("venue_code")).toString(),
             QStringLiteral("insufficient_funds_bid"));
    QVERIFY(r.message().contains(QStringLiteral("주문가능한")));
}

void TestCliApp::orderGetAndCancel() {
    Order o;
    o.venue = m_c->venue;
    o.id = QStringLiteral("id-1");
    o.clientId = QStringLiteral("c-1");
    o.market = QStringLiteral("KRW-BTC");
    o.price = 45'000'000;
    o.qty = dec("0.001");
    o.state = OrderState::Open;
    m_c->openOrders = {o};

    RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit order get --client-id c-1"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.records().value(0).value(QStringLiteral("id")).toString(), QStringLiteral("id-1"));
    QCOMPARE(m_c->fetchOrderRefs.value(0).clientId, QStringLiteral("c-1"));

    r = runCli(m_c.get(), QStringLiteral("--venue upbit orders open"));
    QCOMPARE(r.records().size(), 1);

    r = runCli(m_c.get(), QStringLiteral("--venue upbit order cancel --id id-1"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.records().value(0).value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(m_c->cancelRefs.value(0).id, QStringLiteral("id-1"));

    r = runCli(m_c.get(), QStringLiteral("--venue upbit order get --id nope"));
    QCOMPARE(r.exitCode, int(ExitRefused));
    QCOMPARE(r.kind(), QStringLiteral("not_found"));
}

void TestCliApp::streamStopsAfterCount() {
    ScriptedConnector* c = m_c.get();
    // Emitted once the stream waits; another market's ticker is not printed.
    QTimer::singleShot(0, c, [c] {
        emit c->tickerUpdated(tickerOf(QStringLiteral("KRW-ETH"), "1"));
        for (const char* last : {"45000000.0", "45001000", "45002000"})
            emit c->tickerUpdated(tickerOf(QStringLiteral("KRW-BTC"), last));
    });
    const RunResult r = runCli(c, QStringLiteral("--venue upbit stream ticker KRW-BTC --count 2"));
    QCOMPARE(r.exitCode, 0);
    const auto records = r.records();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].value(QStringLiteral("last")).toString(), QStringLiteral("45000000"));
    QCOMPARE(records[1].value(QStringLiteral("last")).toString(), QStringLiteral("45001000"));
    QCOMPARE(c->subscribedChannels, unsigned(TickerChannel));
    QVERIFY(c->subscribedMarkets.isEmpty()); // unsubscribed at the end
}

void TestCliApp::streamTimesOut() {
    const RunResult r =
        runCli(m_c.get(), QStringLiteral("--venue upbit --timeout-ms 100 stream trade KRW-BTC --count 1"));
    QCOMPARE(r.exitCode, int(ExitNetwork));
    QCOMPARE(r.kind(), QStringLiteral("network"));
    QVERIFY2(r.message().contains(QLatin1String("0 of 1")), qPrintable(r.message()));
}

void TestCliApp::streamUnknownMarket() {
    const RunResult r =
        runCli(m_c.get(), QStringLiteral("--venue upbit stream orderbook KRW-BTC KRW-NOPE --count 1"));
    QCOMPARE(r.exitCode, int(ExitRefused));
    QCOMPARE(r.kind(), QStringLiteral("not_found"));
    QVERIFY(m_c->subscribedMarkets.isEmpty());
}

void TestCliApp::streamErrorEndsRun() {
    ScriptedConnector* c = m_c.get();
    QTimer::singleShot(0, c, [c] {
        emit c->streamError(test::FakeConnector::error(ErrorKind::Network)); // retried by the connector
        emit c->streamError(
            test::FakeConnector::error(ErrorKind::Auth, QStringLiteral("invalid_access_key")));
    });
    const RunResult r =
        runCli(c, QStringLiteral("--venue upbit --timeout-ms 5000 stream ticker KRW-BTC --count 1"));
    QCOMPARE(r.exitCode, int(ExitRefused));
    QCOMPARE(r.kind(), QStringLiteral("auth"));
    QCOMPARE(r.error().value(QStringLiteral("venue_code")).toString(), QStringLiteral("invalid_access_key"));
}

void TestCliApp::environmentKeys() {
    Credentials keys;
    QVERIFY(!EnvironmentCredentialSource(QProcessEnvironment()).load(QStringLiteral("upbit"), &keys));
    QVERIFY(keys.isEmpty());

    QProcessEnvironment env;
    env.insert(QStringLiteral("HOGA_API_KEY"), QStringLiteral("access"));
    env.insert(QStringLiteral("HOGA_API_SECRET"), QStringLiteral("s3cret"));
    QVERIFY(!EnvironmentCredentialSource(env).load(QStringLiteral("upbit"), &keys));
    QCOMPARE(keys.accessKey, QStringLiteral("access"));
    QCOMPARE(keys.secretKey, QByteArray("s3cret"));
    QVERIFY(keys.extras.isEmpty());

    // A venue with extra fields reads them from HOGA_<FIELD ID>; a required one missing stops the run.
    Credentials kis;
    std::optional<CliError> e0 =
        EnvironmentCredentialSource(env, test::schemasWithAccount(QStringLiteral("kis")))
            .load(QStringLiteral("kis"), &kis);
    QVERIFY(e0);
    QCOMPARE(e0->kind, QStringLiteral("usage"));
    QVERIFY2(e0->message.contains(QLatin1String("HOGA_ACCOUNT ")), qPrintable(e0->message));
    QVERIFY(kis.isEmpty());
    QProcessEnvironment kisEnv = env;
    kisEnv.insert(QStringLiteral("HOGA_ACCOUNT"), QStringLiteral(" 50012345-01 "));
    kisEnv.insert(QStringLiteral("HOGA_ACCOUNT_TYPE"), QStringLiteral("paper"));
    e0 = EnvironmentCredentialSource(kisEnv, test::schemasWithAccount(QStringLiteral("kis")))
             .load(QStringLiteral("kis"), &kis);
    QVERIFY(e0);
    QVERIFY2(e0->message.contains(QLatin1String("HOGA_ACCOUNT_TYPE must be one of: real, virtual")),
             qPrintable(e0->message));
    kisEnv.insert(QStringLiteral("HOGA_ACCOUNT_TYPE"), QStringLiteral("real"));
    QVERIFY(!EnvironmentCredentialSource(kisEnv, test::schemasWithAccount(QStringLiteral("kis")))
                 .load(QStringLiteral("kis"), &kis));
    QCOMPARE(kis.accessKey, QStringLiteral("access"));
    QCOMPARE(kis.extras, (QHash<QString, QString>{{"account", "50012345-01"}, {"account_type", "real"}}));
    // Another venue of the same lookup takes no extras from the environment.
    Credentials upbit;
    QVERIFY(!EnvironmentCredentialSource(kisEnv, test::schemasWithAccount(QStringLiteral("kis")))
                 .load(QStringLiteral("upbit"), &upbit));
    QVERIFY(upbit.extras.isEmpty());

    CliArgs args;
    QVERIFY(!credentialSourceFor(args, env)->load(QStringLiteral("upbit"), &keys));
    // --profile selects the profile's key store instead (here: a data folder without that profile).
    QTemporaryDir data;
    QVERIFY(data.isValid());
    env.insert(QStringLiteral("HOGA_DATA_DIR"), data.path());
    env.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), QStringLiteral("password1"));
    args.profile = QStringLiteral("main");
    const std::optional<CliError> e = credentialSourceFor(args, env)->load(QStringLiteral("upbit"), &keys);
    QVERIFY(e);
    QCOMPARE(e->kind, QStringLiteral("not_found"));
    QCOMPARE(e->exitCode, int(ExitRefused));
    QVERIFY2(e->message.contains(QLatin1String("no profile named \"main\"")), qPrintable(e->message));
}

void TestCliApp::halfSetKeysAreUsageError() {
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOGA_API_KEY"), QStringLiteral("access"));
    const RunResult r = runCli(m_c.get(), QStringLiteral("--venue upbit markets"), env);
    QCOMPARE(r.exitCode, int(ExitUsage));
    QCOMPARE(r.kind(), QStringLiteral("usage"));
    QVERIFY(r.message().contains(QLatin1String("HOGA_API_SECRET")));
}

QTEST_GUILESS_MAIN(TestCliApp)
#include "tst_cli_app.moc"
