#include "portfolio.h"

#include <algorithm>
#include <optional>

namespace hoga {

namespace {

const QString kKrw = QStringLiteral("KRW");
const QString kUsdt = QStringLiteral("USDT");

constexpr int kUsdtScale = 8;     // USDT values: 8 fraction digits
constexpr int kFractionScale = 6; // shares and PnL rates

// A live price and where it came from.
struct Quote {
    Decimal price;
    QString source;
};

// The market quoting `base` in `quote` on one venue, by its market list or else by the usual code shapes.
class VenuePrices {
public:
    explicit VenuePrices(const VenueHoldings& venue)
        : m_venue(&venue) {
        for (const Market& m : venue.markets)
            m_codes.insert(m.base + QLatin1Char('/') + m.quote, m.code);
    }

    const VenueHoldings& venue() const { return *m_venue; }

    std::optional<Quote> quote(const QString& base, const QString& quote) const {
        QStringList codes;
        if (const QString code = m_codes.value(base + QLatin1Char('/') + quote); !code.isEmpty())
            codes << code;
        codes << quote + QLatin1Char('-') + base << base + quote;
        for (const QString& code : std::as_const(codes)) {
            const auto it = m_venue->tickers.constFind(code);
            if (it != m_venue->tickers.cend() && it->last.isPositive()) {
                const QString source =
                    m_venue->venueName.isEmpty() ? code : m_venue->venueName + QLatin1Char(' ') + code;
                return Quote{it->last, source};
            }
        }
        return std::nullopt;
    }

    bool hasKrwMarket(const QString& base) const { return quote(base, kKrw).has_value(); }

private:
    const VenueHoldings* m_venue;
    QHash<QString, QString> m_codes; // "BTC/KRW" -> code
};

// Upbit first, then Bithumb, then the rest in the order given.
int ratePreference(const QString& venue) {
    if (venue == QLatin1String("upbit"))
        return 0;
    if (venue == QLatin1String("bithumb"))
        return 1;
    return 2;
}

std::optional<Quote> usdtRate(const QVector<VenuePrices>& prices) {
    std::optional<Quote> best;
    int bestRank = 3;
    for (const VenuePrices& p : prices) {
        const int rank = ratePreference(p.venue().venue);
        if (rank >= bestRank)
            continue;
        if (auto q = p.quote(kUsdt, kKrw)) {
            best = q;
            bestRank = rank;
        }
    }
    return best;
}

// The current KRW price of one unit of `currency` held on `own` (index into prices): KRW itself, USDT at the
// rate, its KRW market, or its USDT market at the rate; the holding's own venue first.
std::optional<Quote> priceInKrw(const QString& currency, int own, const QVector<VenuePrices>& prices,
                                const std::optional<Quote>& rate) {
    if (currency == kKrw)
        return Quote{Decimal(1), QString()};
    if (currency == kUsdt)
        return rate;
    QVector<int> order{own};
    for (int i = 0; i < prices.size(); ++i)
        if (i != own)
            order << i;
    for (int i : std::as_const(order))
        if (auto krw = prices[i].quote(currency, kKrw))
            return krw;
    if (!rate)
        return std::nullopt;
    for (int i : std::as_const(order))
        if (auto usdt = prices[i].quote(currency, kUsdt))
            return Quote{usdt->price * rate->price,
                         QStringLiteral("%1 × %2").arg(usdt->source, rate->source)};
    return std::nullopt;
}

// The average buy price in KRW, or 0 when unknown. A price without a currency is taken as KRW only when the
// coin trades against KRW on its venue (that is where it was bought).
Decimal avgPriceInKrw(const Balance& b, const VenuePrices& own, const Decimal& usdtKrw) {
    if (b.currency == kKrw || !b.avgBuyPrice.isPositive())
        return {};
    const QString currency = b.avgBuyCurrency.toUpper();
    if (currency == kKrw)
        return b.avgBuyPrice;
    if (currency.isEmpty() && own.hasKrwMarket(b.currency))
        return b.avgBuyPrice;
    if (currency == kUsdt && usdtKrw.isPositive())
        return b.avgBuyPrice * usdtKrw;
    return {};
}

PortfolioRow valueRow(const Balance& b, int own, const QVector<VenuePrices>& prices,
                      const std::optional<Quote>& rate) {
    const VenueHoldings& venue = prices[own].venue();
    PortfolioRow row;
    row.venue = venue.venue;
    row.venueName = venue.venueName;
    row.currency = b.currency;
    row.qty = b.total();
    const Decimal usdtKrw = rate ? rate->price : Decimal();
    try {
        const auto price = priceInKrw(b.currency, own, prices, rate);
        if (!price)
            return row;
        row.priceKrw = price->price;
        row.priceSource = price->source;
        row.valueKrw = row.qty * row.priceKrw;
        if (b.currency == kUsdt)
            row.valueUsdt = row.qty; // exact, not through the rate and back
        else if (usdtKrw.isPositive())
            row.valueUsdt = row.valueKrw.divide(usdtKrw, kUsdtScale, Rounding::HalfEven);
        row.avgPriceKrw = avgPriceInKrw(b, prices[own], usdtKrw);
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
        unpriced.venue = venue.venue;
        unpriced.venueName = venue.venueName;
        unpriced.currency = b.currency;
        unpriced.qty = b.total();
        return unpriced;
    }
    return row;
}

Decimal toUsdt(const Decimal& krw, const Decimal& usdtKrw) {
    return usdtKrw.isPositive() ? krw.divide(usdtKrw, kUsdtScale, Rounding::HalfEven) : Decimal();
}

} // namespace

PortfolioSnapshot computePortfolio(const QVector<VenueHoldings>& venues) {
    QVector<VenuePrices> prices;
    prices.reserve(venues.size());
    for (const VenueHoldings& v : venues)
        prices.append(VenuePrices(v));

    PortfolioSnapshot snapshot;
    const std::optional<Quote> rate = usdtRate(prices);
    if (rate) {
        snapshot.usdtKrw = rate->price;
        snapshot.usdtKrwSource = rate->source;
    }

    for (int i = 0; i < venues.size(); ++i) {
        VenueTotal total;
        total.venue = venues[i].venue;
        total.venueName = venues[i].venueName;
        for (const Balance& b : venues[i].balances) {
            if (!b.total().isPositive())
                continue;
            PortfolioRow row = valueRow(b, i, prices, rate);
            ++total.holdings;
            if (row.priced) {
                total.totalKrw += row.valueKrw;
                snapshot.totalPnlKrw += row.unrealizedPnlKrw;
            } else {
                ++total.unpriced;
            }
            snapshot.rows.append(row);
        }
        total.totalUsdt = toUsdt(total.totalKrw, snapshot.usdtKrw);
        snapshot.totalKrw += total.totalKrw;
        snapshot.unpriced += total.unpriced;
        snapshot.venues.append(total);
    }

    if (snapshot.totalKrw.isPositive()) {
        for (PortfolioRow& row : snapshot.rows) {
            if (row.priced)
                row.share = row.valueKrw.divide(snapshot.totalKrw, kFractionScale, Rounding::HalfEven);
        }
    }
    // The total is converted once rather than summing rounded row values.
    snapshot.totalUsdt = toUsdt(snapshot.totalKrw, snapshot.usdtKrw);

    std::stable_sort(snapshot.rows.begin(), snapshot.rows.end(),
                     [](const PortfolioRow& a, const PortfolioRow& b) {
                         if (a.priced != b.priced)
                             return a.priced;
                         if (a.valueKrw != b.valueKrw)
                             return a.valueKrw > b.valueKrw;
                         if (a.currency != b.currency)
                             return a.currency < b.currency;
                         return a.venue < b.venue;
                     });
    return snapshot;
}

PortfolioSnapshot computePortfolio(const QVector<Balance>& balances, const QHash<QString, Ticker>& tickers) {
    VenueHoldings venue;
    venue.balances = balances;
    venue.tickers = tickers;
    return computePortfolio(QVector<VenueHoldings>{venue});
}

} // namespace hoga
