#pragma once

#include "trading/portfolio.h"

#include <QList>

namespace hoga {

class VenueSession;

// What computePortfolio() needs from running sessions: each venue's balances (when it has keys), markets and
// tickers, in the sessions' order.
QVector<VenueHoldings> venueHoldings(const QList<VenueSession*>& sessions);

} // namespace hoga
