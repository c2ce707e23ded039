#include "alerts/price_alert_book.h"
#include "alerts/price_window.h"
#include "marketdata/market_data_hub.h"
#include "storage/profile_database.h"
#include "support/fake_connector.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

PriceAlert alertOn(const QString& market, PriceAlertKind kind, const char* threshold, qint64 windowMs = 0) {
    PriceAlert a;
    a.venue = QStringLiteral("upbit");
    a.market = market;
    a.kind = kind;
    a.threshold = d(threshold);
    a.windowMs = windowMs;
    return a;
}

Ticker ticker(const QString& market, const char* last) {
    Ticker t;
    t.venue = QStringLiteral("upbit");
    t.market = market;
    t.last = d(last);
    return t;
}

} // namespace

class TestPriceAlerts : public QObject {
    Q_OBJECT

private slots:
    void aboveFiresOnceAtTheCrossing() {
        ManualClock clock;
        PriceAlertBook book(clock);
        const qint64 id = book.add(alertOn("KRW-BTC", PriceAlertKind::Above, "50000000"));
        QVERIFY(id > 0);
        QSignalSpy fired(&book, &PriceAlertBook::alertFired);

        for (const char* price : {"49000000", "49999999.9", "49500000"})
            book.evaluate(ticker("KRW-BTC", price));
        QCOMPARE(fired.count(), 0);
        book.evaluate(ticker("KRW-ETH", "60000000")); // another market never fires it
        QCOMPARE(fired.count(), 0);

        clock.advanceMs(5000);
        book.evaluate(ticker("KRW-BTC", "50000000")); // at the threshold counts
        QCOMPARE(fired.count(), 1);
        const auto a = fired.at(0).at(0).value<PriceAlert>();
        QCOMPARE(a.id, id);
        QCOMPARE(a.state, PriceAlertState::Fired);
        QCOMPARE(a.firedMs, clock.nowMs());
        QCOMPARE(*a.firedPrice, d("50000000"));

        // Fires once: later prices above leave it alone.
        book.evaluate(ticker("KRW-BTC", "51000000"));
        book.evaluate(ticker("KRW-BTC", "52000000"));
        QCOMPARE(fired.count(), 1);
        QCOMPARE(*book.alert(id)->firedPrice, d("50000000"));
    }

    void belowFiresAndRearmsByChoice() {
        ManualClock clock;
        PriceAlertBook book(clock);
        const qint64 id = book.add(alertOn("KRW-BTC", PriceAlertKind::Below, "40000000"));
        QSignalSpy fired(&book, &PriceAlertBook::alertFired);
        book.evaluate(ticker("KRW-BTC", "40000001"));
        QCOMPARE(fired.count(), 0);
        book.evaluate(ticker("KRW-BTC", "39990000"));
        QCOMPARE(fired.count(), 1);
        book.evaluate(ticker("KRW-BTC", "39000000"));
        QCOMPARE(fired.count(), 1);

        QVERIFY(book.rearm(id));
        QCOMPARE(book.alert(id)->state, PriceAlertState::Armed);
        QVERIFY(!book.alert(id)->firedPrice);
        book.evaluate(ticker("KRW-BTC", "41000000"));
        QCOMPARE(fired.count(), 1);
        book.evaluate(ticker("KRW-BTC", "38000000"));
        QCOMPARE(fired.count(), 2);
        QCOMPARE(*fired.at(1).at(0).value<PriceAlert>().firedPrice, d("38000000"));
    }

    void percentMoveWithinWindow() {
        ManualClock clock;
        PriceAlertBook book(clock);
        // 5 % within one minute, either way.
        const qint64 id = book.add(alertOn("KRW-BTC", PriceAlertKind::PercentMove, "5", 60'000));
        QSignalSpy fired(&book, &PriceAlertBook::alertFired);

        // A slow climb: +6 % over three minutes never moves 5 % within one.
        const char* slow[] = {"100", "102", "104", "106"};
        for (const char* price : slow) {
            book.evaluate(ticker("KRW-BTC", price));
            clock.advanceMs(61'000);
        }
        QCOMPARE(fired.count(), 0);

        // 106 -> 100.7 within 30 s is exactly -5 %: fires.
        book.evaluate(ticker("KRW-BTC", "106"));
        clock.advanceMs(10'000);
        book.evaluate(ticker("KRW-BTC", "103"));
        QCOMPARE(fired.count(), 0);
        clock.advanceMs(20'000);
        book.evaluate(ticker("KRW-BTC", "100.7"));
        QCOMPARE(fired.count(), 1);
        QCOMPARE(*book.alert(id)->firedPrice, d("100.7"));

        // Re-armed, it forgets the prices before: no instant re-fire on the same move.
        clock.advanceMs(1000);
        QVERIFY(book.rearm(id));
        book.evaluate(ticker("KRW-BTC", "100.8"));
        QCOMPARE(fired.count(), 1);
        clock.advanceMs(20'000);
        book.evaluate(ticker("KRW-BTC", "105.84")); // +5 % from 100.8
        QCOMPARE(fired.count(), 2);
    }

    void percentMoveUpJustBelowThresholdDoesNotFire() {
        ManualClock clock;
        PriceAlertBook book(clock);
        book.add(alertOn("KRW-BTC", PriceAlertKind::PercentMove, "2.5", 10'000));
        QSignalSpy fired(&book, &PriceAlertBook::alertFired);
        book.evaluate(ticker("KRW-BTC", "200"));
        clock.advanceMs(5000);
        book.evaluate(ticker("KRW-BTC", "204.99"));
        QCOMPARE(fired.count(), 0);
        clock.advanceMs(6000); // 200 is now out of the window
        book.evaluate(ticker("KRW-BTC", "205"));
        QCOMPARE(fired.count(), 0);
        clock.advanceMs(1000);
        book.evaluate(ticker("KRW-BTC", "210.2")); // +2.54 % from 204.99
        QCOMPARE(fired.count(), 1);
    }

    void windowStaysBounded() {
        PriceWindow window;
        for (int i = 0; i < 20'000; ++i)
            window.add(i * 10, Decimal(100 + i % 7), 0);
        QVERIFY(window.bucketCount() <= PriceWindow::kMaxBuckets);
        PriceWindow coarse;
        for (int i = 0; i < 1000; ++i)
            coarse.add(i * 10, Decimal(100 + i % 7), 1000);
        QCOMPARE(coarse.bucketCount(), 10);
        const auto range = coarse.range(0);
        QVERIFY(range);
        QCOMPARE(range->low, Decimal(100));
        QCOMPARE(range->high, Decimal(106));
    }

    void invalidAlertsAreRefused() {
        ManualClock clock;
        PriceAlertBook book(clock);
        QCOMPARE(book.add(alertOn("KRW-BTC", PriceAlertKind::Above, "0")), 0);
        QVERIFY(!book.lastError().isEmpty());
        QCOMPARE(book.add(alertOn("", PriceAlertKind::Above, "1")), 0);
        QCOMPARE(book.add(alertOn("KRW-BTC", PriceAlertKind::PercentMove, "5", 0)), 0);
        QVERIFY(book.alerts().isEmpty());
        QString venue, market;
        QVERIFY(PriceAlert::splitMarketKey("upbit:KRW-BTC", &venue, &market));
        QCOMPARE(venue, QStringLiteral("upbit"));
        QCOMPARE(market, QStringLiteral("KRW-BTC"));
        QVERIFY(!PriceAlert::splitMarketKey("KRW-BTC", nullptr, nullptr));
        QVERIFY(!PriceAlert::splitMarketKey("upbit:", nullptr, nullptr));
    }

    void persistsAcrossReopen() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("hoga.sqlite");
        ManualClock clock;
        qint64 above = 0, move = 0, removed = 0;
        {
            PriceAlertBook book(clock);
            QVERIFY2(book.open(path), qPrintable(book.lastError()));
            QVERIFY(book.isPersistent());
            above = book.add(alertOn("KRW-BTC", PriceAlertKind::Above, "50000000.5"));
            move = book.add(alertOn("KRW-ETH", PriceAlertKind::PercentMove, "3.25", 600'000));
            removed = book.add(alertOn("KRW-XRP", PriceAlertKind::Below, "700"));
            QVERIFY(above > 0 && move > 0 && removed > 0);
            QVERIFY(book.remove(removed));
            clock.advanceMs(1234);
            book.evaluate(ticker("KRW-BTC", "50000001"));
            QCOMPARE(book.alert(above)->state, PriceAlertState::Fired);
        }
        {
            PriceAlertBook book(clock);
            QVERIFY(book.open(path));
            const QList<PriceAlert> alerts = book.alerts();
            QCOMPARE(alerts.size(), 2);
            const PriceAlert a = *book.alert(above);
            QCOMPARE(a.market, QStringLiteral("KRW-BTC"));
            QCOMPARE(a.venue, QStringLiteral("upbit"));
            QCOMPARE(a.kind, PriceAlertKind::Above);
            QCOMPARE(a.threshold, d("50000000.5"));
            QCOMPARE(a.state, PriceAlertState::Fired);
            QCOMPARE(a.firedMs, clock.nowMs());
            QCOMPARE(*a.firedPrice, d("50000001"));
            const PriceAlert m = *book.alert(move);
            QCOMPARE(m.kind, PriceAlertKind::PercentMove);
            QCOMPARE(m.threshold, d("3.25"));
            QCOMPARE(m.windowMs, qint64(600'000));
            QCOMPARE(m.state, PriceAlertState::Armed);
            QVERIFY(!book.alert(removed));

            // Still fired after reopening: the same price does not fire it again; re-arm persists too.
            QSignalSpy fired(&book, &PriceAlertBook::alertFired);
            book.evaluate(ticker("KRW-BTC", "50000002"));
            QCOMPARE(fired.count(), 0);
            QVERIFY(book.rearm(above));
        }
        {
            PriceAlertBook book(clock);
            QVERIFY(book.open(path));
            QCOMPARE(book.alert(above)->state, PriceAlertState::Armed);
            QVERIFY(!book.alert(above)->firedPrice);
            // The thresholds are stored as canonical decimal text, never REAL.
            ProfileDatabase db(path);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            QSqlQuery q(db.database());
            QVERIFY(q.exec("SELECT typeof(threshold), threshold FROM price_alerts ORDER BY id"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("text"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("50000000.5"));
        }
    }

    void followsAMarketDataHub() {
        test::FakeConnector fake;
        fake.venue = QStringLiteral("upbit");
        Market m;
        m.venue = QStringLiteral("upbit");
        m.code = QStringLiteral("KRW-BTC");
        m.base = QStringLiteral("BTC");
        m.quote = QStringLiteral("KRW");
        fake.markets = {m};
        fake.tickers = {ticker("KRW-BTC", "49000000")};
        MarketDataHub hub;
        hub.setCoalesceIntervalMs(5);
        ManualClock clock;
        PriceAlertBook book(clock);
        book.watch(&hub);
        book.add(alertOn("KRW-BTC", PriceAlertKind::Above, "50000000"));
        QSignalSpy fired(&book, &PriceAlertBook::alertFired);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        QVERIFY(loaded.wait(5000));
        // Newer than the REST answer (timestamp 0), so the hub keeps them whichever arrives first.
        Ticker below = ticker("KRW-BTC", "49500000");
        below.timestampMs = 2000;
        emit fake.tickerUpdated(below);
        QTRY_VERIFY_WITH_TIMEOUT(hub.ticker(QStringLiteral("KRW-BTC")).has_value(), 5000);
        QCOMPARE(fired.count(), 0);
        Ticker above = ticker("KRW-BTC", "50000100");
        above.timestampMs = 3000;
        emit fake.tickerUpdated(above);
        QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 1, 5000);
        QCOMPARE(*fired.at(0).at(0).value<PriceAlert>().firedPrice, d("50000100"));
    }

    void descriptionsAreReadable() {
        PriceAlert a = alertOn("KRW-BTC", PriceAlertKind::PercentMove, "5", 600'000);
        QCOMPARE(describePriceAlertCondition(a), QStringLiteral("Moves 5 % within 10 min"));
        a = alertOn("KRW-BTC", PriceAlertKind::Above, "50000000");
        QCOMPARE(describePriceAlertCondition(a), QStringLiteral("Above 50000000"));
        a.firedPrice = d("50100000");
        QVERIFY(describePriceAlertFired(a).contains(QStringLiteral("50100000")));
    }
};

QTEST_GUILESS_MAIN(TestPriceAlerts)
#include "tst_price_alerts.moc"
