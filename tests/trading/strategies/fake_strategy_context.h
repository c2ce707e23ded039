#pragma once

#include "trading/strategy/strategy_params.h"

#include <QHash>
#include <QStringList>

namespace hoga::testing {

// A StrategyContext that records what a strategy does. Time is whatever the test sets in `now`; nothing
// sleeps and nothing runs on another thread. Position, open orders and the last price are set by the test.
class FakeStrategyContext : public StrategyContext {
public:
    explicit FakeStrategyContext(Market m)
        : marketInfo(std::move(m)) {}

    qint64 nowMs() const override { return now; }
    const Market& market() const override { return marketInfo; }

    Result<QString> placeOrder(const OrderIntent& intent) override {
        if (refusal)
            return *refusal;
        placed.append(intent);
        const QString clientId = idPrefix + QString::number(placed.size());
        placedIds.append(clientId);
        return clientId;
    }
    void cancelOrder(const QString& clientId) override { cancelled.append(clientId); }
    void cancelAllOrders() override { cancelledAll = true; }

    Position position() const override { return held; }
    Balance balance(const QString& currency) const override {
        Balance b;
        b.currency = currency;
        return b;
    }
    QVector<Order> openOrders() const override { return open; }
    std::optional<Decimal> lastPrice() const override { return last; }

    void startTimer(int id, qint64 intervalMs) override { timers.insert(id, intervalMs); }
    void stopTimer(int id) override { timers.remove(id); }

    void log(const QString& message) override { logs.append(message); }
    void setIndicator(const QString& name, double value) override { indicators.insert(name, value); }

    qint64 now = 0;
    QString idPrefix = QStringLiteral("c"); // client ids are unique per engine; give each run its own
    Market marketInfo;
    Position held;
    QVector<Order> open;
    std::optional<Decimal> last;
    std::optional<VenueError> refusal; // placeOrder fails with this when set

    QVector<OrderIntent> placed;
    QStringList placedIds;
    QStringList cancelled;
    bool cancelledAll = false;
    QHash<int, qint64> timers;
    QStringList logs;
    QHash<QString, double> indicators;
};

// A KRW market with Upbit's tick table, an 8-decimal quantity step and a 5000 KRW minimum order.
inline Market krwMarket() {
    Market m;
    m.venue = QStringLiteral("sim");
    m.code = QStringLiteral("KRW-XRP");
    m.base = QStringLiteral("XRP");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = Decimal::fromString("0.00000001");
    m.rules.minTotal = Decimal(5000);
    m.rules.takerFeeRate = Decimal::fromString("0.0005");
    m.rules.makerFeeRate = Decimal::fromString("0.0005");
    return m;
}

} // namespace hoga::testing
