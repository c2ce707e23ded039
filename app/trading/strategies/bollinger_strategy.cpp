#include "bollinger_strategy.h"

#include <QCoreApplication>

namespace hoga {

Result<std::unique_ptr<Strategy>> BollingerStrategy::create(const ParameterValues& values, const Market&) {
    if (!values.decimal(QStringLiteral("order_value")).isPositive())
        return invalidParameters(QCoreApplication::translate(
            "hoga::Strategies", "Parameter order_value must be greater than zero."));
    return std::unique_ptr<Strategy>(new BollingerStrategy(values));
}

BollingerStrategy::BollingerStrategy(const ParameterValues& values)
    : CandleSignalStrategy(values.interval(QStringLiteral("interval")),
                           values.decimal(QStringLiteral("order_value")),
                           values.integer(QStringLiteral("period")))
    , m_bands(values.integer(QStringLiteral("period")), values.decimal(QStringLiteral("k")).toDouble()) {}

CandleSignalStrategy::Signal BollingerStrategy::evaluate(StrategyContext& context, double close) {
    m_bands.update(close);
    if (!m_bands.ready())
        return Signal::None;
    context.setIndicator(QStringLiteral("bb_lower"), m_bands.lower());
    context.setIndicator(QStringLiteral("bb_middle"), m_bands.middle());
    context.setIndicator(QStringLiteral("bb_upper"), m_bands.upper());
    if (close < m_bands.lower())
        return Signal::Buy;
    if (close > m_bands.upper())
        return Signal::Sell;
    return Signal::None;
}

} // namespace hoga
