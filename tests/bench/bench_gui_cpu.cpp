// How much of a core the GUI thread uses while the main window idles on a steady market data stream: a
// scripted connector streams 50 messages a second per market (20 trades, 20 order books, 10 tickers) for 5
// markets, and the GUI thread's own CPU time (CLOCK_THREAD_CPUTIME_ID) is measured for N seconds on each tab,
// then minimised and hidden. Prints one JSON object.
//
//   bench_gui_cpu [--seconds N] [--rate MSGS_PER_MARKET_PER_S] [--only PHASE]
//
// PHASE is a tab's object name (portfolioTab, chartTab, orderBookTab, tradingTab), minimized or hidden: only
// that one is measured (for a profiler).
//
// Runs offscreen unless QT_QPA_PLATFORM says otherwise. Built with the tests, never run by CTest.

#include "application/app_settings.h"
#include "mainwindow/main_window.h"
#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"
#include "support/fake_connector.h"
#include "theme/terminal_theme.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QRandomGenerator>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

using namespace hoga;

namespace {

const QStringList kMarkets{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"), QStringLiteral("KRW-XRP"),
                           QStringLiteral("KRW-SOL"), QStringLiteral("KRW-DOGE")};
const qint64 kBasePrices[] = {100'000'000, 4'000'000, 3'000, 200'000, 300};

Decimal tickOf(qint64 price) {
    TradingRules rules;
    rules.tickBands = TradingRules::krwPriceBands();
    return rules.tickFor(Decimal(price));
}

Market market(int i) {
    Market m;
    m.venue = QStringLiteral("bench");
    m.code = kMarkets[i];
    m.base = m.code.section(QLatin1Char('-'), 1);
    m.quote = QStringLiteral("KRW");
    m.displayName = m.base;
    m.localName = m.base;
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = Decimal::fromString("0.00000001");
    m.rules.minTotal = Decimal(5000);
    return m;
}

// The fake venue with a chart history (the stock fake answers no candles).
class BenchConnector : public test::FakeConnector {
public:
    QFuture<Result<QVector<Candle>>> fetchCandles(const CandleQuery& query) override {
        int index = std::max<int>(0, kMarkets.indexOf(query.market));
        const Decimal price(kBasePrices[index]);
        const qint64 step = intervalMs(query.interval);
        const qint64 now = bucketStart(query.interval, QDateTime::currentMSecsSinceEpoch());
        QVector<Candle> candles;
        for (int i = query.count - 1; i >= 0; --i)
            candles.append(Candle{now - i * step, price, price, price, price, Decimal(1), price});
        QPromise<Result<QVector<Candle>>> promise;
        promise.start();
        promise.addResult(Result<QVector<Candle>>(candles));
        promise.finish();
        return promise.future();
    }
};

// Emits the stream from a thread of its own, as a connector's thread would.
class StreamGenerator : public QObject {
public:
    StreamGenerator(test::FakeConnector* connector, int ratePerMarket)
        : m_connector(connector)
        , m_timer(this) {
        // Five messages per market in a cycle of five ticks: trade, trade, book, book, ticker.
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(std::max(1, 1000 / std::max(1, ratePerMarket)));
        connect(&m_timer, &QTimer::timeout, this, &StreamGenerator::tick);
        for (int i = 0; i < kMarkets.size(); ++i)
            m_books.append(OrderBook(QStringLiteral("bench"), kMarkets[i]));
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }

private:
    void tick() {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int phase = int(m_ticks++ % 5);
        for (int i = 0; i < kMarkets.size(); ++i) {
            const qint64 base = kBasePrices[i];
            const Decimal tick = tickOf(base);
            const qint64 offset = m_random.bounded(-5, 6);
            const Decimal price = Decimal(base) + tick * Decimal(offset);
            if (phase < 2) {
                Trade t;
                t.venue = QStringLiteral("bench");
                t.market = kMarkets[i];
                t.id = QString::number(++m_tradeId);
                t.price = price;
                t.qty = Decimal(qint64(m_random.bounded(1, 100'000'000)))
                            .divide(Decimal(1'000'000'000), 8, Rounding::Down);
                t.side = m_random.bounded(2) ? Side::Buy : Side::Sell;
                t.timestampMs = now;
                emit m_connector->tradeReceived(t);
            } else if (phase < 4) {
                OrderBook& book = m_books[i];
                if (book.isEmpty()) {
                    QVector<BookLevel> bids, asks;
                    for (int l = 1; l <= 30; ++l) {
                        bids.append({Decimal(base) - tick * Decimal(l), Decimal(l)});
                        asks.append({Decimal(base) + tick * Decimal(l), Decimal(l)});
                    }
                    book.applySnapshot(bids, asks, now);
                }
                // One level of one side changes, as a venue's delta would.
                const int level = int(m_random.bounded(1, 31));
                const bool bid = m_random.bounded(2);
                const Decimal levelPrice =
                    bid ? Decimal(base) - tick * Decimal(level) : Decimal(base) + tick * Decimal(level);
                book.applyDelta(
                    bid ? Side::Buy : Side::Sell, levelPrice,
                    Decimal(qint64(m_random.bounded(1, 1000))).divide(Decimal(100), 2, Rounding::Down), now);
                emit m_connector->orderBookUpdated(book);
            } else {
                Ticker t;
                t.venue = QStringLiteral("bench");
                t.market = kMarkets[i];
                t.last = price;
                t.open = t.prevClose = Decimal(base);
                t.high = Decimal(base) + tick * Decimal(10);
                t.low = Decimal(base) - tick * Decimal(10);
                t.change = t.last - t.prevClose;
                t.changeRate = t.change.divide(t.prevClose, 8, Rounding::HalfEven);
                t.volume24h = Decimal(1000 + qint64(m_ticks));
                t.quoteVolume24h = t.volume24h * Decimal(base);
                t.timestampMs = now;
                emit m_connector->tickerUpdated(t);
            }
        }
    }

    test::FakeConnector* m_connector;
    QTimer m_timer;
    QVector<OrderBook> m_books;
    QRandomGenerator m_random{4242};
    quint64 m_ticks = 0;
    quint64 m_tradeId = 0;
};

qint64 threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 processCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void runEventsFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int seconds = 10;
    int rate = 50;
    QString only;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--rate"))
            rate = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--only"))
            only = args[i + 1];
    }

    QTemporaryDir dir;
    qputenv(AppSettings::kPathVariable, dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    theme::apply(app);

    auto connector = std::make_unique<BenchConnector>();
    connector->venue = QStringLiteral("bench");
    for (int i = 0; i < kMarkets.size(); ++i) {
        connector->markets.append(market(i));
        Ticker t;
        t.venue = QStringLiteral("bench");
        t.market = kMarkets[i];
        t.last = t.open = t.prevClose = t.high = t.low = Decimal(kBasePrices[i]);
        t.volume24h = Decimal(1000);
        t.timestampMs = QDateTime::currentMSecsSinceEpoch();
        connector->tickers.append(t);
        connector->balances.append(Balance{QStringLiteral("bench"),
                                           market(i).base,
                                           Decimal(2),
                                           {},
                                           Decimal(kBasePrices[i]),
                                           QStringLiteral("KRW")});
    }
    connector->balances.append(
        Balance{QStringLiteral("bench"), QStringLiteral("KRW"), Decimal(10'000'000), {}, {}, {}});
    test::FakeConnector* fake = connector.get();
    VenueSession session(std::move(connector));

    AppSettings settings;
    MainWindow window(&settings, {&session}, UiLanguage::English);
    window.resize(1600, 1000);
    window.show();

    QThread streamThread;
    StreamGenerator generator(fake, rate);
    generator.moveToThread(&streamThread);
    streamThread.start();
    QMetaObject::invokeMethod(&generator, [&generator] { generator.start(); });

    // Let markets, history and the first messages arrive.
    runEventsFor(2000);

    QJsonArray phases;
    auto measure = [&](const QString& name) {
        if (!only.isEmpty() && only != name)
            return;
        runEventsFor(1000); // settle after the switch
        const qint64 cpu0 = threadCpuNs();
        const qint64 proc0 = processCpuNs();
        QElapsedTimer wall;
        wall.start();
        runEventsFor(seconds * 1000);
        const double wallNs = double(wall.nsecsElapsed());
        const double gui = double(threadCpuNs() - cpu0) / wallNs * 100.0;
        const double proc = double(processCpuNs() - proc0) / wallNs * 100.0;
        QJsonObject phase;
        phase[QStringLiteral("phase")] = name;
        phase[QStringLiteral("gui_thread_cpu_pct")] = std::round(gui * 100.0) / 100.0;
        phase[QStringLiteral("process_cpu_pct")] = std::round(proc * 100.0) / 100.0;
        phases.append(phase);
        std::fprintf(stderr, "%s: GUI thread %.2f %% of a core\n", qPrintable(name), gui);
    };

    QTabWidget* tabs = window.tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        measure(tabs->widget(i)->objectName());
    }
    tabs->setCurrentIndex(2); // minimised on the busiest tab
    window.showMinimized();
    measure(QStringLiteral("minimized"));
    window.showNormal();
    runEventsFor(500);
    window.hide();
    measure(QStringLiteral("hidden"));

    QMetaObject::invokeMethod(
        &generator, [&generator] { generator.stop(); }, Qt::BlockingQueuedConnection);
    streamThread.quit();
    streamThread.wait();

    QJsonObject out;
    out[QStringLiteral("bench")] = QStringLiteral("gui_cpu");
    out[QStringLiteral("platform")] = QGuiApplication::platformName();
    out[QStringLiteral("markets")] = int(kMarkets.size());
    out[QStringLiteral("messages_per_market_per_s")] = rate;
    out[QStringLiteral("seconds_per_phase")] = seconds;
    out[QStringLiteral("phases")] = phases;
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
