// Each built-in strategy on scripted candles and ticks with a fake context whose clock the test moves.
#include "fake_strategy_context.h"

#include "trading/strategies/dca_strategy.h"
#include "trading/strategies/grid_strategy.h"

#include <QJsonArray>
#include <QTest>

using namespace hoga;
using namespace hoga::testing;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kStart = 1'700'000'000'000 - (1'700'000'000'000 % kMinute); // a minute boundary

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

std::unique_ptr<Strategy> make(const QString& id, const StrategyParams& params,
                               const Market& market = krwMarket()) {
    const StrategyTemplate* t = findStrategy(id);
    if (!t)
        return nullptr;
    Result<std::unique_ptr<Strategy>> created = t->create(params, market);
    if (!created.ok()) {
        qWarning() << created.error().detail;
        return nullptr;
    }
    return std::move(created.value());
}

QString refusal(const QString& id, const StrategyParams& params, const Market& market = krwMarket()) {
    const Result<std::unique_ptr<Strategy>> created = findStrategy(id)->create(params, market);
    return created.ok() ? QString() : created.error().detail;
}

// Closed 1-minute candles from `firstIndex` on; the clock stands at each candle's close (or `lagMs` later).
void feed(Strategy& strategy, FakeStrategyContext& context, const QVector<int>& closes, int firstIndex,
          qint64 lagMs = 0) {
    for (int i = 0; i < closes.size(); ++i) {
        Candle candle;
        candle.openTimeMs = kStart + (firstIndex + i) * kMinute;
        candle.open = candle.high = candle.low = candle.close = Decimal(closes[i]);
        candle.volume = Decimal(1);
        context.now = candle.openTimeMs + kMinute + lagMs;
        strategy.onCandle(context, candle, CandleInterval::M1);
    }
}

Order orderUpdate(const QString& clientId, OrderState state) {
    Order order;
    order.clientId = clientId;
    order.state = state;
    return order;
}

StrategyParams smaParams(const QString& ma = QStringLiteral("sma")) {
    return {{QStringLiteral("fast"), QStringLiteral("2")},
            {QStringLiteral("slow"), QStringLiteral("3")},
            {QStringLiteral("ma"), ma},
            {QStringLiteral("interval"), QStringLiteral("1m")},
            {QStringLiteral("order_value"), QStringLiteral("10000")}};
}

StrategyParams gridParams() {
    return {{QStringLiteral("lower"), QStringLiteral("900")},
            {QStringLiteral("upper"), QStringLiteral("1100")},
            {QStringLiteral("levels"), QStringLiteral("5")},
            {QStringLiteral("qty_per_level"), QStringLiteral("10")}};
}

} // namespace

class TestBuiltinStrategies : public QObject {
    Q_OBJECT

private slots:
    void smaCrossBuysOnGoldenAndSellsOnDeadCross() {
        auto strategy = make(QStringLiteral("sma_cross"), smaParams());
        QVERIFY(strategy);
        QCOMPARE(strategy->needs().candles, std::optional<CandleInterval>(CandleInterval::M1));
        QCOMPARE(strategy->needs().warmupCandles, 4);
        FakeStrategyContext context(krwMarket());
        feed(*strategy, context, {1000, 1000, 1000, 1000}, 0);
        QVERIFY(context.placed.isEmpty());
        feed(*strategy, context, {1100}, 4); // fast 1050 rises above slow 1033.3
        QCOMPARE(context.placed.size(), 1);
        QCOMPARE(context.placed[0].side, Side::Buy);
        QCOMPARE(context.placed[0].type, OrderType::Market);
        QCOMPARE(context.placed[0].total, dec("10000"));
        QCOMPARE(context.indicators.value(QStringLiteral("ma_fast")), 1050.0);

        context.held.qty = dec("9.090909091"); // bought; more digits than the step
        feed(*strategy, context, {1000}, 5);   // still above: nothing
        QCOMPARE(context.placed.size(), 1);
        feed(*strategy, context, {900}, 6); // fast 950 falls below slow 1000
        QCOMPARE(context.placed.size(), 2);
        QCOMPARE(context.placed[1].side, Side::Sell);
        QCOMPARE(context.placed[1].type, OrderType::Market);
        QCOMPARE(context.placed[1].qty, dec("9.09090909")); // rounded down to the step
    }

    void smaCrossWithEma() {
        auto strategy = make(QStringLiteral("sma_cross"), smaParams(QStringLiteral("ema")));
        QVERIFY(strategy);
        FakeStrategyContext context(krwMarket());
        feed(*strategy, context, {1000, 1000, 1000, 1000, 1100}, 0);
        QCOMPARE(context.placed.size(), 1);
        // EMA(2) seeded at 1000, then 1000 + 2/3 * 100.
        QVERIFY(qAbs(context.indicators.value(QStringLiteral("ma_fast")) - 1066.6667) < 1e-3);
    }

    void warmupHistoryDoesNotTrade() {
        auto strategy = make(QStringLiteral("sma_cross"), smaParams());
        FakeStrategyContext context(krwMarket());
        feed(*strategy, context, {1000, 1000, 1000, 1000, 1100}, 0, 10 * kMinute); // closed long ago
        QVERIFY(context.placed.isEmpty());
        QVERIFY(context.indicators.contains(QStringLiteral("ma_slow")));
    }

    void candleSignalStateSurvivesRestart() {
        auto first = make(QStringLiteral("sma_cross"), smaParams());
        FakeStrategyContext context(krwMarket());
        feed(*first, context, {1000, 1000, 1000, 1000, 1100}, 0);
        QCOMPARE(context.placed.size(), 1);
        const QJsonObject state = first->saveState();

        // Restarted before the fill arrived: warm-up replays the same candles, the last one still fresh.
        auto second = make(QStringLiteral("sma_cross"), smaParams());
        second->restoreState(state);
        FakeStrategyContext restarted(krwMarket());
        feed(*second, restarted, {1000, 1000, 1000, 1000, 1100}, 0);
        QVERIFY(restarted.placed.isEmpty());
    }

    void ordersTheRulesRefuseAreSkipped() {
        StrategyParams params = smaParams();
        params.insert(QStringLiteral("order_value"), QStringLiteral("1000")); // below the 5000 KRW minimum
        auto strategy = make(QStringLiteral("sma_cross"), params);
        FakeStrategyContext context(krwMarket());
        feed(*strategy, context, {1000, 1000, 1000, 1000, 1100}, 0);
        QVERIFY(context.placed.isEmpty());
        QCOMPARE(context.logs.size(), 1);
        QVERIFY2(context.logs[0].contains(QStringLiteral("5000")), qPrintable(context.logs[0]));

        // A sell worth less than the minimum is not sent either.
        context.held.qty = dec("1");
        feed(*strategy, context, {900, 800}, 5);
        QVERIFY(context.placed.isEmpty());
        QCOMPARE(context.logs.size(), 2);
    }

    void anOpenOrderHoldsBackTheNextSignal() {
        auto strategy = make(QStringLiteral("sma_cross"), smaParams());
        FakeStrategyContext context(krwMarket());
        context.open.append(orderUpdate(QStringLiteral("c0"), OrderState::Open));
        feed(*strategy, context, {1000, 1000, 1000, 1000, 1100}, 0);
        QVERIFY(context.placed.isEmpty());
    }

    void smaCrossParametersRefused() {
        StrategyParams params = smaParams();
        params.insert(QStringLiteral("fast"), QStringLiteral("5"));
        QVERIFY(refusal(QStringLiteral("sma_cross"), params).contains(QStringLiteral("fast")));
        params = smaParams();
        params.insert(QStringLiteral("ma"), QStringLiteral("wma"));
        QVERIFY(refusal(QStringLiteral("sma_cross"), params).contains(QStringLiteral("ma")));
        params = smaParams();
        params.insert(QStringLiteral("order_value"), QStringLiteral("0"));
        QVERIFY(refusal(QStringLiteral("sma_cross"), params).contains(QStringLiteral("order_value")));
        params = smaParams();
        params.remove(QStringLiteral("order_value"));
        QVERIFY(refusal(QStringLiteral("sma_cross"), params).contains(QStringLiteral("order_value")));
    }

    void rsiBuysOversoldSellsOverbought() {
        const StrategyParams params = {{QStringLiteral("period"), QStringLiteral("2")},
                                       {QStringLiteral("interval"), QStringLiteral("1m")},
                                       {QStringLiteral("order_value"), QStringLiteral("10000")}};
        auto strategy = make(QStringLiteral("rsi"), params);
        QVERIFY(strategy);
        FakeStrategyContext context(krwMarket());
        feed(*strategy, context, {1000, 990, 980}, 0); // only losses: RSI 0
        QCOMPARE(context.placed.size(), 1);
        QCOMPARE(context.placed[0].side, Side::Buy);
        QCOMPARE(context.indicators.value(QStringLiteral("rsi")), 0.0);

        context.held.qty = dec("10.2");
        feed(*strategy, context, {1000}, 3); // RSI 66.7: hold
        QCOMPARE(context.placed.size(), 1);
        feed(*strategy, context, {1020}, 4); // RSI 85.7: sell
        QCOMPARE(context.placed.size(), 2);
        QCOMPARE(context.placed[1].side, Side::Sell);
        QCOMPARE(context.placed[1].qty, dec("10.2"));

        StrategyParams inverted = params;
        inverted.insert(QStringLiteral("oversold"), QStringLiteral("80"));
        QVERIFY(refusal(QStringLiteral("rsi"), inverted).contains(QStringLiteral("oversold")));
        inverted.insert(QStringLiteral("oversold"), QStringLiteral("101"));
        QVERIFY(refusal(QStringLiteral("rsi"), inverted).contains(QStringLiteral("at most 100")));
    }

    void bollingerBuysBelowLowerSellsAboveUpper() {
        const StrategyParams params = {{QStringLiteral("period"), QStringLiteral("3")},
                                       {QStringLiteral("k"), QStringLiteral("1")},
                                       {QStringLiteral("interval"), QStringLiteral("1m")},
                                       {QStringLiteral("order_value"), QStringLiteral("10000")}};
        auto strategy = make(QStringLiteral("bollinger"), params);
        QVERIFY(strategy);
        FakeStrategyContext context(krwMarket());
        feed(*strategy, context, {1000, 1000, 1000}, 0);
        QVERIFY(context.placed.isEmpty());
        feed(*strategy, context, {900}, 3); // lower band 919.5
        QCOMPARE(context.placed.size(), 1);
        QCOMPARE(context.placed[0].side, Side::Buy);
        context.held.qty = dec("11");
        feed(*strategy, context, {1100}, 4); // upper band 1081.6
        QCOMPARE(context.placed.size(), 2);
        QCOMPARE(context.placed[1].side, Side::Sell);
        QCOMPARE(context.placed[1].qty, dec("11"));

        StrategyParams narrow = params;
        narrow.insert(QStringLiteral("k"), QStringLiteral("0"));
        QVERIFY(refusal(QStringLiteral("bollinger"), narrow).contains(QStringLiteral("k")));
    }

    void gridPlacesBuysBelowThePriceAndReplacesFilledOrders() {
        auto strategy = make(QStringLiteral("grid"), gridParams());
        QVERIFY(strategy);
        auto* grid = static_cast<GridStrategy*>(strategy.get());
        QCOMPARE(grid->levels(), (QVector<Decimal>{900, 950, 1000, 1050, 1100}));
        FakeStrategyContext context(krwMarket());
        context.now = kStart;
        strategy->onStart(context); // no price yet: waits
        QVERIFY(context.placed.isEmpty());
        context.last = Decimal(1010);
        strategy->onTicker(context, Ticker{});
        QCOMPARE(context.placed.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(context.placed[i].type, OrderType::Limit);
            QCOMPARE(context.placed[i].side, Side::Buy);
            QCOMPARE(context.placed[i].qty, dec("10"));
        }
        QCOMPARE(context.placed[2].price, dec("1000"));
        strategy->onTicker(context, Ticker{}); // placed once only
        QCOMPARE(context.placed.size(), 3);

        strategy->onOrderUpdate(context, orderUpdate(context.placedIds[2], OrderState::PartiallyFilled));
        QCOMPARE(context.placed.size(), 3);
        strategy->onOrderUpdate(context, orderUpdate(context.placedIds[2], OrderState::Filled));
        QCOMPARE(context.placed.size(), 4);
        QCOMPARE(context.placed[3].side, Side::Sell);
        QCOMPARE(context.placed[3].price, dec("1050"));

        strategy->onOrderUpdate(context, orderUpdate(context.placedIds[3], OrderState::Filled));
        QCOMPARE(context.placed.size(), 5);
        QCOMPARE(context.placed[4].side, Side::Buy);
        QCOMPARE(context.placed[4].price, dec("1000"));

        strategy->onOrderUpdate(context, orderUpdate(context.placedIds[0], OrderState::Cancelled));
        QCOMPARE(context.placed.size(), 5);
        QCOMPARE(context.logs.size(), 1);
        strategy->onOrderUpdate(context, orderUpdate(QStringLiteral("someone-else"), OrderState::Filled));
        QCOMPARE(context.placed.size(), 5);
    }

    void gridStateSurvivesRestart() {
        auto first = make(QStringLiteral("grid"), gridParams());
        FakeStrategyContext context(krwMarket());
        context.last = Decimal(1010);
        first->onStart(context);
        QCOMPARE(context.placed.size(), 3);
        const QJsonObject state = first->saveState();

        auto second = make(QStringLiteral("grid"), gridParams());
        second->restoreState(state);
        FakeStrategyContext restarted(krwMarket());
        restarted.idPrefix = QStringLiteral("r");
        restarted.last = Decimal(1010);
        second->onStart(restarted);
        QVERIFY(restarted.placed.isEmpty()); // the initial buys are not placed twice
        second->onOrderUpdate(restarted, orderUpdate(context.placedIds[1], OrderState::Filled));
        QCOMPARE(restarted.placed.size(), 1);
        QCOMPARE(restarted.placed[0].side, Side::Sell);
        QCOMPARE(restarted.placed[0].price, dec("1000"));
        QCOMPARE(second->saveState().value(QStringLiteral("orders")).toArray().size(), 3);
    }

    void gridLevelsOnTheTick() {
        StrategyParams params = gridParams();
        params.insert(QStringLiteral("lower"), QStringLiteral("9000"));
        params.insert(QStringLiteral("upper"), QStringLiteral("10000"));
        params.insert(QStringLiteral("levels"), QStringLiteral("4"));
        params.insert(QStringLiteral("qty_per_level"), QStringLiteral("1"));
        auto strategy = make(QStringLiteral("grid"), params);
        QVERIFY(strategy);
        // 9333.33 and 9666.67 on the 5 KRW tick; 10000 starts the 10 KRW band.
        QCOMPARE(static_cast<GridStrategy*>(strategy.get())->levels(),
                 (QVector<Decimal>{9000, 9335, 9665, 10000}));
    }

    void gridParametersRefused() {
        StrategyParams params = gridParams();
        params.insert(QStringLiteral("lower"), QStringLiteral("1200"));
        QVERIFY(refusal(QStringLiteral("grid"), params).contains(QStringLiteral("lower")));
        params = gridParams();
        params.insert(QStringLiteral("qty_per_level"), QStringLiteral("10.000000001"));
        QVERIFY(refusal(QStringLiteral("grid"), params).contains(QStringLiteral("qty_per_level")));
        params = gridParams();
        params.insert(QStringLiteral("qty_per_level"), QStringLiteral("1")); // 900 KRW < 5000 KRW
        QVERIFY(refusal(QStringLiteral("grid"), params).contains(QStringLiteral("5000")));
        params = gridParams();
        params.insert(QStringLiteral("upper"), QStringLiteral("902"));
        params.insert(QStringLiteral("levels"), QStringLiteral("10"));
        QVERIFY(refusal(QStringLiteral("grid"), params).contains(QStringLiteral("levels")));
    }

    void dcaBuysEveryPeriod() {
        const StrategyParams params = {{QStringLiteral("period"), QStringLiteral("1h")},
                                       {QStringLiteral("order_value"), QStringLiteral("10000")}};
        auto strategy = make(QStringLiteral("dca"), params);
        QVERIFY(strategy);
        FakeStrategyContext context(krwMarket());
        context.now = kStart;
        strategy->onStart(context);
        QCOMPARE(context.timers.value(DcaStrategy::kTimerId), kMinute);
        QCOMPARE(context.placed.size(), 1);
        QCOMPARE(context.placed[0].type, OrderType::Market);
        QCOMPARE(context.placed[0].total, dec("10000"));
        for (qint64 t = kStart + kMinute; t < kStart + kHour; t += kMinute) {
            context.now = t;
            strategy->onTimer(context, DcaStrategy::kTimerId);
        }
        QCOMPARE(context.placed.size(), 1);
        context.now = kStart + kHour;
        strategy->onTimer(context, DcaStrategy::kTimerId);
        QCOMPARE(context.placed.size(), 2);
        strategy->onTimer(context, DcaStrategy::kTimerId + 1); // not its timer
        QCOMPARE(context.placed.size(), 2);
        strategy->onStop(context);
        QVERIFY(context.timers.isEmpty());

        // Restarted half way to the next buy: waits for it.
        const QJsonObject state = strategy->saveState();
        auto restarted = make(QStringLiteral("dca"), params);
        restarted->restoreState(state);
        QCOMPARE(static_cast<DcaStrategy*>(restarted.get())->nextBuyMs(), kStart + 2 * kHour);
        FakeStrategyContext later(krwMarket());
        later.now = kStart + 90 * kMinute;
        restarted->onStart(later);
        QVERIFY(later.placed.isEmpty());
        later.now = kStart + 2 * kHour;
        restarted->onTimer(later, DcaStrategy::kTimerId);
        QCOMPARE(later.placed.size(), 1);

        // Restarted after missing many periods: one buy, then on schedule from now.
        auto lateStart = make(QStringLiteral("dca"), params);
        lateStart->restoreState(state);
        FakeStrategyContext muchLater(krwMarket());
        muchLater.now = kStart + 10 * kHour + 5;
        lateStart->onStart(muchLater);
        QCOMPARE(muchLater.placed.size(), 1);
        QCOMPARE(static_cast<DcaStrategy*>(lateStart.get())->nextBuyMs(), kStart + 11 * kHour + 5);
    }

    void dcaShortPeriodAndRefusals() {
        auto strategy =
            make(QStringLiteral("dca"), {{QStringLiteral("period"), QStringLiteral("30s")},
                                         {QStringLiteral("order_value"), QStringLiteral("6000")}});
        QVERIFY(strategy);
        FakeStrategyContext context(krwMarket());
        context.refusal = VenueError{ErrorKind::InsufficientFunds, {}, {}, {}, 0};
        strategy->onStart(context);
        QCOMPARE(context.timers.value(DcaStrategy::kTimerId), 30'000);
        QVERIFY(context.placed.isEmpty());
        QCOMPARE(context.logs.size(), 1);

        QVERIFY(refusal(QStringLiteral("dca"), {{QStringLiteral("period"), QStringLiteral("1w")},
                                                {QStringLiteral("order_value"), QStringLiteral("6000")}})
                    .contains(QStringLiteral("period")));
    }
};

QTEST_GUILESS_MAIN(TestBuiltinStrategies)
#include "tst_builtin_strategies.moc"
