// The real hoga-cli binary against the strict loopback fake Binance (--venue binance [--testnet] --rest-url
// --ws-url --ws-api-url, keys in the environment): every command of the contract, the records' exact
// decimals, an order's life by id and by client id, a lost order answer, and the errors a script must tell
// apart. Run once against production endpoints and once with --testnet.
#include "cli_process.h"
#include "support/fake_binance/fake_binance_server.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace hoga;
using namespace hoga::test;

namespace {

const QString kApiKey = QStringLiteral("cli-binance-key");
const QByteArray kSecret = QByteArrayLiteral("cli-binance-secret");

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

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

Decimal number(const QJsonObject& o, const char* key) {
    return Decimal::parse(text(o, key)).value_or(Decimal(-1));
}

// Every decimal member of a record is in canonical text.
bool decimalsCanonical(const QJsonObject& o, const QStringList& keys) {
    for (const QString& k : keys)
        if (!isCanonicalDecimal(o.value(k).toString()))
            return false;
    return true;
}

} // namespace

class TestCliBinance : public QObject {
    Q_OBJECT
public:
    explicit TestCliBinance(bool testnet)
        : m_testnet(testnet) {}

private slots:
    void init() {
        m_server = std::make_unique<FakeBinanceServer>(
            5, QHash<QString, Decimal>{{QStringLiteral("USDT"), Decimal(5000)},
                                       {QStringLiteral("BTC"), Decimal::fromString("0.5")}});
        QVERIFY(m_server->start());
        m_server->addKey(kApiKey, kSecret);
    }
    void cleanup() { m_server.reset(); }

    void markets();
    void tickers();
    void orderBookAndTrades();
    void candlesPageBeyondOneThousand();
    void candlesPageForwardFromAStart();
    void balancesNeedGoodKeys();
    void limitOrderLife();
    void timeInForceAndMarketOrders();
    void localRejectionSendsNothing();
    void sellingMoreThanHeldIsRefused();
    void venueFilterFailureNamesTheValidValues();
    void lostOrderAnswerIsLookedUp();
    void unknownOrders();
    void streams();

private:
    QString venue() const {
        return m_testnet ? QStringLiteral("binance-testnet") : QStringLiteral("binance");
    }
    CliProcessRun cli(const QString& command, const QProcessEnvironment& env = {}) {
        QStringList args{QStringLiteral("--venue"),      QStringLiteral("binance"),
                         QStringLiteral("--rest-url"),   m_server->restUrl().toString(),
                         QStringLiteral("--ws-url"),     m_server->wsUrl().toString(),
                         QStringLiteral("--ws-api-url"), m_server->wsApiUrl().toString(),
                         QStringLiteral("--timeout-ms"), QStringLiteral("10000")};
        if (m_testnet)
            args << QStringLiteral("--testnet");
        args << command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return runHogaCli(args, env.isEmpty() ? cliEnvironment(kApiKey, QString::fromLatin1(kSecret)) : env);
    }
    // A limit buy price well below the market, on the tick.
    Decimal restingBuyPrice() const {
        return m_server->lastPrice(QStringLiteral("BTCUSDT")).divide(Decimal(2), 0, Rounding::Down);
    }

    bool m_testnet;
    std::unique_ptr<FakeBinanceServer> m_server;
};

void TestCliBinance::markets() {
    const CliProcessRun run = cli(QStringLiteral("markets"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QJsonObject> list = records(run);
    QCOMPARE(list.size(), 2);
    QCOMPARE(keysInOrder(run.lines().first()).mid(0, 4), (QStringList{"venue", "market", "base", "quote"}));
    QCOMPARE(text(list[0], "venue"), venue());
    QCOMPARE(text(list[0], "market"), QStringLiteral("BTCUSDT"));
    QCOMPARE(text(list[0], "base"), QStringLiteral("BTC"));
    QCOMPARE(text(list[0], "quote"), QStringLiteral("USDT"));
    QCOMPARE(text(list[1], "market"), QStringLiteral("ETHUSDT"));
    QCOMPARE(m_server->requestCount("/api/v3/exchangeInfo"), 1);
}

void TestCliBinance::tickers() {
    CliProcessRun run = cli(QStringLiteral("ticker BTCUSDT ETHUSDT"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QJsonObject> list = records(run);
    QCOMPARE(list.size(), 2);
    QCOMPARE(keysInOrder(run.lines().first()),
             (QStringList{"venue", "market", "last", "open", "high", "low", "change_rate", "volume_24h",
                          "quote_volume_24h", "timestamp"}));
    QCOMPARE(m_server->requestCount("/api/v3/ticker/24hr"), 1); // both symbols in one request
    for (const QJsonObject& t : list) {
        QCOMPARE(text(t, "venue"), venue());
        QVERIFY(decimalsCanonical(
            t, {"last", "open", "high", "low", "change_rate", "volume_24h", "quote_volume_24h"}));
        // change_rate is priceChangePercent / 100, exactly: the fake sends the percent with 3 decimals.
        const Decimal open = number(t, "open");
        const Decimal percent =
            ((number(t, "last") - open) * Decimal(100)).divide(open, 3, Rounding::HalfEven);
        QCOMPARE(text(t, "change_rate"), percent.divide(Decimal(100), 5, Rounding::HalfEven).toString());
    }
    QCOMPARE(text(list[0], "market"), QStringLiteral("BTCUSDT"));
    QCOMPARE(text(list[0], "last"), m_server->lastPrice(QStringLiteral("BTCUSDT")).toString());

    run = cli(QStringLiteral("ticker NOSUCHUSDT"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
    QCOMPARE(text(run.error(), "venue_code"), QStringLiteral("-1121"));
}

void TestCliBinance::orderBookAndTrades() {
    m_server->step();
    CliProcessRun run = cli(QStringLiteral("orderbook BTCUSDT --depth 5"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject book = records(run).value(0);
    QCOMPARE(text(book, "market"), QStringLiteral("BTCUSDT"));
    const QJsonArray bids = book.value(QStringLiteral("bids")).toArray();
    const QJsonArray asks = book.value(QStringLiteral("asks")).toArray();
    QCOMPARE(bids.size(), 5);
    QCOMPARE(asks.size(), 5);
    for (int i = 1; i < 5; ++i) { // best first
        QVERIFY(*Decimal::parse(bids[i].toArray()[0].toString()) <
                *Decimal::parse(bids[i - 1].toArray()[0].toString()));
        QVERIFY(*Decimal::parse(asks[i].toArray()[0].toString()) >
                *Decimal::parse(asks[i - 1].toArray()[0].toString()));
    }
    QVERIFY(*Decimal::parse(bids[0].toArray()[0].toString()) <
            *Decimal::parse(asks[0].toArray()[0].toString()));

    for (int i = 0; i < 5; ++i)
        m_server->step();
    run = cli(QStringLiteral("trades BTCUSDT --count 7"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QJsonObject> trades = records(run);
    QVERIFY(!trades.isEmpty() && trades.size() <= 7);
    for (int i = 0; i < trades.size(); ++i) {
        QCOMPARE(text(trades[i], "market"), QStringLiteral("BTCUSDT"));
        QVERIFY(decimalsCanonical(trades[i], {"price", "qty"}));
        QVERIFY(QStringList({"buy", "sell"}).contains(text(trades[i], "side")));
        if (i > 0) // newest first
            QVERIFY(trades[i].value(QStringLiteral("timestamp")).toInteger() <=
                    trades[i - 1].value(QStringLiteral("timestamp")).toInteger());
    }
}

// 1,500 one-minute candles take two klines requests (1,000 is Binance's limit), oldest first, contiguous.
void TestCliBinance::candlesPageBeyondOneThousand() {
    const CliProcessRun run = cli(QStringLiteral("candles BTCUSDT --interval 1m --count 1500"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QJsonObject> candles = records(run);
    QCOMPARE(candles.size(), 1500);
    QCOMPARE(m_server->requestCount("/api/v3/klines"), 2);
    for (int i = 1; i < candles.size(); ++i)
        QCOMPARE(candles[i].value(QStringLiteral("open_time")).toInteger() -
                     candles[i - 1].value(QStringLiteral("open_time")).toInteger(),
                 qint64(60'000));
    QVERIFY(decimalsCanonical(candles.last(), {"open", "high", "low", "close", "volume"}));
}

// --from pages forward with startTime: the first 1,200 one-minute candles from that minute, two requests.
void TestCliBinance::candlesPageForwardFromAStart() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = (now - 2 * 86'400'000) / 60'000 * 60'000;
    const QString iso = QDateTime::fromMSecsSinceEpoch(from, Qt::UTC).toString(Qt::ISODate);
    const CliProcessRun run =
        cli(QStringLiteral("candles BTCUSDT --interval 1m --count 1200 --from %1").arg(iso));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QJsonObject> candles = records(run);
    QCOMPARE(candles.size(), 1200);
    QCOMPARE(candles.first().value(QStringLiteral("open_time")).toInteger(), from);
    for (int i = 1; i < candles.size(); ++i)
        QCOMPARE(candles[i].value(QStringLiteral("open_time")).toInteger() -
                     candles[i - 1].value(QStringLiteral("open_time")).toInteger(),
                 qint64(60'000));
    QCOMPARE(m_server->requestCount("/api/v3/klines"), 2);
}

void TestCliBinance::balancesNeedGoodKeys() {
    CliProcessRun run = cli(QStringLiteral("balances"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QHash<QString, QJsonObject> byCurrency;
    for (const QJsonObject& b : records(run))
        byCurrency.insert(text(b, "currency"), b);
    QCOMPARE(byCurrency.size(), 2);
    QCOMPARE(text(byCurrency.value(QStringLiteral("USDT")), "free"), QStringLiteral("5000"));
    QCOMPARE(text(byCurrency.value(QStringLiteral("BTC")), "free"), QStringLiteral("0.5"));
    QCOMPARE(text(byCurrency.value(QStringLiteral("BTC")), "locked"), QStringLiteral("0"));
    QCOMPARE(text(byCurrency.value(QStringLiteral("BTC")), "venue"), venue());

    run = cli(QStringLiteral("balances"), cliEnvironment(QStringLiteral("unknown-key"), QStringLiteral("x")));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
    QCOMPARE(text(run.error(), "venue_code"), QStringLiteral("-2015"));
    QVERIFY(run.out.isEmpty());

    run = cli(QStringLiteral("balances"), cliEnvironment(kApiKey, QStringLiteral("wrong-secret")));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
    QCOMPARE(text(run.error(), "venue_code"), QStringLiteral("-1022"));

    run = cli(QStringLiteral("balances"), cliEnvironment()); // no keys at all
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
}

void TestCliBinance::limitOrderLife() {
    const QString price = restingBuyPrice().toString();
    CliProcessRun run = cli(QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.001 "
                                           "--client-id cli-bn-1 --price ") +
                            price);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject created = records(run).value(0);
    QCOMPARE(keysInOrder(run.lines().first()),
             (QStringList{"venue", "id", "client_id", "market", "side", "type", "price", "qty", "total",
                          "filled_qty", "state", "created_at"}));
    const QString id = text(created, "id");
    QVERIFY2(QRegularExpression(QStringLiteral("^BTCUSDT:\\d+$")).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(text(created, "client_id"), QStringLiteral("cli-bn-1"));
    QCOMPARE(text(created, "state"), QStringLiteral("open"));
    QCOMPARE(text(created, "price"), price);
    QCOMPARE(text(created, "qty"), QStringLiteral("0.001"));
    QCOMPARE(m_server->orderPostCount(), 1);

    // A new process knows nothing of the client id: it finds the order all the same.
    run = cli(QStringLiteral("order get --client-id cli-bn-1"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "id"), id);
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("open"));

    run = cli(QStringLiteral("orders open"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 1);
    QCOMPARE(text(records(run).value(0), "id"), id);
    run = cli(QStringLiteral("orders open ETHUSDT"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 0);

    run = cli(QStringLiteral("balances"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    for (const QJsonObject& b : records(run))
        if (text(b, "currency") == QLatin1String("USDT"))
            QVERIFY(number(b, "locked") >= *Decimal::parse(price) * Decimal::fromString("0.001")); // + fee

    run = cli(QStringLiteral("order cancel --id ") + id);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "id"), id);
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));

    run = cli(QStringLiteral("order get --id ") + id);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));

    run = cli(QStringLiteral("orders open"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 0);

    // Cancelled by client id from a new process: the open orders name its symbol first.
    run = cli(QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.002 --client-id cli-bn-2 "
                             "--price ") +
              price);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = cli(QStringLiteral("order cancel --client-id cli-bn-2"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "client_id"), QStringLiteral("cli-bn-2"));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));
}

void TestCliBinance::timeInForceAndMarketOrders() {
    const QString farBelow = restingBuyPrice().toString();
    // IOC and FOK far from the market end at once without a fill; post-only rests.
    CliProcessRun run =
        cli(QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.001 --tif ioc --price ") +
            farBelow);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));
    QCOMPARE(text(records(run).value(0), "filled_qty"), QStringLiteral("0"));
    run = cli(QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.001 --tif fok --price ") +
              farBelow);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));
    run = cli(
        QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.001 --tif post_only --price ") +
        farBelow);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("open"));

    // A market buy by amount (quoteOrderQty) with a generated client id Binance accepts.
    run = cli(QStringLiteral("order create BTCUSDT --side buy --type market --total 100"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject bought = records(run).value(0);
    QVERIFY2(QRegularExpression(QStringLiteral("^[a-zA-Z0-9-_]{1,36}$"))
                 .match(text(bought, "client_id"))
                 .hasMatch(),
             qPrintable(text(bought, "client_id")));
    QCOMPARE(text(bought, "type"), QStringLiteral("market"));
    QCOMPARE(text(bought, "state"), QStringLiteral("filled"));
    QVERIFY(number(bought, "filled_qty").isPositive());

    // A market sell by quantity.
    run = cli(QStringLiteral("order create BTCUSDT --side sell --type market --qty 0.01"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("filled"));
    QCOMPARE(text(records(run).value(0), "filled_qty"), QStringLiteral("0.01"));
    QCOMPARE(m_server->orderPostCount(), 5);
}

void TestCliBinance::localRejectionSendsNothing() {
    // Off the 0.01 USDT tick: refused before anything is sent.
    const CliProcessRun run = cli(QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.001 "
                                                 "--price 1000.005"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("invalid_order"));
    QCOMPARE(m_server->orderPostCount(), 0);
}

// More than the account holds: refused (by the venue or, knowing the balances, before sending).
void TestCliBinance::sellingMoreThanHeldIsRefused() {
    const CliProcessRun run =
        cli(QStringLiteral("order create BTCUSDT --side sell --type limit --qty 3 --price ") +
            (m_server->lastPrice(QStringLiteral("BTCUSDT")) * Decimal(2)).toString());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(QStringList({"insufficient_funds", "invalid_order"}).contains(run.errorKind()),
             qPrintable(run.describe()));
    QVERIFY(!text(run.error(), "message").isEmpty());
}

// PRICE_FILTER's maxPrice is checked by the venue only: its refusal names the filter and the market's tick.
void TestCliBinance::venueFilterFailureNamesTheValidValues() {
    const CliProcessRun run =
        cli(QStringLiteral("order create BTCUSDT --side sell --type limit --qty 0.001 --price 2000000"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("invalid_order"));
    QCOMPARE(text(run.error(), "venue_code"), QStringLiteral("-1013"));
    const QString message = text(run.error(), "message");
    QVERIFY2(message.contains(QLatin1String("PRICE_FILTER")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("multiples of 0.01 USDT")), qPrintable(message));
    QCOMPARE(m_server->orderPostCount(), 1);
}

// Binance takes the order, then the connection drops before the answer: hoga-cli looks the order up by its
// client id and prints it; the order was sent once.
void TestCliBinance::lostOrderAnswerIsLookedUp() {
    m_server->loseNextOrderAnswer();
    const CliProcessRun run = cli(QStringLiteral("order create BTCUSDT --side buy --type limit --qty 0.001 "
                                                 "--client-id cli-bn-lost --price ") +
                                  restingBuyPrice().toString());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(text(records(run).value(0), "client_id"), QStringLiteral("cli-bn-lost"));
    QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("open"));
    QVERIFY(text(records(run).value(0), "id").startsWith(QLatin1String("BTCUSDT:")));
    QCOMPARE(m_server->orderPostCount(), 1);
}

void TestCliBinance::unknownOrders() {
    CliProcessRun run = cli(QStringLiteral("order get --id BTCUSDT:999999"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
    QCOMPARE(text(run.error(), "venue_code"), QStringLiteral("-2013"));

    run = cli(QStringLiteral("order cancel --id BTCUSDT:999999"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));

    run = cli(QStringLiteral("order get --client-id never-sent"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
}

void TestCliBinance::streams() {
    QTimer market; // the fake's market moves only when stepped
    connect(&market, &QTimer::timeout, m_server.get(), &FakeBinanceServer::step);
    market.start(50);

    CliProcessRun run = cli(QStringLiteral("stream ticker BTCUSDT ETHUSDT --count 4"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 4);
    for (const QJsonObject& t : records(run))
        QVERIFY(QStringList({"BTCUSDT", "ETHUSDT"}).contains(text(t, "market")));

    run = cli(QStringLiteral("stream trade BTCUSDT --count 3"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 3);
    QCOMPARE(text(records(run).value(0), "market"), QStringLiteral("BTCUSDT"));

    // The book kept from the snapshot and the numbered diffs, cut to the depth, best first.
    run = cli(QStringLiteral("stream orderbook BTCUSDT --count 3 --depth 4"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(records(run).size(), 3);
    for (const QJsonObject& book : records(run)) {
        const QJsonArray bids = book.value(QStringLiteral("bids")).toArray();
        const QJsonArray asks = book.value(QStringLiteral("asks")).toArray();
        QCOMPARE(bids.size(), 4);
        QCOMPARE(asks.size(), 4);
        QVERIFY(*Decimal::parse(bids[0].toArray()[0].toString()) <
                *Decimal::parse(asks[0].toArray()[0].toString()));
    }
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (bool testnet : {false, true}) {
        TestCliBinance suite(testnet);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}

#include "tst_cli_binance_e2e.moc"
