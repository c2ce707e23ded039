#include "sim_history.h"

#include "sim_random.h"

#include <algorithm>

namespace hoga::sim {

namespace {

constexpr qint64 kBillion = 1'000'000'000;
constexpr qint64 kMillion = 1'000'000;
constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kYearMs = 365 * kDayMs;
constexpr int kExpHalvings = 10;

// Regime multipliers of volatility (permille), picked per block of candles: calm and busy stretches.
constexpr qint64 kRegimes[] = {550, 700, 850, 1000, 1000, 1150, 1400, 1900};
constexpr qint64 kRegimeBlock = 48;

quint64 codeKey(const QString& code) {
    // FNV-1a over UTF-16 units: stable across runs and Qt versions (qHash is not promised to be).
    quint64 h = 1469598103934665603ULL;
    for (QChar c : code) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

qint64 absolute(qint64 v) {
    return v < 0 ? -v : v;
}

} // namespace

Decimal expPpb(qint64 logPpb) {
    logPpb = std::clamp<qint64>(logPpb, -8 * kBillion, 8 * kBillion);
    // exp(x) = exp(x / 2^n)^(2^n); the small argument needs only a few Taylor terms.
    const Decimal y =
        Decimal::fromMantissa(logPpb, 9).divide(Decimal(1 << kExpHalvings), 18, Rounding::HalfEven);
    Decimal term = 1;
    Decimal sum = 1;
    for (int i = 1; i <= 6; ++i) {
        term = term.multiply(y, 18, Rounding::HalfEven).divide(Decimal(i), 18, Rounding::HalfEven);
        sum += term;
    }
    for (int i = 0; i < kExpHalvings; ++i)
        sum = sum.multiply(sum, 15, Rounding::HalfEven);
    return sum;
}

SimHistory::SimHistory(quint64 seed, const SimMarketSpec& spec, Decimal startPrice, qint64 startMs)
    : m_seed(seed)
    , m_spec(spec)
    , m_startPrice(std::move(startPrice))
    , m_startMs(startMs)
    // Coins may have been far cheaper long ago; the KRW price of USDT stays within a narrow band.
    , m_maxLogPpb(spec.driver == SimDriver::UsdtKrw ? 250'000'000 : 7 * kBillion) {
    switch (spec.driver) {
    case SimDriver::UsdtKrw:
        m_inKrw = true;
        break;
    case SimDriver::BtcUsdt:
        m_coin = Btc;
        break;
    case SimDriver::EthUsdt:
        m_coin = Eth;
        break;
    case SimDriver::KrwBtc:
        m_coin = Btc, m_inKrw = true;
        break;
    case SimDriver::KrwEth:
        m_coin = Eth, m_inKrw = true;
        break;
    case SimDriver::KrwXrp:
        m_coin = Xrp, m_inKrw = true;
        break;
    }
    m_coinSigmaPpb = m_coin == Btc   ? kBtcDailySigmaPpb
                     : m_coin == Eth ? kEthDailySigmaPpb
                                     : kXrpDailySigmaPpb;
}

quint64 SimHistory::factorKey(Factor factor, CandleInterval interval) const {
    return mixKey(m_seed, 0x1000 + quint64(factor) * 0x100 + quint64(interval));
}

quint64 SimHistory::marketKey(CandleInterval interval) const {
    return mixKey(mixKey(m_seed, codeKey(m_spec.market.code)), quint64(interval) + 0x2000);
}

qint64 SimHistory::regimePermille(Factor factor, CandleInterval interval, qint64 index) const {
    const quint64 block = quint64(index / kRegimeBlock) + 0x7e0000;
    return kRegimes[belowFromKey(mixKey(factorKey(factor, interval), block), std::size(kRegimes))];
}

qint64 SimHistory::sigmaPpb(CandleInterval interval, qint64 index) const {
    const qint64 dayShareMicro =
        qint64(isqrt(quint64(intervalMs(interval)) * 1'000'000'000'000ULL / quint64(kDayMs)));
    qint64 sigma = 0;
    if (m_coin >= 0) // coins share the crypto market's calm and busy stretches (BTC's)
        sigma += m_coinSigmaPpb * dayShareMicro / kMillion * regimePermille(Btc, interval, index) / 1000;
    if (m_inKrw)
        sigma +=
            kUsdKrwDailySigmaPpb * dayShareMicro / kMillion * regimePermille(UsdKrw, interval, index) / 1000;
    return sigma;
}

qint64 SimHistory::shockPpb(CandleInterval interval, qint64 index) const {
    const qint64 dayShareMicro =
        qint64(isqrt(quint64(intervalMs(interval)) * 1'000'000'000'000ULL / quint64(kDayMs)));
    auto draw = [&](Factor f) {
        return gaussianMicroFromKey(mixKey(factorKey(f, interval), quint64(index)));
    };
    qint64 shock = 0;
    if (m_coin >= 0) {
        const qint64 btc = draw(Btc);
        qint64 z = btc;
        if (m_coin == Eth)
            z = correlatedMicro(btc, draw(Eth), kEthBtcRhoMicro);
        else if (m_coin == Xrp)
            z = correlatedMicro(btc, draw(Xrp), kXrpBtcRhoMicro);
        const qint64 sigma =
            m_coinSigmaPpb * dayShareMicro / kMillion * regimePermille(Btc, interval, index) / 1000;
        shock += sigma * z / kMillion;
    }
    if (m_inKrw) {
        const qint64 sigma =
            kUsdKrwDailySigmaPpb * dayShareMicro / kMillion * regimePermille(UsdKrw, interval, index) / 1000;
        shock += sigma * draw(UsdKrw) / kMillion;
    }
    return shock;
}

qint64 SimHistory::driftPpb(CandleInterval interval) const {
    return m_spec.yearlyDriftPpb * (intervalMs(interval) / 1000) / (kYearMs / 1000);
}

qint64 SimHistory::stepBack(CandleInterval interval, qint64 index, qint64 logClose) const {
    const qint64 drift = driftPpb(interval);
    // Pull toward the trend line (prices drift lower going back), over about two years for coins and three
    // months for the dollar rate, so long paths stay plausible.
    const qint64 tauMs = m_coin < 0 ? 90 * kDayMs : 2 * kYearMs;
    const qint64 thetaPpb =
        std::min<qint64>(200'000'000, kBillion / std::max<qint64>(1, tauMs / intervalMs(interval)));
    const qint64 deviation = logClose + drift * index;
    qint64 next = logClose - drift - shockPpb(interval, index) - deviation / kMillion * thetaPpb / 1000;
    // Reflect at the bounds rather than sticking to them.
    if (next > m_maxLogPpb)
        next = 2 * m_maxLogPpb - next;
    if (next < -m_maxLogPpb)
        next = -2 * m_maxLogPpb - next;
    return std::clamp(next, -m_maxLogPpb, m_maxLogPpb);
}

qint64 SimHistory::logCloseAt(CandleInterval interval, qint64 index) {
    Path& path = m_paths[int(interval)];
    if (path.checkpoints.empty())
        path.checkpoints.push_back(0); // candle 0 closes at the start price
    const size_t needed = size_t(index / kStride);
    while (path.checkpoints.size() <= needed) {
        qint64 log = path.checkpoints.back();
        const qint64 from = qint64(path.checkpoints.size() - 1) * kStride;
        for (qint64 i = from; i < from + kStride; ++i)
            log = stepBack(interval, i, log);
        path.checkpoints.push_back(log);
    }
    qint64 log = path.checkpoints[needed];
    for (qint64 i = qint64(needed) * kStride; i < index; ++i)
        log = stepBack(interval, i, log);
    return log;
}

Decimal SimHistory::priceAt(qint64 logPpb) const {
    if (logPpb == 0)
        return m_startPrice;
    return nearestTick(m_spec.market.rules, m_startPrice.multiply(expPpb(logPpb), 10, Rounding::HalfEven));
}

Candle SimHistory::makeCandle(CandleInterval interval, qint64 index, qint64 openTimeMs, qint64 logClose,
                              qint64 logOpen) const {
    const TradingRules& rules = m_spec.market.rules;
    Candle c;
    c.openTimeMs = openTimeMs;
    c.open = priceAt(logOpen);
    c.close = priceAt(logClose);

    const quint64 k = marketKey(interval);
    const qint64 regime = regimePermille(m_coin >= 0 ? Btc : UsdKrw, interval, index);
    const qint64 sigma = sigmaPpb(interval, index);
    // Wicks: a fraction of a candle's volatility beyond the body, on each side.
    auto wickPpb = [&](quint64 salt) {
        const qint64 g = absolute(gaussianMicroFromKey(mixKey(k, quint64(index) ^ salt)));
        return std::min<qint64>(400'000'000, sigma / 10 + sigma / 2 * g / kMillion);
    };
    const Decimal top = Decimal::max(c.open, c.close);
    const Decimal bottom = Decimal::min(c.open, c.close);
    c.high = ceilToTick(rules, top.multiply(Decimal::fromMantissa(kBillion + wickPpb(0x4849ULL << 40), 9), 10,
                                            Rounding::HalfEven));
    const Decimal low =
        floorToTick(rules, bottom.multiply(Decimal::fromMantissa(kBillion - wickPpb(0x4c4fULL << 40), 9), 10,
                                           Rounding::HalfEven));
    c.low = low.isPositive() ? low : bottom;
    c.high = Decimal::max(c.high, top);
    c.low = Decimal::min(c.low, bottom);

    // Volume: the market's usual daily turnover spread over the interval, busier in volatile stretches.
    qint64 lengthMs = nextBucketStart(interval, openTimeMs) - openTimeMs;
    if (index == 0)
        lengthMs = std::clamp<qint64>(m_startMs - openTimeMs, 0, lengthMs); // only the part before the start
    const qint64 noisePermille =
        500 + qint64(belowFromKey(mixKey(k, quint64(index) ^ (0x564fULL << 40)), 1100));
    const Decimal share = Decimal(lengthMs).divide(Decimal(kDayMs), 12, Rounding::HalfEven);
    const Decimal volume =
        m_spec.dailyVolume.multiply(share, 12, Rounding::HalfEven)
            .multiply(Decimal::fromMantissa(regime * noisePermille, 6), 12, Rounding::HalfEven);
    c.volume = volume.roundToStep(rules.qtyStep, Rounding::HalfEven);
    const Decimal typical = (c.open + c.high + c.low + c.close).divide(Decimal(4), 8, Rounding::HalfEven);
    c.quoteVolume = c.volume.multiply(typical, 8, Rounding::HalfEven);
    return c;
}

QVector<Candle> SimHistory::candles(CandleInterval interval, qint64 kNewest,
                                    const QVector<qint64>& openTimesNewestFirst) {
    QVector<Candle> out;
    out.reserve(openTimesNewestFirst.size());
    qint64 logClose = logCloseAt(interval, kNewest);
    for (qsizetype i = 0; i < openTimesNewestFirst.size(); ++i) {
        const qint64 index = kNewest + i;
        const qint64 logOpen = stepBack(interval, index, logClose);
        out.append(makeCandle(interval, index, openTimesNewestFirst[i], logClose, logOpen));
        logClose = logOpen;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace hoga::sim
