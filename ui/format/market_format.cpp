#include "market_format.h"

#include "decimal_format.h"

#include <algorithm>

namespace hoga {

MarketFormat::MarketFormat(const std::optional<Market>& market) {
    if (!market)
        return;
    m_known = true;
    m_rules = market->rules;
    m_base = market->base;
    m_quote = market->quote;
    m_qtyDecimals = m_rules.qtyStep.isPositive() ? m_rules.qtyDecimals() : 8;
}

int MarketFormat::priceDecimals(const Decimal& price) const {
    if (!m_known || m_rules.tickBands.isEmpty())
        return std::clamp(price.scale(), 0, 8);
    return m_rules.priceDecimalsFor(price);
}

QString MarketFormat::price(const Decimal& value, const QLocale& locale) const {
    const int decimals = priceDecimals(value);
    if (!m_known || m_rules.tickBands.isEmpty())
        return formatDecimalTrimmed(value, decimals, 0, locale);
    // A price off the grid (a venue's odd fill) keeps its own digits rather than being rounded away.
    return formatDecimal(value, std::max(decimals, std::min(value.scale(), 8)), locale);
}

QString MarketFormat::derivedPrice(const Decimal& value, const QLocale& locale) const {
    const int decimals = priceDecimals(value);
    return formatDecimalTrimmed(value, std::min(decimals + 4, 8), decimals, locale);
}

QString MarketFormat::qty(const Decimal& value, const QLocale& locale) const {
    return formatDecimalTrimmed(value, m_qtyDecimals, 0, locale);
}

QString MarketFormat::ladderQty(const Decimal& value, const QLocale& locale) const {
    return formatDecimal(value, std::min(m_qtyDecimals, 4), locale);
}

QString MarketFormat::exactQty(const Decimal& value, const QLocale& locale) const {
    const int own = std::clamp(value.scale(), 0, 12);
    return formatDecimal(value, m_known ? std::max(m_qtyDecimals, own) : own, locale);
}

QString MarketFormat::quoteAmount(const Decimal& value, const QLocale& locale) const {
    if (m_quote.isEmpty())
        return formatDecimalTrimmed(value, 8, 0, locale);
    return formatAmount(value, m_quote, locale);
}

} // namespace hoga
