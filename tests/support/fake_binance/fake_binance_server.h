#pragma once

#include "core/decimal.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace hoga::test {

// A strict loopback imitation of Binance Spot: REST on http://127.0.0.1:<port>/api/v3/..., combined market
// streams on ws://127.0.0.1:<wsPort>/stream and the WebSocket API on ws://127.0.0.1:<wsPort>/ws-api/v3.
// Markets and matching come from SimExchange (BTCUSDT, ETHUSDT), deterministic for a seed.
//
// Checked as Binance documents it: X-MBX-APIKEY (-2015), HMAC-SHA256 over the query string then the body
// (-1022), timestamp within recvWindow and not more than 1 s ahead (-1021), recvWindow <= 60000 (-1131),
// request weight per minute with X-MBX-USED-WEIGHT-1M (429 -1003 with Retry-After), order counts
// (X-MBX-ORDER-COUNT-10S/-1D), PRICE_FILTER (tick, min and max price) / LOT_SIZE / NOTIONAL (-1013
// "Filter failure: ..."),
// newClientOrderId ^[a-zA-Z0-9-_]{1,36}$ (-1100), balances (-2010), unknown orders (-2013 query, -2011
// cancel), unknown symbols (-1121). Diff depth events carry U/u continuing the REST depth lastUpdateId.
class FakeBinanceServer : public QObject {
public:
    explicit FakeBinanceServer(quint64 seed = 1, QObject* parent = nullptr);
    // The account starts with exactly `balances` (free, by asset) instead of the simulator's default.
    FakeBinanceServer(quint64 seed, const QHash<QString, Decimal>& balances, QObject* parent = nullptr);
    ~FakeBinanceServer() override;

    bool start();
    QUrl restUrl() const;  // http://127.0.0.1:<port>
    QUrl wsUrl() const;    // ws://127.0.0.1:<wsPort>  (the connector appends /stream)
    QUrl wsApiUrl() const; // ws://127.0.0.1:<wsPort>/ws-api/v3

    void addKey(const QString& apiKey, const QByteArray& secret);
    // Moves the market one step and pushes stream events.
    void step();
    void setWeightLimit(int perMinute); // default 6000
    // Server clock = our clock + skew (to test the offset learned from /api/v3/time).
    void setClockSkewMs(qint64 ms);

    // The next order is placed, then the connection is cut before the answer (a lost answer).
    void loseNextOrderAnswer();

    int requestCount(const QByteArray& path) const;
    int orderPostCount() const; // POST /api/v3/order requests that reached the matching engine
    int count429() const;
    QStringList wsSubscriptions() const;   // stream names subscribed on any connection
    int streamConnectionCount() const;     // connections ever opened to /stream
    int apiConnectionCount() const;        // connections ever opened to /ws-api/v3
    int userDataSubscriptionCount() const; // accepted userDataStream.subscribe.signature requests
    Decimal lastPrice(const QString& market) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hoga::test
