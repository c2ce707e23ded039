#include "venue_factory.h"

#include "bithumb/bithumb_connector.h"
#include "sim/sim_connector.h"
#include "upbit/upbit_connector.h"

#include <openssl/crypto.h>

namespace hoga {

std::unique_ptr<Connector> createConnector(const VenueConfig& config) {
    if (config.venue == QLatin1String("sim")) {
        SimConfig sim;
        sim.clock = config.clock ? config.clock : &SystemClock::instance();
        return std::make_unique<SimConnector>(sim);
    }
    // Empty endpoint URLs mean the venue's production endpoints (see the connectors' traits).
    if (config.venue == QLatin1String("upbit"))
        return std::make_unique<UpbitConnector>(config);
    if (config.venue == QLatin1String("bithumb"))
        return std::make_unique<BithumbConnector>(config);
    return nullptr;
}

QStringList knownVenues() {
    return {QStringLiteral("sim"), QStringLiteral("upbit"), QStringLiteral("bithumb")};
}

} // namespace hoga
