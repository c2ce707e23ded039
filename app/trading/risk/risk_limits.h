#pragma once

#include "core/decimal.h"
#include "core/order.h"

#include <QString>
#include <deque>

#include <optional>

namespace hoga {

// Pre-trade limits, per bot or per account. Unset = no limit. Values in the market's quote currency unless
// noted.
struct RiskLimits {
    std::optional<Decimal> maxOrderValue;        // price x qty (or total) of one order
    std::optional<Decimal> maxPosition;          // base quantity held in one market after the order
    std::optional<int> maxOpenOrders;            // resting or in-flight orders
    std::optional<int> maxOrdersPerMinute;       // orders sent in any 60 s of engine time
    std::optional<Decimal> maxPriceDeviationPct; // a limit price at most this many % away from the last price
    Decimal cashReserve;                         // quote currency bots may never spend
    std::optional<Decimal> dailyLossLimit;       // positive amount: realised + unrealised loss today
};

// What one order is checked against.
struct RiskInput {
    OrderRequest request;
    std::optional<Decimal> lastPrice;
    Decimal position;                 // base quantity held now in the order's market
    int openOrders = 0;               // resting or in flight
    int ordersLastMinute = 0;         // sent in the last 60 s
    std::optional<Decimal> freeQuote; // the account's free quote currency, when known
};

// The pre-trade checks. Each refusal is a translated sentence naming the limit and the numbers.
class RiskChecker {
public:
    static std::optional<QString> check(const RiskLimits& limits, const RiskInput& input);
    // Today's result (realised since the day began plus unrealised now) breaks the daily loss limit.
    static bool breachesDailyLoss(const RiskLimits& limits, const Decimal& realisedToday,
                                  const Decimal& unrealised);
    static QString dailyLossReason(const RiskLimits& limits, const Decimal& result);
    // The order's value in quote currency (price x qty, the total of a market buy, or qty x last price).
    static std::optional<Decimal> orderValue(const OrderRequest& request,
                                             const std::optional<Decimal>& lastPrice);
};

// Orders sent within the last minute of engine time.
class OrderRateWindow {
public:
    void record(qint64 nowMs) { m_times.push_back(nowMs); }
    int count(qint64 nowMs);

private:
    std::deque<qint64> m_times;
};

} // namespace hoga
