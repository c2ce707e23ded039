// The simulator's KRX-like stocks: the KRX tick table and whole shares, the regular session (closed: a
// typed refusal), the daily ±30 % price limits, paper fills and the paper file keeping stock holdings.

#include "core/krx_market.h"
#include "core/order_validator.h"
#include "venues/kis/kis_tables.h"
#include "venues/sim/sim_book.h"
#include "venues/sim/sim_connector.h"
#include "venues/sim/sim_exchange.h"
#include "venues/sim/sim_paper_file.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace hoga;

namespace {

const QString kSamsung = QStringLiteral("005930");
const QString kHynix = QStringLiteral("000660");
const QString kKakao = QStringLiteral("035720");

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

qint64 kst(int y, int mo, int d, int h, int mi) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone(krx::kKstOffsetSeconds)).toMSecsSinceEpoch();
}

// Friday 2026-12-04 10:00 KST: in the regular session. Sunday 2026-12-06 10:00 KST: closed.
const qint64 kFridayOpen = kst(2026, 12, 4, 10, 0);
const qint64 kSundayClosed = kst(2026, 12, 6, 10, 0);

SimConfig manualConfig(const ManualClock* clock) {
    SimConfig config;
    config.autoRun = false;
    config.clock = clock;
    return config;
}

void stepFor(SimExchange& ex, ManualClock& clock, int steps) {
    for (int i = 0; i < steps; ++i) {
        clock.advanceMs(100);
        ex.step();
    }
}

Market marketOf(const SimExchange& ex, const QString& code) {
    for (const Market& m : ex.markets())
        if (m.code == code)
            return m;
    return {};
}

Balance balanceOf(const SimExchange& ex, const QString& currency) {
    for (const Balance& b : ex.balances())
        if (b.currency == currency)
            return b;
    Balance none;
    none.currency = currency;
    return none;
}

OrderRequest limit(const QString& market, Side side, const Decimal& price, const Decimal& qty) {
    return OrderRequest{market, side, OrderType::Limit, price, qty, {}, {}};
}

OrderRequest marketBuyQty(const QString& market, const Decimal& qty) {
    return OrderRequest{market, Side::Buy, OrderType::Market, {}, qty, {}, {}};
}

bool onTick(const TradingRules& rules, const Decimal& price) {
    return price.isPositive() && price.isMultipleOf(rules.tickFor(price));
}

} // namespace

class TestSimStocks : public QObject {
    Q_OBJECT
private slots:
    void krxTablesAreSharedWithKis();
    void dailyPriceLimitsRoundInward();
    void listsStocksWithKrxRules();
    void tickTableAppliesToBookTradesAndCandles();
    void wholeSharesAreEnforced();
    void closedSessionRefusesOrdersWithAVenueError();
    void closedSessionFreezesTheMarket();
    void validatorExplainsAClosedMarket();
    void inSessionPaperOrdersFill();
    void limitOrdersOutsideThePriceLimitsAreRefused();
    void bookStaysInsideThePriceLimits();
    void aNewTradingDayMovesTheLimitsToTheLastClose();
    void stockHoldingSurvivesThePaperFile();
};

void TestSimStocks::krxTablesAreSharedWithKis() {
    const QVector<PriceBand> bands = krx::tickBands();
    QCOMPARE(bands.size(), 7);
    const QVector<PriceBand> kisBands = kis::krxTickBands();
    QCOMPARE(kisBands.size(), bands.size());
    for (qsizetype i = 0; i < bands.size(); ++i) {
        QCOMPARE(kisBands[i].fromPrice, bands[i].fromPrice);
        QCOMPARE(kisBands[i].tick, bands[i].tick);
    }
    QCOMPARE(kis::krxRules().session, MarketSession::KrxRegular);
    QVERIFY(kis::isRegularSession(kFridayOpen) && krx::isRegularSession(kFridayOpen));
    QVERIFY(!kis::isRegularSession(kSundayClosed) && !krx::isRegularSession(kSundayClosed));
    QVERIFY(!krx::isRegularSession(kst(2026, 12, 4, 8, 59)));
    QVERIFY(krx::isRegularSession(kst(2026, 12, 4, 15, 29)));
    QVERIFY(!krx::isRegularSession(kst(2026, 12, 4, 15, 30)));
    QCOMPARE(krx::kstDay(kst(2026, 12, 4, 0, 0)), krx::kstDay(kst(2026, 12, 4, 23, 59)));
    QCOMPARE(krx::kstDay(kst(2026, 12, 5, 0, 0)), krx::kstDay(kst(2026, 12, 4, 23, 59)) + 1);
}

void TestSimStocks::dailyPriceLimitsRoundInward() {
    krx::PriceLimits l = krx::dailyPriceLimits(Decimal(98'000));
    QCOMPARE(l.upper, Decimal(127'400));
    QCOMPARE(l.lower, Decimal(68'600));
    // 13,065 and 7,035 are off the 10 KRW tick: the upper limit rounds down, the lower up.
    l = krx::dailyPriceLimits(Decimal(10'050));
    QCOMPARE(l.upper, Decimal(13'060));
    QCOMPARE(l.lower, Decimal(7'040));
    l = krx::dailyPriceLimits(Decimal(520'000));
    QCOMPARE(l.upper, Decimal(676'000));
    QCOMPARE(l.lower, Decimal(364'000));
}

void TestSimStocks::listsStocksWithKrxRules() {
    ManualClock clock(kFridayOpen);
    SimExchange ex(manualConfig(&clock));
    const QStringList expected{kSamsung, kHynix, kKakao};
    const QStringList localNames{QStringLiteral("삼성전자"), QStringLiteral("SK하이닉스"),
                                 QStringLiteral("카카오")};
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Market m = marketOf(ex, expected[i]);
        QVERIFY2(m.isValid(), qPrintable(expected[i]));
        QCOMPARE(m.base, m.code);
        QCOMPARE(m.quote, QStringLiteral("KRW"));
        QCOMPARE(m.localName, localNames[i]);
        QVERIFY(!m.displayName.isEmpty());
        QCOMPARE(m.rules.qtyStep, Decimal(1));
        QCOMPARE(m.rules.minQty, Decimal(1));
        QCOMPARE(m.rules.session, MarketSession::KrxRegular);
        QCOMPARE(m.rules.tickFor(Decimal(42'000)), Decimal(50));
        QCOMPARE(m.rules.tickFor(Decimal(98'000)), Decimal(100));
        QCOMPARE(m.rules.tickFor(Decimal(520'000)), Decimal(1000));
    }
    // The coins never close.
    QCOMPARE(marketOf(ex, QStringLiteral("KRW-BTC")).rules.session, MarketSession::Always);
}

void TestSimStocks::tickTableAppliesToBookTradesAndCandles() {
    ManualClock clock(kFridayOpen);
    SimExchange ex(manualConfig(&clock));
    stepFor(ex, clock, 300);
    for (const QString& code : {kSamsung, kHynix, kKakao}) {
        const TradingRules rules = marketOf(ex, code).rules;
        const OrderBook book = ex.orderBook(code, 30).value();
        QCOMPARE(book.bids().size(), 30);
        QCOMPARE(book.asks().size(), 30);
        QVERIFY(book.bids().first().price < book.asks().first().price);
        for (const auto* side : {&book.bids(), &book.asks()}) {
            for (const BookLevel& level : *side) {
                QVERIFY2(onTick(rules, level.price), qPrintable(code + ' ' + level.price.toString()));
                QVERIFY(level.qty.isPositive() && level.qty.isMultipleOf(Decimal(1)));
            }
        }
        // Near the top a level holds hundreds to tens of thousands of shares, not fractions.
        QVERIFY(book.bids().first().qty >= Decimal(1));
        const QVector<Trade> trades = ex.recentTrades(code, 500).value();
        QVERIFY2(trades.size() > 50, qPrintable(code));
        for (const Trade& t : trades) {
            QVERIFY2(onTick(rules, t.price), qPrintable(code + ' ' + t.price.toString()));
            QVERIFY(t.qty.isPositive() && t.qty.isMultipleOf(Decimal(1)));
        }
        QVERIFY(onTick(rules, ex.tickers({code}).value().first().last));
        CandleQuery query;
        query.market = code;
        query.interval = CandleInterval::D1;
        query.count = 60;
        const QVector<Candle> days = ex.candles(query).value();
        QCOMPARE(days.size(), 60);
        for (const Candle& c : days)
            QVERIFY2(onTick(rules, c.open) && onTick(rules, c.high) && onTick(rules, c.low) &&
                         onTick(rules, c.close),
                     qPrintable(code));
    }
}

void TestSimStocks::wholeSharesAreEnforced() {
    ManualClock clock(kFridayOpen);
    SimExchange ex(manualConfig(&clock));
    stepFor(ex, clock, 5);
    const Decimal bid = ex.orderBook(kSamsung, 1).value().bids().first().price;
    const Result<Order> fraction = ex.createOrder(limit(kSamsung, Side::Buy, bid, dec("1.5")), nullptr);
    QVERIFY(!fraction.ok());
    QCOMPARE(fraction.error().kind, ErrorKind::InvalidOrder);
    QCOMPARE(fraction.error().venueCode, QStringLiteral("invalid_volume_bid"));
    const Result<Order> offTick = ex.createOrder(limit(kSamsung, Side::Buy, bid + Decimal(50), 1), nullptr);
    QVERIFY(!offTick.ok());
    QCOMPARE(offTick.error().venueCode, QStringLiteral("invalid_price_bid"));
    QVERIFY(ex.createOrder(limit(kSamsung, Side::Buy, bid, 3), nullptr).ok());
}

void TestSimStocks::closedSessionRefusesOrdersWithAVenueError() {
    ManualClock clock(kSundayClosed);
    SimExchange ex(manualConfig(&clock));
    const Decimal kwBefore = balanceOf(ex, QStringLiteral("KRW")).free;
    const Result<Order> refused = ex.createOrder(marketBuyQty(kSamsung, 1), nullptr);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Venue);
    QCOMPARE(refused.error().venueCode, QStringLiteral("market_closed"));
    QVERIFY2(refused.error().detail.contains(QStringLiteral("09:00-15:30 KST")),
             qPrintable(refused.error().detail));
    QVERIFY(!refused.error().userMessage().isEmpty());
    QCOMPARE(balanceOf(ex, QStringLiteral("KRW")).free, kwBefore); // nothing locked
    // The coins trade on.
    QVERIFY(
        ex.createOrder(OrderRequest{QStringLiteral("KRW-XRP"), Side::Buy, OrderType::Market, {}, 10, {}, {}},
                       nullptr)
            .ok());

    // The bell at 15:30 closes the session to the minute; 15:29 is still in it.
    clock.setMs(kst(2026, 12, 4, 15, 29));
    QVERIFY(ex.createOrder(marketBuyQty(kSamsung, 1), nullptr).ok());
    clock.setMs(kst(2026, 12, 4, 15, 30));
    QCOMPARE(ex.createOrder(marketBuyQty(kSamsung, 1), nullptr).error().venueCode,
             QStringLiteral("market_closed"));
}

void TestSimStocks::closedSessionFreezesTheMarket() {
    ManualClock clock(kSundayClosed);
    SimExchange ex(manualConfig(&clock));
    const OrderBook before = ex.orderBook(kHynix, 30).value();
    QVERIFY(!before.bids().isEmpty() && !before.asks().isEmpty()); // the last book stays on show
    for (int i = 0; i < 200; ++i) {
        clock.advanceMs(100);
        const SimEvents events = ex.step();
        for (const Trade& t : events.trades)
            QVERIFY2(t.market.front().isLetter(), qPrintable(t.market)); // coins only
        QVERIFY(!events.markets.contains(kHynix));
    }
    const OrderBook after = ex.orderBook(kHynix, 30).value();
    QCOMPARE(after.bids(), before.bids());
    QCOMPARE(after.asks(), before.asks());
    QVERIFY(ex.recentTrades(kHynix, 10).value().isEmpty());
}

void TestSimStocks::validatorExplainsAClosedMarket() {
    ManualClock clock(kSundayClosed);
    SimExchange ex(manualConfig(&clock));
    const Market samsung = marketOf(ex, kSamsung);
    const std::optional<ValidationIssue> closed = OrderValidator::checkSession(samsung, kSundayClosed);
    QVERIFY(closed);
    QCOMPARE(closed->code, ValidationIssue::MarketClosed);
    QVERIFY(closed->message.contains(QStringLiteral("closed")));
    QVERIFY(!OrderValidator::checkSession(samsung, kFridayOpen));
    QVERIFY(!OrderValidator::checkSession(marketOf(ex, QStringLiteral("KRW-BTC")), kSundayClosed));
    // The KIS venue's markets carry the same session.
    QVERIFY(OrderValidator::checkSession(kis::stockMarket(kSamsung), kSundayClosed));
}

void TestSimStocks::inSessionPaperOrdersFill() {
    ManualClock clock(kFridayOpen);
    SimExchange ex(manualConfig(&clock));
    stepFor(ex, clock, 20);
    const Decimal krwBefore = balanceOf(ex, QStringLiteral("KRW")).free;
    SimEvents events;
    const Result<Order> buy = ex.createOrder(marketBuyQty(kSamsung, 10), &events);
    QVERIFY2(buy.ok(), buy.ok() ? "" : qPrintable(buy.error().userMessage()));
    QCOMPARE(buy.value().state, OrderState::Filled);
    QCOMPARE(buy.value().filledQty, Decimal(10));
    Decimal cost;
    Decimal fees;
    for (const Fill& f : events.fills) {
        QCOMPARE(f.market, kSamsung);
        cost += f.price * f.qty;
        fees += f.fee;
    }
    QCOMPARE(fees, cost * dec("0.00015"));
    QCOMPARE(balanceOf(ex, kSamsung).free, Decimal(10));
    QCOMPARE(balanceOf(ex, QStringLiteral("KRW")).free, krwBefore - cost - fees);
    QCOMPARE(balanceOf(ex, kSamsung).avgBuyCurrency, QStringLiteral("KRW"));

    // A limit sell at the best bid fills at once; one resting above the market waits.
    const Decimal bid = ex.orderBook(kSamsung, 1).value().bids().first().price;
    const Result<Order> sell = ex.createOrder(limit(kSamsung, Side::Sell, bid, 4), nullptr);
    QVERIFY(sell.ok());
    QCOMPARE(sell.value().state, OrderState::Filled);
    QCOMPARE(balanceOf(ex, kSamsung).free, Decimal(6));
    const Decimal ask = ex.orderBook(kSamsung, 1).value().asks().first().price;
    const Result<Order> rest = ex.createOrder(limit(kSamsung, Side::Sell, ask + Decimal(1000), 2), nullptr);
    QVERIFY(rest.ok());
    QVERIFY(rest.value().isOpen());
    QCOMPARE(balanceOf(ex, kSamsung).locked, Decimal(2));
}

void TestSimStocks::limitOrdersOutsideThePriceLimitsAreRefused() {
    ManualClock clock(kFridayOpen);
    SimExchange ex(manualConfig(&clock));
    stepFor(ex, clock, 5);
    const Ticker t = ex.tickers({kKakao}).value().first();
    const krx::PriceLimits band = krx::dailyPriceLimits(t.prevClose);
    const Decimal above = band.upper + marketOf(ex, kKakao).rules.tickFor(band.upper);
    const Result<Order> tooHigh = ex.createOrder(limit(kKakao, Side::Buy, above, 1), nullptr);
    QVERIFY(!tooHigh.ok());
    QCOMPARE(tooHigh.error().kind, ErrorKind::InvalidOrder);
    QCOMPARE(tooHigh.error().venueCode, QStringLiteral("invalid_price_bid"));
    QVERIFY2(tooHigh.error().detail.contains(QStringLiteral("price limits")),
             qPrintable(tooHigh.error().detail));
    const Decimal below = band.lower - marketOf(ex, kKakao).rules.tickFor(band.lower);
    QCOMPARE(ex.createOrder(limit(kKakao, Side::Sell, below, 1), nullptr).error().venueCode,
             QStringLiteral("invalid_price_ask"));
    // At the limit itself the order is taken (a buy at the upper limit crosses and fills).
    QVERIFY(ex.createOrder(limit(kKakao, Side::Buy, band.upper, 1), nullptr).ok());
    QVERIFY(ex.createOrder(limit(kKakao, Side::Buy, band.lower, 1), nullptr).ok());
}

void TestSimStocks::bookStaysInsideThePriceLimits() {
    // The crowd never quotes beyond the limits, even when the fair value runs past them.
    TradingRules rules;
    rules.tickBands = krx::tickBands();
    rules.qtyStep = Decimal(1);
    sim::SimBook book(rules, Decimal(1000));
    sim::SimRandom rng(7);
    const krx::PriceLimits band = krx::dailyPriceLimits(Decimal(98'000));
    book.setPriceLimits(band.lower, band.upper);
    book.recentre(Decimal(200'000), rng); // far above the upper limit
    QCOMPARE(*book.bestBid(), band.upper);
    QVERIFY(!book.bestAsk());            // at the upper limit nobody sells above it
    book.recentre(Decimal(10'000), rng); // far below the lower limit
    QVERIFY(*book.bestBid() >= band.lower);
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    book.topLevels(30, &bids, &asks);
    for (const BookLevel& l : bids + asks)
        QVERIFY2(l.price >= band.lower && l.price <= band.upper, qPrintable(l.price.toString()));

    // And in the running simulator.
    ManualClock clock(kFridayOpen);
    SimExchange ex(manualConfig(&clock));
    stepFor(ex, clock, 100);
    for (const QString& code : {kSamsung, kHynix, kKakao}) {
        const krx::PriceLimits limits = krx::dailyPriceLimits(ex.tickers({code}).value().first().prevClose);
        const OrderBook ob = ex.orderBook(code, 30).value();
        for (const BookLevel& l : ob.bids() + ob.asks())
            QVERIFY(l.price >= limits.lower && l.price <= limits.upper);
    }
}

void TestSimStocks::aNewTradingDayMovesTheLimitsToTheLastClose() {
    ManualClock clock(kst(2026, 12, 4, 15, 0));
    SimExchange ex(manualConfig(&clock));
    const Decimal firstClose = ex.tickers({kHynix}).value().first().prevClose;
    stepFor(ex, clock, 300);
    clock.setMs(kst(2026, 12, 4, 16, 0)); // after the close: frozen
    ex.step();
    const Decimal lastPrice = ex.tickers({kHynix}).value().first().last;
    QCOMPARE(ex.tickers({kHynix}).value().first().prevClose, firstClose);
    clock.setMs(kst(2026, 12, 7, 9, 0)); // Monday's open
    ex.step();
    const Ticker monday = ex.tickers({kHynix}).value().first();
    QCOMPARE(monday.prevClose, lastPrice);
    QCOMPARE(monday.change, monday.last - lastPrice);
}

void TestSimStocks::stockHoldingSurvivesThePaperFile() {
    ManualClock clock(kFridayOpen);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SimPaperFile file(dir.filePath(QStringLiteral("paper.json")));
    Balance held;
    Balance krw;
    {
        SimExchange ex(manualConfig(&clock));
        stepFor(ex, clock, 10);
        QVERIFY(ex.createOrder(marketBuyQty(kHynix, 7), nullptr).ok());
        const Decimal ask = ex.orderBook(kHynix, 1).value().asks().first().price;
        QVERIFY(ex.createOrder(limit(kHynix, Side::Sell, ask + Decimal(5000), 3), nullptr).ok());
        held = balanceOf(ex, kHynix);
        krw = balanceOf(ex, QStringLiteral("KRW"));
        QCOMPARE(held.free, Decimal(4));
        QCOMPARE(held.locked, Decimal(3));
        QVERIFY(!file.save(ex.paperState()));
    }
    SimExchange restored(manualConfig(&clock));
    SimPaperState state;
    QVERIFY(!file.load(&state));
    restored.restorePaperState(state);
    const Balance back = balanceOf(restored, kHynix);
    QCOMPARE(back.free, held.free);
    QCOMPARE(back.locked, held.locked);
    QCOMPARE(back.avgBuyPrice, held.avgBuyPrice);
    QCOMPARE(back.avgBuyCurrency, held.avgBuyCurrency);
    QCOMPARE(balanceOf(restored, QStringLiteral("KRW")).free, krw.free);
    QCOMPARE(restored.openOrders(kHynix).value().size(), 1);
    // Out of session the restored order can still be cancelled (the venue takes cancels), releasing shares.
    clock.setMs(kSundayClosed);
    QVERIFY(restored.cancelOrder(OrderRef{restored.openOrders(kHynix).value().first().id, {}}, nullptr).ok());
    QCOMPARE(balanceOf(restored, kHynix).free, Decimal(7));
}

QTEST_GUILESS_MAIN(TestSimStocks)
#include "tst_sim_stocks.moc"
