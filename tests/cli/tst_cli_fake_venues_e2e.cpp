// The real hoga-cli binary against loopback fakes of Upbit and Bithumb (--rest-url/--ws-url, keys in the
// environment): market data, balances, an order's life, and the errors a script must tell apart.

#include "cli/cli_args.h"
#include "cli_process.h"
#include "support/fake_venues/fake_venue_server.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace hoga;
using namespace hoga::test;

namespace {

const QString kAccess = QStringLiteral("cli-access-key");
const QByteArray kSecret = QByteArrayLiteral("cli-secret-key-raw-bytes");

QList<QJsonObject> records(const CliProcessRun& run) {
    QList<QJsonObject> list;
    for (const QByteArray& line : run.lines()) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject())
            QTest::qFail(qPrintable(QStringLiteral("not a JSON object: %1").arg(QString::fromUtf8(line))),
                         __FILE__, __LINE__);
        list << doc.object();
    }
    return list;
}

} // namespace

// One suite, run once per flavour (see main()).
class TestCliFakeVenues : public QObject {
    Q_OBJECT
public:
    explicit TestCliFakeVenues(FakeFlavor flavor)
        : m_flavor(flavor) {}

private slots:
    void init();
    void cleanup();

    void marketData();
    void balancesNeedGoodKeys();
    void orderCreateGetCancel();
    void localRejection();
    void lostOrderReplyIsLookedUp();
    void streamTicker();
    void unreachableVenueIsNetwork();

private:
    QString venue() const {
        return m_flavor == FakeFlavor::Upbit ? QStringLiteral("upbit") : QStringLiteral("bithumb");
    }
    // hoga-cli against the fake, with the good keys unless `env` says otherwise.
    CliProcessRun cli(const QString& command, const QProcessEnvironment& env = {});

    FakeFlavor m_flavor;
    std::unique_ptr<FakeVenueServer> m_server;
};

void TestCliFakeVenues::init() {
    m_server = std::make_unique<FakeVenueServer>(m_flavor, 11);
    QVERIFY(m_server->start());
    m_server->addKey(kAccess, kSecret);
    m_server->setBalance(QStringLiteral("KRW"), 10'000'000);
}

void TestCliFakeVenues::cleanup() {
    m_server.reset();
}

CliProcessRun TestCliFakeVenues::cli(const QString& command, const QProcessEnvironment& env) {
    QStringList args{QStringLiteral("--venue"),      venue(),
                     QStringLiteral("--rest-url"),   m_server->restUrl().toString(),
                     QStringLiteral("--ws-url"),     m_server->wsUrl().toString(),
                     QStringLiteral("--timeout-ms"), QStringLiteral("10000")};
    args << command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return runHogaCli(args, env.isEmpty() ? cliEnvironment(kAccess, QString::fromLatin1(kSecret)) : env);
}

void TestCliFakeVenues::marketData() {
    // Only --ws-url is given to the CLI: the private stream's address is derived the way the venue lays it
    // out.
    QCOMPARE(cli::CommandLine::derivedPrivateWsUrl(venue(), m_server->wsUrl()), m_server->privateWsUrl());

    CliProcessRun run = cli(QStringLiteral("markets"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QStringList codes;
    for (const QJsonObject& m : records(run)) {
        QCOMPARE(m.value(QStringLiteral("venue")).toString(), venue());
        codes << m.value(QStringLiteral("market")).toString();
    }
    QVERIFY2(codes.contains(QStringLiteral("KRW-BTC")) && codes.contains(QStringLiteral("KRW-ETH")),
             qPrintable(codes.join(QLatin1Char(' '))));

    run = cli(QStringLiteral("ticker KRW-BTC KRW-ETH"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto tickers = records(run);
    QCOMPARE(tickers.size(), 2);
    QCOMPARE(tickers[0].value(QStringLiteral("market")).toString(), QStringLiteral("KRW-BTC"));
    // Exactly the venue's value, in canonical text.
    QCOMPARE(tickers[0].value(QStringLiteral("last")).toString(),
             m_server->lastPrice(QStringLiteral("KRW-BTC")).toString());
    QCOMPARE(keysInOrder(run.lines().first()),
             (QStringList{"venue", "market", "last", "open", "high", "low", "change_rate", "volume_24h",
                          "quote_volume_24h", "timestamp"}));

    run = cli(QStringLiteral("orderbook KRW-BTC --depth 5"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject book = records(run).value(0);
    QCOMPARE(book.value(QStringLiteral("bids")).toArray().size(), 5);
    QCOMPARE(book.value(QStringLiteral("asks")).toArray().size(), 5);
    QCOMPARE(book.value(QStringLiteral("bids")).toArray()[0].toArray()[0].toString(),
             m_server->bestBid(QStringLiteral("KRW-BTC")).toString());
    QCOMPARE(book.value(QStringLiteral("asks")).toArray()[0].toArray()[0].toString(),
             m_server->bestAsk(QStringLiteral("KRW-BTC")).toString());

    run = cli(QStringLiteral("ticker KRW-NOPE"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
}

void TestCliFakeVenues::balancesNeedGoodKeys() {
    CliProcessRun run = cli(QStringLiteral("balances"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    bool sawKrw = false;
    for (const QJsonObject& b : records(run))
        if (b.value(QStringLiteral("currency")).toString() == QLatin1String("KRW")) {
            sawKrw = true;
            QCOMPARE(b.value(QStringLiteral("free")).toString(), QStringLiteral("10000000"));
        }
    QVERIFY(sawKrw);

    run =
        cli(QStringLiteral("balances"), cliEnvironment(QStringLiteral("not-a-key"), QStringLiteral("nope")));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.error().value(QStringLiteral("message")).toString().isEmpty());

    run = cli(QStringLiteral("balances"), cliEnvironment(kAccess, QStringLiteral("wrong-secret")));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));

    run = cli(QStringLiteral("balances"), cliEnvironment()); // no keys at all
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
    QVERIFY(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("HOGA_API_KEY")));
}

void TestCliFakeVenues::orderCreateGetCancel() {
    const QString market = QStringLiteral("KRW-BTC");
    const Decimal half = m_server->bestBid(market).divide(2, 0, Rounding::Down);
    const Decimal price = half.roundToStep(m_server->tickFor(market, half), Rounding::Down);

    CliProcessRun run = cli(QStringLiteral("order create KRW-BTC --side buy --type limit --qty 0.001 "
                                           "--client-id cli-fake-1 --price ") +
                            price.toString());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject created = records(run).value(0);
    QCOMPARE(keysInOrder(run.lines().first()),
             (QStringList{"venue", "id", "client_id", "market", "side", "type", "price", "qty", "total",
                          "filled_qty", "state", "created_at"}));
    const QString id = created.value(QStringLiteral("id")).toString();
    QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(created.value(QStringLiteral("price")).toString(), price.toString());
    QCOMPARE(m_server->orderCount(), 1);
    QCOMPARE(m_server->orders().value(0).id, id);

    run = cli(QStringLiteral("order get --client-id cli-fake-1"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).value(0).value(QStringLiteral("id")).toString(), id);
    QCOMPARE(records(run).value(0).value(QStringLiteral("state")).toString(), QStringLiteral("open"));

    run = cli(QStringLiteral("orders open"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 1);

    run = cli(QStringLiteral("order cancel --id ") + id);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).value(0).value(QStringLiteral("id")).toString(), id);

    run = cli(QStringLiteral("order get --id ") + id);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).value(0).value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));

    // A market buy by amount, with a generated client id the venue accepts.
    run = cli(QStringLiteral("order create KRW-BTC --side buy --type market --total 10000"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject bought = records(run).value(0);
    QVERIFY(!QUuid::fromString(bought.value(QStringLiteral("client_id")).toString()).isNull());
    QCOMPARE(bought.value(QStringLiteral("type")).toString(), QStringLiteral("market"));
    QCOMPARE(m_server->orderCount(), 2);

    run = cli(QStringLiteral("order get --id 00000000-0000-4000-8000-000000000000"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
}

void TestCliFakeVenues::localRejection() {
    const CliProcessRun run =
        cli(QStringLiteral("order create KRW-BTC --side buy --type limit --price 100000001 --qty 0.001"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("invalid_order"));
    QCOMPARE(m_server->orderCount(), 0); // never sent
}

// The venue takes the order, then the connection closes before any answer: hoga-cli looks the order up by
// its client id (once) and prints it; the order exists once and its request arrived once.
void TestCliFakeVenues::lostOrderReplyIsLookedUp() {
    m_server->acceptNextOrderThenTimeOut(true);
    const QString market = QStringLiteral("KRW-BTC");
    const Decimal half = m_server->bestBid(market).divide(2, 0, Rounding::Down);
    const Decimal price = half.roundToStep(m_server->tickFor(market, half), Rounding::Down);
    const CliProcessRun run = cli(QStringLiteral("order create KRW-BTC --side buy --type limit --qty 0.001 "
                                                 "--client-id cli-lost-1 --price ") +
                                  price.toString());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).value(0).value(QStringLiteral("client_id")).toString(),
             QStringLiteral("cli-lost-1"));
    QCOMPARE(records(run).value(0).value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(m_server->orderCount(), 1);
    int posts = 0;
    for (const FakeRequestLog& r : m_server->requests())
        if (r.method == "POST" && r.body.contains("cli-lost-1"))
            ++posts;
    QCOMPARE(posts, 1);
}

void TestCliFakeVenues::streamTicker() {
    QTimer market; // the fake's market moves only when stepped
    connect(&market, &QTimer::timeout, m_server.get(), &FakeVenueServer::step);
    market.start(50);
    const CliProcessRun run = cli(QStringLiteral("stream ticker KRW-BTC KRW-ETH --count 3"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QCOMPARE(list.size(), 3);
    for (const QJsonObject& t : list)
        QVERIFY(QStringList({"KRW-BTC", "KRW-ETH"}).contains(t.value(QStringLiteral("market")).toString()));
}

void TestCliFakeVenues::unreachableVenueIsNetwork() {
    QTcpServer probe; // a port that was free a moment ago and has nobody listening now
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const CliProcessRun run =
        runHogaCli({QStringLiteral("--venue"), venue(), QStringLiteral("--rest-url"),
                    QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--timeout-ms"),
                    QStringLiteral("3000"), QStringLiteral("markets")});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errorKind(), QStringLiteral("network"));
    QVERIFY(run.out.isEmpty());
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (FakeFlavor flavor : {FakeFlavor::Upbit, FakeFlavor::Bithumb}) {
        TestCliFakeVenues suite(flavor);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}

#include "tst_cli_fake_venues_e2e.moc"
