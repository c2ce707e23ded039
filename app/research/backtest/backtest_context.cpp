#include "backtest_context.h"

#include <QCoreApplication>

namespace hoga {

BacktestContext::BacktestContext(const BacktestConfig& config)
    : m_config(config)
    , m_cash(config.initialCash)
    , m_cashTotal(config.initialCash) {
    m_position.currency = config.market.base;
    m_position.costCurrency = config.market.quote;
}

Decimal BacktestContext::floorToStep(const Decimal& qty) const {
    const Decimal& step = m_config.market.rules.qtyStep;
    return step.isPositive() ? qty.roundToStep(step, Rounding::Down) : qty;
}

Result<QString> BacktestContext::refuse(ErrorKind kind, const QString& reason) {
    m_refusals.append(reason);
    VenueError error;
    error.kind = kind;
    error.detail = reason;
    return error;
}

Result<QString> BacktestContext::placeOrder(const OrderIntent& intent) {
    Pending p;
    p.tag = intent.tag;
    p.placedAt = m_candleIndex;
    Order& o = p.order;
    o.venue = QStringLiteral("backtest");
    p.number = m_nextOrder;
    o.clientId = BacktestFill::orderClientId(m_nextOrder);
    o.id = o.clientId;
    o.market = m_config.market.code;
    o.side = intent.side;
    o.type = intent.type == OrderType::Limit ? OrderType::Limit : OrderType::Market;
    o.timeInForce = intent.timeInForce;
    o.createdAtMs = m_now;
    o.updatedAtMs = m_now;
    const Decimal fee1 = Decimal(1) + m_config.feeRate;

    if (o.type == OrderType::Market) {
        if (o.side == Side::Buy && intent.total.isPositive() && !intent.qty.isPositive()) {
            o.total = intent.total;
        } else {
            o.qty = floorToStep(intent.qty);
            if (!o.qty.isPositive())
                return refuse(
                    ErrorKind::InvalidOrder,
                    QCoreApplication::translate("hoga::Backtest",
                                                "The quantity rounds down to zero at the market's step."));
        }
        if (o.side == Side::Buy && !m_cash.isPositive())
            return refuse(ErrorKind::InsufficientFunds,
                          QCoreApplication::translate("hoga::Backtest", "No cash left to buy with."));
        if (o.side == Side::Sell && o.qty > m_base)
            return refuse(ErrorKind::InsufficientFunds,
                          QCoreApplication::translate("hoga::Backtest", "Selling %1 but only %2 is held.")
                              .arg(o.qty.toString(), m_base.toString()));
    } else {
        o.price = intent.price;
        o.qty = floorToStep(intent.qty);
        if (!o.price.isPositive() || !o.qty.isPositive())
            return refuse(ErrorKind::InvalidOrder,
                          QCoreApplication::translate(
                              "hoga::Backtest", "A limit order needs a price and a quantity above zero."));
        if (o.side == Side::Buy) {
            const Decimal cost = o.qty * o.price * fee1;
            if (cost > m_cash)
                return refuse(
                    ErrorKind::InsufficientFunds,
                    QCoreApplication::translate("hoga::Backtest", "The buy costs %1 but only %2 is free.")
                        .arg(cost.toString(), m_cash.toString()));
            p.reservedCash = cost;
            m_cash -= cost;
            m_cashReserved += cost;
        } else {
            if (o.qty > m_base)
                return refuse(ErrorKind::InsufficientFunds,
                              QCoreApplication::translate("hoga::Backtest", "Selling %1 but only %2 is held.")
                                  .arg(o.qty.toString(), m_base.toString()));
            p.reservedBase = o.qty;
            m_base -= o.qty;
            m_baseReserved += o.qty;
        }
    }
    o.state = OrderState::Open;
    ++m_nextOrder;
    const QString clientId = o.clientId;
    m_open.append(std::move(p));
    return clientId;
}

void BacktestContext::release(Pending& p) {
    m_cash += p.reservedCash;
    m_cashReserved -= p.reservedCash;
    m_base += p.reservedBase;
    m_baseReserved -= p.reservedBase;
    p.reservedCash = Decimal();
    p.reservedBase = Decimal();
}

void BacktestContext::cancelOrder(const QString& clientId) {
    for (qsizetype i = 0; i < m_open.size(); ++i) {
        if (m_open[i].order.clientId == clientId) {
            release(m_open[i]);
            m_open.remove(i);
            return;
        }
    }
}

void BacktestContext::cancelAllOrders() {
    for (Pending& p : m_open)
        release(p);
    m_open.clear();
}

Balance BacktestContext::balance(const QString& currency) const {
    Balance b;
    b.venue = QStringLiteral("backtest");
    b.currency = currency;
    if (currency == m_config.market.quote) {
        b.free = m_cash;
        b.locked = m_cashReserved;
    } else if (currency == m_config.market.base) {
        b.free = m_base;
        b.locked = m_baseReserved;
    }
    return b;
}

QVector<Order> BacktestContext::openOrders() const {
    QVector<Order> orders;
    orders.reserve(m_open.size());
    for (const Pending& p : m_open)
        orders.append(p.order);
    return orders;
}

std::optional<Decimal> BacktestContext::lastPrice() const {
    return m_last;
}

void BacktestContext::setIndicator(const QString& name, double value) {
    // A strategy names its indicators with literals, so the same name is usually the same data: look for
    // that first, then compare text.
    for (auto& [key, current] : m_indicators) {
        if (key.constData() == name.constData() && key.size() == name.size()) {
            current = value;
            return;
        }
    }
    for (auto& [key, current] : m_indicators) {
        if (key == name) {
            current = value;
            return;
        }
    }
    m_indicators.append({name, value});
}

void BacktestContext::startTimer(int id, qint64 intervalMs) {
    if (intervalMs > 0)
        m_timers.insert(id, Timer{intervalMs, m_now + intervalMs});
}

void BacktestContext::stopTimer(int id) {
    m_timers.remove(id);
}

void BacktestContext::fireTimers(Strategy& strategy) {
    if (m_timers.isEmpty())
        return;
    const QList<int> ids = m_timers.keys();
    for (int id : ids) {
        for (int n = 0; n < 1000; ++n) {
            auto it = m_timers.find(id);
            if (it == m_timers.end() || it->dueMs > m_now)
                break;
            it->dueMs += it->intervalMs;
            strategy.onTimer(*this, id);
        }
    }
}

bool BacktestContext::execute(Pending& p, const Decimal& price, const Decimal& qty, bool maker) {
    Order& o = p.order;
    const Decimal notional = qty * price;
    const Decimal fee = notional * m_config.feeRate;
    BacktestFill f;
    if (o.side == Side::Buy) {
        if (p.reservedCash.isPositive()) {
            m_cashReserved -= p.reservedCash;
            m_cash += p.reservedCash - notional - fee;
            p.reservedCash = Decimal();
        } else {
            m_cash -= notional + fee;
        }
        m_base += qty;
        m_cashTotal -= notional + fee;
        m_baseTotal += qty;
        m_position.applyBuy(qty, price, fee);
    } else {
        if (p.reservedBase.isPositive()) {
            m_baseReserved -= p.reservedBase;
            m_base += p.reservedBase - qty;
            p.reservedBase = Decimal();
        } else {
            m_base -= qty;
        }
        m_cash += notional - fee;
        m_cashTotal += notional - fee;
        m_baseTotal -= qty;
        const Decimal before = m_position.realizedPnl;
        m_position.applySell(qty, price, fee);
        f.realizedPnl = m_position.realizedPnl - before;
    }
    f.timestampMs = m_now;
    f.orderNumber = p.number;
    f.candleIndex = m_candleIndex;
    f.side = o.side;
    f.type = o.type;
    f.maker = maker;
    f.tag = p.tag;
    f.price = price;
    f.qty = qty;
    f.fee = fee;
    f.cashAfter = m_cashTotal;
    f.baseAfter = m_baseTotal;
    p.fillIndex = m_fills.size();
    m_fills.append(std::move(f));
    if (o.type == OrderType::Market && o.qty.isZero())
        o.qty = qty; // a buy by total: the quantity it bought
    o.applyFill(m_fills.last().toFill(m_config.market, m_fills.size()));
    o.updatedAtMs = m_now;
    return true;
}

void BacktestContext::fillOrders(Strategy& strategy, const Candle& candle, int index) {
    if (m_open.isEmpty())
        return;
    const Decimal fee1 = Decimal(1) + m_config.feeRate;
    QVector<Pending> done;
    QVector<Pending> still;
    for (Pending& p : m_open) {
        if (p.placedAt >= index) {
            still.append(std::move(p));
            continue;
        }
        Order& o = p.order;
        if (o.type == OrderType::Market) {
            const Decimal price = candle.open;
            Decimal qty = o.qty;
            if (o.side == Side::Buy) {
                // Never spend cash the account does not have: cut the quantity down to what it buys.
                const Decimal budget = o.total.isPositive() ? Decimal::min(o.total, m_cash) : m_cash;
                const Decimal affordable =
                    floorToStep(budget.divide(price * fee1, Decimal::kMaxScale, Rounding::Down));
                qty = o.total.isPositive() ? affordable : Decimal::min(qty, affordable);
            } else {
                qty = Decimal::min(qty, m_base);
            }
            if (!qty.isPositive()) {
                o.transitionTo(OrderState::Rejected);
                o.rejectReason = QCoreApplication::translate("hoga::Backtest",
                                                             "Not enough funds when the order was to fill.");
                done.append(std::move(p));
                continue;
            }
            execute(p, price, qty, false);
            if (o.state != OrderState::Filled)
                o.transitionTo(OrderState::Cancelled); // the rest of a cut-down market order, like IOC
            done.append(std::move(p));
        } else {
            const bool through = o.side == Side::Buy ? candle.low < o.price : candle.high > o.price;
            if (through) {
                execute(p, o.price, o.qty, true);
                done.append(std::move(p));
            } else {
                still.append(std::move(p));
            }
        }
    }
    m_open = std::move(still);
    for (const Pending& p : std::as_const(done)) {
        strategy.onOrderUpdate(*this, p.order);
        if (p.fillIndex >= 0)
            strategy.onFill(*this, m_fills.at(p.fillIndex).toFill(m_config.market, p.fillIndex + 1));
    }
}

} // namespace hoga
