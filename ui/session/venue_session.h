#pragma once

#include "venues/sim/sim_connector.h"

#include <QObject>

#include <memory>

namespace hoga {

class ConnectorHost;
class Connector;
class MarketDataHub;
class TradingSession;

// Everything Hoga runs for one venue: the connector on its own thread, the market data hub fed by it and
// the trading session on top. The main window takes sessions from outside, so adding Upbit or Bithumb is a
// matter of creating another session.
class VenueSession : public QObject {
    Q_OBJECT
public:
    explicit VenueSession(std::unique_ptr<Connector> connector, QObject* parent = nullptr);
    ~VenueSession() override;

    // The built-in simulator (no keys, no network).
    static std::unique_ptr<VenueSession> simulated(const SimConfig& config = {}, QObject* parent = nullptr);

    // Attaches the hub (markets, tickers, streams) and starts the trading session (balances, orders).
    void start();
    bool isStarted() const { return m_started; }

    Connector* connector() const;
    MarketDataHub* hub() const { return m_hub.get(); }
    TradingSession* trading() const { return m_trading.get(); }

    QString venueId() const { return m_venueId; }
    QString displayName() const { return m_displayName; }
    bool isSimulated() const { return m_simulated; }

private:
    std::unique_ptr<ConnectorHost> m_host;
    std::unique_ptr<MarketDataHub> m_hub;
    std::unique_ptr<TradingSession> m_trading;
    QString m_venueId;
    QString m_displayName;
    bool m_simulated = false;
    bool m_started = false;
};

} // namespace hoga
