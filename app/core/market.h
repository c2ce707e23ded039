#pragma once

#include "decimal.h"

#include <QMetaType>
#include <QString>
#include <QVector>

namespace hoga {

// Price tick that applies from `fromPrice` (inclusive) up to the next band.
struct PriceBand {
    Decimal fromPrice;
    Decimal tick;
};

// When a market takes orders. Crypto venues never close; KRX stocks trade in the regular session only.
enum class MarketSession {
    Always,     // open around the clock
    KrxRegular, // 09:00-15:30 KST on weekdays (krx::isRegularSession)
};

// The rules an order must satisfy on a market. Zero means "no constraint" for limits.
struct TradingRules {
    QVector<PriceBand> tickBands; // ascending by fromPrice; the first band should start at 0
    Decimal qtyStep;              // quantity increment (e.g. 0.00000001)
    Decimal minQty;
    Decimal minTotal;     // minimum price*qty in quote currency (e.g. 5000 KRW)
    Decimal maxTotal;     // 0 = unlimited
    Decimal makerFeeRate; // e.g. 0.0005 for 0.05 %
    Decimal takerFeeRate;
    Decimal maxQty; // 0 = unlimited
    // Market orders by quantity where the venue rules them apart (Binance MARKET_LOT_SIZE), on top of the
    // quantity rules above; 0 = no such constraint.
    Decimal marketQtyStep;
    Decimal marketMinQty;
    Decimal marketMaxQty;
    // Whether minTotal / maxTotal bind market orders too (Binance NOTIONAL applyMinToMarket and
    // applyMaxToMarket, MIN_NOTIONAL applyToMarket).
    bool minTotalAppliesToMarket = true;
    bool maxTotalAppliesToMarket = true;
    MarketSession session = MarketSession::Always;

    // The tick for a given price (the band containing it). Returns 0 if there are no bands.
    Decimal tickFor(const Decimal& price) const;
    // Fraction digits of the tick at this price (for display: 0 for a 1000 KRW tick, 8 for 0.00000001).
    int priceDecimalsFor(const Decimal& price) const;
    int qtyDecimals() const;
    // Whether the market's session is open at this instant (exchange holidays are not known).
    bool isOpenAt(qint64 epochMs) const;

    // Upbit's KRW-market tick table (policy of 2025-07), from 0 upward; reusable by any KRW venue or test.
    static QVector<PriceBand> krwPriceBands();
};

struct Market {
    QString venue;        // "sim", "upbit", ...
    QString code;         // the venue's own code: "KRW-BTC", "BTCUSDT"
    QString base;         // "BTC"
    QString quote;        // "KRW"
    QString displayName;  // "Bitcoin" (English)
    QString localName;    // "비트코인" (Korean, where the venue gives one)
    bool warning = false; // venue's caution flag
    TradingRules rules;

    bool isValid() const { return !code.isEmpty(); }
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Market)
