// Crash tests of the trading engine: a real hoga-cli process runs a bot against the loopback fake Upbit and
// is killed with SIGKILL at every step of an order's life (HOGA_TEST_CRASH_AT inside the process, or from
// outside while the venue holds the order's answer). After each restart the journal and the venue agree:
// no order lost, none doubled, every fill counted once. The chain runs every step twice on one journal, so
// later crashes also meet the leftovers of earlier ones.

#include "cli_process.h"

#include "core/decimal.h"
#include "storage/order_journal.h"
#include "support/fake_venues/fake_venue_server.h"
#include "trading/engine/trading_engine.h"
#include "venues/connector_host.h"
#include "venues/venue_factory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

const QString kAccess = QStringLiteral("crash-access-key");
const QByteArray kSecret = QByteArrayLiteral("crash-secret-key-raw-bytes");

} // namespace

class TestCliBotCrash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedAtEveryStep_data();
    void killedAtEveryStep();
    void dailyLossLimitHaltsTheBot();
    void emergencyStopLeavesNothingOpenAtTheVenue();

private:
    QStringList venueArgs() const;
    QProcessEnvironment env(const QString& crashAt = {}) const;
    QStringList botArgs(bool grid) const;
    // Starts a bot run; the caller waits for it to end.
    void startBot(QProcess& process, bool grid, const QString& crashAt);
    void waitForCrash(QProcess& process);
    void restartAndCheck(bool grid);
    void verifyJournalMatchesVenue();

    std::unique_ptr<FakeVenueServer> m_venue;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_gridRound = 0;
};

void TestCliBotCrash::initTestCase() {
    m_venue = std::make_unique<FakeVenueServer>(FakeFlavor::Upbit, 8);
    QVERIFY(m_venue->start());
    m_venue->addKey(kAccess, kSecret);
    m_venue->setBalance(QStringLiteral("KRW"), Decimal::fromString("50000000"));
    m_venue->setAutoStepIntervalMs(100);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (qEnvironmentVariableIsSet("HOGA_TEST_KEEP_DIR")) {
        m_dir->setAutoRemove(false);
        qInfo("journal folder %s", qPrintable(m_dir->path()));
    }
}

void TestCliBotCrash::cleanupTestCase() {
    m_venue.reset();
}

QStringList TestCliBotCrash::venueArgs() const {
    return {QStringLiteral("--venue"),      QStringLiteral("upbit"),    QStringLiteral("--rest-url"),
            m_venue->restUrl().toString(),  QStringLiteral("--ws-url"), m_venue->wsUrl().toString(),
            QStringLiteral("--timeout-ms"), QStringLiteral("5000")};
}

QProcessEnvironment TestCliBotCrash::env(const QString& crashAt) const {
    QProcessEnvironment e = cliEnvironment(kAccess, QString::fromLatin1(kSecret));
    e.insert(QStringLiteral("HOGA_DATA_DIR"), m_dir->path());
    if (!crashAt.isEmpty())
        e.insert(QStringLiteral("HOGA_TEST_CRASH_AT"), crashAt);
    return e;
}

QStringList TestCliBotCrash::botArgs(bool grid) const {
    if (!grid)
        return {"bot",       "run",     "--strategy",        "dca",  "--market", "KRW-BTC", "--param",
                "period=1s", "--param", "order_value=10000", "--id", "crash-dca"};
    // Resting buys well below the market, so there is something to cancel.
    const Decimal last = m_venue->lastPrice(QStringLiteral("KRW-BTC"));
    const Decimal tick = m_venue->tickFor(QStringLiteral("KRW-BTC"), last);
    auto onTick = [&](const char* factor) {
        return (last * Decimal::fromString(factor)).roundToStep(tick, Rounding::Down);
    };
    return {"bot",        "run",
            "--strategy", "grid",
            "--market",   "KRW-BTC",
            "--param",    QStringLiteral("lower=") + onTick("0.8").toString(),
            "--param",    QStringLiteral("upper=") + onTick("0.9").toString(),
            "--param",    "levels=3",
            "--param",    "qty_per_level=0.001",
            "--id",       QStringLiteral("crash-grid-%1").arg(m_gridRound)};
}

void TestCliBotCrash::startBot(QProcess& process, bool grid, const QString& crashAt) {
    process.setProcessEnvironment(env(crashAt));
    process.start(QStringLiteral(HOGA_CLI_PATH),
                  venueArgs() + botArgs(grid) +
                      QStringList{QStringLiteral("--for-seconds"), QStringLiteral("60")});
    QVERIFY(process.waitForStarted(10'000));
}

void TestCliBotCrash::waitForCrash(QProcess& process) {
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 30'000);
    QVERIFY2(process.exitStatus() == QProcess::CrashExit,
             (process.readAllStandardOutput() + process.readAllStandardError()).constData());
}

void TestCliBotCrash::restartAndCheck(bool grid) {
    // The restart reconciles before anything else and trades on, sending nothing twice.
    const CliProcessRun run = runHogaCli(
        venueArgs() + botArgs(grid) + QStringList{QStringLiteral("--for-seconds"), QStringLiteral("2")},
        env(), 60'000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(QJsonDocument::fromJson(run.lines().value(0)).object().value(QStringLiteral("event")).toString(),
             QStringLiteral("reconciled"));
    verifyJournalMatchesVenue();
}

void TestCliBotCrash::verifyJournalMatchesVenue() {
    // One more restart, in process: reconcile, then compare the journal with what the venue holds.
    TradingEngine engine(QDir(m_dir->path()).filePath(QStringLiteral("hoga-cli.sqlite")),
                         SystemClock::instance());
    QVERIFY(engine.open());
    VenueConfig config;
    config.venue = QStringLiteral("upbit");
    config.endpoints.restUrl = m_venue->restUrl();
    config.endpoints.wsUrl = m_venue->wsUrl();
    config.endpoints.privateWsUrl = m_venue->privateWsUrl();
    config.credentials.accessKey = kAccess;
    config.credentials.secretKey = kSecret;
    ConnectorHost host(createConnector(config));
    QSignalSpy reconciled(&engine, &TradingEngine::reconciled);
    QSignalSpy failed(&engine, &TradingEngine::reconcileFailed);
    engine.addConnector(host.connector());
    QTRY_VERIFY_WITH_TIMEOUT(reconciled.size() + failed.size() > 0, 20'000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));

    const QVector<JournalOrder> journal = engine.journal()->orders();
    QHash<QString, JournalOrder> byClientId;
    for (const JournalOrder& j : journal) {
        QVERIFY2(!byClientId.contains(j.order.clientId), qPrintable(j.order.clientId));
        byClientId.insert(j.order.clientId, j);
        QVERIFY2(j.state != JournalState::Pending && j.state != JournalState::Submitted &&
                     j.state != JournalState::External,
                 qPrintable(j.order.clientId + QLatin1Char(' ') + journalStateName(j.state)));
    }
    int atVenue = 0;
    QSet<QString> venueClientIds;
    for (const Order& v : m_venue->orders()) {
        ++atVenue;
        // Not lost: every order the venue has is in the journal, under its client id and venue id.
        QVERIFY2(byClientId.contains(v.clientId),
                 qPrintable(QStringLiteral("venue order unknown to the journal: ") + v.id + QLatin1Char(' ') +
                            v.clientId));
        QVERIFY2(!venueClientIds.contains(v.clientId), qPrintable(v.clientId)); // never sent twice
        venueClientIds.insert(v.clientId);
        const JournalOrder& j = byClientId[v.clientId];
        QCOMPARE(j.order.id, v.id);
        QVERIFY2(j.state != JournalState::NeverSent, qPrintable(v.clientId));
        // Every fill counted once.
        Decimal filled;
        for (const Fill& f : engine.journal()->fills(v.clientId))
            filled += f.qty;
        QVERIFY2(filled == v.filledQty,
                 qPrintable(QStringLiteral("%1: journal fills %2, venue filled %3")
                                .arg(v.clientId, filled.toString(), v.filledQty.toString())));
    }
    // Nothing in the journal claims to be at the venue when it is not.
    for (const JournalOrder& j : journal)
        if (j.state != JournalState::NeverSent && j.state != JournalState::Rejected)
            QVERIFY2(venueClientIds.contains(j.order.clientId), qPrintable(j.order.clientId));
    qInfo("venue orders %d, journal orders %d", atVenue, int(journal.size()));
    engine.removeConnector(QStringLiteral("upbit"));
}

void TestCliBotCrash::killedAtEveryStep_data() {
    QTest::addColumn<QString>("step");
    for (int round = 1; round <= 2; ++round) {
        for (const char* step : {"before_journal", "after_journal", "after_request", "held_answer",
                                 "after_answer", "during_cancel"})
            QTest::addRow("%s-%d", step, round) << QString::fromLatin1(step);
    }
}

void TestCliBotCrash::killedAtEveryStep() {
    QFETCH(QString, step);
    QProcess bot;
    if (step == QLatin1String("held_answer")) {
        // The venue executes the order but holds its answer; the process is killed from outside meanwhile.
        m_venue->acceptNextOrderThenTimeOut(false);
        const int before = m_venue->orderCount();
        startBot(bot, false, {});
        QTRY_VERIFY_WITH_TIMEOUT(m_venue->orderCount() > before, 30'000);
        bot.kill(); // SIGKILL
        waitForCrash(bot);
        restartAndCheck(false);
        return;
    }
    if (step == QLatin1String("during_cancel")) {
        ++m_gridRound; // a fresh grid each time, so it has orders to cancel
        startBot(bot, true, step);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += bot.readAllStandardOutput()).count("\"journal_state\":\"open\"") >= 2, 30'000);
        // bot stop asks the run to cancel its orders: it dies with a cancel journaled and sent.
        const CliProcessRun stop = runHogaCli(
            {"bot", "stop", "--id", QStringLiteral("crash-grid-%1").arg(m_gridRound)}, env(), 60'000);
        QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
        waitForCrash(bot);
        restartAndCheck(true);
        return;
    }
    startBot(bot, false, step);
    waitForCrash(bot);
    restartAndCheck(false);
}

void TestCliBotCrash::dailyLossLimitHaltsTheBot() {
    // A loss limit below the fees of one buy: the first fill breaks it, the bot halts and stays halted.
    const CliProcessRun run =
        runHogaCli(venueArgs() + QStringList{"bot", "run", "--strategy", "dca", "--market", "KRW-BTC",
                                             "--param", "period=1s", "--param", "order_value=10000", "--id",
                                             "loser", "--daily-loss-limit", "0.001", "--for-seconds", "20"},
                   env(), 60'000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("\"event\":\"halt\""), qPrintable(run.describe()));
    QVERIFY2(run.out.contains("\"state\":\"halted\""), qPrintable(run.describe()));
    const CliProcessRun again = runHogaCli(
        venueArgs() + QStringList{"bot", "run", "--id", "loser", "--for-seconds", "1"}, env(), 60'000);
    QCOMPARE(again.exitCode, 3);
    QCOMPARE(again.errorKind(), QStringLiteral("halted"));
}

void TestCliBotCrash::emergencyStopLeavesNothingOpenAtTheVenue() {
    ++m_gridRound;
    const CliProcessRun grid =
        runHogaCli(venueArgs() + botArgs(true) + QStringList{"--for-seconds", "2"}, env(), 60'000);
    QVERIFY2(grid.exitCode == 0, qPrintable(grid.describe()));
    auto openAtVenue = [this] {
        int open = 0;
        for (const Order& o : m_venue->orders())
            open += isTerminal(o.state) ? 0 : 1;
        return open;
    };
    QVERIFY(openAtVenue() >= 2);
    const CliProcessRun stop = runHogaCli(venueArgs() + QStringList{"emergency-stop"}, env(), 60'000);
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
    QCOMPARE(openAtVenue(), 0); // checked on the venue's side
    const CliProcessRun blocked =
        runHogaCli(venueArgs() + botArgs(true) + QStringList{"--for-seconds", "1"}, env(), 60'000);
    QCOMPARE(blocked.errorKind(), QStringLiteral("halted"));
    QCOMPARE(runHogaCli({"rearm"}, env()).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliBotCrash)
#include "tst_cli_bot_crash.moc"
