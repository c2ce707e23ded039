#pragma once

#include <QStringList>

namespace hoga {

// Which markets get live streams when a venue streams only a few at once (KIS: 40 subscriptions on its one
// session per app key, two per stock). The markets the user needs come first, in the order given (the
// selected market, then open orders, bots and the watchlist); free slots go to the listed markets in the
// venue's order. With no limit (0) every listed market streams.
QStringList chooseStreamedMarkets(const QStringList& listed, const QStringList& wanted, int limit);

} // namespace hoga
