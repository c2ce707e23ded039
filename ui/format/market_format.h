#pragma once

#include "core/market.h"

#include <QLocale>
#include <QString>

#include <functional>
#include <optional>

namespace hoga {

// How the numbers of one market are written: prices with the decimals of the market's tick at that price,
// quantities with the decimals of its quantity step. Unknown markets fall back to trimmed decimals.
class MarketFormat {
public:
    MarketFormat() = default;
    explicit MarketFormat(const std::optional<Market>& market);

    bool isKnown() const { return m_known; }
    const QString& base() const { return m_base; }
    const QString& quote() const { return m_quote; }

    // Fraction digits of a price at this level (the tick's digits).
    int priceDecimals(const Decimal& price) const;
    int qtyDecimals() const { return m_qtyDecimals; }

    // A price on the tick grid: exactly the tick's decimals.
    QString price(const Decimal& value, const QLocale& locale = {}) const;
    // A derived price (average cost, mid): the tick's decimals, plus up to 4 more if needed, trimmed.
    QString derivedPrice(const Decimal& value, const QLocale& locale = {}) const;
    // A quantity: trimmed to the step's decimals.
    QString qty(const Decimal& value, const QLocale& locale = {}) const;
    // A quantity in a dense ladder: fixed decimals (at most 4 extra beyond a whole unit) so columns align.
    QString ladderQty(const Decimal& value, const QLocale& locale = {}) const;
    // A traded quantity in full: the step's decimals (more if the venue sent more), so small real trades
    // never show as 0.0000.
    QString exactQty(const Decimal& value, const QLocale& locale = {}) const;
    // An amount in the quote currency (KRW without decimals, USDT with 2).
    QString quoteAmount(const Decimal& value, const QLocale& locale = {}) const;

private:
    bool m_known = false;
    TradingRules m_rules;
    QString m_base;
    QString m_quote;
    int m_qtyDecimals = 8;
};

// Looks up the format of a market by code (models use it to format rows of many markets).
using MarketFormatLookup = std::function<MarketFormat(const QString& market)>;

} // namespace hoga
