#include "session/profile_engine.h"
#include "session/venue_session.h"

#include "marketdata/market_data_hub.h"
#include "storage/order_journal.h"
#include "storage/profile_database.h"
#include "trading/trading_session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");

// A bot that trades at once and then every second: market buys of 10 000 KRW.
BotSpec dcaSpec(const QString& id) {
    BotSpec spec;
    spec.id = id;
    spec.strategy = QStringLiteral("dca");
    spec.venue = QStringLiteral("sim");
    spec.market = kBtc;
    spec.params = {{QStringLiteral("period"), QStringLiteral("1s")},
                   {QStringLiteral("order_value"), QStringLiteral("10000")}};
    return spec;
}

} // namespace

class TestProfileEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<VenueSession> m_session;

    QString freshPath() { return m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_files)); }

    std::unique_ptr<ProfileEngine> openEngine(const QString& path, bool restart = true) {
        ProfileEngineOptions options;
        options.databasePath = path;
        options.tickIntervalMs = 50;
        options.restartRunningBots = restart;
        auto engine = std::make_unique<ProfileEngine>(options, QList<VenueSession*>{m_session.get()});
        if (!engine->open())
            qWarning() << engine->lastError();
        // The ticket's orders are refused until the venue is reconciled: wait for it.
        if (!QTest::qWaitFor([&] { return engine->isReconciled(QStringLiteral("sim")); }, 10000))
            qWarning() << "sim not reconciled";
        return engine;
    }

    static BotState stateOf(const ProfileEngine& engine, const QString& id) {
        const auto bot = engine.bot(id);
        return bot ? bot->state : BotState::Error;
    }

    static bool logHas(const ProfileEngine& engine, const QString& id, const QString& text) {
        for (const QString& line : engine.botLog(id))
            if (line.contains(text))
                return true;
        return false;
    }

    // A limit buy at a tenth of the last price: rests in the book until cancelled.
    OrderRequest restingBuy() const {
        const Decimal last = m_session->hub()->lastPrice(kBtc).value_or(Decimal(50'000'000));
        const Market market = *m_session->hub()->market(kBtc);
        const Decimal far = last.divide(Decimal(10), 0, Rounding::Down);
        OrderRequest r;
        r.market = kBtc;
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.price = far.roundToStep(market.rules.tickFor(far), Rounding::Down);
        r.qty = Decimal(100'000).divide(r.price, 4, Rounding::Up);
        return r;
    }

private slots:
    void init() {
        SimConfig config;
        config.stepIntervalMs = 50;
        m_session = VenueSession::simulated(config);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hub()->market(kBtc).has_value(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hub()->lastPrice(kBtc).has_value(), 10000);
    }

    void cleanup() { m_session.reset(); }

    void createsABotThatTradesPausesAndStops() {
        auto engine = openEngine(freshPath());
        QVERIFY(engine->isOpen());
        QSignalSpy added(engine.get(), &ProfileEngine::botsChanged);
        const auto created = engine->createBot(dcaSpec(QStringLiteral("dca-1")));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().userMessage()));
        QCOMPARE(added.count(), 1);
        QCOMPARE(engine->bot(QStringLiteral("dca-1"))->record.position.costCurrency, QStringLiteral("KRW"));
        QVERIFY(!engine->createBot(dcaSpec(QStringLiteral("dca-1"))).ok()); // names are unique

        engine->startBot(QStringLiteral("dca-1"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("dca-1")), BotState::Running, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine->bot(QStringLiteral("dca-1"))->ordersToday >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine->bot(QStringLiteral("dca-1"))->record.position.qty.isPositive(),
                                 10000);
        QVERIFY(logHas(*engine, QStringLiteral("dca-1"), QStringLiteral("Filled")));
        QVERIFY(!engine->botFills(QStringLiteral("dca-1")).isEmpty());
        const QVector<JournalOrder> orders = engine->botOrders(QStringLiteral("dca-1"));
        QVERIFY(orders.size() >= 2);
        QCOMPARE(orders.first().bot, QStringLiteral("dca-1"));
        QVERIFY(engine->pnlHistory(QStringLiteral("dca-1")).size() >= 1);
        QCOMPARE(engine->runningBots(), 1);

        engine->pauseBot(QStringLiteral("dca-1"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("dca-1")), BotState::Paused, 5000);
        QCOMPARE(engine->runningBots(), 0);
        engine->resumeBot(QStringLiteral("dca-1"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("dca-1")), BotState::Running, 5000);
        engine->stopBot(QStringLiteral("dca-1"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("dca-1")), BotState::Stopped, 5000);
        QCOMPARE(engine->bot(QStringLiteral("dca-1"))->record.status, BotRecord::Status::Stopped);

        // Deleted, its orders stay in the journal under its name: a new bot may not take them over.
        engine->deleteBot(QStringLiteral("dca-1"));
        QTRY_VERIFY_WITH_TIMEOUT(!engine->bot(QStringLiteral("dca-1")), 5000);
        QVERIFY(!engine->createBot(dcaSpec(QStringLiteral("dca-1"))).ok());
        QCOMPARE(engine->uniqueBotId(QStringLiteral("dca-1")), QStringLiteral("dca-1 2"));
    }

    void duplicatesAndDeletes() {
        auto engine = openEngine(freshPath());
        BotSpec spec = dcaSpec(QStringLiteral("a"));
        spec.limits.maxOrderValue = Decimal(20000);
        QVERIFY(engine->createBot(spec).ok());
        const QString copy = engine->duplicateBot(QStringLiteral("a"));
        QCOMPARE(copy, QStringLiteral("a copy"));
        QTRY_VERIFY_WITH_TIMEOUT(logHas(*engine, copy, QStringLiteral("Created")), 5000);
        QCOMPARE(engine->bot(copy)->limits.maxOrderValue, std::optional<Decimal>(Decimal(20000)));
        QCOMPARE(engine->uniqueBotId(QStringLiteral("a copy")), QStringLiteral("a copy 2"));
        engine->deleteBot(QStringLiteral("a"));
        QTRY_VERIFY_WITH_TIMEOUT(!engine->bot(QStringLiteral("a")), 5000);
        QCOMPARE(engine->bots().size(), 1);
        QVERIFY(!engine->createBot(dcaSpec(QStringLiteral("a"))).ok()); // a deleted bot's name is retired

        // Limits and bots survive a restart; the deleted one does not come back.
        const QString path = m_dir.filePath(QStringLiteral("p%1.sqlite").arg(m_files));
        engine.reset();
        engine = openEngine(path);
        QCOMPARE(engine->bots().size(), 1);
        QCOMPARE(engine->bot(copy)->limits.maxOrderValue, std::optional<Decimal>(Decimal(20000)));
    }

    void refusesBadParametersAndNamesThem() {
        auto engine = openEngine(freshPath());
        BotSpec spec = dcaSpec(QStringLiteral("bad"));
        spec.params[QStringLiteral("period")] = QStringLiteral("soon");
        const auto created = engine->createBot(spec);
        QVERIFY(!created.ok());
        QVERIFY(created.error().userMessage().contains(QStringLiteral("period")));
        spec = dcaSpec(QStringLiteral("nowhere"));
        spec.market = QStringLiteral("KRW-NOPE");
        QVERIFY(!engine->createBot(spec).ok());
    }

    void riskLimitRefusesOrders() {
        auto engine = openEngine(freshPath());
        BotSpec spec = dcaSpec(QStringLiteral("capped"));
        spec.limits.maxOrdersPerMinute = 1;
        QVERIFY(engine->createBot(spec).ok());
        QSignalSpy refused(engine.get(), &ProfileEngine::riskRefused);
        engine->startBot(QStringLiteral("capped"));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 10000);
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("capped"));
        QTRY_VERIFY_WITH_TIMEOUT(logHas(*engine, QStringLiteral("capped"), QStringLiteral("risk limit")),
                                 5000);
        QCOMPARE(engine->bot(QStringLiteral("capped"))->ordersToday, 1);
    }

    void restartsBotsThatRanWhenTheAppQuit() {
        const QString path = freshPath();
        {
            auto engine = openEngine(path);
            QVERIFY(engine->createBot(dcaSpec(QStringLiteral("night"))).ok());
            QVERIFY(engine->createBot(dcaSpec(QStringLiteral("idle"))).ok());
            engine->startBot(QStringLiteral("night"));
            QTRY_VERIFY_WITH_TIMEOUT(engine->bot(QStringLiteral("night"))->ordersToday >= 1, 10000);
        }
        {
            auto engine = openEngine(path);
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("night")), BotState::Running, 10000);
            QCOMPARE(stateOf(*engine, QStringLiteral("idle")), BotState::Stopped);
            const int before = engine->bot(QStringLiteral("night"))->ordersToday;
            QTRY_VERIFY_WITH_TIMEOUT(engine->bot(QStringLiteral("night"))->ordersToday > before, 10000);
        }
        // Turned off: the bot stays stopped and is not started later either.
        auto engine = openEngine(path, false);
        QTRY_COMPARE_WITH_TIMEOUT(engine->bot(QStringLiteral("night"))->record.status,
                                  BotRecord::Status::Stopped, 5000);
        QCOMPARE(stateOf(*engine, QStringLiteral("night")), BotState::Stopped);
    }

    void manualOrdersGoThroughTheEngine() {
        auto engine = openEngine(freshPath());
        TradingSession* trading = m_session->trading();
        QVERIFY(trading->hasOrderRouter());
        QSignalSpy accepted(trading, &TradingSession::orderAccepted);
        QSignalSpy rejected(trading, &TradingSession::orderRejected);
        const QString clientId = trading->submit(restingBuy());
        QVERIFY(!clientId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 10000);
        QCOMPARE(rejected.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(engine->openOrderCount(), 1, 5000);

        // Account limits apply to the ticket too, and the error names the order.
        RiskLimits limits;
        limits.maxOrderValue = Decimal(1000);
        engine->setAccountLimits(limits);
        const QString refusedId = trading->submit(restingBuy());
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 10000);
        QCOMPARE(rejected.first().at(0).toString(), refusedId);
        QVERIFY(rejected.first().at(1).toString().contains(refusedId.left(8)));
        QCOMPARE(accepted.count(), 1);

        // Cancelled from the window: through the engine, which journals the cancel.
        const QString venueId = accepted.first().at(0).value<Order>().id;
        QVERIFY(!venueId.isEmpty());
        trading->cancel(venueId);
        QTRY_COMPARE_WITH_TIMEOUT(engine->openOrderCount(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(trading->openOrders().isEmpty(), 10000);

        engine.reset();
        ProfileDatabase database(m_dir.filePath(QStringLiteral("p%1.sqlite").arg(m_files)));
        QCOMPARE(database.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(database);
        const auto journaled = journal.order(clientId);
        QVERIFY(journaled);
        QCOMPARE(journaled->tag, QStringLiteral("manual"));
        QCOMPARE(journaled->state, JournalState::Cancelled);
        QVERIFY(journaled->bot.isEmpty());
        QVERIFY(!trading->hasOrderRouter()); // the session sends directly again once the engine is gone
    }

    void aFreshSimulatorDoesNotBlockTheNextStart() {
        // The simulator's paper account starts empty with every app start: an order the journal left open
        // there is gone, and the venue must still reconcile (else no bot and no ticket order could trade).
        const QString path = freshPath();
        {
            auto engine = openEngine(path);
            QSignalSpy accepted(m_session->trading(), &TradingSession::orderAccepted);
            m_session->trading()->submit(restingBuy());
            QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 10000);
            QVERIFY(engine->createBot(dcaSpec(QStringLiteral("again"))).ok());
            engine->startBot(QStringLiteral("again"));
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("again")), BotState::Running, 10000);
        }
        cleanup();
        init(); // a new simulator
        auto engine = openEngine(path);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("again")), BotState::Running, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(engine->openOrderCount(), 0, 5000);
    }

    void emergencyStopCancelsEveryOpenOrderAndHaltsBots() {
        auto engine = openEngine(freshPath());
        TradingSession* trading = m_session->trading();
        QSignalSpy accepted(trading, &TradingSession::orderAccepted);
        trading->submit(restingBuy());
        trading->submit(restingBuy());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 2, 10000);
        QVERIFY(engine->createBot(dcaSpec(QStringLiteral("runner"))).ok());
        engine->startBot(QStringLiteral("runner"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("runner")), BotState::Running, 10000);

        QSignalSpy finished(engine.get(), &ProfileEngine::emergencyStopFinished);
        engine->emergencyStop(QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const auto report = finished.first().at(0).value<EmergencyStopReport>();
        QCOMPARE(report.size(), 1);
        QCOMPARE(report.first().cancelRequested, 2);
        QCOMPARE(report.first().cancelConfirmed, 2);
        QVERIFY(report.first().stillOpen.isEmpty());
        QVERIFY(engine->isHalted());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("runner")), BotState::Halted, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(engine->openOrderCount(), 0, 5000);

        // Halted: the ticket is refused until re-armed; a bot does not start.
        QSignalSpy rejected(trading, &TradingSession::orderRejected);
        trading->submit(restingBuy());
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 5000);
        QVERIFY(rejected.first().at(1).toString().contains(QStringLiteral("emergency stop")));
        engine->startBot(QStringLiteral("runner"));
        QTRY_VERIFY_WITH_TIMEOUT(logHas(*engine, QStringLiteral("runner"), QStringLiteral("Re-arm")), 5000);
        engine->rearm();
        QTRY_VERIFY_WITH_TIMEOUT(!engine->isHalted(), 5000);
        engine->startBot(QStringLiteral("runner"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*engine, QStringLiteral("runner")), BotState::Running, 10000);
    }
};

QTEST_GUILESS_MAIN(TestProfileEngine)
#include "tst_profile_engine.moc"
