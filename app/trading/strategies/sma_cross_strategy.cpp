#include "sma_cross_strategy.h"

#include <QCoreApplication>

namespace hoga {

SmaCrossStrategy::Average::Average(bool exponential, int period) {
    if (exponential)
        m_ema.emplace(period);
    else
        m_sma.emplace(period);
}

void SmaCrossStrategy::Average::update(double value) {
    if (m_ema)
        m_ema->update(value);
    else
        m_sma->update(value);
}

bool SmaCrossStrategy::Average::ready() const {
    return m_ema ? m_ema->ready() : m_sma->ready();
}

double SmaCrossStrategy::Average::value() const {
    return m_ema ? m_ema->value() : m_sma->value();
}

Result<std::unique_ptr<Strategy>> SmaCrossStrategy::create(const ParameterValues& values, const Market&) {
    if (values.integer(QStringLiteral("fast")) >= values.integer(QStringLiteral("slow")))
        return invalidParameters(
            QCoreApplication::translate("hoga::Strategies",
                                        "Parameter fast is %1 but must be less than slow, %2.")
                .arg(values.text(QStringLiteral("fast")), values.text(QStringLiteral("slow"))));
    if (!values.decimal(QStringLiteral("order_value")).isPositive())
        return invalidParameters(QCoreApplication::translate(
            "hoga::Strategies", "Parameter order_value must be greater than zero."));
    return std::unique_ptr<Strategy>(new SmaCrossStrategy(values));
}

SmaCrossStrategy::SmaCrossStrategy(const ParameterValues& values)
    : CandleSignalStrategy(values.interval(QStringLiteral("interval")),
                           values.decimal(QStringLiteral("order_value")),
                           values.integer(QStringLiteral("slow")) + 1)
    , m_fast(values.text(QStringLiteral("ma")) == QLatin1String("ema"),
             values.integer(QStringLiteral("fast")))
    , m_slow(values.text(QStringLiteral("ma")) == QLatin1String("ema"),
             values.integer(QStringLiteral("slow"))) {}

CandleSignalStrategy::Signal SmaCrossStrategy::evaluate(StrategyContext& context, double close) {
    m_fast.update(close);
    m_slow.update(close);
    if (!m_fast.ready() || !m_slow.ready())
        return Signal::None;
    const double fast = m_fast.value(); // read once: each read of an SMA divides
    const double slow = m_slow.value();
    context.setIndicator(m_fastName, fast);
    context.setIndicator(m_slowName, slow);
    const double gap = fast - slow;
    const std::optional<double> previous = m_previousGap;
    m_previousGap = gap;
    if (!previous)
        return Signal::None;
    if (*previous <= 0 && gap > 0)
        return Signal::Buy;
    if (*previous >= 0 && gap < 0)
        return Signal::Sell;
    return Signal::None;
}

} // namespace hoga
