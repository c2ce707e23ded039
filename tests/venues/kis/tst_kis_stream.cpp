// The KIS WebSocket through the venue connector against the loopback KIS fake, real and virtual: the
// approval key obtained (and cached) before connecting, subscribe and release frames, trades (H0STCNT0) and
// books (H0STASP0) from '|'/'^' frames, AES-256-CBC fill notices (H0STCNI0 / H0STCNI9 by the HTS id),
// PINGPONG echoed, at most 40 subscriptions per session (the fill notice is one), all on one session per
// app key (KIS refuses a second: OPSP8996), reconnect and resubscribe.
#include "conformance/connector_conformance.h"
#include "conformance/stream_recorder.h"
#include "support/fake_kis/fake_kis_server.h"
#include "venues/connector_host.h"
#include "venues/core/venue_connector.h"
#include "venues/kis/kis_protocol.h"

#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

const QString kCode = QStringLiteral("005930");

} // namespace

class TestKisStream : public QObject {
    Q_OBJECT
public:
    explicit TestKisStream(bool isVirtual)
        : m_virtual(isVirtual) {}

private:
    bool m_virtual;
    std::unique_ptr<FakeKisServer> m_server;
    std::shared_ptr<TokenCache> m_tokens;
    std::unique_ptr<ConnectorHost> m_host;
    std::unique_ptr<StreamRecorder> m_rec;

    Connector* c() const { return m_host->connector(); }
    QString noticeSubscription() const {
        return (m_virtual ? QStringLiteral("H0STCNI9|") : QStringLiteral("H0STCNI0|")) +
               QStringLiteral("hoga-hts");
    }

    std::unique_ptr<ConnectorHost> makeHost() {
        VenueConfig config;
        config.venue = QStringLiteral("kis");
        config.endpoints.restUrl = m_server->restUrl();
        config.endpoints.wsUrl = m_server->wsUrl();
        config.endpoints.privateWsUrl = m_server->wsUrl();
        config.credentials.accessKey = QStringLiteral("fake-app-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-app-secret");
        config.credentials.extras.insert(QStringLiteral("hts_id"), QStringLiteral("hoga-hts"));
        config.credentials.tokenCache = m_tokens;
        auto protocol = std::make_unique<KisProtocol>(
            KisAccount::parse(QStringLiteral("12345678-01"),
                              m_virtual ? QStringLiteral("virtual") : QStringLiteral("real")),
            config.endpoints);
        protocol->setEnforceSessionHours(false);
        VenueConnectorOptions options;
        options.limiter = std::make_shared<net::RateLimiter>(KisProtocol::limits(false));
        options.requestTimeoutMs = 5000;
        options.wsReconnectBaseMs = 50;
        options.wsReconnectMaxMs = 200;
        return std::make_unique<ConnectorHost>(
            std::make_unique<VenueConnector>(std::move(protocol), config, options));
    }

    bool waitFor(const std::function<bool()>& done) { return QTest::qWaitFor(done, 10000); }

private slots:
    void init() {
        m_server = std::make_unique<FakeKisServer>(m_virtual);
        QVERIFY(m_server->start());
        m_server->setRequestsPerSecond(1000);
        m_tokens = std::make_shared<MemoryTokenCache>();
        m_host = makeHost();
        m_rec = std::make_unique<StreamRecorder>(c());
    }

    void cleanup() {
        m_rec.reset();
        m_host.reset();
        m_server.reset();
    }

    void tradesAndBooks() {
        c()->subscribeMarketData({kCode}, TradeChannel | OrderBookChannel);
        QVERIFY2(waitFor([&] { return m_server->subscriptions().size() == 2; }),
                 qPrintable(m_server->subscriptions().join(QLatin1Char(' '))));
        QCOMPARE(m_server->subscriptions(),
                 QStringList({QStringLiteral("H0STASP0|005930"), QStringLiteral("H0STCNT0|005930")}));
        QCOMPARE(m_server->approvalKeysIssued(), 1);
        QCOMPARE(m_server->refusedSubscriptions(), 0);

        m_server->pushTrade(kCode, 65900, 7, true);
        QVERIFY(m_rec->waitUntil([&] { return !m_rec->trades.isEmpty(); }));
        QCOMPARE(m_rec->trades[0].market, kCode);
        QCOMPARE(m_rec->trades[0].price, d("65900"));
        QCOMPARE(m_rec->trades[0].qty, d("7"));
        QCOMPARE(m_rec->trades[0].side, Side::Sell);
        QVERIFY(m_rec->tickers.isEmpty()); // trades only were asked for

        m_server->pushBook(kCode);
        QVERIFY(m_rec->waitUntil([&] {
            return !m_rec->books.isEmpty() && m_rec->books.last().bestBid() &&
                   m_rec->books.last().bestBid()->qty == d("200");
        }));
        const OrderBook& book = m_rec->books.last();
        QCOMPARE(book.asks().size(), 10);
        QCOMPARE(book.bestAsk()->price, d("65900"));
        QCOMPARE(book.bestBid()->price, d("65800"));
        QVERIFY(m_rec->errors.isEmpty());
    }

    void tickersFromTheTradeStream() {
        c()->subscribeMarketData({kCode}, TickerChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 1; }));
        m_server->pushTrade(kCode, 65900, 7, true);
        QVERIFY(m_rec->waitUntil([&] { return !m_rec->tickers.isEmpty(); }));
        const Ticker& t = m_rec->tickers[0];
        QCOMPARE(t.market, kCode);
        QCOMPARE(t.last, d("65900"));
        QCOMPARE(t.change, d("-150"));
        QCOMPARE(t.changeRate, d("-0.0023"));
        QCOMPARE(t.high, d("66150"));
        QVERIFY(m_rec->trades.isEmpty()); // the ticker channel only
    }

    void releaseOnUnsubscribe() {
        c()->subscribeMarketData({kCode}, TradeChannel | OrderBookChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 2; }));
        c()->unsubscribeMarketData({kCode}, OrderBookChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 1; }));
        QCOMPARE(m_server->subscriptions(), QStringList({QStringLiteral("H0STCNT0|005930")}));
        m_rec->deliverQueued();
        QVERIFY2(m_rec->errors.isEmpty(), qPrintable(describe(m_rec->errors.value(0))));
    }

    void pingPongIsEchoed() {
        c()->subscribeMarketData({kCode}, TradeChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 1; }));
        m_server->sendPing();
        QVERIFY(waitFor([&] { return m_server->pongs() == 1; }));
        m_rec->deliverQueued();
        QVERIFY(m_rec->errors.isEmpty());
    }

    void atMostFortySubscriptions() {
        QStringList codes;
        for (int i = 0; i < 45; ++i)
            codes << QStringLiteral("1000%1").arg(i, 2, 10, QLatin1Char('0'));
        c()->subscribeMarketData(codes, TradeChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 40; }));
        QCOMPARE(m_server->refusedSubscriptions(), 0);
    }

    void fortySubscriptionsIncludeTheFillNotice() {
        c()->subscribeAccount();
        QStringList codes;
        for (int i = 0; i < 45; ++i)
            codes << QStringLiteral("1000%1").arg(i, 2, 10, QLatin1Char('0'));
        c()->subscribeMarketData(codes, TradeChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 40; }));
        QVERIFY(m_server->subscriptions().contains(noticeSubscription()));
        QCOMPARE(m_server->refusedSubscriptions(), 0);
        QCOMPARE(m_server->streamConnects(), 1); // no second session for the rest
        // The six left out are named once, not silently dropped.
        QVERIFY(m_rec->waitUntil([&] { return !m_rec->errors.isEmpty(); }));
        const QString text = m_rec->errors[0].detail;
        QVERIFY2(text.contains(QStringLiteral("100039 trades")) &&
                     text.contains(QStringLiteral("100044 trades")) &&
                     !text.contains(QStringLiteral("100038 trades")),
                 qPrintable(text));
        m_rec->deliverQueued();
        QCOMPARE(m_rec->errors.size(), 1);
    }

    // KIS refuses a second session on the app key: trades, books and fill notices share one.
    void oneSessionForMarketDataAndFillNotices() {
        c()->subscribeMarketData({kCode}, TradeChannel | OrderBookChannel);
        c()->subscribeAccount();
        QVERIFY2(waitFor([&] { return m_server->subscriptions().size() == 3; }),
                 qPrintable(m_server->subscriptions().join(QLatin1Char(' '))));
        QCOMPARE(m_server->subscriptions(),
                 QStringList({QStringLiteral("H0STASP0|005930"), noticeSubscription(),
                              QStringLiteral("H0STCNT0|005930")}));
        m_server->pushTrade(kCode, 65900, 7, true);
        m_server->pushBook(kCode);
        m_server->pushNotice(QStringLiteral("0000000042"), kCode, true, 10, 4, 65800);
        QVERIFY(m_rec->waitUntil([&] {
            return !m_rec->trades.isEmpty() && !m_rec->fills.isEmpty() && !m_rec->books.isEmpty() &&
                   m_rec->books.last().bestBid() && m_rec->books.last().bestBid()->qty == d("200");
        }));
        QCOMPARE(m_rec->trades[0].price, d("65900"));
        QCOMPARE(m_rec->fills[0].orderId, QStringLiteral("0000000042"));
        QCOMPARE(m_rec->fills[0].qty, d("4"));
        QCOMPARE(m_rec->fills[0].price, d("65800"));
        QCOMPARE(m_server->streamConnects(), 1);
        QCOMPARE(m_server->streamSessions(), 1);
        QCOMPARE(m_server->sessionsRefused(), 0);
        m_rec->deliverQueued();
        QVERIFY2(m_rec->errors.isEmpty(), qPrintable(describe(m_rec->errors.value(0))));
    }

    void secondSessionOnTheAppKeyIsRefused() {
        c()->subscribeMarketData({kCode}, TradeChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 1; }));
        auto other = makeHost(); // another program on the same app key
        StreamRecorder otherRec(other->connector());
        other->connector()->subscribeMarketData({QStringLiteral("000660")}, TradeChannel);
        QVERIFY(otherRec.waitUntil([&] { return !otherRec.errors.isEmpty(); }));
        QCOMPARE(otherRec.errors[0].venueCode, QStringLiteral("OPSP8996"));
        QCOMPARE(otherRec.errors[0].venueMessage, QStringLiteral("ALREADY IN USE appkey"));
        QVERIFY(m_server->sessionsRefused() >= 1);
        QCOMPARE(m_server->subscriptions(), QStringList({QStringLiteral("H0STCNT0|005930")}));
    }

    void fillNoticesAreDecrypted() {
        c()->subscribeAccount();
        QVERIFY2(waitFor([&] { return m_server->subscriptions().contains(noticeSubscription()); }),
                 qPrintable(m_server->subscriptions().join(QLatin1Char(' '))));
        m_server->pushNotice(QStringLiteral("0000000042"), kCode, true, 10, 0, 0); // accepted
        m_server->pushNotice(QStringLiteral("0000000042"), kCode, true, 10, 4, 65800);
        QVERIFY(m_rec->waitUntil([&] { return !m_rec->fills.isEmpty(); }));
        const Fill& f = m_rec->fills[0];
        QCOMPARE(f.orderId, QStringLiteral("0000000042"));
        QCOMPARE(f.market, kCode);
        QCOMPARE(f.side, Side::Buy);
        QCOMPARE(f.qty, d("4"));
        QCOMPARE(f.price, d("65800"));
        QVERIFY(!m_rec->orders.isEmpty());
        QCOMPARE(m_rec->orders.last().id, QStringLiteral("0000000042"));
        QCOMPARE(m_rec->orders.last().qty, d("10"));
    }

    void reconnectsAndResubscribes() {
        c()->subscribeMarketData({kCode}, TradeChannel | OrderBookChannel);
        c()->subscribeAccount();
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 3; }));
        const int connects = m_server->streamConnects();
        m_server->dropStreams();
        QVERIFY(waitFor([&] {
            return m_server->streamConnects() >= connects + 1 && m_server->subscriptions().size() == 3;
        }));
        QCOMPARE(m_server->streamSessions(), 1);     // both kinds back on the one session
        QCOMPARE(m_server->approvalKeysIssued(), 1); // the key is kept, not asked again per connect
        m_server->pushTrade(kCode, 66000, 1, false);
        m_server->pushNotice(QStringLiteral("0000000043"), kCode, false, 5, 5, 66000);
        QVERIFY(m_rec->waitUntil([&] {
            return !m_rec->trades.isEmpty() && m_rec->trades.last().price == d("66000") &&
                   !m_rec->fills.isEmpty() && m_rec->fills.last().orderId == QStringLiteral("0000000043");
        }));
    }

    void refusedApprovalKeyIsReplaced() {
        c()->subscribeMarketData({kCode}, TradeChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 1; }));
        m_server->forgetApprovalKeys();
        m_server->dropStreams();
        QVERIFY(waitFor(
            [&] { return m_server->approvalKeysIssued() == 2 && m_server->subscriptions().size() == 1; }));
        QVERIFY(m_server->refusedSubscriptions() >= 1);
    }

    void approvalKeyIsCachedAcrossConnectors() {
        c()->subscribeMarketData({kCode}, TradeChannel);
        QVERIFY(waitFor([&] { return m_server->subscriptions().size() == 1; }));
        m_rec.reset();
        m_host = makeHost(); // same cache, as the next process of the profile
        c()->subscribeMarketData({kCode}, TradeChannel);
        QVERIFY(waitFor(
            [&] { return m_server->streamConnects() >= 2 && m_server->subscriptions().size() == 1; }));
        QCOMPARE(m_server->approvalKeysIssued(), 1);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (bool isVirtual : {false, true}) {
        TestKisStream suite(isVirtual);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}

#include "tst_kis_stream.moc"
