#include "storage/profile_database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace hoga;

class TestProfileDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static QStringList tables(const QSqlDatabase& db) {
        QStringList t = db.tables();
        t.sort();
        return t;
    }

private slots:
    void migratesFromEmpty() {
        ProfileDatabase db(path("fresh.sqlite"));
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        QVERIFY(db.isOpen());
        QCOMPARE(db.schemaVersion(), ProfileDatabase::kSchemaVersion);
        QCOMPARE(tables(db.database()), (QStringList{"app_state", "bots", "fills", "order_events", "orders",
                                                     "price_alerts", "schema_version"}));
        QSqlQuery q(db.database());
        QVERIFY(q.exec("SELECT version, description FROM schema_version"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(!q.value(1).toString().isEmpty());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        QVERIFY(!q.next());
    }

    void fileIsPrivate() {
        ProfileDatabase db(path("private.sqlite"));
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(db.filePath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
    }

    void reopenIsIdempotent() {
        const QString file = path("reopen.sqlite");
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            QSqlQuery q(db.database());
            QVERIFY(q.exec("INSERT INTO app_state (key, value, updated_ms) VALUES ('k', 'v', 1)"));
        }
        for (int i = 0; i < 2; ++i) {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok); // open twice on one object: no-op
            QCOMPARE(db.schemaVersion(), ProfileDatabase::kSchemaVersion);
            QSqlQuery q(db.database());
            QVERIFY(q.exec("SELECT COUNT(*) FROM schema_version"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(),
                     ProfileDatabase::kSchemaVersion); // each migration applied exactly once
            QVERIFY(q.exec("SELECT value FROM app_state WHERE key = 'k'"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("v"));
        }
    }

    void refusesNewerSchemaAndLeavesItAlone() {
        const QString file = path("newer.sqlite");
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            QSqlQuery q(db.database());
            QVERIFY(q.exec(
                "INSERT INTO schema_version (version, description, applied_ms) VALUES (7, 'future', 1)"));
        }
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::TooNew);
        QVERIFY(!db.isOpen());
        QVERIFY(db.errorString().contains(QStringLiteral("newer version")));
        QVERIFY(db.errorString().contains(QStringLiteral("schema 7")));
        // Still version 7 afterwards: nothing was migrated or rewritten.
        QSqlDatabase raw = QSqlDatabase::addDatabase("QSQLITE", "raw-check");
        raw.setDatabaseName(file);
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec("SELECT MAX(version) FROM schema_version"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 7);
        }
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase("raw-check");
    }

    void notADatabaseIsReported() {
        const QString file = path("garbage.sqlite");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::CannotOpen);
        QVERIFY(!db.errorString().isEmpty());
        QVERIFY(!db.isOpen());
    }

    void decimalsRoundTripAsText() {
        ProfileDatabase db(path("decimals.sqlite"));
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        const QList<Decimal> values = {Decimal::fromString("45001000"), Decimal::fromString("0.00000001"),
                                       Decimal::fromString("123456789012345678.123456789"),
                                       Decimal::fromString("-0.5"), Decimal::fromString("0.1")};
        QSqlQuery q(db.database());
        int n = 0;
        for (const Decimal& v : values) {
            QVERIFY(q.prepare(
                "INSERT INTO orders (client_id, venue, market, side, type, price, qty, total, state, "
                "created_ms, updated_ms) VALUES (?, 'sim', 'KRW-BTC', 'buy', 'limit', ?, ?, ?, "
                "'open', 1, 1)"));
            q.addBindValue(QStringLiteral("c%1").arg(n++));
            q.addBindValue(ProfileDatabase::toSql(v));
            q.addBindValue(ProfileDatabase::toSql(v.abs()));
            q.addBindValue(ProfileDatabase::toSql(std::optional<Decimal>()));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec("SELECT price, typeof(price), typeof(qty), total FROM orders ORDER BY id"));
        for (const Decimal& v : values) {
            QVERIFY(q.next());
            QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
            QCOMPARE(q.value(2).toString(), QStringLiteral("text"));
            const auto back = ProfileDatabase::decimalFromSql(q.value(0));
            QVERIFY(back.has_value());
            QCOMPARE(*back, v);
            QCOMPARE(q.value(0).toString(), v.toString());
            QVERIFY(q.value(3).isNull());
        }
    }

    void nonCanonicalMoneyIsRejected_data() {
        QTest::addColumn<QVariant>("price");
        QTest::newRow("double with .0") << QVariant(45000.0);
        QTest::newRow("exponent") << QVariant(1e-8);
        QTest::newRow("trailing zero text") << QVariant(QStringLiteral("1.50"));
        QTest::newRow("word") << QVariant(QStringLiteral("abc"));
        QTest::newRow("two dots") << QVariant(QStringLiteral("1.2.3"));
        QTest::newRow("inner minus") << QVariant(QStringLiteral("1-2"));
        QTest::newRow("empty") << QVariant(QString(""));
    }
    void nonCanonicalMoneyIsRejected() {
        QFETCH(QVariant, price);
        ProfileDatabase db(path("reject.sqlite"));
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        QSqlQuery q(db.database());
        QVERIFY(q.prepare("INSERT INTO fills (venue, market, venue_trade_id, side, price, qty, filled_ms) "
                          "VALUES ('sim', 'KRW-BTC', ?, 'buy', ?, '1', 1)"));
        q.addBindValue(QString::fromLatin1(QTest::currentDataTag()));
        q.addBindValue(price);
        QVERIFY(!q.exec());
    }

    void decimalFromSqlIsStrict() {
        QVERIFY(!ProfileDatabase::decimalFromSql(QVariant(1.5)).has_value());
        QVERIFY(!ProfileDatabase::decimalFromSql(QVariant()).has_value());
        QVERIFY(!ProfileDatabase::decimalFromSql(QVariant(QStringLiteral("1.50"))).has_value());
        QCOMPARE(*ProfileDatabase::decimalFromSql(QVariant(QStringLiteral("1.5"))),
                 Decimal::fromString("1.5"));
    }

    void connectionsAreUniquePerInstanceAndThread() {
        const QString file = path("threads.sqlite");
        ProfileDatabase main(file);
        QCOMPARE(main.open(), ProfileDatabase::Status::Ok);
        QString workerName;
        bool workerOk = false;
        QThread* worker = QThread::create([&] {
            ProfileDatabase db(file);
            workerOk = db.open() == ProfileDatabase::Status::Ok &&
                       db.schemaVersion() == ProfileDatabase::kSchemaVersion;
            workerName = db.connectionName();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(workerOk);
        QVERIFY(workerName != main.connectionName());
        ProfileDatabase second(file);
        QVERIFY(second.connectionName() != main.connectionName());
    }
};

QTEST_GUILESS_MAIN(TestProfileDatabase)
#include "tst_profile_database.moc"
