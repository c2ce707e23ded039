#include "marketdata/market_data_hub.h"
#include "support/fake_connector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Market market(const QString& code, const QString& base, const QString& quote) {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = code;
    m.base = base;
    m.quote = quote;
    return m;
}

Ticker ticker(const QString& code, const Decimal& last, qint64 timestampMs) {
    Ticker t;
    t.venue = QStringLiteral("fake");
    t.market = code;
    t.last = last;
    t.timestampMs = timestampMs;
    return t;
}

Trade trade(const QString& code, int n) {
    Trade t;
    t.venue = QStringLiteral("fake");
    t.market = code;
    t.id = QString::number(n);
    t.price = Decimal(1000 + n);
    t.qty = dec("0.1");
    t.timestampMs = 1'700'000'000'000 + n;
    return t;
}

OrderBook book(const QString& code, const Decimal& bid, const Decimal& ask) {
    OrderBook b(QStringLiteral("fake"), code);
    b.applySnapshot({{bid, dec("1.5")}, {bid - Decimal(1), dec("2")}},
                    {{ask, dec("0.5")}, {ask + Decimal(1), dec("3")}}, 1'700'000'000'000);
    return b;
}

void scriptTwoMarkets(FakeConnector& fake) {
    fake.markets = {market(QStringLiteral("KRW-BTC"), QStringLiteral("BTC"), QStringLiteral("KRW")),
                    market(QStringLiteral("KRW-ETH"), QStringLiteral("ETH"), QStringLiteral("KRW"))};
    fake.tickers = {ticker(QStringLiteral("KRW-BTC"), dec("150000000"), 1000),
                    ticker(QStringLiteral("KRW-ETH"), dec("5000000"), 1000)};
}

// Counts the queued calls delivered to objects of the thread it is installed on.
class MetaCallCounter : public QObject {
public:
    std::atomic<int> count{0};

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::MetaCall)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestMarketDataHub : public QObject {
    Q_OBJECT
private slots:
    void attachFetchesMarketsTickersAndSubscribes() {
        FakeConnector fake;
        scriptTwoMarkets(fake);
        MarketDataHub hub;
        hub.setCoalesceIntervalMs(10);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        QSignalSpy updated(&hub, &MarketDataHub::updated);

        hub.attach(&fake);
        QCOMPARE(hub.connector(), &fake);
        QCOMPARE(hub.venueId(), QStringLiteral("fake"));
        QVERIFY(!hub.isSimulated());
        QCOMPARE(hub.connectionState(), ConnectionState::Connected);
        QVERIFY(hub.markets().isEmpty()); // answers arrive through the event loop, never synchronously

        QVERIFY(loaded.wait(2000));
        QCOMPARE(hub.markets().size(), 2);
        QVERIFY(hub.market(QStringLiteral("KRW-ETH")).has_value());
        QVERIFY(!hub.market(QStringLiteral("KRW-XRP")).has_value());
        QCOMPARE(fake.subscribedMarkets, (QStringList{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH")}));
        QCOMPARE(fake.subscribedChannels, unsigned(TickerChannel | TradeChannel | OrderBookChannel));
        QCOMPARE(fake.tickerRequests, fake.subscribedMarkets);

        QTRY_VERIFY_WITH_TIMEOUT(hub.ticker(QStringLiteral("KRW-BTC")).has_value(), 2000);
        QCOMPARE(hub.ticker(QStringLiteral("KRW-BTC"))->last, dec("150000000"));
        QCOMPARE(hub.tickers().size(), 2);
        QCOMPARE(hub.lastPrice(QStringLiteral("KRW-ETH")), std::optional<Decimal>(dec("5000000")));
        QCOMPARE(hub.lastUpdateMs(), 0); // REST answers are not stream messages

        // Both initial tickers and the connection state are announced, in one or more batches.
        const auto announced = [&updated] {
            MarketDataChanges all;
            for (const auto& args : std::as_const(updated)) {
                const auto c = args.at(0).value<MarketDataChanges>();
                all.tickers.unite(c.tickers);
                all.connectionChanged |= c.connectionChanged;
            }
            return all;
        };
        QTRY_COMPARE_WITH_TIMEOUT(announced().tickers.size(), 2, 2000);
        QVERIFY(announced().connectionChanged);
    }

    void restTickerNeverReplacesANewerStreamedOne() {
        FakeConnector fake;
        scriptTwoMarkets(fake);
        fake.deferReplies = true;
        MarketDataHub hub;
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        fake.releaseDeferred(); // markets
        QVERIFY(loaded.wait(2000));
        QCOMPARE(fake.deferredCount(), 1); // the ticker request

        emit fake.tickerUpdated(ticker(QStringLiteral("KRW-BTC"), dec("151000000"), 2000));
        fake.releaseDeferred();
        QTRY_VERIFY_WITH_TIMEOUT(hub.ticker(QStringLiteral("KRW-ETH")).has_value(), 2000);
        QCOMPARE(hub.ticker(QStringLiteral("KRW-BTC"))->last, dec("151000000"));
    }

    void failedFetchReportsError() {
        FakeConnector fake;
        fake.marketsError = FakeConnector::error(ErrorKind::Network);
        MarketDataHub hub;
        QSignalSpy errors(&hub, &MarketDataHub::errorOccurred);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        QVERIFY(errors.wait(2000));
        QCOMPARE(errors.first().at(0).value<VenueError>().kind, ErrorKind::Network);
        QVERIFY(loaded.isEmpty());
        QVERIFY(fake.subscribedMarkets.isEmpty());

        FakeConnector fake2;
        scriptTwoMarkets(fake2);
        fake2.tickersError = FakeConnector::error(ErrorKind::RateLimit);
        hub.attach(&fake2);
        QVERIFY(errors.wait(2000));
        QCOMPARE(errors.last().at(0).value<VenueError>().kind, ErrorKind::RateLimit);
        QCOMPARE(hub.markets().size(), 2);
    }

    void recentTradesNewestFirstAndBounded() {
        FakeConnector fake;
        MarketDataHub hub;
        hub.setCoalesceIntervalMs(5);
        QSignalSpy updated(&hub, &MarketDataHub::updated);
        hub.attach(&fake);
        const QString btc = QStringLiteral("KRW-BTC");

        for (int i = 1; i <= 5; ++i)
            emit fake.tradeReceived(trade(btc, i));
        const QVector<Trade> three = hub.recentTrades(btc, 3);
        QCOMPARE(three.size(), 3);
        QCOMPARE(three[0].id, QStringLiteral("5"));
        QCOMPARE(three[1].id, QStringLiteral("4"));
        QCOMPARE(three[2].id, QStringLiteral("3"));
        QCOMPARE(hub.recentTrades(btc).size(), 5);
        QVERIFY(hub.recentTrades(QStringLiteral("KRW-ETH")).isEmpty());
        QCOMPARE(hub.lastPrice(btc), std::optional<Decimal>(Decimal(1005))); // no ticker: the last trade
        QVERIFY(hub.lastUpdateMs() > 0);

        // The batch lists the new trades oldest first.
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 2000);
        QVector<Trade> announced;
        for (const auto& args : std::as_const(updated))
            announced += args.at(0).value<MarketDataChanges>().trades.value(btc);
        QCOMPARE(announced.size(), 5);
        QCOMPARE(announced.first().id, QStringLiteral("1"));
        QCOMPARE(announced.last().id, QStringLiteral("5"));

        for (int i = 6; i <= 1000; ++i)
            emit fake.tradeReceived(trade(btc, i));
        const QVector<Trade> all = hub.recentTrades(btc, 10'000);
        QCOMPARE(all.size(), 200);
        QCOMPARE(all.first().id, QStringLiteral("1000"));
        QCOMPARE(all.last().id, QStringLiteral("801"));
        updated.clear();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 2000);
        const auto batch = updated.first().at(0).value<MarketDataChanges>().trades.value(btc);
        QCOMPARE(batch.size(), 200);
        QCOMPARE(batch.last().id, QStringLiteral("1000"));
    }

    void orderBookAndConnectionState() {
        FakeConnector fake;
        MarketDataHub hub;
        hub.setCoalesceIntervalMs(5);
        hub.attach(&fake);
        QSignalSpy updated(&hub, &MarketDataHub::updated);
        emit fake.orderBookUpdated(book(QStringLiteral("KRW-BTC"), dec("149000000"), dec("150000000")));
        emit fake.connectionStateChanged(ConnectionState::Reconnecting);
        QCOMPARE(hub.orderBook(QStringLiteral("KRW-BTC"))->bestAsk()->price, dec("150000000"));
        QVERIFY(!hub.orderBook(QStringLiteral("KRW-ETH")).has_value());
        QCOMPARE(hub.connectionState(), ConnectionState::Reconnecting);
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 2000);
        bool sawBook = false;
        bool sawConnection = false;
        for (const auto& args : std::as_const(updated)) {
            const auto c = args.at(0).value<MarketDataChanges>();
            sawBook |= c.books.contains(QStringLiteral("KRW-BTC"));
            sawConnection |= c.connectionChanged;
        }
        QVERIFY(sawBook);
        QVERIFY(sawConnection);
    }

    void nothingChangedEmitsNothing() {
        FakeConnector fake;
        MarketDataHub hub;
        hub.setCoalesceIntervalMs(5);
        QCOMPARE(hub.coalesceIntervalMs(), 5);
        hub.attach(&fake);
        QSignalSpy updated(&hub, &MarketDataHub::updated);
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 2000); // the attach itself (connection state, markets)
        updated.clear();
        QVERIFY(!updated.wait(60)); // a quiet stream: no empty batches
    }

    // A flood from the connector's thread is stored under the lock and published a few times with the
    // latest values; the GUI thread's event queue never sees one event per message.
    void floodIsCoalesced() {
        constexpr int kUpdates = 50'000;
        const QString btc = QStringLiteral("KRW-BTC");
        const QString eth = QStringLiteral("KRW-ETH");

        QThread streamThread;
        auto* fake = new FakeConnector;
        fake->moveToThread(&streamThread);
        streamThread.start();

        MarketDataHub hub;
        hub.setCoalesceIntervalMs(20);
        hub.attach(fake);
        QSignalSpy updated(&hub, &MarketDataHub::updated);
        MetaCallCounter counter;
        QCoreApplication::instance()->installEventFilter(&counter);

        QElapsedTimer elapsed;
        elapsed.start();
        std::atomic<bool> done{false};
        QMetaObject::invokeMethod(fake, [fake, &done, btc, eth] {
            for (int i = 1; i <= kUpdates; ++i) {
                emit fake->tickerUpdated(ticker(btc, Decimal(100'000'000 + i), i));
                emit fake->orderBookUpdated(book(eth, Decimal(4'000'000 + i), Decimal(4'000'001 + i)));
            }
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60'000);
        const qint64 floodMs = elapsed.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && hub.ticker(btc).has_value(), 2000);
        // Once the last change was published, the next tick has nothing to say.
        QTRY_VERIFY_WITH_TIMEOUT(!updated.wait(60), 2000);
        QCoreApplication::instance()->removeEventFilter(&counter);

        QCOMPARE(hub.ticker(btc)->last, Decimal(100'000'000 + kUpdates));
        QCOMPARE(hub.orderBook(eth)->bestBid()->price, Decimal(4'000'000 + kUpdates));
        bool sawBtc = false;
        bool sawEth = false;
        for (const auto& args : std::as_const(updated)) {
            const auto c = args.at(0).value<MarketDataChanges>();
            sawBtc |= c.tickers.contains(btc);
            sawEth |= c.books.contains(eth);
        }
        QVERIFY(sawBtc);
        QVERIFY(sawEth);
        qInfo("%d stream messages: %d batches, %d queued calls on this thread, %lld ms", 2 * kUpdates,
              int(updated.size()), counter.count.load(), elapsed.elapsed());
        // At most one batch per interval (plus slack for a slow machine), never one per message.
        const qint64 bound = 5 + (elapsed.elapsed() / hub.coalesceIntervalMs()) * 2;
        QVERIFY2(updated.size() <= bound, qPrintable(QStringLiteral("%1 batches in %2 ms (flood %3 ms)")
                                                         .arg(updated.size())
                                                         .arg(elapsed.elapsed())
                                                         .arg(floodMs)));
        QVERIFY2(counter.count.load() < 50, qPrintable(QString::number(counter.count.load())));

        hub.attach(nullptr);
        QMetaObject::invokeMethod(fake, &QObject::deleteLater);
        streamThread.quit();
        QVERIFY(streamThread.wait(5000));
    }

    void hubDestroyedFirstIsSafe() {
        FakeConnector fake;
        scriptTwoMarkets(fake);
        fake.deferReplies = true;
        {
            MarketDataHub hub;
            hub.attach(&fake);
        }
        // Streams and answers after the hub is gone reach nobody.
        emit fake.tickerUpdated(ticker(QStringLiteral("KRW-BTC"), dec("1"), 1));
        emit fake.tradeReceived(trade(QStringLiteral("KRW-BTC"), 1));
        fake.releaseDeferred();
        QCoreApplication::processEvents();
        QCOMPARE(fake.marketsCalls, 1);
    }

    void connectorDestroyedFirstIsSafe() {
        MarketDataHub hub;
        {
            FakeConnector fake;
            scriptTwoMarkets(fake);
            fake.deferReplies = true;
            hub.attach(&fake);
            emit fake.tickerUpdated(ticker(QStringLiteral("KRW-BTC"), dec("2"), 1));
        } // pending requests are cancelled with the connector
        QCoreApplication::processEvents();
        QCOMPARE(hub.connector(), nullptr);
        QCOMPARE(hub.venueId(), QString());
        QCOMPARE(hub.ticker(QStringLiteral("KRW-BTC"))->last, dec("2")); // data already received stays
    }

    void reattachDropsAnswersForTheEarlierConnector() {
        FakeConnector first;
        scriptTwoMarkets(first);
        first.deferReplies = true;
        FakeConnector second;
        second.markets = {market(QStringLiteral("BTCUSDT"), QStringLiteral("BTC"), QStringLiteral("USDT"))};
        MarketDataHub hub;
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&first);
        emit first.tickerUpdated(ticker(QStringLiteral("KRW-BTC"), dec("2"), 1));
        hub.attach(&second);
        QVERIFY(!hub.ticker(QStringLiteral("KRW-BTC")).has_value()); // the old venue's data is gone
        first.releaseDeferred();
        emit first.tickerUpdated(ticker(QStringLiteral("KRW-BTC"), dec("3"), 2)); // no longer followed
        QVERIFY(loaded.wait(2000));
        QCoreApplication::processEvents();
        QCOMPARE(hub.markets().size(), 1);
        QCOMPARE(hub.markets().first().code, QStringLiteral("BTCUSDT"));
        QVERIFY(!hub.ticker(QStringLiteral("KRW-BTC")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestMarketDataHub)
#include "tst_market_data_hub.moc"
