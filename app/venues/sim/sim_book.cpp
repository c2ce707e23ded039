#include "sim_book.h"

#include <algorithm>

namespace hoga::sim {

namespace {

// Removes the crowd's quantity from a level, keeping our own orders (they are never withdrawn for us).
void withdrawCrowd(SimLevel& level) {
    level.queue.removeIf([](const SimChunk& c) { return c.ownOrderId.isEmpty(); });
}

Decimal crowdQty(const SimLevel& level) {
    Decimal sum;
    for (const SimChunk& c : level.queue)
        if (c.ownOrderId.isEmpty())
            sum += c.qty;
    return sum;
}

// New crowd quantity queues behind everything already there; merges with a crowd chunk at the back.
void appendCrowd(SimLevel& level, const Decimal& qty) {
    if (!level.queue.isEmpty() && level.queue.last().ownOrderId.isEmpty())
        level.queue.last().qty += qty;
    else
        level.queue.append(SimChunk{qty, {}});
}

// The crowd cancels from the back of the queue (its newest quantity) first.
void reduceCrowd(SimLevel& level, Decimal qty) {
    for (qsizetype i = level.queue.size() - 1; i >= 0 && qty.isPositive(); --i) {
        SimChunk& c = level.queue[i];
        if (!c.ownOrderId.isEmpty())
            continue;
        const Decimal cut = Decimal::min(c.qty, qty);
        c.qty -= cut;
        qty -= cut;
    }
    level.queue.removeIf([](const SimChunk& c) { return c.qty.isZero(); });
}

template <class Levels> bool hasOwnBeyond(const Levels& levels, const Decimal& bound, bool above) {
    for (const auto& [price, level] : levels) {
        if (above ? price < bound : price > bound)
            break;
        for (const SimChunk& c : level.queue)
            if (!c.ownOrderId.isEmpty())
                return true;
    }
    return false;
}

} // namespace

Decimal SimLevel::total() const {
    Decimal sum;
    for (const SimChunk& c : queue)
        sum += c.qty;
    return sum;
}

SimBook::SimBook(TradingRules rules, const Decimal& levelQty)
    : m_rules(std::move(rules))
    , m_levelSteps(levelQty.divide(m_rules.qtyStep, 0, Rounding::Down).toInt64()) {}

Decimal SimBook::tickAt(const Decimal& price) const {
    // Refills walk neighbouring prices, so the band rarely changes between calls: keep the last one.
    if (!(m_band.tick.isPositive() && m_band.from <= price && (m_band.to.isZero() || price < m_band.to))) {
        const QVector<PriceBand>& bands = m_rules.tickBands;
        m_band = {};
        for (qsizetype i = 0; i < bands.size(); ++i) {
            if (bands[i].fromPrice > price)
                break;
            m_band.from = bands[i].fromPrice;
            m_band.tick = bands[i].tick;
            m_band.to = i + 1 < bands.size() ? bands[i + 1].fromPrice : Decimal();
        }
    }
    return m_band.tick;
}

bool SimBook::withinLimits(const Decimal& price) const {
    return !(m_lowerLimit.isPositive() && price < m_lowerLimit) &&
           !(m_upperLimit.isPositive() && price > m_upperLimit);
}

void SimBook::setPriceLimits(const Decimal& lower, const Decimal& upper) {
    m_lowerLimit = lower;
    m_upperLimit = upper;
    auto prune = [this](auto& levels) {
        for (auto it = levels.begin(); it != levels.end();) {
            if (!withinLimits(it->first))
                withdrawCrowd(it->second);
            it = it->second.queue.isEmpty() ? levels.erase(it) : std::next(it);
        }
    };
    prune(m_bids);
    prune(m_asks);
}

Decimal SimBook::tickAbove(const Decimal& validPrice) const {
    return validPrice + tickAt(validPrice);
}

Decimal SimBook::tickBelow(const Decimal& validPrice) const {
    const Decimal tick = tickAt(validPrice);
    Decimal below = validPrice - tick;
    if (!below.isPositive())
        return {};
    // Crossing down into a finer band: the next valid price is one fine tick below.
    const Decimal lowerTick = tickAt(below);
    if (lowerTick != tick)
        below = validPrice - lowerTick;
    return below;
}

Decimal SimBook::drawLevelQty(int depthIndex, SimRandom& rng) const {
    // Product of two uniforms: mostly modest sizes, sometimes several times the usual; now and then a wall.
    // Counted in whole quantity steps, so the size is valid by construction.
    const qint64 a = rng.between(1, 1000);
    const qint64 b = rng.between(1, 1000);
    const qint64 noisePermille = 100 + a * b / 250;
    const qint64 depthPermille = 1000 + depthIndex * 60;
    const qint64 wall = rng.chancePermille(25) ? 6 : 1;
    const qint64 steps = m_levelSteps * noisePermille / 1000 * depthPermille / 1000 * wall;
    return m_rules.qtyStep * Decimal(std::max<qint64>(1, steps));
}

template <class Levels> void SimBook::refill(Levels& levels, Decimal price, bool downward, SimRandom& rng) {
    Decimal deepest = price;
    for (int i = 0; i < kLevels && price.isPositive() && withinLimits(price); ++i) {
        SimLevel& level = levels[price];
        const Decimal crowd = crowdQty(level);
        if (crowd.isZero()) {
            appendCrowd(level, drawLevelQty(i, rng));
        } else if (rng.chancePermille(200)) {
            // Someone adds to or pulls from this level. Its new size is a fresh draw, so sizes keep the drawn
            // distribution however long a level lives.
            const Decimal target = drawLevelQty(i, rng);
            if (target > crowd)
                appendCrowd(level, target - crowd);
            else if (target < crowd)
                reduceCrowd(level, crowd - target);
        }
        deepest = price;
        price = downward ? tickBelow(price) : tickAbove(price);
    }
    // Past the quoted range the crowd has no interest; our own far orders stay.
    for (auto it = levels.upper_bound(deepest); it != levels.end();) {
        withdrawCrowd(it->second);
        it = it->second.queue.isEmpty() ? levels.erase(it) : std::next(it);
    }
}

QVector<SimSweep> SimBook::recentre(const Decimal& fairValue, SimRandom& rng) {
    // At a limit the crowd quotes the limit price itself (and nothing beyond).
    Decimal fair = fairValue;
    if (m_upperLimit.isPositive())
        fair = Decimal::min(fair, m_upperLimit);
    if (m_lowerLimit.isPositive())
        fair = Decimal::max(fair, m_lowerLimit);
    Decimal bid0 = floorToTick(m_rules, fair);
    Decimal ask0 = tickAbove(bid0);
    // Mostly a one-tick spread; sometimes a side steps back.
    const quint64 r = rng.below(100);
    if (r < 12) {
        const Decimal lower = tickBelow(bid0);
        if (lower.isPositive())
            bid0 = lower;
    } else if (r < 24) {
        ask0 = tickAbove(ask0);
    }

    QVector<SimSweep> sweeps;
    // The crowd's new quotes would cross our orders: they trade into them first.
    if (hasOwnBeyond(m_bids, ask0, true))
        sweeps.append(SimSweep{Side::Sell, walk<true>(m_bids, false, ask0, {}, {}, m_rules.qtyStep)});
    if (hasOwnBeyond(m_asks, bid0, false))
        sweeps.append(SimSweep{Side::Buy, walk<true>(m_asks, true, bid0, {}, {}, m_rules.qtyStep)});

    // Quotes now inside the spread are withdrawn.
    for (auto it = m_bids.begin(); it != m_bids.end() && it->first > bid0;) {
        withdrawCrowd(it->second);
        it = it->second.queue.isEmpty() ? m_bids.erase(it) : std::next(it);
    }
    for (auto it = m_asks.begin(); it != m_asks.end() && it->first < ask0;) {
        withdrawCrowd(it->second);
        it = it->second.queue.isEmpty() ? m_asks.erase(it) : std::next(it);
    }

    refill(m_bids, bid0, true, rng);
    refill(m_asks, ask0, false, rng);
    return sweeps;
}

template <bool Consume, class Levels>
QVector<SimMatch> SimBook::walk(Levels& levels, bool takerBuys, const Decimal& limit, const Decimal& maxQty,
                                const Decimal& maxQuote, const Decimal& qtyStep) {
    QVector<SimMatch> matches;
    const bool qtyBound = maxQty.isPositive();
    const bool quoteBound = maxQuote.isPositive();
    const int stepScale = qtyStep.scale();
    Decimal qtyLeft = maxQty;
    Decimal quoteLeft = maxQuote;
    bool exhausted = false;

    for (auto it = levels.begin(); it != levels.end() && !exhausted;) {
        const Decimal price = it->first;
        if (limit.isPositive() && (takerBuys ? price > limit : price < limit))
            break;
        auto& queue = it->second.queue;
        for (qsizetype i = 0; i < queue.size(); ++i) {
            const Decimal available = queue[i].qty;
            Decimal take = available;
            if (qtyBound)
                take = Decimal::min(take, qtyLeft);
            if (quoteBound) {
                const Decimal affordable =
                    quoteLeft.divide(price, stepScale, Rounding::Down).roundToStep(qtyStep, Rounding::Down);
                take = Decimal::min(take, affordable);
            }
            if (!take.isPositive()) {
                exhausted = true;
                break;
            }
            matches.append(SimMatch{price, take, queue[i].ownOrderId});
            qtyLeft -= take;
            quoteLeft -= price * take;
            if constexpr (Consume)
                queue[i].qty -= take;
            // The taker ran out inside this chunk, or has exactly what it wanted.
            if (take < available || (qtyBound && qtyLeft.isZero())) {
                exhausted = true;
                break;
            }
        }
        if constexpr (Consume) {
            queue.removeIf([](const SimChunk& c) { return c.qty.isZero(); });
            it = queue.isEmpty() ? levels.erase(it) : std::next(it);
        } else {
            ++it;
        }
    }
    return matches;
}

QVector<SimMatch> SimBook::take(Side takerSide, const Decimal& limit, const Decimal& maxQty,
                                const Decimal& maxQuote) {
    if (takerSide == Side::Buy)
        return walk<true>(m_asks, true, limit, maxQty, maxQuote, m_rules.qtyStep);
    return walk<true>(m_bids, false, limit, maxQty, maxQuote, m_rules.qtyStep);
}

QVector<SimMatch> SimBook::preview(Side takerSide, const Decimal& limit, const Decimal& maxQty,
                                   const Decimal& maxQuote) const {
    if (takerSide == Side::Buy)
        return walk<false>(m_asks, true, limit, maxQty, maxQuote, m_rules.qtyStep);
    return walk<false>(m_bids, false, limit, maxQty, maxQuote, m_rules.qtyStep);
}

void SimBook::addOwn(Side side, const Decimal& price, const Decimal& qty, const QString& orderId) {
    SimLevel& level = side == Side::Buy ? m_bids[price] : m_asks[price];
    level.queue.append(SimChunk{qty, orderId});
}

void SimBook::removeOwn(Side side, const Decimal& price, const QString& orderId) {
    auto drop = [&](auto& levels) {
        auto it = levels.find(price);
        if (it == levels.end())
            return;
        it->second.queue.removeIf([&](const SimChunk& c) { return c.ownOrderId == orderId; });
        if (it->second.queue.isEmpty())
            levels.erase(it);
    };
    if (side == Side::Buy)
        drop(m_bids);
    else
        drop(m_asks);
}

std::optional<Decimal> SimBook::bestBid() const {
    if (m_bids.empty())
        return std::nullopt;
    return m_bids.begin()->first;
}

std::optional<Decimal> SimBook::bestAsk() const {
    if (m_asks.empty())
        return std::nullopt;
    return m_asks.begin()->first;
}

void SimBook::topLevels(int depth, QVector<BookLevel>* bids, QVector<BookLevel>* asks) const {
    auto collect = [depth](const auto& levels, QVector<BookLevel>* out) {
        out->clear();
        out->reserve(depth);
        for (auto it = levels.begin(); it != levels.end() && out->size() < depth; ++it) {
            const Decimal qty = it->second.total();
            if (qty.isPositive())
                out->append(BookLevel{it->first, qty});
        }
    };
    collect(m_bids, bids);
    collect(m_asks, asks);
}

} // namespace hoga::sim
