// The engine commands of the real hoga-cli binary on the simulated venue: a bot trades, resumes with its
// saved state and orders, honours a risk limit, stops with `bot stop` from another process, and the
// emergency stop leaves no open order and holds across runs until rearm.

#include "cli_process.h"
#include "core/decimal.h"
#include "session/profile_engine_types.h"
#include "storage/order_journal.h"
#include "storage/profile_database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga::test;

namespace {

QList<QJsonObject> records(const CliProcessRun& run) {
    QList<QJsonObject> list;
    for (const QByteArray& line : run.lines())
        list << QJsonDocument::fromJson(line).object();
    return list;
}

QList<QJsonObject> events(const CliProcessRun& run, const QString& kind) {
    QList<QJsonObject> list;
    for (const QJsonObject& r : records(run))
        if (r.value(QStringLiteral("event")).toString() == kind)
            list << r;
    return list;
}

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestCliBotE2e : public QObject {
    Q_OBJECT
private slots:
    void init();
    void dcaBotTradesAndResumes();
    void riskLimitRefusesAndIsKept();
    void gridBotStopsFromAnotherProcess();
    void emergencyStopHoldsUntilRearmed();
    void manualOrdersGoThroughTheJournal();
    void mlBotTradesOnASavedModel();
    void theProfilesAccountLimitsApply();
    void usageErrors();

private:
    CliProcessRun cli(const QStringList& arguments, int deadlineMs = 60'000);
    QProcessEnvironment env() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliBotE2e::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QProcessEnvironment TestCliBotE2e::env() const {
    QProcessEnvironment e = cliEnvironment();
    e.insert(QStringLiteral("HOGA_DATA_DIR"), m_dir->path());
    return e;
}

CliProcessRun TestCliBotE2e::cli(const QStringList& arguments, int deadlineMs) {
    return runHogaCli(
        QStringList{QStringLiteral("--sim-state"), m_dir->filePath(QStringLiteral("sim.jsonl"))} + arguments,
        env(), deadlineMs);
}

void TestCliBotE2e::dcaBotTradesAndResumes() {
    CliProcessRun run =
        cli({"--venue", "sim", "bot", "run", "--strategy", "dca", "--market", "KRW-BTC", "--param",
             "period=1s", "--param", "order_value=10000", "--id", "stack", "--for-seconds", "3"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(str(records(run).value(0), "event"), QStringLiteral("reconciled"));
    const QJsonObject started = events(run, QStringLiteral("bot")).value(0);
    QCOMPARE(str(started, "state"), QStringLiteral("running"));
    QCOMPARE(started.value(QStringLiteral("resumed")).toBool(), false);
    const auto fills = events(run, QStringLiteral("fill"));
    QVERIFY2(fills.size() >= 2, qPrintable(run.describe()));
    for (const QJsonObject& f : fills) {
        QCOMPARE(str(f, "bot"), QStringLiteral("stack"));
        QCOMPARE(str(f, "side"), QStringLiteral("buy"));
    }
    for (const QJsonObject& o : events(run, QStringLiteral("order"))) {
        QCOMPARE(str(o, "bot"), QStringLiteral("stack"));
        QVERIFY(!str(o, "journal_state").isEmpty());
        QVERIFY(!str(o, "client_id").isEmpty());
    }
    const QJsonObject finished = events(run, QStringLiteral("bot")).last();
    QCOMPARE(str(finished, "state"), QStringLiteral("stopped"));
    QVERIFY(str(finished, "position") != QStringLiteral("0"));

    // The journal has every order, with its bot and journal state.
    CliProcessRun journal = cli({"journal", "orders", "--bot", "stack"});
    QVERIFY2(journal.exitCode == 0, qPrintable(journal.describe()));
    QVERIFY(records(journal).size() >= fills.size());
    for (const QJsonObject& o : records(journal)) {
        QCOMPARE(str(o, "bot"), QStringLiteral("stack"));
        QVERIFY(o.contains(QStringLiteral("journal_state")));
    }

    // Resumed by its id alone: same parameters, position kept and grown.
    CliProcessRun again = cli({"--venue", "sim", "bot", "run", "--id", "stack", "--for-seconds", "2"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    const QJsonObject resumed = events(again, QStringLiteral("bot")).value(0);
    QCOMPARE(resumed.value(QStringLiteral("resumed")).toBool(), true);
    // At least what it held: an order still in flight when the first run ended is reconciled now, its fill
    // counted once.
    QVERIFY2(*hoga::Decimal::parse(str(resumed, "position")) >=
                 *hoga::Decimal::parse(str(finished, "position")),
             qPrintable(again.describe()));
    QCOMPARE(resumed.value(QStringLiteral("params")).toObject().value(QStringLiteral("period")).toString(),
             QStringLiteral("1s"));

    CliProcessRun list = cli({"bot", "list"});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    QCOMPARE(records(list).size(), 1);
    QCOMPARE(str(records(list).value(0), "bot"), QStringLiteral("stack"));
    QCOMPARE(records(list).value(0).value(QStringLiteral("active")).toBool(), false);
}

void TestCliBotE2e::riskLimitRefusesAndIsKept() {
    CliProcessRun run = cli({"--venue", "sim", "bot", "run", "--strategy", "dca", "--market", "KRW-BTC",
                             "--param", "period=1s", "--param", "order_value=10000", "--id", "capped",
                             "--max-order-value", "5000", "--for-seconds", "2"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(events(run, QStringLiteral("fill")).isEmpty());
    const auto refused = events(run, QStringLiteral("risk"));
    QVERIFY2(!refused.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(str(refused.first(), "reason").contains(QStringLiteral("5000")), qPrintable(run.describe()));

    // The limit is saved with the bot.
    CliProcessRun again = cli({"--venue", "sim", "bot", "run", "--id", "capped", "--for-seconds", "2"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QVERIFY(events(again, QStringLiteral("fill")).isEmpty());
    QVERIFY(!events(again, QStringLiteral("risk")).isEmpty());
}

void TestCliBotE2e::gridBotStopsFromAnotherProcess() {
    // The grid rests buy orders below the market; `bot stop` from a second process ends the run and cancels
    // them.
    QProcess bot;
    bot.setProcessEnvironment(env());
    bot.start(QStringLiteral(HOGA_CLI_PATH), {"--sim-state",   m_dir->filePath(QStringLiteral("sim.jsonl")),
                                              "--venue",       "sim",
                                              "bot",           "run",
                                              "--strategy",    "grid",
                                              "--market",      "KRW-BTC",
                                              "--param",       "lower=100000000",
                                              "--param",       "upper=120000000",
                                              "--param",       "levels=3",
                                              "--param",       "qty_per_level=0.001",
                                              "--id",          "ladder",
                                              "--for-seconds", "60"});
    QVERIFY(bot.waitForStarted(10'000));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += bot.readAllStandardOutput()).count("\"journal_state\":\"open\"") >= 2,
                             30'000);

    CliProcessRun stop = cli({"bot", "stop", "--id", "ladder"});
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
    QCOMPARE(str(records(stop).value(0), "state"), QStringLiteral("stopped"));
    const bool ended = bot.state() == QProcess::NotRunning || bot.waitForFinished(30'000);
    out += bot.readAllStandardOutput();
    QVERIFY2(ended, (out + bot.readAllStandardError()).constData());
    QCOMPARE(bot.exitCode(), 0);
    QVERIFY2(out.contains("\"journal_state\":\"cancelled\""), out.constData());

    CliProcessRun open = cli({"--venue", "sim", "orders", "open"});
    QVERIFY2(open.exitCode == 0, qPrintable(open.describe()));
    QVERIFY2(open.lines().isEmpty(), qPrintable(open.describe()));
}

void TestCliBotE2e::emergencyStopHoldsUntilRearmed() {
    CliProcessRun grid = cli({"--venue",       "sim",
                              "bot",           "run",
                              "--strategy",    "grid",
                              "--market",      "KRW-BTC",
                              "--param",       "lower=100000000",
                              "--param",       "upper=120000000",
                              "--param",       "levels=3",
                              "--param",       "qty_per_level=0.001",
                              "--id",          "resting",
                              "--for-seconds", "2"});
    QVERIFY2(grid.exitCode == 0, qPrintable(grid.describe()));
    CliProcessRun manual = cli({"--venue", "sim", "order", "create", "KRW-ETH", "--side", "buy", "--type",
                                "limit", "--price", "1000000", "--qty", "0.01"});
    QVERIFY2(manual.exitCode == 0, qPrintable(manual.describe()));
    QVERIFY(cli({"--venue", "sim", "orders", "open"}).lines().size() >= 3);

    CliProcessRun stop = cli({"--venue", "sim", "emergency-stop", "--reason", "test"});
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
    const QJsonObject report = records(stop).value(0);
    QCOMPARE(str(report, "event"), QStringLiteral("emergency_stop"));
    QVERIFY(report.value(QStringLiteral("cancel_requested")).toInt() >= 3);
    QCOMPARE(report.value(QStringLiteral("cancel_confirmed")).toInt(),
             report.value(QStringLiteral("cancel_requested")).toInt());
    QVERIFY(report.value(QStringLiteral("still_open")).toArray().isEmpty());
    QVERIFY2(cli({"--venue", "sim", "orders", "open"}).lines().isEmpty(), "orders left open");

    // Halted across runs until rearm.
    CliProcessRun blocked = cli({"--venue", "sim", "bot", "run", "--id", "resting", "--for-seconds", "1"});
    QCOMPARE(blocked.exitCode, 3);
    QCOMPARE(blocked.errorKind(), QStringLiteral("halted"));
    CliProcessRun rearm = cli({"rearm"});
    QVERIFY2(rearm.exitCode == 0, qPrintable(rearm.describe()));
    CliProcessRun again = cli({"--venue", "sim", "bot", "run", "--id", "resting", "--for-seconds", "1"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
}

// `order create` and `order cancel` are engine clients too: journaled with the tag "cli", cancelled through
// the engine (the journal follows the cancel), and refused while the emergency stop holds.
void TestCliBotE2e::manualOrdersGoThroughTheJournal() {
    const QStringList buy{"--venue", "sim",   "order",   "create",   "KRW-BTC", "--side", "buy",
                          "--type",  "limit", "--price", "50000000", "--qty",   "0.001",  "--client-id"};
    CliProcessRun placed = cli(buy + QStringList{"manual-1"});
    QVERIFY2(placed.exitCode == 0, qPrintable(placed.describe()));
    QCOMPARE(str(records(placed).value(0), "client_id"), QStringLiteral("manual-1"));
    QCOMPARE(str(records(placed).value(0), "state"), QStringLiteral("open"));
    const QString venueId = str(records(placed).value(0), "id");
    QVERIFY(!venueId.isEmpty());

    CliProcessRun journal = cli({"journal", "orders"});
    QVERIFY2(journal.exitCode == 0, qPrintable(journal.describe()));
    QCOMPARE(records(journal).size(), 1);
    QCOMPARE(str(records(journal).value(0), "client_id"), QStringLiteral("manual-1"));
    QCOMPARE(str(records(journal).value(0), "tag"), QStringLiteral("cli"));
    QCOMPARE(str(records(journal).value(0), "journal_state"), QStringLiteral("open"));

    // Cancelled by the venue's id through the engine, which records it.
    CliProcessRun cancelled = cli({"--venue", "sim", "order", "cancel", "--id", venueId});
    QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.describe()));
    QCOMPARE(str(records(cancelled).value(0), "client_id"), QStringLiteral("manual-1"));
    journal = cli({"journal", "orders"});
    QCOMPARE(str(records(journal).value(0), "journal_state"), QStringLiteral("cancelled"));

    // Halted: nothing leaves, and the journal gets no new order.
    CliProcessRun stop = cli({"--venue", "sim", "emergency-stop"});
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
    CliProcessRun refused = cli(buy + QStringList{"manual-2"});
    QCOMPARE(refused.exitCode, 3);
    QCOMPARE(QJsonDocument::fromJson(refused.err)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("kind"))
                 .toString(),
             QStringLiteral("halted"));
    QCOMPARE(records(cli({"journal", "orders"})).size(), 1);
    QCOMPARE(cli({"rearm"}).exitCode, 0);
    CliProcessRun again = cli(buy + QStringList{"manual-3"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(records(cli({"journal", "orders"})).size(), 2);
}

// A model trained and saved by `ml train` runs live: the bot takes its kind, refuses a missing one.
void TestCliBotE2e::mlBotTradesOnASavedModel() {
    QByteArray csv = "open_time,open,high,low,close,volume\n";
    qint64 price = 100'000;
    for (int i = 0; i < 400; ++i) {
        const qint64 next = price + (i % 2 == 0 ? 300 : -200);
        csv += QByteArray::number(1'700'000'000'000 + qint64(i) * 60'000) + ',' + QByteArray::number(price) +
               ',' + QByteArray::number(std::max(price, next)) + ',' +
               QByteArray::number(std::min(price, next)) + ',' + QByteArray::number(next) + ",1\n";
        price = next;
    }
    QFile file(m_dir->filePath(QStringLiteral("candles.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    CliProcessRun trained = cli({"ml", "train", "--candles", file.fileName(), "--model", "linear", "--name",
                                 "zigzag", "--param", "train_window=200", "--param", "retrain_every=100"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.describe()));

    CliProcessRun run =
        cli({"--venue", "sim", "bot", "run", "--strategy", "ml_signal", "--market", "KRW-BTC", "--param",
             "model_name=zigzag", "--param", "order_value=10000", "--id", "ml", "--for-seconds", "1"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject started = events(run, QStringLiteral("bot")).value(0);
    QCOMPARE(started.value(QStringLiteral("params")).toObject().value(QStringLiteral("model")).toString(),
             QStringLiteral("linear"));

    CliProcessRun missing =
        cli({"--venue", "sim", "bot", "run", "--strategy", "ml_signal", "--market", "KRW-BTC", "--param",
             "model_name=nothing", "--id", "ml2", "--for-seconds", "1"});
    QCOMPARE(missing.exitCode, 2);
}

// The account's risk limits the app saves in the journal bind hoga-cli's orders too.
void TestCliBotE2e::theProfilesAccountLimitsApply() {
    {
        hoga::ProfileDatabase database(m_dir->filePath(QStringLiteral("hoga-cli.sqlite")));
        QCOMPARE(database.open(), hoga::ProfileDatabase::Status::Ok);
        hoga::OrderJournal journal(database);
        hoga::RiskLimits limits;
        limits.maxOrderValue = hoga::Decimal(1000);
        QVERIFY(journal.setAccountLimits(
            QString::fromUtf8(QJsonDocument(hoga::riskLimitsToJson(limits)).toJson(QJsonDocument::Compact)),
            0));
    }
    CliProcessRun refused =
        cli({"--venue", "sim", "order", "create", "KRW-BTC", "--side", "buy", "--type", "limit", "--price",
             "50000000", "--qty", "0.001", "--client-id", "limited-1"});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(QString::fromUtf8(refused.err).contains(QStringLiteral("1000")), qPrintable(refused.describe()));
    QVERIFY(records(cli({"journal", "orders"})).isEmpty());
}

void TestCliBotE2e::usageErrors() {
    QCOMPARE(cli({"--venue", "sim", "bot", "run", "--strategy", "nope", "--market", "KRW-BTC"}).errorKind(),
             QStringLiteral("usage"));
    CliProcessRun badParam = cli({"--venue", "sim", "bot", "run", "--strategy", "dca", "--market", "KRW-BTC",
                                  "--param", "period=soon", "--param", "order_value=10000"});
    QCOMPARE(badParam.exitCode, 2);
    QVERIFY2(badParam.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("period")),
             qPrintable(badParam.describe()));
    QCOMPARE(cli({"bot", "stop", "--id", "ghost"}).errorKind(), QStringLiteral("not_found"));
    QCOMPARE(cli({"bot", "run", "--strategy", "dca", "--market", "KRW-BTC"}).exitCode, 2); // no --venue
    QCOMPARE(cli({"journal", "orders", "--strategy", "dca"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliBotE2e)
#include "tst_cli_bot_e2e.moc"
