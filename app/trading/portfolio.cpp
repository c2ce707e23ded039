#include "portfolio.h"

#include <algorithm>
#include <optional>

namespace hoga {

namespace {

const QString kKrw = QStringLiteral("KRW");
const QString kUsdt = QStringLiteral("USDT");

constexpr int kUsdtScale = 8;     // USDT values: 8 fraction digits
constexpr int kFractionScale = 6; // shares and PnL rates

// The last price of `market`, if its ticker exists and has one.
std::optional<Decimal> lastOf(const QHash<QString, Ticker>& tickers, const QString& market) {
    const auto it = tickers.constFind(market);
    if (it == tickers.cend() || !it->last.isPositive())
        return std::nullopt;
    return it->last;
}

// Current KRW price of one unit of `currency`: KRW itself, its KRW market, or its USDT market converted at
// the KRW-USDT rate. Nothing when none of these exists.
std::optional<Decimal> priceInKrw(const QString& currency, const QHash<QString, Ticker>& tickers,
                                  const Decimal& usdtKrw) {
    if (currency == kKrw)
        return Decimal(1);
    if (auto krw = lastOf(tickers, kKrw + QLatin1Char('-') + currency))
        return krw;
    if (usdtKrw.isPositive()) {
        if (auto usdt = lastOf(tickers, currency + kUsdt))
            return *usdt * usdtKrw;
    }
    return std::nullopt;
}

// The average buy price in KRW, or 0 when unknown. A price without a currency is taken as KRW only when the
// coin trades against KRW (that is the venue it was bought on).
Decimal avgPriceInKrw(const Balance& b, const QHash<QString, Ticker>& tickers, const Decimal& usdtKrw) {
    if (b.currency == kKrw || !b.avgBuyPrice.isPositive())
        return {};
    const QString currency = b.avgBuyCurrency.toUpper();
    if (currency == kKrw)
        return b.avgBuyPrice;
    if (currency.isEmpty() && tickers.contains(kKrw + QLatin1Char('-') + b.currency))
        return b.avgBuyPrice;
    if (currency == kUsdt && usdtKrw.isPositive())
        return b.avgBuyPrice * usdtKrw;
    return {};
}

PortfolioRow valueRow(const Balance& b, const QHash<QString, Ticker>& tickers, const Decimal& usdtKrw) {
    PortfolioRow row;
    row.currency = b.currency;
    row.qty = b.total();
    try {
        const auto price = priceInKrw(b.currency, tickers, usdtKrw);
        if (!price)
            return row;
        row.priceKrw = *price;
        row.valueKrw = row.qty * row.priceKrw;
        if (usdtKrw.isPositive())
            row.valueUsdt = row.valueKrw.divide(usdtKrw, kUsdtScale, Rounding::HalfEven);
        row.avgPriceKrw = avgPriceInKrw(b, tickers, usdtKrw);
        if (row.avgPriceKrw.isPositive()) {
            const Decimal cost = row.qty * row.avgPriceKrw;
            row.unrealizedPnlKrw = row.valueKrw - cost;
            if (cost.isPositive())
                row.pnlRate = row.unrealizedPnlKrw.divide(cost, kFractionScale, Rounding::HalfEven);
        }
        row.priced = true;
    } catch (const DecimalError&) {
        // An absurd venue number must not take the whole view down: show the holding as unpriced.
        PortfolioRow unpriced;
        unpriced.currency = b.currency;
        unpriced.qty = b.total();
        return unpriced;
    }
    return row;
}

} // namespace

PortfolioSnapshot computePortfolio(const QVector<Balance>& balances, const QHash<QString, Ticker>& tickers) {
    PortfolioSnapshot snapshot;
    snapshot.usdtKrw = lastOf(tickers, kKrw + QLatin1Char('-') + kUsdt).value_or(Decimal());

    for (const Balance& b : balances) {
        if (!b.total().isPositive())
            continue;
        PortfolioRow row = valueRow(b, tickers, snapshot.usdtKrw);
        if (row.priced) {
            snapshot.totalKrw += row.valueKrw;
            snapshot.totalPnlKrw += row.unrealizedPnlKrw;
        }
        snapshot.rows.append(row);
    }

    if (snapshot.totalKrw.isPositive()) {
        for (PortfolioRow& row : snapshot.rows) {
            if (row.priced)
                row.share = row.valueKrw.divide(snapshot.totalKrw, kFractionScale, Rounding::HalfEven);
        }
    }
    // The total is converted once rather than summing rounded row values.
    if (snapshot.usdtKrw.isPositive())
        snapshot.totalUsdt = snapshot.totalKrw.divide(snapshot.usdtKrw, kUsdtScale, Rounding::HalfEven);

    std::stable_sort(snapshot.rows.begin(), snapshot.rows.end(),
                     [](const PortfolioRow& a, const PortfolioRow& b) {
                         if (a.priced != b.priced)
                             return a.priced;
                         if (a.valueKrw != b.valueKrw)
                             return a.valueKrw > b.valueKrw;
                         return a.currency < b.currency;
                     });
    return snapshot;
}

} // namespace hoga
