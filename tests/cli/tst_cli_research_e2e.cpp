// The real hoga-cli binary's research commands: record on the simulated venue into SQLite, export what was
// recorded as CSV, backtest a built-in strategy on a CSV file (one trade record per fill and a summary whose
// money is canonical decimal text and adds up), and the usage errors.

#include "cli_process.h"
#include "core/decimal.h"
#include "research/backtest/candle_csv.h"
#include "research/postgres_server.h"
#include "storage/order_journal.h"
#include "storage/profile_database.h"
#include "support/fake_venues/fake_venue_server.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace hoga;
using namespace hoga::test;

namespace {

const QStringList kTradeKeys{"event", "time", "market",       "side", "type", "price",
                             "qty",   "fee",  "realized_pnl", "cash", "base"};
const QStringList kSummaryKeys{"strategy",
                               "market",
                               "candles",
                               "initial_cash",
                               "final_equity",
                               "total_return",
                               "cagr",
                               "max_drawdown",
                               "sharpe",
                               "sortino",
                               "win_rate",
                               "profit_factor",
                               "exposure",
                               "trades",
                               "round_trips",
                               "fees",
                               "buy_hold_final_equity",
                               "buy_hold_return"};

Decimal dec(const QJsonValue& v) {
    return Decimal::parse(v.toString()).value_or(Decimal(-1));
}

QJsonObject object(const QByteArray& line) {
    return QJsonDocument::fromJson(line).object();
}

// A minute series that rises, falls and rises again, so moving averages cross both ways.
QByteArray waveCsv(int count) {
    QByteArray csv = "open_time,open,high,low,close,volume\n";
    double previous = 100000;
    for (int i = 0; i < count; ++i) {
        const double close = std::round(100000 + 10000 * std::sin(i / 8.0));
        const double high = std::max(previous, close) + 50;
        const double low = std::min(previous, close) - 50;
        csv += QByteArray::number(1'700'000'040'000LL + i * 60'000LL) + ',' +
               QByteArray::number(previous, 'f', 0) + ',' + QByteArray::number(high, 'f', 0) + ',' +
               QByteArray::number(low, 'f', 0) + ',' + QByteArray::number(close, 'f', 0) + ",1.5\n";
        previous = close;
    }
    return csv;
}

} // namespace

class TestCliResearchE2e : public QObject {
    Q_OBJECT
private slots:
    void init();

    void recordOnSimThenExport();
    void backtestSmaCrossOnCsv();
    void backtestParametersAndOptions();
    void backtestSweepRunsEveryCombination();
    void backtestMlSignalReportsFolds();
    void indicatorsOnCsv();
    void exportJournalOrdersAndFills();
    void postgresPasswordFromTheProfile();
    void downloadCandlesFromTheFakeUpbit();
    void usageErrors();

private:
    QString write(const QString& name, const QByteArray& content);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliResearchE2e::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCliResearchE2e::write(const QString& name, const QByteArray& content) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestCliResearchE2e::recordOnSimThenExport() {
    const QString db = m_dir->filePath(QStringLiteral("md/market-data.sqlite")); // the folder is created
    const CliProcessRun rec =
        runHogaCli({"--venue", "sim", "--sim-state", m_dir->filePath(QStringLiteral("paper.jsonl")), "record",
                    "--markets", "KRW-BTC,KRW-ETH", "--channels", "ticker,trade,orderbook", "--for-seconds",
                    "2", "--db", db, "--book-interval-ms", "500", "--depth", "3"});
    QVERIFY2(rec.exitCode == 0, qPrintable(rec.describe()));
    const QList<QByteArray> lines = rec.lines();
    QCOMPARE(lines.size(), 2);
    const QJsonObject started = object(lines[0]);
    QCOMPARE(started.value("event").toString(), QStringLiteral("recording"));
    QCOMPARE(started.value("venue").toString(), QStringLiteral("sim"));
    QCOMPARE(started.value("db").toString(), db);
    const QJsonObject done = object(lines[1]);
    QCOMPARE(done.value("event").toString(), QStringLiteral("recorded"));
    QVERIFY2(done.value("rows_written").toInt() > 0, lines[1].constData());
    QCOMPARE(done.value("rows_dropped").toInt(), 0);

    const CliProcessRun trades = runHogaCli({"export", "trades", "--db", db, "--market", "KRW-BTC"});
    QVERIFY2(trades.exitCode == 0, qPrintable(trades.describe()));
    const QList<QByteArray> rows = trades.lines();
    QVERIFY2(rows.size() >= 2, trades.out.constData());
    QCOMPARE(rows[0], QByteArray("timestamp,id,price,qty,side"));
    qint64 previous = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QList<QByteArray> f = rows[i].split(',');
        QCOMPARE(f.size(), 5);
        QVERIFY(f[0].toLongLong() >= previous); // oldest first
        previous = f[0].toLongLong();
        QVERIFY2(isCanonicalDecimal(QString::fromLatin1(f[2])) &&
                     isCanonicalDecimal(QString::fromLatin1(f[3])),
                 rows[i].constData());
        QVERIFY(f[4] == "buy" || f[4] == "sell");
    }

    const QString out = m_dir->filePath(QStringLiteral("candles.csv"));
    const CliProcessRun candles = runHogaCli(
        {"export", "candles", "--db", db, "--market", "KRW-BTC", "--interval", "1s", "--out", out});
    QVERIFY2(candles.exitCode == 0, qPrintable(candles.describe()));
    QVERIFY(candles.out.isEmpty());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> csv = file.readAll().trimmed().split('\n');
    QCOMPARE(csv[0], QByteArray("open_time,open,high,low,close,volume"));
    QVERIFY(csv.size() >= 2);
    QCOMPARE(csv[1].split(',').size(), 6);

    // The exported candles are a backtest's input as they are.
    const CliProcessRun bt = runHogaCli({"backtest", "--strategy", "sma_cross", "--candles", out});
    QVERIFY2(bt.exitCode == 0, qPrintable(bt.describe()));
    QVERIFY(object(bt.lines().last()).contains("summary"));

    // Nothing was recorded for a market that was not chosen.
    const CliProcessRun none = runHogaCli({"export", "trades", "--db", db, "--market", "KRW-XRP"});
    QCOMPARE(none.exitCode, 3);
    QCOMPARE(none.errorKind(), QStringLiteral("not_found"));
}

void TestCliResearchE2e::backtestSmaCrossOnCsv() {
    const QString csv = write(QStringLiteral("wave.csv"), waveCsv(200));
    const CliProcessRun run =
        runHogaCli({"backtest", "--strategy", "sma_cross", "--candles", csv, "--fee-rate", "0.001",
                    "--initial-cash", "1000000", "--market", "KRW-BTC"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.err.isEmpty());
    const QList<QByteArray> lines = run.lines();
    QVERIFY2(lines.size() >= 3, run.out.constData()); // the wave crosses: at least one buy and one sell
    Decimal fees;
    Decimal cash = Decimal(1'000'000);
    Decimal base;
    QString lastSide;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QCOMPARE(keysInOrder(lines[i]), kTradeKeys);
        const QJsonObject t = object(lines[i]);
        QCOMPARE(t.value("event").toString(), QStringLiteral("trade"));
        for (const char* key : {"price", "qty", "fee", "realized_pnl", "cash", "base"})
            QVERIFY2(isCanonicalDecimal(t.value(key).toString()), lines[i].constData());
        // Long only, all in and all out: buys and sells alternate, starting with a buy.
        const QString side = t.value("side").toString();
        QCOMPARE(side, lastSide == QLatin1String("buy") ? QStringLiteral("sell") : QStringLiteral("buy"));
        lastSide = side;
        // The account follows from the fills alone, exactly.
        const Decimal notional = dec(t.value("price")) * dec(t.value("qty"));
        QCOMPARE(dec(t.value("fee")), notional * Decimal::fromString("0.001"));
        if (side == QLatin1String("buy")) {
            cash -= notional + dec(t.value("fee"));
            base += dec(t.value("qty"));
        } else {
            cash += notional - dec(t.value("fee"));
            base -= dec(t.value("qty"));
        }
        QCOMPARE(dec(t.value("cash")), cash);
        QCOMPARE(dec(t.value("base")), base);
        QVERIFY(!cash.isNegative());
        fees += dec(t.value("fee"));
    }
    const QByteArray& last = lines.last();
    QVERIFY(object(last).contains("summary"));
    const QJsonObject s = object(last).value("summary").toObject();
    QCOMPARE(s.keys().size(), kSummaryKeys.size());
    for (const QString& key : kSummaryKeys)
        QVERIFY2(s.contains(key), qPrintable(key));
    QCOMPARE(s.value("strategy").toString(), QStringLiteral("sma_cross"));
    QCOMPARE(s.value("candles").toInt(), 200);
    QCOMPARE(s.value("trades").toInt(), int(lines.size() - 1));
    QCOMPARE(dec(s.value("fees")), fees);
    QCOMPARE(dec(s.value("initial_cash")), Decimal(1'000'000));
    // Final equity = cash + base at the last close (100000 + 10000 sin(199/8), rounded as in the file).
    const Decimal lastClose = Decimal(qint64(std::round(100000 + 10000 * std::sin(199 / 8.0))));
    QCOMPARE(dec(s.value("final_equity")), cash + base * lastClose);
    QVERIFY(isCanonicalDecimal(s.value("final_equity").toString()));
    const double totalReturn = dec(s.value("final_equity")).toDouble() / 1e6 - 1;
    QVERIFY(qAbs(s.value("total_return").toDouble() - totalReturn) < 1e-9);
    QVERIFY(s.value("max_drawdown").toDouble() >= 0 && s.value("max_drawdown").toDouble() < 1);
    QVERIFY(s.value("sharpe").isDouble());
    QVERIFY(s.value("exposure").toDouble() > 0 && s.value("exposure").toDouble() < 1);
}

void TestCliResearchE2e::backtestParametersAndOptions() {
    const QString csv = write(QStringLiteral("wave.csv"), waveCsv(200));
    const CliProcessRun defaults = runHogaCli({"backtest", "--strategy", "sma_cross", "--candles", csv});
    const CliProcessRun same = runHogaCli(
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--param", "fast=5", "--param", "slow=20"});
    QVERIFY2(defaults.exitCode == 0 && same.exitCode == 0, qPrintable(defaults.describe() + same.describe()));
    QCOMPARE(defaults.out, same.out); // the documented defaults: fast 5, slow 20
    const CliProcessRun other = runHogaCli(
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--param", "fast=3", "--param=slow=9"});
    QVERIFY2(other.exitCode == 0, qPrintable(other.describe()));
    QVERIFY(other.out != defaults.out);
    // Without --initial-cash: 1000000 of the quote; without --fee-rate: 0.0005.
    const QJsonObject s = object(defaults.lines().last()).value("summary").toObject();
    QCOMPARE(dec(s.value("initial_cash")), Decimal(1'000'000));
    const QJsonObject firstTrade = object(defaults.lines().first());
    QCOMPARE(dec(firstTrade.value("fee")),
             dec(firstTrade.value("price")) * dec(firstTrade.value("qty")) * Decimal::fromString("0.0005"));
}

void TestCliResearchE2e::backtestSweepRunsEveryCombination() {
    const QString csv = write(QStringLiteral("wave.csv"), waveCsv(200));
    // fast 3, 5, 7 (a range) x slow 5, 9 (a list): six runs, the first key varying slowest; fast 5 and 7
    // against slow 5 are refused by the strategy and say so in their record.
    const CliProcessRun run = runHogaCli({"backtest", "--strategy", "sma_cross", "--candles", csv, "--sweep",
                                          "fast=3:7:2", "--sweep=slow=5,9"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QByteArray> lines = run.lines();
    QCOMPARE(lines.size(), 6);
    const QList<QPair<QString, QString>> expected{{"3", "5"}, {"3", "9"}, {"5", "5"},
                                                  {"5", "9"}, {"7", "5"}, {"7", "9"}};
    for (int i = 0; i < 6; ++i) {
        const QJsonObject o = object(lines[i]);
        QCOMPARE(o.value("event").toString(), QStringLiteral("sweep_run"));
        QCOMPARE(o.value("index").toInt(), i);
        const QJsonObject params = o.value("params").toObject();
        QCOMPARE(params.keys(), QStringList({"fast", "slow"}));
        QCOMPARE(params.value("fast").toString(), expected[i].first);
        QCOMPARE(params.value("slow").toString(), expected[i].second);
        const bool refused = expected[i].first.toInt() >= expected[i].second.toInt();
        QCOMPARE(o.contains("error"), refused);
        QCOMPARE(o.contains("summary"), !refused);
        if (!refused)
            QCOMPARE(o.value("summary").toObject().keys().size(), kSummaryKeys.size());
    }
    // Each run equals the single backtest with the same parameters.
    const CliProcessRun single = runHogaCli(
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--param", "fast=5", "--param", "slow=9"});
    QVERIFY2(single.exitCode == 0, qPrintable(single.describe()));
    QCOMPARE(object(lines[3]).value("summary").toObject(),
             object(single.lines().last()).value("summary").toObject());

    for (const QStringList& bad : QList<QStringList>{{"--sweep", "fast"},
                                                     {"--sweep", "nope=1:3:1"},
                                                     {"--sweep", "fast=5:3:1"},
                                                     {"--sweep", "fast=1:3:0"},
                                                     {"--sweep", "fast=1:100000:1"},
                                                     {"--sweep", "fast=1,2", "--sweep", "fast=3"}}) {
        const CliProcessRun refused =
            runHogaCli(QStringList{"backtest", "--strategy", "sma_cross", "--candles", csv} + bad);
        QVERIFY2(refused.exitCode == 2, qPrintable(bad.join(' ') + refused.describe()));
        QCOMPARE(refused.errorKind(), QStringLiteral("usage"));
    }
    const CliProcessRun notHere =
        runHogaCli({"indicators", "--name", "sma", "--candles", csv, "--sweep", "period=1,2"});
    QCOMPARE(notHere.exitCode, 2);
}

void TestCliResearchE2e::backtestMlSignalReportsFolds() {
    const QString csv = write(QStringLiteral("wave.csv"), waveCsv(400));
    const CliProcessRun run =
        runHogaCli({"backtest", "--strategy", "ml_signal", "--candles", csv, "--param", "train_window=100",
                    "--param", "retrain_every=50", "--param", "threshold=0.6"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QByteArray> lines = run.lines();
    QList<QJsonObject> folds;
    QJsonObject walkForward;
    for (const QByteArray& line : lines) {
        const QJsonObject o = object(line);
        if (o.value("event").toString() == QLatin1String("fold"))
            folds << o;
        else if (o.value("event").toString() == QLatin1String("walk_forward"))
            walkForward = o;
    }
    // 400 candles: features from the 21st on, 100 outcomes known at candle 120: trained there, then every 50.
    QCOMPARE(folds.size(), 6);
    int predictions = 0;
    for (int i = 0; i < folds.size(); ++i) {
        const QJsonObject& f = folds[i];
        QCOMPARE(f.value("index").toInt(), i);
        QCOMPARE(f.value("train_samples").toInt(), 100);
        // Trained on outcomes known by the close of its first test candle, never later.
        QCOMPARE(f.value("trained_at").toInteger(), f.value("test_from").toInteger() + 60'000);
        QVERIFY(f.value("train_from").toInteger() < f.value("test_from").toInteger());
        if (i > 0)
            QVERIFY(f.value("test_from").toInteger() > folds[i - 1].value("test_to").toInteger());
        const double accuracy = f.value("accuracy").toDouble();
        QVERIFY(accuracy >= 0 && accuracy <= 1);
        predictions += f.value("predictions").toInt();
    }
    QCOMPARE(walkForward.value("folds").toInt(), 6);
    QCOMPARE(walkForward.value("predictions").toInt(), predictions);
    QVERIFY(object(lines.last()).contains("summary"));
    QCOMPARE(object(lines.last()).value("summary").toObject().value("strategy").toString(),
             QStringLiteral("ml_signal"));
}

void TestCliResearchE2e::indicatorsOnCsv() {
    // Closes 10, 11, 12, 11, 13; every candle spans close - 1 .. close + 1.
    QByteArray text = "open_time,open,high,low,close,volume\n";
    const int closes[] = {10, 11, 12, 11, 13};
    for (int i = 0; i < 5; ++i)
        text += QByteArray::number(1'700'000'040'000LL + i * 60'000LL) + ',' + QByteArray::number(closes[i]) +
                ',' + QByteArray::number(closes[i] + 1) + ',' + QByteArray::number(closes[i] - 1) + ',' +
                QByteArray::number(closes[i]) + ",1\n";
    const QString csv = write(QStringLiteral("small.csv"), text);
    auto values = [&](const QStringList& extra, const char* key) {
        const CliProcessRun run = runHogaCli(QStringList{"indicators", "--candles", csv} + extra);
        QList<QJsonValue> list;
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.describe()));
        for (const QByteArray& line : run.lines()) {
            const QJsonObject o = object(line);
            if (o.value("open_time").toInteger() < 1'700'000'040'000LL)
                qWarning("bad open_time in %s", line.constData());
            list << o.value(QLatin1String(key));
        }
        return list;
    };
    auto near = [](const QJsonValue& v, double expected) {
        return v.isDouble() && qAbs(v.toDouble() - expected) < 1e-9;
    };

    const QList<QJsonValue> sma = values({"--name", "sma", "--period", "3"}, "value");
    QCOMPARE(sma.size(), 5);
    QVERIFY(sma[0].isNull() && sma[1].isNull()); // null until defined
    QVERIFY(near(sma[2], 11) && near(sma[3], 34.0 / 3) && near(sma[4], 12));
    // EMA seeded with the SMA of the first period, then alpha = 2 / (3 + 1).
    const QList<QJsonValue> ema = values({"--name", "ema", "--period", "3"}, "value");
    QVERIFY(ema[1].isNull() && near(ema[2], 11) && near(ema[3], 11) && near(ema[4], 12));
    // Wilder's RSI: changes +1 +1 -1 -> gain 2/3, loss 1/3, RSI 66.67; then +2 -> gain 10/9, loss 2/9,
    // RSI 83.33.
    const QList<QJsonValue> rsi = values({"--name", "rsi", "--period", "3"}, "value");
    QVERIFY(rsi[2].isNull() && near(rsi[3], 200.0 / 3) && near(rsi[4], 250.0 / 3));
    // Bollinger with the population standard deviation of 10, 11, 12: sqrt(2/3).
    const QList<QJsonValue> upper = values({"--name", "bbands", "--period", "3", "--param", "k=2"}, "upper");
    QVERIFY(upper[1].isNull() && near(upper[2], 11 + 2 * std::sqrt(2.0 / 3)));
    // ATR: true ranges 2, 2, 2, 2, 3 (|14 - 11| beats 14 - 12) -> 2, 2, then (2 * 2 + 3) / 3.
    const QList<QJsonValue> atr = values({"--name", "atr", "--period", "3"}, "value");
    QVERIFY(atr[1].isNull() && near(atr[2], 2) && near(atr[3], 2) && near(atr[4], 7.0 / 3));
    const QList<QJsonValue> hist = values(
        {"--name", "macd", "--param", "fast=2", "--param", "slow=3", "--param", "signal=2"}, "histogram");
    QCOMPARE(hist.size(), 5);
    QVERIFY(hist[2].isNull() && hist[3].isDouble());

    for (const QStringList& bad : QList<QStringList>{{"--name", "foo"},
                                                     {"--name", "sma", "--period", "0"},
                                                     {"--name", "sma", "--param", "k=2"},
                                                     {"--name", "macd", "--param", "fast=30"}}) {
        const CliProcessRun run = runHogaCli(QStringList{"indicators", "--candles", csv} + bad);
        QVERIFY2(run.exitCode == 2, qPrintable(bad.join(' ') + run.describe()));
        QCOMPARE(run.errorKind(), QStringLiteral("usage"));
    }
}

void TestCliResearchE2e::exportJournalOrdersAndFills() {
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("HOGA_DATA_DIR"), m_dir->path());
    env.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), QStringLiteral("journal pass 1"));
    const CliProcessRun created = runHogaCli({"profile", "create", "Main"}, env);
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    const QString id = object(created.lines().value(0)).value("id").toString();
    QVERIFY(!id.isEmpty());
    {
        // Two orders in the profile's journal, as the engine writes them: a filled bot buy, a rejected one.
        ProfileDatabase db(m_dir->path() + QStringLiteral("/profiles/") + id +
                           QStringLiteral("/hoga.sqlite"));
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        Order buy;
        buy.venue = QStringLiteral("upbit");
        buy.clientId = QStringLiteral("c-1");
        buy.market = QStringLiteral("KRW-BTC");
        buy.side = Side::Buy;
        buy.type = OrderType::Limit;
        buy.price = Decimal(50'000'000);
        buy.qty = Decimal::fromString("0.002");
        buy.createdAtMs = 1'700'000'000'000;
        QVERIFY(journal.insertPending(buy, QStringLiteral("bot-1"), QStringLiteral("sma, cross \"buy\""),
                                      buy.createdAtMs));
        buy.id = QStringLiteral("v-1");
        buy.state = OrderState::Open;
        QVERIFY(journal.update(buy, JournalState::Open, buy.createdAtMs + 10));
        Fill fill;
        fill.venue = buy.venue;
        fill.orderId = buy.id;
        fill.clientId = buy.clientId;
        fill.market = buy.market;
        fill.tradeId = QStringLiteral("t-1");
        fill.side = Side::Buy;
        fill.price = buy.price;
        fill.qty = buy.qty;
        fill.fee = Decimal(50);
        fill.feeCurrency = QStringLiteral("KRW");
        fill.maker = true;
        fill.timestampMs = buy.createdAtMs + 20;
        Order after = buy;
        QVERIFY(after.applyFill(fill));
        QCOMPARE(journal.recordFill(fill, after, JournalState::Filled, fill.timestampMs),
                 OrderJournal::FillOutcome::Applied);
        Order sell = buy;
        sell.clientId = QStringLiteral("c-2");
        sell.id.clear();
        sell.side = Side::Sell;
        sell.createdAtMs = buy.createdAtMs + 30;
        sell.state = OrderState::New;
        QVERIFY(journal.insertPending(sell, {}, {}, sell.createdAtMs));
        sell.state = OrderState::Rejected;
        QVERIFY(journal.update(sell, JournalState::Rejected, sell.createdAtMs + 5));
    }

    const CliProcessRun orders = runHogaCli({"--profile", "Main", "export", "orders"}, env);
    QVERIFY2(orders.exitCode == 0, qPrintable(orders.describe()));
    const QList<QByteArray> rows = orders.lines();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0], QByteArray("created_at,updated_at,client_id,order_id,venue,market,side,type,price,qty,"
                                 "total,filled_qty,filled_quote,fee,state,journal_state,bot,tag,error"));
    QVERIFY2(rows[1].startsWith("1700000000000,"), rows[1].constData()); // oldest first
    QVERIFY2(rows[1].contains(",c-1,v-1,upbit,KRW-BTC,buy,limit,50000000,0.002,0,0.002,100000,50,filled,"
                              "filled,bot-1,\"sma, cross \"\"buy\"\"\","),
             rows[1].constData());
    QVERIFY2(rows[2].contains(",c-2,,upbit,KRW-BTC,sell,limit,") && rows[2].contains(",rejected,rejected,"),
             rows[2].constData());

    const QString csv = m_dir->filePath(QStringLiteral("fills.csv"));
    const CliProcessRun fills = runHogaCli({"--profile", "Main", "export", "fills", "--out", csv}, env);
    QVERIFY2(fills.exitCode == 0 && fills.out.isEmpty(), qPrintable(fills.describe()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("timestamp,trade_id,client_id,order_id,venue,market,side,price,qty,fee,fee_currency,"
                        "bot\n1700000000020,t-1,c-1,v-1,upbit,KRW-BTC,buy,50000000,0.002,50,KRW,bot-1\n"));
    // Filters: another market has nothing.
    const CliProcessRun none =
        runHogaCli({"--profile", "Main", "export", "orders", "--market", "KRW-ETH"}, env);
    QCOMPARE(none.lines().size(), 1);

    QProcessEnvironment wrong = env;
    wrong.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), QStringLiteral("not it"));
    const CliProcessRun refused = runHogaCli({"--profile", "Main", "export", "orders"}, wrong);
    QCOMPARE(refused.exitCode, 3);
    QCOMPARE(refused.errorKind(), QStringLiteral("auth"));
    const CliProcessRun noProfile = runHogaCli({"export", "fills"}, env);
    QCOMPARE(noProfile.exitCode, 2);
    QCOMPARE(noProfile.errorKind(), QStringLiteral("usage"));
}

void TestCliResearchE2e::postgresPasswordFromTheProfile() {
    if (test::PostgresServer::binDir().isEmpty())
        QSKIP(qPrintable(test::PostgresServer::missingReason()));
    test::PostgresServer server;
    QVERIFY2(server.start(QStringLiteral("pg secret 7")), qPrintable(server.errorString()));
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("HOGA_DATA_DIR"), m_dir->path());
    env.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), QStringLiteral("profile pass 2"));
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("PGPASSFILE"), m_dir->filePath(QStringLiteral("no-pgpass")));
    QVERIFY(runHogaCli({"profile", "create", "Main"}, env).exitCode == 0);
    const QStringList record{
        "--profile", "Main",      "--venue",   "sim",        "--sim-state", m_dir->filePath("paper.jsonl"),
        "record",    "--markets", "KRW-BTC",   "--channels", "trade",       "--for-seconds",
        "1",         "--db",      server.url()};
    // No password anywhere: the server refuses the connection.
    const CliProcessRun refused = runHogaCli(record, env);
    QVERIFY2(refused.exitCode != 0, qPrintable(refused.describe()));
    // The password goes into the profile's secret store from standard input, never into the URL.
    const CliProcessRun saved =
        runHogaCliWithInput({"--profile", "Main", "db-password", "--db", server.url()}, env, "pg secret 7\n");
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    QCOMPARE(object(saved.lines().value(0)).value("event").toString(), QStringLiteral("db_password_saved"));
    QVERIFY(!saved.out.contains("pg secret 7") && !saved.err.contains("pg secret 7"));
    const CliProcessRun recorded = runHogaCli(record, env);
    QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.describe()));
    QCOMPARE(object(recorded.lines().last()).value("event").toString(), QStringLiteral("recorded"));
    const CliProcessRun exported = runHogaCli(
        {"--profile", "Main", "export", "trades", "--db", server.url(), "--market", "KRW-BTC"}, env);
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));
    QCOMPARE(exported.lines().value(0), QByteArray("timestamp,id,price,qty,side"));
    // A URL that carries a password is refused outright.
    QString withPassword = server.url();
    withPassword.replace(QStringLiteral("@"), QStringLiteral(":pw@"));
    QCOMPARE(runHogaCli(
                 {"--profile", "Main", "export", "trades", "--db", withPassword, "--market", "KRW-BTC"}, env)
                 .exitCode,
             2);
    QCOMPARE(runHogaCliWithInput({"db-password", "--db", server.url()}, env, "x\n").exitCode, 2);
}

void TestCliResearchE2e::downloadCandlesFromTheFakeUpbit() {
    FakeVenueServer server(FakeFlavor::Upbit, 5);
    QVERIFY(server.start());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 to = now - now % 60'000 - 60'000; // whole minutes, all closed
    const qint64 from = to - 300 * 60'000;         // two pages of 200
    auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
    };
    const QString csv = m_dir->filePath(QStringLiteral("upbit.csv"));
    const CliProcessRun run = runHogaCli(
        {"--venue", "upbit", "--rest-url", server.restUrl().toString(), "--timeout-ms", "10000", "download",
         "--market", "KRW-BTC", "--interval", "1m", "--from", iso(from), "--to", iso(to), "--out", csv});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QByteArray> lines = run.lines();
    QVERIFY2(lines.size() >= 3, run.out.constData()); // a progress record per page, then the total
    qint64 previous = 0;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QJsonObject p = object(lines[i]);
        QCOMPARE(p.value("event").toString(), QStringLiteral("progress"));
        QCOMPARE(p.value("expected").toInteger(), 300);
        QVERIFY(p.value("candles").toInteger() >= previous);
        previous = p.value("candles").toInteger();
    }
    const QJsonObject done = object(lines.last());
    QCOMPARE(done.value("event").toString(), QStringLiteral("downloaded"));
    const CandleCsv::ReadResult read = CandleCsv::readFile(csv);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(done.value("candles").toInteger(), qint64(read.candles.size()));
    QVERIFY2(read.candles.size() > 250 && read.candles.size() <= 300,
             qPrintable(QString::number(read.candles.size())));
    for (qsizetype i = 0; i < read.candles.size(); ++i) {
        const qint64 t = read.candles[i].openTimeMs;
        QVERIFY(t >= from && t < to && t % 60'000 == 0);
        if (i > 0)
            QVERIFY(t > read.candles[i - 1].openTimeMs); // oldest first, no duplicates across pages
    }
    // The file backtests as it is.
    const CliProcessRun backtest = runHogaCli({"backtest", "--strategy", "sma_cross", "--candles", csv});
    QVERIFY2(backtest.exitCode == 0, qPrintable(backtest.describe()));
    QCOMPARE(object(backtest.lines().last()).value("summary").toObject().value("candles").toInt(),
             int(read.candles.size()));
    const CliProcessRun noOut =
        runHogaCli({"--venue", "upbit", "--rest-url", server.restUrl().toString(), "download", "--market",
                    "KRW-BTC", "--interval", "1m", "--from", iso(from)});
    QCOMPARE(noOut.exitCode, 2);
}

void TestCliResearchE2e::usageErrors() {
    const QString csv = write(QStringLiteral("wave.csv"), waveCsv(30));
    const QString bad = write(QStringLiteral("bad.csv"), "open,close\n1,2\n");
    const QList<QStringList> usage{
        {"backtest", "--candles", csv},
        {"backtest", "--strategy", "sma_cross"},
        {"backtest", "--strategy", "no_such", "--candles", csv},
        {"backtest", "--strategy", "sma_cross", "--candles", bad},
        {"backtest", "--strategy", "sma_cross", "--candles", m_dir->filePath("missing.csv")},
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--param", "fast"},
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--fee-rate", "x"},
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--initial-cash", "-5"},
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--markets", "KRW-BTC"},
        {"backtest", "--strategy", "sma_cross", "--candles", csv, "--bogus"},
        {"export", "trades", "--db", m_dir->filePath("none.sqlite")},
        {"export", "trades", "--db", m_dir->filePath("none.sqlite"), "--market", "KRW-BTC"},
        {"export", "books", "--db", m_dir->filePath("none.sqlite"), "--market", "KRW-BTC"},
        {"--venue", "sim", "record", "--channels", "ticker"},
        {"--venue", "sim", "record", "--markets", "KRW-BTC", "--channels", "candles"},
        {"--venue", "sim", "record", "--markets", "KRW-BTC", "--for-seconds", "0"},
        {"--venue", "sim", "record", "--markets", "KRW-BTC", "--db", "mysql://h/db"},
    };
    for (const QStringList& args : usage) {
        const CliProcessRun run = runHogaCli(args);
        QVERIFY2(run.exitCode == 2, qPrintable(args.join(' ') + QLatin1Char('\n') + run.describe()));
        QCOMPARE(run.errorKind(), QStringLiteral("usage"));
        QVERIFY(run.out.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCliResearchE2e)
#include "tst_cli_research_e2e.moc"
