#include "sim_exchange.h"

#include "core/krx_market.h"
#include "core/order_validator.h"

#include "sim_account.h"
#include "sim_book.h"
#include "sim_history.h"
#include "sim_markets.h"
#include "sim_price_process.h"
#include "sim_random.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <deque>
#include <vector>

namespace hoga {

using namespace sim;

namespace {

const QString kVenue = QStringLiteral("sim");

constexpr CandleInterval kIntervals[] = {
    CandleInterval::S1,  CandleInterval::M1,  CandleInterval::M3,  CandleInterval::M5,
    CandleInterval::M10, CandleInterval::M15, CandleInterval::M30, CandleInterval::H1,
    CandleInterval::H4,  CandleInterval::D1,  CandleInterval::W1,  CandleInterval::MN1,
};
constexpr int kIntervalCount = int(std::size(kIntervals));
constexpr qint64 kTickerBucketMs = 10 * 60'000; // 24 h statistics come from 10-minute candles
constexpr qint64 kTickerBuckets = 144;

int intervalIndex(CandleInterval interval) {
    for (int i = 0; i < kIntervalCount; ++i)
        if (kIntervals[i] == interval)
            return i;
    return 0;
}

// How many candles of each interval the live aggregators keep (1 s candles: three hours).
int retention(CandleInterval interval) {
    return interval == CandleInterval::S1 ? 10'800 : 5'000;
}

// "45001" -> "45,001"; "0.00012" unchanged; the sign kept.
QString grouped(const Decimal& value) {
    QString text = value.abs().toString();
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    for (qsizetype i = (dot < 0 ? text.size() : dot) - 3; i > 0; i -= 3)
        text.insert(i, QLatin1Char(','));
    return value.isNegative() ? QLatin1Char('-') + text : text;
}

VenueError error(ErrorKind kind, const QString& venueCode, const QString& detail) {
    VenueError e;
    e.kind = kind;
    e.venueCode = venueCode;
    e.detail = detail;
    return e;
}

QString sideSuffix(Side side) {
    return side == Side::Buy ? QStringLiteral("_bid") : QStringLiteral("_ask");
}

// Deterministic ids shaped like the UUIDs real venues hand out.
QString uuidText(quint64 seed, quint64 sequence) {
    const quint64 a = mixKey(seed, sequence * 2 + 1);
    const quint64 b = mixKey(seed, sequence * 2 + 2);
    return QString::asprintf("%08llx-%04llx-4%03llx-%04llx-%012llx", a >> 32, (a >> 16) & 0xffff, a & 0xfff,
                             0x8000 | ((b >> 48) & 0x3fff), b & 0xffffffffffffULL);
}

qint64 monthIndex(qint64 ms) {
    const QDate d = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
    return qint64(d.year()) * 12 + d.month() - 1;
}

qint64 bucketsBetween(CandleInterval interval, qint64 olderBucket, qint64 newerBucket) {
    if (interval == CandleInterval::MN1)
        return monthIndex(newerBucket) - monthIndex(olderBucket);
    return (newerBucket - olderBucket) / intervalMs(interval);
}

} // namespace

struct SimExchange::Impl {
    struct MarketState {
        MarketState(SimMarketSpec s, quint64 seed, quint64 index)
            : spec(std::move(s))
            , book(spec.market.rules, spec.levelQty)
            , bookRng(mixKey(seed, 0xb00c00 + index))
            , flowRng(mixKey(seed, 0xf10e00 + index))
            // Trade ids look like a venue's running sequence, different per market.
            , tradeSeq(1'000'000 + (mixKey(seed, index) % 1'000'000) * 1000) {}

        SimMarketSpec spec;
        SimBook book;
        SimRandom bookRng;
        SimRandom flowRng;
        std::unique_ptr<SimHistory> history;
        std::deque<Trade> trades;              // oldest first
        std::vector<CandleAggregator> candles; // by intervalIndex()
        std::vector<qint64> startBuckets;      // by intervalIndex()
        Decimal last;
        // KRX-like stocks: the close the daily price limits are set from, and the KST day they belong to.
        Decimal prevClose;
        qint64 sessionDay = 0;
        quint64 tradeSeq = 0;
        quint64 bookSeq = 0;
    };

    struct OrderRecord {
        Order order;
        Decimal lockedLeft; // still held for this order (quote for buys, base for sells)
        QString lockCurrency;
        Decimal lockRate; // fee rate the lock of a limit buy was sized with
    };

    // Collects what one operation changed.
    struct Batch {
        SimEvents* events;
        QSet<QString> currencies;
        QSet<QString> markets;
    };

    SimConfig config;
    SimPriceProcess process;
    std::vector<MarketState> markets;
    QHash<QString, int> marketIndex;
    SimAccount account;
    qint64 startMs = 0;
    quint64 steps = 0;

    QHash<QString, OrderRecord> orders;
    QHash<QString, QString> idByClientId;
    QVector<QString> creationOrder;
    QVector<QString> closedOrder;
    QVector<Fill> fills; // oldest first
    quint64 orderSeq = 0;

    explicit Impl(const SimConfig& c)
        : config(c)
        , process(c.seed, c.stepIntervalMs) {}

    const Clock& clock() const { return *config.clock; }
    MarketState* find(const QString& code) {
        auto it = marketIndex.find(code);
        return it == marketIndex.end() ? nullptr : &markets[size_t(it.value())];
    }
    const MarketState* find(const QString& code) const { return const_cast<Impl*>(this)->find(code); }

    static VenueError unknownMarket(const QString& code) {
        return error(
            ErrorKind::NotFound, QStringLiteral("market_does_not_exist"),
            QCoreApplication::translate("hoga::SimConnector", "The simulated venue has no market %1.")
                .arg(code));
    }

    void initMarkets();
    // A stock's session: whether it trades now; a new trading day moves the price limits to the last close.
    bool openForTrading(MarketState& m, qint64 now);
    static void setLimitsFrom(MarketState& m, const Decimal& previousClose);
    Ticker tickerOf(const MarketState& m, qint64 now) const;
    void recordTrade(MarketState& m, Side takerSide, const Decimal& price, const Decimal& qty, qint64 now,
                     Batch& batch, QString* tradeId);
    void settle(MarketState& m, Side takerSide, const QVector<SimMatch>& matches, OrderRecord* taker,
                qint64 now, Batch& batch);
    void applyFill(OrderRecord& r, const MarketState& m, const Decimal& price, const Decimal& qty, bool maker,
                   const QString& tradeId, qint64 now, Batch& batch);
    void close(OrderRecord& r, OrderState state, qint64 now, Batch& batch);
    std::optional<Decimal> convert(const Decimal& price, const QString& from, const QString& to) const;
    void finish(Batch& batch) const;
    std::optional<VenueError> validateAndLock(const OrderRequest& req, MarketState& m, Decimal* lockAmount);
    // A limit order whose price reaches the opposite best price would take liquidity.
    static bool wouldTake(const MarketState& m, const OrderRequest& req);
    // Whether `matches` (a preview) fill the whole quantity or amount; dust below one step counts as done.
    static bool fillsCompletely(const MarketState& m, const OrderRequest& req,
                                const QVector<SimMatch>& matches);
    void crowdTrades(MarketState& m, qint64 now, Batch& batch);
    OrderRecord* findOrder(const OrderRef& ref);
    VenueError orderNotFound(const OrderRef& ref) const;
};

void SimExchange::Impl::initMarkets() {
    const QVector<SimMarketSpec> specs = simMarketSpecs();
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const SimMarketSpec& spec = specs[i];
        MarketState m(spec, config.seed, quint64(i));
        if (spec.driver == SimDriver::KrxStock)
            process.addStock(spec.stock);
        const Decimal fair = process.fairValue(spec);
        m.last = nearestTick(spec.market.rules, fair);
        if (spec.driver == SimDriver::KrxStock) {
            m.sessionDay = krx::kstDay(startMs);
            setLimitsFrom(m, m.last);
        }
        m.book.recentre(fair, m.bookRng);
        m.history = std::make_unique<SimHistory>(config.seed, spec, m.last, startMs);

        // Each live aggregator starts with the part of the current bucket from before the start (and the
        // 10-minute one with a day of history, which the 24 h ticker reads).
        for (CandleInterval interval : kIntervals) {
            const qint64 bucket = bucketStart(interval, startMs);
            m.startBuckets.push_back(bucket);
            QVector<qint64> openTimes{bucket};
            if (interval == CandleInterval::M10)
                for (qint64 k = 1; k < kTickerBuckets; ++k)
                    openTimes.append(bucket - k * kTickerBucketMs);
            CandleAggregator aggregator(interval, retention(interval));
            aggregator.setHistory(m.history->candles(interval, 0, openTimes));
            m.candles.push_back(std::move(aggregator));
        }
        marketIndex.insert(spec.market.code, int(markets.size()));
        markets.push_back(std::move(m));
    }
}

void SimExchange::Impl::setLimitsFrom(MarketState& m, const Decimal& previousClose) {
    m.prevClose = previousClose;
    const krx::PriceLimits limits = krx::dailyPriceLimits(previousClose);
    m.book.setPriceLimits(limits.lower, limits.upper);
}

bool SimExchange::Impl::openForTrading(MarketState& m, qint64 now) {
    if (m.spec.driver != SimDriver::KrxStock)
        return true;
    if (!m.spec.market.rules.isOpenAt(now))
        return false;
    const qint64 day = krx::kstDay(now);
    if (day != m.sessionDay) {
        m.sessionDay = day;
        setLimitsFrom(m, m.last);
    }
    return true;
}

Ticker SimExchange::Impl::tickerOf(const MarketState& m, qint64 now) const {
    Ticker t;
    t.venue = kVenue;
    t.market = m.spec.market.code;
    t.last = m.last;
    t.timestampMs = now;
    const qint64 windowStart = bucketStart(CandleInterval::M10, now) - (kTickerBuckets - 1) * kTickerBucketMs;
    bool any = false;
    for (const Candle& c : m.candles[size_t(intervalIndex(CandleInterval::M10))].candles()) {
        if (c.openTimeMs < windowStart)
            continue;
        if (!any) {
            t.open = c.open;
            t.high = c.high;
            t.low = c.low;
            any = true;
        }
        t.high = Decimal::max(t.high, c.high);
        t.low = Decimal::min(t.low, c.low);
        t.volume24h += c.volume;
        t.quoteVolume24h += c.quoteVolume;
    }
    if (!any) {
        t.open = t.high = t.low = m.last;
    }
    t.high = Decimal::max(t.high, m.last);
    t.low = Decimal::min(t.low, m.last);
    // A stock's change is against the previous session's close, as Korean stock apps show it.
    t.prevClose = m.prevClose.isPositive() ? m.prevClose : t.open;
    t.change = t.last - t.prevClose;
    t.changeRate = t.prevClose.isPositive() ? t.change.divide(t.prevClose, 8, Rounding::HalfEven) : Decimal();
    return t;
}

void SimExchange::Impl::recordTrade(MarketState& m, Side takerSide, const Decimal& price, const Decimal& qty,
                                    qint64 now, Batch& batch, QString* tradeId) {
    Trade t;
    t.venue = kVenue;
    t.market = m.spec.market.code;
    t.id = QString::number(++m.tradeSeq);
    t.price = price;
    t.qty = qty;
    t.side = takerSide;
    t.timestampMs = now;
    m.trades.push_back(t);
    while (m.trades.size() > size_t(kMaxRecentTrades))
        m.trades.pop_front();
    for (CandleAggregator& a : m.candles)
        a.addTrade(t);
    m.last = price;
    batch.markets.insert(t.market);
    *tradeId = t.id;
    if (batch.events)
        batch.events->trades.append(std::move(t));
}

void SimExchange::Impl::settle(MarketState& m, Side takerSide, const QVector<SimMatch>& matches,
                               OrderRecord* taker, qint64 now, Batch& batch) {
    for (const SimMatch& match : matches) {
        QString tradeId;
        recordTrade(m, takerSide, match.price, match.qty, now, batch, &tradeId);
        if (!match.makerOrderId.isEmpty()) {
            auto it = orders.find(match.makerOrderId);
            if (it != orders.end())
                applyFill(it.value(), m, match.price, match.qty, true, tradeId, now, batch);
        }
        if (taker)
            applyFill(*taker, m, match.price, match.qty, false, tradeId, now, batch);
    }
}

std::optional<Decimal> SimExchange::Impl::convert(const Decimal& price, const QString& from,
                                                  const QString& to) const {
    if (from == to)
        return price;
    const MarketState* usdt = find(QStringLiteral("KRW-USDT"));
    if (!usdt || !usdt->last.isPositive())
        return std::nullopt;
    if (from == QLatin1String("USDT") && to == QLatin1String("KRW"))
        return price.multiply(usdt->last, 8, Rounding::HalfEven);
    if (from == QLatin1String("KRW") && to == QLatin1String("USDT"))
        return price.divide(usdt->last, 8, Rounding::HalfEven);
    return std::nullopt;
}

void SimExchange::Impl::applyFill(OrderRecord& r, const MarketState& m, const Decimal& price,
                                  const Decimal& qty, bool maker, const QString& tradeId, qint64 now,
                                  Batch& batch) {
    Order& o = r.order;
    const Market& market = m.spec.market;
    const TradingRules& rules = market.rules;
    const Decimal gross = price * qty;
    const Decimal fee = gross * (maker ? rules.makerFeeRate : rules.takerFeeRate);

    if (o.side == Side::Buy) {
        const Decimal cost = gross + fee;
        account.spendLocked(market.quote, cost);
        r.lockedLeft -= cost;
        account.credit(market.base, qty);
        // The average stays in the currency it is kept in (BTC bought on BTCUSDT counts at KRW-USDT).
        QString avgCurrency = market.quote;
        Decimal avgPrice = price;
        const SimAccount::Holding* h = account.holding(market.base);
        if (h && !h->avgBuyCurrency.isEmpty()) {
            if (const std::optional<Decimal> converted = convert(price, market.quote, h->avgBuyCurrency)) {
                avgCurrency = h->avgBuyCurrency;
                avgPrice = *converted;
            }
        }
        account.recordBuy(market.base, qty, avgPrice, avgCurrency);
    } else {
        account.spendLocked(market.base, qty);
        r.lockedLeft -= qty;
        account.credit(market.quote, gross - fee);
        account.recordSell(market.base);
    }
    batch.currencies.insert(market.base);
    batch.currencies.insert(market.quote);

    Fill f;
    f.venue = kVenue;
    f.orderId = o.id;
    f.clientId = o.clientId;
    f.market = o.market;
    f.tradeId = tradeId;
    f.side = o.side;
    f.price = price;
    f.qty = qty;
    f.fee = fee;
    f.feeCurrency = market.quote;
    f.maker = maker;
    f.timestampMs = now;
    const bool applied = o.applyFill(f); // matching never overfills, so this always applies
    Q_ASSERT(applied);
    Q_UNUSED(applied);
    o.updatedAtMs = now;
    const bool complete = o.state == OrderState::Filled;

    // A limit buy holds price x remaining x (1 + fee); a better fill price frees the difference at once.
    if (o.side == Side::Buy && o.type == OrderType::Limit) {
        const Decimal needed = o.price * (o.qty - o.filledQty) * (Decimal(1) + r.lockRate);
        if (r.lockedLeft > needed) {
            account.unlock(market.quote, r.lockedLeft - needed);
            r.lockedLeft = needed;
        }
    }

    fills.append(f);
    if (batch.events) {
        batch.events->fills.append(f);
        batch.events->orders.append(o);
    }
    if (complete)
        close(r, OrderState::Filled, now, batch);
}

void SimExchange::Impl::close(OrderRecord& r, OrderState state, qint64 now, Batch& batch) {
    const bool changed = r.order.state != state;
    r.order.state = state;
    r.order.updatedAtMs = now;
    if (!r.lockedLeft.isZero()) {
        account.unlock(r.lockCurrency, r.lockedLeft);
        batch.currencies.insert(r.lockCurrency);
        r.lockedLeft = {};
    }
    closedOrder.append(r.order.id);
    if (changed && batch.events)
        batch.events->orders.append(r.order);
}

void SimExchange::Impl::finish(Batch& batch) const {
    if (!batch.events)
        return;
    QStringList currencies(batch.currencies.begin(), batch.currencies.end());
    currencies.sort();
    for (const QString& c : currencies)
        batch.events->balances.append(account.balance(c));
    QStringList touched(batch.markets.begin(), batch.markets.end());
    touched.sort();
    for (const QString& code : touched)
        if (!batch.events->markets.contains(code))
            batch.events->markets.append(code);
}

void SimExchange::Impl::crowdTrades(MarketState& m, qint64 now, Batch& batch) {
    const TradingRules& rules = m.spec.market.rules;
    // 0..6 prints per step, about 1.3 on average.
    const quint64 r = m.flowRng.below(100);
    const int count = r < 35 ? 0 : r < 65 ? 1 : r < 83 ? 2 : r < 93 ? 3 : 4 + int(m.flowRng.below(3));
    // Takers lean toward the way the market just moved.
    const qint64 shock = process.lastShockMicro(m.spec);
    const qint64 buyPermille = 500 + std::clamp<qint64>(shock / 4000, -250, 250);
    for (int i = 0; i < count; ++i) {
        const Side side = qint64(m.flowRng.below(1000)) < buyPermille ? Side::Buy : Side::Sell;
        const qint64 a = m.flowRng.between(1, 1000);
        const qint64 b = m.flowRng.between(1, 1000);
        const qint64 whale = m.flowRng.chancePermille(10) ? 8 : 1;
        const Decimal factor = Decimal::fromMantissa((20 + a * b / 230) * whale, 3);
        Decimal qty = (m.spec.tradeQty * factor).roundToStep(rules.qtyStep, Rounding::Down);
        const std::optional<Decimal> best = side == Side::Buy ? m.book.bestAsk() : m.book.bestBid();
        if (!best)
            continue;
        const Decimal minQty = rules.minTotal.divide(*best, rules.qtyStep.scale(), Rounding::Up)
                                   .roundToStep(rules.qtyStep, Rounding::Up);
        qty = Decimal::max(qty, Decimal::max(minQty, rules.qtyStep));
        settle(m, side, m.book.take(side, {}, qty, {}), nullptr, now, batch);
    }
}

SimExchange::Impl::OrderRecord* SimExchange::Impl::findOrder(const OrderRef& ref) {
    QString id = ref.id;
    if (id.isEmpty() && !ref.clientId.isEmpty())
        id = idByClientId.value(ref.clientId);
    auto it = orders.find(id);
    return it == orders.end() ? nullptr : &it.value();
}

VenueError SimExchange::Impl::orderNotFound(const OrderRef& ref) const {
    const QString detail =
        ref.id.isEmpty()
            ? QCoreApplication::translate("hoga::SimConnector", "There is no order with client id %1.")
                  .arg(ref.clientId)
            : QCoreApplication::translate("hoga::SimConnector", "There is no order with id %1.").arg(ref.id);
    return error(ErrorKind::NotFound, QStringLiteral("order_not_found"), detail);
}

// The venues' (Upbit's) time-in-force rules: limit orders take any; best orders IOC or FOK; market none.
bool SimExchange::Impl::wouldTake(const MarketState& m, const OrderRequest& req) {
    const std::optional<Decimal> opposite = req.side == Side::Buy ? m.book.bestAsk() : m.book.bestBid();
    return opposite && (req.side == Side::Buy ? req.price >= *opposite : req.price <= *opposite);
}

bool SimExchange::Impl::fillsCompletely(const MarketState& m, const OrderRequest& req,
                                        const QVector<SimMatch>& matches) {
    if (matches.isEmpty())
        return false;
    Decimal qty;
    Decimal quote;
    for (const SimMatch& match : matches) {
        qty += match.qty;
        quote += match.price * match.qty;
    }
    if (!req.total.isPositive())
        return qty >= req.qty;
    return req.total - quote < matches.last().price * m.spec.market.rules.qtyStep;
}

// Checks an order the way a real venue does, in the same order, and locks what it needs.
std::optional<VenueError> SimExchange::Impl::validateAndLock(const OrderRequest& req, MarketState& m,
                                                             Decimal* lockAmount) {
    const Market& market = m.spec.market;
    const TradingRules& rules = market.rules;
    const QString suffix = sideSuffix(req.side);
    const bool buy = req.side == Side::Buy;
    const bool limit = req.type == OrderType::Limit;
    const bool byTotal = !limit && buy && req.total.isPositive();

    auto invalid = [&](const QString& code, const QString& detail) {
        return error(ErrorKind::InvalidOrder, code, detail);
    };

    if (!req.clientId.isEmpty() && idByClientId.contains(req.clientId))
        return invalid(QStringLiteral("duplicate_identifier"),
                       QCoreApplication::translate(
                           "hoga::SimConnector", "The client order id %1 was already used for another order.")
                           .arg(req.clientId));

    // The venue's own checks (shape, time in force, tick, step, totals) are the order policy's rule checks
    // on the same rule data, answered with venue-style error names. A market order by quantity is valued at
    // the best opposite price.
    const std::optional<Decimal> reference =
        limit ? std::nullopt : (buy ? m.book.bestAsk() : m.book.bestBid());
    const ValidationResult checked =
        OrderValidator::checkRules(req, market, reference, SimExchange::capabilities());
    if (!checked.ok()) {
        const ValidationIssue& issue = checked.issues.first();
        switch (issue.code) {
        case ValidationIssue::InvalidTimeInForce:
            return invalid(QStringLiteral("invalid_time_in_force"), issue.message);
        case ValidationIssue::PriceNotOnTick:
            return invalid(QStringLiteral("invalid_price") + suffix, issue.message);
        case ValidationIssue::QtyNotOnStep:
        case ValidationIssue::BelowMinQty:
            return invalid(QStringLiteral("invalid_volume") + suffix, issue.message);
        case ValidationIssue::BelowMinTotal:
            return invalid(QStringLiteral("under_min_total") + suffix, issue.message);
        case ValidationIssue::AboveMaxTotal:
            return invalid(QStringLiteral("over_max_total") + suffix, issue.message);
        default:
            return invalid(QStringLiteral("validation_error"), issue.message);
        }
    }

    // A stock's limit price must lie inside today's price limits (KRX refuses it otherwise).
    if (limit && m.prevClose.isPositive()) {
        const krx::PriceLimits band = krx::dailyPriceLimits(m.prevClose);
        if (req.price < band.lower || req.price > band.upper)
            return invalid(
                QStringLiteral("invalid_price") + suffix,
                QCoreApplication::translate("hoga::SimConnector",
                                            "Price %1 KRW is outside today's price limits, %2 to %3 KRW "
                                            "(30 % either side of the previous close %4 KRW).")
                    .arg(grouped(req.price), grouped(band.lower), grouped(band.upper), grouped(m.prevClose)));
    }

    // Funds.
    const Decimal lockRate = Decimal::max(rules.makerFeeRate, rules.takerFeeRate);
    const QString currency = buy ? market.quote : market.base;
    Decimal need;
    if (!buy) {
        need = req.qty;
    } else if (limit) {
        need = req.price * req.qty * (Decimal(1) + lockRate);
    } else if (byTotal) {
        need = req.total * (Decimal(1) + rules.takerFeeRate);
    } else {
        Decimal cost;
        for (const SimMatch& match : m.book.preview(Side::Buy, {}, req.qty, {}))
            cost += match.price * match.qty;
        need = cost * (Decimal(1) + rules.takerFeeRate);
    }
    if (!account.lock(currency, need))
        return error(ErrorKind::InsufficientFunds, QStringLiteral("insufficient_funds") + suffix,
                     QCoreApplication::translate("hoga::SimConnector",
                                                 "The order needs %1 %2 but only %3 %2 is available.")
                         .arg(grouped(need), currency, grouped(account.freeOf(currency))));
    *lockAmount = need;
    return std::nullopt;
}

VenueCapabilities SimExchange::capabilities() {
    // Upbit's order model: limit with GTC/IOC/FOK/post-only, market buys by the amount to spend or by
    // quantity, market sells by quantity, best orders with IOC or FOK.
    VenueCapabilities c = VenueCapabilities::anyVenue();
    c.candleIntervals = {CandleInterval::S1,  CandleInterval::M1,  CandleInterval::M3,  CandleInterval::M5,
                         CandleInterval::M10, CandleInterval::M15, CandleInterval::M30, CandleInterval::H1,
                         CandleInterval::H4,  CandleInterval::D1,  CandleInterval::W1,  CandleInterval::MN1};
    c.maxCandlesPerRequest = 1000;
    c.maxTradesPerRequest = 500;
    c.maxOrderBookDepth = 30;
    c.ownTradesList = true;
    c.simulated = true;
    return c;
}

SimExchange::SimExchange(const SimConfig& config)
    : d(std::make_unique<Impl>(config)) {
    if (!d->config.clock)
        d->config.clock = &SystemClock::instance();
    d->startMs = d->clock().nowMs();
    d->account.reset(config.initialBalances);
    d->initMarkets();
}

SimExchange::~SimExchange() = default;

qint64 SimExchange::startMs() const {
    return d->startMs;
}

quint64 SimExchange::stepCount() const {
    return d->steps;
}

QVector<Market> SimExchange::markets() const {
    QVector<Market> out;
    for (const auto& m : d->markets)
        out.append(m.spec.market);
    return out;
}

bool SimExchange::hasMarket(const QString& code) const {
    return d->marketIndex.contains(code);
}

Result<QVector<Ticker>> SimExchange::tickers(const QStringList& codes) const {
    const qint64 now = d->clock().nowMs();
    QVector<Ticker> out;
    if (codes.isEmpty()) {
        for (const auto& m : d->markets)
            out.append(d->tickerOf(m, now));
        return out;
    }
    for (const QString& code : codes) {
        const Impl::MarketState* m = d->find(code);
        if (!m)
            return Impl::unknownMarket(code);
        out.append(d->tickerOf(*m, now));
    }
    return out;
}

Result<OrderBook> SimExchange::orderBook(const QString& code, int depth) const {
    const Impl::MarketState* m = d->find(code);
    if (!m)
        return Impl::unknownMarket(code);
    depth = std::clamp(depth <= 0 ? SimBook::kLevels : depth, 1, SimBook::kLevels);
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    m->book.topLevels(depth, &bids, &asks);
    OrderBook book(kVenue, code);
    book.applySnapshot(std::move(bids), std::move(asks), d->clock().nowMs(), m->bookSeq);
    return book;
}

Result<QVector<Trade>> SimExchange::recentTrades(const QString& code, int count) const {
    const Impl::MarketState* m = d->find(code);
    if (!m)
        return Impl::unknownMarket(code);
    count = std::clamp(count, 0, kMaxRecentTrades);
    QVector<Trade> out;
    out.reserve(count);
    for (auto it = m->trades.rbegin(); it != m->trades.rend() && out.size() < count; ++it)
        out.append(*it);
    return out;
}

Result<QVector<Candle>> SimExchange::candles(const CandleQuery& query) {
    Impl::MarketState* m = d->find(query.market);
    if (!m)
        return Impl::unknownMarket(query.market);
    const int count = std::clamp(query.count, 0, kMaxCandlesPerRequest);
    const CandleInterval interval = query.interval;
    const int idx = intervalIndex(interval);
    const qint64 now = d->clock().nowMs();
    const qint64 current = bucketStart(interval, now);
    qint64 bucket = query.toMs > 0 ? std::min(current, bucketStart(interval, query.toMs - 1)) : current;
    const qint64 startBucket = m->startBuckets[size_t(idx)];

    QVector<Candle> newestFirst;
    newestFirst.reserve(count);
    // Since the start: the live aggregator's candles, quiet buckets filled flat at the last close.
    const QVector<Candle>& live = m->candles[size_t(idx)].candles();
    auto it = std::upper_bound(live.begin(), live.end(), bucket,
                               [](qint64 t, const Candle& c) { return t < c.openTimeMs; });
    qsizetype i = (it - live.begin()) - 1;
    bool lost = false;
    while (newestFirst.size() < count && bucket >= startBucket) {
        if (i >= 0 && live[i].openTimeMs == bucket) {
            newestFirst.append(live[i--]);
        } else if (i >= 0) {
            Candle flat;
            flat.openTimeMs = bucket;
            flat.open = flat.high = flat.low = flat.close = live[i].close;
            newestFirst.append(flat);
        } else {
            lost = true; // older than the aggregator keeps
            break;
        }
        bucket = bucketStart(interval, bucket - 1);
    }
    // Before the start: synthetic history.
    if (!lost && newestFirst.size() < count) {
        QVector<qint64> openTimes;
        openTimes.reserve(count - newestFirst.size());
        const qint64 kNewest = bucketsBetween(interval, bucket, startBucket);
        while (newestFirst.size() + openTimes.size() < count) {
            openTimes.append(bucket);
            bucket = bucketStart(interval, bucket - 1);
        }
        const QVector<Candle> older = m->history->candles(interval, kNewest, openTimes);
        for (auto o = older.rbegin(); o != older.rend(); ++o)
            newestFirst.append(*o);
    }
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst;
}

QVector<Balance> SimExchange::balances() const {
    return d->account.balances();
}

Result<Order> SimExchange::createOrder(const OrderRequest& request, SimEvents* events) {
    Impl::MarketState* m = d->find(request.market);
    if (!m)
        return Impl::unknownMarket(request.market);
    // Like KIS outside the session: the venue refuses before looking at the order.
    if (!d->openForTrading(*m, d->clock().nowMs())) {
        const std::optional<ValidationIssue> closed =
            OrderValidator::checkSession(m->spec.market, d->clock().nowMs());
        return error(ErrorKind::Venue, QStringLiteral("market_closed"), closed ? closed->message : QString());
    }
    Decimal lockAmount;
    if (std::optional<VenueError> rejected = d->validateAndLock(request, *m, &lockAmount))
        return *rejected;

    const Market& market = m->spec.market;
    const qint64 now = d->clock().nowMs();
    Impl::OrderRecord record;
    Order& o = record.order;
    o.venue = kVenue;
    o.id = uuidText(d->config.seed, ++d->orderSeq);
    o.clientId = request.clientId;
    o.market = request.market;
    o.side = request.side;
    o.type = request.type;
    o.price = request.type == OrderType::Limit ? request.price : Decimal();
    o.qty = request.qty;
    o.total = executesImmediately(request.type) ? request.total : Decimal();
    o.timeInForce = request.timeInForce;
    o.state = OrderState::Open;
    o.createdAtMs = now;
    o.updatedAtMs = now;
    record.lockedLeft = lockAmount;
    record.lockCurrency = request.side == Side::Buy ? market.quote : market.base;
    record.lockRate = Decimal::max(market.rules.makerFeeRate, market.rules.takerFeeRate);

    Impl::Batch batch{events, {market.base, market.quote}, {}};
    const QString id = o.id;
    d->orders.insert(id, record);
    d->creationOrder.append(id);
    if (!request.clientId.isEmpty())
        d->idByClientId.insert(request.clientId, id);
    if (events)
        events->orders.append(o);

    Impl::OrderRecord& r = d->orders[id];
    const bool limit = request.type == OrderType::Limit;
    const Decimal limitPrice = limit ? request.price : Decimal();
    const Decimal maxQty = request.total.isPositive() ? Decimal() : request.qty;
    const Side takerSide = request.total.isPositive() ? Side::Buy : request.side;
    // Like Upbit: a post-only order that would take liquidity, or a fill-or-kill order that cannot fill
    // completely at once, ends cancelled without any fill.
    const bool kill =
        (request.timeInForce == TimeInForce::PostOnly && d->wouldTake(*m, request)) ||
        (request.timeInForce == TimeInForce::FillOrKill &&
         !d->fillsCompletely(*m, request, m->book.preview(takerSide, limitPrice, maxQty, request.total)));
    QVector<SimMatch> matches;
    if (!kill) {
        matches = m->book.take(takerSide, limitPrice, maxQty, request.total);
        d->settle(*m, request.side, matches, &r, now, batch);
    }

    if (r.order.isOpen()) {
        const bool rests = limit && !kill &&
                           (request.timeInForce == TimeInForce::GoodTillCancel ||
                            request.timeInForce == TimeInForce::PostOnly);
        if (limit && !rests) {
            d->close(r, OrderState::Cancelled, now, batch); // IOC rest, or killed
        } else if (limit) {
            m->book.addOwn(request.side, request.price, r.order.qty - r.order.filledQty, id);
            batch.markets.insert(market.code);
        } else {
            // Whatever a market order could not take is cancelled; dust below one step of a total counts
            // as done.
            bool done = false;
            if (!kill && request.total.isPositive() && r.order.filledQty.isPositive() && !matches.isEmpty()) {
                const Decimal left = request.total - r.order.filledQuote;
                done = left < matches.last().price * market.rules.qtyStep;
            }
            d->close(r, done ? OrderState::Filled : OrderState::Cancelled, now, batch);
        }
    }
    d->finish(batch);
    return r.order;
}

Result<Order> SimExchange::cancelOrder(const OrderRef& ref, SimEvents* events) {
    Impl::OrderRecord* r = d->findOrder(ref);
    if (!r)
        return d->orderNotFound(ref);
    if (!r->order.isOpen())
        return error(ErrorKind::NotFound, QStringLiteral("order_not_found"),
                     QCoreApplication::translate("hoga::SimConnector", "Order %1 is already closed.")
                         .arg(r->order.id));
    Impl::MarketState* m = d->find(r->order.market);
    Impl::Batch batch{events, {}, {}};
    if (r->order.type == OrderType::Limit) {
        m->book.removeOwn(r->order.side, r->order.price, r->order.id);
        batch.markets.insert(r->order.market);
    }
    d->close(*r, OrderState::Cancelled, d->clock().nowMs(), batch);
    d->finish(batch);
    return r->order;
}

Result<Order> SimExchange::order(const OrderRef& ref) const {
    const Impl::OrderRecord* r = const_cast<Impl*>(d.get())->findOrder(ref);
    if (!r)
        return d->orderNotFound(ref);
    return r->order;
}

Result<QVector<Order>> SimExchange::openOrders(const QString& market) const {
    if (!market.isEmpty() && !hasMarket(market))
        return Impl::unknownMarket(market);
    QVector<Order> out;
    for (auto it = d->creationOrder.crbegin(); it != d->creationOrder.crend(); ++it) {
        const Order& o = d->orders.constFind(*it)->order;
        if (o.isOpen() && (market.isEmpty() || o.market == market))
            out.append(o);
    }
    return out;
}

Result<QVector<Order>> SimExchange::closedOrders(const QString& market, int limit) const {
    if (!market.isEmpty() && !hasMarket(market))
        return Impl::unknownMarket(market);
    QVector<Order> out;
    for (auto it = d->closedOrder.crbegin(); it != d->closedOrder.crend() && out.size() < limit; ++it) {
        const Order& o = d->orders.constFind(*it)->order;
        if (market.isEmpty() || o.market == market)
            out.append(o);
    }
    return out;
}

Result<QVector<Fill>> SimExchange::fills(const QString& market, int limit) const {
    if (!market.isEmpty() && !hasMarket(market))
        return Impl::unknownMarket(market);
    QVector<Fill> out;
    for (auto it = d->fills.crbegin(); it != d->fills.crend() && out.size() < limit; ++it)
        if (market.isEmpty() || it->market == market)
            out.append(*it);
    return out;
}

SimPaperState SimExchange::paperState(int keepClosed, int keepFills) const {
    SimPaperState state;
    for (auto it = d->account.holdings().cbegin(); it != d->account.holdings().cend(); ++it)
        state.holdings.append({it.key(), it->free, it->locked, it->avgBuyPrice, it->avgBuyCurrency});
    const qsizetype firstClosed = std::max<qsizetype>(0, d->closedOrder.size() - keepClosed);
    QSet<QString> dropped;
    for (qsizetype i = 0; i < firstClosed; ++i)
        dropped.insert(d->closedOrder.at(i));
    for (const QString& id : d->creationOrder) {
        if (dropped.contains(id))
            continue;
        const Impl::OrderRecord& r = *d->orders.constFind(id);
        state.orders.append({r.order, r.lockedLeft, r.lockCurrency, r.lockRate});
    }
    for (qsizetype i = firstClosed; i < d->closedOrder.size(); ++i)
        state.closedOrder.append(d->closedOrder.at(i));
    const qsizetype firstFill = std::max<qsizetype>(0, d->fills.size() - keepFills);
    state.fills = d->fills.mid(firstFill);
    state.orderSeq = d->orderSeq;
    return state;
}

void SimExchange::restorePaperState(const SimPaperState& state) {
    QMap<QString, sim::SimAccount::Holding> holdings;
    for (const SimPaperState::Holding& h : state.holdings)
        holdings.insert(h.currency, {h.free, h.locked, h.avgBuyPrice, h.avgBuyCurrency});
    d->account.restore(holdings);
    // Own orders leave the books before the restored ones rest there.
    for (const QString& id : std::as_const(d->creationOrder)) {
        const Impl::OrderRecord& r = *d->orders.constFind(id);
        if (r.order.isOpen() && r.order.type == OrderType::Limit)
            if (Impl::MarketState* m = d->find(r.order.market))
                m->book.removeOwn(r.order.side, r.order.price, id);
    }
    d->orders.clear();
    d->idByClientId.clear();
    d->creationOrder.clear();
    d->closedOrder.clear();
    for (const SimPaperState::PaperOrder& p : state.orders) {
        Impl::MarketState* m = d->find(p.order.market);
        if (!m)
            continue;
        const QString id = p.order.id;
        d->orders.insert(id, Impl::OrderRecord{p.order, p.lockedLeft, p.lockCurrency, p.lockRate});
        d->creationOrder.append(id);
        if (!p.order.clientId.isEmpty())
            d->idByClientId.insert(p.order.clientId, id);
        if (p.order.isOpen() && p.order.type == OrderType::Limit)
            m->book.addOwn(p.order.side, p.order.price, p.order.qty - p.order.filledQty, id);
    }
    for (const QString& id : state.closedOrder)
        if (d->orders.contains(id))
            d->closedOrder.append(id);
    d->fills = state.fills;
    d->orderSeq = std::max(d->orderSeq, state.orderSeq);
}

SimEvents SimExchange::step() {
    SimEvents events;
    Impl::Batch batch{&events, {}, {}};
    const qint64 now = d->clock().nowMs();
    ++d->steps;
    d->process.step();
    for (Impl::MarketState& m : d->markets) {
        // A closed stock keeps its last book and prints nothing until the next session, like the real
        // market after its close.
        if (!d->openForTrading(m, now))
            continue;
        const Decimal fair = d->process.fairValue(m.spec);
        for (const SimSweep& sweep : m.book.recentre(fair, m.bookRng))
            d->settle(m, sweep.takerSide, sweep.matches, nullptr, now, batch);
        d->crowdTrades(m, now, batch);
        ++m.bookSeq;
        batch.markets.insert(m.spec.market.code);
    }
    d->finish(batch);
    return events;
}

} // namespace hoga
