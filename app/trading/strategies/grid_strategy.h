#pragma once

#include "parameter_values.h"
#include "trading/strategy/strategy.h"

#include <QHash>

namespace hoga {

// Grid trading between two prices: limit buys on every level below the price when the bot starts; when a buy
// fills, a sell of the same quantity one level higher; when that sells, a buy one level lower again.
class GridStrategy : public Strategy {
public:
    // Fails when lower >= upper, the levels fall on the same tick, or qty_per_level breaks the market's
    // rules.
    static Result<std::unique_ptr<Strategy>> create(const ParameterValues& values, const Market& market);

    QString id() const override { return QStringLiteral("grid"); }
    StrategyNeeds needs() const override;
    void onStart(StrategyContext& context) override;
    void onTicker(StrategyContext& context, const Ticker& ticker) override;
    void onOrderUpdate(StrategyContext& context, const Order& order) override;
    QJsonObject saveState() const override;
    void restoreState(const QJsonObject& state) override;

    const QVector<Decimal>& levels() const { return m_levels; }

private:
    struct LevelOrder {
        int level = 0;
        Side side = Side::Buy;
    };

    GridStrategy(QVector<Decimal> levels, const Decimal& qty);
    void placeInitialOrders(StrategyContext& context);
    void placeAt(StrategyContext& context, int level, Side side);

    QVector<Decimal> m_levels; // ascending, on the tick
    Decimal m_qty;
    bool m_started = false;              // initial buys placed (once per bot, not per run)
    QHash<QString, LevelOrder> m_orders; // client id -> the level it works
};

} // namespace hoga
