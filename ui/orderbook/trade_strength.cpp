#include "trade_strength.h"

#include <algorithm>

namespace hoga {

std::optional<Decimal> TradeStrength::percent() const {
    if (trades == 0 || !sellQty.isPositive())
        return std::nullopt;
    return (buyQty * Decimal(100)).divide(sellQty, 2, Rounding::HalfEven);
}

TradeStrength TradeStrength::of(const QVector<Trade>& newestFirst) {
    TradeStrength s;
    const qsizetype n = std::min<qsizetype>(newestFirst.size(), kWindowTrades);
    for (qsizetype i = 0; i < n; ++i) {
        const Trade& t = newestFirst[i];
        (t.side == Side::Buy ? s.buyQty : s.sellQty) += t.qty;
    }
    s.trades = int(n);
    return s;
}

} // namespace hoga
