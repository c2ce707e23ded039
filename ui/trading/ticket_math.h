#pragma once

#include "core/market.h"

#include <optional>

namespace hoga::ticket {

// The order ticket's arithmetic, exact and free of widgets.

// One tick up (direction > 0) or down from `price`; a price off the tick grid first snaps to it in that
// direction. Stepping down into a finer band uses that band's tick. nullopt without a tick rule or when
// the result would not be positive.
std::optional<Decimal> stepPrice(const TradingRules& rules, const Decimal& price, int direction);

// The quantity a limit buy at `price` may take to spend `percent` % of `availableQuote`, leaving room for
// the larger of the two fee rates; rounded down to the quantity step.
Decimal buyQtyForPercent(const TradingRules& rules, const Decimal& availableQuote, int percent,
                         const Decimal& price);
// The amount a market buy may spend for `percent` % of `availableQuote`, fee included, rounded down to
// `quoteDecimals` fraction digits.
Decimal buyTotalForPercent(const TradingRules& rules, const Decimal& availableQuote, int percent,
                           int quoteDecimals);
// `percent` % of `availableBase`, rounded down to the quantity step.
Decimal sellQtyForPercent(const TradingRules& rules, const Decimal& availableBase, int percent);

// Fraction digits for amounts typed in a quote currency (KRW has none).
int quoteDecimals(const QString& quote);

} // namespace hoga::ticket
