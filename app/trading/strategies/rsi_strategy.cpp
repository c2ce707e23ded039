#include "rsi_strategy.h"

#include <QCoreApplication>

namespace hoga {

Result<std::unique_ptr<Strategy>> RsiStrategy::create(const ParameterValues& values, const Market&) {
    if (values.decimal(QStringLiteral("oversold")) >= values.decimal(QStringLiteral("overbought")))
        return invalidParameters(
            QCoreApplication::translate("hoga::Strategies",
                                        "Parameter oversold is %1 but must be less than overbought, %2.")
                .arg(values.text(QStringLiteral("oversold")), values.text(QStringLiteral("overbought"))));
    if (!values.decimal(QStringLiteral("order_value")).isPositive())
        return invalidParameters(QCoreApplication::translate(
            "hoga::Strategies", "Parameter order_value must be greater than zero."));
    return std::unique_ptr<Strategy>(new RsiStrategy(values));
}

RsiStrategy::RsiStrategy(const ParameterValues& values)
    : CandleSignalStrategy(values.interval(QStringLiteral("interval")),
                           values.decimal(QStringLiteral("order_value")),
                           values.integer(QStringLiteral("period")) + 1)
    , m_rsi(values.integer(QStringLiteral("period")))
    , m_oversold(values.decimal(QStringLiteral("oversold")).toDouble())
    , m_overbought(values.decimal(QStringLiteral("overbought")).toDouble()) {}

CandleSignalStrategy::Signal RsiStrategy::evaluate(StrategyContext& context, double close) {
    m_rsi.update(close);
    if (!m_rsi.ready())
        return Signal::None;
    const double rsi = m_rsi.value();
    context.setIndicator(QStringLiteral("rsi"), rsi);
    if (rsi < m_oversold)
        return Signal::Buy;
    if (rsi > m_overbought)
        return Signal::Sell;
    return Signal::None;
}

} // namespace hoga
