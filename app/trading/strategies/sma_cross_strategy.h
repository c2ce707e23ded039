#pragma once

#include "candle_signal_strategy.h"
#include "parameter_values.h"
#include "trading/indicators/moving_averages.h"

#include <optional>

namespace hoga {

// Fast/slow moving average cross: buys on a golden cross (fast rises above slow), sells the holding on a
// dead cross (fast falls below slow).
class SmaCrossStrategy : public CandleSignalStrategy {
public:
    // `values` come from completeParameters(); fails when fast >= slow or the order value is not positive.
    static Result<std::unique_ptr<Strategy>> create(const ParameterValues& values, const Market& market);

    QString id() const override { return QStringLiteral("sma_cross"); }

protected:
    Signal evaluate(StrategyContext& context, double close) override;

private:
    // An SMA or an EMA, chosen by the "ma" parameter.
    class Average {
    public:
        Average(bool exponential, int period);
        void update(double value);
        bool ready() const;
        double value() const;

    private:
        std::optional<Sma> m_sma;
        std::optional<Ema> m_ema;
    };

    SmaCrossStrategy(const ParameterValues& values);

    Average m_fast;
    Average m_slow;
    std::optional<double> m_previousGap; // fast - slow on the previous candle
    // Published on every candle: one string each, not one per call.
    const QString m_fastName = QStringLiteral("ma_fast");
    const QString m_slowName = QStringLiteral("ma_slow");
};

} // namespace hoga
