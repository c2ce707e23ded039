#include "dca_strategy.h"

#include "order_placer.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

Result<std::unique_ptr<Strategy>> DcaStrategy::create(const ParameterValues& values, const Market&) {
    if (!values.decimal(QStringLiteral("order_value")).isPositive())
        return invalidParameters(QCoreApplication::translate(
            "hoga::Strategies", "Parameter order_value must be greater than zero."));
    return std::unique_ptr<Strategy>(new DcaStrategy(values.durationMs(QStringLiteral("period")),
                                                     values.decimal(QStringLiteral("order_value"))));
}

DcaStrategy::DcaStrategy(qint64 periodMs, const Decimal& orderValue)
    : m_periodMs(periodMs)
    , m_orderValue(orderValue) {}

qint64 DcaStrategy::checkIntervalMs() const {
    return std::min<qint64>(m_periodMs, 60 * 1000);
}

void DcaStrategy::onStart(StrategyContext& context) {
    context.startTimer(kTimerId, checkIntervalMs());
    buyIfDue(context);
}

void DcaStrategy::onStop(StrategyContext& context) {
    context.stopTimer(kTimerId);
}

void DcaStrategy::onTimer(StrategyContext& context, int timerId) {
    if (timerId == kTimerId)
        buyIfDue(context);
}

void DcaStrategy::buyIfDue(StrategyContext& context) {
    const qint64 now = context.nowMs();
    if (m_nextBuyMs != 0 && now < m_nextBuyMs)
        return;
    OrderPlacer::buyForValue(context, m_orderValue, context.lastPrice(),
                             QCoreApplication::translate("hoga::Strategies", "dca buy"));
    // On schedule from the previous due time; after a long stop, from now.
    m_nextBuyMs = m_nextBuyMs == 0 ? now + m_periodMs : m_nextBuyMs + m_periodMs;
    if (m_nextBuyMs <= now)
        m_nextBuyMs = now + m_periodMs;
}

QJsonObject DcaStrategy::saveState() const {
    // Text keeps the 64-bit time exact whatever the JSON reader does with numbers.
    return {{QStringLiteral("next_buy_ms"), QString::number(m_nextBuyMs)}};
}

void DcaStrategy::restoreState(const QJsonObject& state) {
    m_nextBuyMs = state.value(QStringLiteral("next_buy_ms")).toString().toLongLong();
}

} // namespace hoga
