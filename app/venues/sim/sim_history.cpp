#include "sim_history.h"

#include "sim_random.h"

#include <QDateTime>

#include <algorithm>
#include <optional>

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

constexpr quint64 kHighSalt = 0x4849ULL << 40;
constexpr quint64 kLowSalt = 0x4c4fULL << 40;
constexpr quint64 kVolumeSalt = 0x564fULL << 40;
constexpr int kMaxCachedSplits = 4096;

qint64 monthIndex(qint64 ms) {
    const QDate d = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
    return qint64(d.year()) * 12 + d.month() - 1;
}

// The interval each one is cut out of; months are the top.
std::optional<CandleInterval> parentOf(CandleInterval interval) {
    switch (interval) {
    case CandleInterval::S1:
        return CandleInterval::M1;
    case CandleInterval::M1:
        return CandleInterval::M5;
    case CandleInterval::M5:
        return CandleInterval::M10;
    case CandleInterval::M10:
        return CandleInterval::M30;
    case CandleInterval::M30:
        return CandleInterval::H1;
    case CandleInterval::H1:
        return CandleInterval::H4;
    case CandleInterval::H4:
        return CandleInterval::D1;
    case CandleInterval::D1:
        return CandleInterval::MN1;
    default:
        return std::nullopt;
    }
}

// Intervals that do not nest in the chain above are sums of a shorter one.
std::optional<CandleInterval> partOf(CandleInterval interval) {
    switch (interval) {
    case CandleInterval::M3:
        return CandleInterval::M1;
    case CandleInterval::M15:
        return CandleInterval::M5;
    case CandleInterval::W1:
        return CandleInterval::D1;
    default:
        return std::nullopt;
    }
}

Decimal qtyStep(const TradingRules& rules) {
    return rules.qtyStep.isPositive() ? rules.qtyStep : Decimal::fromMantissa(1, 8);
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
    // Coins may have been far cheaper long ago; the KRW price of USDT stays within a narrow band; a large
    // stock within a factor of about ten.
    , m_maxLogPpb(spec.driver == SimDriver::UsdtKrw    ? 250'000'000
                  : spec.driver == SimDriver::KrxStock ? 2'300'000'000
                                                       : 7 * kBillion) {
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
    case SimDriver::KrxStock:
        m_stock = true;
        break;
    }
    m_coinSigmaPpb = m_coin == Btc   ? kBtcDailySigmaPpb
                     : m_coin == Eth ? kEthDailySigmaPpb
                                     : kXrpDailySigmaPpb;
}

quint64 SimHistory::factorKey(Factor factor, CandleInterval interval) const {
    const quint64 key = mixKey(m_seed, 0x1000 + quint64(factor) * 0x100 + quint64(interval));
    // Each stock has a factor of its own.
    return factor == Stock ? mixKey(key, codeKey(m_spec.market.code)) : key;
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
    if (m_stock)
        sigma += m_spec.stock.dailySigmaPpb * dayShareMicro / kMillion *
                 regimePermille(Stock, interval, index) / 1000;
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
    if (m_stock) {
        const qint64 sigma = m_spec.stock.dailySigmaPpb * dayShareMicro / kMillion *
                             regimePermille(Stock, interval, index) / 1000;
        shock += sigma * draw(Stock) / kMillion;
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
    const qint64 tauMs = m_coin < 0 && !m_stock ? 90 * kDayMs : 2 * kYearMs;
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

qint64 SimHistory::wickPpb(CandleInterval interval, qint64 index, quint64 salt) const {
    // A fraction of a candle's volatility beyond the body.
    const qint64 g = absolute(gaussianMicroFromKey(mixKey(marketKey(interval), quint64(index) ^ salt)));
    const qint64 sigma = sigmaPpb(interval, index);
    return std::min<qint64>(400'000'000, sigma / 10 + sigma / 2 * g / kMillion);
}

SimHistory::LogCandle SimHistory::monthCandle(qint64 openTimeMs) {
    const qint64 k = monthIndex(m_startMs) - monthIndex(openTimeMs);
    LogCandle c;
    c.openTimeMs = openTimeMs;
    c.endMs = k == 0 ? m_startMs : nextBucketStart(CandleInterval::MN1, openTimeMs);
    c.close = logCloseAt(CandleInterval::MN1, k);
    c.open = stepBack(CandleInterval::MN1, k, c.close);
    c.high = std::max(c.open, c.close) + wickPpb(CandleInterval::MN1, k, kHighSalt);
    c.low = std::min(c.open, c.close) - wickPpb(CandleInterval::MN1, k, kLowSalt);

    // Volume: the market's usual daily turnover over the month, busier in volatile stretches.
    const qint64 lengthMs = std::max<qint64>(0, c.endMs - openTimeMs);
    const qint64 regime = regimePermille(m_stock       ? Stock
                                         : m_coin >= 0 ? Btc
                                                       : UsdKrw,
                                         CandleInterval::MN1, k);
    const qint64 noisePermille =
        500 + qint64(belowFromKey(mixKey(marketKey(CandleInterval::MN1), quint64(k) ^ kVolumeSalt), 1100));
    const Decimal volume =
        m_spec.dailyVolume.multiply(Decimal(lengthMs), 12, Rounding::HalfEven)
            .divide(Decimal(kDayMs), 12, Rounding::HalfEven)
            .multiply(Decimal::fromMantissa(regime * noisePermille, 6), 12, Rounding::HalfEven);
    c.volumeSteps = volume.divide(qtyStep(m_spec.market.rules), 0, Rounding::Down).toInt64();
    return c;
}

QVector<SimHistory::LogCandle> SimHistory::split(const LogCandle& parent, CandleInterval parentInterval,
                                                 CandleInterval childInterval) const {
    // The children: every bucket of the parent; for the start bucket, those up to the start instant.
    QVector<qint64> opens;
    const bool startBucket = parent.openTimeMs == bucketStart(parentInterval, m_startMs);
    const qint64 lastOpen =
        startBucket ? bucketStart(childInterval, m_startMs) : bucketStart(childInterval, parent.endMs - 1);
    for (qint64 t = parent.openTimeMs; t <= lastOpen; t = nextBucketStart(childInterval, t))
        opens.append(t);
    const qint64 n = opens.size();
    QVector<LogCandle> kids(n);
    if (n == 0)
        return kids;

    // A bridge from the parent's open to its close: the children's own shocks, less their drift from the
    // line, scaled down where needed to stay inside the parent's high and low.
    const qint64 step = intervalMs(childInterval);
    std::vector<qint64> walk(size_t(n) + 1, 0);
    for (qint64 i = 0; i < n; ++i)
        walk[size_t(i) + 1] = walk[size_t(i)] + shockPpb(childInterval, opens[i] / step);
    std::vector<qint64> line(size_t(n) + 1);
    std::vector<qint64> bend(size_t(n) + 1);
    qint64 scaleMicro = kMillion;
    for (qint64 i = 0; i <= n; ++i) {
        line[size_t(i)] = parent.open + qint64(Int128(parent.close - parent.open) * i / n);
        bend[size_t(i)] = walk[size_t(i)] - qint64(Int128(walk[size_t(n)]) * i / n);
        const qint64 b = bend[size_t(i)];
        if (b == 0)
            continue;
        const qint64 room = b > 0 ? parent.high - line[size_t(i)] : line[size_t(i)] - parent.low;
        scaleMicro =
            std::min<qint64>(scaleMicro, qint64(Int128(std::max<qint64>(0, room)) * kMillion / absolute(b)));
    }
    std::vector<qint64> path(size_t(n) + 1);
    for (qint64 i = 0; i <= n; ++i)
        path[size_t(i)] = line[size_t(i)] + qint64(Int128(bend[size_t(i)]) * scaleMicro / kMillion);

    qint64 highest = 0;
    qint64 lowest = 0;
    Int128 totalWeight = 0;
    std::vector<Int128> weights(static_cast<size_t>(n));
    const quint64 volumeKey = marketKey(childInterval);
    for (qint64 i = 0; i < n; ++i) {
        LogCandle& kid = kids[i];
        const qint64 index = opens[i] / step;
        kid.openTimeMs = opens[i];
        kid.endMs = std::min(nextBucketStart(childInterval, opens[i]), parent.endMs);
        kid.open = path[size_t(i)];
        kid.close = path[size_t(i) + 1];
        // Wicks squeezed into the room the parent leaves (w * room / (w + room) < both), never cut flat
        // against its high or low, which would draw a ceiling of equal highs.
        auto squeeze = [](qint64 wick, qint64 room) {
            return room <= 0 ? 0 : qint64(Int128(wick) * room / (wick + room));
        };
        const qint64 top = std::max(kid.open, kid.close);
        const qint64 bottom = std::min(kid.open, kid.close);
        kid.high = top + squeeze(wickPpb(childInterval, index, kHighSalt), parent.high - top);
        kid.low = bottom - squeeze(wickPpb(childInterval, index, kLowSalt), bottom - parent.low);
        if (kid.high > kids[highest].high)
            highest = i;
        if (kid.low < kids[lowest].low)
            lowest = i;
        const qint64 regime = regimePermille(m_stock       ? Stock
                                             : m_coin >= 0 ? Btc
                                                           : UsdKrw,
                                             childInterval, index);
        const qint64 noise =
            500 + qint64(belowFromKey(mixKey(volumeKey, quint64(index) ^ kVolumeSalt), 1100));
        weights[size_t(i)] = Int128(std::max<qint64>(0, kid.endMs - kid.openTimeMs)) * regime * noise;
        totalWeight += weights[size_t(i)];
    }
    // Some child reaches the parent's high and some its low.
    kids[highest].high = parent.high;
    kids[lowest].low = parent.low;

    // The volume split to the step, the rounding left-over to the busiest child: the children sum exactly.
    qint64 given = 0;
    qint64 busiest = 0;
    for (qint64 i = 0; i < n; ++i) {
        if (totalWeight > 0)
            kids[i].volumeSteps = qint64(Int128(parent.volumeSteps) * weights[size_t(i)] / totalWeight);
        given += kids[i].volumeSteps;
        if (weights[size_t(i)] > weights[size_t(busiest)])
            busiest = i;
    }
    kids[busiest].volumeSteps += parent.volumeSteps - given;
    return kids;
}

QVector<SimHistory::LogCandle> SimHistory::children(CandleInterval childInterval, qint64 parentOpenMs) {
    const auto key = qMakePair(int(childInterval), parentOpenMs);
    if (const auto it = m_children.constFind(key); it != m_children.cend())
        return *it;
    const CandleInterval parentInterval = *parentOf(childInterval);
    const LogCandle parent = logCandle(parentInterval, parentOpenMs);
    const QVector<LogCandle> kids = split(parent, parentInterval, childInterval);
    if (m_children.size() >= kMaxCachedSplits)
        m_children.clear();
    m_children.insert(key, kids);
    return kids;
}

SimHistory::LogCandle SimHistory::logCandle(CandleInterval interval, qint64 openTimeMs) {
    if (interval == CandleInterval::MN1)
        return monthCandle(openTimeMs);
    if (const std::optional<CandleInterval> part = partOf(interval)) {
        // Weeks, 15 and 3 minutes: the sum of their parts (up to the start).
        LogCandle sum;
        bool any = false;
        const qint64 end = nextBucketStart(interval, openTimeMs);
        const qint64 lastPart = bucketStart(*part, m_startMs);
        for (qint64 t = openTimeMs; t < end && t <= lastPart; t = nextBucketStart(*part, t)) {
            const LogCandle c = logCandle(*part, t);
            if (!any) {
                sum = c;
                sum.openTimeMs = openTimeMs;
                any = true;
                continue;
            }
            sum.close = c.close;
            sum.endMs = c.endMs;
            sum.high = std::max(sum.high, c.high);
            sum.low = std::min(sum.low, c.low);
            sum.volumeSteps += c.volumeSteps;
        }
        return sum;
    }
    const CandleInterval parent = *parentOf(interval);
    const QVector<LogCandle> kids = children(interval, bucketStart(parent, openTimeMs));
    for (const LogCandle& kid : kids)
        if (kid.openTimeMs == openTimeMs)
            return kid;
    return kids.isEmpty() ? LogCandle{} : kids.constLast();
}

Candle SimHistory::toCandle(const LogCandle& lc) const {
    const TradingRules& rules = m_spec.market.rules;
    Candle c;
    c.openTimeMs = lc.openTimeMs;
    c.open = priceAt(lc.open);
    c.close = priceAt(lc.close);
    // Highs round up and lows down onto the tick grid; the same log price always gives the same price, so
    // a parent's high is exactly its highest child's.
    c.high = ceilToTick(rules, m_startPrice.multiply(expPpb(lc.high), 10, Rounding::HalfEven));
    const Decimal low = floorToTick(rules, m_startPrice.multiply(expPpb(lc.low), 10, Rounding::HalfEven));
    const Decimal top = Decimal::max(c.open, c.close);
    const Decimal bottom = Decimal::min(c.open, c.close);
    c.low = low.isPositive() ? low : bottom;
    c.high = Decimal::max(c.high, top);
    c.low = Decimal::min(c.low, bottom);
    c.volume = Decimal(lc.volumeSteps) * qtyStep(rules);
    const Decimal typical = (c.open + c.high + c.low + c.close).divide(Decimal(4), 8, Rounding::HalfEven);
    c.quoteVolume = c.volume.multiply(typical, 8, Rounding::HalfEven);
    return c;
}

QVector<Candle> SimHistory::candles(CandleInterval interval, qint64 kNewest,
                                    const QVector<qint64>& openTimesNewestFirst) {
    Q_UNUSED(kNewest); // open times say it all: every interval is cut from the same months
    QVector<Candle> out;
    out.reserve(openTimesNewestFirst.size());
    for (auto it = openTimesNewestFirst.crbegin(); it != openTimesNewestFirst.crend(); ++it)
        out.append(toCandle(logCandle(interval, *it)));
    return out;
}

} // namespace hoga::sim
