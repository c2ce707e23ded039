#pragma once

#include "core/account.h"
#include "core/market.h"
#include "core/ticker.h"

#include <QHash>
#include <QVector>

namespace hoga {

struct PortfolioRow {
    QString venue;     // the venue holding it ("upbit"; empty for a single unnamed venue)
    QString venueName; // "Upbit"
    QString currency;
    Decimal qty;         // free + locked
    Decimal avgPriceKrw; // average buy price in KRW, 0 if unknown
    Decimal priceKrw;    // current price in KRW (1 for KRW), 0 if no price
    Decimal valueKrw;
    Decimal valueUsdt;
    Decimal unrealizedPnlKrw; // 0 if avg price unknown
    Decimal pnlRate;          // fraction, 0 if avg price unknown
    Decimal share;            // fraction of the total KRW value
    bool priced = false;      // a live price was found
    // Where the price came from: "Upbit KRW-BTC", "Bithumb USDT-ETH × Upbit KRW-USDT"; empty for KRW.
    QString priceSource;
};

// One venue's part of the whole.
struct VenueTotal {
    QString venue;
    QString venueName;
    Decimal totalKrw;  // of its priced holdings
    Decimal totalUsdt; // totalKrw at the KRW-USDT rate, 0 if no rate
    int holdings = 0;
    int unpriced = 0; // holdings with no price anywhere (not in totalKrw)
};

struct PortfolioSnapshot {
    QVector<PortfolioRow> rows; // largest value first
    QVector<VenueTotal> venues; // in the order the venues were given
    Decimal totalKrw;
    Decimal totalUsdt;
    Decimal totalPnlKrw;
    Decimal usdtKrw;       // KRW-USDT rate used, 0 if unknown (then USDT values are 0)
    QString usdtKrwSource; // "Upbit KRW-USDT", empty if unknown
    int unpriced = 0;      // holdings valued nowhere
};

// What one venue contributes to the valuation: its balances (empty without keys) and its markets and
// tickers (prices for every venue's holdings).
struct VenueHoldings {
    QString venue;     // "upbit"; empty for a single unnamed venue
    QString venueName; // "Upbit"
    QVector<Balance> balances;
    QVector<Market>
        markets; // to find a coin's KRW or USDT market; codes "KRW-X", "USDT-X", "XUSDT" also work
    QHash<QString, Ticker> tickers;
};

// Values every holding of every venue in KRW and USDT, exactly:
// - the KRW-USDT rate is Upbit's KRW-USDT, else Bithumb's, else the first other venue's (the simulator's);
// - a coin is priced through its KRW market, else its USDT market at that rate: on its own venue first,
//   then on whichever other venue quotes it;
// - a holding priced nowhere stays unpriced (and out of the totals) instead of counting as zero.
PortfolioSnapshot computePortfolio(const QVector<VenueHoldings>& venues);

// One venue's holdings valued from its own tickers (keyed by market code: "KRW-BTC", "BTCUSDT").
PortfolioSnapshot computePortfolio(const QVector<Balance>& balances, const QHash<QString, Ticker>& tickers);

} // namespace hoga
