// The real hoga-cli binary against the simulated venue: every command, its records' keys in order, exact
// decimal text, exit codes, and paper orders that persist from one run to the next.

#include "cli_process.h"
#include "core/decimal.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace hoga;
using namespace hoga::test;

namespace {

const QStringList kMarketKeys{"venue", "market", "base", "quote", "name"};
const QStringList kTickerKeys{
    "venue",      "market",           "last",     "open", "high", "low", "change_rate",
    "volume_24h", "quote_volume_24h", "timestamp"};
const QStringList kBookKeys{"venue", "market", "timestamp", "bids", "asks"};
const QStringList kCandleKeys{"venue", "market", "open_time", "open", "high", "low", "close", "volume"};
const QStringList kTradeKeys{"venue", "market", "id", "price", "qty", "side", "timestamp"};
const QStringList kBalanceKeys{"venue", "currency", "free", "locked", "avg_buy_price"};
const QStringList kOrderKeys{"venue", "id",  "client_id", "market",     "side",  "type",
                             "price", "qty", "total",     "filled_qty", "state", "created_at"};

Decimal dec(const QJsonValue& v) {
    return Decimal::parse(v.toString()).value_or(Decimal(-1));
}

} // namespace

class TestCliSimE2e : public QObject {
    Q_OBJECT
private slots:
    void init();

    void markets();
    void tickerOfTwoMarkets();
    void orderBookDepth();
    void candlesCountAndTo();
    void trades();
    void balances();
    void limitOrderCreateGetCancel();
    void marketOrderFills();
    void localRejectionBeforeTheVenue();
    void streamTicker();
    void streamTradeAndOrderBook();
    void errors();
    void abandonedStateLockIsTakenOver();
    void hugeStepIsRejectedAtOnce();
    void longReplayStopsAtTheTimeout();

private:
    // Runs hoga-cli --venue sim with this test's own paper account, then checks that every stdout line is a
    // JSON object with exactly `keys` in that order and canonical decimal strings.
    CliProcessRun sim(const QString& command, const QStringList& keys = {});
    QList<QJsonObject> records(const CliProcessRun& run) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliSimE2e::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

CliProcessRun TestCliSimE2e::sim(const QString& command, const QStringList& keys) {
    QStringList args{QStringLiteral("--venue"), QStringLiteral("sim"), QStringLiteral("--sim-state"),
                     m_dir->filePath(QStringLiteral("paper.jsonl"))};
    args << command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    CliProcessRun run = runHogaCli(args);
    if (!keys.isEmpty()) {
        for (const QByteArray& line : run.lines()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (!doc.isObject())
                QTest::qFail(qPrintable(QStringLiteral("not a JSON object: %1").arg(QString::fromUtf8(line))),
                             __FILE__, __LINE__);
            if (keysInOrder(line) != keys)
                QTest::qFail(qPrintable(QStringLiteral("keys of %1").arg(QString::fromUtf8(line))), __FILE__,
                             __LINE__);
            const QJsonObject o = doc.object();
            for (const QString& key : o.keys()) {
                const QJsonValue v = o.value(key);
                // Every number-like field but times and ids is a canonical decimal string.
                if (v.isString() &&
                    !QStringList{"venue", "market", "base", "quote", "name", "id", "client_id", "side",
                                 "type", "state", "currency"}
                         .contains(key) &&
                    !isCanonicalDecimal(v.toString()))
                    QTest::qFail(
                        qPrintable(
                            QStringLiteral("%1 is not canonical in %2").arg(key, QString::fromUtf8(line))),
                        __FILE__, __LINE__);
                if ((key == QLatin1String("timestamp") || key == QLatin1String("open_time") ||
                     key == QLatin1String("created_at")) &&
                    !v.isDouble())
                    QTest::qFail(
                        qPrintable(
                            QStringLiteral("%1 is not an integer in %2").arg(key, QString::fromUtf8(line))),
                        __FILE__, __LINE__);
            }
        }
    }
    return run;
}

QList<QJsonObject> TestCliSimE2e::records(const CliProcessRun& run) const {
    QList<QJsonObject> list;
    for (const QByteArray& line : run.lines())
        list << QJsonDocument::fromJson(line).object();
    return list;
}

void TestCliSimE2e::markets() {
    const CliProcessRun run = sim(QStringLiteral("markets"), kMarketKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.err.isEmpty());
    const auto list = records(run);
    QVERIFY(list.size() >= 6);
    QCOMPARE(list.first().value(QStringLiteral("venue")).toString(), QStringLiteral("sim"));
    QVERIFY(std::any_of(list.begin(), list.end(), [](const QJsonObject& m) {
        return m.value(QStringLiteral("market")).toString() == QLatin1String("KRW-BTC") &&
               m.value(QStringLiteral("base")).toString() == QLatin1String("BTC") &&
               m.value(QStringLiteral("quote")).toString() == QLatin1String("KRW");
    }));
}

void TestCliSimE2e::tickerOfTwoMarkets() {
    const CliProcessRun run = sim(QStringLiteral("ticker KRW-BTC KRW-ETH"), kTickerKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].value(QStringLiteral("market")).toString(), QStringLiteral("KRW-BTC"));
    QCOMPARE(list[1].value(QStringLiteral("market")).toString(), QStringLiteral("KRW-ETH"));
    for (const QJsonObject& t : list) {
        QVERIFY(dec(t.value(QStringLiteral("last"))).isPositive());
        QVERIFY(dec(t.value(QStringLiteral("high"))) >= dec(t.value(QStringLiteral("low"))));
    }
}

void TestCliSimE2e::orderBookDepth() {
    const CliProcessRun run = sim(QStringLiteral("orderbook KRW-BTC --depth 5"), kBookKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QCOMPARE(list.size(), 1);
    const QJsonArray bids = list[0].value(QStringLiteral("bids")).toArray();
    const QJsonArray asks = list[0].value(QStringLiteral("asks")).toArray();
    QCOMPARE(bids.size(), 5);
    QCOMPARE(asks.size(), 5);
    for (int i = 0; i < 5; ++i) {
        for (const QJsonArray& side : {bids, asks}) {
            const QJsonArray level = side[i].toArray();
            QCOMPARE(level.size(), 2);
            QVERIFY(isCanonicalDecimal(level[0].toString()));
            QVERIFY(isCanonicalDecimal(level[1].toString()));
        }
        if (i > 0) { // best first
            QVERIFY(dec(bids[i].toArray()[0]) < dec(bids[i - 1].toArray()[0]));
            QVERIFY(dec(asks[i].toArray()[0]) > dec(asks[i - 1].toArray()[0]));
        }
    }
    QVERIFY(dec(bids[0].toArray()[0]) < dec(asks[0].toArray()[0]));
}

void TestCliSimE2e::candlesCountAndTo() {
    CliProcessRun run = sim(QStringLiteral("candles KRW-BTC --interval 1m --count 5"), kCandleKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    auto list = records(run);
    QCOMPARE(list.size(), 5);
    for (int i = 1; i < list.size(); ++i) // oldest first, one minute apart at most... or more if quiet
        QVERIFY(list[i].value(QStringLiteral("open_time")).toInteger() >
                list[i - 1].value(QStringLiteral("open_time")).toInteger());

    const qint64 to = (QDateTime::currentMSecsSinceEpoch() / 60'000 - 90) * 60'000; // 90 minutes ago
    const QString iso = QDateTime::fromMSecsSinceEpoch(to, Qt::UTC).toString(Qt::ISODate);
    run = sim(QStringLiteral("candles KRW-BTC --interval 1m --count 3 --to ") + iso, kCandleKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    list = records(run);
    QCOMPARE(list.size(), 3);
    QVERIFY(list.last().value(QStringLiteral("open_time")).toInteger() < to);
    QVERIFY(list.last().value(QStringLiteral("open_time")).toInteger() >= to - 3 * 60'000);
}

void TestCliSimE2e::trades() {
    const CliProcessRun run = sim(QStringLiteral("trades KRW-BTC --count 5"), kTradeKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QCOMPARE(list.size(), 5);
    for (int i = 0; i < list.size(); ++i) {
        QVERIFY(QStringList({"buy", "sell"}).contains(list[i].value(QStringLiteral("side")).toString()));
        if (i > 0) // newest first
            QVERIFY(list[i].value(QStringLiteral("timestamp")).toInteger() <=
                    list[i - 1].value(QStringLiteral("timestamp")).toInteger());
    }
}

void TestCliSimE2e::balances() {
    const CliProcessRun run = sim(QStringLiteral("balances"), kBalanceKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QVERIFY(std::any_of(list.begin(), list.end(), [](const QJsonObject& b) {
        return b.value(QStringLiteral("currency")).toString() == QLatin1String("KRW") &&
               dec(b.value(QStringLiteral("free"))).isPositive();
    }));
}

void TestCliSimE2e::limitOrderCreateGetCancel() {
    CliProcessRun run = sim(QStringLiteral("orders open"), kOrderKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());

    // Half the last price, on the 1,000 KRW tick: far from the market, so it rests.
    run = sim(QStringLiteral("ticker KRW-BTC"));
    const Decimal last = dec(records(run).value(0).value(QStringLiteral("last")));
    QVERIFY(last > Decimal(10'000'000));
    const Decimal price = last.divide(2, 0, Rounding::Down).roundToStep(1000, Rounding::Down);

    run = sim(QStringLiteral(
                  "order create KRW-BTC --side buy --type limit --qty 0.001 --client-id e2e-1 --price ") +
                  price.toString(),
              kOrderKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject created = records(run).value(0);
    const QString id = created.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.value(QStringLiteral("client_id")).toString(), QStringLiteral("e2e-1"));
    QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(created.value(QStringLiteral("price")).toString(), price.toString());
    QCOMPARE(created.value(QStringLiteral("qty")).toString(), QStringLiteral("0.001"));

    // Another run: the paper order is still there, exactly as created.
    run = sim(QStringLiteral("order get --client-id e2e-1"), kOrderKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).value(0), created);

    run = sim(QStringLiteral("orders open KRW-BTC"), kOrderKeys);
    QCOMPARE(records(run).size(), 1);
    QCOMPARE(records(run).value(0).value(QStringLiteral("id")).toString(), id);

    // The simulated venue has no modify: a typed refusal, nothing changes.
    run = sim(QStringLiteral("order modify %1 --market KRW-BTC --price 50000000").arg(id), kOrderKeys);
    QVERIFY(run.exitCode != 0);
    QCOMPARE(run.errorKind(), QStringLiteral("invalid_order"));
    QVERIFY2(run.err.contains("cannot modify orders") || run.out.contains("cannot modify orders"),
             qPrintable(run.describe()));

    run = sim(QStringLiteral("order cancel --id ") + id, kOrderKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).value(0).value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));

    run = sim(QStringLiteral("order get --id ") + id, kOrderKeys);
    QCOMPARE(records(run).value(0).value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    run = sim(QStringLiteral("orders open"));
    QVERIFY(run.out.isEmpty());

    // Cancelling twice: the venue refuses.
    run = sim(QStringLiteral("order cancel --id ") + id);
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
}

void TestCliSimE2e::marketOrderFills() {
    CliProcessRun run =
        sim(QStringLiteral("order create KRW-BTC --side buy --type market --total 100000"), kOrderKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject order = records(run).value(0);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("filled"));
    QCOMPARE(order.value(QStringLiteral("type")).toString(), QStringLiteral("market"));
    QCOMPARE(order.value(QStringLiteral("total")).toString(), QStringLiteral("100000"));
    const Decimal filled = dec(order.value(QStringLiteral("filled_qty")));
    QVERIFY(filled.isPositive());
    QVERIFY(!QUuid::fromString(order.value(QStringLiteral("client_id")).toString()).isNull()); // generated

    // The fill is in the account on the next run.
    run = sim(QStringLiteral("balances"), kBalanceKeys);
    for (const QJsonObject& b : records(run))
        if (b.value(QStringLiteral("currency")).toString() == QLatin1String("BTC"))
            QCOMPARE(dec(b.value(QStringLiteral("free"))), Decimal::fromString("0.05") + filled);
    run = sim(QStringLiteral("order get --id ") + order.value(QStringLiteral("id")).toString());
    QCOMPARE(records(run).value(0), order);
}

void TestCliSimE2e::localRejectionBeforeTheVenue() {
    const CliProcessRun run =
        sim(QStringLiteral("order create KRW-BTC --side buy --type limit --price 100000001 --qty 0.001"));
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.errorKind(), QStringLiteral("invalid_order"));
    QVERIFY(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("tick")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("paper.jsonl")))); // nothing was placed
}

void TestCliSimE2e::streamTicker() {
    const CliProcessRun run = sim(QStringLiteral("stream ticker KRW-BTC --count 3"), kTickerKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QCOMPARE(list.size(), 3);
    for (const QJsonObject& t : list)
        QCOMPARE(t.value(QStringLiteral("market")).toString(), QStringLiteral("KRW-BTC"));
}

void TestCliSimE2e::streamTradeAndOrderBook() {
    CliProcessRun run = sim(QStringLiteral("stream trade KRW-BTC KRW-ETH --count 4"), kTradeKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines().size(), 4);
    run = sim(QStringLiteral("stream orderbook KRW-ETH --count 2 --depth 3"), kBookKeys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const auto list = records(run);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[1].value(QStringLiteral("bids")).toArray().size(), 3);
}

void TestCliSimE2e::errors() {
    CliProcessRun run = sim(QStringLiteral("ticker KRW-NOPE"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
    QVERIFY(run.out.isEmpty());

    run = sim(QStringLiteral("order get --client-id never-made"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));

    run = sim(QStringLiteral("stream ticker KRW-NOPE --count 1"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));

    run = sim(QStringLiteral("candles KRW-BTC --interval 7m"));
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorKind(), QStringLiteral("usage"));
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.out.isEmpty());

    run = runHogaCli({QStringLiteral("markets")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorKind(), QStringLiteral("usage"));

    // A stream that cannot deliver in time ends with a network error.
    run = sim(QStringLiteral("--timeout-ms 300 stream trade KRW-BTC --count 100000"));
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.errorKind(), QStringLiteral("network"));
}

void TestCliSimE2e::abandonedStateLockIsTakenOver() {
    // A run killed between creating the state's lock file and writing its PID leaves it empty; a damaged
    // one holds garbage. Either, once older than the grace period, must not lock the paper account out.
    const QString lockPath = m_dir->filePath(QStringLiteral("paper.jsonl.lock"));
    for (const QByteArray& contents : {QByteArray(), QByteArray("garbage\x01\n")}) {
        QFile file(lockPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(contents), contents.size());
        QVERIFY(file.flush());
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60),
                                 QFileDevice::FileModificationTime));
        file.close();
        const CliProcessRun run = sim(QStringLiteral("--timeout-ms 5000 balances"), kBalanceKeys);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(!run.lines().isEmpty());
        QVERIFY(!QFile::exists(lockPath)); // taken, then released after reading
    }
}

namespace {

QByteArray journalLine(quint64 step, qint64 timeMs, const char* clientId) {
    return QStringLiteral(R"({"v":1,"op":"create","step":%1,"time":%2,"market":"KRW-BTC","side":"buy",)"
                          R"("type":"limit","price":"10000","qty":"1","total":"0","client_id":"%3"})")
               .arg(step)
               .arg(timeMs)
               .arg(QLatin1String(clientId))
               .toUtf8() +
           '\n';
}

} // namespace

void TestCliSimE2e::hugeStepIsRejectedAtOnce() {
    // Replaying this line would queue ~2^62 market steps: hoga-cli hung and ate memory.
    QFile file(m_dir->filePath(QStringLiteral("paper.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    file.write(journalLine(50, now - 1000, "a") + journalLine(quint64(1) << 62, now, "b"));
    file.close();
    const CliProcessRun run =
        runHogaCli({QStringLiteral("--venue"), QStringLiteral("sim"), QStringLiteral("--sim-state"),
                    file.fileName(), QStringLiteral("balances")},
                   {}, 20'000);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(
        run.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("damaged at line 2")),
        qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
}

void TestCliSimE2e::longReplayStopsAtTheTimeout() {
    // Plausible by its times (ten days apart) but far too long to replay within --timeout-ms: the run ends
    // with an error soon after the timeout instead of queueing every step first.
    QFile file(m_dir->filePath(QStringLiteral("paper.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    file.write(journalLine(50, now - 10LL * 86'400'000, "a") + journalLine(900'000, now, "b"));
    file.close();
    const CliProcessRun run = sim(QStringLiteral("--timeout-ms 1000 balances"));
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.error()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("did not replay within 1000 ms")),
             qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(TestCliSimE2e)
#include "tst_cli_sim_e2e.moc"
