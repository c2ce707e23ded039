#include "portfolio_valuation.h"

#include "marketdata/market_data_hub.h"
#include "trading/trading_session.h"
#include "venue_session.h"

namespace hoga {

QVector<VenueHoldings> venueHoldings(const QList<VenueSession*>& sessions) {
    QVector<VenueHoldings> venues;
    venues.reserve(sessions.size());
    for (VenueSession* s : sessions) {
        VenueHoldings v;
        v.venue = s->venueId();
        v.venueName = s->displayName();
        if (s->hasCredentials())
            v.balances = s->trading()->balances();
        v.markets = s->hub()->markets();
        v.tickers = s->hub()->tickers();
        venues.append(v);
    }
    return venues;
}

} // namespace hoga
