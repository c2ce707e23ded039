// The venue connector with the Binance bundle against the strict loopback fake Binance, for what the shared
// conformance suite does not cover: exchangeInfo's rateLimits steering the rate limiter, klines paged
// forward from a start time and backward beyond 1,000 rows, streams renewed before Binance's 24 h
// connection limit (set to 1 s here) with their subscriptions, and a filter failure that names the valid
// values from the cached rules.
#include "conformance/connector_conformance.h"
#include "support/fake_binance/fake_binance_server.h"
#include "venues/binance/binance_protocol.h"
#include "venues/connector_host.h"
#include "venues/core/venue_connector.h"

#include <QDateTime>
#include <QTest>
#include <QTimer>

using namespace hoga;
using namespace hoga::test;

namespace {
constexpr qint64 kMinute = 60'000;
} // namespace

class TestBinanceConnector : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeBinanceServer> m_server;
    std::shared_ptr<net::RateLimiter> m_limiter;
    std::unique_ptr<ConnectorHost> m_host;

    Connector* c() const { return m_host->connector(); }

    void makeHost(std::optional<qint64> wsMaxAgeMs = std::nullopt) {
        VenueConfig config;
        config.venue = QStringLiteral("binance");
        config.endpoints.restUrl = m_server->restUrl();
        config.endpoints.wsUrl = m_server->wsUrl();
        config.endpoints.privateWsUrl = m_server->wsApiUrl();
        config.credentials.accessKey = QStringLiteral("fake-api-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-secret");
        VenueConnectorOptions options;
        m_limiter = std::make_shared<net::RateLimiter>(BinanceProtocol::limits(QStringLiteral("binance")));
        options.limiter = m_limiter;
        options.requestTimeoutMs = 5000;
        options.wsReconnectBaseMs = 20;
        options.wsReconnectMaxMs = 200;
        options.wsMaxAgeMs = wsMaxAgeMs;
        m_host = std::make_unique<ConnectorHost>(
            std::make_unique<VenueConnector>(std::make_unique<BinanceProtocol>(), config, options));
    }

    QVector<Candle> candles(const CandleQuery& query) {
        const Result<QVector<Candle>> r = await(c()->fetchCandles(query), 15000);
        if (!r.ok())
            QTest::qFail(qPrintable(describe(r.error())), __FILE__, __LINE__);
        return r.ok() ? r.value() : QVector<Candle>();
    }

    static bool contiguous(const QVector<Candle>& list, qint64 stepMs) {
        for (qsizetype i = 1; i < list.size(); ++i)
            if (list[i].openTimeMs - list[i - 1].openTimeMs != stepMs)
                return false;
        return true;
    }

private slots:
    void init() {
        m_server = std::make_unique<FakeBinanceServer>(3);
        QVERIFY(m_server->start());
        m_server->addKey(QStringLiteral("fake-api-key"), QByteArrayLiteral("fake-secret"));
    }

    void cleanup() {
        m_host.reset();
        m_limiter.reset();
        m_server.reset();
    }

    // The limits exchangeInfo announces replace the documented constants in the limiter.
    void exchangeInfoRateLimitsSteerTheLimiter() {
        m_server->setWeightLimit(1200);
        makeHost();
        QCOMPARE(m_limiter->group(QStringLiteral("REQUEST_WEIGHT_1M"))->limit, 6000);
        const auto markets = await(c()->fetchMarkets(), 10000);
        QVERIFY2(markets.ok(), qPrintable(markets.ok() ? QString() : describe(markets.error())));
        const auto weight = m_limiter->group(QStringLiteral("REQUEST_WEIGHT_1M"));
        QVERIFY(weight);
        QCOMPARE(weight->limit, 1200);
        QCOMPARE(weight->windowMs, kMinute);
        QCOMPARE(weight->priorityReserve, 60);
        QCOMPARE(m_limiter->group(QStringLiteral("ORDERS_10S"))->limit, 100);
        QCOMPARE(m_limiter->group(QStringLiteral("ORDERS_10S"))->windowMs, qint64(10'000));
        QCOMPARE(m_limiter->group(QStringLiteral("ORDERS_1D"))->limit, 200'000);
        QCOMPARE(m_limiter->group(QStringLiteral("RAW_REQUESTS_5M"))->windowMs, qint64(300'000));
        // The weight spent so far counts against the announced pool (exchangeInfo: 20).
        QCOMPARE(m_limiter->usedInWindow(QStringLiteral("REQUEST_WEIGHT_1M")), 20);
    }

    // startTime paging: the first 1,500 one-minute klines from a start, in two requests, oldest first.
    void klinesPageForwardFromAStart() {
        makeHost();
        CandleQuery query;
        query.market = QStringLiteral("BTCUSDT");
        query.interval = CandleInterval::M1;
        query.count = 1500;
        query.fromMs = (QDateTime::currentMSecsSinceEpoch() / kMinute - 2000) * kMinute;
        const QVector<Candle> forward = candles(query);
        QCOMPARE(forward.size(), 1500);
        QCOMPARE(forward.first().openTimeMs, query.fromMs);
        QVERIFY(contiguous(forward, kMinute));
        QCOMPARE(m_server->requestCount("/api/v3/klines"), 2);

        // Up to an end: 1,200 klines although more were asked for.
        query.toMs = query.fromMs + 1200 * kMinute;
        query.count = 5000;
        const QVector<Candle> bounded = candles(query);
        QCOMPARE(bounded.size(), 1200);
        QCOMPARE(bounded.last().openTimeMs, query.toMs - kMinute);
        QVERIFY(contiguous(bounded, kMinute));
        QCOMPARE(m_server->requestCount("/api/v3/klines"), 4);
    }

    // endTime paging: the last 2,500 one-minute klines, in three requests, ending with the current minute.
    void klinesPageBackwardBeyondOneThousand() {
        makeHost();
        CandleQuery query;
        query.market = QStringLiteral("BTCUSDT");
        query.interval = CandleInterval::M1;
        query.count = 2500;
        const qint64 currentMinute = QDateTime::currentMSecsSinceEpoch() / kMinute * kMinute;
        const QVector<Candle> backward = candles(query);
        QCOMPARE(backward.size(), 2500);
        QVERIFY(contiguous(backward, kMinute));
        QVERIFY(backward.last().openTimeMs >= currentMinute);
        QCOMPARE(m_server->requestCount("/api/v3/klines"), 3);
    }

    void productionStreamsRenewBeforeADay() {
        const BinanceProtocol protocol;
        QVERIFY(protocol.streamMaxAgeMs() < 24 * 3'600'000);
        QVERIFY(protocol.streamMaxAgeMs() >= 23 * 3'600'000);
    }

    // With a maximum age of 1 s the market and account streams are replaced by fresh connections, which
    // subscribe again; data keeps coming.
    void streamsRenewBeforeTheirMaximumAge() {
        makeHost(1000);
        QVERIFY(await(c()->fetchMarkets(), 10000).ok());
        int tickers = 0;
        connect(c(), &Connector::tickerUpdated, this, [&tickers] { ++tickers; });
        QTimer market;
        connect(&market, &QTimer::timeout, m_server.get(), &FakeBinanceServer::step);
        market.start(50);
        c()->subscribeMarketData({QStringLiteral("BTCUSDT")}, TickerChannel);
        c()->subscribeAccount();
        QTRY_VERIFY_WITH_TIMEOUT(tickers > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->streamConnectionCount() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->wsSubscriptions().contains(QStringLiteral("btcusdt@ticker")),
                                 5000);
        const int before = tickers;
        QTRY_VERIFY_WITH_TIMEOUT(tickers > before, 5000);
        // The account stream too, with a freshly signed subscription each time.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->apiConnectionCount() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->userDataSubscriptionCount() >= 3, 5000);
        QCOMPARE(c()->connectionState(), ConnectionState::Connected);
    }

    // A filter failure only the venue checks (PRICE_FILTER maxPrice) names the filter and what the cached
    // rules allow.
    void filterFailureNamesTheValidValues() {
        makeHost();
        QVERIFY(await(c()->fetchMarkets(), 10000).ok());
        OrderRequest r;
        r.market = QStringLiteral("BTCUSDT");
        r.side = Side::Sell;
        r.type = OrderType::Limit;
        r.price = Decimal(2'000'000);
        r.qty = Decimal::fromString("0.001");
        const OrderPlacement p = awaitPlacement(c()->createOrder(r), 10000);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().kind, ErrorKind::InvalidOrder);
        QCOMPARE(p.error().venueCode, QStringLiteral("-1013"));
        QVERIFY2(p.error().detail.contains(QLatin1String("PRICE_FILTER")), qPrintable(p.error().detail));
        QVERIFY2(p.error().detail.contains(QLatin1String("multiples of 0.01 USDT")),
                 qPrintable(p.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestBinanceConnector)
#include "tst_binance_connector.moc"
