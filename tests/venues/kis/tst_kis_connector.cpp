// The venue connector with the KIS bundle against the strict loopback KIS fake, on the real and the virtual
// server: quotations, candle paging, the token's life (one issue, reuse, EGW00123 then one renewal, the
// issue throttle), cash orders, cancel, open orders (cancellable-orders TR or the day's unfilled orders) and
// balances.
#include "conformance/connector_conformance.h"
#include "support/fake_kis/fake_kis_server.h"
#include "venues/connector_host.h"
#include "venues/core/venue_connector.h"
#include "venues/kis/kis_protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

} // namespace

class TestKisConnector : public QObject {
    Q_OBJECT
public:
    explicit TestKisConnector(bool isVirtual)
        : m_virtual(isVirtual) {}

private:
    bool m_virtual;
    std::unique_ptr<FakeKisServer> m_server;
    std::shared_ptr<TokenCache> m_tokens;
    std::unique_ptr<ConnectorHost> m_host;

    Connector* c() const { return m_host->connector(); }

    std::unique_ptr<ConnectorHost> makeHost(std::shared_ptr<TokenCache> tokens) {
        VenueConfig config;
        config.venue = QStringLiteral("kis");
        config.endpoints.restUrl = m_server->restUrl();
        config.credentials.accessKey = QStringLiteral("fake-app-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-app-secret");
        config.credentials.extras.insert(QStringLiteral("account"), QStringLiteral("12345678-01"));
        config.credentials.extras.insert(QStringLiteral("account_type"),
                                         m_virtual ? QStringLiteral("virtual") : QStringLiteral("real"));
        auto protocol = std::make_unique<KisProtocol>(
            KisAccount::parse(QStringLiteral("12345678-01"), config.credentials.extras.value("account_type")),
            config.endpoints);
        protocol->setEnforceSessionHours(false);
        protocol->setTokenCache(std::move(tokens));
        VenueConnectorOptions options;
        options.limiter = std::make_shared<net::RateLimiter>(KisProtocol::limits(m_virtual));
        options.requestTimeoutMs = 5000;
        options.retry.baseDelayMs = 50;
        options.retry.maxDelayMs = 300;
        return std::make_unique<ConnectorHost>(
            std::make_unique<VenueConnector>(std::move(protocol), config, options));
    }

private slots:
    void init() {
        m_server = std::make_unique<FakeKisServer>(m_virtual);
        QVERIFY(m_server->start());
        m_server->setHolding(QStringLiteral("000660"), 5, QStringLiteral("150000.5"));
        m_tokens = std::make_shared<MemoryTokenCache>();
        m_host = makeHost(m_tokens);
    }

    void cleanup() {
        m_host.reset();
        m_server.reset();
    }

    void quotations() {
        const auto t = await(c()->fetchTickers({QStringLiteral("005930")}), 10000);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : describe(t.error())));
        QCOMPARE(t.value().value(0).last, d("65800"));
        QCOMPARE(t.value().value(0).changeRate, d("-0.0023"));
        const auto book = await(c()->fetchOrderBook(QStringLiteral("005930"), 10), 10000);
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : describe(book.error())));
        QCOMPARE(book.value().asks().size(), 10);
        QCOMPARE(book.value().bids().size(), 10);
        QCOMPARE(book.value().bestBid()->price, d("65800"));
        const auto unknown = await(c()->fetchTickers({QStringLiteral("999999")}), 10000);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        QCOMPARE(unknown.error().venueCode, QStringLiteral("MCA05918"));
        QCOMPARE(m_server->tokensIssued(), 1); // one token for every call
    }

    void candlesPageBeyondOneHundred() {
        for (CandleInterval interval : {CandleInterval::D1, CandleInterval::W1, CandleInterval::MN1}) {
            const auto r = await(c()->fetchCandles({QStringLiteral("005930"), interval, 150, 0}), 20000);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : describe(r.error())));
            QCOMPARE(r.value().size(), 150);
            for (qsizetype i = 1; i < r.value().size(); ++i)
                QVERIFY(r.value()[i - 1].openTimeMs < r.value()[i].openTimeMs);
        }
        QVERIFY(m_server->requestsTo("inquire-daily-itemchartprice").size() >= 6);
        const auto minutes =
            await(c()->fetchCandles({QStringLiteral("005930"), CandleInterval::M1, 30, 0}), 10000);
        QVERIFY2(minutes.ok(), qPrintable(minutes.ok() ? QString() : describe(minutes.error())));
    }

    void tokenExpiresOnceAndIsRenewed() {
        QVERIFY(await(c()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        QCOMPARE(m_server->tokensIssued(), 1);
        m_server->setTokenThrottleMs(0);
        m_server->expireToken();
        const auto again = await(c()->fetchTickers({QStringLiteral("005930")}), 10000);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : describe(again.error())));
        QCOMPARE(m_server->tokensIssued(), 2);
        // A second connector with the same store reuses the stored token.
        m_host = makeHost(m_tokens);
        QVERIFY(await(c()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        QCOMPARE(m_server->tokensIssued(), 2);
    }

    void pagesWithTrCont() {
        m_server->setHolding(QStringLiteral("005930"), 2, QStringLiteral("61000"));
        m_server->setHolding(QStringLiteral("035420"), 1, QStringLiteral("201000"));
        m_server->setBalancePageSize(1);
        m_server->setOrderPageSize(1);
        const auto balances = await(c()->fetchBalances(), 20000);
        QVERIFY2(balances.ok(), qPrintable(balances.ok() ? QString() : describe(balances.error())));
        QCOMPARE(balances.value().size(), 4); // cash once, and the three holdings of three pages
        QCOMPARE(m_server->requestsTo("inquire-balance").size(), 3);
        const QList<LoopbackRequest> pages = m_server->requestsTo("inquire-balance");
        QCOMPARE(pages[0].header("tr_cont"), QByteArray());
        QCOMPARE(pages[1].header("tr_cont"), QByteArrayLiteral("N"));
        QCOMPARE(pages[2].header("tr_cont"), QByteArrayLiteral("N"));

        OrderRequest limit;
        limit.market = QStringLiteral("005930");
        limit.side = Side::Buy;
        limit.type = OrderType::Limit;
        limit.qty = d("1");
        for (const char* price : {"60000", "60100", "60200"}) {
            limit.price = d(price);
            QVERIFY(await(c()->createOrder(limit), 10000).ok());
        }
        const auto open = await(c()->fetchOpenOrders(QStringLiteral("005930")), 20000);
        QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : describe(open.error())));
        QCOMPARE(open.value().size(), 3);
        const auto closed = await(c()->fetchClosedOrders(QStringLiteral("005930"), 2), 20000);
        QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : describe(closed.error())));
        QCOMPARE(closed.value().size(), 2); // the limit stops paging
    }

    void tickersOfSeveralStocks() {
        const auto t = await(c()->fetchTickers({QStringLiteral("005930"), QStringLiteral("000660")}), 20000);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : describe(t.error())));
        QCOMPARE(t.value().size(), 2);
        QCOMPARE(t.value()[0].market, QStringLiteral("005930"));
        QCOMPARE(t.value()[1].market, QStringLiteral("000660"));
        QCOMPARE(t.value()[1].last, d("180000"));
        QCOMPARE(m_server->requestsTo("inquire-price").size(), 2);
    }

    void tokenIssueIsThrottled() {
        QVERIFY(await(c()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        m_host = makeHost(std::make_shared<MemoryTokenCache>()); // forgets the token
        const auto r = await(c()->fetchTickers({QStringLiteral("005930")}), 10000);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().detail.contains(QLatin1String("minute")), qPrintable(describe(r.error())));
        QCOMPARE(m_server->tokensIssued(), 1);
    }

    void modifyOrder() {
        OrderRequest limit;
        limit.market = QStringLiteral("005930");
        limit.side = Side::Buy;
        limit.type = OrderType::Limit;
        limit.price = d("60000");
        limit.qty = d("3");
        const auto created = await(c()->createOrder(limit), 10000);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : describe(created.error())));
        const QString oldId = created.value().id;

        // Off the KRX tick (100 KRW at 60,000) and fractional shares are refused before sending.
        auto offTick = await(c()->modifyOrder({oldId, {}}, {d("60050"), std::nullopt}), 10000);
        QVERIFY(!offTick.ok());
        QCOMPARE(offTick.error().kind, ErrorKind::InvalidOrder);
        auto fraction = await(c()->modifyOrder({oldId, {}}, {d("61000"), d("1.5")}), 10000);
        QVERIFY(!fraction.ok());
        auto tooMany = await(c()->modifyOrder({oldId, {}}, {d("61000"), d("4")}), 10000);
        QVERIFY(!tooMany.ok());
        QCOMPARE(m_server->modifies(), 0);

        const auto modified = await(c()->modifyOrder({oldId, {}}, {d("61000"), std::nullopt}), 10000);
        QVERIFY2(modified.ok(), qPrintable(modified.ok() ? QString() : describe(modified.error())));
        QCOMPARE(m_server->modifies(), 1);
        const Order& n = modified.value();
        QVERIFY(n.id != oldId);
        QCOMPARE(n.price, d("61000"));
        QCOMPARE(n.qty, d("3"));
        QCOMPARE(n.market, QStringLiteral("005930"));
        QCOMPARE(n.state, OrderState::Open);

        // The wire format: tr_id by account type, upper-case string body, 01 = modify, all that remains.
        const QList<LoopbackRequest> sent = m_server->requestsTo("order-rvsecncl");
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].header("tr_id"), m_virtual ? QByteArray("VTTC0013U") : QByteArray("TTTC0013U"));
        const QJsonObject body = QJsonDocument::fromJson(sent[0].body).object();
        QCOMPARE(body.value("RVSE_CNCL_DVSN_CD").toString(), QStringLiteral("01"));
        QCOMPARE(body.value("ORGN_ODNO").toString(), oldId);
        QCOMPARE(body.value("KRX_FWDG_ORD_ORGNO").toString(), QStringLiteral("06590"));
        QCOMPARE(body.value("ORD_DVSN").toString(), QStringLiteral("00"));
        QCOMPARE(body.value("ORD_UNPR").toString(), QStringLiteral("61000"));
        QCOMPARE(body.value("ORD_QTY").toString(), QStringLiteral("3"));
        QCOMPARE(body.value("QTY_ALL_ORD_YN").toString(), QStringLiteral("Y"));

        // The venue now lists the new order open and the old one ended.
        const auto oldOrder = await(c()->fetchOrder({oldId, {}}), 10000);
        QVERIFY2(oldOrder.ok(), qPrintable(oldOrder.ok() ? QString() : describe(oldOrder.error())));
        QCOMPARE(oldOrder.value().state, OrderState::Cancelled);
        const auto open = await(c()->fetchOpenOrders(QStringLiteral("005930")), 10000);
        QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : describe(open.error())));
        QCOMPARE(open.value().size(), 1);
        QCOMPARE(open.value()[0].id, n.id);
        QCOMPARE(open.value()[0].price, d("61000"));
        QCOMPARE(open.value()[0].qty, d("3"));

        // Part of it: ORD_QTY with QTY_ALL_ORD_YN N; the rest stays on the order at its price.
        const auto part = await(c()->modifyOrder({n.id, {}}, {d("62000"), d("1")}), 10000);
        QVERIFY2(part.ok(), qPrintable(part.ok() ? QString() : describe(part.error())));
        QCOMPARE(part.value().qty, d("1"));
        const QJsonObject partBody =
            QJsonDocument::fromJson(m_server->requestsTo("order-rvsecncl").last().body).object();
        QCOMPARE(partBody.value("QTY_ALL_ORD_YN").toString(), QStringLiteral("N"));
        QCOMPARE(partBody.value("ORD_QTY").toString(), QStringLiteral("1"));
        const auto both = await(c()->fetchOpenOrders(QStringLiteral("005930")), 10000);
        QVERIFY(both.ok());
        QCOMPARE(both.value().size(), 2);

        // Cancelled orders cannot be modified.
        QVERIFY(await(c()->cancelOrder({part.value().id, {}}), 10000).ok());
        const auto gone = await(c()->modifyOrder({part.value().id, {}}, {d("63000"), std::nullopt}), 10000);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::InvalidOrder);
        QCOMPARE(m_server->modifies(), 2);
    }

    void ordersAndBalances() {
        OrderRequest limit;
        limit.market = QStringLiteral("005930");
        limit.side = Side::Buy;
        limit.type = OrderType::Limit;
        limit.price = d("60000");
        limit.qty = d("3");
        const auto created = await(c()->createOrder(limit), 10000);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : describe(created.error())));
        QCOMPARE(created.value().id, QStringLiteral("0000000001"));
        QCOMPARE(created.value().state, OrderState::Open);

        const auto open = await(c()->fetchOpenOrders(QStringLiteral("005930")), 10000);
        QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : describe(open.error())));
        QCOMPARE(open.value().size(), 1);
        QCOMPARE(open.value()[0].price, d("60000"));
        QCOMPARE(m_server->requestsTo("inquire-psbl-rvsecncl").isEmpty(), m_virtual);

        const auto cancelled = await(c()->cancelOrder({created.value().id, {}}), 10000);
        QVERIFY2(cancelled.ok(), qPrintable(cancelled.ok() ? QString() : describe(cancelled.error())));
        QCOMPARE(cancelled.value().state, OrderState::Cancelled);

        OrderRequest sell;
        sell.market = QStringLiteral("000660");
        sell.side = Side::Sell;
        sell.type = OrderType::Market;
        sell.qty = d("2");
        const auto sold = await(c()->createOrder(sell), 10000);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : describe(sold.error())));
        const auto sellOrder = await(c()->fetchOrder({sold.value().id, {}}), 10000);
        QVERIFY2(sellOrder.ok(), qPrintable(sellOrder.ok() ? QString() : describe(sellOrder.error())));
        QCOMPARE(sellOrder.value().state, OrderState::Filled);
        QCOMPARE(sellOrder.value().type, OrderType::Market);

        const auto balances = await(c()->fetchBalances(), 10000);
        QVERIFY2(balances.ok(), qPrintable(balances.ok() ? QString() : describe(balances.error())));
        QCOMPARE(balances.value().size(), 2);
        QCOMPARE(balances.value()[0].currency, QStringLiteral("KRW"));
        QCOMPARE(balances.value()[0].free, d("10360000")); // 10,000,000 + 2 x 180,000
        QCOMPARE(balances.value()[1].currency, QStringLiteral("000660"));
        QCOMPARE(balances.value()[1].free, d("3"));
        QCOMPARE(balances.value()[1].avgBuyPrice, d("150000.5"));

        OrderRequest tooBig = limit;
        tooBig.qty = d("1000");
        const auto refused = await(c()->createOrder(tooBig), 10000);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::InsufficientFunds);
        QCOMPARE(m_server->orders().size(), 3); // the buy, its cancel and the sell: the refusal sent once
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (bool isVirtual : {false, true}) {
        TestKisConnector suite(isVirtual);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}

#include "tst_kis_connector.moc"
