#include "sim_price_process.h"

#include <algorithm>

namespace hoga::sim {

namespace {

constexpr qint64 kBillion = 1'000'000'000;
constexpr qint64 kMillion = 1'000'000;
constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kLn2Ppb = 693'147'181;

// GARCH(1,1) on the per-step variance multiplier: persistence 0.999 per step, so calm and hectic spells
// last a minute or two of 100 ms steps.
constexpr qint64 kGarchAlpha = 15'000; // millionths
constexpr qint64 kGarchBeta = 984'000; // millionths
constexpr qint64 kGarchOmega = kMillion - kGarchAlpha - kGarchBeta;
constexpr qint64 kMinVariance = 250'000;
constexpr qint64 kMaxVariance = 16'000'000;
constexpr quint64 kJumpOdds = 50'000; // one step in this many carries a jump
constexpr qint64 kJumpScale = 5;

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

} // namespace

SimPriceProcess::SimPriceProcess(quint64 seed, int stepIntervalMs)
    : m_rng(mixKey(seed, 0x70726963655f7072ULL))
    , m_stepMs(std::max(1, stepIntervalMs))
    , m_stockRng(mixKey(seed, 0x73746f636b73ULL)) {
    // Start near 2026-ish levels, jittered by the seed so different seeds start in different places.
    auto jittered = [this](const Decimal& anchor, qint64 spreadPpb) {
        const qint64 j = m_rng.between(-spreadPpb, spreadPpb);
        return anchor.multiply(Decimal::fromMantissa(kBillion + j, 9), 8, Rounding::HalfEven);
    };
    m_usdtKrw = makeFactor(jittered(1450, 10'000'000), kUsdKrwDailySigmaPpb, 6 * 3'600'000);
    m_btc = makeFactor(jittered(98'000, 30'000'000), kBtcDailySigmaPpb, 8 * 3'600'000);
    m_eth = makeFactor(jittered(3'600, 30'000'000), kEthDailySigmaPpb, 8 * 3'600'000);
    m_xrp = makeFactor(jittered(dec("2.185"), 30'000'000), kXrpDailySigmaPpb, 8 * 3'600'000);

    auto premium = [this](qint64 targetPpb) {
        Premium p;
        p.targetPpb = targetPpb;
        p.ppb = targetPpb + m_rng.between(-3'000'000, 3'000'000);
        // Half-life of half an hour; stationary spread of about 0.15 %.
        p.kappaPpb = kLn2Ppb * m_stepMs / (30 * 60'000);
        const qint64 sqrtTwoKappaPpb = qint64(isqrt(quint64(2 * p.kappaPpb) * quint64(kBillion)));
        p.sigmaPpb = 1'500'000 * sqrtTwoKappaPpb / kBillion;
        return p;
    };
    m_btcPremium = premium(13'000'000);
    m_ethPremium = premium(15'000'000);
    m_xrpPremium = premium(10'000'000);
}

SimPriceProcess::Factor SimPriceProcess::makeFactor(const Decimal& anchor, qint64 dailySigmaPpb,
                                                    qint64 halfLifeMs) {
    Factor f;
    f.value = anchor;
    f.anchor = anchor;
    const quint64 fractionOfDayMicro2 = quint64(m_stepMs) * 1'000'000'000'000ULL / quint64(kDayMs);
    f.sigmaPpb = dailySigmaPpb * qint64(isqrt(fractionOfDayMicro2)) / kMillion;
    f.kappaPpb = kLn2Ppb * m_stepMs / halfLifeMs;
    return f;
}

void SimPriceProcess::addStock(const SimStockFactor& stock) {
    const qint64 jitterPpb = m_stockRng.between(-30'000'000, 30'000'000);
    const Decimal start =
        stock.anchor.multiply(Decimal::fromMantissa(kBillion + jitterPpb, 9), 8, Rounding::HalfEven);
    // Stocks revert over about two days: a day's news fades, the level stays plausible for weeks.
    m_stocks.push_back(makeFactor(start, stock.dailySigmaPpb, 48 * 3'600'000));
}

void SimPriceProcess::moveFactor(Factor& f, qint64 shockMicro, SimRandom& rng) {
    if (rng.below(kJumpOdds) == 0)
        shockMicro *= kJumpScale;
    f.lastShockMicro = shockMicro;

    const qint64 sqrtVarianceMicro = qint64(isqrt(quint64(f.varianceMicro) * quint64(kMillion)));
    const qint64 shockPpb = (shockMicro * f.sigmaPpb / kMillion) * sqrtVarianceMicro / kMillion;

    const Decimal deviation = (f.value - f.anchor).divide(f.anchor, 9, Rounding::HalfEven);
    const qint64 deviationPpb = (deviation * Decimal(kBillion)).toInt64();
    const qint64 driftPpb = -f.kappaPpb * deviationPpb / kBillion;

    f.value =
        f.value.multiply(Decimal::fromMantissa(kBillion + shockPpb + driftPpb, 9), 10, Rounding::HalfEven);

    const qint64 shockSquaredMicro = shockMicro / 1000 * (shockMicro / 1000);
    const qint64 next =
        (kGarchOmega * kMillion + kGarchAlpha * shockSquaredMicro + kGarchBeta * f.varianceMicro) / kMillion;
    f.varianceMicro = std::clamp(next, kMinVariance, kMaxVariance);
}

void SimPriceProcess::movePremium(Premium& p) {
    // sigmaPpb is already per step (derived from the per-step kappa), so no further scaling.
    const qint64 noisePpb = m_rng.gaussianMicro() * p.sigmaPpb / kMillion;
    p.ppb += p.kappaPpb * (p.targetPpb - p.ppb) / kBillion + noisePpb;
}

void SimPriceProcess::step() {
    // Draw every shock first, in a fixed order, so the sequence never depends on the values.
    const qint64 zBtc = m_rng.gaussianMicro();
    const qint64 zEth = correlatedMicro(zBtc, m_rng.gaussianMicro(), kEthBtcRhoMicro);
    const qint64 zXrp = correlatedMicro(zBtc, m_rng.gaussianMicro(), kXrpBtcRhoMicro);
    const qint64 zFx = correlatedMicro(zBtc, m_rng.gaussianMicro(), kUsdKrwBtcRhoMicro);

    moveFactor(m_btc, zBtc, m_rng);
    moveFactor(m_eth, zEth, m_rng);
    moveFactor(m_xrp, zXrp, m_rng);
    moveFactor(m_usdtKrw, zFx, m_rng);
    movePremium(m_btcPremium);
    movePremium(m_ethPremium);
    movePremium(m_xrpPremium);
    for (Factor& stock : m_stocks)
        moveFactor(stock, m_stockRng.gaussianMicro(), m_stockRng);
}

Decimal SimPriceProcess::krwValue(const Factor& usdtValue, const Premium& premium) const {
    const Decimal krw = usdtValue.value.multiply(m_usdtKrw.value, 10, Rounding::HalfEven);
    return krw.multiply(Decimal::fromMantissa(kBillion + premium.ppb, 9), 8, Rounding::HalfEven);
}

Decimal SimPriceProcess::fairValue(SimDriver driver) const {
    switch (driver) {
    case SimDriver::UsdtKrw:
        return m_usdtKrw.value.round(8, Rounding::HalfEven);
    case SimDriver::BtcUsdt:
        return m_btc.value.round(8, Rounding::HalfEven);
    case SimDriver::EthUsdt:
        return m_eth.value.round(8, Rounding::HalfEven);
    case SimDriver::KrwBtc:
        return krwValue(m_btc, m_btcPremium);
    case SimDriver::KrwEth:
        return krwValue(m_eth, m_ethPremium);
    case SimDriver::KrwXrp:
        return krwValue(m_xrp, m_xrpPremium);
    case SimDriver::KrxStock:
        break;
    }
    return {};
}

Decimal SimPriceProcess::fairValue(const SimMarketSpec& spec) const {
    if (spec.driver != SimDriver::KrxStock)
        return fairValue(spec.driver);
    const size_t i = size_t(spec.stock.index);
    return i < m_stocks.size() ? m_stocks[i].value.round(8, Rounding::HalfEven) : Decimal();
}

qint64 SimPriceProcess::lastShockMicro(SimDriver driver) const {
    switch (driver) {
    case SimDriver::UsdtKrw:
        return m_usdtKrw.lastShockMicro;
    case SimDriver::BtcUsdt:
    case SimDriver::KrwBtc:
        return m_btc.lastShockMicro;
    case SimDriver::EthUsdt:
    case SimDriver::KrwEth:
        return m_eth.lastShockMicro;
    case SimDriver::KrwXrp:
        return m_xrp.lastShockMicro;
    case SimDriver::KrxStock:
        break;
    }
    return 0;
}

qint64 SimPriceProcess::lastShockMicro(const SimMarketSpec& spec) const {
    if (spec.driver != SimDriver::KrxStock)
        return lastShockMicro(spec.driver);
    const size_t i = size_t(spec.stock.index);
    return i < m_stocks.size() ? m_stocks[i].lastShockMicro : 0;
}

} // namespace hoga::sim
