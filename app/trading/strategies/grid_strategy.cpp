#include "grid_strategy.h"

#include "order_placer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace hoga {

Result<std::unique_ptr<Strategy>> GridStrategy::create(const ParameterValues& values, const Market& market) {
    const Decimal lower = values.decimal(QStringLiteral("lower"));
    const Decimal upper = values.decimal(QStringLiteral("upper"));
    const int count = values.integer(QStringLiteral("levels"));
    const Decimal qty = values.decimal(QStringLiteral("qty_per_level"));
    const TradingRules& rules = market.rules;
    if (!lower.isPositive() || lower >= upper)
        return invalidParameters(
            QCoreApplication::translate("hoga::Strategies",
                                        "Parameter lower is %1 but must be above zero and below upper, %2.")
                .arg(lower.toString(), upper.toString()));
    if (!qty.isPositive() || (rules.qtyStep.isPositive() && !qty.isMultipleOf(rules.qtyStep)) ||
        (rules.minQty.isPositive() && qty < rules.minQty))
        return invalidParameters(QCoreApplication::translate(
                                     "hoga::Strategies",
                                     "Parameter qty_per_level is %1 but must be a positive multiple of the "
                                     "market's quantity step %2 and at least its minimum %3.")
                                     .arg(qty.toString(), rules.qtyStep.toString(), rules.minQty.toString()));
    if (rules.minTotal.isPositive() && lower * qty < rules.minTotal)
        return invalidParameters(
            QCoreApplication::translate(
                "hoga::Strategies", "Parameter qty_per_level is %1 but an order at the lower price %2 would "
                                    "be worth less than the market's minimum order of %3 %4.")
                .arg(qty.toString(), lower.toString(), rules.minTotal.toString(), market.quote));
    const Decimal spacing =
        (upper - lower).divide(Decimal(count - 1), Decimal::kMaxScale, Rounding::HalfEven);
    QVector<Decimal> levels;
    for (int i = 0; i < count; ++i) {
        const Decimal exact = i == count - 1 ? upper : lower + spacing * Decimal(i);
        const Decimal level = OrderPlacer::priceOnTick(rules, exact, Rounding::HalfUp);
        if (!levels.isEmpty() && level <= levels.last())
            return invalidParameters(
                QCoreApplication::translate(
                    "hoga::Strategies",
                    "Parameter levels is %1 but the levels between %2 and %3 would fall on "
                    "the same price tick. Use fewer levels or a wider range.")
                    .arg(QString::number(count), lower.toString(), upper.toString()));
        levels.append(level);
    }
    return std::unique_ptr<Strategy>(new GridStrategy(levels, qty));
}

GridStrategy::GridStrategy(QVector<Decimal> levels, const Decimal& qty)
    : m_levels(std::move(levels))
    , m_qty(qty) {}

StrategyNeeds GridStrategy::needs() const {
    StrategyNeeds needs;
    needs.tickers = true; // the first price decides which levels get buys
    return needs;
}

void GridStrategy::onStart(StrategyContext& context) {
    placeInitialOrders(context);
}

void GridStrategy::onTicker(StrategyContext& context, const Ticker&) {
    placeInitialOrders(context);
}

void GridStrategy::placeInitialOrders(StrategyContext& context) {
    if (m_started)
        return;
    const std::optional<Decimal> price = context.lastPrice();
    if (!price)
        return;
    m_started = true;
    for (int level = 0; level < m_levels.size(); ++level) {
        if (m_levels[level] < *price)
            placeAt(context, level, Side::Buy);
    }
}

void GridStrategy::placeAt(StrategyContext& context, int level, Side side) {
    const QString tag =
        side == Side::Buy
            ? QCoreApplication::translate("hoga::Strategies", "grid buy at level %1").arg(level + 1)
            : QCoreApplication::translate("hoga::Strategies", "grid sell at level %1").arg(level + 1);
    if (const std::optional<QString> clientId =
            OrderPlacer::limit(context, side, m_levels[level], m_qty, tag))
        m_orders.insert(*clientId, {level, side});
}

void GridStrategy::onOrderUpdate(StrategyContext& context, const Order& order) {
    const auto found = m_orders.constFind(order.clientId);
    if (found == m_orders.cend() || !isTerminal(order.state))
        return;
    const LevelOrder filled = *found;
    m_orders.erase(found);
    if (order.state != OrderState::Filled) {
        context.log(
            QCoreApplication::translate("hoga::Strategies", "Grid level %1 stays empty: its order ended %2.")
                .arg(QString::number(filled.level + 1), orderStateName(order.state)));
        return;
    }
    if (filled.side == Side::Buy && filled.level + 1 < m_levels.size())
        placeAt(context, filled.level + 1, Side::Sell);
    else if (filled.side == Side::Sell && filled.level > 0)
        placeAt(context, filled.level - 1, Side::Buy);
}

QJsonObject GridStrategy::saveState() const {
    QJsonArray orders;
    for (auto it = m_orders.cbegin(); it != m_orders.cend(); ++it)
        orders.append(QJsonObject{{QStringLiteral("client_id"), it.key()},
                                  {QStringLiteral("level"), it->level},
                                  {QStringLiteral("side"), sideName(it->side)}});
    return {{QStringLiteral("started"), m_started}, {QStringLiteral("orders"), orders}};
}

void GridStrategy::restoreState(const QJsonObject& state) {
    m_started = state.value(QStringLiteral("started")).toBool();
    m_orders.clear();
    for (const QJsonValue& value : state.value(QStringLiteral("orders")).toArray()) {
        const QJsonObject order = value.toObject();
        const int level = order.value(QStringLiteral("level")).toInt(-1);
        if (level < 0 || level >= m_levels.size())
            continue; // saved with other parameters; that level no longer exists
        const Side side =
            order.value(QStringLiteral("side")).toString() == QLatin1String("sell") ? Side::Sell : Side::Buy;
        m_orders.insert(order.value(QStringLiteral("client_id")).toString(), {level, side});
    }
}

} // namespace hoga
