#include "trading/engine/bot_runner.h"
#include "trading/engine/closed_candles.h"
#include "trading/engine/replay_source.h"

#include "storage/order_journal.h"
#include "support/fake_connector.h"

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

// Buys 0.001 at the close of every 1-minute candle that closes below `below`; counts timer ticks.
class DipBuyer : public Strategy {
public:
    Decimal below = dec("50000000");
    int candles = 0;
    int timers = 0;
    int fills = 0;
    QStringList placed;

    QString id() const override { return QStringLiteral("dip"); }
    StrategyNeeds needs() const override {
        StrategyNeeds n;
        n.candles = CandleInterval::M1;
        return n;
    }
    void onStart(StrategyContext& c) override { c.startTimer(1, 30'000); }
    void onCandle(StrategyContext& c, const Candle& candle, CandleInterval) override {
        ++candles;
        if (candle.close < below) {
            OrderIntent i;
            i.side = Side::Buy;
            i.price = candle.close;
            i.qty = dec("0.001");
            if (auto r = c.placeOrder(i))
                placed << r.value();
        }
    }
    void onTimer(StrategyContext&, int) override { ++timers; }
    void onFill(StrategyContext&, const Fill&) override { ++fills; }
    QJsonObject saveState() const override { return {{"candles", candles}}; }
    void restoreState(const QJsonObject& s) override { candles = s.value("candles").toInt(); }
};

MarketEvent secondCandle(qint64 openMs, const char* close) {
    MarketEvent e;
    e.kind = MarketEvent::Kind::CandleClosed;
    e.timeMs = openMs + 1000;
    e.interval = CandleInterval::S1;
    e.candle = Candle{openMs, dec(close), dec(close), dec(close), dec(close), dec("1"), dec(close)};
    return e;
}

BotRecord botRecord() {
    BotRecord r;
    r.id = QStringLiteral("dip-1");
    r.strategy = QStringLiteral("dip");
    r.venue = QStringLiteral("fake");
    r.market = QStringLiteral("KRW-BTC");
    return r;
}

} // namespace

class TestBotRunner : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("b%1.sqlite").arg(++m_files)); }

    static bool reconcile(TradingEngine& engine, FakeConnector& fake) {
        QSignalSpy reconciled(&engine, &TradingEngine::reconciled);
        engine.addConnector(&fake);
        return reconciled.wait(5000) || !reconciled.isEmpty();
    }

private slots:
    void closedCandlesFromTradesAndShorterCandles() {
        ClosedCandles fromTrades(CandleInterval::M1);
        Trade t;
        t.price = dec("10");
        t.qty = dec("1");
        t.timestampMs = 60'000;
        QVERIFY(!fromTrades.addTrade(t));
        t.price = dec("12");
        t.timestampMs = 119'999;
        QVERIFY(!fromTrades.addTrade(t));
        t.price = dec("11");
        t.timestampMs = 120'000;
        const auto closed = fromTrades.addTrade(t);
        QVERIFY(closed);
        QCOMPARE(closed->openTimeMs, 60'000);
        QCOMPARE(closed->open, dec("10"));
        QCOMPARE(closed->high, dec("12"));
        QCOMPARE(closed->close, dec("12"));
        QCOMPARE(closed->volume, dec("2"));
        QVERIFY(!fromTrades.closeDue(179'999));
        QCOMPARE(fromTrades.closeDue(180'000)->openTimeMs, 120'000);

        ClosedCandles fromSeconds(CandleInterval::M1);
        int closedCount = 0;
        for (qint64 s = 0; s < 180; ++s) {
            const Candle c{s * 1000, dec("1"), dec("2"), dec("1"), dec("1"), dec("1"), dec("1")};
            const auto out = fromSeconds.addCandle(c, CandleInterval::S1);
            closedCount += int(out.size());
            if (s % 60 == 59) {
                QCOMPARE(out.size(), 1); // the last second closes the minute at once
                QCOMPARE(out[0].volume, dec("60"));
            }
        }
        QCOMPARE(closedCount, 3);
    }

    void replaysCandlesThroughTheStrategyAndResumes() {
        ManualClock clock(0);
        FakeConnector fake;
        const QString path = freshPath();
        {
            TradingEngine engine(path, clock);
            QVERIFY(engine.open());
            QVERIFY(reconcile(engine, fake));
            auto strategy = std::make_unique<DipBuyer>();
            DipBuyer* s = strategy.get();
            BotRunner bot(engine, botRecord(), std::move(strategy), btcMarket());
            bot.start();
            QVector<MarketEvent> events;
            for (qint64 sec = 0; sec < 180; ++sec) // three minutes of 1-second candles
                events << secondCandle(sec * 1000, sec < 120 ? "50001000" : "49990000");
            ReplaySource::run(bot, clock, events);
            QCOMPARE(s->candles, 3);
            QCOMPARE(s->placed.size(), 1); // only the third minute closed below
            QCOMPARE(s->timers,
                     6); // every 30 s of engine time: 30, 60, ..., 180 s (the last candle ends at 180 s)
            QTRY_VERIFY_WITH_TIMEOUT(engine.orders()->find(s->placed[0])->state == JournalState::Open, 5000);
            const Order placed = engine.orders()->find(s->placed[0])->order;
            Fill f;
            f.venue = placed.venue;
            f.orderId = placed.id;
            f.market = placed.market;
            f.tradeId = QStringLiteral("t1");
            f.side = Side::Buy;
            f.price = placed.price;
            f.qty = placed.qty;
            emit fake.fillReceived(f);
            QCOMPARE(s->fills, 1);
            QCOMPARE(bot.position().qty, dec("0.001"));
            bot.stop();
            QCOMPARE(engine.journal()->bot("dip-1")->status, BotRecord::Status::Stopped);
        }
        // Restart: the saved strategy state and the position come back.
        TradingEngine engine(path, clock);
        QVERIFY(engine.open());
        QVERIFY(reconcile(engine, fake));
        auto strategy = std::make_unique<DipBuyer>();
        DipBuyer* s = strategy.get();
        BotRunner bot(engine, *engine.journal()->bot("dip-1"), std::move(strategy), btcMarket());
        bot.start();
        QCOMPARE(s->candles, 3);
        QCOMPARE(bot.position().qty, dec("0.001"));
        QCOMPARE(bot.position().avgPrice, dec("49990000"));
    }

    void dailyLossHaltsTheBotAndCancelsItsOrders() {
        ManualClock clock(0);
        FakeConnector fake;
        TradingEngine engine(freshPath(), clock);
        QVERIFY(engine.open());
        QVERIFY(reconcile(engine, fake));
        RiskLimits limits;
        limits.dailyLossLimit = dec("10000");
        auto strategy = std::make_unique<DipBuyer>();
        DipBuyer* s = strategy.get();
        BotRunner bot(engine, botRecord(), std::move(strategy), btcMarket(), limits);
        QSignalSpy halted(&bot, &BotRunner::halted);
        bot.start();
        QVector<MarketEvent> events;
        for (qint64 sec = 0; sec < 60; ++sec)
            events << secondCandle(sec * 1000, "49990000");
        ReplaySource::run(bot, clock, events);
        QCOMPARE(s->placed.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(engine.orders()->find(s->placed[0])->state == JournalState::Open, 5000);
        // A second order that stays open, then a fill of the first and a price crash.
        OrderIntent i;
        i.price = dec("49000000");
        i.qty = dec("0.001");
        const auto resting = bot.placeOrder(i);
        QVERIFY(resting.ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.orders()->find(resting.value())->state == JournalState::Open, 5000);
        const Order first = engine.orders()->find(s->placed[0])->order;
        Fill f;
        f.venue = first.venue;
        f.orderId = first.id;
        f.market = first.market;
        f.tradeId = QStringLiteral("t1");
        f.price = first.price;
        f.qty = first.qty;
        emit fake.fillReceived(f);
        QVERIFY(halted.isEmpty());
        ReplaySource::run(bot, clock, {secondCandle(60'000, "30000000")}); // -19990 on 0.001 BTC
        QCOMPARE(halted.size(), 1);
        QVERIFY(halted.at(0).at(1).toString().contains(QStringLiteral("daily loss limit")));
        QVERIFY(bot.isHalted());
        QTRY_COMPARE_WITH_TIMEOUT(engine.journal()->order(resting.value())->state, JournalState::Cancelled,
                                  5000);
        QCOMPARE(engine.journal()->bot("dip-1")->status, BotRecord::Status::Halted);
        QVERIFY(!bot.placeOrder(i).ok());
    }
};

QTEST_GUILESS_MAIN(TestBotRunner)
#include "tst_bot_runner.moc"
