// KIS streams 40 subscriptions on its one session per app key, and the window lists 23 stocks (46
// subscriptions, plus the fill notice). Against the strict loopback KIS fake: the stocks the user needs
// stream (selected, open orders, watchlist), the rest fill the free slots, the slots move as the user
// browses, the venue never refuses a subscription and the unstreamed stocks still get prices.
#include "core/clock.h"
#include "marketdata/market_data_hub.h"
#include "session/stream_focus.h"
#include "session/venue_session.h"
#include "support/fake_kis/fake_kis_server.h"
#include "trading/trading_session.h"
#include "venues/core/token_cache.h"
#include "venues/kis/kis_tables.h"
#include "venues/venue_factory.h"

#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using hoga::test::FakeKisServer;

namespace {

constexpr int kTimeoutMs = 10'000;

// The stocks that have a live trade stream on the fake (one per H0STCNT0 subscription).
QStringList streamedStocks(const FakeKisServer& server) {
    QStringList codes;
    for (const QString& s : server.subscriptions())
        if (s.startsWith(QLatin1String("H0STCNT0|")))
            codes << s.mid(9);
    return codes;
}

} // namespace

class TestStreamFocusKis : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qputenv("HOGA_KIS_IGNORE_SESSION_HOURS", "1"); // the order below is placed at any hour
        for (const kis::StockInfo& s : kis::builtInStocks())
            m_codes << QString::fromLatin1(s.code);
        QCOMPARE(m_codes.size(), 23);
    }

    void slotsFollowWhatTheUserNeeds() {
        const ManualClock openFriday(1'796'346'000'000); // 2026-12-04 10:00 KST: the KRX session is open
        FakeKisServer server(false);
        QVERIFY(server.start());
        server.setTokenThrottleMs(0);
        server.setRequestsPerSecond(1000);
        server.setCash(100'000'000);
        for (const QString& code : std::as_const(m_codes))
            server.setPrice(code, 50'000);

        VenueConfig config;
        config.venue = QStringLiteral("kis");
        config.endpoints.restUrl = server.restUrl();
        config.endpoints.wsUrl = server.wsUrl();
        config.endpoints.privateWsUrl = server.wsUrl();
        config.credentials.accessKey = QStringLiteral("fake-app-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-app-secret");
        config.credentials.extras.insert(QStringLiteral("account"), QStringLiteral("12345678-01"));
        config.credentials.extras.insert(QStringLiteral("account_type"), QStringLiteral("real"));
        config.credentials.extras.insert(QStringLiteral("hts_id"), QStringLiteral("hoga-hts"));
        config.credentials.tokenCache = std::make_shared<MemoryTokenCache>();
        const std::unique_ptr<VenueSession> session = VenueSession::create(config);
        QVERIFY(session);
        MarketDataHub* hub = session->hub();
        hub->setPollIntervalMs(200);

        StreamFocus focus({session.get()});
        const QString selected = m_codes.at(20); // past the first 17 the fillers take
        focus.setSelected(QStringLiteral("kis"), selected);
        session->start();

        // 17 stocks (2 slots each kept free for bots and the recorder), the selected one among them, and
        // the fill notice: 35 of the 40 subscriptions, none refused.
        QTRY_COMPARE_WITH_TIMEOUT(streamedStocks(server).size(), 17, kTimeoutMs);
        QCOMPARE(hub->streamLimit(), 17);
        QVERIFY(streamedStocks(server).contains(selected));
        QTRY_VERIFY_WITH_TIMEOUT(server.subscriptions().contains(QStringLiteral("H0STCNI0|hoga-hts")),
                                 kTimeoutMs);
        QCOMPARE(server.subscriptions().size(), 17 * 2 + 1);
        QCOMPARE(server.refusedSubscriptions(), 0);
        QCOMPARE(server.sessionsRefused(), 0);

        // Every listed stock has a price, streamed or refreshed by REST.
        QTRY_COMPARE_WITH_TIMEOUT(hub->tickers().size(), 23, kTimeoutMs);

        // A market-load retry attaches the same connector again: the hub's earlier subscriptions are released
        // first, or their counts would hold slots for good (the moves below would then leave stocks behind).
        hub->attach(session->connector());
        QTRY_COMPARE_WITH_TIMEOUT(hub->streamedMarkets().size(), 17, kTimeoutMs);

        // Browsing: the next selection and two starred stocks move in, fillers move out.
        const QStringList starred{m_codes.at(21), m_codes.at(22)};
        focus.setWatchlist(QStringLiteral("kis"), starred);
        focus.setSelected(QStringLiteral("kis"), m_codes.at(19));
        QTRY_VERIFY_WITH_TIMEOUT(streamedStocks(server).contains(m_codes.at(19)) &&
                                     streamedStocks(server).contains(starred.at(0)) &&
                                     streamedStocks(server).contains(starred.at(1)),
                                 kTimeoutMs);
        QCOMPARE(streamedStocks(server).size(), 17);
        auto asSet = [](const QStringList& l) {
            return QSet<QString>(l.cbegin(), l.cend());
        };
        QTRY_COMPARE_WITH_TIMEOUT(asSet(streamedStocks(server)), asSet(hub->streamedMarkets()), kTimeoutMs);

        // A resting order on a stock that is not streamed brings it in (its fills and price matter).
        const QString ordered = m_codes.at(18);
        QVERIFY(!hub->isStreamed(ordered));
        TradingSession* trading = session->trading();
        trading->setClock(&openFriday);
        QSignalSpy rejected(trading, &TradingSession::orderRejected);
        QSignalSpy accepted(trading, &TradingSession::orderAccepted);
        OrderRequest request;
        request.market = ordered;
        request.side = Side::Buy;
        request.type = OrderType::Limit;
        request.price = Decimal(40'000);
        request.qty = Decimal(1);
        QVERIFY2(!trading->submit(request).isEmpty(),
                 rejected.isEmpty() ? "" : qPrintable(rejected.last().value(1).toString()));
        QVERIFY(accepted.wait(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(streamedStocks(server).contains(ordered), kTimeoutMs);
        QCOMPARE(streamedStocks(server).size(), 17);
        QCOMPARE(server.refusedSubscriptions(), 0);
    }

private:
    QStringList m_codes;
};

QTEST_MAIN(TestStreamFocusKis)
#include "tst_stream_focus_kis.moc"
