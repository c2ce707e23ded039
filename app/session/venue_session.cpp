#include "venue_session.h"

#include "market_load_retry.h"
#include "marketdata/market_data_hub.h"
#include "trading/trading_session.h"
#include "venues/connector_host.h"

namespace hoga {

namespace {

// Views repaint at most four times a second: as fast as a person reads a ladder, and a good deal less GUI
// work than the hub's default rate.
constexpr int kCoalesceIntervalMs = 250;

} // namespace

VenueSession::VenueSession(std::unique_ptr<Connector> connector, QObject* parent, const Clock* clock)
    : QObject(parent)
    , m_venueId(connector->venueId())
    , m_displayName(connector->displayName())
    , m_capabilities(connector->capabilities())
    , m_simulated(connector->isSimulated())
    , m_hasCredentials(connector->hasCredentials()) {
    // Queued: the connector emits from its own thread; the UI reads the time here.
    connect(
        connector.get(), &Connector::requestsBlocked, this,
        [this](qint64 untilMs) {
            m_blockedUntilMs = untilMs;
            emit requestsBlocked(untilMs);
        },
        Qt::QueuedConnection);
    m_host = std::make_unique<ConnectorHost>(std::move(connector));
    m_hub = std::make_unique<MarketDataHub>(nullptr, clock);
    m_hub->setStalenessPolicy(StalenessPolicy::forVenue(m_simulated));
    m_hub->setCoalesceIntervalMs(kCoalesceIntervalMs);
    m_trading = std::make_unique<TradingSession>(m_host->connector(), m_hub.get());
    m_marketLoad = std::make_unique<MarketLoadRetry>(m_hub.get(), m_displayName);
}

VenueSession::~VenueSession() {
    // Stop the connector's thread first, so no stream message arrives while the listeners go away (the hub
    // and the session both tolerate a connector that is already gone).
    m_host.reset();
    m_marketLoad.reset();
    m_trading.reset();
    m_hub.reset();
}

std::unique_ptr<VenueSession> VenueSession::simulated(const SimConfig& config, QObject* parent) {
    return std::make_unique<VenueSession>(std::make_unique<SimConnector>(config), parent,
                                          config.clock ? config.clock : &SystemClock::instance());
}

std::unique_ptr<VenueSession> VenueSession::create(const VenueConfig& config, QObject* parent) {
    std::unique_ptr<Connector> connector = createConnector(config);
    if (!connector)
        return nullptr;
    return std::make_unique<VenueSession>(std::move(connector), parent,
                                          config.clock ? config.clock : &SystemClock::instance());
}

void VenueSession::start() {
    if (m_started)
        return;
    m_started = true;
    m_hub->attach(m_host->connector());
    // Without keys every account request would fail with an authentication error: don't ask.
    if (m_hasCredentials)
        m_trading->start();
}

Connector* VenueSession::connector() const {
    return m_host->connector();
}

QString VenueSession::needsKeysMessage() const {
    return tr("Add API keys for %1 to see balances and trade.").arg(m_displayName);
}

} // namespace hoga
