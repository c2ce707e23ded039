#include "venue_session.h"

#include "marketdata/market_data_hub.h"
#include "trading/trading_session.h"
#include "venues/connector_host.h"

namespace hoga {

VenueSession::VenueSession(std::unique_ptr<Connector> connector, QObject* parent)
    : QObject(parent)
    , m_venueId(connector->venueId())
    , m_displayName(connector->displayName())
    , m_simulated(connector->isSimulated()) {
    m_host = std::make_unique<ConnectorHost>(std::move(connector));
    m_hub = std::make_unique<MarketDataHub>();
    m_trading = std::make_unique<TradingSession>(m_host->connector(), m_hub.get());
}

VenueSession::~VenueSession() {
    // Stop the connector's thread first, so no stream message arrives while the listeners go away (the hub
    // and the session both tolerate a connector that is already gone).
    m_host.reset();
    m_trading.reset();
    m_hub.reset();
}

std::unique_ptr<VenueSession> VenueSession::simulated(const SimConfig& config, QObject* parent) {
    return std::make_unique<VenueSession>(std::make_unique<SimConnector>(config), parent);
}

void VenueSession::start() {
    if (m_started)
        return;
    m_started = true;
    m_hub->attach(m_host->connector());
    m_trading->start();
}

Connector* VenueSession::connector() const {
    return m_host->connector();
}

} // namespace hoga
