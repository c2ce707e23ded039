#include "market.h"

#include "krx_market.h"

#include <algorithm>

namespace hoga {

Decimal TradingRules::tickFor(const Decimal& price) const {
    if (tickBands.isEmpty())
        return {};
    // Last band starting at or below the price; prices below the first band use the first band.
    const auto after =
        std::upper_bound(tickBands.cbegin(), tickBands.cend(), price,
                         [](const Decimal& p, const PriceBand& band) { return p < band.fromPrice; });
    return after == tickBands.cbegin() ? tickBands.front().tick : std::prev(after)->tick;
}

int TradingRules::priceDecimalsFor(const Decimal& price) const {
    return tickFor(price).scale(); // normalised: a 1000 tick has scale 0, 0.00000001 has 8
}

int TradingRules::qtyDecimals() const {
    return qtyStep.scale();
}

bool TradingRules::isOpenAt(qint64 epochMs) const {
    switch (session) {
    case MarketSession::Always:
        return true;
    case MarketSession::KrxRegular:
        return krx::isRegularSession(epochMs);
    }
    return true;
}

QVector<PriceBand> TradingRules::krwPriceBands() {
    static const QVector<PriceBand> bands = [] {
        const std::pair<const char*, const char*> table[] = {
            {"0", "0.00000001"}, {"0.0001", "0.0000001"}, {"0.001", "0.000001"}, {"0.01", "0.00001"},
            {"0.1", "0.0001"},   {"1", "0.001"},          {"10", "0.01"},        {"100", "1"},
            {"1000", "1"},       {"5000", "5"},           {"10000", "10"},       {"50000", "50"},
            {"100000", "100"},   {"500000", "500"},       {"1000000", "1000"},
        };
        QVector<PriceBand> result;
        for (const auto& [from, tick] : table)
            result.append({Decimal::fromString(from), Decimal::fromString(tick)});
        return result;
    }();
    return bands;
}

} // namespace hoga
