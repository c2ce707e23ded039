#include "trading/engine/trading_engine.h"

#include "storage/order_journal.h"
#include "storage/profile_database.h"

#include "support/fake_connector.h"
#include <QUuid>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Market btcMarket() {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = {{Decimal(0), Decimal(1000)}};
    m.rules.qtyStep = dec("0.0001");
    m.rules.minTotal = dec("5000");
    return m;
}

OrderRequest limitBuy(const char* price, const char* qty) {
    OrderRequest r;
    r.market = QStringLiteral("KRW-BTC");
    r.side = Side::Buy;
    r.type = OrderType::Limit;
    r.price = dec(price);
    r.qty = dec(qty);
    return r;
}

Fill fillFor(const Order& o, const char* tradeId, const char* qty) {
    Fill f;
    f.venue = o.venue;
    f.orderId = o.id;
    f.market = o.market;
    f.tradeId = QString::fromLatin1(tradeId);
    f.side = o.side;
    f.price = o.price;
    f.qty = dec(qty);
    f.timestampMs = 1;
    return f;
}

} // namespace

class TestTradingEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    ManualClock m_clock;

    QString freshPath() { return m_dir.filePath(QStringLiteral("e%1.sqlite").arg(++m_files)); }

    // An open engine on this thread following `fake`, reconciled, with the market's rules and a last price.
    std::unique_ptr<TradingEngine> engineFor(const QString& path, FakeConnector& fake) {
        auto engine = std::make_unique<TradingEngine>(path, m_clock);
        if (!engine->open())
            return nullptr;
        QSignalSpy reconciled(engine.get(), &TradingEngine::reconciled);
        engine->addConnector(&fake);
        if (!reconciled.wait(5000) && reconciled.isEmpty())
            return nullptr;
        engine->setMarket(fake.venue, btcMarket());
        engine->setLastPrice(fake.venue, QStringLiteral("KRW-BTC"), dec("50000000"));
        return engine;
    }

private slots:
    void placesThroughTheJournal() {
        FakeConnector fake;
        const QString path = freshPath();
        auto engine = engineFor(path, fake);
        QVERIFY(engine);
        QSignalSpy changed(engine.get(), &TradingEngine::orderChanged);
        const Result<QString> id =
            engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a", "t");
        QVERIFY(id.ok());
        // Journaled as pending before the request left, and the request carries the client id.
        QCOMPARE(engine->journal()->history(id.value()).value(0), JournalState::Pending);
        QCOMPARE(fake.createRequests.size(), 1);
        QCOMPARE(fake.createRequests[0].clientId, id.value());
        QTRY_VERIFY_WITH_TIMEOUT(engine->journal()->order(id.value())->state == JournalState::Open, 5000);
        QCOMPARE(engine->journal()->order(id.value())->order.id, QStringLiteral("o1"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).value<ManagedOrder>().bot, QStringLiteral("bot-a"));
    }

    void rejectedAndUnknownOutcomes() {
        FakeConnector fake;
        auto engine = engineFor(freshPath(), fake);
        QVERIFY(engine);
        fake.onCreateOrder = [](const OrderRequest& r) {
            return OrderPlacement::rejected(FakeConnector::error(ErrorKind::InsufficientFunds), r.clientId);
        };
        QSignalSpy errors(engine.get(), &TradingEngine::orderError);
        const auto rejected = engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"));
        QVERIFY(rejected.ok());
        QTRY_COMPARE_WITH_TIMEOUT(engine->journal()->order(rejected.value())->state, JournalState::Rejected,
                                  5000);
        QCOMPARE(errors.last().at(0).toString(), rejected.value()); // the error names its order

        fake.onCreateOrder = [](const OrderRequest& r) {
            return OrderPlacement::unknown(FakeConnector::error(ErrorKind::Network), r.clientId);
        };
        const auto unknown = engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"));
        QVERIFY(unknown.ok());
        QTRY_VERIFY_WITH_TIMEOUT(errors.last().at(0).toString() == unknown.value(), 5000);
        QCOMPARE(engine->orders()->find(unknown.value())->state, JournalState::Submitted); // not re-sent
        QCOMPARE(fake.createRequests.size(), 2);
    }

    void refusesBeforeReconciliationAndWhenRulesBreak() {
        FakeConnector fake;
        fake.deferReplies = true;
        TradingEngine engine(freshPath(), m_clock);
        QVERIFY(engine.open());
        engine.addConnector(&fake);
        engine.setMarket(fake.venue, btcMarket());
        QVERIFY(!engine.placeOrder(fake.venue, limitBuy("50000000", "0.001")).ok());
        QSignalSpy reconciled(&engine, &TradingEngine::reconciled);
        for (int i = 0; i < 10 && reconciled.isEmpty(); ++i) {
            fake.releaseDeferred();
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE_WITH_TIMEOUT(reconciled.size(), 1, 5000);
        fake.deferReplies = false;
        const auto badTick = engine.placeOrder(fake.venue, limitBuy("50000500", "0.001"));
        QVERIFY(!badTick.ok());
        QVERIFY(fake.createRequests.isEmpty());
        QVERIFY(engine.journal()->orders().isEmpty()); // refused orders never reach the journal
    }

    void riskLimitsRefuseWithReasons() {
        FakeConnector fake;
        auto engine = engineFor(freshPath(), fake);
        QVERIFY(engine);
        RiskLimits limits;
        limits.maxOrderValue = dec("100000");
        limits.maxOpenOrders = 2;
        limits.maxOrdersPerMinute = 3;
        limits.maxPriceDeviationPct = dec("5");
        engine->setBotLimits("bot-a", limits);
        QSignalSpy refused(engine.get(), &TradingEngine::riskRefused);
        QVERIFY(
            !engine->placeOrder(fake.venue, limitBuy("50000000", "0.01"), "bot-a").ok()); // 500000 > 100000
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.last().at(3).toString().contains(QStringLiteral("maximum order value")));
        QVERIFY(!engine->placeOrder(fake.venue, limitBuy("60000000", "0.001"), "bot-a").ok()); // 20% away
        QVERIFY(refused.last().at(3).toString().contains(QStringLiteral("away from the last price")));
        QVERIFY(engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a").ok());
        QVERIFY(engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a").ok());
        QVERIFY(!engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a").ok()); // 2 open
        QVERIFY(refused.last().at(3).toString().contains(QStringLiteral("already open")));
        QCOMPARE(fake.createRequests.size(), 2);
        // Another bot and hand orders are not bound by bot-a's limits.
        QVERIFY(engine->placeOrder(fake.venue, limitBuy("50000000", "0.01")).ok());
    }

    void fillsCountOnceAndFinishTheOrder() {
        FakeConnector fake;
        auto engine = engineFor(freshPath(), fake);
        QVERIFY(engine);
        const auto id = engine->placeOrder(fake.venue, limitBuy("50000000", "0.002"), "bot-a");
        QVERIFY(id.ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine->orders()->find(id.value())->state == JournalState::Open, 5000);
        const Order placed = engine->orders()->find(id.value())->order;
        QSignalSpy fills(engine.get(), &TradingEngine::fillApplied);
        emit fake.fillReceived(fillFor(placed, "t1", "0.001"));
        emit fake.fillReceived(fillFor(placed, "t1", "0.001")); // the same trade again
        QCOMPARE(fills.size(), 1);
        QCOMPARE(engine->journal()->order(id.value())->state, JournalState::PartiallyFilled);
        emit fake.fillReceived(fillFor(placed, "t2", "0.001"));
        QCOMPARE(fills.size(), 2);
        QCOMPARE(engine->journal()->order(id.value())->state, JournalState::Filled);
        QCOMPARE(engine->journal()->fills(id.value()).size(), 2);
        QVERIFY(!engine->orders()->find(id.value())); // finished: no longer followed
    }

    void cancelGoesThroughCancelPending() {
        FakeConnector fake;
        auto engine = engineFor(freshPath(), fake);
        QVERIFY(engine);
        const auto id = engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a");
        QTRY_VERIFY_WITH_TIMEOUT(engine->orders()->find(id.value())->state == JournalState::Open, 5000);
        engine->cancelOrder(id.value());
        QCOMPARE(engine->orders()->find(id.value())->state, JournalState::CancelPending);
        QTRY_COMPARE_WITH_TIMEOUT(engine->journal()->order(id.value())->state, JournalState::Cancelled, 5000);
        QCOMPARE(fake.cancelRefs.size(), 1);
        QCOMPARE(fake.cancelRefs[0].id, QStringLiteral("o1"));
    }

    void restartReconcilesPendingOrders() {
        const QString path = freshPath();
        FakeConnector fake;
        QString sent, neverSent, filledWhileAway;
        {
            // A crash after the journal write: three pending orders, the venue only got two of them.
            ProfileDatabase db(path);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            OrderJournal journal(db);
            for (QString* id : {&sent, &neverSent, &filledWhileAway}) {
                Order o;
                o.venue = fake.venue;
                o.clientId = *id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                o.market = QStringLiteral("KRW-BTC");
                o.price = dec("50000000");
                o.qty = dec("0.001");
                QVERIFY(journal.insertPending(o, "bot-a", {}, 1));
            }
        }
        Order atVenue;
        atVenue.venue = fake.venue;
        atVenue.id = QStringLiteral("v-1");
        atVenue.clientId = sent;
        atVenue.market = QStringLiteral("KRW-BTC");
        atVenue.price = dec("50000000");
        atVenue.qty = dec("0.001");
        atVenue.state = OrderState::Open;
        Order done = atVenue;
        done.id = QStringLiteral("v-2");
        done.clientId = filledWhileAway;
        done.state = OrderState::Filled;
        done.filledQty = dec("0.001");
        Order external = atVenue;
        external.id = QStringLiteral("v-ext");
        external.clientId.clear();
        fake.openOrders = {atVenue, external};
        fake.closedOrders = {done};
        fake.fills = {fillFor(done, "t-9", "0.001")};
        auto engine = engineFor(path, fake);
        QVERIFY(engine);
        QCOMPARE(engine->journal()->order(sent)->state, JournalState::Open);
        QCOMPARE(engine->journal()->order(sent)->order.id, QStringLiteral("v-1"));
        QCOMPARE(engine->journal()->order(neverSent)->state, JournalState::NeverSent);
        QCOMPARE(engine->journal()->order(filledWhileAway)->state, JournalState::Filled);
        QCOMPARE(engine->journal()->fills(filledWhileAway).size(), 1);
        const auto ext = engine->journal()->orderByVenueId(fake.venue, QStringLiteral("v-ext"));
        QVERIFY(ext);
        QCOMPARE(ext->state, JournalState::External);
        QVERIFY(fake.createRequests.isEmpty()); // nothing re-sent

        // A reconnect reconciles again; the fill is still counted once.
        QSignalSpy reconciled(engine.get(), &TradingEngine::reconciled);
        emit fake.connectionStateChanged(ConnectionState::Reconnecting);
        QVERIFY(!engine->placeOrder(fake.venue, limitBuy("50000000", "0.001")).ok());
        emit fake.connectionStateChanged(ConnectionState::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(reconciled.size(), 1, 5000);
        QCOMPARE(engine->journal()->fills(filledWhileAway).size(), 1);
        QCOMPARE(engine->journal()->botFills("bot-a").size(), 1);
        // Bots never touch the external order.
        engine->cancelBotOrders("bot-a");
        for (const OrderRef& r : fake.cancelRefs)
            QVERIFY(r.id != QStringLiteral("v-ext"));
    }

    void emergencyStopCancelsEverythingAndSurvivesRestart() {
        const QString path = freshPath();
        {
            FakeConnector fake;
            auto engine = engineFor(path, fake);
            QVERIFY(engine);
            const auto id = engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a");
            QTRY_VERIFY_WITH_TIMEOUT(engine->orders()->find(id.value())->state == JournalState::Open, 5000);
            // The fake lists open orders from its script: the bot's order and one placed by hand elsewhere.
            Order external = fake.created[0];
            external.id = QStringLiteral("v-ext");
            external.clientId.clear();
            fake.openOrders = {fake.created[0], external};
            fake.onCancelOrder = [&fake](const OrderRef& ref) -> Result<Order> {
                for (int i = 0; i < fake.openOrders.size(); ++i) {
                    if (fake.openOrders[i].id == ref.id) {
                        Order o = fake.openOrders.takeAt(i);
                        o.state = OrderState::Cancelled;
                        return o;
                    }
                }
                return FakeConnector::error(ErrorKind::NotFound);
            };
            QSignalSpy finished(engine.get(), &TradingEngine::emergencyStopFinished);
            engine->emergencyStop(QStringLiteral("test"));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
            const auto report = finished.at(0).at(0).value<EmergencyStopReport>();
            QCOMPARE(report.size(), 1);
            QCOMPARE(report[0].cancelRequested, 2);
            QCOMPARE(report[0].cancelConfirmed, 2);
            QVERIFY(report[0].stillOpen.isEmpty());
            QVERIFY(fake.openOrders.isEmpty()); // verified on the venue's side
            QCOMPARE(engine->journal()->order(id.value())->state, JournalState::Cancelled);
            QVERIFY(!engine->placeOrder(fake.venue, limitBuy("50000000", "0.001")).ok());
        }
        FakeConnector fake;
        auto engine = engineFor(path, fake);
        QVERIFY(engine);
        QVERIFY(engine->isHalted()); // until re-armed
        QVERIFY(!engine->placeOrder(fake.venue, limitBuy("50000000", "0.001")).ok());
        engine->rearm();
        QVERIFY(engine->placeOrder(fake.venue, limitBuy("50000000", "0.001")).ok());
    }

    void runsOnItsOwnThread() {
        FakeConnector fake; // answers at once; signals reach the engine queued
        EngineThread host(freshPath(), m_clock);
        QVERIFY(host.open());
        TradingEngine* engine = host.engine();
        QVERIFY(engine->thread() != QThread::currentThread());
        QSignalSpy reconciled(engine, &TradingEngine::reconciled);
        QSignalSpy changed(engine, &TradingEngine::orderChanged);
        QMetaObject::invokeMethod(engine, [engine, &fake] {
            engine->setMarket(fake.venue, btcMarket());
            engine->setLastPrice(fake.venue, QStringLiteral("KRW-BTC"), Decimal::fromString("50000000"));
            engine->addConnector(&fake);
        });
        QTRY_COMPARE_WITH_TIMEOUT(reconciled.size(), 1, 5000);
        QMetaObject::invokeMethod(engine, [engine, &fake] {
            engine->placeOrder(fake.venue, limitBuy("50000000", "0.001"), "bot-a");
        });
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() &&
                                     changed.last().at(0).value<ManagedOrder>().state == JournalState::Open,
                                 5000);
        QMetaObject::invokeMethod(
            engine, [engine] { engine->removeConnector(QStringLiteral("fake")); },
            Qt::BlockingQueuedConnection);
    }
};

QTEST_GUILESS_MAIN(TestTradingEngine)
#include "tst_trading_engine.moc"
