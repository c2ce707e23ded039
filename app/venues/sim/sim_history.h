#pragma once

#include "core/candle.h"
#include "sim_markets.h"

#include <QHash>
#include <QPair>
#include <QVector>

#include <vector>

namespace hoga::sim {

// Exp of a log value given in parts per billion (|x| is clamped to 8), exact to about 15 digits. Decimal
// only, so synthetic prices never touch binary floating point.
Decimal expPpb(qint64 logPpb);

// Candles from before the simulation started, made up on demand, so any page can be produced without
// simulating the bars below it. Index k counts buckets back from the start bucket (k = 0 is the start bucket
// up to the start instant).
//
// Monthly candles walk one path backward from the start price. Every shorter interval is cut out of the
// candle above it (month > day > 4 h > 1 h > 30 m > 10 m > 5 m > 1 m > 1 s): a bridge from the parent's open
// to its close, kept inside its high and low, with one child touching each and the volume split exactly.
// Weeks, 15 and 3 minutes are sums of days, 5 and 1 minutes. So every interval agrees with every other: an
// hour has the open, high, low, close and volume of its minutes.
//
// The shocks belong to factors shared by all markets (BTC, ETH, XRP and the dollar rate, with the live
// process's correlations), so KRW-BTC and BTCUSDT have a similar past, moved by the dollar rate.
class SimHistory {
public:
    SimHistory(quint64 seed, const SimMarketSpec& spec, Decimal startPrice, qint64 startMs);

    // `count` candles with k = kNewest, kNewest + 1, ..., oldest first. openTimes[i] is the open time of
    // k = kNewest + i (newest first).
    QVector<Candle> candles(CandleInterval interval, qint64 kNewest,
                            const QVector<qint64>& openTimesNewestFirst);

private:
    enum Factor { Btc, Eth, Xrp, UsdKrw, Stock }; // Stock: the market's own (a KRX-like stock)
    struct Path {
        std::vector<qint64> checkpoints; // log close (ppb, relative to the start price) at k = i * kStride
    };
    // One candle in log prices (ppb, relative to the start price) and volume in quantity steps.
    struct LogCandle {
        qint64 openTimeMs = 0;
        qint64 endMs = 0; // exclusive; the start instant for the start bucket
        qint64 open = 0, high = 0, low = 0, close = 0;
        qint64 volumeSteps = 0;
    };
    static constexpr qint64 kStride = 256;

    quint64 factorKey(Factor factor, CandleInterval interval) const;
    quint64 marketKey(CandleInterval interval) const;
    qint64 regimePermille(Factor factor, CandleInterval interval, qint64 index) const;
    // One candle's volatility (ppb of log price) at this index, and its signed shock.
    qint64 sigmaPpb(CandleInterval interval, qint64 index) const;
    qint64 shockPpb(CandleInterval interval, qint64 index) const;
    qint64 driftPpb(CandleInterval interval) const; // one candle's trend
    // The log close of candle index+1 from that of candle index (walking back in time).
    qint64 stepBack(CandleInterval interval, qint64 index, qint64 logClose) const;
    qint64 logCloseAt(CandleInterval interval, qint64 index);
    qint64 wickPpb(CandleInterval interval, qint64 index, quint64 salt) const;

    LogCandle monthCandle(qint64 openTimeMs);
    LogCandle logCandle(CandleInterval interval, qint64 openTimeMs);
    // The candles of `childInterval` cut out of the parent that opens at `parentOpenMs` (cached).
    QVector<LogCandle> children(CandleInterval childInterval, qint64 parentOpenMs);
    QVector<LogCandle> split(const LogCandle& parent, CandleInterval parentInterval,
                             CandleInterval childInterval) const;
    Candle toCandle(const LogCandle& c) const;
    Decimal priceAt(qint64 logPpb) const;

    quint64 m_seed;
    SimMarketSpec m_spec;
    Decimal m_startPrice;
    qint64 m_startMs;
    qint64 m_maxLogPpb;
    int m_coin = -1;           // Factor of the coin; -1 for KRW-USDT
    bool m_inKrw = false;      // priced in KRW: the dollar rate moves it too
    qint64 m_coinSigmaPpb = 0; // the coin's daily volatility
    bool m_stock = false;      // a KRX-like stock: its own factor in KRW, no dollar rate
    QHash<int, Path> m_paths;
    // Children of recently split candles, by parent interval and open time; cleared when large.
    QHash<QPair<int, qint64>, QVector<LogCandle>> m_children;
};

} // namespace hoga::sim
