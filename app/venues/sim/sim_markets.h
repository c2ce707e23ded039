#pragma once

#include "core/market.h"

#include <QVector>

namespace hoga::sim {

// What drives a market's fair value in the price process.
enum class SimDriver {
    UsdtKrw, // the KRW price of USDT
    BtcUsdt,
    EthUsdt,
    KrwBtc, // BTC in USDT x KRW-USDT x (1 + premium)
    KrwEth,
    KrwXrp,   // XRP has no USDT market here, but follows the same construction
    KrxStock, // a KRX-like stock: its own factor in KRW (SimMarketSpec::stock)
};

// The factors behind every simulated price: daily volatility of the log price (parts per billion) and
// correlation with BTC (millionths). Shared by the live process and the synthetic history.
constexpr qint64 kBtcDailySigmaPpb = 30'000'000;
constexpr qint64 kEthDailySigmaPpb = 40'000'000;
constexpr qint64 kXrpDailySigmaPpb = 50'000'000;
constexpr qint64 kUsdKrwDailySigmaPpb = 4'000'000;
constexpr qint64 kEthBtcRhoMicro = 800'000;
constexpr qint64 kXrpBtcRhoMicro = 600'000;
constexpr qint64 kUsdKrwBtcRhoMicro = -200'000;

// A simulated stock's own price factor: where it starts and how much it moves in a day.
struct SimStockFactor {
    int index = -1; // 0, 1, 2, ... among the stocks
    Decimal anchor; // starting level (KRW), before the seed's jitter
    qint64 dailySigmaPpb = 0;
};

// One simulated market and the figures that make its activity look like the real one.
struct SimMarketSpec {
    Market market;
    SimDriver driver = SimDriver::UsdtKrw;
    Decimal tradeQty;          // typical size of one public trade (base currency)
    Decimal levelQty;          // typical resting size of one book level near the top
    Decimal dailyVolume;       // typical 24 h volume (base currency), for synthetic history
    qint64 yearlyDriftPpb = 0; // long-run trend of the synthetic history (log per year, ppb)
    SimStockFactor stock;      // KrxStock only
};

// Valid prices on a market's tick bands (a band's start is a multiple of its own and the lower band's tick,
// so rounding inside a band always lands on a valid price).
Decimal floorToTick(const TradingRules& rules, const Decimal& price);
Decimal ceilToTick(const TradingRules& rules, const Decimal& price);
Decimal nearestTick(const TradingRules& rules, const Decimal& price);

// The simulated markets: KRW-BTC, KRW-ETH, KRW-XRP, KRW-USDT, BTCUSDT, ETHUSDT, then the KRX-like stocks
// 005930, 000660 and 035720 (in that order).
QVector<SimMarketSpec> simMarketSpecs();
// The KRX-like stocks alone (the tail of simMarketSpecs()).
QVector<SimMarketSpec> simStockSpecs();

} // namespace hoga::sim
