#pragma once

#include "core/account.h"
#include "core/ticker.h"

#include <QHash>
#include <QVector>

namespace hoga {

struct PortfolioRow {
    QString currency;
    Decimal qty;             // free + locked
    Decimal avgPriceKrw;     // average buy price in KRW, 0 if unknown
    Decimal priceKrw;        // current price in KRW (1 for KRW), 0 if no price
    Decimal valueKrw;
    Decimal valueUsdt;
    Decimal unrealizedPnlKrw; // 0 if avg price unknown
    Decimal pnlRate;          // fraction, 0 if avg price unknown
    Decimal share;            // fraction of the total KRW value
    bool priced = false;      // a live price was found
};

struct PortfolioSnapshot {
    QVector<PortfolioRow> rows; // largest value first
    Decimal totalKrw;
    Decimal totalUsdt;
    Decimal totalPnlKrw;
    Decimal usdtKrw; // KRW-USDT rate used, 0 if unknown (then USDT values are 0)
};

// Values every holding in KRW and USDT from the venue's tickers (keyed by market code: "KRW-BTC",
// "BTCUSDT"). A coin without a KRW market is valued through its USDT market and the KRW-USDT rate.
PortfolioSnapshot computePortfolio(const QVector<Balance>& balances, const QHash<QString, Ticker>& tickers);

} // namespace hoga
