#pragma once

#include "core/market.h"
#include "core/orderbook.h"
#include "sim_markets.h"
#include "sim_random.h"

#include <QString>
#include <QVector>

#include <functional>
#include <map>

namespace hoga::sim {

// Resting quantity at one price, in time priority.
struct SimChunk {
    Decimal qty;
    QString ownOrderId; // empty: the simulated crowd's liquidity
};

struct SimLevel {
    QVector<SimChunk> queue; // front fills first
    Decimal total() const;
};

// One piece of resting quantity that a taker consumed.
struct SimMatch {
    Decimal price;
    Decimal qty;
    QString makerOrderId; // empty when the maker was the crowd
};

// A taker's walk through the book: which side took, and what it consumed.
struct SimSweep {
    Side takerSide = Side::Buy;
    QVector<SimMatch> matches;
};

// One market's book: the crowd's quotes around a fair value plus our own resting orders, each level a FIFO
// queue so our orders fill only after the quantity that was there before them.
class SimBook {
public:
    static constexpr int kLevels = 30; // the crowd quotes this many levels per side

    // levelQty: typical resting size of one level near the top (base currency).
    SimBook(TradingRules rules, const Decimal& levelQty);

    const TradingRules& rules() const { return m_rules; }

    // A daily price limit band (KRX ±30 %): the crowd quotes only inside [lower, upper]; zeros lift it. The
    // crowd's quotes outside a new band are withdrawn; own orders stay.
    void setPriceLimits(const Decimal& lower, const Decimal& upper);

    // Neighbouring valid prices on the market's tick bands.
    Decimal tickAbove(const Decimal& validPrice) const;
    Decimal tickBelow(const Decimal& validPrice) const; // 0 when there is none

    // Moves the crowd's quotes around `fair`: quotes now inside the spread are withdrawn, missing levels are
    // filled, some sizes change. Own orders the new quotes would cross are filled by the crowd first; those
    // sweeps are returned.
    QVector<SimSweep> recentre(const Decimal& fair, SimRandom& rng);

    // A taker consumes the side opposite `takerSide`, best price first, FIFO within a level. Stops at the
    // worst acceptable `limit` (0: none), after `maxQty` base (0: none) or after spending `maxQuote`
    // (0: none; whole quantity steps only).
    QVector<SimMatch> take(Side takerSide, const Decimal& limit, const Decimal& maxQty,
                           const Decimal& maxQuote);
    // What take() would consume, leaving the book as it is.
    QVector<SimMatch> preview(Side takerSide, const Decimal& limit, const Decimal& maxQty,
                              const Decimal& maxQuote) const;

    void addOwn(Side side, const Decimal& price, const Decimal& qty, const QString& orderId);
    void removeOwn(Side side, const Decimal& price, const QString& orderId);

    std::optional<Decimal> bestBid() const;
    std::optional<Decimal> bestAsk() const;
    // The best `depth` levels of each side.
    void topLevels(int depth, QVector<BookLevel>* bids, QVector<BookLevel>* asks) const;

private:
    using Bids = std::map<Decimal, SimLevel, std::greater<Decimal>>; // best (highest) first
    using Asks = std::map<Decimal, SimLevel, std::less<Decimal>>;    // best (lowest) first

    Decimal tickAt(const Decimal& price) const;
    bool withinLimits(const Decimal& price) const;
    Decimal drawLevelQty(int depthIndex, SimRandom& rng) const;
    template <class Levels> void refill(Levels& levels, Decimal price, bool downward, SimRandom& rng);
    template <bool Consume, class Levels>
    static QVector<SimMatch> walk(Levels& levels, bool takerBuys, const Decimal& limit, const Decimal& maxQty,
                                  const Decimal& maxQuote, const Decimal& qtyStep);

    struct Band {
        Decimal from;
        Decimal to; // 0: open-ended
        Decimal tick;
    };

    TradingRules m_rules;
    qint64 m_levelSteps; // levelQty in quantity steps
    mutable Band m_band; // last band tickAt() looked up
    Bids m_bids;
    Asks m_asks;
    Decimal m_lowerLimit; // 0: none
    Decimal m_upperLimit; // 0: none
};

} // namespace hoga::sim
