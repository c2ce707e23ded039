#pragma once

#include "decimal.h"

#include <QMetaType>
#include <QString>

namespace hoga {

struct Balance {
    QString venue;
    QString currency;
    Decimal free;
    Decimal locked;
    Decimal avgBuyPrice;      // 0 when unknown
    QString avgBuyCurrency;   // currency of avgBuyPrice ("KRW"), empty when unknown
    Decimal total() const { return free + locked; }
};

// Holding in one asset with average cost, for PnL.
struct Position {
    QString currency;
    QString costCurrency; // currency of avgPrice / realizedPnl
    Decimal qty;
    Decimal avgPrice;
    Decimal realizedPnl;

    // Buying raises the average cost; selling realises PnL against it.
    void applyBuy(const Decimal& qty, const Decimal& price, const Decimal& fee = {});
    void applySell(const Decimal& qty, const Decimal& price, const Decimal& fee = {});
    Decimal costBasis() const { return qty * avgPrice; }
    Decimal unrealizedPnl(const Decimal& markPrice) const { return qty * markPrice - costBasis(); }
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Balance)
