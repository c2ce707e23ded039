#pragma once

#include "trading/strategy/strategy.h"

namespace hoga {

// Shared by the strategies that read one indicator signal per closed candle (sma_cross, rsi, bollinger):
// a buy spends `order_value` when the bot holds nothing, a sell sells the whole holding. History candles
// (warm-up) only feed the indicators; a signal trades only on a candle that has just closed by the engine's
// clock, and never twice on the same candle (also across a restart).
class CandleSignalStrategy : public Strategy {
public:
    StrategyNeeds needs() const override;
    void onCandle(StrategyContext& context, const Candle& candle, CandleInterval interval) override;
    QJsonObject saveState() const override;
    void restoreState(const QJsonObject& state) override;

protected:
    enum class Signal { None, Buy, Sell };

    CandleSignalStrategy(CandleInterval interval, const Decimal& orderValue, int warmupCandles);
    // Feeds one close to the indicators (publishing them with setIndicator) and says what it means.
    virtual Signal evaluate(StrategyContext& context, double close) = 0;

private:
    bool justClosed(const StrategyContext& context, const Candle& candle) const;
    bool act(StrategyContext& context, Signal signal, const Candle& candle);

    CandleInterval m_interval;
    Decimal m_orderValue;
    int m_warmupCandles;
    qint64 m_lastActedCandleMs = -1;
    QString m_buyTag; // the orders' tags, made on the first order
    QString m_sellTag;
};

} // namespace hoga
