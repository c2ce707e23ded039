// Venues that stream only a few markets at once (KIS: 40 subscriptions on one session): the hub streams the
// markets the user needs first, fills the free slots in listing order, moves the streams as the wanted
// markets change and refreshes the others' prices by REST.
#include "core/clock.h"
#include "marketdata/market_data_hub.h"
#include "marketdata/stream_budget.h"
#include "support/fake_connector.h"

#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

const QStringList kCodes = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                            QStringLiteral("D"), QStringLiteral("E"), QStringLiteral("F")};

void scriptSixMarkets(FakeConnector& fake, int venueLimit) {
    fake.caps.maxStreamedMarkets = venueLimit;
    for (const QString& code : kCodes) {
        Market m;
        m.venue = QStringLiteral("fake");
        m.code = code;
        m.base = code;
        m.quote = QStringLiteral("KRW");
        fake.markets << m;
        Ticker t;
        t.venue = m.venue;
        t.market = code;
        t.last = Decimal(100);
        t.timestampMs = 1000;
        fake.tickers << t;
    }
}

QSet<QString> asSet(const QStringList& list) {
    return QSet<QString>(list.cbegin(), list.cend());
}

} // namespace

class TestStreamBudget : public QObject {
    Q_OBJECT
private slots:
    void wantedFirstThenListedUpToTheLimit() {
        QCOMPARE(chooseStreamedMarkets(kCodes, {QStringLiteral("E")}, 0), kCodes); // no limit: all
        // Wanted ones in their order, unknown codes and duplicates skipped, then the listed ones.
        QCOMPARE(chooseStreamedMarkets(
                     kCodes,
                     {QStringLiteral("E"), QStringLiteral("X"), QStringLiteral("C"), QStringLiteral("E")}, 4),
                 (QStringList{QStringLiteral("E"), QStringLiteral("C"), QStringLiteral("A"),
                              QStringLiteral("B")}));
        // More wanted than fit: the first ones win.
        QCOMPARE(
            chooseStreamedMarkets(kCodes, {QStringLiteral("F"), QStringLiteral("E"), QStringLiteral("D")}, 2),
            (QStringList{QStringLiteral("F"), QStringLiteral("E")}));
        QCOMPARE(chooseStreamedMarkets({}, {QStringLiteral("A")}, 3), QStringList());
    }

    void unlimitedVenueStreamsEveryMarket() {
        FakeConnector fake;
        scriptSixMarkets(fake, 0);
        MarketDataHub hub;
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.setWantedMarkets({QStringLiteral("F")});
        hub.attach(&fake);
        QVERIFY(loaded.wait(2000));
        QCOMPARE(hub.streamLimit(), 0);
        QCOMPARE(fake.subscribedMarkets, kCodes);
        hub.setWantedMarkets({QStringLiteral("B")}); // nothing to move
        QCOMPARE(fake.subscribedMarkets, kCodes);
        QCOMPARE(hub.streamedMarkets(), kCodes);
    }

    void limitedVenueStreamsTheWantedMarketsAndMovesThem() {
        FakeConnector fake;
        scriptSixMarkets(fake, 5); // the hub keeps two slots free for bots and the recorder: 3 markets
        ManualClock clock;
        MarketDataHub hub(nullptr, &clock);
        hub.setStalenessPolicy(StalenessPolicy{});
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        QSignalSpy moved(&hub, &MarketDataHub::streamedMarketsChanged);
        hub.setWantedMarkets({QStringLiteral("E")});
        hub.attach(&fake);
        QVERIFY(loaded.wait(2000));
        QCOMPARE(hub.streamLimit(), 3);
        const QStringList first{QStringLiteral("E"), QStringLiteral("A"), QStringLiteral("B")};
        QCOMPARE(hub.streamedMarkets(), first);
        QCOMPARE(asSet(fake.subscribedMarkets), asSet(first));
        QVERIFY(hub.isStreamed(QStringLiteral("E")) && !hub.isStreamed(QStringLiteral("C")));
        QCOMPARE(moved.size(), 1);
        // Every market gets its first price, streamed or not.
        QTRY_COMPARE_WITH_TIMEOUT(hub.tickers().size(), 6, 2000);

        // The user moves on to F with E on the watchlist: B (a filler) gives its slot to F.
        hub.setWantedMarkets({QStringLiteral("F"), QStringLiteral("E")});
        const QStringList second{QStringLiteral("F"), QStringLiteral("E"), QStringLiteral("A")};
        QCOMPARE(hub.streamedMarkets(), second);
        QCOMPARE(asSet(fake.subscribedMarkets), asSet(second));
        QCOMPARE(moved.size(), 2);

        // Markets no longer streamed are not watched for staleness (their silence is expected).
        clock.advanceMs(60'000);
        hub.checkStaleness();
        QCOMPARE(hub.staleMarkets(), asSet(second)); // no stream message at all: the streamed ones only

        // A market added by hand (an unlisted stock code) streams at once, ahead of the rest.
        Market extra = fake.markets.first();
        extra.code = QStringLiteral("G");
        fake.unlistedMarkets = {extra};
        hub.addMarket(QStringLiteral("G"));
        QTRY_VERIFY_WITH_TIMEOUT(hub.isStreamed(QStringLiteral("G")), 2000);
        QCOMPARE(hub.streamedMarkets().size(), 3);
        QVERIFY(fake.subscribedMarkets.contains(QStringLiteral("G")));
    }

    void unstreamedPricesAreRefreshedByRest() {
        FakeConnector fake;
        scriptSixMarkets(fake, 4); // 2 streamed
        MarketDataHub hub;
        hub.setPollIntervalMs(20);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        hub.attach(&fake);
        QVERIFY(loaded.wait(2000));
        QCOMPARE(fake.tickerRequests, kCodes); // the first prices of every market
        fake.tickerRequests.clear();
        // The next REST refresh asks for exactly the markets without a stream.
        QTRY_VERIFY_WITH_TIMEOUT(!fake.tickerRequests.isEmpty(), 2000);
        QCOMPARE(fake.tickerRequests.mid(0, 4), (QStringList{QStringLiteral("C"), QStringLiteral("D"),
                                                             QStringLiteral("E"), QStringLiteral("F")}));
    }
};

QTEST_MAIN(TestStreamBudget)
#include "tst_stream_budget.moc"
