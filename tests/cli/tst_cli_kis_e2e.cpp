// The real hoga-cli binary against the loopback KIS fake (--venue kis [--virtual] --rest-url --account, keys
// in the environment): quotations, candles, an order's life and balances, on the real and the virtual
// server. Every run is a new process that asks for its own token: the fake's issue throttle is off here
// (tst_kis_connector covers it).
#include "cli_process.h"
#include "support/fake_kis/fake_kis_server.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

QList<QJsonObject> records(const CliProcessRun& run) {
    QList<QJsonObject> list;
    for (const QByteArray& line : run.lines())
        list << QJsonDocument::fromJson(line).object();
    return list;
}

QString text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestCliKis : public QObject {
    Q_OBJECT
public:
    explicit TestCliKis(bool isVirtual)
        : m_virtual(isVirtual) {}

private slots:
    void init() {
        m_server = std::make_unique<FakeKisServer>(m_virtual);
        QVERIFY(m_server->start());
        m_server->setTokenThrottleMs(0);
        m_server->setRequestsPerSecond(1000); // processes in a row each start a fresh limiter
        m_server->setHolding(QStringLiteral("000660"), 5, QStringLiteral("150000.5"));
    }
    void cleanup() { m_server.reset(); }

    void quotations() {
        CliProcessRun run = cli(QStringLiteral("ticker 005930"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(text(records(run).value(0), "last"), QStringLiteral("65800"));
        QCOMPARE(text(records(run).value(0), "change_rate"), QStringLiteral("-0.0023"));

        run = cli(QStringLiteral("orderbook 005930"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject book = records(run).value(0);
        QCOMPARE(book.value(QStringLiteral("bids")).toArray().size(), 10);
        QCOMPARE(book.value(QStringLiteral("asks")).toArray().size(), 10);

        for (const char* interval : {"1d", "1w", "1M"}) {
            run =
                cli(QStringLiteral("candles 005930 --interval %1 --count 150").arg(QLatin1String(interval)));
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            QCOMPARE(records(run).size(), 150);
        }
        run = cli(QStringLiteral("candles 005930 --interval 1m --count 30"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

        run = cli(QStringLiteral("ticker 999999"));
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
    }

    void orderLifeAndBalances() {
        CliProcessRun run =
            cli(QStringLiteral("order create 005930 --side buy --type limit --qty 3 --price 60000"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString id = text(records(run).value(0), "id");
        QCOMPARE(id, QStringLiteral("0000000001"));
        QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("open"));

        run = cli(QStringLiteral("orders open"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(records(run).size(), 1);

        run = cli(QStringLiteral("order cancel --id ") + id);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));

        run = cli(QStringLiteral("order create 000660 --side sell --type market --qty 2"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(text(records(run).value(0), "id"), QStringLiteral("0000000003"));

        run = cli(QStringLiteral("balances"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> balances = records(run);
        QCOMPARE(balances.size(), 2);
        QCOMPARE(text(balances[0], "currency"), QStringLiteral("KRW"));
        QCOMPARE(text(balances[0], "free"), QStringLiteral("10360000"));
        QCOMPARE(text(balances[1], "currency"), QStringLiteral("000660"));
        QCOMPARE(text(balances[1], "avg_buy_price"), QStringLiteral("150000.5"));

        // Without an account number no order is sent.
        run = cli(QStringLiteral("order create 005930 --side buy --type limit --qty 1 --price 60000"), false);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(m_server->orders().size(), 3);
    }

    // --session: the KRX after-hours sessions (hours are not enforced here; tst_order_sessions and
    // tst_kis_protocol pin the clock for those). Closing-price orders go with ORD_DVSN 05/06 and ORD_UNPR
    // "0" and fill at the close; single-price orders with 07 at the order's price.
    void afterHoursSessions() {
        CliProcessRun run = cli(QStringLiteral("order create 005930 --side buy --type limit --qty 3 "
                                               "--session post_market_close"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QJsonObject placed = records(run).value(0);
        QCOMPARE(text(placed, "session"), QStringLiteral("post_market_close"));
        QCOMPARE(text(placed, "state"), QStringLiteral("open"));
        QCOMPARE(m_server->orders().last().division, QStringLiteral("06"));
        QCOMPARE(m_server->orders().last().price, 0);
        const QString closingId = text(placed, "id");

        run = cli(QStringLiteral("order create 000660 --side sell --type limit --qty 2 --price 180000 "
                                 "--session after_hours_single"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(text(records(run).value(0), "session"), QStringLiteral("after_hours_single"));
        QCOMPARE(m_server->orders().last().division, QStringLiteral("07"));
        QCOMPARE(m_server->orders().last().price, 180000);

        // Both rest until their session's match; the listing names their sessions.
        run = cli(QStringLiteral("orders open"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(records(run).size(), 2);
        QCOMPARE(m_server->matchAfterHours(QStringLiteral("005930")), 1);
        run = cli(QStringLiteral("order get --id ") + closingId);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("filled"));
        QCOMPARE(text(records(run).value(0), "session"), QStringLiteral("post_market_close"));

        // Shapes the sessions do not take are usage errors, before anything is sent.
        const int sent = int(m_server->orders().size());
        for (const char* bad :
             {"order create 005930 --side buy --type limit --qty 3 --price 65800 --session "
              "pre_market_close",
              "order create 005930 --side buy --type market --qty 3 --session "
              "after_hours_single",
              "order create 005930 --side buy --type limit --qty 3 --price 65800 --session night"}) {
            run = cli(QLatin1String(bad));
            QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        }
        // Outside 10 % of the close the fake refuses a single-price order like KIS does.
        run = cli(QStringLiteral("order create 005930 --side buy --type limit --qty 1 --price 80000 "
                                 "--session after_hours_single"));
        QVERIFY(run.exitCode != 0);
        QCOMPARE(int(m_server->orders().size()), sent);
    }

    // order modify: a new order (new ODNO) at the new price takes what remains; the journal follows it from
    // then on (the next run's cancel of the new id goes through the engine as a followed order).
    void orderModify() {
        QTemporaryDir data; // one journal for every run of this case
        QVERIFY(data.isValid());
        m_dataDir = data.path();
        CliProcessRun run =
            cli(QStringLiteral("order create 005930 --side buy --type limit --qty 3 --price 60000"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString id = text(records(run).value(0), "id");

        run = cli(QStringLiteral("order modify %1 --market 005930 --price 60050").arg(id));
        QVERIFY(run.exitCode != 0); // off the 100 KRW tick: refused before sending
        QCOMPARE(run.errorKind(), QStringLiteral("invalid_order"));
        run = cli(QStringLiteral("order modify %1 --market 000660 --price 61000").arg(id));
        QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
        run = cli(QStringLiteral("order modify %1 --price 61000").arg(id));
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(m_server->modifies(), 0);

        run = cli(QStringLiteral("order modify %1 --market 005930 --price 61000").arg(id));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(records(run).size(), 1);
        const QJsonObject modified = records(run).value(0);
        const QString newId = text(modified, "id");
        QVERIFY(!newId.isEmpty() && newId != id);
        QCOMPARE(text(modified, "price"), QStringLiteral("61000"));
        QCOMPARE(text(modified, "qty"), QStringLiteral("3"));
        QCOMPARE(text(modified, "state"), QStringLiteral("open"));
        QCOMPARE(text(modified, "market"), QStringLiteral("005930"));
        QCOMPARE(m_server->modifies(), 1);
        const QList<LoopbackRequest> sent = m_server->requestsTo("order-rvsecncl");
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].header("tr_id"), m_virtual ? QByteArray("VTTC0013U") : QByteArray("TTTC0013U"));

        run = cli(QStringLiteral("orders open"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(records(run).size(), 1);
        QCOMPARE(text(records(run).value(0), "id"), newId);

        run = cli(QStringLiteral("order cancel --id ") + newId);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(text(records(run).value(0), "state"), QStringLiteral("cancelled"));
        // The journal's replacement row ("<old client id>~<new id>") was the one cancelled.
        QVERIFY2(text(records(run).value(0), "client_id").endsWith(QLatin1Char('~') + newId),
                 qPrintable(run.describe()));

        run = cli(QStringLiteral("order modify %1 --market 005930 --price 62000").arg(newId));
        QCOMPARE(run.errorKind(), QStringLiteral("invalid_order")); // cancelled: nothing to modify
        QCOMPARE(m_server->modifies(), 1);
        m_dataDir.clear();
    }

    // With --profile the token is a secret of the profile (keychain, or the encrypted file without one): the
    // next run reuses it, so the fake's one-token-a-minute throttle never trips, and no file holds it.
    void profileKeepsTheTokenAcrossRuns() {
        m_server->setTokenThrottleMs(60'000);
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QProcessEnvironment env = cliEnvironment();
        env.insert(QStringLiteral("HOGA_DATA_DIR"), data.path());
        env.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), QStringLiteral("correct horse battery"));
        env.insert(QStringLiteral("HOGA_KIS_IGNORE_SESSION_HOURS"), QStringLiteral("1"));
        CliProcessRun run =
            runHogaCli({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Kis")}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        run = runHogaCliWithInput({QStringLiteral("--profile"), QStringLiteral("Kis"), QStringLiteral("keys"),
                                   QStringLiteral("set"), QStringLiteral("--venue"), QStringLiteral("kis")},
                                  env, "fake-app-key\nfake-app-secret\n12345678-01\nreal\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        // The token is kept in the OS keychain (with-keyring.sh's Secret Service under ctest) or in the
        // encrypted key file without one: either way the next run reuses it.
        QStringList args{QStringLiteral("--profile"),  QStringLiteral("Kis"),
                         QStringLiteral("--venue"),    QStringLiteral("kis"),
                         QStringLiteral("--rest-url"), m_server->restUrl().toString()};
        if (m_virtual)
            args << QStringLiteral("--virtual");
        for (int i = 0; i < 3; ++i) {
            run = runHogaCli(args + QStringList{QStringLiteral("ticker"), QStringLiteral("005930")}, env);
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            QCOMPARE(text(records(run).value(0), "last"), QStringLiteral("65800"));
        }
        QCOMPARE(m_server->tokensIssued(), 1);
        // Removing the keys removes the token issued for them: the same keys set again get a new one.
        run = runHogaCli({QStringLiteral("--profile"), QStringLiteral("Kis"), QStringLiteral("keys"),
                          QStringLiteral("remove"), QStringLiteral("--venue"), QStringLiteral("kis")},
                         env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        run = runHogaCliWithInput({QStringLiteral("--profile"), QStringLiteral("Kis"), QStringLiteral("keys"),
                                   QStringLiteral("set"), QStringLiteral("--venue"), QStringLiteral("kis")},
                                  env, "fake-app-key\nfake-app-secret\n12345678-01\nreal\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        m_server->setTokenThrottleMs(0);
        run = runHogaCli(args + QStringList{QStringLiteral("ticker"), QStringLiteral("005930")}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(m_server->tokensIssued(), 2);
        QDirIterator files(data.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("fake-token-"), qPrintable(file.fileName()));
        }
    }

private:
    CliProcessRun cli(const QString& command, bool withAccount = true) {
        QStringList args{QStringLiteral("--venue"),      QStringLiteral("kis"),
                         QStringLiteral("--rest-url"),   m_server->restUrl().toString(),
                         QStringLiteral("--timeout-ms"), QStringLiteral("15000")};
        if (m_virtual)
            args << QStringLiteral("--virtual");
        if (withAccount)
            args << QStringLiteral("--account") << QStringLiteral("12345678-01");
        args << command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QProcessEnvironment env =
            cliEnvironment(QStringLiteral("fake-app-key"), QStringLiteral("fake-app-secret"));
        env.insert(QStringLiteral("HOGA_KIS_IGNORE_SESSION_HOURS"), QStringLiteral("1"));
        if (!m_dataDir.isEmpty())
            env.insert(QStringLiteral("HOGA_DATA_DIR"), m_dataDir);
        return runHogaCli(args, env);
    }

    bool m_virtual;
    std::unique_ptr<FakeKisServer> m_server;
    QString m_dataDir; // empty: every run gets a fresh data folder (and journal)
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (bool isVirtual : {false, true}) {
        TestCliKis suite(isVirtual);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}

#include "tst_cli_kis_e2e.moc"
