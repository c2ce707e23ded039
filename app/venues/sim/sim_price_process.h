#pragma once

#include "core/decimal.h"
#include "sim_markets.h"
#include "sim_random.h"

#include <vector>

namespace hoga::sim {

// The simulated markets' fair values. Three coin factors in USDT and the KRW price of USDT move as random
// walks with volatility clustering (a GARCH(1,1)-like variance), rare jumps and slow mean reversion; the
// KRW coin markets follow their USDT twin x KRW-USDT x (1 + a mean-reverting "kimchi" premium). Every figure
// is an integer (parts per billion) or a Decimal, so a seed replays exactly.
class SimPriceProcess {
public:
    SimPriceProcess(quint64 seed, int stepIntervalMs);

    // Adds a stock's own factor (index = its SimStockFactor::index, added in order from 0). Stocks draw from
    // a stream of their own, so adding them leaves the coins' paths for a seed unchanged.
    void addStock(const SimStockFactor& stock);

    void step();
    // Fair value (not on a tick) of a market's driver; a stock's is fairValue(spec).
    Decimal fairValue(SimDriver driver) const;
    Decimal fairValue(const SimMarketSpec& spec) const;
    // The last step's shock of the driver, in millionths of a standard deviation (signed). Used to lean the
    // taker flow toward the direction the market moved.
    qint64 lastShockMicro(SimDriver driver) const;
    qint64 lastShockMicro(const SimMarketSpec& spec) const;

private:
    struct Factor {
        Decimal value;
        Decimal anchor;                   // level the factor reverts to
        qint64 sigmaPpb = 0;              // per-step volatility of the log value at unit variance
        qint64 kappaPpb = 0;              // per-step pull toward the anchor
        qint64 varianceMicro = 1'000'000; // current variance multiplier (1'000'000 = calm average)
        qint64 lastShockMicro = 0;
    };
    struct Premium {
        qint64 ppb = 0;
        qint64 targetPpb = 0;
        qint64 kappaPpb = 0;
        qint64 sigmaPpb = 0;
    };

    Factor makeFactor(const Decimal& anchor, qint64 dailySigmaPpb, qint64 halfLifeMs);
    void moveFactor(Factor& f, qint64 shockMicro, SimRandom& rng);
    void movePremium(Premium& p);
    Decimal krwValue(const Factor& usdtValue, const Premium& premium) const;

    SimRandom m_rng;
    int m_stepMs;
    Factor m_usdtKrw;
    Factor m_btc;
    Factor m_eth;
    Factor m_xrp;
    Premium m_btcPremium;
    Premium m_ethPremium;
    Premium m_xrpPremium;
    SimRandom m_stockRng;
    std::vector<Factor> m_stocks; // by SimStockFactor::index
};

} // namespace hoga::sim
