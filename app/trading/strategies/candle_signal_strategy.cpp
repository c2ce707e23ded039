#include "candle_signal_strategy.h"

#include "order_placer.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

CandleSignalStrategy::CandleSignalStrategy(CandleInterval interval, const Decimal& orderValue,
                                           int warmupCandles)
    : m_interval(interval)
    , m_orderValue(orderValue)
    , m_warmupCandles(warmupCandles) {}

StrategyNeeds CandleSignalStrategy::needs() const {
    StrategyNeeds needs;
    needs.candles = m_interval;
    needs.warmupCandles = m_warmupCandles;
    return needs;
}

void CandleSignalStrategy::onCandle(StrategyContext& context, const Candle& candle, CandleInterval interval) {
    if (interval != m_interval)
        return;
    const Signal signal = evaluate(context, candle.close.toDouble());
    if (signal == Signal::None || !justClosed(context, candle) || candle.openTimeMs <= m_lastActedCandleMs)
        return;
    if (act(context, signal, candle))
        m_lastActedCandleMs = candle.openTimeMs;
}

// A candle closed within the last interval (at least 10 s, so a slightly late 1s candle still counts);
// warm-up history closed longer ago.
bool CandleSignalStrategy::justClosed(const StrategyContext& context, const Candle& candle) const {
    const qint64 length = intervalMs(m_interval);
    const qint64 closeMs = candle.openTimeMs + length;
    return context.nowMs() >= closeMs && context.nowMs() - closeMs < std::max<qint64>(length, 10'000);
}

bool CandleSignalStrategy::act(StrategyContext& context, Signal signal, const Candle& candle) {
    if (!context.openOrders().isEmpty())
        return false; // the previous order is still working; its fill decides what is held
    const Decimal held = OrderPlacer::sellableQty(context);
    if (m_buyTag.isEmpty()) { // once: translating and formatting on every order is slow in a long backtest
        m_buyTag = QCoreApplication::translate("hoga::Strategies", "%1 buy signal").arg(id());
        m_sellTag = QCoreApplication::translate("hoga::Strategies", "%1 sell signal").arg(id());
    }
    if (signal == Signal::Buy) {
        if (held.isPositive())
            return false; // one position at a time
        return OrderPlacer::buyForValue(context, m_orderValue, candle.close, m_buyTag).has_value();
    }
    if (!held.isPositive())
        return false;
    return OrderPlacer::sellQuantity(context, held, candle.close, m_sellTag).has_value();
}

QJsonObject CandleSignalStrategy::saveState() const {
    return {{QStringLiteral("last_acted_candle_ms"), static_cast<double>(m_lastActedCandleMs)}};
}

void CandleSignalStrategy::restoreState(const QJsonObject& state) {
    m_lastActedCandleMs =
        static_cast<qint64>(state.value(QStringLiteral("last_acted_candle_ms")).toDouble(-1));
}

} // namespace hoga
