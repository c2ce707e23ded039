#include "backtest_metrics.h"

#include <cmath>
#include <limits>

namespace hoga {

namespace {

constexpr double kYearMs = 365.0 * 24 * 3600 * 1000; // crypto trades every day of the year

Decimal floorToStep(const Decimal& qty, const Decimal& step) {
    return step.isPositive() ? qty.roundToStep(step, Rounding::Down) : qty;
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
                                            const QVector<EquityPoint>& equity,
                                            const QVector<BacktestFill>& fills, int candlesHoldingBase,
                                            qint64 candleMs) {
    BacktestMetrics m;
    m.candles = int(candles.size());
    m.initialCash = config.initialCash;
    m.finalEquity = equity.isEmpty() ? config.initialCash : equity.last().equity;
    m.trades = int(fills.size());
    Decimal grossProfit; // money stays exact; only the ratio below is a double
    Decimal grossLoss;
    for (const BacktestFill& f : fills) {
        m.fees += f.fill.fee;
        if (f.fill.side != Side::Sell)
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
    // One pass for the drawdown (from the initial cash on) and the per-candle returns: the same numbers as
    // maxDrawdown() and returns(), without two more curve-sized vectors.
    QVector<double> r;
    r.reserve(equity.size());
    double previous = initial;
    double peak = std::max(0.0, initial);
    double worst = 0;
    for (const EquityPoint& p : equity) {
        const double e = p.equity.toDouble();
        r.append(previous != 0 ? e / previous - 1 : 0);
        previous = e;
        peak = std::max(peak, e);
        if (peak > 0)
            worst = std::max(worst, (peak - e) / peak);
    }
    const double final = m.finalEquity.toDouble();
    m.totalReturn = initial > 0 ? final / initial - 1 : 0;
    m.periodsPerYear = candleMs > 0 ? kYearMs / double(candleMs) : 0;
    const double years = candleMs > 0 ? double(m.candles) * double(candleMs) / kYearMs : 0;
    if (years > 0 && initial > 0)
        m.cagr = final > 0 ? std::pow(final / initial, 1.0 / years) - 1 : -1;
    m.maxDrawdown = worst;
    m.sharpe = sharpe(r, m.periodsPerYear);
    m.sortino = sortino(r, m.periodsPerYear);
    m.buyHoldFinalEquity = buyAndHold(config, candles);
    m.buyHoldReturn = initial > 0 ? m.buyHoldFinalEquity.toDouble() / initial - 1 : 0;
    return m;
}

} // namespace hoga
