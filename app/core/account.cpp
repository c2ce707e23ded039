#include "account.h"

namespace hoga {

namespace {

constexpr int kAverageScale = 8;

} // namespace

void Position::applyBuy(const Decimal& buyQty, const Decimal& price, const Decimal& fee) {
    if (!buyQty.isPositive())
        return;
    // The fee is part of what the holding cost, so it raises the average price.
    const Decimal newQty = qty + buyQty;
    const Decimal totalCost = qty * avgPrice + buyQty * price + fee;
    avgPrice = totalCost.divide(newQty, kAverageScale, Rounding::HalfEven);
    qty = newQty;
}

void Position::applySell(const Decimal& sellQty, const Decimal& price, const Decimal& fee) {
    if (!sellQty.isPositive())
        return;
    // Selling more than we track (e.g. coins deposited from elsewhere) realises PnL only on what we know
    // the cost of; the holding simply ends at zero.
    const Decimal closedQty = Decimal::min(sellQty, qty);
    realizedPnl += closedQty * (price - avgPrice) - fee;
    qty -= closedQty;
    if (qty.isZero())
        avgPrice = Decimal();
}

} // namespace hoga
