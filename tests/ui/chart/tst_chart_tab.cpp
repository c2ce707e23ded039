#include "chart/candle_chart_view.h"
#include "chart/chart_tab.h"
#include "marketdata/market_data_hub.h"
#include "theme/terminal_theme.h"

#include <QDateTime>
#include <QLabel>
#include <QMouseEvent>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>
#include <vector>

using namespace hoga;

namespace {

VenueError notSupported() {
    return VenueError{
        ErrorKind::Venue, QStringLiteral("fake"), {}, QStringLiteral("Not supported by the fake."), 0};
}

// A deterministic random walk per market: KRW prices on a 1,000 tick, volumes with 4 decimals.
QVector<Candle> seriesFor(const CandleQuery& query) {
    const qint64 step = intervalMs(query.interval);
    const qint64 end = query.toMs > 0 ? query.toMs : QDateTime::currentMSecsSinceEpoch() + 1;
    const qint64 last = bucketStart(query.interval, end - 1);
    quint32 state = quint32(qHash(query.market)) ^ quint32(last / step);
    auto next = [&state](int range) {
        state = state * 1664525u + 1013904223u;
        return int((state >> 8) % quint32(range));
    };
    QVector<Candle> candles;
    long long price = query.market == QLatin1String("KRW-ETH") ? 3'200'000 : 45'000'000;
    for (int i = query.count - 1; i >= 0; --i) {
        Candle c;
        c.openTimeMs = last - i * step;
        c.open = Decimal(price);
        price += (next(41) - 20) * 1000 + (next(100) < 52 ? 1000 : -1000);
        c.close = Decimal(price);
        c.high = Decimal::max(c.open, c.close) + Decimal(next(12) * 1000);
        c.low = Decimal::min(c.open, c.close) - Decimal(next(12) * 1000);
        c.volume = Decimal::fromMantissa(2'000 + next(60'000) + (next(10) == 0 ? 150'000 : 0), 4);
        c.quoteVolume = c.volume * c.close;
        candles.append(c);
    }
    return candles;
}

// Answers fetchCandles at once (or, in manual mode, when the test says so); everything else fails.
class FakeConnector final : public Connector {
    Q_OBJECT
public:
    using CandlesResult = Result<QVector<Candle>>;

    bool manual = false;
    std::optional<VenueError> candleError;
    int historyLimit = 100000; // candles that exist before "now"
    QVector<CandleQuery> queries;
    QStringList emptyMarkets; // markets without any candles
    std::vector<std::shared_ptr<QPromise<CandlesResult>>> pending;

    QString venueId() const override { return QStringLiteral("fake"); }
    QString displayName() const override { return QStringLiteral("Fake"); }
    bool isSimulated() const override { return true; }
    bool hasCredentials() const override { return false; }
    ConnectionState connectionState() const override { return ConnectionState::Connected; }

    QFuture<Result<QVector<Market>>> fetchMarkets() override {
        Market btc;
        btc.venue = venueId();
        btc.code = QStringLiteral("KRW-BTC");
        btc.base = QStringLiteral("BTC");
        btc.quote = QStringLiteral("KRW");
        btc.displayName = QStringLiteral("Bitcoin");
        btc.localName = QStringLiteral("비트코인");
        btc.rules.tickBands = {{Decimal(0), Decimal(1000)}};
        return QtFuture::makeReadyFuture(Result<QVector<Market>>(QVector<Market>{btc}));
    }
    QFuture<Result<QVector<Ticker>>> fetchTickers(const QStringList&) override {
        return ready<QVector<Ticker>>();
    }
    QFuture<Result<OrderBook>> fetchOrderBook(const QString&, int) override { return ready<OrderBook>(); }
    QFuture<CandlesResult> fetchCandles(const CandleQuery& query) override {
        queries.append(query);
        CandlesResult result = candleError ? CandlesResult(*candleError) : CandlesResult(answer(query));
        if (!manual)
            return QtFuture::makeReadyFuture(result);
        auto promise = std::make_shared<QPromise<CandlesResult>>();
        promise->start();
        pendingResults.push_back(result);
        pending.push_back(promise);
        return promise->future();
    }
    QFuture<Result<QVector<Trade>>> fetchTrades(const QString&, int) override {
        return ready<QVector<Trade>>();
    }
    QFuture<Result<QVector<Balance>>> fetchBalances() override { return ready<QVector<Balance>>(); }
    QFuture<OrderPlacement> createOrder(const OrderRequest&) override {
        return QtFuture::makeReadyFuture(OrderPlacement());
    }
    QFuture<Result<Market>> fetchMarketRules(const QString&) override { return ready<Market>(); }
    VenueCapabilities capabilities() const override { return VenueCapabilities::anyVenue(); }
    QFuture<Result<Order>> fetchOrder(const OrderRef&) override { return ready<Order>(); }
    QFuture<Result<QVector<Order>>> fetchOpenOrders(const QString&) override {
        return ready<QVector<Order>>();
    }
    QFuture<Result<QVector<Order>>> fetchClosedOrders(const QString&, int) override {
        return ready<QVector<Order>>();
    }
    QFuture<Result<Order>> cancelOrder(const OrderRef&) override { return ready<Order>(); }
    QFuture<Result<QVector<Fill>>> fetchFills(const QString&, int) override { return ready<QVector<Fill>>(); }
    void subscribeMarketData(const QStringList&, unsigned) override {}
    void unsubscribeMarketData(const QStringList&, unsigned) override {}
    void subscribeAccount() override {}

    // Completes the `index`th manual request.
    void complete(size_t index) {
        pending[index]->addResult(pendingResults[index]);
        pending[index]->finish();
    }

    QVector<Candle> answer(const CandleQuery& query) const {
        if (emptyMarkets.contains(query.market))
            return {};
        QVector<Candle> candles = seriesFor(query);
        if (query.toMs > 0) {
            // Pretend the venue's history starts `historyLimit` candles before now.
            const qint64 oldest = bucketStart(query.interval, QDateTime::currentMSecsSinceEpoch()) -
                                  (historyLimit - 1) * intervalMs(query.interval);
            candles.removeIf([oldest](const Candle& c) { return c.openTimeMs < oldest; });
        }
        return candles;
    }

private:
    template <class T> QFuture<Result<T>> ready() {
        return QtFuture::makeReadyFuture(Result<T>(notSupported()));
    }
    std::vector<CandlesResult> pendingResults;
};

bool sameCandles(const QVector<Candle>& a, const QVector<Candle>& b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].openTimeMs != b[i].openTimeMs || a[i].open != b[i].open || a[i].high != b[i].high ||
            a[i].low != b[i].low || a[i].close != b[i].close || a[i].volume != b[i].volume)
            return false;
    }
    return true;
}

Trade tradeAt(qint64 timestampMs, const Decimal& price, const Decimal& qty) {
    Trade t;
    t.venue = QStringLiteral("fake");
    t.market = QStringLiteral("KRW-BTC");
    t.id = QString::number(timestampMs);
    t.price = price;
    t.qty = qty;
    t.timestampMs = timestampMs;
    return t;
}

// Lets posted events (future watchers) run without waiting for anything in particular.
void drainEvents() {
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class TestChartTab : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeConnector> connector;
    std::unique_ptr<MarketDataHub> hub;

private slots:
    void init() {
        connector = std::make_unique<FakeConnector>();
        hub = std::make_unique<MarketDataHub>();
        hub->setCoalesceIntervalMs(10);
        QSignalSpy marketsLoaded(hub.get(), &MarketDataHub::marketsLoaded);
        hub->attach(connector.get());
        QVERIFY(marketsLoaded.wait());
    }

    void cleanup() {
        hub.reset();
        connector.reset();
    }

    void showsAnEmptyStateBeforeAMarketIsChosen() {
        ChartTab tab(hub.get());
        QVERIFY(tab.candles().isEmpty());
        QVERIFY(!tab.chartView()->emptyText().isEmpty());
        QVERIFY(connector->queries.isEmpty());
    }

    void setMarketLoadsHistory() {
        ChartTab tab(hub.get());
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QCOMPARE(tab.market(), QStringLiteral("KRW-BTC"));
        QCOMPARE(tab.chartView()->emptyText(), QStringLiteral("Loading chart…"));
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.count(), 1);

        QCOMPARE(connector->queries.size(), 1);
        const CandleQuery query = connector->queries.first();
        QCOMPARE(query.market, QStringLiteral("KRW-BTC"));
        QCOMPARE(query.interval, CandleInterval::M1);
        QCOMPARE(query.count, 300);
        QCOMPARE(query.toMs, 0);
        QCOMPARE(tab.candles().size(), 300);
        QVERIFY(sameCandles(tab.candles(), connector->answer(query)));
        QCOMPARE(tab.chartView()->priceDecimals(), 0); // from the market's 1,000 KRW tick

        tab.setMarket(QStringLiteral("KRW-BTC")); // already shown: no refetch
        QCOMPARE(connector->queries.size(), 1);
    }

    void intervalChangeRefetches() {
        ChartTab tab(hub.get());
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        QSignalSpy changed(&tab, &ChartTab::intervalChanged);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QVERIFY(loaded.wait());

        tab.setInterval(CandleInterval::M5);
        QCOMPARE(tab.interval(), CandleInterval::M5);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).value<CandleInterval>(), CandleInterval::M5);
        QVERIFY(tab.candles().isEmpty()); // old interval's candles are gone while loading
        QVERIFY(loaded.wait());
        QCOMPARE(connector->queries.size(), 2);
        QCOMPARE(connector->queries.last().interval, CandleInterval::M5);
        QVERIFY(sameCandles(tab.candles(), connector->answer(connector->queries.last())));
        QCOMPARE(tab.candles()[1].openTimeMs - tab.candles()[0].openTimeMs, intervalMs(CandleInterval::M5));

        tab.setInterval(CandleInterval::M5); // unchanged: nothing happens
        QCOMPARE(changed.count(), 1);
        QCOMPARE(connector->queries.size(), 2);

        // The selector buttons drive the same path.
        QToolButton* hourButton = nullptr;
        for (QToolButton* button : tab.findChildren<QToolButton*>()) {
            if (button->text() == QStringLiteral("1h"))
                hourButton = button;
        }
        QVERIFY(hourButton);
        hourButton->click();
        QCOMPARE(tab.interval(), CandleInterval::H1);
        QCOMPARE(changed.count(), 2);
        QVERIFY(loaded.wait());
        QCOMPARE(connector->queries.last().interval, CandleInterval::H1);
        QCOMPARE(ChartTab::selectableIntervals().size(), 8);
    }

    void staleResponsesAreIgnored() {
        connector->manual = true;
        ChartTab tab(hub.get());
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        tab.setMarket(QStringLiteral("KRW-ETH"));
        tab.setInterval(CandleInterval::M15);
        QCOMPARE(connector->queries.size(), 3);

        // The newest request answers first, then the two stale ones.
        connector->complete(2);
        QVERIFY(loaded.wait());
        connector->complete(0);
        connector->complete(1);
        drainEvents();
        QCOMPARE(loaded.count(), 1);
        QVERIFY(sameCandles(tab.candles(), connector->answer(connector->queries[2])));
        QCOMPARE(tab.market(), QStringLiteral("KRW-ETH"));
    }

    void staleResponseArrivingFirstIsIgnored() {
        connector->manual = true;
        ChartTab tab(hub.get());
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        tab.setMarket(QStringLiteral("KRW-ETH"));
        connector->complete(0);
        drainEvents();
        QCOMPARE(loaded.count(), 0);
        QVERIFY(tab.candles().isEmpty());
        connector->complete(1);
        QVERIFY(loaded.wait());
        QCOMPARE(tab.candles().first().open, Decimal(3'200'000));
    }

    void destroyingTheTabWithARequestInFlightIsSafe() {
        connector->manual = true;
        {
            ChartTab tab(hub.get());
            tab.setMarket(QStringLiteral("KRW-BTC"));
        }
        connector->complete(0);
        drainEvents();
    }

    void attachingTheHubToAnotherVenueRefetches() {
        ChartTab tab(hub.get());
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QVERIFY(loaded.wait());

        FakeConnector other;
        hub->attach(&other);
        QVERIFY(loaded.wait());
        QCOMPARE(other.queries.size(), 1);
        QCOMPARE(other.queries.first().market, QStringLiteral("KRW-BTC"));
        hub->attach(nullptr); // before `other` goes away
    }

    void fetchErrorIsShown() {
        const VenueError error{ErrorKind::Network, {}, {}, {}, 0};
        connector->candleError = error;
        ChartTab tab(hub.get());
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QTRY_COMPARE_WITH_TIMEOUT(tab.chartView()->emptyText(), error.userMessage(), 5000);
        QVERIFY(tab.candles().isEmpty());
    }

    void emptyHistoryShowsNoCandlesYet() {
        connector->emptyMarkets << QStringLiteral("KRW-NEW");
        ChartTab tab(hub.get());
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-NEW"));
        QVERIFY(loaded.wait());
        QVERIFY(tab.candles().isEmpty());
        QCOMPARE(tab.chartView()->emptyText(), QStringLiteral("No candles for this market yet"));
        QVERIFY(!tab.grab().toImage().isNull());
    }

    void liveTradesMoveTheLastCandle() {
        ChartTab tab(hub.get());
        tab.show(); // a tab not on screen folds nothing until shown (see hiddenTabCatchesUpWhenShown)
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QVERIFY(loaded.wait());
        const Candle lastBefore = tab.candles().last();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();

        // A trade older than the request is already inside the history: it must not count twice.
        emit connector->tradeReceived(tradeAt(now - 60'000, Decimal(1), Decimal(5)));
        const Decimal high = lastBefore.high + Decimal(1'000'000);
        emit connector->tradeReceived(tradeAt(now, high, Decimal::fromString("0.5")));
        QTRY_COMPARE_WITH_TIMEOUT(tab.candles().last().close, high, 5000);
        const qsizetype count = tab.candles().size();
        const Candle live = tab.candles().last();
        if (live.openTimeMs == lastBefore.openTimeMs) {
            QCOMPARE(live.high, high);
            QCOMPARE(live.low, lastBefore.low);
            QCOMPARE(live.volume, lastBefore.volume + Decimal::fromString("0.5"));
        }

        // A trade in the next bucket opens a new candle.
        const qint64 nextBucket = nextBucketStart(CandleInterval::M1, live.openTimeMs);
        emit connector->tradeReceived(tradeAt(nextBucket + 1, Decimal(44'000'000), Decimal(2)));
        QTRY_COMPARE_WITH_TIMEOUT(tab.candles().size(), count + 1, 5000);
        QCOMPARE(tab.candles().last().openTimeMs, nextBucket);
        QCOMPARE(tab.candles().last().open, Decimal(44'000'000));
        QCOMPARE(tab.candles().last().volume, Decimal(2));
        QVERIFY(tab.chartView()->isFollowingLatest());
        QCOMPARE(tab.chartView()->lastVisibleIndex(), int(tab.candles().size()) - 1);
    }

    void hiddenTabCatchesUpWhenShown() {
        ChartTab tab(hub.get());
        tab.show();
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QVERIFY(loaded.wait());
        const Candle lastBefore = tab.candles().last();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const Decimal high = lastBefore.high + Decimal(2'000'000);

        tab.hide();
        QSignalSpy updated(hub.get(), &MarketDataHub::updated);
        emit connector->tradeReceived(tradeAt(now, high, Decimal(3)));
        QVERIFY(updated.wait());
        QCOMPARE(tab.candles().last().high, lastBefore.high); // nothing folded, nothing painted

        tab.show(); // folds the trade the hub still holds, once
        QCOMPARE(tab.candles().last().close, high);
        const Decimal volume = tab.candles().last().volume;
        tab.hide();
        tab.show();
        QCOMPARE(tab.candles().last().volume, volume);
    }

    void theCurrentIntervalIsHighlighted() {
        theme::apply(*qApp);
        ChartTab tab(hub.get());
        tab.resize(1000, 500);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QAbstractButton* hour = tab.findChild<QAbstractButton*>(QStringLiteral("chartInterval_60m"));
        QAbstractButton* minute = tab.findChild<QAbstractButton*>(QStringLiteral("chartInterval_1m"));
        QVERIFY(hour && minute);
        QVERIFY(minute->isChecked());
        QTest::mouseClick(hour, Qt::LeftButton);
        QCOMPARE(tab.interval(), CandleInterval::H1);
        QVERIFY(hour->isChecked());
        QVERIFY(!minute->isChecked());
        for (CandleInterval interval : ChartTab::selectableIntervals())
            QCOMPARE(tab.intervalButton(interval)->isChecked(), interval == CandleInterval::H1);
        // Checked looks different: the highlight fills the button, an unchecked one shows the bar behind.
        const QImage checked = hour->grab().toImage();
        const QImage unchecked = minute->grab().toImage();
        const QPoint inside(3, checked.height() / 2);
        QCOMPARE(checked.pixelColor(inside), QColor(0x24, 0x3b, 0x5e));
        QVERIFY(unchecked.pixelColor(inside) != QColor(0x24, 0x3b, 0x5e));
        // Set from outside (settings at start) the highlight follows too.
        tab.setInterval(CandleInterval::D1);
        QVERIFY(tab.intervalButton(CandleInterval::D1)->isChecked());
        QVERIFY(!hour->isChecked());
    }

    void koreanShowsTheKoreanName() {
        ChartTab tab(hub.get());
        auto* label = tab.findChild<QLabel*>(QStringLiteral("chartMarketLabel"));
        QVERIFY(label);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QCOMPARE(label->text(), QStringLiteral("KRW-BTC  ·  Bitcoin"));
        tab.setPreferLocalNames(true);
        QCOMPARE(label->text(), QStringLiteral("KRW-BTC  ·  비트코인"));
    }

    void panningToTheLeftEdgeLoadsOlderHistory() {
        connector->historyLimit = 450;
        ChartTab tab(hub.get());
        tab.resize(1000, 600);
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QVERIFY(loaded.wait());
        const qint64 firstOpen = tab.candles().first().openTimeMs;

        CandleChartView* view = tab.chartView();
        view->setVisibleCount(100);
        view->panBy(-1000);
        QTRY_COMPARE_WITH_TIMEOUT(tab.candles().size(), 450, 5000);
        const CandleQuery older = connector->queries.last();
        QCOMPARE(older.toMs, firstOpen);
        QCOMPARE(older.count, 300);
        QCOMPARE(tab.candles()[150].openTimeMs, firstOpen);
        for (qsizetype i = 1; i < tab.candles().size(); ++i)
            QCOMPARE(tab.candles()[i].openTimeMs - tab.candles()[i - 1].openTimeMs,
                     intervalMs(CandleInterval::M1));
        QVERIFY(!view->isFollowingLatest());

        // The venue had no more: reaching the edge again does not ask again.
        const qsizetype queries = connector->queries.size();
        view->panBy(-1000);
        drainEvents();
        QCOMPARE(connector->queries.size(), queries);
    }

    void simulatedBadgeAndPreview() {
        ChartTab tab(hub.get());
        tab.resize(1180, 640);
        tab.show();
        QSignalSpy loaded(&tab, &ChartTab::candlesLoaded);
        tab.setMarket(QStringLiteral("KRW-BTC"));
        QVERIFY(loaded.wait());
        QLabel* badge = nullptr;
        for (QLabel* label : tab.findChildren<QLabel*>()) {
            if (label->text() == QStringLiteral("Simulated"))
                badge = label;
        }
        QVERIFY(badge);
        QVERIFY(badge->isVisible());

        CandleChartView* view = tab.chartView();
        const QPoint over(view->width() * 2 / 3, view->height() / 3);
        QMouseEvent move(QEvent::MouseMove, QPointF(over), view->mapToGlobal(QPointF(over)), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view, &move);
        QVERIFY(view->hoveredIndex() >= 0);
        const QImage image = tab.grab().toImage();
        QVERIFY(!image.isNull());
        const QString path =
            qEnvironmentVariable("HOGA_CHART_PREVIEW", QStringLiteral("/tmp/chart_preview.png"));
        QVERIFY(image.save(path));
    }
};

QTEST_MAIN(TestChartTab)
#include "tst_chart_tab.moc"
