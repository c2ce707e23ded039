#include "storage/portfolio_history.h"
#include "storage/profile_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

class TestPortfolioHistory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static PortfolioValuePoint point(qint64 atMs, const char* krw, const char* usdt) {
        return {atMs, Decimal::fromString(krw), Decimal::fromString(usdt)};
    }

private slots:
    void storedExactlyAndReloaded() {
        const QString file = m_dir.filePath(QStringLiteral("history.sqlite"));
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            PortfolioHistory history(&db);
            QVERIFY(history.points().isEmpty());
            QVERIFY(history.append(point(2000, "12345678.9", "8818.34207142")));
            QVERIFY(history.append(point(1000, "12000000", "8571.42857143")));
        }
        ProfileDatabase again(file);
        QCOMPARE(again.open(), ProfileDatabase::Status::Ok);
        const QVector<PortfolioValuePoint> points = PortfolioHistory(&again).points();
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0], point(1000, "12000000", "8571.42857143")); // oldest first
        QCOMPARE(points[1], point(2000, "12345678.9", "8818.34207142"));
    }

    void boundedToTheNewest() {
        ProfileDatabase db(m_dir.filePath(QStringLiteral("bounded.sqlite")));
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        PortfolioHistory history(&db, 3);
        for (int i = 1; i <= 5; ++i)
            QVERIFY(history.append(point(i * 60'000, "1", "0")));
        const QVector<PortfolioValuePoint> points = history.points();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.first().atMs, 3 * 60'000);
        QCOMPARE(points.last().atMs, 5 * 60'000);
    }

    void closedDatabaseStoresNothing() {
        ProfileDatabase db(m_dir.filePath(QStringLiteral("never-opened.sqlite")));
        PortfolioHistory history(&db);
        QVERIFY(!history.append(point(1, "1", "1")));
        QVERIFY(history.points().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPortfolioHistory)
#include "tst_portfolio_history.moc"
