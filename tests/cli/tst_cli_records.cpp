// hoga-cli's records: exact decimal text, fixed key order, integer timestamps; errors and exit codes.

#include "cli/cli_error.h"
#include "cli/record_writer.h"
#include "cli/sim_journal.h"
#include "error_kind_rows.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace hoga;
using namespace hoga::cli;

namespace {

// A limit order call at `step` and `timeMs`.
SimJournalEntry entryAt(quint64 step, qint64 timeMs, const char* clientId = "c") {
    SimJournalEntry e;
    e.step = step;
    e.timeMs = timeMs;
    e.request.market = QStringLiteral("KRW-BTC");
    e.request.price = 10000;
    e.request.qty = 1;
    e.request.clientId = QString::fromLatin1(clientId);
    return e;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

Decimal dec(const char* text) {
    const std::optional<Decimal> d = Decimal::parse(std::string_view(text));
    if (!d)
        qFatal("bad decimal literal %s", text);
    return *d;
}

} // namespace

class TestCliRecords : public QObject {
    Q_OBJECT
private slots:
    void canonicalDecimals();
    void market();
    void ticker();
    void orderBookHonoursDepth();
    void candle();
    void trade();
    void balance();
    void order();
    void orderStates();
    void errorRecord();
    void exitCodes_data();
    void exitCodes();
    void writerEndsLines();
    void simJournalRoundTrip();
    void simJournalRejectsDamage();
    void simJournalKeepsTimeInForce();
    void simJournalBoundsSteps();
    void simJournalDropsATornLastLine();
    void simJournalSyncsEachRecord();
};

void TestCliRecords::canonicalDecimals() {
    Ticker t;
    t.venue = QStringLiteral("upbit");
    t.market = QStringLiteral("KRW-BTC");
    t.last = dec("45000000.0"); // as a venue may send it
    t.open = dec("4.5E+7");     // exponent form
    t.high = dec("45000000.000");
    t.low = dec("0.00000001");
    t.changeRate = dec("-0.0123");
    t.volume24h = dec("1234567890.12345678");
    t.quoteVolume24h = dec("9.101e-05");
    t.timestampMs = 1714554000123;
    const QByteArray r = RecordWriter::ticker(t);
    QVERIFY2(r.contains(R"("last":"45000000")"), r);
    QVERIFY2(r.contains(R"("open":"45000000")"), r);
    QVERIFY2(r.contains(R"("high":"45000000")"), r);
    QVERIFY2(r.contains(R"("low":"0.00000001")"), r);
    QVERIFY2(r.contains(R"("change_rate":"-0.0123")"), r);
    QVERIFY2(r.contains(R"("volume_24h":"1234567890.12345678")"), r);
    QVERIFY2(r.contains(R"("quote_volume_24h":"0.00009101")"), r);
    QVERIFY2(r.contains(R"("timestamp":1714554000123)"), r);
    QVERIFY(!r.contains("e-") && !r.contains("e+") && !r.contains("E")); // never an exponent
}

void TestCliRecords::market() {
    Market m;
    m.venue = QStringLiteral("upbit");
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.displayName = QStringLiteral("Bitcoin");
    m.localName = QStringLiteral("비트코인");
    QCOMPARE(
        RecordWriter::market(m),
        QByteArray(R"({"venue":"upbit","market":"KRW-BTC","base":"BTC","quote":"KRW","name":"Bitcoin"})"));
    m.displayName.clear(); // only a local name: still named
    QCOMPARE(
        RecordWriter::market(m),
        QStringLiteral(R"({"venue":"upbit","market":"KRW-BTC","base":"BTC","quote":"KRW","name":"비트코인"})")
            .toUtf8());
}

void TestCliRecords::ticker() {
    Ticker t;
    t.venue = QStringLiteral("sim");
    t.market = QStringLiteral("KRW-ETH");
    t.last = 5384000;
    t.open = 5008000;
    t.high = 5422000;
    t.low = 4994000;
    t.changeRate = dec("0.07507987");
    t.volume24h = dec("29354.07367365");
    t.quoteVolume24h = dec("152885249395.1962525");
    t.timestampMs = 1700000000000;
    QCOMPARE(
        RecordWriter::ticker(t),
        QByteArray(R"({"venue":"sim","market":"KRW-ETH","last":"5384000","open":"5008000","high":"5422000",)"
                   R"("low":"4994000","change_rate":"0.07507987","volume_24h":"29354.07367365",)"
                   R"("quote_volume_24h":"152885249395.1962525","timestamp":1700000000000})"));
}

void TestCliRecords::orderBookHonoursDepth() {
    OrderBook book(QStringLiteral("upbit"), QStringLiteral("KRW-BTC"));
    book.applySnapshot(
        {{dec("44990000"), dec("0.5")}, {dec("45000000.0"), dec("1.25")}, {dec("44980000"), 2}},
        {{dec("45010000"), dec("0.1")}, {dec("45020000"), dec("0.00000001")}}, 1700000000001);
    QCOMPARE(RecordWriter::orderBook(book, 2),
             QByteArray(R"({"venue":"upbit","market":"KRW-BTC","timestamp":1700000000001,)"
                        R"("bids":[["45000000","1.25"],["44990000","0.5"]],)"
                        R"("asks":[["45010000","0.1"],["45020000","0.00000001"]]})"));
    const QByteArray all = RecordWriter::orderBook(book);
    QVERIFY2(all.contains(R"(["44980000","2"]],"asks")"), all);
    QCOMPARE(RecordWriter::orderBook(OrderBook(QStringLiteral("sim"), QStringLiteral("X")), 5),
             QByteArray(R"({"venue":"sim","market":"X","timestamp":0,"bids":[],"asks":[]})"));
}

void TestCliRecords::candle() {
    Candle c{1714554000000, dec("100.0"), dec("110"), dec("99.5"), dec("105.25"), dec("12.000"), dec("1260")};
    QCOMPARE(RecordWriter::candle(QStringLiteral("bithumb"), QStringLiteral("KRW-XRP"), c),
             QByteArray(R"({"venue":"bithumb","market":"KRW-XRP","open_time":1714554000000,"open":"100",)"
                        R"("high":"110","low":"99.5","close":"105.25","volume":"12"})"));
}

void TestCliRecords::trade() {
    Trade t{QStringLiteral("upbit"),
            QStringLiteral("KRW-BTC"),
            QStringLiteral("17150000000001"),
            dec("45000000"),
            dec("0.0100"),
            Side::Sell,
            1714554000999};
    QCOMPARE(RecordWriter::trade(t),
             QByteArray(R"({"venue":"upbit","market":"KRW-BTC","id":"17150000000001","price":"45000000",)"
                        R"("qty":"0.01","side":"sell","timestamp":1714554000999})"));
}

void TestCliRecords::balance() {
    Balance b;
    b.venue = QStringLiteral("upbit");
    b.currency = QStringLiteral("KRW");
    b.free = dec("1386929.37231066771348207");
    b.locked = dec("0.0");
    QCOMPARE(
        RecordWriter::balance(b),
        QByteArray(R"({"venue":"upbit","currency":"KRW","free":"1386929.37231066771348207","locked":"0",)"
                   R"("avg_buy_price":"0"})"));
}

void TestCliRecords::order() {
    Order o;
    o.venue = QStringLiteral("upbit");
    o.id = QStringLiteral("cdd92199-2897-4e14-9448-f923320408ad");
    o.clientId = QStringLiteral("my-1");
    o.market = QStringLiteral("KRW-BTC");
    o.side = Side::Buy;
    o.type = OrderType::Limit;
    o.price = dec("45000000.0");
    o.qty = dec("0.001");
    o.filledQty = dec("0.0005");
    o.state = OrderState::PartiallyFilled;
    o.createdAtMs = 1714554000000;
    QCOMPARE(
        RecordWriter::order(o),
        QByteArray(
            R"({"venue":"upbit","id":"cdd92199-2897-4e14-9448-f923320408ad","client_id":"my-1",)"
            R"("market":"KRW-BTC","side":"buy","type":"limit","price":"45000000","qty":"0.001",)"
            R"("total":"0","filled_qty":"0.0005","state":"partially_filled","created_at":1714554000000})"));
    o.clientId.clear(); // an order placed elsewhere without an identifier
    o.type = OrderType::Market;
    o.side = Side::Sell;
    QVERIFY(RecordWriter::order(o).contains(
        R"("client_id":null,"market":"KRW-BTC","side":"sell","type":"market")"));
}

void TestCliRecords::orderStates() {
    QCOMPARE(RecordWriter::stateName(OrderState::New), QStringLiteral("open"));
    QCOMPARE(RecordWriter::stateName(OrderState::Open), QStringLiteral("open"));
    QCOMPARE(RecordWriter::stateName(OrderState::PartiallyFilled), QStringLiteral("partially_filled"));
    QCOMPARE(RecordWriter::stateName(OrderState::Filled), QStringLiteral("filled"));
    QCOMPARE(RecordWriter::stateName(OrderState::Cancelled), QStringLiteral("cancelled"));
    QCOMPARE(RecordWriter::stateName(OrderState::Rejected), QStringLiteral("rejected"));
}

void TestCliRecords::errorRecord() {
    VenueError v;
    v.kind = ErrorKind::InsufficientFunds;
    v.venueCode = QStringLiteral("insufficient_funds_bid");
    v.venueMessage = QStringLiteral("주문가능한 금액(KRW)이 부족합니다.");
    const CliError e = CliError::fromVenueError(v);
    QCOMPARE(e.exitCode, int(ExitRefused));
    QCOMPARE(e.message, v.userMessage());
    QCOMPARE(RecordWriter::error(e),
             (QStringLiteral(R"({"error":{"kind":"insufficient_funds","venue_code":"insufficient_funds_bid",)"
                             R"("message":")") +
              v.userMessage() + QStringLiteral(R"("}})"))
                 .toUtf8());
    QCOMPARE(RecordWriter::error(CliError::usage(QStringLiteral("Say \"what\"?"))),
             QByteArray(R"({"error":{"kind":"usage","venue_code":null,"message":"Say \"what\"?"}})"));
}

void TestCliRecords::exitCodes_data() {
    test::addErrorKindRows();
}

void TestCliRecords::exitCodes() {
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(int, exitCode);
    QCOMPARE(exitCodeFor(ErrorKind(kind)), exitCode);
    QCOMPARE(cliKindName(ErrorKind(kind)), name);
    VenueError v;
    v.kind = ErrorKind(kind);
    const CliError e = CliError::fromVenueError(v);
    QCOMPARE(e.kind, name);
    QCOMPARE(e.exitCode, exitCode);
    QVERIFY(e.venueCode.isEmpty());
    QCOMPARE(CliError::usage(QStringLiteral("x")).exitCode, int(ExitUsage));
}

void TestCliRecords::writerEndsLines() {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    RecordWriter w(&buffer);
    w.write("{}");
    w.write(R"({"a":1})");
    QCOMPARE(buffer.data(), QByteArray("{}\n{\"a\":1}\n"));
}

void TestCliRecords::simJournalRoundTrip() {
    QTemporaryDir dir;
    SimJournal journal(dir.filePath(QStringLiteral("sub/j.jsonl")));
    QVector<SimJournalEntry> entries;
    QVERIFY(!journal.load(&entries)); // no file yet: empty
    QVERIFY(entries.isEmpty());

    SimJournalEntry create;
    create.step = 50;
    create.timeMs = 1714554000000;
    create.request.market = QStringLiteral("KRW-BTC");
    create.request.side = Side::Sell;
    create.request.type = OrderType::Market;
    create.request.qty = dec("0.00012");
    create.request.clientId = QStringLiteral("c-1");
    SimJournalEntry cancel;
    cancel.op = SimJournalEntry::Op::Cancel;
    cancel.step = 61;
    cancel.timeMs = 1714554001000;
    cancel.ref.id = QStringLiteral("id-1");
    QVERIFY(!journal.append(create));
    QVERIFY(!journal.append(cancel));

    QVERIFY(!journal.load(&entries));
    QCOMPARE(entries.size(), 2);
    const SimJournalEntry& a = entries[0];
    QCOMPARE(a.op, SimJournalEntry::Op::Create);
    QCOMPARE(a.step, quint64(50));
    QCOMPARE(a.timeMs, create.timeMs);
    QCOMPARE(a.request.market, create.request.market);
    QCOMPARE(a.request.side, Side::Sell);
    QCOMPARE(a.request.type, OrderType::Market);
    QCOMPARE(a.request.qty, create.request.qty);
    QVERIFY(a.request.price.isZero());
    QCOMPARE(a.request.clientId, QStringLiteral("c-1"));
    QCOMPARE(entries[1].op, SimJournalEntry::Op::Cancel);
    QCOMPARE(entries[1].ref.id, QStringLiteral("id-1"));
    QVERIFY(entries[1].ref.clientId.isEmpty());
    QCOMPARE(entries[1].step, quint64(61));
}

void TestCliRecords::simJournalKeepsTimeInForce() {
    SimJournalEntry e;
    e.step = 3;
    e.request.market = QStringLiteral("KRW-BTC");
    e.request.type = OrderType::Best;
    e.request.total = 10000;
    e.request.timeInForce = TimeInForce::FillOrKill;
    const std::optional<SimJournalEntry> back = SimJournal::decode(SimJournal::encode(e));
    QVERIFY(back);
    QCOMPARE(back->request.type, OrderType::Best);
    QCOMPARE(back->request.timeInForce, TimeInForce::FillOrKill);
    // Good-till-cancel writes no key, so journals from before time in force read the same.
    e.request.type = OrderType::Limit;
    e.request.timeInForce = TimeInForce::GoodTillCancel;
    QVERIFY(!SimJournal::encode(e).contains("tif"));
    QCOMPARE(SimJournal::decode(SimJournal::encode(e))->request.timeInForce, TimeInForce::GoodTillCancel);
    QVERIFY(!SimJournal::decode(SimJournal::encode(e).replace("\"limit\"", "\"stop\"")));
}

void TestCliRecords::simJournalRejectsDamage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.jsonl"));
    SimJournalEntry e;
    e.step = 10;
    e.request.market = QStringLiteral("KRW-BTC");
    e.request.price = 1000;
    e.request.qty = 1;
    e.request.clientId = QStringLiteral("x");
    for (const QByteArray& bad : {QByteArray("{not json"), QByteArray(R"({"v":2,"op":"create"})"),
                                  QByteArray(R"({"v":1,"op":"cancel","step":1,"time":1})")}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(SimJournal::encode(e) + "\n" + bad + "\n");
        file.close();
        QVector<SimJournalEntry> entries;
        const std::optional<QString> problem = SimJournal(path).load(&entries);
        QVERIFY2(problem && problem->contains(QLatin1String("line 2")),
                 qPrintable(problem.value_or(QString())));
    }
    // Steps going backwards mean two runs interleaved: damaged too.
    SimJournalEntry earlier = e;
    earlier.step = 9;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(SimJournal::encode(e) + "\n" + SimJournal::encode(earlier) + "\n");
    file.close();
    QVector<SimJournalEntry> entries;
    QVERIFY(SimJournal(path).load(&entries));
}

void TestCliRecords::simJournalBoundsSteps() {
    // A step the times cannot explain would make every run replay (and queue) that many market steps.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.jsonl"));
    const qint64 t = 1714554000000;
    const quint64 start = SimJournalPace{}.startStep;
    const quint64 slack = SimJournal::kStepSlack;
    struct Case {
        const char* name;
        QVector<SimJournalEntry> entries;
        int badLine; // 0: loads
    };
    const Case cases[] = {
        {"first at the start", {entryAt(start, t)}, 0},
        {"first within the slack", {entryAt(start + slack, t)}, 0},
        {"first beyond the slack", {entryAt(start + slack + 1, t)}, 1},
        {"huge first", {entryAt(quint64(1) << 62, t)}, 1},
        {"second at the same time", {entryAt(start, t), entryAt(start + slack, t)}, 0},
        {"second too far for no time", {entryAt(start, t), entryAt(start + slack + 1, t)}, 2},
        {"second a second later", {entryAt(start, t), entryAt(start + slack + 20, t + 1000)}, 0},
        {"second too far for a second", {entryAt(start, t), entryAt(start + slack + 21, t + 1000)}, 2},
        {"clock went back", {entryAt(start, t), entryAt(start + slack, t - 3'600'000)}, 0},
        {"clock went back, too far", {entryAt(start, t), entryAt(start + slack + 1, t - 3'600'000)}, 2},
        {"years later, at the cap", {entryAt(start, 0), entryAt(SimJournal::kMaxStep, t)}, 0},
        {"years later, past the cap", {entryAt(start, 0), entryAt(SimJournal::kMaxStep + 1, t)}, 2},
        {"times at the limits",
         {entryAt(start, std::numeric_limits<qint64>::min()),
          entryAt(quint64(1) << 62, std::numeric_limits<qint64>::max())},
         2},
    };
    for (const Case& c : cases) {
        QByteArray bytes;
        for (const SimJournalEntry& e : c.entries)
            bytes += SimJournal::encode(e) + '\n';
        QVERIFY(writeFile(path, bytes));
        QVector<SimJournalEntry> entries;
        const std::optional<QString> problem = SimJournal(path).load(&entries);
        if (c.badLine == 0) {
            QVERIFY2(!problem, c.name);
            QCOMPARE(entries.size(), c.entries.size());
        } else {
            QVERIFY2(
                problem && problem->contains(QStringLiteral("line %1: market step").arg(c.badLine)),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), problem.value_or(QString()))));
        }
    }
    // A step that is not a 64-bit integer at all is damage too.
    QVERIFY(writeFile(path,
                      SimJournal::encode(entryAt(start, t)).replace("\"step\":50", "\"step\":1e30") + '\n'));
    QVector<SimJournalEntry> entries;
    QVERIFY(SimJournal(path).load(&entries));
}

void TestCliRecords::simJournalDropsATornLastLine() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.jsonl"));
    const qint64 t = 1714554000000;
    const QByteArray whole =
        SimJournal::encode(entryAt(50, t, "a")) + '\n' + SimJournal::encode(entryAt(51, t, "b")) + '\n';
    const QByteArray third = SimJournal::encode(entryAt(52, t, "c"));
    const SimJournal journal(path);
    QVector<SimJournalEntry> entries;

    // A crash while the third line was written: everything before it stands, the torn tail goes.
    for (const qsizetype cut : {qsizetype(1), third.size() / 2, third.size() - 1}) {
        QVERIFY(writeFile(path, whole + third.left(cut)));
        const std::optional<QString> problem = journal.load(&entries);
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[1].request.clientId, QStringLiteral("b"));
        QCOMPARE(QFileInfo(path).size(), whole.size()); // truncated after the last whole line
        // The next call appends on a line of its own.
        QVERIFY(!journal.append(entryAt(53, t, "d")));
        QVERIFY(!journal.load(&entries));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[2].request.clientId, QStringLiteral("d"));
    }

    // Blanks after the last line break are a torn tail too.
    QVERIFY(writeFile(path, whole + "  "));
    QVERIFY(!journal.load(&entries));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(QFileInfo(path).size(), whole.size());

    // Cut just before its line break, the record is whole: kept, and the line break added.
    QVERIFY(writeFile(path, whole + third));
    QVERIFY(!journal.load(&entries));
    QCOMPARE(entries.size(), 3);
    QVERIFY(!journal.append(entryAt(53, t, "d")));
    QVERIFY(!journal.load(&entries));
    QCOMPARE(entries.size(), 4);

    // A torn line in the middle, or a whole JSON object that is no record at the end, is damage.
    QVERIFY(writeFile(path, third.left(third.size() / 2) + '\n' + whole));
    std::optional<QString> problem = journal.load(&entries);
    QVERIFY2(problem && problem->contains(QLatin1String("line 1")), qPrintable(problem.value_or(QString())));
    QVERIFY(writeFile(path, whole + R"({"v":1,"op":"sell"})"));
    problem = journal.load(&entries);
    QVERIFY2(problem && problem->contains(QLatin1String("line 3")), qPrintable(problem.value_or(QString())));
}

void TestCliRecords::simJournalSyncsEachRecord() {
#ifdef Q_OS_UNIX
    // fsync fails on a pipe (EINVAL): a journal that is a FIFO shows whether append() syncs and reports it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fifo.jsonl"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    const std::optional<QString> problem = SimJournal(path).append(entryAt(50, 1714554000000));
    ::close(reader);
    QVERIFY(problem);
    QVERIFY2(problem->startsWith(QLatin1String("Cannot write the simulated venue's state file")),
             qPrintable(*problem));
#else
    QSKIP("fsync of a pipe is a Unix test");
#endif
}

QTEST_GUILESS_MAIN(TestCliRecords)
#include "tst_cli_records.moc"
