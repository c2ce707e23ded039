#pragma once

#include "candle_signal_strategy.h"
#include "parameter_values.h"
#include "trading/indicators/bollinger_bands.h"

namespace hoga {

// Bollinger band reversion: buys when a candle closes below the lower band, sells the holding when one closes
// above the upper band.
class BollingerStrategy : public CandleSignalStrategy {
public:
    static Result<std::unique_ptr<Strategy>> create(const ParameterValues& values, const Market& market);

    QString id() const override { return QStringLiteral("bollinger"); }

protected:
    Signal evaluate(StrategyContext& context, double close) override;

private:
    explicit BollingerStrategy(const ParameterValues& values);

    BollingerBands m_bands;
};

} // namespace hoga
