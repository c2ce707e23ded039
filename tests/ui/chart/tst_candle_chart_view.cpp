#include "chart/candle_chart_view.h"
#include "chart/chart_axes.h"
#include "chart/moving_average.h"

#include <QImage>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;

namespace {

constexpr qint64 kStartMs = 1'700'000'040'000; // a whole minute

// A deterministic KRW random walk on a 1,000 tick with both rising and falling candles.
QVector<Candle> makeCandles(int count, qint64 startMs = kStartMs,
                            CandleInterval interval = CandleInterval::M1) {
    QRandomGenerator random(42);
    QVector<Candle> candles;
    long long price = 45'000'000;
    for (int i = 0; i < count; ++i) {
        Candle c;
        c.openTimeMs = startMs + i * intervalMs(interval);
        c.open = Decimal(price);
        price += (int(random.bounded(21)) - 10) * 1000;
        c.close = Decimal(price);
        c.high = Decimal::max(c.open, c.close) + Decimal(int(random.bounded(6)) * 1000);
        c.low = Decimal::min(c.open, c.close) - Decimal(int(random.bounded(6)) * 1000);
        c.volume = Decimal::fromMantissa(10'000 + random.bounded(90'000), 4);
        c.quoteVolume = c.volume * c.close;
        candles.append(c);
    }
    return candles;
}

Candle candleWithClose(qint64 openTimeMs, const Decimal& close) {
    Candle c;
    c.openTimeMs = openTimeMs;
    c.open = c.high = c.low = c.close = close;
    c.volume = Decimal(1);
    return c;
}

void hover(QWidget& widget, const QPoint& pos) {
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), widget.mapToGlobal(QPointF(pos)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&widget, &move);
}

// A point over candle `index` (searched, so the test does not restate the view's geometry).
QPoint pointOver(const CandleChartView& view, int index) {
    for (int x = 0; x < view.width(); ++x) {
        const QPoint p(x, view.height() / 3);
        if (view.indexAt(p) == index) {
            // The middle of the candle's slot.
            int right = x;
            while (right + 1 < view.width() && view.indexAt(QPoint(right + 1, p.y())) == index)
                ++right;
            return QPoint((x + right) / 2, p.y());
        }
    }
    return {-1, -1};
}

int countPixels(const QImage& image, const QColor& color) {
    int count = 0;
    const QRgb wanted = color.rgb();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += (image.pixel(x, y) & 0xffffff) == (wanted & 0xffffff) ? 1 : 0;
    return count;
}

void verifyViewport(const CandleChartView& view) {
    const int n = int(view.candles().size());
    QVERIFY(view.visibleCount() >= CandleChartView::kMinVisibleCandles);
    QVERIFY(view.visibleCount() <= CandleChartView::kMaxVisibleCandles);
    if (n == 0) {
        QCOMPARE(view.firstVisibleIndex(), -1);
        QCOMPARE(view.lastVisibleIndex(), -1);
        return;
    }
    QVERIFY(view.firstVisibleIndex() >= 0);
    QVERIFY(view.firstVisibleIndex() <= view.lastVisibleIndex());
    QVERIFY(view.lastVisibleIndex() < n);
    QVERIFY(view.lastVisibleIndex() - view.firstVisibleIndex() + 1 <= view.visibleCount());
}

} // namespace

class TestCandleChartView : public QObject {
    Q_OBJECT
private slots:
    void paintsEmptyOneAndManyCandles_data() {
        QTest::addColumn<int>("count");
        QTest::newRow("empty") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("two") << 2;
        QTest::newRow("thousand") << 1000;
    }

    void paintsEmptyOneAndManyCandles() {
        QFETCH(int, count);
        CandleChartView view;
        view.resize(900, 520);
        view.setEmptyText(QStringLiteral("Loading chart…"));
        view.setCandles(makeCandles(count));
        view.setVisibleCount(1000);
        QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 900);
        hover(view, QPoint(450, 200)); // crosshair and readout paint too
        hover(view, QPoint(450, 480)); // over the volume pane
        image = view.grab().toImage();
        QVERIFY(!image.isNull());
        verifyViewport(view);

        // A tiny widget must not divide by zero or paint outside.
        view.resize(30, 20);
        QVERIFY(!view.grab().toImage().isNull());
    }

    void flatCandlesPaint() {
        CandleChartView view;
        view.resize(600, 400);
        QVector<Candle> candles;
        for (int i = 0; i < 30; ++i)
            candles.append(candleWithClose(kStartMs + i * 60'000, Decimal(100)));
        view.setCandles(candles);
        QVERIFY(!view.grab().toImage().isNull());
    }

    void zoomAndPanKeepIndicesInRange() {
        CandleChartView view;
        view.resize(900, 520);
        view.setCandles(makeCandles(300));
        QCOMPARE(view.visibleCount(), CandleChartView::kDefaultVisibleCandles);
        QVERIFY(view.isFollowingLatest());
        QCOMPARE(view.lastVisibleIndex(), 299);
        QCOMPARE(view.firstVisibleIndex(), 300 - CandleChartView::kDefaultVisibleCandles);

        view.zoomBy(100); // far in
        QCOMPARE(view.visibleCount(), CandleChartView::kMinVisibleCandles);
        QCOMPARE(view.lastVisibleIndex(), 299);
        view.zoomBy(-100); // far out
        QCOMPARE(view.visibleCount(), CandleChartView::kMaxVisibleCandles);
        QCOMPARE(view.firstVisibleIndex(), 0);
        QCOMPARE(view.lastVisibleIndex(), 299);

        view.setVisibleCount(50);
        view.panBy(-100000);
        QCOMPARE(view.firstVisibleIndex(), 0);
        QCOMPARE(view.lastVisibleIndex(), 49);
        QVERIFY(!view.isFollowingLatest());
        view.panBy(100000);
        QCOMPARE(view.lastVisibleIndex(), 299);
        QVERIFY(view.isFollowingLatest());

        QRandomGenerator random(7);
        for (int i = 0; i < 500; ++i) {
            switch (random.bounded(3)) {
            case 0:
                view.panBy(int(random.bounded(401)) - 200);
                break;
            case 1:
                view.zoomBy((int(random.bounded(9)) - 4) / 2.0);
                break;
            default:
                view.setVisibleCount(int(random.bounded(1200)));
            }
            verifyViewport(view);
        }
        view.scrollToLatest();
        QCOMPARE(view.lastVisibleIndex(), 299);
        QVERIFY(view.isFollowingLatest());
    }

    void dragPansAndDoubleClickReturnsToLatest() {
        CandleChartView view;
        view.resize(900, 520);
        view.setCandles(makeCandles(300));
        view.setVisibleCount(100);
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(300, 200));
        hover(view, QPoint(300, 200));
        QMouseEvent drag(QEvent::MouseMove, QPointF(600, 200), view.mapToGlobal(QPointF(600, 200)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &drag);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(600, 200));
        QVERIFY(view.lastVisibleIndex() < 299); // dragging right shows older candles
        QVERIFY(!view.isFollowingLatest());
        verifyViewport(view);

        QTest::mouseDClick(&view, Qt::LeftButton, {}, QPoint(400, 200));
        QCOMPARE(view.lastVisibleIndex(), 299);
        QVERIFY(view.isFollowingLatest());
    }

    void wheelZooms() {
        CandleChartView view;
        view.resize(900, 520);
        view.setCandles(makeCandles(300));
        const int before = view.visibleCount();
        QWheelEvent in(QPointF(400, 200), view.mapToGlobal(QPointF(400, 200)), QPoint(), QPoint(0, 120),
                       Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &in);
        QVERIFY(view.visibleCount() < before);
        QWheelEvent out(QPointF(400, 200), view.mapToGlobal(QPointF(400, 200)), QPoint(), QPoint(0, -360),
                        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &out);
        QVERIFY(view.visibleCount() > before);
        verifyViewport(view);
    }

    void keysPanAndZoom() {
        CandleChartView view;
        view.resize(900, 520);
        view.setCandles(makeCandles(300));
        view.setVisibleCount(100);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.lastVisibleIndex(), 289);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.firstVisibleIndex(), 0);
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.lastVisibleIndex(), 299);
        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.visibleCount() < 100);
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(view.visibleCount() > 100);
        verifyViewport(view);
    }

    void reachingTheOldestCandleAsksForMore() {
        CandleChartView view;
        view.resize(900, 520);
        view.setCandles(makeCandles(300));
        view.setVisibleCount(100);
        QSignalSpy wanted(&view, &CandleChartView::olderCandlesWanted);
        view.panBy(-50);
        QCOMPARE(wanted.count(), 0);
        view.panBy(-500);
        QCOMPARE(wanted.count(), 1);
    }

    void newDataKeepsTheViewport() {
        CandleChartView view;
        view.resize(900, 520);
        const QVector<Candle> all = makeCandles(400);
        view.setCandles(all.mid(100));
        view.setVisibleCount(100);

        // Following: a new bucket scrolls into view.
        QVector<Candle> grown = all.mid(100);
        grown.append(candleWithClose(all.last().openTimeMs + 60'000, Decimal(45'000'000)));
        view.setCandles(grown);
        QCOMPARE(view.lastVisibleIndex(), int(grown.size()) - 1);

        // Panned back: prepending older candles and a live bucket keep the same candles on screen.
        view.panBy(-120);
        const qint64 rightTime = view.candles()[view.lastVisibleIndex()].openTimeMs;
        QVector<Candle> prepended = all.mid(0, 100) + grown;
        prepended.append(candleWithClose(grown.last().openTimeMs + 60'000, Decimal(45'001'000)));
        view.setCandles(prepended);
        QCOMPARE(view.candles()[view.lastVisibleIndex()].openTimeMs, rightTime);
        QVERIFY(!view.isFollowingLatest());

        view.clear();
        QCOMPARE(view.lastVisibleIndex(), -1);
        QVERIFY(view.isFollowingLatest());
    }

    void movingAveragesAreExact() {
        QVector<Candle> candles;
        const char* closes[] = {"0.1", "0.2", "0.3", "0.4", "0.5", "1", "1", "2"};
        for (int i = 0; i < 8; ++i)
            candles.append(candleWithClose(kStartMs + i * 60'000, Decimal::fromString(closes[i])));

        const auto ma5 = movingAverage(candles, 5);
        QCOMPARE(ma5.size(), 8);
        for (int i = 0; i < 4; ++i)
            QVERIFY(!ma5[i].has_value());
        QCOMPARE(*ma5[4], Decimal::fromString("0.3"));  // 1.5 / 5
        QCOMPARE(*ma5[5], Decimal::fromString("0.48")); // 2.4 / 5
        QCOMPARE(*ma5[7], Decimal::fromString("0.98")); // 4.9 / 5

        const auto ma3 = movingAverage(candles, 3);
        QCOMPARE(*ma3[7], Decimal::fromString("1.33333333")); // 4 / 3 at scale 8, half-even
        QCOMPARE(*ma3[6], Decimal::fromString("0.83333333")); // 2.5 / 3

        // The incremental update agrees with a full recomputation.
        auto incremental = movingAverage(candles.mid(0, 6), 3);
        updateMovingAverage(incremental, candles, 3, 5);
        QCOMPARE(incremental, ma3);

        CandleChartView view;
        view.setCandles(makeCandles(130));
        const QVector<Candle>& shown = view.candles();
        for (size_t k = 0; k < CandleChartView::kMovingAveragePeriods.size(); ++k) {
            const int period = CandleChartView::kMovingAveragePeriods[k];
            const auto& averages = view.movingAverage(int(k));
            QCOMPARE(averages.size(), shown.size());
            QVERIFY(!averages[period - 2].has_value());
            Decimal sum;
            for (int i = 130 - period; i < 130; ++i)
                sum += shown[i].close;
            QCOMPARE(*averages[129], sum.divide(Decimal(period), 8, Rounding::HalfEven));
        }
    }

    void readoutForHoveredCandle() {
        CandleChartView view;
        view.resize(1000, 520);
        const QVector<Candle> candles = makeCandles(200);
        view.setCandles(candles);
        view.setVisibleCount(100);

        const QPoint p = pointOver(view, 150);
        QVERIFY(p.x() >= 0);
        hover(view, p);
        QCOMPARE(view.hoveredIndex(), 150);
        const auto readout = view.readoutAt(p);
        QVERIFY(readout);
        QCOMPARE(readout->index, 150);
        QCOMPARE(readout->candle.openTimeMs, candles[150].openTimeMs);
        QCOMPARE(readout->candle.open, candles[150].open);
        QCOMPARE(readout->candle.high, candles[150].high);
        QCOMPARE(readout->candle.low, candles[150].low);
        QCOMPARE(readout->candle.close, candles[150].close);
        QCOMPARE(readout->candle.volume, candles[150].volume);
        QVERIFY(readout->change);
        QCOMPARE(*readout->change,
                 (candles[150].close - candles[149].close).divide(candles[149].close, 8, Rounding::HalfEven));
        QCOMPARE(readout->movingAverages.size(), qsizetype(CandleChartView::kMovingAveragePeriods.size()));
        Decimal sum;
        for (int i = 146; i <= 150; ++i)
            sum += candles[i].close;
        QCOMPARE(*readout->movingAverages[0], sum.divide(Decimal(5), 8, Rounding::HalfEven));
        QVERIFY(readout->movingAverages[3]);               // MA120 over candles 31..150
        QVERIFY(!view.readoutFor(118)->movingAverages[3]); // only 119 candles end there
        QVERIFY(view.readoutFor(119)->movingAverages[3]);
    }

    void readoutOutsideCandles() {
        CandleChartView view;
        view.resize(800, 500);
        view.setCandles(makeCandles(10)); // fewer than the visible slots: the left part is empty
        QVERIFY(!view.readoutAt(QPoint(5, 100)));
        QVERIFY(!view.readoutAt(QPoint(-5, -5)));
        QCOMPARE(view.indexAt(QPoint(799, 100)), -1); // the price axis
        const QPoint p = pointOver(view, 0);
        QVERIFY(p.x() >= 0);
        const auto first = view.readoutAt(p);
        QVERIFY(first);
        QVERIFY(!first->change); // no previous close
    }

    void paintsCandleColours() {
        CandleChartView view;
        view.resize(900, 520);
        view.setCandles(makeCandles(150));
        QImage image = view.grab().toImage();
        const PriceColors korean = PriceColors::korean();
        QVERIFY2(countPixels(image, korean.up) > 200, "rising candles in the Korean up colour");
        QVERIFY2(countPixels(image, korean.down) > 200, "falling candles in the Korean down colour");

        const PriceColors international = PriceColors::international();
        view.setPriceColors(international);
        image = view.grab().toImage();
        QVERIFY(countPixels(image, international.up) > 200);
        QVERIFY(countPixels(image, international.down) > 200);
        QCOMPARE(countPixels(image, korean.down), 0);
    }

    void priceTicksAreRoundAndExact() {
        const PriceTicks krw = priceTicks(44'960'000, 45'130'000, 6, 0);
        QCOMPARE(krw.step, Decimal(50'000));
        QCOMPARE(krw.values,
                 (QVector<Decimal>{Decimal(45'000'000), Decimal(45'050'000), Decimal(45'100'000)}));

        const PriceTicks usdt = priceTicks(1.2345, 1.2389, 5, 4);
        QCOMPARE(usdt.step, Decimal::fromString("0.001"));
        QCOMPARE(usdt.values, (QVector<Decimal>{Decimal::fromString("1.235"), Decimal::fromString("1.236"),
                                                Decimal::fromString("1.237"), Decimal::fromString("1.238")}));

        // Never finer than the market's precision.
        const PriceTicks coarse = priceTicks(100.2, 100.9, 10, 0);
        QCOMPARE(coarse.step, Decimal(1));
        QVERIFY(coarse.values.isEmpty());

        QVERIFY(priceTicks(5, 5, 4, 2).values.isEmpty());
    }

    void timeLabelsSuitTheInterval() {
        const QVector<Candle> minutes = makeCandles(600);
        const QVector<TimeTick> intraday = timeTicks(minutes, 0, 599, CandleInterval::M1, 8.0, 90);
        QVERIFY(intraday.size() >= 3);
        const QRegularExpression clock(QStringLiteral("^\\d\\d:\\d\\d$"));
        const QRegularExpression date(QStringLiteral("^\\d\\d-\\d\\d$"));
        int previous = -1000;
        for (const TimeTick& tick : intraday) {
            QVERIFY2(clock.match(tick.text).hasMatch() || date.match(tick.text).hasMatch(),
                     qPrintable(tick.text));
            QVERIFY(tick.index - previous >= 12); // 90 px apart at 8 px per candle
            previous = tick.index;
        }

        const QVector<Candle> days = makeCandles(300, 1'700'006'400'000, CandleInterval::D1);
        const QVector<TimeTick> daily = timeTicks(days, 0, 299, CandleInterval::D1, 8.0, 90);
        QVERIFY(daily.size() >= 3);
        const QRegularExpression month(QStringLiteral("^\\d{4}(-\\d\\d)?$"));
        for (const TimeTick& tick : daily)
            QVERIFY2(date.match(tick.text).hasMatch() || month.match(tick.text).hasMatch(),
                     qPrintable(tick.text));
    }
};

QTEST_MAIN(TestCandleChartView)
#include "tst_candle_chart_view.moc"
