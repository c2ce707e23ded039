#pragma once

#include "candle_signal_strategy.h"
#include "parameter_values.h"
#include "trading/indicators/rsi.h"

namespace hoga {

// RSI mean reversion: buys when the RSI is below `oversold`, sells the holding when it is above `overbought`.
class RsiStrategy : public CandleSignalStrategy {
public:
    static Result<std::unique_ptr<Strategy>> create(const ParameterValues& values, const Market& market);

    QString id() const override { return QStringLiteral("rsi"); }

protected:
    Signal evaluate(StrategyContext& context, double close) override;

private:
    explicit RsiStrategy(const ParameterValues& values);

    Rsi m_rsi;
    double m_oversold;
    double m_overbought;
};

} // namespace hoga
