#pragma once

#include "venues/sim/sim_connector.h"
#include "venues/venue_factory.h"

#include <QObject>

#include <memory>

namespace hoga {

class ConnectorHost;
class Connector;
class MarketDataHub;
class MarketLoadRetry;
class TradingSession;

// Everything Hoga runs for one venue: the connector on its own thread, the market data hub fed by it and
// the trading session on top. It lives in app/ (no widgets): the GUI, hoga-cli and a future headless
// service compose the same core. The main window takes sessions from outside, so any connector (the
// simulator, Upbit, Bithumb) runs behind the same window.
//
// Without API keys a real venue runs market data only: the trading session is never started, and the
// panels that need an account say so (see needsKeysMessage()).
class VenueSession : public QObject {
    Q_OBJECT
public:
    // `clock` drives the hub's stream freshness (tests pass a ManualClock).
    explicit VenueSession(std::unique_ptr<Connector> connector, QObject* parent = nullptr,
                          const Clock* clock = &SystemClock::instance());
    ~VenueSession() override;

    // The built-in simulator (no keys, no network).
    static std::unique_ptr<VenueSession> simulated(const SimConfig& config = {}, QObject* parent = nullptr);
    // The session of `config.venue` through createConnector(), or nullptr for an unknown venue.
    static std::unique_ptr<VenueSession> create(const VenueConfig& config, QObject* parent = nullptr);

    // Attaches the hub (markets, tickers, streams) and, when the venue has keys, starts the trading session
    // (balances, orders).
    void start();
    bool isStarted() const { return m_started; }

    Connector* connector() const;
    MarketDataHub* hub() const { return m_hub.get(); }
    TradingSession* trading() const { return m_trading.get(); }
    // Retries a venue whose markets could not be loaded and says why and when (see MarketLoadRetry).
    MarketLoadRetry* marketLoad() const { return m_marketLoad.get(); }

    QString venueId() const { return m_venueId; }
    QString displayName() const { return m_displayName; }
    // What the venue offers (order types, time in force ...), for forms that adapt to it.
    const VenueCapabilities& capabilities() const { return m_capabilities; }
    bool isSimulated() const { return m_simulated; }
    // Whether the account can be used (balances, orders). False: market data only.
    bool hasCredentials() const { return m_hasCredentials; }
    // "Add API keys for Upbit to see balances and trade.", for the panels a keyless session cannot fill.
    QString needsKeysMessage() const;

    // When the venue stopped accepting our requests until (wall clock ms), or 0.
    qint64 blockedUntilMs() const { return m_blockedUntilMs; }

signals:
    // The connector's requestsBlocked, delivered on this session's thread.
    void requestsBlocked(qint64 untilMs);

private:
    std::unique_ptr<ConnectorHost> m_host;
    std::unique_ptr<MarketDataHub> m_hub;
    std::unique_ptr<TradingSession> m_trading;
    std::unique_ptr<MarketLoadRetry> m_marketLoad;
    QString m_venueId;
    QString m_displayName;
    VenueCapabilities m_capabilities;
    bool m_simulated = false;
    bool m_hasCredentials = false;
    bool m_started = false;
    qint64 m_blockedUntilMs = 0;
};

} // namespace hoga
