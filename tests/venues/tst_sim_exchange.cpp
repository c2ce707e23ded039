// The simulated venue's own behaviour: determinism, books, matching and fees to the unit, balances, candles.

#include "conformance/connector_conformance.h"
#include "conformance/stream_recorder.h"
#include "venues/connector_host.h"
#include "venues/sim/sim_connector.h"
#include "venues/sim/sim_exchange.h"
#include "venues/sim/sim_paper_file.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace hoga;

namespace {

constexpr qint64 kStartMs = 1'780'000'000'000; // 2026-05-28 20:26:40 UTC

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

SimConfig manualConfig(const ManualClock* clock, quint64 seed = 20261121) {
    SimConfig config;
    config.seed = seed;
    config.autoRun = false;
    config.clock = clock;
    return config;
}

// Steps with the clock moving 100 ms before each step, as the real timer would.
SimEvents stepAt(SimExchange& ex, ManualClock& clock) {
    clock.advanceMs(100);
    return ex.step();
}

Ticker tickerOf(const SimExchange& ex, const QString& market) {
    return ex.tickers({market}).value().first();
}

OrderBook bookOf(const SimExchange& ex, const QString& market, int depth = 30) {
    return ex.orderBook(market, depth).value();
}

Balance balanceOf(const SimExchange& ex, const QString& currency) {
    for (const Balance& b : ex.balances())
        if (b.currency == currency)
            return b;
    Balance none;
    none.currency = currency;
    return none;
}

OrderRequest limit(const QString& market, Side side, const Decimal& price, const Decimal& qty,
                   QString clientId = {}) {
    return OrderRequest{market, side, OrderType::Limit, price, qty, {}, std::move(clientId)};
}

bool sameTrade(const Trade& a, const Trade& b) {
    return a.market == b.market && a.id == b.id && a.price == b.price && a.qty == b.qty && a.side == b.side &&
           a.timestampMs == b.timestampMs;
}

bool sameBook(const OrderBook& a, const OrderBook& b) {
    return a.bids() == b.bids() && a.asks() == b.asks();
}

bool sameTicker(const Ticker& a, const Ticker& b) {
    return a.last == b.last && a.open == b.open && a.high == b.high && a.low == b.low &&
           a.volume24h == b.volume24h && a.quoteVolume24h == b.quoteVolume24h;
}

} // namespace

class TestSimExchange : public QObject {
    Q_OBJECT

private slots:
    void listsTheSixMarketsWithVenueRules();
    void startsAtRealisticLevels();
    void sameSeedReplaysExactly();
    void differentSeedsDiffer();
    void booksStayValidEveryStep();
    void kimchiPremiumStaysSmall();
    void tradesFeedTheLiveCandles();
    void limitBuyWalksLevelsWithExactFees();
    void crossingLimitRestsTheRemainder();
    void restingOrdersFillAsMakers();
    void marketBuyByTotalSpendsAtMostTheTotal();
    void marketBuyAndSellByQuantity();
    void ordersLockAndCancelReleases();
    void paperAccountRestoresExactly();
    void connectorKeepsThePaperAccountInItsFile();
    void averageBuyPriceStaysInItsCurrency();
    void venueChecksAreTyped_data();
    void venueChecksAreTyped();
    void offTickMessageNamesTheNearestPrices();
    void duplicateClientIdAndClosedOrders();
    void candlesPageEveryInterval_data();
    void candlesPageEveryInterval();
    void historyEndsAtTheStartPrice();
    void longHistoryIsQuick();
    void tickerStatsAreConsistent();
    void connectorEmitsOnlySubscribedStreams();
    void connectorReportsAccountActivityAfterSubscribing();
    void connectorRunsOnItsOwnTimer();
    void hostRunsTheConnectorOnANamedThread();
};

void TestSimExchange::listsTheSixMarketsWithVenueRules() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const QVector<Market> markets = ex.markets();
    QStringList codes;
    for (const Market& m : markets)
        codes << m.code;
    QCOMPARE(codes.mid(0, 6),
             (QStringList{"KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-USDT", "BTCUSDT", "ETHUSDT"}));
    QCOMPARE(codes.mid(6), (QStringList{"005930", "000660", "035720"})); // the stocks: tst_sim_stocks
    for (const Market& m : markets.mid(0, 6)) {
        QCOMPARE(m.venue, QStringLiteral("sim"));
        QVERIFY(!m.displayName.isEmpty() && !m.localName.isEmpty());
        if (m.quote == QLatin1String("KRW")) {
            QVERIFY(m.code.startsWith(QLatin1String("KRW-")));
            QCOMPARE(m.code.mid(4), m.base);
            QCOMPARE(m.rules.tickBands.size(), TradingRules::krwPriceBands().size());
            QCOMPARE(m.rules.tickFor(dec("145000000")), Decimal(1000));
            QCOMPARE(m.rules.qtyStep, dec("0.00000001"));
            QCOMPARE(m.rules.minTotal, Decimal(5000));
            QCOMPARE(m.rules.takerFeeRate, dec("0.0005"));
        } else {
            QCOMPARE(m.quote, QStringLiteral("USDT"));
            QCOMPARE(m.code, m.base + m.quote);
            QCOMPARE(m.rules.tickFor(dec("98000")), dec("0.01"));
            QCOMPARE(m.rules.qtyStep, m.base == QLatin1String("BTC") ? dec("0.00001") : dec("0.0001"));
            QCOMPARE(m.rules.minTotal, Decimal(5));
            QCOMPARE(m.rules.takerFeeRate, dec("0.001"));
        }
    }
    QCOMPARE(markets[0].localName, QStringLiteral("비트코인"));
    QCOMPARE(markets[1].localName, QStringLiteral("이더리움"));
    QCOMPARE(markets[2].localName, QStringLiteral("리플"));
    QCOMPARE(markets[3].localName, QStringLiteral("테더"));
}

void TestSimExchange::startsAtRealisticLevels() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    auto within = [&](const char* market, const char* low, const char* high) {
        const Decimal last = tickerOf(ex, QString::fromLatin1(market)).last;
        return dec(low) <= last && last <= dec(high);
    };
    QVERIFY(within("KRW-USDT", "1420", "1480"));
    QVERIFY(within("BTCUSDT", "94000", "102000"));
    QVERIFY(within("ETHUSDT", "3450", "3750"));
    QVERIFY(within("KRW-XRP", "3050", "3350"));
    QVERIFY(within("KRW-BTC", "135000000", "152000000"));
    QVERIFY(within("KRW-ETH", "5000000", "5600000"));
}

void TestSimExchange::sameSeedReplaysExactly() {
    ManualClock clockA(kStartMs);
    ManualClock clockB(kStartMs);
    SimExchange a(manualConfig(&clockA));
    SimExchange b(manualConfig(&clockB));
    // The same calls in the same order, own orders included.
    for (SimExchange* ex : {&a, &b}) {
        const Decimal bid = bookOf(*ex, "KRW-BTC").bids().first().price;
        QVERIFY(ex->createOrder(limit("KRW-BTC", Side::Buy, bid, dec("0.01"), "same-1"), nullptr).ok());
    }
    for (int i = 0; i < 300; ++i) {
        const SimEvents ea = stepAt(a, clockA);
        const SimEvents eb = stepAt(b, clockB);
        QCOMPARE(ea.trades.size(), eb.trades.size());
        for (qsizetype t = 0; t < ea.trades.size(); ++t)
            QVERIFY2(sameTrade(ea.trades[t], eb.trades[t]), qPrintable(QString::number(i)));
        QCOMPARE(ea.fills.size(), eb.fills.size());
        for (const Market& m : a.markets()) {
            QVERIFY(sameBook(bookOf(a, m.code), bookOf(b, m.code)));
            QVERIFY(sameTicker(tickerOf(a, m.code), tickerOf(b, m.code)));
        }
    }
    const auto ordersA = a.closedOrders({}, 10).value() + a.openOrders({}).value();
    const auto ordersB = b.closedOrders({}, 10).value() + b.openOrders({}).value();
    QCOMPARE(ordersA.size(), ordersB.size());
    QCOMPARE(ordersA.first().id, ordersB.first().id);
    QCOMPARE(ordersA.first().filledQty, ordersB.first().filledQty);
    const CandleQuery query{"ETHUSDT", CandleInterval::M1, 120, 0};
    const QVector<Candle> ca = a.candles(query).value();
    const QVector<Candle> cb = b.candles(query).value();
    QCOMPARE(ca.size(), cb.size());
    for (qsizetype i = 0; i < ca.size(); ++i) {
        QCOMPARE(ca[i].openTimeMs, cb[i].openTimeMs);
        QCOMPARE(ca[i].close, cb[i].close);
        QCOMPARE(ca[i].volume, cb[i].volume);
    }
}

void TestSimExchange::differentSeedsDiffer() {
    ManualClock clockA(kStartMs);
    ManualClock clockB(kStartMs);
    SimExchange a(manualConfig(&clockA, 1));
    SimExchange b(manualConfig(&clockB, 2));
    QVERIFY(tickerOf(a, "BTCUSDT").last != tickerOf(b, "BTCUSDT").last);
    stepAt(a, clockA);
    stepAt(b, clockB);
    QVERIFY(!sameBook(bookOf(a, "KRW-BTC"), bookOf(b, "KRW-BTC")));
    const CandleQuery query{"KRW-BTC", CandleInterval::D1, 30, 0};
    QVERIFY(a.candles(query).value().first().close != b.candles(query).value().first().close);
}

void TestSimExchange::booksStayValidEveryStep() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock, 7));
    QHash<QString, TradingRules> rules;
    for (const Market& m : ex.markets())
        rules.insert(m.code, m.rules);
    for (int i = 0; i < 500; ++i) {
        const SimEvents events = stepAt(ex, clock);
        for (const Trade& t : events.trades) {
            const TradingRules& r = rules[t.market];
            QVERIFY(t.price.isMultipleOf(r.tickFor(t.price)));
            QVERIFY(t.qty.isPositive() && t.qty.isMultipleOf(r.qtyStep));
        }
        for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
            const OrderBook b = bookOf(ex, it.key(), 20);
            const QByteArray where = (it.key() + QStringLiteral(" step %1").arg(i)).toUtf8();
            QVERIFY2(b.bids().size() == 20 && b.asks().size() == 20, where);
            QVERIFY2(!b.isCrossed(), where);
            for (const QVector<BookLevel>* side : {&b.bids(), &b.asks()}) {
                for (qsizetype l = 0; l < side->size(); ++l) {
                    const BookLevel& level = side->at(l);
                    QVERIFY2(level.price.isMultipleOf(it->tickFor(level.price)), where);
                    QVERIFY2(level.qty.isPositive() && level.qty.isMultipleOf(it->qtyStep), where);
                    if (l > 0)
                        QVERIFY2(side == &b.bids() ? side->at(l - 1).price > level.price
                                                   : side->at(l - 1).price < level.price,
                                 where);
                }
            }
        }
    }
}

void TestSimExchange::kimchiPremiumStaysSmall() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock, 99));
    for (int i = 0; i <= 1500; ++i) {
        if (i % 250 == 0) {
            const Decimal usdt = tickerOf(ex, "KRW-USDT").last;
            for (const auto& [krw, usd] :
                 {std::pair{"KRW-BTC", "BTCUSDT"}, std::pair{"KRW-ETH", "ETHUSDT"}}) {
                const Decimal parity = tickerOf(ex, usd).last * usdt;
                const Decimal premium =
                    (tickerOf(ex, krw).last - parity).divide(parity, 6, Rounding::HalfEven);
                QVERIFY2(dec("-0.005") <= premium && premium <= dec("0.035"), qPrintable(premium.toString()));
            }
        }
        stepAt(ex, clock);
    }
}

void TestSimExchange::tradesFeedTheLiveCandles() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    QHash<qint64, Decimal> volumeBySecond;
    Decimal lastPrice;
    for (int i = 0; i < 60; ++i) {
        for (const Trade& t : stepAt(ex, clock).trades) {
            if (t.market != QLatin1String("KRW-BTC"))
                continue;
            volumeBySecond[bucketStart(CandleInterval::S1, t.timestampMs)] += t.qty;
            lastPrice = t.price;
        }
    }
    QVERIFY(lastPrice.isPositive());
    const QVector<Candle> candles = ex.candles({"KRW-BTC", CandleInterval::S1, 10, 0}).value();
    QCOMPARE(candles.last().openTimeMs, bucketStart(CandleInterval::S1, clock.nowMs()));
    QCOMPARE(candles.last().close, lastPrice);
    QCOMPARE(tickerOf(ex, "KRW-BTC").last, lastPrice);
    for (const Candle& c : candles)
        if (c.openTimeMs > bucketStart(CandleInterval::S1, kStartMs)) // wholly after the start
            QCOMPARE(c.volume, volumeBySecond.value(c.openTimeMs));
}

void TestSimExchange::limitBuyWalksLevelsWithExactFees() {
    ManualClock clock(kStartMs);
    SimConfig config = manualConfig(&clock);
    config.initialBalances = {{"KRW", Decimal(2'000'000'000)}}; // enough to take two whole levels
    SimExchange ex(config);
    const QVector<BookLevel> asks = bookOf(ex, "KRW-BTC").asks();
    const Decimal half = asks[1].qty.divide(Decimal(2), 8, Rounding::Down);
    const Decimal qty = asks[0].qty + half;
    const Balance krwBefore = balanceOf(ex, "KRW");
    const Balance btcBefore = balanceOf(ex, "BTC");

    SimEvents events;
    const Result<Order> r = ex.createOrder(limit("KRW-BTC", Side::Buy, asks[1].price, qty), &events);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().userMessage()));
    const Order& o = r.value();
    QCOMPARE(o.state, OrderState::Filled);
    QCOMPARE(o.filledQty, qty);
    QCOMPARE(events.fills.size(), 2);
    QCOMPARE(events.fills[0].price, asks[0].price);
    QCOMPARE(events.fills[0].qty, asks[0].qty);
    QCOMPARE(events.fills[1].price, asks[1].price);
    QCOMPARE(events.fills[1].qty, half);
    const Decimal gross = asks[0].price * asks[0].qty + asks[1].price * half;
    const Decimal fee = gross * dec("0.0005");
    for (const Fill& f : events.fills) {
        QVERIFY(!f.maker);
        QCOMPARE(f.fee, f.price * f.qty * dec("0.0005"));
        QCOMPARE(f.feeCurrency, QStringLiteral("KRW"));
        QCOMPARE(f.orderId, o.id);
    }
    QCOMPARE(o.filledQuote, gross);
    QCOMPARE(o.fee, fee);
    QCOMPARE(balanceOf(ex, "KRW").free, krwBefore.free - gross - fee);
    QCOMPARE(balanceOf(ex, "KRW").locked, Decimal());
    QCOMPARE(balanceOf(ex, "BTC").free, btcBefore.free + qty);
    // Average cost in KRW of the fills (nothing was held before).
    QCOMPARE(btcBefore.total(), Decimal());
    const Decimal avg = gross.divide(qty, 8, Rounding::HalfEven);
    QCOMPARE(balanceOf(ex, "BTC").avgBuyPrice, avg);
    QCOMPARE(balanceOf(ex, "BTC").avgBuyCurrency, QStringLiteral("KRW"));
    // The public tape saw the same prints, and the book lost exactly that quantity.
    QCOMPARE(events.trades.size(), 2);
    QCOMPARE(events.trades[1].id, events.fills[1].tradeId);
    QCOMPARE(bookOf(ex, "KRW-BTC").asks().first().price, asks[1].price);
    QCOMPARE(bookOf(ex, "KRW-BTC").asks().first().qty, asks[1].qty - half);
    QCOMPARE(events.balances.size(), 2);
}

void TestSimExchange::crossingLimitRestsTheRemainder() {
    ManualClock clock(kStartMs);
    SimConfig config = manualConfig(&clock);
    config.initialBalances = {{"USDT", Decimal(1'000'000)}};
    SimExchange ex(config);
    const QVector<BookLevel> asks = bookOf(ex, "BTCUSDT").asks();
    const Decimal extra = dec("0.01");
    const Decimal qty = asks[0].qty + asks[1].qty + extra;
    const Decimal usdtBefore = balanceOf(ex, "USDT").free;

    const Result<Order> r = ex.createOrder(limit("BTCUSDT", Side::Buy, asks[1].price, qty), nullptr);
    QVERIFY(r.ok());
    QCOMPARE(r.value().state, OrderState::PartiallyFilled);
    QCOMPARE(r.value().filledQty, asks[0].qty + asks[1].qty);
    const Decimal gross = asks[0].price * asks[0].qty + asks[1].price * asks[1].qty;
    const Decimal fee = gross * dec("0.001");
    QCOMPARE(r.value().fee, fee);
    // The rest rests as the new best bid, holding price x remaining x (1 + fee).
    const OrderBook book = bookOf(ex, "BTCUSDT");
    QCOMPARE(book.bids().first().price, asks[1].price);
    QCOMPARE(book.bids().first().qty, extra);
    QVERIFY(book.asks().first().price > asks[1].price);
    QCOMPARE(balanceOf(ex, "USDT").locked, asks[1].price * extra * dec("1.001"));
    QCOMPARE(balanceOf(ex, "USDT").free, usdtBefore - gross - fee - asks[1].price * extra * dec("1.001"));
    QCOMPARE(ex.openOrders("BTCUSDT").value().size(), 1);

    const Result<Order> cancelled = ex.cancelOrder({r.value().id, {}}, nullptr);
    QVERIFY(cancelled.ok());
    QCOMPARE(cancelled.value().state, OrderState::Cancelled);
    QCOMPARE(cancelled.value().filledQty, asks[0].qty + asks[1].qty);
    QCOMPARE(balanceOf(ex, "USDT").locked, Decimal());
    QCOMPARE(balanceOf(ex, "USDT").free, usdtBefore - gross - fee);
    QVERIFY(bookOf(ex, "BTCUSDT").bids().first().price < asks[1].price);
    QVERIFY(ex.openOrders({}).value().isEmpty());
}

void TestSimExchange::restingOrdersFillAsMakers() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const OrderBook book = bookOf(ex, "KRW-XRP");
    const Decimal qty = 2000;
    // A bid and an ask at the touch, queued behind the crowd already there.
    const Order buy =
        ex.createOrder(limit("KRW-XRP", Side::Buy, book.bids().first().price, qty), nullptr).value();
    const Order sell =
        ex.createOrder(limit("KRW-XRP", Side::Sell, book.asks().first().price, Decimal(1000)), nullptr)
            .value();
    QCOMPARE(buy.state, OrderState::Open);
    QCOMPARE(sell.state, OrderState::Open);
    QCOMPARE(balanceOf(ex, "XRP").locked, Decimal(1000));

    QVector<Fill> fills;
    bool partial = false;
    for (int i = 0; i < 5000; ++i) {
        const SimEvents events = stepAt(ex, clock);
        fills += events.fills;
        for (const Order& o : events.orders)
            partial = partial || o.state == OrderState::PartiallyFilled;
        if (ex.openOrders({}).value().isEmpty())
            break;
    }
    QVERIFY2(ex.openOrders({}).value().isEmpty(), "the market never traded through the resting orders");
    QVERIFY(!fills.isEmpty());
    Decimal bought;
    Decimal sold;
    for (const Fill& f : fills) {
        QVERIFY(f.maker);
        QCOMPARE(f.fee, f.price * f.qty * dec("0.0005"));
        QCOMPARE(f.price, f.side == Side::Buy ? buy.price : sell.price); // makers fill at their own price
        (f.side == Side::Buy ? bought : sold) += f.qty;
    }
    QCOMPARE(bought, qty);
    QCOMPARE(sold, Decimal(1000));
    Q_UNUSED(partial); // partial fills are possible; their absence is not an error
    QCOMPARE(balanceOf(ex, "KRW").locked, Decimal());
    QCOMPARE(balanceOf(ex, "XRP").locked, Decimal());
    QCOMPARE(balanceOf(ex, "XRP").free, Decimal(1500) + qty - Decimal(1000));
    const Decimal krw =
        Decimal(10'000'000) - buy.price * qty * dec("1.0005") + sell.price * 1000 * dec("0.9995");
    QCOMPARE(balanceOf(ex, "KRW").free, krw);
}

void TestSimExchange::marketBuyByTotalSpendsAtMostTheTotal() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const Decimal total = 1'000'000;
    const Balance before = balanceOf(ex, "KRW");
    SimEvents events;
    const Result<Order> r =
        ex.createOrder({"KRW-BTC", Side::Buy, OrderType::Market, {}, {}, total, "by-total"}, &events);
    QVERIFY(r.ok());
    const Order& o = r.value();
    QCOMPARE(o.state, OrderState::Filled);
    QCOMPARE(o.total, total);
    QVERIFY(o.filledQuote <= total);
    QVERIFY(total - o.filledQuote < events.fills.last().price * dec("0.00000001"));
    QCOMPARE(o.fee, o.filledQuote * dec("0.0005"));
    QCOMPARE(balanceOf(ex, "KRW").free, before.free - o.filledQuote - o.fee);
    QCOMPARE(balanceOf(ex, "KRW").locked, Decimal());
    QCOMPARE(balanceOf(ex, "BTC").free, dec("0.05") + o.filledQty);
}

void TestSimExchange::marketBuyAndSellByQuantity() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const Decimal krw = balanceOf(ex, "KRW").free;
    const Order buy =
        ex.createOrder({"KRW-ETH", Side::Buy, OrderType::Market, {}, dec("0.5"), {}, {}}, nullptr).value();
    QCOMPARE(buy.state, OrderState::Filled);
    QCOMPARE(buy.filledQty, dec("0.5"));
    QCOMPARE(balanceOf(ex, "ETH").free, dec("1.7"));
    QCOMPARE(balanceOf(ex, "KRW").free, krw - buy.filledQuote - buy.fee);
    QCOMPARE(balanceOf(ex, "KRW").locked, Decimal());

    const Order sell =
        ex.createOrder({"KRW-ETH", Side::Sell, OrderType::Market, {}, dec("1.7"), {}, {}}, nullptr).value();
    QCOMPARE(sell.state, OrderState::Filled);
    QCOMPARE(sell.fee, sell.filledQuote * dec("0.0005"));
    QCOMPARE(balanceOf(ex, "ETH").total(), Decimal());
    QCOMPARE(balanceOf(ex, "KRW").free, krw - buy.filledQuote - buy.fee + sell.filledQuote - sell.fee);
    // Nothing left: the average is forgotten.
    QCOMPARE(balanceOf(ex, "ETH").avgBuyPrice, Decimal());
}

void TestSimExchange::ordersLockAndCancelReleases() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const OrderBook book = bookOf(ex, "KRW-BTC");
    const Decimal farAsk = book.asks().first().price * 2;
    const Decimal farBid = book.bids()
                               .first()
                               .price.divide(Decimal(2), 0, Rounding::Down)
                               .roundToStep(Decimal(1000), Rounding::Down);
    const Order sell = ex.createOrder(limit("KRW-BTC", Side::Sell, farAsk, dec("0.02")), nullptr).value();
    const Order buy = ex.createOrder(limit("KRW-BTC", Side::Buy, farBid, dec("0.03")), nullptr).value();
    QCOMPARE(balanceOf(ex, "BTC").free, dec("0.03"));
    QCOMPARE(balanceOf(ex, "BTC").locked, dec("0.02"));
    QCOMPARE(balanceOf(ex, "KRW").locked, farBid * dec("0.03") * dec("1.0005"));
    QCOMPARE(balanceOf(ex, "KRW").free, Decimal(10'000'000) - farBid * dec("0.03") * dec("1.0005"));
    QCOMPARE(ex.openOrders("KRW-BTC").value().size(), 2);
    QCOMPARE(ex.openOrders("KRW-BTC").value().first().id, buy.id); // newest first

    SimEvents events;
    QVERIFY(ex.cancelOrder({{}, {}}, &events).error().kind == ErrorKind::NotFound);
    QVERIFY(ex.cancelOrder({sell.id, {}}, &events).ok());
    QVERIFY(ex.cancelOrder({buy.id, {}}, &events).ok());
    QCOMPARE(balanceOf(ex, "BTC").free, dec("0.05"));
    QCOMPARE(balanceOf(ex, "BTC").locked, Decimal());
    QCOMPARE(balanceOf(ex, "KRW").free, Decimal(10'000'000));
    QCOMPARE(balanceOf(ex, "KRW").locked, Decimal());
    QCOMPARE(events.orders.size(), 2);
    QCOMPARE(events.orders[0].state, OrderState::Cancelled);
    QCOMPARE(ex.closedOrders({}, 10).value().first().id, buy.id); // most recently closed first
}

// A profile's paper account outlives the app: balances, open orders (still resting and cancellable),
// closed orders and fills come back exactly, and new order ids never collide with the restored ones.
void TestSimExchange::paperAccountRestoresExactly() {
    ManualClock clock(kStartMs);
    SimExchange before(manualConfig(&clock));
    const OrderBook book = bookOf(before, "KRW-BTC");
    const Decimal farBid = book.bids()
                               .first()
                               .price.divide(Decimal(2), 0, Rounding::Down)
                               .roundToStep(Decimal(1000), Rounding::Down);
    const Order resting =
        before.createOrder(limit("KRW-BTC", Side::Buy, farBid, dec("0.03"), "rest-1"), nullptr).value();
    const Order taken =
        before.createOrder(limit("KRW-BTC", Side::Buy, book.asks().first().price, dec("0.001")), nullptr)
            .value();
    QCOMPARE(taken.state, OrderState::Filled);
    for (int i = 0; i < 5; ++i)
        stepAt(before, clock);

    const QByteArray saved = SimPaperFile::encode(before.paperState());
    const std::optional<SimPaperState> loaded = SimPaperFile::decode(saved);
    QVERIFY(loaded);
    QCOMPARE(SimPaperFile::encode(*loaded), saved);

    SimExchange after(manualConfig(&clock)); // a new start: a fresh market, the same account
    after.restorePaperState(*loaded);
    QCOMPARE(after.balances().size(), before.balances().size());
    for (const Balance& b : before.balances()) {
        QCOMPARE(balanceOf(after, b.currency).free, b.free);
        QCOMPARE(balanceOf(after, b.currency).locked, b.locked);
        QCOMPARE(balanceOf(after, b.currency).avgBuyPrice, b.avgBuyPrice);
    }
    QCOMPARE(after.openOrders({}).value().size(), 1);
    QCOMPARE(after.order({{}, QStringLiteral("rest-1")}).value().id, resting.id);
    QCOMPARE(after.closedOrders({}, 10).value().first().id, taken.id);
    QCOMPARE(after.fills({}, 10).value().size(), before.fills({}, 10).value().size());
    QCOMPARE(after.fills({}, 10).value().first().tradeId, before.fills({}, 10).value().first().tradeId);

    // The restored order rests and cancels, releasing exactly what it locked.
    SimEvents events;
    QVERIFY(after.cancelOrder({resting.id, {}}, &events).ok());
    QCOMPARE(balanceOf(after, "KRW").locked, Decimal());
    QCOMPARE(balanceOf(after, "KRW").free, balanceOf(before, "KRW").free + balanceOf(before, "KRW").locked);
    const Order next = after.createOrder(limit("KRW-BTC", Side::Buy, farBid, dec("0.001")), nullptr).value();
    QVERIFY(next.id != resting.id && next.id != taken.id);

    // Damaged or partial files are refused, never half-restored.
    QVERIFY(!SimPaperFile::decode(saved.left(saved.size() / 2)));
    QByteArray badDecimal = saved;
    badDecimal.replace(QByteArray("\"free\":\""), QByteArray("\"free\":\"x"));
    QVERIFY(!SimPaperFile::decode(badDecimal));
}

void TestSimExchange::connectorKeepsThePaperAccountInItsFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("profile/sim-paper.json"));
    SimConfig config{1, 100, false, &SystemClock::instance(), 500, {}, {}, {}};
    config.paperStatePath = path;
    QString orderId;
    {
        auto* sim = new SimConnector(config);
        ConnectorHost host{std::unique_ptr<Connector>(sim)};
        const OrderBook book = test::await(sim->fetchOrderBook("KRW-BTC", 5)).value();
        const Decimal farBid = book.bids()
                                   .first()
                                   .price.divide(Decimal(2), 0, Rounding::Down)
                                   .roundToStep(Decimal(1000), Rounding::Down);
        const Result<Order> placed =
            test::await(sim->createOrder(limit("KRW-BTC", Side::Buy, farBid, dec("0.01"), "kept")));
        QVERIFY(placed.ok());
        orderId = placed.value().id;
        QVERIFY(QFile::exists(path)); // saved with the change, not at exit
    }
    {
        auto* sim = new SimConnector(config);
        ConnectorHost host{std::unique_ptr<Connector>(sim)};
        const Result<QVector<Order>> open = test::await(sim->fetchOpenOrders());
        QVERIFY(open.ok());
        QCOMPARE(open.value().size(), 1);
        QCOMPARE(open.value().first().id, orderId);
        QVERIFY(test::await(sim->cancelOrder({orderId, {}})).ok());
    }
    {
        auto* sim = new SimConnector(config);
        ConnectorHost host{std::unique_ptr<Connector>(sim)};
        QVERIFY(test::await(sim->fetchOpenOrders()).value().isEmpty());
        QCOMPARE(test::await(sim->fetchClosedOrders()).value().first().state, OrderState::Cancelled);
    }
    // A damaged file is kept aside and said so; the account starts anew.
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{not json");
    damaged.close();
    auto* sim = new SimConnector(config);
    QSignalSpy problems(sim, &Connector::streamError);
    ConnectorHost host{std::unique_ptr<Connector>(sim)};
    QVERIFY(test::await(sim->fetchOpenOrders()).value().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 1, 5000);
    QVERIFY(problems.first().at(0).value<VenueError>().detail.contains(QStringLiteral("damaged")));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("profile")))
                 .entryList({QStringLiteral("sim-paper.json.damaged-*")})
                 .isEmpty());
}

void TestSimExchange::averageBuyPriceStaysInItsCurrency() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const Decimal usdtKrw = tickerOf(ex, "KRW-USDT").last;
    SimEvents events;
    const Order o =
        ex.createOrder({"BTCUSDT", Side::Buy, OrderType::Market, {}, dec("0.001"), {}, {}}, &events).value();
    QCOMPARE(o.state, OrderState::Filled);
    Decimal cost = dec("0.05") * 140'000'000;
    for (const Fill& f : events.fills)
        cost += f.qty * f.price.multiply(usdtKrw, 8, Rounding::HalfEven);
    // One fill here; with several the average would be folded fill by fill.
    QCOMPARE(events.fills.size(), 1);
    const Balance btc = balanceOf(ex, "BTC");
    QCOMPARE(btc.avgBuyCurrency, QStringLiteral("KRW"));
    QCOMPARE(btc.avgBuyPrice, cost.divide(dec("0.051"), 8, Rounding::HalfEven));
    // A coin bought from nothing takes the quote of its market.
    QVERIFY(ex.createOrder({"ETHUSDT", Side::Sell, OrderType::Market, {}, dec("1.2"), {}, {}}, nullptr).ok());
    QCOMPARE(balanceOf(ex, "ETH").total(), Decimal());
    const Order eth =
        ex.createOrder({"ETHUSDT", Side::Buy, OrderType::Market, {}, dec("0.1"), {}, {}}, nullptr).value();
    QCOMPARE(balanceOf(ex, "ETH").avgBuyCurrency, QStringLiteral("USDT"));
    QCOMPARE(balanceOf(ex, "ETH").avgBuyPrice, eth.averageFillPrice(8));
}

void TestSimExchange::venueChecksAreTyped_data() {
    QTest::addColumn<OrderRequest>("request");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    const auto invalid = int(ErrorKind::InvalidOrder);
    const auto funds = int(ErrorKind::InsufficientFunds);
    QTest::newRow("unknown market") << limit("KRW-NOPE", Side::Buy, 1000, 10) << int(ErrorKind::NotFound)
                                    << "market_does_not_exist";
    QTest::newRow("off tick bid") << limit("KRW-BTC", Side::Buy, 100'000'500, dec("0.001")) << invalid
                                  << "invalid_price_bid";
    QTest::newRow("off tick ask") << limit("BTCUSDT", Side::Sell, dec("98000.005"), dec("0.001")) << invalid
                                  << "invalid_price_ask";
    QTest::newRow("off step krw") << limit("KRW-BTC", Side::Buy, 100'000'000, dec("0.000100001")) << invalid
                                  << "invalid_volume_bid";
    QTest::newRow("off step usdt") << limit("BTCUSDT", Side::Buy, 90'000, dec("0.000015")) << invalid
                                   << "invalid_volume_bid";
    QTest::newRow("under min total bid")
        << limit("KRW-BTC", Side::Buy, 100'000'000, dec("0.00001")) << invalid << "under_min_total_bid";
    QTest::newRow("under min total ask")
        << limit("KRW-XRP", Side::Sell, 4000, 1) << invalid << "under_min_total_ask";
    QTest::newRow("under min total usdt")
        << limit("ETHUSDT", Side::Buy, 3000, dec("0.001")) << invalid << "under_min_total_bid";
    QTest::newRow("over max total") << limit("KRW-BTC", Side::Buy, 150'000'000, 10) << invalid
                                    << "over_max_total_bid";
    QTest::newRow("funds bid") << limit("KRW-BTC", Side::Buy, 100'000'000, 1) << funds
                               << "insufficient_funds_bid";
    QTest::newRow("funds ask") << limit("KRW-BTC", Side::Sell, 200'000'000, 1) << funds
                               << "insufficient_funds_ask";
    QTest::newRow("funds market by total")
        << OrderRequest{"KRW-XRP", Side::Buy, OrderType::Market, {}, {}, 20'000'000, {}} << funds
        << "insufficient_funds_bid";
    QTest::newRow("market buy with both")
        << OrderRequest{"KRW-XRP", Side::Buy, OrderType::Market, {}, 10, 10'000, {}} << invalid
        << "validation_error";
    QTest::newRow("market sell with total")
        << OrderRequest{"KRW-XRP", Side::Sell, OrderType::Market, {}, {}, 10'000, {}} << invalid
        << "validation_error";
    QTest::newRow("limit without price")
        << limit("KRW-XRP", Side::Buy, 0, 10) << invalid << "validation_error";
}

void TestSimExchange::venueChecksAreTyped() {
    QFETCH(OrderRequest, request);
    QFETCH(int, kind);
    QFETCH(QString, code);
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const QVector<Balance> before = ex.balances();
    const Result<Order> r = ex.createOrder(request, nullptr);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().kind), kind);
    QCOMPARE(r.error().venueCode, code);
    QVERIFY(!r.error().detail.isEmpty());
    QVERIFY(ex.openOrders({}).value().isEmpty());
    const QVector<Balance> after = ex.balances();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].free, before[i].free);
        QCOMPARE(after[i].locked, before[i].locked);
    }
}

void TestSimExchange::offTickMessageNamesTheNearestPrices() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const Result<Order> r = ex.createOrder(limit("KRW-BTC", Side::Buy, 145'000'500, dec("0.001")), nullptr);
    QVERIFY(!r.ok());
    // The venue-side check is the order policy's own (OrderValidator::checkRules), under a venue error name.
    QCOMPARE(r.error().venueCode, QStringLiteral("invalid_price_bid"));
    QCOMPARE(r.error().detail, QStringLiteral("Price 145000500 KRW is not a multiple of the 1000 KRW tick. "
                                              "Nearest valid prices: 145000000 or 145001000 KRW."));
    const Result<Order> funds = ex.createOrder(limit("KRW-BTC", Side::Buy, 100'000'000, 1), nullptr);
    QCOMPARE(funds.error().detail,
             QStringLiteral("The order needs 100,050,000 KRW but only 10,000,000 KRW is available."));
}

void TestSimExchange::duplicateClientIdAndClosedOrders() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    const Decimal bid = bookOf(ex, "KRW-XRP").bids().last().price;
    const Result<Order> first = ex.createOrder(limit("KRW-XRP", Side::Buy, bid, 10, "dup"), nullptr);
    QVERIFY(first.ok());
    const Result<Order> second = ex.createOrder(limit("KRW-XRP", Side::Buy, bid, 10, "dup"), nullptr);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, ErrorKind::InvalidOrder);
    QCOMPARE(second.error().venueCode, QStringLiteral("duplicate_identifier"));

    QCOMPARE(ex.order({{}, "dup"}).value().id, first.value().id);
    QVERIFY(ex.cancelOrder({{}, "dup"}, nullptr).ok());
    const Result<Order> again = ex.cancelOrder({first.value().id, {}}, nullptr);
    QCOMPARE(again.error().kind, ErrorKind::NotFound);
    QCOMPARE(again.error().venueCode, QStringLiteral("order_not_found"));
    QCOMPARE(ex.order({{}, "nope"}).error().kind, ErrorKind::NotFound);
    QCOMPARE(ex.openOrders("KRW-NOPE").error().kind, ErrorKind::NotFound);
}

void TestSimExchange::candlesPageEveryInterval_data() {
    QTest::addColumn<int>("interval");
    for (CandleInterval iv : {CandleInterval::S1, CandleInterval::M1, CandleInterval::M3, CandleInterval::H4,
                              CandleInterval::D1, CandleInterval::W1, CandleInterval::MN1})
        QTest::newRow(qPrintable(intervalName(iv))) << int(iv);
}

void TestSimExchange::candlesPageEveryInterval() {
    QFETCH(int, interval);
    const auto iv = CandleInterval(interval);
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    for (int i = 0; i < 30; ++i)
        stepAt(ex, clock);

    auto contiguous = [&](const QVector<Candle>& candles) {
        for (qsizetype i = 0; i < candles.size(); ++i) {
            const Candle& c = candles[i];
            if (bucketStart(iv, c.openTimeMs) != c.openTimeMs)
                return false;
            if (!(c.low <= Decimal::min(c.open, c.close) && Decimal::max(c.open, c.close) <= c.high))
                return false;
            if (i > 0 && nextBucketStart(iv, candles[i - 1].openTimeMs) != c.openTimeMs)
                return false;
            // History joins up exactly; live candles open at their first trade, as on a real venue.
            if (i > 0 && c.openTimeMs <= bucketStart(iv, kStartMs) && candles[i - 1].close != c.open)
                return false;
        }
        return true;
    };
    const QVector<Candle> page1 = ex.candles({"KRW-BTC", iv, 200, 0}).value();
    QCOMPARE(page1.size(), 200);
    QVERIFY(contiguous(page1));
    QCOMPARE(page1.last().openTimeMs, bucketStart(iv, clock.nowMs()));
    QCOMPARE(page1.last().close, tickerOf(ex, "KRW-BTC").last);

    const QVector<Candle> page2 = ex.candles({"KRW-BTC", iv, 200, page1.first().openTimeMs}).value();
    QCOMPARE(page2.size(), 200);
    QVERIFY(contiguous(page2 + page1)); // no gap, no overlap, prices join up

    // Pages are stable: asking again (or from a toMs inside a bucket) gives the same candles.
    const QVector<Candle> again = ex.candles({"KRW-BTC", iv, 100, page1.first().openTimeMs - 1}).value();
    QCOMPARE(again.size(), 100);
    QCOMPARE(again.last().openTimeMs, page2.last().openTimeMs);
    for (qsizetype i = 0; i < again.size(); ++i) {
        const Candle& c = page2[page2.size() - again.size() + i];
        QCOMPARE(again[i].openTimeMs, c.openTimeMs);
        QCOMPARE(again[i].close, c.close);
        QCOMPARE(again[i].high, c.high);
        QCOMPARE(again[i].volume, c.volume);
    }
    // All prices valid for the market.
    const TradingRules rules = ex.markets().first().rules;
    for (const Candle& c : page2 + page1)
        for (const Decimal& p : {c.open, c.high, c.low, c.close})
            QVERIFY(p.isPositive() && p.isMultipleOf(rules.tickFor(p)));
}

void TestSimExchange::historyEndsAtTheStartPrice() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    for (const Market& m : ex.markets()) {
        const Decimal start = tickerOf(ex, m.code).last;
        for (CandleInterval iv : {CandleInterval::S1, CandleInterval::M1, CandleInterval::D1}) {
            const QVector<Candle> candles = ex.candles({m.code, iv, 3, 0}).value();
            QCOMPARE(candles.size(), 3);
            QCOMPARE(candles.last().close, start);
            QVERIFY(candles.first().volume.isPositive());
        }
    }
}

void TestSimExchange::longHistoryIsQuick() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(ex.candles({"KRW-BTC", CandleInterval::D1, 200, 0}).value().size(), 200);
    QCOMPARE(ex.candles({"ETHUSDT", CandleInterval::MN1, 200, 0}).value().size(), 200);
    const qint64 daily = timer.restart();
    QVERIFY2(daily < 1000, qPrintable(QStringLiteral("%1 ms").arg(daily)));
    // Three days back in 1 s candles: a quarter of a million path steps, but no per-bar Decimal work.
    const QVector<Candle> deep =
        ex.candles({"KRW-BTC", CandleInterval::S1, 200, kStartMs - 3 * 86'400'000LL}).value();
    QCOMPARE(deep.size(), 200);
    const qint64 seconds = timer.elapsed();
    QVERIFY2(seconds < 2000, qPrintable(QStringLiteral("%1 ms").arg(seconds)));
    qInfo("200 x 1d + 200 x 1M: %lld ms; 200 x 1s three days back: %lld ms", daily, seconds);
}

void TestSimExchange::tickerStatsAreConsistent() {
    ManualClock clock(kStartMs);
    SimExchange ex(manualConfig(&clock));
    for (int i = 0; i < 50; ++i)
        stepAt(ex, clock);
    const QVector<Ticker> tickers = ex.tickers({}).value();
    QCOMPARE(tickers.size(), 9);
    for (const Ticker& t : tickers) {
        const QByteArray where = t.market.toUtf8();
        QVERIFY2(t.low <= t.last && t.last <= t.high, where);
        QVERIFY2(t.low <= t.open && t.open <= t.high, where);
        if (!t.market.front().isDigit()) // a stock's change is against the previous close
            QCOMPARE(t.prevClose, t.open);
        QCOMPARE(t.change, t.last - t.prevClose);
        QCOMPARE(t.changeRate, t.change.divide(t.prevClose, 8, Rounding::HalfEven));
        QVERIFY2(t.volume24h.isPositive() && t.quoteVolume24h > t.volume24h * t.low, where);
        QVERIFY2(t.quoteVolume24h < t.volume24h * t.high * dec("1.0001"), where);
        QCOMPARE(t.timestampMs, clock.nowMs());
    }
    QVERIFY(!ex.tickers({"KRW-BTC", "KRW-NOPE"}).ok());
}

void TestSimExchange::connectorEmitsOnlySubscribedStreams() {
    auto* sim = new SimConnector(SimConfig{1, 100, false, &SystemClock::instance(), 500, {}, {}, {}});
    ConnectorHost host{std::unique_ptr<Connector>(sim)};
    test::StreamRecorder stream(sim);
    sim->subscribeMarketData({"KRW-BTC"}, TickerChannel);
    sim->subscribeMarketData({"ETHUSDT"}, TradeChannel | OrderBookChannel);
    sim->subscribeMarketData({"KRW-NOPE"}, TickerChannel);
    auto step = [sim] {
        sim->step();
    };
    QVERIFY(stream.waitUntil([&] { return stream.tickers.size() >= 5 && !stream.trades.isEmpty(); }, step));
    QCOMPARE(stream.tickerMarkets(), QSet<QString>{"KRW-BTC"});
    QCOMPARE(stream.tradeMarkets(), QSet<QString>{"ETHUSDT"});
    QCOMPARE(stream.bookMarkets(), QSet<QString>{"ETHUSDT"});
    QCOMPARE(stream.errors.size(), 1);
    QCOMPARE(stream.errors.first().kind, ErrorKind::NotFound);
    QCOMPARE(stream.states, QVector<ConnectionState>{ConnectionState::Connected});
    QCOMPARE(stream.books.last().bids().size(), 30);
    QCOMPARE(stream.lastEmittingThread(), host.thread());

    // After unsubscribing, a step emits nothing for that market. The fetch afterwards is a barrier: the
    // connector works through its queue in order, so once it is done every signal of the steps driven
    // above has been queued to the recorder, but not necessarily delivered (await() returns at once when
    // the future finished first, which a busy machine makes likely): deliver them before clearing, or they
    // arrive after clear() and look like signals of unsubscribed streams.
    sim->unsubscribeMarketData({"KRW-BTC"}, TickerChannel);
    sim->unsubscribeMarketData({"ETHUSDT"}, OrderBookChannel);
    QVERIFY(test::await(sim->fetchMarkets(), 60'000).ok());
    stream.deliverQueued();
    stream.clear();
    sim->step();
    sim->step();
    QVERIFY(test::await(sim->fetchMarkets(), 60'000).ok());
    stream.deliverQueued();
    QVERIFY(stream.waitUntil([&] { return !stream.trades.isEmpty(); }, step));
    QVERIFY(stream.tickers.isEmpty());
    QVERIFY(stream.books.isEmpty());
    QVERIFY(stream.orders.isEmpty()); // no account subscription
}

void TestSimExchange::connectorReportsAccountActivityAfterSubscribing() {
    auto* sim = new SimConnector(SimConfig{1, 100, false, &SystemClock::instance(), 500, {}, {}, {}});
    ConnectorHost host{std::unique_ptr<Connector>(sim)};
    test::StreamRecorder stream(sim);
    const OrderBook book = test::await(sim->fetchOrderBook("KRW-BTC", 5)).value();
    const OrderRequest request = limit("KRW-BTC", Side::Buy, book.asks().first().price, dec("0.0001"));
    QVERIFY(test::await(sim->createOrder(request)).ok());
    QVERIFY(test::await(sim->fetchMarkets()).ok());
    QCoreApplication::processEvents();
    QVERIFY(stream.orders.isEmpty() && stream.fills.isEmpty() && stream.balances.isEmpty());

    sim->subscribeAccount();
    const Result<Order> filled = test::await(sim->createOrder(request));
    QVERIFY(filled.ok());
    QCOMPARE(filled.value().state, OrderState::Filled);
    QVERIFY(stream.waitUntil(
        [&] { return !stream.orders.isEmpty() && stream.orders.last().state == OrderState::Filled; }));
    QCOMPARE(stream.orders.first().state, OrderState::Open);
    QCOMPARE(stream.fills.size(), 1);
    QCOMPARE(stream.fills.first().orderId, filled.value().id);
    QVERIFY(stream.waitUntil([&] { return stream.balances.size() >= 2; }));
    const Result<QVector<Balance>> balances = test::await(sim->fetchBalances());
    for (const Balance& b : stream.balances)
        for (const Balance& now : balances.value())
            if (now.currency == b.currency)
                QCOMPARE(b.total(), now.total());
}

void TestSimExchange::connectorRunsOnItsOwnTimer() {
    SimConfig config;
    config.stepIntervalMs = 20;
    auto* sim = new SimConnector(config);
    ConnectorHost host{std::unique_ptr<Connector>(sim)};
    test::StreamRecorder stream(sim);
    sim->subscribeMarketData({"KRW-BTC"}, TickerChannel | OrderBookChannel);
    // No step() calls: the connector's own timer moves the market.
    QVERIFY(stream.waitUntil([&] { return stream.books.size() >= 5; }, {}, 100, 1000));
    QVERIFY(stream.books.last().sequence() > stream.books.first().sequence());
}

void TestSimExchange::hostRunsTheConnectorOnANamedThread() {
    auto* sim = new SimConnector(SimConfig{1, 100, false, &SystemClock::instance(), 500, {}, {}, {}});
    std::atomic<QThread*> deletedOn{nullptr};
    QObject::connect(
        sim, &QObject::destroyed, sim, [&deletedOn] { deletedOn = QThread::currentThread(); },
        Qt::DirectConnection);
    QThread* thread = nullptr;
    {
        ConnectorHost host{std::unique_ptr<Connector>(sim)};
        thread = host.thread();
        QCOMPARE(host.connector(), sim);
        QCOMPARE(thread->objectName(), QStringLiteral("hoga-venue-sim"));
        QVERIFY(thread->isRunning());
        QCOMPARE(sim->thread(), thread);
        QCOMPARE(sim->displayName(), QStringLiteral("Simulated market"));
        QCOMPARE(sim->connectionState(), ConnectionState::Connected);
        QVERIFY(test::await(sim->fetchMarkets()).ok());
    }
    QCOMPARE(deletedOn.load(), thread);
}

QTEST_GUILESS_MAIN(TestSimExchange)
#include "tst_sim_exchange.moc"
