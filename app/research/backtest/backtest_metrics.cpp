#include "backtest_metrics.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <vector>

namespace hoga {

namespace {

constexpr double kYearMs = 365.0 * 24 * 3600 * 1000; // crypto trades every day of the year

Decimal floorToStep(const Decimal& qty, const Decimal& step) {
    return step.isPositive() ? qty.roundToStep(step, Rounding::Down) : qty;
}

constexpr long long kPow10[] = {1LL,
                                10LL,
                                100LL,
                                1000LL,
                                10000LL,
                                100000LL,
                                1000000LL,
                                10000000LL,
                                100000000LL,
                                1000000000LL,
                                10000000000LL,
                                100000000000LL,
                                1000000000000LL,
                                10000000000000LL,
                                100000000000000LL,
                                1000000000000000LL,
                                10000000000000000LL,
                                100000000000000000LL,
                                1000000000000000000LL};
static_assert(std::size(kPow10) == Decimal::kMaxScale + 1);

// What EquityCurve::equity(cash, base, close).toDouble() gives for the candles of one stretch with the same
// totals, without building Decimals: when the exact value's mantissa at the common scale is below 2^53 it
// and 10^scale are exact doubles, and one IEEE division rounds that same rational correctly (as
// Decimal::toDouble does for the normalised mantissa). Else via the Decimal. The totals are checked once per
// stretch; per candle only the close's mantissa and scale are.
class StretchEquity {
public:
    StretchEquity(const Decimal& cash, const Decimal& base)
        : m_cash(cash)
        , m_base(base)
        , m_fits(fitsInLong(cash.mantissa()) && fitsInLong(base.mantissa())) {}

    double at(const Decimal& close) const {
        // In 64 bits (a price and a quantity's mantissas nearly always fit): overflow checks are single
        // instructions there.
        constexpr long long kExactLimit = 1LL << 53;
        const int productScale = m_base.scale() + close.scale();
        const int scale = std::max(m_cash.scale(), productScale);
        long long product = 0;
        long long alignedProduct = 0;
        long long alignedCash = 0;
        long long sum = 0;
        if (m_fits && scale <= Decimal::kMaxScale && fitsInLong(close.mantissa()) &&
            !__builtin_mul_overflow(static_cast<long long>(m_base.mantissa()),
                                    static_cast<long long>(close.mantissa()), &product) &&
            !__builtin_mul_overflow(product, kPow10[scale - productScale], &alignedProduct) &&
            !__builtin_mul_overflow(static_cast<long long>(m_cash.mantissa()), kPow10[scale - m_cash.scale()],
                                    &alignedCash) &&
            !__builtin_add_overflow(alignedCash, alignedProduct, &sum) && sum > -kExactLimit &&
            sum < kExactLimit)
            return double(sum) / double(kPow10[scale]);
        return EquityCurve::equity(m_cash, m_base, close).toDouble();
    }

private:
    static bool fitsInLong(Int128 v) {
        constexpr Int128 kLongMax = std::numeric_limits<long long>::max();
        return v >= -kLongMax && v <= kLongMax;
    }

    const Decimal& m_cash;
    const Decimal& m_base;
    bool m_fits;
};

// Calls f(e) with the closing equity of every candle, in order, as a double, except on the candles after
// the first of a flat stretch (no base held: the same equity again, so a return of exactly 0), which go to
// flatRest(count) together. Each walk computes the values again: storing the half a million or so values of
// a long run costs more in first-touch page faults than recomputing them.
constexpr qsizetype kPrefetchAhead = 12;

template <typename F, typename G> void forEachEquity(const EquityCurve& equity, F f, G flatRest) {
    const QVector<Candle>& candles = equity.candles();
    const qsizetype changes = equity.changeCount();
    for (qsizetype k = 0; k < changes; ++k) {
        const EquityCurve::Holdings h = equity.change(k);
        const qsizetype end = k + 1 < changes ? equity.change(k + 1).fromIndex : equity.size();
        if (h.fromIndex >= end)
            continue;           // another fill on the same candle follows
        if (h.base->isZero()) { // flat: the same equity on every candle, converted once
            f(h.cash->toDouble());
            if (end - h.fromIndex > 1)
                flatRest(end - h.fromIndex - 1);
            continue;
        }
        const StretchEquity stretch(*h.cash, *h.base);
        const Candle* candle = candles.constData();
        for (qsizetype i = h.fromIndex; i < end; ++i) {
            // The walk is bound by loading each candle's close (one cache line of a 200-byte candle): ask
            // for the ones a few candles ahead early.
            __builtin_prefetch(&candle[std::min(i + kPrefetchAhead, end - 1)].close);
            f(stretch.at(candle[i].close));
        }
    }
}

} // namespace

double BacktestStatistics::maxDrawdown(const QVector<double>& equity) {
    double peak = 0;
    double worst = 0;
    for (double e : equity) {
        peak = std::max(peak, e);
        if (peak > 0)
            worst = std::max(worst, (peak - e) / peak);
    }
    return worst;
}

QVector<double> BacktestStatistics::returns(double initial, const QVector<double>& equity) {
    QVector<double> r;
    r.reserve(equity.size());
    double previous = initial;
    for (double e : equity) {
        r.append(previous != 0 ? e / previous - 1 : 0);
        previous = e;
    }
    return r;
}

double BacktestStatistics::sharpe(const QVector<double>& r, double periodsPerYear) {
    if (r.size() < 2)
        return 0;
    double sum = 0;
    for (double x : r)
        sum += x;
    const double mean = sum / r.size();
    double squares = 0;
    for (double x : r)
        squares += (x - mean) * (x - mean);
    const double sd = std::sqrt(squares / (r.size() - 1));
    return sd > 0 ? mean / sd * std::sqrt(periodsPerYear) : 0;
}

double BacktestStatistics::sortino(const QVector<double>& r, double periodsPerYear) {
    if (r.isEmpty())
        return 0;
    double sum = 0;
    double downside = 0;
    for (double x : r) {
        sum += x;
        if (x < 0)
            downside += x * x;
    }
    const double mean = sum / r.size();
    const double dd = std::sqrt(downside / r.size());
    return dd > 0 ? mean / dd * std::sqrt(periodsPerYear) : 0;
}

Decimal BacktestStatistics::buyAndHold(const BacktestConfig& config, const QVector<Candle>& candles) {
    if (candles.isEmpty() || !candles.first().open.isPositive())
        return config.initialCash;
    const Decimal open = candles.first().open;
    const Decimal unitCost = open * (Decimal(1) + config.feeRate);
    const Decimal qty = floorToStep(config.initialCash.divide(unitCost, Decimal::kMaxScale, Rounding::Down),
                                    config.market.rules.qtyStep);
    const Decimal notional = qty * open;
    const Decimal cash = config.initialCash - notional - notional * config.feeRate;
    return cash + qty * candles.last().close;
}

BacktestMetrics BacktestStatistics::compute(const BacktestConfig& config, const QVector<Candle>& candles,
                                            const EquityCurve& equity, const QVector<BacktestFill>& fills,
                                            int candlesHoldingBase, qint64 candleMs) {
    BacktestMetrics m;
    m.candles = int(candles.size());
    m.initialCash = config.initialCash;
    m.finalEquity = equity.isEmpty() ? config.initialCash : equity.last().equity;
    m.trades = int(fills.size());
    Decimal grossProfit; // money stays exact; only the ratio below is a double
    Decimal grossLoss;
    for (const BacktestFill& f : fills) {
        m.fees += f.fee;
        if (f.side != Side::Sell)
            continue;
        ++m.roundTrips;
        const Decimal& pnl = f.realizedPnl;
        if (f.realizedPnl.isPositive()) {
            ++m.wins;
            grossProfit += pnl;
        } else {
            grossLoss -= pnl;
        }
    }
    m.winRate = m.roundTrips > 0 ? double(m.wins) / m.roundTrips : 0;
    m.profitFactor = grossLoss.isPositive()
                         ? grossProfit.divide(grossLoss, 12, Rounding::HalfEven).toDouble()
                         : (grossProfit.isPositive() ? std::numeric_limits<double>::infinity() : 0);
    m.exposure = m.candles > 0 ? double(candlesHoldingBase) / m.candles : 0;

    const double initial = config.initialCash.toDouble();
    // The per-candle returns r_t = E_t / E_(t-1) - 1 are walked twice (sum, downside and drawdown, then the
    // squares around the mean) instead of stored: the same numbers, in the same order, as returns(),
    // maxDrawdown(), sharpe() and sortino() give, without a curve-sized vector. On a flat stretch after its
    // first candle r_t is exactly 0 (E / E - 1): the sum, the downside, the peak and the drawdown stay as
    // they are, and each such candle adds exactly mean * mean to the squares.
    const qsizetype n = equity.size();
    double previous = initial;
    double peak = std::max(0.0, initial);
    double worst = 0;
    double sum = 0;
    double downside = 0;
    forEachEquity(
        equity,
        [&](double e) {
            const double x = previous != 0 ? e / previous - 1 : 0;
            previous = e;
            sum += x;
            if (x < 0)
                downside += x * x;
            peak = std::max(peak, e);
            if (peak > 0)
                worst = std::max(worst, (peak - e) / peak);
        },
        [](qsizetype) {});
    const double mean = n > 0 ? sum / n : 0;
    double squares = 0;
    if (n >= 2) {
        previous = initial;
        forEachEquity(
            equity,
            [&](double e) {
                const double x = previous != 0 ? e / previous - 1 : 0;
                previous = e;
                squares += (x - mean) * (x - mean);
            },
            [&](qsizetype count) {
                const double zeroReturn = (0 - mean) * (0 - mean);
                for (qsizetype i = 0; i < count; ++i)
                    squares += zeroReturn; // one by one, rounded as the per-candle sum is
            });
    }
    const double final = m.finalEquity.toDouble();
    m.totalReturn = initial > 0 ? final / initial - 1 : 0;
    m.periodsPerYear = candleMs > 0 ? kYearMs / double(candleMs) : 0;
    const double years = candleMs > 0 ? double(m.candles) * double(candleMs) / kYearMs : 0;
    if (years > 0 && initial > 0)
        m.cagr = final > 0 ? std::pow(final / initial, 1.0 / years) - 1 : -1;
    m.maxDrawdown = worst;
    // As sharpe() and sortino() compute them.
    const double sd = n >= 2 ? std::sqrt(squares / (n - 1)) : 0;
    m.sharpe = sd > 0 ? mean / sd * std::sqrt(m.periodsPerYear) : 0;
    const double dd = n > 0 ? std::sqrt(downside / n) : 0;
    m.sortino = dd > 0 ? mean / dd * std::sqrt(m.periodsPerYear) : 0;
    m.buyHoldFinalEquity = buyAndHold(config, candles);
    m.buyHoldReturn = initial > 0 ? m.buyHoldFinalEquity.toDouble() / initial - 1 : 0;
    return m;
}

} // namespace hoga
