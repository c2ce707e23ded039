// The market-data recorder: the SQL store on SQLite and on a real PostgreSQL server (same schema, exact
// decimal text), and the recorder between a connector's streams and the store (filtering, book snapshot
// depth and rate, batching on its own thread, the bounded queue and its drop counter).

#include "postgres_server.h"
#include "research/recorder/market_data_recorder.h"
#include "research/recorder/market_data_url.h"
#include "research/recorder/sql_market_data_store.h"
#include "support/fake_connector.h"

#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

Ticker ticker(const QString& market, qint64 ts) {
    Ticker t;
    t.venue = QStringLiteral("fake");
    t.market = market;
    t.last = d("45000000.5");
    t.open = d("44000000");
    t.high = d("46000000");
    t.low = d("43000000");
    t.prevClose = d("44000000");
    t.change = d("1000000.5");
    t.changeRate = d("0.0227273");
    t.volume24h = d("123.00000001");
    t.quoteVolume24h = d("5535000000000.123");
    t.timestampMs = ts;
    return t;
}

Trade trade(const QString& market, qint64 ts, const char* price, const char* qty, Side side = Side::Buy) {
    Trade t;
    t.venue = QStringLiteral("fake");
    t.market = market;
    t.id = QStringLiteral("t%1").arg(ts);
    t.price = d(price);
    t.qty = d(qty);
    t.side = side;
    t.timestampMs = ts;
    return t;
}

OrderBook book(const QString& market, qint64 ts, int levels) {
    OrderBook b(QStringLiteral("fake"), market);
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    for (int i = 0; i < levels; ++i) {
        bids.append({Decimal(1000 - i), d("0.5") + Decimal(i)});
        asks.append({Decimal(1001 + i), d("0.25") + Decimal(i)});
    }
    b.applySnapshot(bids, asks, ts);
    return b;
}

// Writes one of each row kind and reads them back exactly.
void checkRoundTrip(MarketDataStore& store) {
    BookSnapshot snapshot;
    snapshot.venue = QStringLiteral("fake");
    snapshot.market = QStringLiteral("KRW-BTC");
    snapshot.timestampMs = 1'700'000'000'300;
    snapshot.bids = {{d("100.5"), d("0.00000001")}, {d("100"), d("2")}};
    snapshot.asks = {{d("101"), d("3.25")}};
    const QVector<RecordedRow> rows{
        ticker(QStringLiteral("KRW-BTC"), 1'700'000'000'100),
        trade(QStringLiteral("KRW-BTC"), 1'700'000'000'200, "45000000.5", "0.00012345", Side::Sell), snapshot,
        trade(QStringLiteral("KRW-ETH"), 1'700'000'000'250, "3000000", "1")};
    QVERIFY2(store.write(rows), qPrintable(store.errorString()));

    const QVector<Trade> trades = store.trades(QStringLiteral("fake"), QStringLiteral("KRW-BTC"));
    QCOMPARE(trades.size(), 1);
    QCOMPARE(trades[0].price.toString(), QStringLiteral("45000000.5"));
    QCOMPARE(trades[0].qty.toString(), QStringLiteral("0.00012345"));
    QCOMPARE(trades[0].side, Side::Sell);
    QCOMPARE(trades[0].id, QStringLiteral("t1700000000200"));
    QCOMPARE(trades[0].timestampMs, 1'700'000'000'200);

    const QVector<Ticker> tickers = store.tickers(QStringLiteral("fake"), QStringLiteral("KRW-BTC"));
    QCOMPARE(tickers.size(), 1);
    QCOMPARE(tickers[0].last, d("45000000.5"));
    QCOMPARE(tickers[0].volume24h.toString(), QStringLiteral("123.00000001"));
    QCOMPARE(tickers[0].quoteVolume24h.toString(), QStringLiteral("5535000000000.123"));
    QCOMPARE(tickers[0].changeRate, d("0.0227273"));

    const QVector<BookSnapshot> books = store.books(QStringLiteral("fake"), QStringLiteral("KRW-BTC"));
    QCOMPARE(books.size(), 1);
    QCOMPARE(books[0].bids, snapshot.bids);
    QCOMPARE(books[0].asks, snapshot.asks);
    QCOMPARE(books[0].timestampMs, snapshot.timestampMs);

    // Time ranges: from inclusive, to exclusive.
    QVERIFY(store.trades(QStringLiteral("fake"), QStringLiteral("KRW-BTC"), 0, 1'700'000'000'200).isEmpty());
    QCOMPARE(store.trades(QStringLiteral("fake"), QStringLiteral("KRW-BTC"), 1'700'000'000'200).size(), 1);

    const auto markets = store.recordedMarkets();
    QCOMPARE(markets.size(), 2);
    QCOMPARE(markets[0].second, QStringLiteral("KRW-BTC"));
    QCOMPARE(markets[1].second, QStringLiteral("KRW-ETH"));
}

// A store whose writes wait at a gate, so a test can hold the writer thread inside a batch.
class GatedStore final : public MarketDataStore {
public:
    GatedStore(QSemaphore* entered, QSemaphore* gate)
        : m_entered(entered)
        , m_gate(gate) {}
    bool open() override { return true; }
    QString errorString() const override { return {}; }
    bool write(const QVector<RecordedRow>&) override {
        m_entered->release();
        m_gate->acquire();
        return true;
    }
    QVector<Trade> trades(const QString&, const QString&, qint64, qint64) override { return {}; }
    QVector<Ticker> tickers(const QString&, const QString&, qint64, qint64) override { return {}; }
    QVector<BookSnapshot> books(const QString&, const QString&, qint64, qint64) override { return {}; }
    QVector<QPair<QString, QString>> recordedMarkets() override { return {}; }

private:
    QSemaphore* m_entered;
    QSemaphore* m_gate;
};

} // namespace

class TestMarketDataRecorder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void urls();
    void sqliteRoundTrip();
    void sqliteSchemaIsTextWalAndIndexed();
    void reopeningKeepsTheSchemaAndANewerOneIsRefused();
    void recorderFollowsTheConnectorStreams();
    void bookSnapshotsAreLimitedInDepthAndRate();
    void fullQueueDropsAndCounts();
    void unopenableStoreFailsToStart();
    void postgresRoundTripAndRecorder();

private:
    std::unique_ptr<test::PostgresServer> m_postgres;
    QString m_postgresProblem;
};

void TestMarketDataRecorder::initTestCase() {
    if (test::PostgresServer::binDir().isEmpty()) {
        m_postgresProblem = test::PostgresServer::missingReason();
        return;
    }
    m_postgres = std::make_unique<test::PostgresServer>();
    if (!m_postgres->start())
        m_postgresProblem = m_postgres->errorString();
}

void TestMarketDataRecorder::cleanupTestCase() {
    m_postgres.reset();
}

void TestMarketDataRecorder::urls() {
    auto pg = MarketDataUrl::parse(QStringLiteral("postgresql://alice@db.local:5433/market"));
    QVERIFY(pg);
    QCOMPARE(pg->engine, MarketDataUrl::Engine::Postgres);
    QCOMPARE(pg->host, QStringLiteral("db.local"));
    QCOMPARE(pg->port, 5433);
    QCOMPARE(pg->user, QStringLiteral("alice"));
    QCOMPARE(pg->database, QStringLiteral("market"));
    QCOMPARE(MarketDataUrl::parse(QStringLiteral("postgres://bob@h/db"))->port, 5432);
    // Passwords never travel in the URL.
    QVERIFY(!MarketDataUrl::parse(QStringLiteral("postgresql://alice:secret@h/db")));
    QVERIFY(!MarketDataUrl::parse(QStringLiteral("postgresql://h")));
    QCOMPARE(MarketDataUrl::parse(QStringLiteral("/tmp/md.sqlite"))->filePath,
             QStringLiteral("/tmp/md.sqlite"));
    QCOMPARE(MarketDataUrl::parse(QStringLiteral("sqlite:///tmp/md.sqlite"))->filePath,
             QStringLiteral("/tmp/md.sqlite"));
    QVERIFY(!MarketDataUrl::parse(QStringLiteral("mysql://h/db")));
    QVERIFY(!MarketDataUrl::parse(QString()));
}

void TestMarketDataRecorder::sqliteRoundTrip() {
    QTemporaryDir dir;
    SqlMarketDataStore store(MarketDataUrl::sqlite(dir.filePath(QStringLiteral("md.sqlite"))));
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    checkRoundTrip(store);
}

void TestMarketDataRecorder::sqliteSchemaIsTextWalAndIndexed() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("md.sqlite"));
    {
        SqlMarketDataStore store(MarketDataUrl::sqlite(path));
        QVERIFY(store.open());
        QVERIFY(store.write({trade(QStringLiteral("KRW-BTC"), 5, "45000000", "0.1")}));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(
            q.exec(QStringLiteral("SELECT typeof(price), typeof(qty), price, typeof(ts) FROM md_trades")) &&
            q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("text"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("45000000"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("integer"));
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")));
        QStringList indexes;
        while (q.next())
            indexes << q.value(0).toString();
        QCOMPARE(indexes, (QStringList{QStringLiteral("md_books_market_time"),
                                       QStringLiteral("md_tickers_market_time"),
                                       QStringLiteral("md_trades_market_time")}));
        // The index serves the recorder's reads by market and time.
        QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT * FROM md_trades WHERE venue = 'fake' AND "
                                      "market = 'KRW-BTC' AND ts >= 0 ORDER BY ts")) &&
                q.next());
        QVERIFY2(q.value(3).toString().contains(QLatin1String("md_trades_market_time")),
                 qPrintable(q.value(3).toString()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
}

void TestMarketDataRecorder::reopeningKeepsTheSchemaAndANewerOneIsRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("md.sqlite"));
    {
        SqlMarketDataStore store(MarketDataUrl::sqlite(path));
        QVERIFY(store.open());
        QCOMPARE(store.schemaVersion(), SqlMarketDataStore::kSchemaVersion);
        QVERIFY(store.write({trade(QStringLiteral("KRW-BTC"), 5, "1", "1")}));
    }
    {
        SqlMarketDataStore store(MarketDataUrl::sqlite(path));
        QVERIFY2(store.open(), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), SqlMarketDataStore::kSchemaVersion);
        QCOMPARE(store.trades(QStringLiteral("fake"), QStringLiteral("KRW-BTC")).size(), 1);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO md_schema_version (version) VALUES (99)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    SqlMarketDataStore store(MarketDataUrl::sqlite(path));
    QVERIFY(!store.open());
    QVERIFY(store.errorString().contains(QLatin1String("newer")));
}

void TestMarketDataRecorder::recorderFollowsTheConnectorStreams() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("md.sqlite"));
    test::FakeConnector connector;
    ManualClock clock;
    RecorderSettings settings;
    settings.markets = {QStringLiteral("KRW-BTC")};
    settings.channels = TickerChannel | TradeChannel;
    MarketDataRecorder recorder(
        [path] { return std::make_unique<SqlMarketDataStore>(MarketDataUrl::sqlite(path)); }, settings,
        &clock);
    QVERIFY(recorder.start());
    recorder.attach(&connector);
    QCOMPARE(connector.subscribedMarkets, settings.markets);
    QCOMPARE(connector.subscribedChannels, unsigned(TickerChannel | TradeChannel));

    emit connector.tickerUpdated(ticker(QStringLiteral("KRW-BTC"), 10));
    emit connector.tradeReceived(trade(QStringLiteral("KRW-BTC"), 11, "45000000", "0.5"));
    emit connector.tradeReceived(trade(QStringLiteral("KRW-BTC"), 12, "45000001", "0.25"));
    emit connector.tradeReceived(trade(QStringLiteral("KRW-ETH"), 13, "3000000", "1")); // not chosen
    emit connector.orderBookUpdated(book(QStringLiteral("KRW-BTC"), 14, 3));            // channel not chosen
    QVERIFY(recorder.flush());
    QCOMPARE(recorder.rowsWritten(), 3);
    QCOMPARE(recorder.rowsDropped(), 0);
    recorder.stop();
    QVERIFY(connector.subscribedMarkets.isEmpty()); // unsubscribed on stop

    SqlMarketDataStore store(MarketDataUrl::sqlite(path));
    QVERIFY(store.open());
    const QVector<Trade> trades = store.trades(QStringLiteral("fake"), QStringLiteral("KRW-BTC"));
    QCOMPARE(trades.size(), 2);
    QCOMPARE(trades[1].price, d("45000001"));
    QCOMPARE(store.tickers(QStringLiteral("fake"), QStringLiteral("KRW-BTC")).size(), 1);
    QVERIFY(store.trades(QStringLiteral("fake"), QStringLiteral("KRW-ETH")).isEmpty());
    QVERIFY(store.books(QStringLiteral("fake"), QStringLiteral("KRW-BTC")).isEmpty());
}

void TestMarketDataRecorder::bookSnapshotsAreLimitedInDepthAndRate() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("md.sqlite"));
    ManualClock clock(1'000'000);
    RecorderSettings settings;
    settings.channels = OrderBookChannel; // no market list: every market
    settings.bookDepth = 2;
    settings.bookIntervalMs = 1000;
    MarketDataRecorder recorder(
        [path] { return std::make_unique<SqlMarketDataStore>(MarketDataUrl::sqlite(path)); }, settings,
        &clock);
    QVERIFY(recorder.start());
    recorder.recordBook(book(QStringLiteral("KRW-BTC"), 1, 5)); // kept
    clock.advanceMs(999);
    recorder.recordBook(book(QStringLiteral("KRW-BTC"), 2, 5)); // too soon
    recorder.recordBook(book(QStringLiteral("KRW-ETH"), 3, 5)); // another market: kept
    clock.advanceMs(1);
    recorder.recordBook(book(QStringLiteral("KRW-BTC"), 4, 5)); // a full interval later: kept
    QVERIFY(recorder.flush());
    recorder.stop();
    QCOMPARE(recorder.rowsWritten(), 3);

    SqlMarketDataStore store(MarketDataUrl::sqlite(path));
    QVERIFY(store.open());
    const QVector<BookSnapshot> books = store.books(QStringLiteral("fake"), QStringLiteral("KRW-BTC"));
    QCOMPARE(books.size(), 2);
    QCOMPARE(books[0].timestampMs, 1);
    QCOMPARE(books[1].timestampMs, 4);
    QCOMPARE(books[0].bids.size(), 2);
    QCOMPARE(books[0].asks.size(), 2);
    QCOMPARE(books[0].bids[0].price, Decimal(1000));
    QCOMPARE(books[0].asks[1].qty, d("1.25"));
}

void TestMarketDataRecorder::fullQueueDropsAndCounts() {
    QSemaphore entered;
    QSemaphore gate;
    RecorderSettings settings;
    settings.queueCapacity = 3;
    settings.batchSize = 1;
    MarketDataRecorder recorder([&] { return std::make_unique<GatedStore>(&entered, &gate); }, settings);
    QVERIFY(recorder.start());
    recorder.recordTrade(trade(QStringLiteral("KRW-BTC"), 1, "1", "1"));
    QVERIFY(entered.tryAcquire(1, 10'000)); // the writer holds row 1 inside write()
    for (int i = 2; i <= 6; ++i)
        recorder.recordTrade(trade(QStringLiteral("KRW-BTC"), i, "1", "1"));
    QCOMPARE(recorder.rowsQueued(), 3);
    QCOMPARE(recorder.rowsDropped(), 2);
    gate.release(4);
    QVERIFY(recorder.flush());
    QCOMPARE(recorder.rowsWritten(), 4);
    QCOMPARE(recorder.rowsDropped(), 2);
    recorder.stop();
}

void TestMarketDataRecorder::unopenableStoreFailsToStart() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/md.sqlite"));
    MarketDataRecorder recorder(
        [path] { return std::make_unique<SqlMarketDataStore>(MarketDataUrl::sqlite(path)); },
        RecorderSettings{});
    QVERIFY(!recorder.start());
    QVERIFY(!recorder.errorString().isEmpty());
    QVERIFY(!recorder.isRunning());
}

void TestMarketDataRecorder::postgresRoundTripAndRecorder() {
    if (!m_postgresProblem.isEmpty()) {
        if (test::PostgresServer::binDir().isEmpty())
            QSKIP(qPrintable(m_postgresProblem));
        QFAIL(qPrintable(QStringLiteral("PostgreSQL did not start: ") + m_postgresProblem));
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        QFAIL("Qt's QPSQL driver is missing: install the Debian package libqt6sql6-psql");
    const std::optional<MarketDataUrl> url = MarketDataUrl::parse(m_postgres->url());
    QVERIFY(url);
    {
        SqlMarketDataStore store(*url);
        QVERIFY2(store.open(), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), SqlMarketDataStore::kSchemaVersion);
        checkRoundTrip(store);
    }
    {
        SqlMarketDataStore again(*url); // migrations are not re-run
        QVERIFY2(again.open(), qPrintable(again.errorString()));
        QCOMPARE(again.trades(QStringLiteral("fake"), QStringLiteral("KRW-BTC")).size(), 1);
    }
    RecorderSettings settings;
    settings.markets = {QStringLiteral("KRW-XRP")};
    MarketDataRecorder recorder([url] { return std::make_unique<SqlMarketDataStore>(*url); }, settings);
    QVERIFY2(recorder.start(), qPrintable(recorder.errorString()));
    for (int i = 0; i < 250; ++i)
        recorder.recordTrade(trade(QStringLiteral("KRW-XRP"), 1000 + i, "812.5", "10"));
    QVERIFY(recorder.flush());
    recorder.stop();
    QCOMPARE(recorder.rowsWritten(), 250);
    SqlMarketDataStore store(*url);
    QVERIFY(store.open());
    const QVector<Trade> trades = store.trades(QStringLiteral("fake"), QStringLiteral("KRW-XRP"));
    QCOMPARE(trades.size(), 250);
    QCOMPARE(trades.last().price.toString(), QStringLiteral("812.5"));
}

QTEST_GUILESS_MAIN(TestMarketDataRecorder)
#include "tst_market_data_recorder.moc"
