#pragma once

#include "core/decimal.h"
#include "sim_markets.h"
#include "sim_random.h"

namespace hoga::sim {

// The simulated markets' fair values. Three coin factors in USDT and the KRW price of USDT move as random
// walks with volatility clustering (a GARCH(1,1)-like variance), rare jumps and slow mean reversion; the
// KRW coin markets follow their USDT twin x KRW-USDT x (1 + a mean-reverting "kimchi" premium). Every figure
// is an integer (parts per billion) or a Decimal, so a seed replays exactly.
class SimPriceProcess {
public:
    SimPriceProcess(quint64 seed, int stepIntervalMs);

    void step();
    // Fair value (not on a tick) of a market's driver.
    Decimal fairValue(SimDriver driver) const;
    // The last step's shock of the driver, in millionths of a standard deviation (signed). Used to lean the
    // taker flow toward the direction the market moved.
    qint64 lastShockMicro(SimDriver driver) const;

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
    void moveFactor(Factor& f, qint64 shockMicro);
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
};

} // namespace hoga::sim
