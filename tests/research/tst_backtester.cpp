// The backtester on small hand-computed series: every fill rule, the simulated account's refusals, each
// metric, candles from CSV and from recorded trades, and the parameter sweep.

#include "research/backtest/backtest_metrics.h"
#include "research/backtest/backtester.h"
#include "research/backtest/candle_csv.h"
#include "research/backtest/parameter_sweep.h"
#include "research/backtest/recorded_candles.h"

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>

using namespace hoga;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kStart = 1'700'000'000'000 - 1'700'000'000'000 % kDay;

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

Candle candle(int index, const char* o, const char* h, const char* l, const char* c) {
    return Candle{kStart + index * kDay, d(o), d(h), d(l), d(c), d("1"), {}};
}

BacktestConfig config(const char* cash = "1000", const char* fee = "0", const char* step = "0.01") {
    BacktestConfig cfg;
    cfg.market.venue = QStringLiteral("sim");
    cfg.market.code = QStringLiteral("KRW-BTC");
    cfg.market.base = QStringLiteral("BTC");
    cfg.market.quote = QStringLiteral("KRW");
    cfg.market.rules.qtyStep = d(step);
    cfg.initialCash = d(cash);
    cfg.feeRate = d(fee);
    cfg.interval = CandleInterval::D1;
    return cfg;
}

OrderIntent marketBuyTotal(const char* total) {
    OrderIntent i;
    i.side = Side::Buy;
    i.type = OrderType::Market;
    i.total = d(total);
    return i;
}

OrderIntent market(Side side, const char* qty) {
    OrderIntent i;
    i.side = side;
    i.type = OrderType::Market;
    i.qty = d(qty);
    return i;
}

OrderIntent limit(Side side, const char* price, const char* qty) {
    OrderIntent i;
    i.side = side;
    i.type = OrderType::Limit;
    i.price = d(price);
    i.qty = d(qty);
    return i;
}

// Places the scripted orders on the given candles' closes and remembers what it was told.
class ScriptedStrategy final : public Strategy {
public:
    std::multimap<int, OrderIntent> script; // candle index -> order placed on its close
    std::map<int, QString> cancelAt;        // candle index -> client id to cancel on its close
    QVector<Result<QString>> placed;
    QVector<Fill> fills;
    QVector<Order> updates;
    QVector<qint64> candleTimes; // nowMs() in onCandle
    QVector<qint64> fillTimes;   // nowMs() in onFill
    QVector<Balance> cashSeen;   // balance(quote) after each candle's orders
    int timerCalls = 0;
    qint64 timerMs = 0;
    int index = 0;

    QString id() const override { return QStringLiteral("scripted"); }
    StrategyNeeds needs() const override {
        StrategyNeeds n;
        n.candles = CandleInterval::D1;
        return n;
    }
    void onStart(StrategyContext& ctx) override {
        if (timerMs > 0)
            ctx.startTimer(7, timerMs);
    }
    void onCandle(StrategyContext& ctx, const Candle&, CandleInterval) override {
        candleTimes.append(ctx.nowMs());
        auto [from, to] = script.equal_range(index);
        for (auto it = from; it != to; ++it)
            placed.append(ctx.placeOrder(it->second));
        if (auto c = cancelAt.find(index); c != cancelAt.end())
            ctx.cancelOrder(c->second);
        cashSeen.append(ctx.balance(ctx.market().quote));
        ++index;
    }
    void onFill(StrategyContext& ctx, const Fill& fill) override {
        fills.append(fill);
        fillTimes.append(ctx.nowMs());
    }
    void onOrderUpdate(StrategyContext&, const Order& order) override { updates.append(order); }
    void onTimer(StrategyContext&, int) override { ++timerCalls; }
};

// The four-day series the metric tests use (fee 0, step 0.01).
QVector<Candle> fourDays() {
    return {candle(0, "100", "100", "100", "100"), candle(1, "100", "110", "100", "110"),
            candle(2, "120", "120", "120", "120"), candle(3, "90", "90", "90", "90")};
}

} // namespace

class TestBacktester : public QObject {
    Q_OBJECT
private slots:
    void marketOrderFillsAtTheNextOpenWithFeeAndStep();
    void marketOrderOnTheLastCandleNeverFills();
    void limitBuyFillsOnlyWhenALaterCandleTradesThrough();
    void limitSellFillsOnlyWhenALaterCandleTradesThrough();
    void limitOrdersReserveAndCancelReleases();
    void noTradeWithMoneyTheAccountLacks();
    void marketBuyByQuantityIsCutToTheCash();
    void statisticsFormulas();
    void metricsOfAWholeRun();
    void lossesGiveAFiniteProfitFactorAndDrawdown();
    void timersFollowTheSimulatedClock();
    void csvReadAndWrite();
    void csvErrors();
    void candlesFromRecordedTrades();
    void sweepRunsEveryCombinationInOrder();
    void longRunEquityAndMetricsFollowTheFormulas();
};

void TestBacktester::marketOrderFillsAtTheNextOpenWithFeeAndStep() {
    const QVector<Candle> candles{candle(0, "100", "110", "90", "105"), candle(1, "106", "109", "104", "108"),
                                  candle(2, "107", "111", "106", "110")};
    ScriptedStrategy s;
    s.script.insert({0, marketBuyTotal("1000")});
    const BacktestConfig c = config("1000", "0.001", "0.0001");
    const BacktestResult r = Backtester::run(s, candles, c);
    QCOMPARE(s.placed.size(), 1);
    QVERIFY(s.placed[0].ok());
    QCOMPARE(r.fills.size(), 1);
    QCOMPARE(r.fills[0].candleIndex, 1);
    QCOMPARE(r.fills[0].orderNumber, 1);
    // The compact record gives the engine's Fill back whole: what the strategy's onFill saw.
    const Fill f = r.fills[0].toFill(c.market, 1);
    QCOMPARE(f.clientId, s.placed[0].value());
    QCOMPARE(f.tradeId, QStringLiteral("bt-fill-1"));
    // Decided on candle 0's close, filled at candle 1's open: qty = floor(1000 / (106 * 1.001), 0.0001).
    QCOMPARE(f.price, d("106"));
    QCOMPARE(f.qty, d("9.4245"));
    QCOMPARE(f.fee, d("0.998997")); // 0.001 * 9.4245 * 106
    QCOMPARE(f.feeCurrency, QStringLiteral("KRW"));
    QCOMPARE(f.timestampMs, candles[1].openTimeMs);
    QCOMPARE(s.fillTimes, QVector<qint64>{candles[1].openTimeMs});
    QCOMPARE(r.fills[0].cashAfter, d("0.004003")); // 1000 - 998.997 - 0.998997
    QCOMPARE(r.fills[0].baseAfter, d("9.4245"));
    // The strategy sees the candle at its close time.
    QCOMPARE(s.candleTimes[0], candles[0].openTimeMs + kDay);
    QCOMPARE(r.equity.size(), 3);
    QCOMPARE(r.equity[0].equity, d("1000"));
    QCOMPARE(r.equity[1].equity, d("1017.850003")); // 0.004003 + 9.4245 * 108
    QCOMPARE(r.equity[2].equity, d("1036.699003")); // 0.004003 + 9.4245 * 110
    QCOMPARE(r.metrics.fees, d("0.998997"));
    QCOMPARE(s.updates.size(), 1);
    QCOMPARE(s.updates[0].state, OrderState::Filled);
    QCOMPARE(s.updates[0].filledQty, d("9.4245"));
}

void TestBacktester::marketOrderOnTheLastCandleNeverFills() {
    ScriptedStrategy s;
    s.script.insert({3, market(Side::Buy, "1")});
    const BacktestResult r = Backtester::run(s, fourDays(), config());
    QVERIFY(r.fills.isEmpty());
    QCOMPARE(r.metrics.finalEquity, d("1000"));
}

void TestBacktester::limitBuyFillsOnlyWhenALaterCandleTradesThrough() {
    // Placed on candle 0 (whose low 90 is already below 95: no fill, it was decided on that close); candle 1
    // only touches 95 (no fill); candle 2 trades through (low 94): filled at 95, not at 94 or the open.
    const QVector<Candle> candles{candle(0, "100", "101", "90", "100"), candle(1, "100", "101", "95", "100"),
                                  candle(2, "100", "101", "94", "96"), candle(3, "96", "97", "80", "90")};
    ScriptedStrategy s;
    s.script.insert({0, limit(Side::Buy, "95", "2")});
    const BacktestResult r = Backtester::run(s, candles, config("1000", "0.01"));
    QCOMPARE(r.fills.size(), 1);
    QCOMPARE(r.fills[0].timestampMs, candles[2].openTimeMs);
    QCOMPARE(r.fills[0].price, d("95"));
    QCOMPARE(r.fills[0].qty, d("2"));
    QCOMPARE(r.fills[0].fee, d("1.9"));
    QVERIFY(r.fills[0].maker);
    QCOMPARE(r.fills[0].cashAfter, d("808.1")); // 1000 - 190 - 1.9
    QCOMPARE(r.equity[1].equity, d("1000"));    // reserved cash is still the account's
    QCOMPARE(r.equity[2].equity, d("1000.1"));  // 808.1 + 2 * 96
}

void TestBacktester::limitSellFillsOnlyWhenALaterCandleTradesThrough() {
    const QVector<Candle> candles{candle(0, "100", "100", "100", "100"), candle(1, "100", "105", "99", "104"),
                                  candle(2, "104", "110", "103", "109"),
                                  candle(3, "109", "112", "108", "111")};
    ScriptedStrategy s;
    s.script.insert({0, market(Side::Buy, "5")});        // fills at candle 1's open, 100
    s.script.insert({1, limit(Side::Sell, "110", "5")}); // candle 2's high only touches 110
    const BacktestResult r = Backtester::run(s, candles, config("1000"));
    QCOMPARE(r.fills.size(), 2);
    QCOMPARE(r.fills[1].side, Side::Sell);
    QCOMPARE(r.fills[1].timestampMs, candles[3].openTimeMs);
    QCOMPARE(r.fills[1].price, d("110"));
    QCOMPARE(r.fills[1].realizedPnl, d("50"));
    QCOMPARE(r.metrics.finalEquity, d("1050"));
}

void TestBacktester::limitOrdersReserveAndCancelReleases() {
    ScriptedStrategy s;
    s.script.insert({0, limit(Side::Buy, "50", "4")}); // never reached: reserves 4 * 50 * 1.01 = 202
    s.cancelAt.insert({1, QStringLiteral("bt-1")});
    const BacktestResult r = Backtester::run(s, fourDays(), config("1000", "0.01"));
    QVERIFY(s.placed[0].ok());
    QCOMPARE(s.placed[0].value(), QStringLiteral("bt-1"));
    QCOMPARE(s.cashSeen[0].free, d("798"));
    QCOMPARE(s.cashSeen[0].locked, d("202"));
    QCOMPARE(s.cashSeen[1].free, d("1000")); // cancelled on candle 1
    QCOMPARE(s.cashSeen[1].locked, d("0"));
    QVERIFY(r.fills.isEmpty());
    QCOMPARE(r.equity[0].equity, d("1000")); // reserved cash is still the account's
}

void TestBacktester::noTradeWithMoneyTheAccountLacks() {
    ScriptedStrategy s;
    s.script.insert({0, limit(Side::Buy, "100", "10")}); // 1000 * 1.001 > 1000: refused
    s.script.insert({0, limit(Side::Buy, "100", "9")});  // 900.9: reserved
    s.script.insert({0, limit(Side::Buy, "100", "1")});  // 100.1 > 99.1 left: refused
    s.script.insert({0, market(Side::Sell, "1")});       // nothing held: refused
    s.script.insert({0, market(Side::Buy, "0.004")});    // rounds down to 0 at step 0.01: refused
    s.script.insert({0, limit(Side::Sell, "200", "1")}); // nothing held: refused
    const BacktestResult r = Backtester::run(s, fourDays(), config("1000", "0.001"));
    QCOMPARE(s.placed.size(), 6);
    QCOMPARE(s.placed[0].error().kind, ErrorKind::InsufficientFunds);
    QVERIFY(s.placed[1].ok());
    QCOMPARE(s.placed[2].error().kind, ErrorKind::InsufficientFunds);
    QCOMPARE(s.placed[3].error().kind, ErrorKind::InsufficientFunds);
    QCOMPARE(s.placed[4].error().kind, ErrorKind::InvalidOrder);
    QCOMPARE(s.placed[5].error().kind, ErrorKind::InsufficientFunds);
    QCOMPARE(r.refusals.size(), 5);
    QCOMPARE(r.fills.size(), 1); // candle 3's low (90) trades through the reserved buy at 100
    QCOMPARE(r.fills[0].qty, d("9"));
    QCOMPARE(r.fills[0].price, d("100"));
    QCOMPARE(r.fills[0].cashAfter, d("99.1"));
}

void TestBacktester::marketBuyByQuantityIsCutToTheCash() {
    ScriptedStrategy s;
    s.script.insert({0, market(Side::Buy, "50")}); // wants 50 at 100 = 5000; 1000 buys 9.99 with a 0.1 % fee
    const BacktestResult r = Backtester::run(s, fourDays(), config("1000", "0.001"));
    QCOMPARE(r.fills.size(), 1);
    QCOMPARE(r.fills[0].qty, d("9.99"));
    QCOMPARE(r.fills[0].cashAfter, d("0.001")); // 1000 - 999 - 0.999
    QVERIFY(!r.fills[0].cashAfter.isNegative());
    QCOMPARE(s.updates[0].state, OrderState::Cancelled); // the rest, like IOC
}

void TestBacktester::statisticsFormulas() {
    QCOMPARE(BacktestStatistics::maxDrawdown({100, 120, 90, 130, 65}), 0.5);
    QCOMPARE(BacktestStatistics::maxDrawdown({100, 110, 120}), 0.0);
    const QVector<double> r = BacktestStatistics::returns(100, {110, 104.5, 106.59});
    QCOMPARE(r.size(), 3);
    QVERIFY(qAbs(r[0] - 0.1) < 1e-12 && qAbs(r[1] + 0.05) < 1e-12 && qAbs(r[2] - 0.02) < 1e-12);
    // mean 0.0233333, sample sd 0.0750555, downside deviation sqrt(0.0025 / 3)
    QVERIFY(qAbs(BacktestStatistics::sharpe({0.1, -0.05, 0.02}, 1) - 0.31088091417902924) < 1e-12);
    QVERIFY(qAbs(BacktestStatistics::sharpe({0.1, -0.05, 0.02}, 365) - 5.939371525867696) < 1e-9);
    QVERIFY(qAbs(BacktestStatistics::sortino({0.1, -0.05, 0.02}, 1) - 0.808290376865476) < 1e-12);
    QCOMPARE(BacktestStatistics::sharpe({0.01, 0.01}, 365), 0.0);  // no variation: undefined, reported 0
    QCOMPARE(BacktestStatistics::sortino({0.01, 0.02}, 365), 0.0); // no downside
    QCOMPARE(BacktestStatistics::sharpe({0.01}, 365), 0.0);
}

void TestBacktester::metricsOfAWholeRun() {
    // Buy 10 at 100 (candle 1's open), sell them at 120 (candle 2's open), buy 13.33 at 90 (candle 3's open).
    ScriptedStrategy s;
    s.script.insert({0, marketBuyTotal("1000")});
    s.script.insert({1, market(Side::Sell, "10")});
    s.script.insert({2, marketBuyTotal("1200")});
    const BacktestResult r = Backtester::run(s, fourDays(), config());
    QCOMPARE(r.fills.size(), 3);
    QCOMPARE(r.fills[2].qty, d("13.33"));
    const QVector<Decimal> expectedEquity{d("1000"), d("1100"), d("1200"), d("1200")}; // 0.3 + 13.33 * 90
    for (int i = 0; i < 4; ++i)
        QCOMPARE(r.equity[i].equity, expectedEquity[i]);
    const BacktestMetrics& m = r.metrics;
    QCOMPARE(m.candles, 4);
    QCOMPARE(m.finalEquity, d("1200"));
    QCOMPARE(m.trades, 3);
    QCOMPARE(m.roundTrips, 1);
    QCOMPARE(m.wins, 1);
    QCOMPARE(m.winRate, 1.0);
    QCOMPARE(m.profitFactor, std::numeric_limits<double>::infinity());
    QCOMPARE(r.fills[1].realizedPnl, d("200"));
    QCOMPARE(m.fees, d("0"));
    QCOMPARE(m.exposure, 0.5); // held at the closes of candles 1 and 3
    QVERIFY(qAbs(m.totalReturn - 0.2) < 1e-12);
    QCOMPARE(m.maxDrawdown, 0.0);
    QCOMPARE(m.periodsPerYear, 365.0);
    QVERIFY(qAbs(m.cagr - (std::pow(1.2, 365.0 / 4) - 1)) / m.cagr < 1e-9);
    // Returns 0, 0.1, 1/11, 0.
    const double r2 = 1.0 / 11;
    const double mean = (0.1 + r2) / 4;
    const double sd =
        std::sqrt((mean * mean * 2 + (0.1 - mean) * (0.1 - mean) + (r2 - mean) * (r2 - mean)) / 3);
    QVERIFY(qAbs(m.sharpe - mean / sd * std::sqrt(365.0)) < 1e-9);
    QCOMPARE(m.sortino, 0.0); // no losing candle
    // Buy and hold: 10 at 100, worth 900 at the last close.
    QCOMPARE(m.buyHoldFinalEquity, d("900"));
    QVERIFY(qAbs(m.buyHoldReturn + 0.1) < 1e-12);
}

void TestBacktester::lossesGiveAFiniteProfitFactorAndDrawdown() {
    const QVector<Candle> candles{
        candle(0, "100", "100", "100", "100"), candle(1, "100", "100", "100", "100"),
        candle(2, "80", "80", "80", "80"),     candle(3, "80", "80", "80", "80"),
        candle(4, "120", "120", "120", "120"), candle(5, "120", "120", "120", "120")};
    ScriptedStrategy s;
    s.script.insert({0, market(Side::Buy, "5")});  // 5 at 100
    s.script.insert({1, market(Side::Sell, "5")}); // at 80: -100
    s.script.insert({2, market(Side::Buy, "5")});  // 5 at 80
    s.script.insert({3, market(Side::Sell, "5")}); // at 120: +200
    const BacktestResult r = Backtester::run(s, candles, config());
    QCOMPARE(r.metrics.roundTrips, 2);
    QCOMPARE(r.metrics.wins, 1);
    QCOMPARE(r.metrics.winRate, 0.5);
    QCOMPARE(r.metrics.profitFactor, 2.0);
    // Equity 1000, 1000, 900 (5 at 80 + 500), 900, 1100, 1100: the worst fall is 100 from 1000.
    QCOMPARE(r.equity[2].equity, d("900"));
    QVERIFY(qAbs(r.metrics.maxDrawdown - 0.1) < 1e-12);
    QCOMPARE(r.metrics.finalEquity, d("1100"));
}

void TestBacktester::timersFollowTheSimulatedClock() {
    ScriptedStrategy s;
    s.timerMs = kDay; // started at the first open: due at each close
    Backtester::run(s, fourDays(), config());
    QCOMPARE(s.timerCalls, 4);
}

void TestBacktester::csvReadAndWrite() {
    QByteArray text = "open_time,open,high,low,close,volume\n"
                      "1700000000000,45000000,45100000.5,44900000,45050000,0.12345678\n"
                      "\n"
                      "1700000060000,45050000,45060000,45000000,45010000,1e-8\n";
    QBuffer in(&text);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const CandleCsv::ReadResult r = CandleCsv::read(in);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.candles.size(), 2);
    QCOMPARE(r.candles[0].openTimeMs, 1'700'000'000'000);
    QCOMPARE(r.candles[0].high, d("45100000.5"));
    QCOMPARE(r.candles[0].volume, d("0.12345678"));
    QCOMPARE(r.candles[1].volume, d("0.00000001"));
    QByteArray written;
    QBuffer out(&written);
    QVERIFY(out.open(QIODevice::WriteOnly));
    CandleCsv::write(out, r.candles);
    QCOMPARE(written, QByteArray("open_time,open,high,low,close,volume\n"
                                 "1700000000000,45000000,45100000.5,44900000,45050000,0.12345678\n"
                                 "1700000060000,45050000,45060000,45000000,45010000,0.00000001\n"));
    QCOMPARE(Backtester::candleLengthMs(r.candles), 60'000);
}

void TestBacktester::csvErrors() {
    const QList<QByteArray> bad{
        "",
        "time,open,high,low,close,volume\n1,1,1,1,1,1\n",
        "open_time,open,high,low,close,volume\n1,1,1,1,1\n",
        "open_time,open,high,low,close,volume\n1,1,1,1,x,1\n",
        "open_time,open,high,low,close,volume\n1,1,0.5,1,1,1\n", // high below low
        "open_time,open,high,low,close,volume\n2,1,1,1,1,1\n1,1,1,1,1,1\n",
    };
    for (QByteArray text : bad) {
        QBuffer in(&text);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY2(!CandleCsv::read(in).ok(), text.constData());
    }
    QVERIFY(!CandleCsv::readFile(QStringLiteral("/nonexistent/candles.csv")).ok());
}

void TestBacktester::candlesFromRecordedTrades() {
    auto trade = [](qint64 ts, const char* price, const char* qty) {
        Trade t;
        t.price = d(price);
        t.qty = d(qty);
        t.timestampMs = ts;
        return t;
    };
    const qint64 m0 = 1'700'000'040'000; // a minute boundary
    const QVector<Candle> c =
        candlesFromTrades({trade(m0 + 1, "100", "1"), trade(m0 + 30'000, "105", "2"),
                           trade(m0 + 59'999, "99", "0.5"), trade(m0 + 180'000, "101", "3")},
                          CandleInterval::M1);
    QCOMPARE(c.size(), 2); // the empty minutes are skipped
    QCOMPARE(c[0].openTimeMs, m0);
    QCOMPARE(c[0].open, d("100"));
    QCOMPARE(c[0].high, d("105"));
    QCOMPARE(c[0].low, d("99"));
    QCOMPARE(c[0].close, d("99"));
    QCOMPARE(c[0].volume, d("3.5"));
    QCOMPARE(c[1].openTimeMs, m0 + 180'000);
    QCOMPARE(c[1].close, d("101"));
}

void TestBacktester::sweepRunsEveryCombinationInOrder() {
    const ParameterSweep::Grid grid{
        {QStringLiteral("buy_on"), {QStringLiteral("0"), QStringLiteral("2")}},
        {QStringLiteral("qty"), {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("bad")}}};
    const QVector<StrategyParams> points = ParameterSweep::combinations(grid, {{QStringLiteral("x"), "y"}});
    QCOMPARE(points.size(), 6);
    QCOMPARE(points[0].value(QStringLiteral("buy_on")), QStringLiteral("0"));
    QCOMPARE(points[0].value(QStringLiteral("qty")), QStringLiteral("1"));
    QCOMPARE(points[1].value(QStringLiteral("qty")), QStringLiteral("2"));
    QCOMPARE(points[3].value(QStringLiteral("buy_on")), QStringLiteral("2"));
    QCOMPARE(points[5].value(QStringLiteral("x")), QStringLiteral("y"));

    const ParameterSweep::Factory factory = [](const StrategyParams& p) -> Result<std::unique_ptr<Strategy>> {
        const std::optional<Decimal> qty = Decimal::parse(p.value(QStringLiteral("qty")));
        if (!qty) {
            VenueError e;
            e.kind = ErrorKind::InvalidOrder;
            e.detail = QStringLiteral("qty is not a number");
            return e;
        }
        auto s = std::make_unique<ScriptedStrategy>();
        OrderIntent buy = market(Side::Buy, "0");
        buy.qty = *qty;
        s->script.insert({p.value(QStringLiteral("buy_on")).toInt(), buy});
        return std::unique_ptr<Strategy>(std::move(s));
    };
    std::atomic<int> calls{0};
    const QVector<SweepRun> runs =
        ParameterSweep::run(grid, {}, factory, fourDays(), config(), [&](int done, int total) {
            QVERIFY(done >= 1 && done <= total);
            QCOMPARE(total, 6);
            ++calls;
        });
    QCOMPARE(calls.load(), 6);
    QCOMPARE(runs.size(), 6);
    // buy_on 0: bought at 100 on candle 1, worth 90 at the end; buy_on 2: bought at 90.
    QCOMPARE(runs[0].metrics.finalEquity, d("990"));
    QCOMPARE(runs[1].metrics.finalEquity, d("980"));
    QVERIFY(!runs[2].error.isEmpty());
    QCOMPARE(runs[3].metrics.finalEquity, d("1000"));
    QCOMPARE(runs[4].metrics.finalEquity, d("1000"));
    QCOMPARE(runs[4].metrics.trades, 1);
}

QTEST_GUILESS_MAIN(TestBacktester)
// A long run on a random walk with fractional prices: the compact equity curve gives cash + base * close
// after the latest fill on every candle (by index and by iteration alike), and the metrics equal the
// reference formulas on that curve, bit for bit.
void TestBacktester::longRunEquityAndMetricsFollowTheFormulas() {
    QVector<Candle> candles;
    qint64 milli = 100'000; // price * 1000
    quint32 seed = 12345;
    for (int i = 0; i < 3000; ++i) {
        seed = seed * 1'664'525u + 1'013'904'223u; // a fixed LCG: the same walk on every machine
        const qint64 next = milli + qint64(seed >> 24) - 128;
        const Decimal o = Decimal::fromMantissa(milli, 3);
        const Decimal c = Decimal::fromMantissa(next, 3);
        candles.append(Candle{kStart + i * kDay,
                              o,
                              Decimal::max(o, c) + d("0.5"),
                              Decimal::min(o, c) - d("0.5"),
                              c,
                              d("1"),
                              {}});
        milli = next;
    }
    ScriptedStrategy s;
    for (int i = 0; i < 3000; i += 50) {
        s.script.insert({i, marketBuyTotal("300")});
        s.script.insert({i + 20, market(Side::Sell, "1")});
        s.script.insert({i + 35, market(Side::Sell, "1.5")});
    }
    const BacktestResult r = Backtester::run(s, candles, config("1000", "0.0005", "0.001"));
    QVERIFY(r.fills.size() > 100);
    QCOMPARE(r.equity.size(), candles.size());

    QVector<double> curve;
    qsizetype fill = -1;
    qsizetype i = 0;
    for (const EquityPoint& p : r.equity) {
        while (fill + 1 < r.fills.size() && r.fills[fill + 1].timestampMs <= candles[i].openTimeMs)
            ++fill;
        const Decimal cash = fill >= 0 ? r.fills[fill].cashAfter : d("1000");
        const Decimal base = fill >= 0 ? r.fills[fill].baseAfter : Decimal();
        const Decimal expected = base.isZero() ? cash : cash + base * candles[i].close;
        QCOMPARE(p.openTimeMs, candles[i].openTimeMs);
        QCOMPARE(p.equity, expected);
        QCOMPARE(r.equity[i].equity, expected);
        curve.append(expected.toDouble());
        ++i;
    }
    QCOMPARE(i, candles.size());

    const BacktestMetrics& m = r.metrics;
    QCOMPARE(m.finalEquity, r.equity.last().equity);
    const QVector<double> returns = BacktestStatistics::returns(1000, curve);
    QVector<double> fromInitial{1000};
    fromInitial.append(curve);
    QVERIFY(m.maxDrawdown > 0);
    QVERIFY(m.maxDrawdown == BacktestStatistics::maxDrawdown(fromInitial)); // exact, not fuzzy
    QVERIFY(m.sharpe != 0);
    QVERIFY(m.sharpe == BacktestStatistics::sharpe(returns, m.periodsPerYear));
    QVERIFY(m.sortino == BacktestStatistics::sortino(returns, m.periodsPerYear));
}

#include "tst_backtester.moc"
