#pragma once

#include "core/trade.h"

#include <QVector>

#include <optional>

namespace hoga {

// 체결강도 (trade strength) as Upbit and Bithumb show it: the quantity bought by takers against the quantity
// sold, × 100 %, over a window of recent trades. Above 100 % buyers are the more eager side. Hoga's window is
// the last kWindowTrades trades of the market (the rows of the trade tape), so the figure moves with the
// tape whatever the market's pace.
struct TradeStrength {
    static constexpr int kWindowTrades = 100;

    Decimal buyQty;
    Decimal sellQty;
    int trades = 0;

    // buy / sell × 100 with 2 decimals; nullopt without trades or without any selling in the window.
    std::optional<Decimal> percent() const;

    // Over the first kWindowTrades of `newestFirst` (as the hub and the tape hold them).
    static TradeStrength of(const QVector<Trade>& newestFirst);
};

} // namespace hoga
