// The hub's stream freshness: per market and channel message times on an injected clock, stale markets by
// the venue's policy, and stream errors forwarded to the hub's own error signal.

#include "marketdata/market_data_hub.h"
#include "marketdata/stream_freshness.h"
#include "support/fake_connector.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");
const QString kEth = QStringLiteral("KRW-ETH");

Market market(const QString& code) {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = code;
    m.base = code.section(QLatin1Char('-'), 1);
    m.quote = QStringLiteral("KRW");
    return m;
}

Ticker ticker(const QString& code) {
    Ticker t;
    t.venue = QStringLiteral("fake");
    t.market = code;
    t.last = Decimal(1000);
    return t;
}

OrderBook book(const QString& code) {
    OrderBook b(QStringLiteral("fake"), code);
    b.applySnapshot({{Decimal(999), Decimal(1)}}, {{Decimal(1001), Decimal(1)}}, 0);
    return b;
}

Trade trade(const QString& code) {
    Trade t;
    t.venue = QStringLiteral("fake");
    t.market = code;
    t.price = Decimal(1000);
    t.qty = Decimal(1);
    return t;
}

} // namespace

class TestHubStaleness : public QObject {
    Q_OBJECT
private slots:
    void policyPerVenue() {
        const StalenessPolicy real = StalenessPolicy::forVenue(false);
        QCOMPARE(real.tickerMs, qint64(10'000));
        QCOMPARE(real.bookMs, qint64(10'000));
        QCOMPARE(real.tradeMs, qint64(0));
        const StalenessPolicy sim = StalenessPolicy::forVenue(true);
        QCOMPARE(sim.tickerMs, qint64(3'000));
        QCOMPARE(sim.bookMs, qint64(3'000));
        const StalenessPolicy off{0, 0, 0};
        QVERIFY(!off.isEnabled());
    }

    void freshnessCountsFromSubscriptionThenLastMessage() {
        StreamFreshness f;
        f.setPolicy({10'000, 10'000, 0});
        // Unsubscribed markets are never stale, whatever their silence.
        QVERIFY(!f.isStale(kBtc, 1'000'000));
        f.received(kBtc, TickerChannel, 5); // not subscribed: ignored
        QCOMPARE(f.lastMessageMs(kBtc), qint64(0));

        f.subscribed(kBtc, TickerChannel | OrderBookChannel | TradeChannel, 1000);
        QVERIFY(!f.isStale(kBtc, 11'000));
        QVERIFY(f.isStale(kBtc, 11'001)); // silent since the subscription
        f.received(kBtc, OrderBookChannel, 11'500);
        QVERIFY(!f.isStale(kBtc, 21'500)); // one lively channel is enough
        QVERIFY(f.isStale(kBtc, 21'501));
        QCOMPARE(f.lastMessageMs(kBtc, OrderBookChannel), qint64(11'500));
        QCOMPARE(f.lastMessageMs(kBtc, TickerChannel), qint64(0));

        // Trades are recorded but not watched: a quiet market that only trades stays stale.
        f.received(kBtc, TradeChannel, 30'000);
        QCOMPARE(f.lastMessageMs(kBtc), qint64(30'000));
        QVERIFY(f.isStale(kBtc, 30'000));
        QCOMPARE(f.staleMarkets(30'000), QSet<QString>{kBtc});
        QCOMPARE(f.watchedMarketCount(), 1);

        // A market subscribed to trades only has nothing watched.
        f.subscribed(kEth, TradeChannel, 0);
        QVERIFY(!f.isStale(kEth, 1'000'000));
        QCOMPARE(f.watchedMarketCount(), 1);
        // Subscribing a new channel restarts the count; re-subscribing keeps it.
        f.subscribed(kEth, TickerChannel, 100'000);
        QVERIFY(!f.isStale(kEth, 105'000));
        f.subscribed(kEth, TickerChannel, 200'000);
        QVERIFY(f.isStale(kEth, 200'000));

        f.setPolicy({0, 0, 0});
        QVERIFY(f.staleMarkets(1'000'000).isEmpty());
    }

    void hubFlagsSilentMarketsOnItsClock() {
        ManualClock clock;
        FakeConnector fake;
        fake.markets = {market(kBtc), market(kEth)};
        MarketDataHub hub(nullptr, &clock);
        QCOMPARE(hub.clock(), &clock);
        hub.setStalenessPolicy({10'000, 10'000, 0});
        hub.setStaleCheckIntervalMs(60'000); // evaluated by hand below
        QSignalSpy changed(&hub, &MarketDataHub::staleMarketsChanged);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        QVERIFY(loaded.wait(2000));

        const qint64 start = clock.nowMs();
        emit fake.tickerUpdated(ticker(kBtc));
        emit fake.orderBookUpdated(book(kEth));
        QCOMPARE(hub.lastMessageMs(kBtc, TickerChannel), start);
        QCOMPARE(hub.lastMessageMs(kEth, OrderBookChannel), start);
        QCOMPARE(hub.lastMessageMs(kEth), start);
        QCOMPARE(hub.lastUpdateMs(), start); // the venue-wide time runs on the same clock

        clock.advanceMs(10'000);
        hub.checkStaleness();
        QVERIFY(hub.staleMarkets().isEmpty());
        QCOMPARE(changed.count(), 0);

        // BTC keeps streaming; ETH goes quiet.
        emit fake.tickerUpdated(ticker(kBtc));
        clock.advanceMs(1);
        hub.checkStaleness();
        QCOMPARE(hub.staleMarkets(), QSet<QString>{kEth});
        QVERIFY(hub.isStale(kEth));
        QVERIFY(!hub.isStale(kBtc));
        QVERIFY(!hub.isStreamStale());
        QCOMPARE(changed.count(), 1);
        hub.checkStaleness(); // unchanged: no new signal
        QCOMPARE(changed.count(), 1);

        // Everything silent: the stream as a whole is stale.
        clock.advanceMs(10'000);
        hub.checkStaleness();
        QCOMPARE(hub.staleMarkets(), (QSet<QString>{kBtc, kEth}));
        QVERIFY(hub.isStreamStale());
        QCOMPARE(changed.count(), 2);

        // Trades alone do not make a market fresh; its order book does.
        emit fake.tradeReceived(trade(kEth));
        hub.checkStaleness();
        QVERIFY(hub.isStale(kEth));
        emit fake.orderBookUpdated(book(kEth));
        hub.checkStaleness();
        QCOMPARE(hub.staleMarkets(), QSet<QString>{kBtc});
        QVERIFY(!hub.isStreamStale());
        QCOMPARE(changed.count(), 3);

        // A new policy applies at once.
        hub.setStalenessPolicy({60'000, 60'000, 0});
        QVERIFY(hub.staleMarkets().isEmpty());
        QCOMPARE(hub.stalenessPolicy().bookMs, qint64(60'000));
        QCOMPARE(changed.count(), 4);

        // Detaching forgets everything.
        hub.setStalenessPolicy({1, 1, 0});
        clock.advanceMs(10);
        hub.checkStaleness();
        QVERIFY(!hub.staleMarkets().isEmpty());
        hub.attach(nullptr);
        QVERIFY(hub.staleMarkets().isEmpty());
        QCOMPARE(hub.lastMessageMs(kBtc), qint64(0));
    }

    void checkTimerEvaluatesOnItsOwn() {
        ManualClock clock;
        FakeConnector fake;
        fake.markets = {market(kBtc)};
        MarketDataHub hub(nullptr, &clock);
        hub.setStalenessPolicy({1000, 1000, 0});
        hub.setStaleCheckIntervalMs(10);
        QSignalSpy changed(&hub, &MarketDataHub::staleMarketsChanged);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        QVERIFY(loaded.wait(2000));
        clock.advanceMs(1001);
        QVERIFY(changed.wait(2000));
        QVERIFY(hub.isStale(kBtc));
        emit fake.tickerUpdated(ticker(kBtc));
        QVERIFY(changed.wait(2000));
        QVERIFY(!hub.isStale(kBtc));
    }

    void streamErrorsReachTheHubsErrorSignal() {
        FakeConnector fake;
        MarketDataHub hub;
        QSignalSpy errors(&hub, &MarketDataHub::errorOccurred);
        hub.attach(&fake);
        emit fake.streamError(FakeConnector::error(ErrorKind::Network, QStringLiteral("ws_closed")));
        QVERIFY(errors.wait(2000));
        QCOMPARE(errors.first().first().value<VenueError>().venueCode, QStringLiteral("ws_closed"));
        // Not after detaching.
        hub.attach(nullptr);
        emit fake.streamError(FakeConnector::error(ErrorKind::Network));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(errors.count(), 1);
    }
};

QTEST_MAIN(TestHubStaleness)
#include "tst_hub_staleness.moc"
