// The simulator's candles agree across intervals: a longer candle has the open of its first shorter candle,
// the close of its last, the highest high, the lowest low and the summed volume, before the start (made-up
// history), across the start and after it (live trades); and the 24 h ticker agrees with the candles.

#include "venues/sim/sim_exchange.h"

#include <QTest>

using namespace hoga;

namespace {

constexpr qint64 kStartMs = 1'780'000'000'000; // 2026-05-28 20:26:40 UTC
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 24 * kHourMs;

SimConfig manualConfig(const ManualClock* clock) {
    SimConfig config;
    config.autoRun = false;
    config.clock = clock;
    return config;
}

// The candles of `interval` that open in [fromMs, toMs), oldest first.
QVector<Candle> candlesBetween(SimExchange& ex, const QString& market, CandleInterval interval, qint64 fromMs,
                               qint64 toMs) {
    const qint64 count = (toMs - fromMs + intervalMs(interval) - 1) / intervalMs(interval) + 2;
    QVector<Candle> out;
    const QVector<Candle> all = ex.candles({market, interval, int(count), toMs}).value();
    for (const Candle& c : all)
        if (c.openTimeMs >= fromMs && c.openTimeMs < toMs)
            out.append(c);
    return out;
}

Candle candleAt(SimExchange& ex, const QString& market, CandleInterval interval, qint64 openTimeMs) {
    const QVector<Candle> one = ex.candles({market, interval, 1, openTimeMs + 1}).value();
    if (one.isEmpty() || one.first().openTimeMs != openTimeMs)
        return {};
    return one.first();
}

// Compares `longer` with the shorter candles inside it; empty when they agree, else what differs.
QString disagreement(const Candle& longer, const QVector<Candle>& parts) {
    if (parts.isEmpty())
        return QStringLiteral("no shorter candles");
    Decimal high = parts.first().high;
    Decimal low = parts.first().low;
    Decimal volume;
    for (const Candle& c : parts) {
        high = Decimal::max(high, c.high);
        low = Decimal::min(low, c.low);
        volume += c.volume;
    }
    QStringList out;
    auto check = [&](const char* what, const Decimal& a, const Decimal& b) {
        if (!(a - b).isZero())
            out << QStringLiteral("%1 %2 != %3").arg(QLatin1String(what), a.toString(), b.toString());
    };
    check("open", longer.open, parts.first().open);
    check("close", longer.close, parts.last().close);
    check("high", longer.high, high);
    check("low", longer.low, low);
    check("volume", longer.volume, volume);
    return out.join(QStringLiteral("; "));
}

struct Pair {
    CandleInterval longer;
    CandleInterval shorter;
};

const Pair kPairs[] = {
    {CandleInterval::M1, CandleInterval::S1},  {CandleInterval::M3, CandleInterval::M1},
    {CandleInterval::M5, CandleInterval::M1},  {CandleInterval::M10, CandleInterval::M5},
    {CandleInterval::M15, CandleInterval::M5}, {CandleInterval::M30, CandleInterval::M10},
    {CandleInterval::H1, CandleInterval::M1},  {CandleInterval::H4, CandleInterval::H1},
    {CandleInterval::D1, CandleInterval::H1},  {CandleInterval::W1, CandleInterval::D1},
    {CandleInterval::MN1, CandleInterval::D1},
};

} // namespace

class TestSimCandles : public QObject {
    Q_OBJECT

private slots:
    void theHourFrom5To6IsItsMinutes() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        // 2026-05-28 05:00 to 06:00 UTC, before the simulation started.
        const qint64 five = bucketStart(CandleInterval::D1, kStartMs) + 5 * kHourMs;
        for (const Market& m : ex.markets()) {
            const Candle hour = candleAt(ex, m.code, CandleInterval::H1, five);
            QCOMPARE(hour.openTimeMs, five);
            const QVector<Candle> minutes =
                candlesBetween(ex, m.code, CandleInterval::M1, five, five + kHourMs);
            QCOMPARE(minutes.size(), 60);
            const QString diff = disagreement(hour, minutes);
            QVERIFY2(diff.isEmpty(), qPrintable(m.code + QStringLiteral(": ") + diff));
            QVERIFY(hour.volume.isPositive());
            QVERIFY(hour.high > hour.low);
        }
    }

    void everyIntervalIsMadeOfTheShorterOnes_data() {
        QTest::addColumn<int>("longer");
        QTest::addColumn<int>("shorter");
        for (const Pair& p : kPairs)
            QTest::addRow("%s of %s", qPrintable(intervalName(p.longer)), qPrintable(intervalName(p.shorter)))
                << int(p.longer) << int(p.shorter);
    }

    void everyIntervalIsMadeOfTheShorterOnes() {
        QFETCH(int, longer);
        QFETCH(int, shorter);
        const auto big = CandleInterval(longer);
        const auto small = CandleInterval(shorter);
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        // A few candles long before the start, and the one the start falls in (only its part before).
        const qint64 startBucket = bucketStart(big, kStartMs);
        QVector<qint64> opens{startBucket};
        qint64 t = startBucket;
        for (int i = 0; i < 3; ++i) {
            t = bucketStart(big, t - 1);
            opens.prepend(t);
        }
        opens.prepend(bucketStart(big, kStartMs - 40 * kDayMs)); // another month
        for (const QString& code : {QStringLiteral("KRW-BTC"), QStringLiteral("BTCUSDT")}) {
            for (qint64 open : opens) {
                const Candle whole = candleAt(ex, code, big, open);
                QCOMPARE(whole.openTimeMs, open);
                const qint64 end = std::min(nextBucketStart(big, open), kStartMs + 1);
                const QString diff = disagreement(whole, candlesBetween(ex, code, small, open, end));
                QVERIFY2(diff.isEmpty(),
                         qPrintable(QStringLiteral("%1 %2: %3").arg(code).arg(open).arg(diff)));
            }
        }
    }

    void liveCandlesAndTheTickerAgree() {
        ManualClock clock(kStartMs);
        SimExchange ex(manualConfig(&clock));
        // Seven minutes of live trading at the real step rate.
        for (int i = 0; i < 7 * 600; ++i) {
            clock.advanceMs(100);
            ex.step();
        }
        const qint64 now = clock.nowMs();
        for (const Market& m : ex.markets()) {
            for (CandleInterval big : {CandleInterval::M5, CandleInterval::M10, CandleInterval::H1}) {
                const qint64 open = bucketStart(big, now);
                const Candle whole = candleAt(ex, m.code, big, open);
                const QString diff =
                    disagreement(whole, candlesBetween(ex, m.code, CandleInterval::M1, open, now + 1));
                QVERIFY2(diff.isEmpty(),
                         qPrintable(QStringLiteral("%1 %2: %3").arg(m.code, intervalName(big), diff)));
            }

            // The 24 h ticker covers the last 144 ten-minute buckets: the same high and low as the 1 m
            // candles there, and the same volume.
            const Ticker ticker = ex.tickers({m.code}).value().first();
            const qint64 windowStart = bucketStart(CandleInterval::M10, now) - 143 * 600'000;
            const QVector<Candle> minutes =
                candlesBetween(ex, m.code, CandleInterval::M1, windowStart, now + 1);
            QCOMPARE(minutes.size(),
                     24 * 60 - 10 + int((now - bucketStart(CandleInterval::M10, now)) / 60'000) + 1);
            Decimal high = minutes.first().high;
            Decimal low = minutes.first().low;
            Decimal volume;
            for (const Candle& c : minutes) {
                high = Decimal::max(high, c.high);
                low = Decimal::min(low, c.low);
                volume += c.volume;
            }
            auto same = [](const Decimal& a, const Decimal& b) {
                return (a - b).isZero();
            };
            QVERIFY2(same(ticker.high, high), qPrintable(ticker.high.toString() + " vs " + high.toString()));
            QVERIFY2(same(ticker.low, low), qPrintable(ticker.low.toString() + " vs " + low.toString()));
            QVERIFY2(same(ticker.volume24h, volume),
                     qPrintable(ticker.volume24h.toString() + " vs " + volume.toString()));
            QVERIFY(same(ticker.open, minutes.first().open));
            QVERIFY(same(ticker.last, minutes.last().close));
        }
    }
};

QTEST_GUILESS_MAIN(TestSimCandles)
#include "tst_sim_candles.moc"
