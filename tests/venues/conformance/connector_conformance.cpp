#include "connector_conformance.h"

#include "stream_recorder.h"

#include <QDateTime>
#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>

namespace hoga::test {

namespace {

// Fails the calling test function (which must return void) when a Result holds an error.
#define REQUIRE_OK(result)                                                                                   \
    QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : describe((result).error())))

#define REQUIRE_ERROR(result, expectedKind)                                                                  \
    do {                                                                                                     \
        QVERIFY2(!(result).ok(), "the call succeeded but should have failed");                               \
        QVERIFY2((result).error().kind == (expectedKind), qPrintable(describe((result).error())));           \
    } while (false)

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Decimal onTick(const TradingRules& rules, const Decimal& price, Rounding mode) {
    const Decimal tick = rules.tickFor(price);
    return tick.isPositive() ? price.roundToStep(tick, mode) : price;
}

bool isOnTick(const TradingRules& rules, const Decimal& price) {
    const Decimal tick = rules.tickFor(price);
    return tick.isPositive() && price.isMultipleOf(tick);
}

QString newClientId() {
    // Unique per run and per call; only [A-Za-z0-9_-] so every venue accepts it.
    static int counter = 0;
    return QStringLiteral("conf-%1-%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(++counter);
}

} // namespace

QString describe(const VenueError& error) {
    return QStringLiteral("%1 %2: %3")
        .arg(VenueError::kindName(error.kind), error.venueCode, error.userMessage());
}

ConnectorConformance::ConnectorConformance(ConformanceTarget target, QObject* parent)
    : QObject(parent)
    , m_target(std::move(target)) {}

ConnectorConformance::~ConnectorConformance() = default;

void ConnectorConformance::init() {
    m_instance = m_target.create();
    QVERIFY2(m_instance.host && m_instance.host->connector(), "the target's create() gave no connector");
}

void ConnectorConformance::cleanup() {
    m_instance.host.reset(); // stops the connector's thread before its context (fake servers) goes
    m_instance.drive = nullptr;
    m_instance.context.reset();
}

Connector* ConnectorConformance::connector() const {
    return m_instance.host->connector();
}

void ConnectorConformance::drive() {
    if (m_instance.drive)
        m_instance.drive();
}

bool ConnectorConformance::waitForStreams(const QStringList& markets, bool account) {
    if (!m_instance.streamsTaken)
        return true;
    // The fake server lives in this thread: its event loop must run for it to read the subscribe frames.
    return QTest::qWaitFor([&] { return m_instance.streamsTaken(markets, account); }, m_target.timeoutMs);
}

Market ConnectorConformance::market(const QString& code) {
    const auto markets = await(connector()->fetchMarkets(), m_target.timeoutMs);
    if (!markets.ok()) {
        QTest::qFail(qPrintable(describe(markets.error())), __FILE__, __LINE__);
        return {};
    }
    for (const Market& m : markets.value())
        if (m.code == code)
            return m;
    QTest::qFail(qPrintable(QStringLiteral("market %1 is not listed").arg(code)), __FILE__, __LINE__);
    return {};
}

OrderBook ConnectorConformance::book(const QString& code, int depth) {
    const auto r = await(connector()->fetchOrderBook(code, depth), m_target.timeoutMs);
    if (!r.ok()) {
        QTest::qFail(qPrintable(describe(r.error())), __FILE__, __LINE__);
        return {};
    }
    if (r.value().bids().isEmpty() || r.value().asks().isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("the book of %1 has an empty side").arg(code)), __FILE__,
                     __LINE__);
    return r.value();
}

Decimal ConnectorConformance::smallQty(const Market& m, const Decimal& price, int multipleOfMin) const {
    const TradingRules& rules = m.rules;
    const Decimal step = rules.qtyStep.isPositive() ? rules.qtyStep : dec("0.00000001");
    const Decimal total = rules.minTotal.isPositive() ? rules.minTotal * multipleOfMin : price * step * 1000;
    Decimal qty = total.divide(price, step.scale(), Rounding::Up).roundToStep(step, Rounding::Up);
    qty = Decimal::max(qty, Decimal::max(rules.minQty, step));
    return qty;
}

Decimal ConnectorConformance::freeOf(const QString& currency) {
    const auto r = await(connector()->fetchBalances(), m_target.timeoutMs);
    if (!r.ok()) {
        QTest::qFail(qPrintable(describe(r.error())), __FILE__, __LINE__);
        return {};
    }
    for (const Balance& b : r.value())
        if (b.currency == currency)
            return b.free;
    return {};
}

void ConnectorConformance::identifiesItself() {
    QVERIFY(!connector()->venueId().isEmpty());
    QVERIFY(!connector()->displayName().isEmpty());
    QCOMPARE(connector()->thread(), m_instance.host->thread());
}

void ConnectorConformance::callsCompleteOnTheConnectorThread() {
    // Hold the connector's thread so the continuation is attached before the call can complete.
    auto gate = std::make_shared<QSemaphore>();
    QMetaObject::invokeMethod(
        connector(), [gate] { gate->acquire(); }, Qt::QueuedConnection);
    std::atomic<QThread*> completedOn{nullptr};
    const QThread* caller = QThread::currentThread();
    auto future =
        connector()->fetchMarkets().then(QtFuture::Launch::Sync, [&completedOn](Result<QVector<Market>> r) {
            completedOn = QThread::currentThread();
            return r;
        });
    QCOMPARE(QThread::currentThread(), caller); // the call returned at once
    gate->release();
    const auto r = await(future, m_target.timeoutMs);
    REQUIRE_OK(r);
    QCOMPARE(completedOn.load(), m_instance.host->thread());
}

void ConnectorConformance::listsMarketsWithValidRules() {
    const auto r = await(connector()->fetchMarkets(), m_target.timeoutMs);
    REQUIRE_OK(r);
    QVERIFY(!r.value().isEmpty());
    QSet<QString> codes;
    for (const Market& m : r.value()) {
        const QByteArray where = m.code.toUtf8();
        QVERIFY2(!m.code.isEmpty(), where);
        QVERIFY2(!codes.contains(m.code), where);
        codes.insert(m.code);
        QCOMPARE(m.venue, connector()->venueId());
        QVERIFY2(!m.base.isEmpty() && !m.quote.isEmpty(), where);
        QVERIFY2(!m.rules.tickBands.isEmpty(), where);
        Decimal previous = -1;
        for (const PriceBand& band : m.rules.tickBands) {
            QVERIFY2(band.fromPrice > previous, where);
            QVERIFY2(band.tick.isPositive(), where);
            previous = band.fromPrice;
        }
        QVERIFY2(m.rules.qtyStep.isPositive(), where);
        QVERIFY2(!m.rules.minTotal.isNegative() && !m.rules.minQty.isNegative(), where);
        for (const Decimal& fee : {m.rules.makerFeeRate, m.rules.takerFeeRate})
            QVERIFY2(!fee.isNegative() && fee <= dec("0.01"), where);
    }
    for (const QString& code : m_target.markets + QStringList{m_target.tradeMarket})
        QVERIFY2(codes.contains(code), qPrintable(code));
}

void ConnectorConformance::fetchesTickersForSeveralMarkets() {
    QVERIFY2(m_target.markets.size() >= 2, "the target should name at least two markets");
    const auto r = await(connector()->fetchTickers(m_target.markets), m_target.timeoutMs);
    REQUIRE_OK(r);
    QCOMPARE(r.value().size(), m_target.markets.size());
    QSet<QString> seen;
    for (const Ticker& t : r.value()) {
        const QByteArray where = t.market.toUtf8();
        QVERIFY2(m_target.markets.contains(t.market), where);
        seen.insert(t.market);
        QCOMPARE(t.venue, connector()->venueId());
        QVERIFY2(t.last.isPositive(), where);
        QVERIFY2(t.high.isPositive() && t.low.isPositive(), where);
        QVERIFY2(t.low <= t.last && t.last <= t.high, where);
        QVERIFY2(!t.volume24h.isNegative() && !t.quoteVolume24h.isNegative(), where);
        QVERIFY2(t.timestampMs > 0, where);
    }
    QCOMPARE(seen.size(), m_target.markets.size());
}

void ConnectorConformance::orderBookIsSortedUncrossedAndOnTicks() {
    const int depth = 15;
    for (const QString& code : m_target.markets) {
        const Market m = market(code);
        const OrderBook b = book(code, depth);
        if (QTest::currentTestFailed())
            return;
        const QByteArray where = code.toUtf8();
        QCOMPARE(b.market(), code);
        QVERIFY2(!b.isCrossed(), where);
        const int wanted = std::min(depth, m_target.caps.minBookLevels);
        for (const auto* side : {&b.bids(), &b.asks()}) {
            QVERIFY2(side->size() >= wanted,
                     qPrintable(QStringLiteral("%1 has %2 levels").arg(code).arg(side->size())));
            QVERIFY2(side->size() <= depth, where);
            for (qsizetype i = 0; i < side->size(); ++i) {
                const BookLevel& level = side->at(i);
                QVERIFY2(level.price.isPositive() && level.qty.isPositive(), where);
                QVERIFY2(isOnTick(m.rules, level.price),
                         qPrintable(code + QLatin1Char(' ') + level.price.toString()));
                if (i > 0) {
                    const bool ordered = side == &b.bids() ? side->at(i - 1).price > level.price
                                                           : side->at(i - 1).price < level.price;
                    QVERIFY2(ordered, where);
                }
            }
        }
    }
}

void ConnectorConformance::orderBookHonoursDepth() {
    const OrderBook shallow = book(m_target.tradeMarket, 5);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!shallow.bids().isEmpty() && shallow.bids().size() <= 5);
    QVERIFY(!shallow.asks().isEmpty() && shallow.asks().size() <= 5);
    const OrderBook deep = book(m_target.tradeMarket, m_target.caps.maxBookDepth);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(deep.bids().size() >= m_target.caps.minBookLevels);
    QVERIFY(deep.bids().size() <= m_target.caps.maxBookDepth);
    QVERIFY(deep.asks().size() >= m_target.caps.minBookLevels);
    QVERIFY(deep.asks().size() <= m_target.caps.maxBookDepth);
}

void ConnectorConformance::candlesAreOldestFirstAndPageBackward_data() {
    QTest::addColumn<int>("interval");
    for (CandleInterval interval : m_target.caps.candleIntervals)
        QTest::newRow(qPrintable(intervalName(interval))) << int(interval);
}

void ConnectorConformance::candlesAreOldestFirstAndPageBackward() {
    QFETCH(int, interval);
    const auto iv = CandleInterval(interval);
    const bool contiguous = m_target.caps.contiguousCandles;
    const int count = 50;

    auto check = [&](const QVector<Candle>& candles) {
        for (qsizetype i = 0; i < candles.size(); ++i) {
            const Candle& c = candles[i];
            const QByteArray where = QByteArray::number(c.openTimeMs);
            QCOMPARE(bucketStart(iv, c.openTimeMs), c.openTimeMs);
            QVERIFY2(c.low.isPositive(), where);
            QVERIFY2(c.low <= Decimal::min(c.open, c.close), where);
            QVERIFY2(Decimal::max(c.open, c.close) <= c.high, where);
            QVERIFY2(!c.volume.isNegative() && !c.quoteVolume.isNegative(), where);
            if (i > 0) {
                QVERIFY2(candles[i - 1].openTimeMs < c.openTimeMs, "candles must be oldest first");
                if (contiguous)
                    QCOMPARE(nextBucketStart(iv, candles[i - 1].openTimeMs), c.openTimeMs);
            }
        }
    };

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto first =
        await(connector()->fetchCandles({m_target.tradeMarket, iv, count, 0}), m_target.timeoutMs);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    REQUIRE_OK(first);
    const QVector<Candle>& page1 = first.value();
    QVERIFY(!page1.isEmpty());
    QVERIFY(page1.size() <= count);
    check(page1);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(page1.last().openTimeMs <= bucketStart(iv, after));
    if (contiguous) {
        QCOMPARE(page1.size(), count);
        // Ends at the current bucket.
        QVERIFY(page1.last().openTimeMs >= bucketStart(iv, before));
    }

    // The page before: no overlap, and (contiguous venues) no gap either.
    const qint64 toMs = page1.first().openTimeMs;
    const auto second =
        await(connector()->fetchCandles({m_target.tradeMarket, iv, count, toMs}), m_target.timeoutMs);
    REQUIRE_OK(second);
    const QVector<Candle>& page2 = second.value();
    QVERIFY(!page2.isEmpty());
    check(page2);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(page2.last().openTimeMs < toMs);
    if (contiguous) {
        QCOMPARE(page2.size(), count);
        QCOMPARE(nextBucketStart(iv, page2.last().openTimeMs), toMs);
    }
}

void ConnectorConformance::recentTradesAreNewestFirst() {
    const Market m = market(m_target.tradeMarket);
    if (QTest::currentTestFailed())
        return;
    Result<QVector<Trade>> r;
    for (int round = 0; round < m_target.maxDriveRounds; ++round) {
        r = await(connector()->fetchTrades(m_target.tradeMarket, 20), m_target.timeoutMs);
        REQUIRE_OK(r);
        if (!r.value().isEmpty())
            break;
        drive();
    }
    QVERIFY2(!r.value().isEmpty(), "no trades after driving the market");
    QVERIFY(r.value().size() <= 20);
    QSet<QString> ids;
    for (qsizetype i = 0; i < r.value().size(); ++i) {
        const Trade& t = r.value()[i];
        QCOMPARE(t.market, m_target.tradeMarket);
        QVERIFY(t.price.isPositive() && t.qty.isPositive());
        QVERIFY2(isOnTick(m.rules, t.price), qPrintable(t.price.toString()));
        QVERIFY(t.timestampMs > 0);
        QVERIFY2(!t.id.isEmpty() && !ids.contains(t.id), qPrintable(t.id));
        ids.insert(t.id);
        if (i > 0)
            QVERIFY2(r.value()[i - 1].timestampMs >= t.timestampMs, "trades must be newest first");
    }
}

void ConnectorConformance::restingLimitOrderLifecycle() {
    if (!m_target.caps.trading)
        QSKIP("the target does not trade");
    const Market m = market(m_target.tradeMarket);
    const OrderBook b = book(m_target.tradeMarket, 5);
    if (QTest::currentTestFailed())
        return;
    // A buy far below the market rests.
    const Decimal price = onTick(m.rules, b.bestBid()->price * dec("0.8"), Rounding::Floor);
    const Decimal qty = smallQty(m, price);
    auto lockedOf = [&](const QString& currency) {
        const auto balances = await(connector()->fetchBalances(), m_target.timeoutMs);
        Decimal locked;
        if (balances.ok())
            for (const Balance& bal : balances.value())
                if (bal.currency == currency)
                    locked = bal.locked;
        return locked;
    };
    const Decimal lockedBefore = lockedOf(m.quote);

    const QString clientId = newClientId();
    const OrderRequest request{m.code, Side::Buy, OrderType::Limit, price, qty, {}, clientId};
    const auto created = await(connector()->createOrder(request), m_target.timeoutMs);
    REQUIRE_OK(created);
    const Order& o = created.value();
    QVERIFY(!o.id.isEmpty());
    QCOMPARE(o.clientId, clientId);
    QCOMPARE(o.market, m.code);
    QCOMPARE(o.side, Side::Buy);
    QCOMPARE(o.type, OrderType::Limit);
    QCOMPARE(o.price, price);
    QCOMPARE(o.qty, qty);
    QVERIFY2(o.state == OrderState::New || o.state == OrderState::Open, qPrintable(orderStateName(o.state)));

    const auto open = await(connector()->fetchOpenOrders(m.code), m_target.timeoutMs);
    REQUIRE_OK(open);
    QVERIFY(
        std::any_of(open.value().begin(), open.value().end(), [&](const Order& x) { return x.id == o.id; }));

    const auto byClientId = await(connector()->fetchOrder({{}, clientId}), m_target.timeoutMs);
    REQUIRE_OK(byClientId);
    QCOMPARE(byClientId.value().id, o.id);
    QVERIFY(byClientId.value().isOpen());
    const auto byId = await(connector()->fetchOrder({o.id, {}}), m_target.timeoutMs);
    REQUIRE_OK(byId);
    QCOMPARE(byId.value().clientId, clientId);

    QVERIFY2(lockedOf(m.quote) >= lockedBefore + price * qty, "an open buy must lock its quote amount");

    const auto cancelled = await(connector()->cancelOrder({o.id, {}}), m_target.timeoutMs);
    REQUIRE_OK(cancelled);
    QCOMPARE(cancelled.value().id, o.id);
    // Some venues answer a cancel before it is done: poll until it is.
    Result<Order> state;
    for (int round = 0; round < m_target.maxDriveRounds; ++round) {
        state = await(connector()->fetchOrder({o.id, {}}), m_target.timeoutMs);
        REQUIRE_OK(state);
        if (isTerminal(state.value().state))
            break;
        drive();
    }
    QCOMPARE(state.value().state, OrderState::Cancelled);

    const auto openAfter = await(connector()->fetchOpenOrders(m.code), m_target.timeoutMs);
    REQUIRE_OK(openAfter);
    QVERIFY(std::none_of(openAfter.value().begin(), openAfter.value().end(),
                         [&](const Order& x) { return x.id == o.id; }));
    QCOMPARE(lockedOf(m.quote), lockedBefore);

    const auto closed = await(connector()->fetchClosedOrders(m.code, 20), m_target.timeoutMs);
    REQUIRE_OK(closed);
    QVERIFY(std::any_of(closed.value().begin(), closed.value().end(),
                        [&](const Order& x) { return x.id == o.id && x.state == OrderState::Cancelled; }));

    const auto again = await(connector()->cancelOrder({o.id, {}}), m_target.timeoutMs);
    REQUIRE_ERROR(again, ErrorKind::NotFound);
}

void ConnectorConformance::marketableLimitOrderFills() {
    if (!m_target.caps.trading || !m_target.caps.immediateFills)
        QSKIP("the target does not fill marketable orders at once");
    const Market m = market(m_target.tradeMarket);
    const OrderBook b = book(m_target.tradeMarket, 5);
    if (QTest::currentTestFailed())
        return;
    StreamRecorder stream(connector());
    if (m_target.caps.accountStream) {
        connector()->subscribeAccount();
        QVERIFY2(waitForStreams({}, true), "the account stream was not subscribed in time");
    }

    auto totals = [&]() {
        QHash<QString, Decimal> out;
        const auto balances = await(connector()->fetchBalances(), m_target.timeoutMs);
        if (balances.ok())
            for (const Balance& bal : balances.value())
                out.insert(bal.currency, bal.total());
        return out;
    };
    const QHash<QString, Decimal> before = totals();

    const Decimal price = onTick(m.rules, b.bestAsk()->price * dec("1.01"), Rounding::Ceiling);
    const Decimal qty = smallQty(m, b.bestAsk()->price);
    const auto created =
        await(connector()->createOrder({m.code, Side::Buy, OrderType::Limit, price, qty, {}, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_OK(created);
    const QString id = created.value().id;
    Result<Order> state = created;
    for (int round = 0; round < m_target.maxDriveRounds && state.value().state != OrderState::Filled;
         ++round) {
        drive();
        state = await(connector()->fetchOrder({id, {}}), m_target.timeoutMs);
        REQUIRE_OK(state);
    }
    QCOMPARE(state.value().state, OrderState::Filled);
    QCOMPARE(state.value().filledQty, qty);

    const auto fills = await(connector()->fetchFills(m.code, 50), m_target.timeoutMs);
    REQUIRE_OK(fills);
    Decimal filled;
    Decimal spent;
    Decimal feeInBase;
    Decimal feeInQuote;
    for (const Fill& f : fills.value()) {
        if (f.orderId != id)
            continue;
        QCOMPARE(f.side, Side::Buy);
        QCOMPARE(f.market, m.code);
        QVERIFY2(f.price <= price, "a buy must not fill above its limit");
        QVERIFY(!f.fee.isNegative());
        filled += f.qty;
        spent += f.price * f.qty;
        (f.feeCurrency == m.base ? feeInBase : feeInQuote) += f.fee;
    }
    QCOMPARE(filled, qty);

    // The balances moved by exactly what the fills say.
    const QHash<QString, Decimal> after = totals();
    QCOMPARE(after.value(m.base), before.value(m.base) + qty - feeInBase);
    QCOMPARE(after.value(m.quote), before.value(m.quote) - spent - feeInQuote);

    if (m_target.caps.accountStream) {
        const bool seen = stream.waitUntil(
            [&] {
                return std::any_of(stream.fills.begin(), stream.fills.end(),
                                   [&](const Fill& f) { return f.orderId == id; });
            },
            {}, m_target.maxDriveRounds, m_target.timeoutMs / 10);
        QVERIFY2(seen, "the account stream reported no fill for the order");
    }
}

void ConnectorConformance::marketOrdersFill() {
    if (!m_target.caps.trading || !m_target.caps.marketOrders)
        QSKIP("the target does not take market orders");
    const Market m = market(m_target.tradeMarket);
    if (QTest::currentTestFailed())
        return;
    auto settle = [&](const QString& id) {
        Result<Order> state;
        for (int round = 0; round < m_target.maxDriveRounds; ++round) {
            state = await(connector()->fetchOrder({id, {}}), m_target.timeoutMs);
            if (!state.ok() || isTerminal(state.value().state))
                break;
            drive();
        }
        return state;
    };

    // Buy for a quote amount.
    const Decimal total = Decimal::max(m.rules.minTotal, Decimal(1)) * 3;
    const auto bought =
        await(connector()->createOrder({m.code, Side::Buy, OrderType::Market, {}, {}, total, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_OK(bought);
    const Result<Order> buy = settle(bought.value().id);
    REQUIRE_OK(buy);
    QVERIFY2(isTerminal(buy.value().state), qPrintable(orderStateName(buy.value().state)));
    QVERIFY(buy.value().filledQty.isPositive());
    QVERIFY(buy.value().filledQuote <= total);

    // Sell that quantity again.
    const Decimal qty = buy.value().filledQty.roundToStep(m.rules.qtyStep, Rounding::Down);
    const auto sold =
        await(connector()->createOrder({m.code, Side::Sell, OrderType::Market, {}, qty, {}, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_OK(sold);
    const Result<Order> sell = settle(sold.value().id);
    REQUIRE_OK(sell);
    QCOMPARE(sell.value().state, OrderState::Filled);
    QCOMPARE(sell.value().filledQty, qty);
}

void ConnectorConformance::marketStreamsDeliverSubscribedMarkets() {
    if (!m_target.caps.marketStreams)
        QSKIP("the target has no market streams");
    QStringList subscribed = m_target.markets;
    QStringList others;
    if (subscribed.size() >= 3)
        others << subscribed.takeLast();

    StreamRecorder stream(connector());
    connector()->subscribeMarketData(subscribed, TickerChannel | TradeChannel | OrderBookChannel);
    QVERIFY2(waitForStreams(subscribed, false), "the market streams were not subscribed in time");

    const QSet<QString> wanted(subscribed.begin(), subscribed.end());
    stream.waitUntil(
        [&] {
            return stream.tickerMarkets().contains(wanted) && stream.bookMarkets().contains(wanted) &&
                   !stream.trades.isEmpty();
        },
        [this] { drive(); }, m_target.maxDriveRounds, m_target.timeoutMs / 10);
    QVERIFY2(stream.tickerMarkets().contains(wanted), "a subscribed market sent no ticker");
    QVERIFY2(stream.bookMarkets().contains(wanted), "a subscribed market sent no order book");
    QVERIFY2(!stream.trades.isEmpty(), "no trade arrived");
    QCOMPARE(stream.lastEmittingThread(), m_instance.host->thread());

    for (const QString& other : others) {
        QVERIFY2(!stream.tickerMarkets().contains(other), qPrintable(other));
        QVERIFY2(!stream.bookMarkets().contains(other), qPrintable(other));
        QVERIFY2(!stream.tradeMarkets().contains(other), qPrintable(other));
    }
    for (const OrderBook& b : stream.books) {
        QVERIFY2(!b.isCrossed(), qPrintable(b.market()));
        QVERIFY(!b.bids().isEmpty() && !b.asks().isEmpty());
    }
    for (const Trade& t : stream.trades) {
        QVERIFY(wanted.contains(t.market));
        QVERIFY(t.price.isPositive() && t.qty.isPositive());
    }
    for (const Ticker& t : stream.tickers)
        QVERIFY(t.last.isPositive());
}

void ConnectorConformance::accountStreamReportsOwnActivity() {
    if (!m_target.caps.trading || !m_target.caps.accountStream)
        QSKIP("the target has no account stream");
    const Market m = market(m_target.tradeMarket);
    const OrderBook b = book(m_target.tradeMarket, 5);
    if (QTest::currentTestFailed())
        return;
    StreamRecorder stream(connector());
    connector()->subscribeAccount();
    QVERIFY2(waitForStreams({}, true), "the account stream was not subscribed in time");

    const Decimal price = onTick(m.rules, b.bestBid()->price * dec("0.8"), Rounding::Floor);
    const auto created =
        await(connector()->createOrder(
                  {m.code, Side::Buy, OrderType::Limit, price, smallQty(m, price), {}, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_OK(created);
    const QString id = created.value().id;

    auto waitForOrder = [&](auto accept) {
        return stream.waitUntil(
            [&] {
                return std::any_of(stream.orders.begin(), stream.orders.end(),
                                   [&](const Order& o) { return o.id == id && accept(o); });
            },
            {}, m_target.maxDriveRounds, m_target.timeoutMs / 10);
    };
    QVERIFY2(waitForOrder([](const Order& o) { return o.isOpen(); }), "no update for the new order");

    const auto cancelled = await(connector()->cancelOrder({id, {}}), m_target.timeoutMs);
    REQUIRE_OK(cancelled);
    QVERIFY2(waitForOrder([](const Order& o) { return o.state == OrderState::Cancelled; }),
             "no update for the cancelled order");
    QCOMPARE(stream.lastEmittingThread(), m_instance.host->thread());

    const bool quoteBalanceSeen = stream.waitUntil(
        [&] {
            return std::any_of(stream.balances.begin(), stream.balances.end(),
                               [&](const Balance& bal) { return bal.currency == m.quote; });
        },
        {}, m_target.maxDriveRounds, m_target.timeoutMs / 10);
    QVERIFY2(quoteBalanceSeen, "no balance update for the quote currency");
}

void ConnectorConformance::unknownMarketIsNotFound() {
    const QString code = m_target.unknownMarket;
    const auto tickers = await(connector()->fetchTickers({code}), m_target.timeoutMs);
    REQUIRE_ERROR(tickers, ErrorKind::NotFound);
    const auto bookResult = await(connector()->fetchOrderBook(code, 5), m_target.timeoutMs);
    REQUIRE_ERROR(bookResult, ErrorKind::NotFound);
    const auto candles =
        await(connector()->fetchCandles({code, CandleInterval::M1, 10, 0}), m_target.timeoutMs);
    REQUIRE_ERROR(candles, ErrorKind::NotFound);
    if (!m_target.caps.trading)
        return;
    const auto order =
        await(connector()->createOrder(
                  {code, Side::Buy, OrderType::Limit, Decimal(1000), Decimal(10), {}, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_ERROR(order, ErrorKind::NotFound);
}

void ConnectorConformance::offTickPriceIsInvalidOrder() {
    if (!m_target.caps.trading)
        QSKIP("the target does not trade");
    const Market m = market(m_target.tradeMarket);
    const OrderBook b = book(m_target.tradeMarket, 5);
    if (QTest::currentTestFailed())
        return;
    const Decimal valid = onTick(m.rules, b.bestBid()->price * dec("0.8"), Rounding::Floor);
    const Decimal tick = m.rules.tickFor(valid);
    const Decimal offTick = valid + tick.divide(Decimal(2), tick.scale() + 1, Rounding::HalfEven);
    QVERIFY(!offTick.isMultipleOf(m.rules.tickFor(offTick)));
    const auto r =
        await(connector()->createOrder(
                  {m.code, Side::Buy, OrderType::Limit, offTick, smallQty(m, offTick), {}, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_ERROR(r, ErrorKind::InvalidOrder);
}

void ConnectorConformance::oversizedOrderIsInsufficientFunds() {
    if (!m_target.caps.trading)
        QSKIP("the target does not trade");
    const Market m = market(m_target.tradeMarket);
    const OrderBook b = book(m_target.tradeMarket, 5);
    if (QTest::currentTestFailed())
        return;
    const Decimal step = m.rules.qtyStep;

    // A buy worth three times the free quote balance, far below the market.
    const Decimal bid = onTick(m.rules, b.bestBid()->price * dec("0.8"), Rounding::Floor);
    const Decimal quoteFree = freeOf(m.quote);
    const Decimal buyQty =
        Decimal::max(smallQty(m, bid),
                     (quoteFree * 3).divide(bid, step.scale(), Rounding::Up).roundToStep(step, Rounding::Up));
    const auto buy =
        await(connector()->createOrder({m.code, Side::Buy, OrderType::Limit, bid, buyQty, {}, newClientId()}),
              m_target.timeoutMs);
    REQUIRE_ERROR(buy, ErrorKind::InsufficientFunds);

    // A sell of more than the free base balance, far above the market.
    const Decimal ask = onTick(m.rules, b.bestAsk()->price * dec("1.2"), Rounding::Ceiling);
    const Decimal sellQty = Decimal::max(smallQty(m, ask), freeOf(m.base) + step);
    const auto sell = await(
        connector()->createOrder({m.code, Side::Sell, OrderType::Limit, ask, sellQty, {}, newClientId()}),
        m_target.timeoutMs);
    REQUIRE_ERROR(sell, ErrorKind::InsufficientFunds);
}

void ConnectorConformance::cancellingUnknownOrderIsNotFound() {
    if (!m_target.caps.trading)
        QSKIP("the target does not trade");
    const OrderRef unknown{QStringLiteral("00000000-0000-4000-8000-000000000000"), {}};
    const auto cancel = await(connector()->cancelOrder(unknown), m_target.timeoutMs);
    REQUIRE_ERROR(cancel, ErrorKind::NotFound);
    const auto fetch = await(connector()->fetchOrder(unknown), m_target.timeoutMs);
    REQUIRE_ERROR(fetch, ErrorKind::NotFound);
}

int runConformance(const ConformanceTarget& target, int argc, char** argv) {
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance())
        app = std::make_unique<QCoreApplication>(argc, argv);
    ConnectorConformance suite(target);
    return QTest::qExec(&suite, argc, argv);
}

} // namespace hoga::test
