#pragma once

#include "parameter_values.h"
#include "trading/strategy/strategy.h"

namespace hoga {

// Dollar-cost averaging: buys for `order_value` at start and then every `period` of engine time. The next
// buy time survives a restart; periods missed while stopped are not caught up (one buy, then on schedule).
class DcaStrategy : public Strategy {
public:
    static constexpr int kTimerId = 1;

    static Result<std::unique_ptr<Strategy>> create(const ParameterValues& values, const Market& market);

    QString id() const override { return QStringLiteral("dca"); }
    StrategyNeeds needs() const override { return {}; }
    void onStart(StrategyContext& context) override;
    void onStop(StrategyContext& context) override;
    void onTimer(StrategyContext& context, int timerId) override;
    QJsonObject saveState() const override;
    void restoreState(const QJsonObject& state) override;

    qint64 nextBuyMs() const { return m_nextBuyMs; }
    // How often the timer checks whether a buy is due: the period, at most a minute.
    qint64 checkIntervalMs() const;

private:
    DcaStrategy(qint64 periodMs, const Decimal& orderValue);
    void buyIfDue(StrategyContext& context);

    qint64 m_periodMs;
    Decimal m_orderValue;
    qint64 m_nextBuyMs = 0; // 0: never bought, buy at once
};

} // namespace hoga
