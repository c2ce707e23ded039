#include "core/candle.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace hoga;

Q_DECLARE_METATYPE(hoga::CandleInterval)

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

qint64 utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

Trade trade(qint64 ts, const char* price, const char* qty) {
    Trade t;
    t.market = QStringLiteral("KRW-BTC");
    t.timestampMs = ts;
    t.price = D(price);
    t.qty = D(qty);
    return t;
}

} // namespace

class TestCandle : public QObject {
    Q_OBJECT

private slots:
    void namesRoundTrip();
    void unknownNames();
    void intervalLengths();
    void bucketStarts_data();
    void bucketStarts();
    void nextBuckets();
    void aggregatesWithinAndAcrossBuckets();
    void gapsAreSkipped();
    void lateTrades();
    void boundedHistory();
    void setHistoryThenContinue();
    void monthAndWeekBoundaries();
};

void TestCandle::namesRoundTrip() {
    const QStringList names{"1s", "1m", "3m", "5m", "10m", "15m", "30m", "60m", "240m", "1d", "1w", "1M"};
    const CandleInterval all[] = {CandleInterval::S1,  CandleInterval::M1,  CandleInterval::M3,
                                  CandleInterval::M5,  CandleInterval::M10, CandleInterval::M15,
                                  CandleInterval::M30, CandleInterval::H1,  CandleInterval::H4,
                                  CandleInterval::D1,  CandleInterval::W1,  CandleInterval::MN1};
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(intervalName(all[i]), names[i]);
        QCOMPARE(intervalFromName(names[i]), std::optional<CandleInterval>(all[i]));
    }
}

void TestCandle::unknownNames() {
    for (const char* bad : {"", "2m", "1h", "1D", "1W", "m1", "60", "1mo"})
        QVERIFY2(!intervalFromName(QString::fromLatin1(bad)).has_value(), bad);
    QCOMPARE(intervalFromName(QStringLiteral("1m")), std::optional<CandleInterval>(CandleInterval::M1));
    QCOMPARE(intervalFromName(QStringLiteral("1M")), std::optional<CandleInterval>(CandleInterval::MN1));
}

void TestCandle::intervalLengths() {
    QCOMPARE(intervalMs(CandleInterval::S1), 1000);
    QCOMPARE(intervalMs(CandleInterval::M1), 60'000);
    QCOMPARE(intervalMs(CandleInterval::M3), 180'000);
    QCOMPARE(intervalMs(CandleInterval::M10), 600'000);
    QCOMPARE(intervalMs(CandleInterval::H1), 3'600'000);
    QCOMPARE(intervalMs(CandleInterval::H4), 14'400'000);
    QCOMPARE(intervalMs(CandleInterval::D1), 86'400'000);
    QCOMPARE(intervalMs(CandleInterval::W1), 604'800'000);
    QCOMPARE(intervalMs(CandleInterval::MN1), 2'592'000'000LL);
}

void TestCandle::bucketStarts_data() {
    QTest::addColumn<CandleInterval>("interval");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<qint64>("start");

    QTest::newRow("1s") << CandleInterval::S1 << utc(2024, 3, 5, 12, 34, 56, 789)
                        << utc(2024, 3, 5, 12, 34, 56);
    QTest::newRow("1m") << CandleInterval::M1 << utc(2024, 3, 5, 12, 34, 56, 789) << utc(2024, 3, 5, 12, 34);
    QTest::newRow("1m exact") << CandleInterval::M1 << utc(2024, 3, 5, 12, 34) << utc(2024, 3, 5, 12, 34);
    QTest::newRow("3m") << CandleInterval::M3 << utc(2024, 3, 5, 12, 35, 1) << utc(2024, 3, 5, 12, 33);
    QTest::newRow("15m") << CandleInterval::M15 << utc(2024, 3, 5, 12, 44, 59) << utc(2024, 3, 5, 12, 30);
    QTest::newRow("60m") << CandleInterval::H1 << utc(2024, 3, 5, 12, 59, 59, 999) << utc(2024, 3, 5, 12);
    QTest::newRow("240m") << CandleInterval::H4 << utc(2024, 3, 5, 3, 59) << utc(2024, 3, 5, 0);
    QTest::newRow("240m b") << CandleInterval::H4 << utc(2024, 3, 5, 23, 0) << utc(2024, 3, 5, 20);
    QTest::newRow("1d leap") << CandleInterval::D1 << utc(2024, 2, 29, 23, 59, 59) << utc(2024, 2, 29);
    QTest::newRow("1w sunday") << CandleInterval::W1 << utc(2024, 1, 7, 23, 59, 59) << utc(2024, 1, 1);
    QTest::newRow("1w monday") << CandleInterval::W1 << utc(2024, 1, 8) << utc(2024, 1, 8);
    QTest::newRow("1w across year") << CandleInterval::W1 << utc(2025, 1, 2, 10) << utc(2024, 12, 30);
    QTest::newRow("1w epoch thursday") << CandleInterval::W1 << qint64(0) << utc(1969, 12, 29);
    QTest::newRow("1M last ms") << CandleInterval::MN1 << utc(2024, 1, 31, 23, 59, 59, 999)
                                << utc(2024, 1, 1);
    QTest::newRow("1M first ms") << CandleInterval::MN1 << utc(2024, 2, 1) << utc(2024, 2, 1);
    QTest::newRow("1M december") << CandleInterval::MN1 << utc(2023, 12, 31, 12) << utc(2023, 12, 1);
    QTest::newRow("before epoch") << CandleInterval::M1 << qint64(-1) << qint64(-60'000);
}

void TestCandle::bucketStarts() {
    QFETCH(CandleInterval, interval);
    QFETCH(qint64, time);
    QFETCH(qint64, start);
    QCOMPARE(bucketStart(interval, time), start);
}

void TestCandle::nextBuckets() {
    QCOMPARE(nextBucketStart(CandleInterval::M1, utc(2024, 1, 1, 23, 59)), utc(2024, 1, 2));
    QCOMPARE(nextBucketStart(CandleInterval::D1, utc(2024, 2, 28)), utc(2024, 2, 29));
    QCOMPARE(nextBucketStart(CandleInterval::W1, utc(2024, 12, 30)), utc(2025, 1, 6));
    QCOMPARE(nextBucketStart(CandleInterval::MN1, utc(2024, 1, 1)), utc(2024, 2, 1));
    QCOMPARE(nextBucketStart(CandleInterval::MN1, utc(2024, 2, 1)), utc(2024, 3, 1));
    QCOMPARE(nextBucketStart(CandleInterval::MN1, utc(2023, 12, 1)), utc(2024, 1, 1));
    QCOMPARE(utc(2024, 3, 1) - utc(2024, 2, 1), 29 * 86'400'000LL);
}

void TestCandle::aggregatesWithinAndAcrossBuckets() {
    CandleAggregator agg(CandleInterval::M1);
    QCOMPARE(agg.interval(), CandleInterval::M1);
    QVERIFY(!agg.last());
    const qint64 t0 = utc(2024, 1, 1, 0, 0);
    QVERIFY(agg.addTrade(trade(t0 + 10'000, "100", "1")));
    QVERIFY(!agg.addTrade(trade(t0 + 20'000, "105", "2")));
    QVERIFY(!agg.addTrade(trade(t0 + 30'000, "95", "1")));
    QVERIFY(!agg.addTrade(trade(t0 + 59'999, "101", "0.5")));
    QCOMPARE(agg.candles().size(), 1);
    const Candle c = *agg.last();
    QCOMPARE(c.openTimeMs, t0);
    QCOMPARE(c.open, D("100"));
    QCOMPARE(c.high, D("105"));
    QCOMPARE(c.low, D("95"));
    QCOMPARE(c.close, D("101"));
    QCOMPARE(c.volume, D("4.5"));
    QCOMPARE(c.quoteVolume, D("455.5"));

    QVERIFY(agg.addTrade(trade(t0 + 60'000, "102", "1"))); // exactly on the boundary: next bucket
    QCOMPARE(agg.candles().size(), 2);
    QCOMPARE(agg.last()->openTimeMs, t0 + 60'000);
    QCOMPARE(agg.last()->open, D("102"));
    QCOMPARE(agg.candles().first().close, D("101"));
}

void TestCandle::gapsAreSkipped() {
    CandleAggregator agg(CandleInterval::M1);
    const qint64 t0 = utc(2024, 1, 1);
    agg.addTrade(trade(t0, "100", "1"));
    QVERIFY(agg.addTrade(trade(t0 + 5 * 60'000 + 30'000, "110", "1")));
    QCOMPARE(agg.candles().size(), 2);
    QCOMPARE(agg.candles()[1].openTimeMs, t0 + 5 * 60'000);
}

void TestCandle::lateTrades() {
    CandleAggregator agg(CandleInterval::M1);
    const qint64 t0 = utc(2024, 1, 1);
    agg.addTrade(trade(t0 + 1'000, "100", "1"));
    agg.addTrade(trade(t0 + 60'000, "102", "1"));
    agg.addTrade(trade(t0 + 4 * 60'000, "104", "1"));
    // Late trade into a kept bucket: high/low/volume change, open and close stay.
    QVERIFY(!agg.addTrade(trade(t0 + 90'000, "120", "1")));
    const Candle second = agg.candles()[1];
    QCOMPARE(second.open, D("102"));
    QCOMPARE(second.close, D("102"));
    QCOMPARE(second.high, D("120"));
    QCOMPARE(second.volume, D("2"));
    QCOMPARE(second.quoteVolume, D("222"));
    // Late trade into a skipped interval between kept buckets fills that bucket in order.
    QVERIFY(!agg.addTrade(trade(t0 + 3 * 60'000, "103", "1")));
    QCOMPARE(agg.candles().size(), 4);
    QCOMPARE(agg.candles()[2].openTimeMs, t0 + 3 * 60'000);
    QCOMPARE(agg.candles()[3].openTimeMs, t0 + 4 * 60'000);
    // Older than anything kept: dropped.
    QVERIFY(!agg.addTrade(trade(t0 - 60'000, "1", "1")));
    QCOMPARE(agg.candles().size(), 4);
    QCOMPARE(agg.candles().first().openTimeMs, t0);
}

void TestCandle::boundedHistory() {
    CandleAggregator agg(CandleInterval::S1, 3);
    const qint64 t0 = utc(2024, 1, 1);
    for (int i = 0; i < 10; ++i)
        agg.addTrade(trade(t0 + i * 1000, "1", "1"));
    QCOMPARE(agg.candles().size(), 3);
    QCOMPARE(agg.candles().first().openTimeMs, t0 + 7000);
    QCOMPARE(agg.last()->openTimeMs, t0 + 9000);
}

void TestCandle::setHistoryThenContinue() {
    CandleAggregator agg(CandleInterval::M1, 2);
    const qint64 t0 = utc(2024, 1, 1);
    Candle a{t0, D("1"), D("2"), D("1"), D("2"), D("10"), D("15")};
    Candle b{t0 + 60'000, D("2"), D("3"), D("2"), D("3"), D("1"), D("2.5")};
    Candle c{t0 + 120'000, D("3"), D("4"), D("3"), D("3.5"), D("1"), D("3.5")};
    agg.setHistory({a, b, c});
    QCOMPARE(agg.candles().size(), 2);
    QCOMPARE(agg.candles().first().openTimeMs, b.openTimeMs);
    QVERIFY(!agg.addTrade(trade(t0 + 150'000, "5", "2")));
    QCOMPARE(agg.last()->high, D("5"));
    QCOMPARE(agg.last()->close, D("5"));
    QCOMPARE(agg.last()->open, D("3"));
    QCOMPARE(agg.last()->volume, D("3"));
    QCOMPARE(agg.last()->quoteVolume, D("13.5"));
}

void TestCandle::monthAndWeekBoundaries() {
    CandleAggregator month(CandleInterval::MN1);
    QVERIFY(month.addTrade(trade(utc(2024, 1, 31, 23, 59, 59, 999), "100", "1")));
    QVERIFY(month.addTrade(trade(utc(2024, 2, 1), "200", "1")));
    QVERIFY(!month.addTrade(trade(utc(2024, 2, 29, 23), "150", "2")));
    QVERIFY(month.addTrade(trade(utc(2024, 3, 1), "300", "1")));
    QCOMPARE(month.candles().size(), 3);
    QCOMPARE(month.candles()[0].openTimeMs, utc(2024, 1, 1));
    QCOMPARE(month.candles()[1].openTimeMs, utc(2024, 2, 1));
    QCOMPARE(month.candles()[1].close, D("150"));
    QCOMPARE(month.candles()[1].volume, D("3"));
    QCOMPARE(month.candles()[1].quoteVolume, D("500"));
    QCOMPARE(month.candles()[2].openTimeMs, utc(2024, 3, 1));

    CandleAggregator week(CandleInterval::W1);
    QVERIFY(week.addTrade(trade(utc(2024, 1, 7, 23, 59, 59), "10", "1"))); // Sunday
    QVERIFY(week.addTrade(trade(utc(2024, 1, 8), "11", "1")));             // Monday: new week
    QVERIFY(!week.addTrade(trade(utc(2024, 1, 14, 12), "12", "1")));       // following Sunday
    QCOMPARE(week.candles().size(), 2);
    QCOMPARE(week.candles()[0].openTimeMs, utc(2024, 1, 1));
    QCOMPARE(week.candles()[1].openTimeMs, utc(2024, 1, 8));
    QCOMPARE(week.candles()[1].high, D("12"));
}

QTEST_GUILESS_MAIN(TestCandle)
#include "tst_candle.moc"
