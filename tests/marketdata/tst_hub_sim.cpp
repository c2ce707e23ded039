// Integration: the market data hub, a trading session and the portfolio over the real simulated venue,
// driven step by step (autoRun off), with the venue on the test's thread and on a thread of its own.
#include "marketdata/market_data_hub.h"
#include "trading/portfolio.h"
#include "trading/trading_session.h"
#include "venues/sim/sim_connector.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace hoga;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");

// The smallest quantity on the market's step whose value at `price` is at least twice the minimum total.
Decimal qtyWorth(const Market& market, const Decimal& price) {
    const TradingRules& rules = market.rules;
    const Decimal target = rules.minTotal.isPositive() ? rules.minTotal * Decimal(2) : Decimal(10'000);
    return target.divide(price, 8, Rounding::Up).roundToStep(rules.qtyStep, Rounding::Up);
}

} // namespace

class TestHubSim : public QObject {
    Q_OBJECT
private slots:
    void endToEnd_data() {
        QTest::addColumn<bool>("ownThread");
        QTest::newRow("same thread") << false;
        QTest::newRow("own thread") << true;
    }

    void endToEnd() {
        QFETCH(bool, ownThread);
        ManualClock clock;
        SimConfig config;
        config.autoRun = false;
        config.clock = &clock;
        config.historyCandles = 10;
        QThread thread;
        auto* sim = new SimConnector(config);
        if (ownThread) {
            sim->moveToThread(&thread);
            thread.start();
        }
        const auto cleanup = qScopeGuard([&] {
            if (!ownThread) {
                delete sim;
                return;
            }
            QMetaObject::invokeMethod(sim, &QObject::deleteLater);
            thread.quit();
            thread.wait();
        });
        const auto step = [&] {
            clock.advanceMs(100);
            sim->step();
        };

        // Market data: markets, initial tickers, the subscription's snapshots, then the moving market.
        MarketDataHub hub;
        hub.setCoalesceIntervalMs(20);
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        QSignalSpy updated(&hub, &MarketDataHub::updated);
        hub.attach(sim);
        QVERIFY(hub.isSimulated());
        QCOMPARE(hub.venueId(), QStringLiteral("sim"));
        QVERIFY(loaded.wait(5000));
        QVERIFY(hub.market(kBtc).has_value());
        QVERIFY(hub.market(QStringLiteral("BTCUSDT")).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(hub.ticker(kBtc).has_value() && hub.orderBook(kBtc).has_value(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(hub.ticker(QStringLiteral("KRW-USDT")).has_value(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT((step(), !hub.recentTrades(kBtc).isEmpty()), 10'000);
        QVERIFY(hub.lastUpdateMs() > 0);
        QVERIFY(hub.lastPrice(kBtc).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 5000);
        QCOMPARE(hub.connectionState(), ConnectionState::Connected);

        // Account: seeded balances, a resting limit buy placed and cancelled, a market buy that fills.
        TradingSession session(sim, &hub);
        QSignalSpy accepted(&session, &TradingSession::orderAccepted);
        QSignalSpy rejected(&session, &TradingSession::orderRejected);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.balance(QStringLiteral("KRW")).has_value(), 5000);

        const Market btc = *hub.market(kBtc);
        const Decimal bid = hub.orderBook(kBtc)->bestBid()->price;
        const Decimal below = bid.multiply(Decimal::fromString("0.9"), 0, Rounding::Down);
        OrderRequest limit;
        limit.market = kBtc;
        limit.side = Side::Buy;
        limit.type = OrderType::Limit;
        limit.price = below.roundToStep(btc.rules.tickFor(below), Rounding::Down);
        limit.qty = qtyWorth(btc, limit.price);
        QVERIFY2(session.validate(limit).ok(), qPrintable(session.validate(limit).summary()));
        const QString clientId = session.submit(limit);
        QVERIFY(!clientId.isEmpty());
        QVERIFY(accepted.wait(5000));
        const auto placed = accepted.at(0).at(0).value<Order>();
        QCOMPARE(placed.clientId, clientId);
        QVERIFY(!placed.id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!session.openOrders().isEmpty(), 5000);
        QCOMPARE(session.openOrders().at(0).id, placed.id);

        session.cancel(placed.id);
        QTRY_VERIFY_WITH_TIMEOUT(session.openOrders().isEmpty(), 5000);
        QCOMPARE(session.orderHistory().at(0).id, placed.id);
        QCOMPARE(session.orderHistory().at(0).state, OrderState::Cancelled);

        OrderRequest marketBuy;
        marketBuy.market = kBtc;
        marketBuy.side = Side::Buy;
        marketBuy.type = OrderType::Market;
        marketBuy.qty = qtyWorth(btc, hub.orderBook(kBtc)->bestAsk()->price);
        QVERIFY2(session.validate(marketBuy).ok(), qPrintable(session.validate(marketBuy).summary()));
        QVERIFY(!session.submit(marketBuy).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!session.fills().isEmpty(), 5000);
        QCOMPARE(session.fills().at(0).market, kBtc);
        QVERIFY(rejected.isEmpty());

        // Portfolio over live balances and tickers.
        const PortfolioSnapshot portfolio = computePortfolio(session.balances(), hub.tickers());
        QVERIFY(portfolio.totalKrw.isPositive());
        QVERIFY(portfolio.usdtKrw.isPositive());
        QVERIFY(!portfolio.rows.isEmpty());
        for (const PortfolioRow& row : portfolio.rows) {
            if (row.currency == QStringLiteral("BTC") || row.currency == QStringLiteral("KRW"))
                QVERIFY(row.priced);
        }
    }
};

QTEST_GUILESS_MAIN(TestHubSim)
#include "tst_hub_sim.moc"
