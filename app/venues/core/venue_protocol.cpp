#include "venue_protocol.h"

#include "venues/venue_factory.h"

namespace hoga {

QList<net::PoolUsage> VenueProtocol::usageOf(const net::HttpResponse&) const {
    return {};
}

bool VenueProtocol::mayHaveTakenOrder(const net::HttpResponse& failed) const {
    return failed.error == net::HttpError::Timeout || failed.error == net::HttpError::Network ||
           (failed.error == net::HttpError::None && failed.status >= 500);
}

QUrl VenueProtocol::publicStreamUrl(const VenueEndpoints& endpoints) const {
    return endpoints.wsUrl;
}

QUrl VenueProtocol::privateStreamUrl(const VenueEndpoints& endpoints) const {
    return endpoints.privateWsUrl;
}

} // namespace hoga
