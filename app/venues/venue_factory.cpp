#include "venue_factory.h"

#include "binance/binance_protocol.h"
#include "bithumb/bithumb_protocol.h"
#include "core/venue_connector.h"
#include "kis/kis_protocol.h"
#include "sim/sim_connector.h"
#include "upbit/upbit_protocol.h"

#include <QCoreApplication>

namespace hoga {

std::unique_ptr<Connector> createConnector(const VenueConfig& config) {
    if (config.venue == QLatin1String("sim")) {
        SimConfig sim;
        sim.clock = config.clock ? config.clock : &SystemClock::instance();
        return std::make_unique<SimConnector>(sim);
    }
    if (config.venue == QLatin1String("kis"))
        return std::make_unique<VenueConnector>(createKisProtocol(config), config);
    // Empty endpoint URLs mean the venue's production endpoints (see the bundles' defaultEndpoints()).
    if (auto protocol = createProtocol(config.venue))
        return std::make_unique<VenueConnector>(std::move(protocol), config);
    return nullptr;
}

std::unique_ptr<KisProtocol> createKisProtocol(const VenueConfig& config) {
    // KIS needs to know the account (and with it the server) before anything else is built.
    auto protocol = std::make_unique<KisProtocol>(
        KisAccount::parse(config.credentials.extra(QStringLiteral("account")),
                          config.credentials.extra(QStringLiteral("account_type"))),
        config.endpoints);
    // Loopback fakes and tests trade outside the KRX session.
    protocol->setEnforceSessionHours(!qEnvironmentVariableIsSet("HOGA_KIS_IGNORE_SESSION_HOURS"));
    return protocol;
}

std::unique_ptr<VenueProtocol> createProtocol(const QString& venue) {
    if (venue == QLatin1String("upbit"))
        return std::make_unique<UpbitProtocol>();
    if (venue == QLatin1String("bithumb"))
        return std::make_unique<BithumbProtocol>();
    if (venue == QLatin1String("binance"))
        return std::make_unique<BinanceProtocol>(BinanceProtocol::Network::Production);
    if (venue == QLatin1String("binance-testnet"))
        return std::make_unique<BinanceProtocol>(BinanceProtocol::Network::Testnet);
    if (venue == QLatin1String("kis"))
        return std::make_unique<KisProtocol>();
    return nullptr;
}

QStringList knownVenues() {
    return {QStringLiteral("sim"),     QStringLiteral("upbit"),           QStringLiteral("bithumb"),
            QStringLiteral("binance"), QStringLiteral("binance-testnet"), QStringLiteral("kis")};
}

QStringList venueTokenSecrets(const QString& venue) {
    if (venue == QLatin1String("kis"))
        return {KisProtocol::tokenCacheKey(false), KisProtocol::tokenCacheKey(true)};
    return {};
}

QString venueDisplayName(const QString& venue) {
    if (venue == QLatin1String("sim"))
        return QCoreApplication::translate("hoga::SimConnector", "Simulated market");
    if (const auto protocol = createProtocol(venue))
        return protocol->displayName();
    return venue;
}

CredentialSchema credentialSchema(const QString& venue) {
    if (const auto protocol = createProtocol(venue))
        return protocol->credentialSchema();
    return keyPairSchema();
}

} // namespace hoga
