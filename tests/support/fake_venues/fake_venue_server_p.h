#pragma once

// Internals of FakeVenueServer shared by its source files (not for tests).

#include "fake_auth.h"
#include "fake_http.h"
#include "fake_rate_limits.h"
#include "fake_venue_server.h"

#include "venues/net/json_value.h"
#include "venues/sim/sim_exchange.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace hoga::test {

namespace fake {

// One market as the fake venue shows it, and its code inside SimExchange.
struct FakeMarket {
    QString code;    // "USDT-BTC"
    QString simCode; // "BTCUSDT"
    Market market;   // the simulator's market (rules, names); `code` above is what the venue shows
};

// What one REST handler answers.
struct Reply {
    int status = 200;
    QByteArray body;
    QByteArray errorName;     // for the log
    bool holdForever = false; // acceptNextOrderThenTimeOut: never answer
    bool closeSocket = false; // ... or close the connection at once
    qint64 retryAfterMs = 0;  // adds Retry-After
};

// Context of one verified request.
struct Call {
    HttpRequest http;
    RequestParams params;
    QByteArray accessKey; // private calls: the verified key
};

struct ApiKey {
    QByteArray secret;
    QStringList allowedIps;
    bool canTrade = true;
    QSet<QByteArray> nonces;
};

// What the fake remembers about an order beyond SimExchange's Order.
struct OrderExtra {
    QString venueId;    // Upbit: the sim's uuid; Bithumb: "C0..." style id
    QString clientId;   // Upbit identifier / Bithumb client_order_id
    QByteArray ordType; // limit, price, market, best
    QByteArray timeInForce;
    QVector<Fill> fills; // oldest first
    // Where myOrder pushes stand.
    Decimal pushedFilled;
    bool pushedOpen = false;
    bool pushedTerminal = false;
    // Orders ended by a time-in-force condition (Bithumb cancel_type tif_cancel).
    bool tifCancelled = false;
    // An order the simulator never saw (a fill-or-kill that could not fill, a post-only that would have
    // taken): kept here, already cancelled.
    std::optional<Order> synthetic;
};

struct WsClient {
    QPointer<QWebSocket> socket;
    bool isPrivate = false;
    QByteArray accessKey;
    QVector<FakeWsSubscription> subscriptions;
    QVector<qint64> messageTimes;
    QTimer* idleTimer = nullptr;
};

using RouteHandler = std::function<Reply(const Call&)>;

struct Route {
    QByteArray method;
    QByteArray path; // exact, or a prefix when it ends with '/'
    bool isPrivate = false;
    bool needsTrade = false;
    RateGroup group;
    RouteHandler handler;
};

// Number formats the venues use in JSON.
QByteArray plainNumber(const Decimal& d);              // canonical: "148601000", "0.0000674"
QByteArray pythonFloatText(const Decimal& d);          // Upbit WS floats: "109868000.0", "9.101e-05"
QByteArray kstIso(qint64 ms, bool withMicros = false); // "2025-07-04T15:00:00+09:00"
QByteArray utcDateTime(qint64 ms);                     // "2025-07-01T12:00:00"
QByteArray kstDateTime(qint64 ms);                     // "2025-07-01T21:00:00"
// A ticker with the last trade and the recent volume by taker side.
struct TickerInfo {
    Ticker t;
    std::optional<Trade> last;
    Decimal askVolume; // taken by sellers in the recent trades
    Decimal bidVolume;
};
TickerInfo tickerInfo(const SimExchange& sim, const QString& simCode);
QByteArray changeName(const Decimal& change); // RISE, FALL, EVEN

// Upbit's long sequential trade id (beyond 2^53, like the real ones).
qint64 sequentialId(const Trade& t);

} // namespace fake

struct FakeVenueServer::Impl {
    FakeVenueServer* q = nullptr;
    FakeFlavor flavor = FakeFlavor::Upbit;
    quint64 seed = 1;

    // Market and account state.
    std::unique_ptr<SimExchange> sim;
    QHash<QString, Decimal> initialBalances;
    QVector<fake::FakeMarket> markets;
    QHash<QString, int> marketByCode; // venue code -> index
    QHash<QString, int> marketBySim;  // sim code -> index

    // Network.
    QTcpServer* tcp = nullptr;
    QWebSocketServer* wsServer = nullptr;
    QTimer* autoStep = nullptr;
    QHash<quint16, QByteArray> upgradeKeys; // peer port -> access key of an accepted private handshake
    QVector<fake::Route> routes;

    // Keys and verification.
    QHash<QByteArray, fake::ApiKey> keys;
    qint64 timestampToleranceMs = 30'000;

    // Faults.
    int responseDelayMs = 0;
    int failCount = 0;
    int failStatus = 503;
    bool timeoutNextOrder = false;
    bool timeoutCloses = false;
    bool rateLimitEnforced = true;
    int wsIdleTimeoutMs = 0;
    QString requestLogPath;
    fake::RateLimits limits{fake::RateLimits::Style::Upbit};

    // Inspection.
    QVector<FakeRequestLog> log;
    int n429 = 0;
    int n418 = 0;
    int wsAccepted = 0;
    int wsRejected = 0;

    // Orders.
    QSet<QString> usedClientIds;             // forever, including failed requests
    QHash<QString, fake::OrderExtra> extras; // by sim order id
    QHash<QString, QString> simIdByVenueId;
    QHash<QString, QString> simIdByClientId;
    QVector<QString> orderSequence; // sim ids, oldest first
    quint64 bithumbOrderSeq = 0;

    // WebSockets.
    QHash<QWebSocket*, fake::WsClient> wsClients;

    // --- fake_venue_server.cpp: lifecycle, HTTP, auth, limits, log
    bool isUpbit() const { return flavor == FakeFlavor::Upbit; }
    void rebuildSim();
    void buildMarkets();
    const fake::FakeMarket* market(const QString& venueCode) const;
    QString venueCodeOfSim(const QString& simCode) const; // empty when hidden
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void handleHttp(QTcpSocket* socket, fake::HttpRequest request);
    void handleUpgrade(QTcpSocket* socket, const fake::HttpRequest& request);
    void sendReply(QTcpSocket* socket, const fake::HttpRequest& request, fake::Reply reply,
                   const QList<QPair<QByteArray, QByteArray>>& extraHeaders);
    void record(const fake::HttpRequest& request, const fake::Reply& reply);
    const fake::Route* findRoute(const QByteArray& path, bool* pathKnown, const QByteArray& method) const;
    // Verifies the JWT of a private request; returns the error reply or sets `accessKey`.
    std::optional<fake::Reply> verifyAuth(const fake::HttpRequest& request, const fake::RequestParams& params,
                                          QByteArray* accessKey);
    QByteArray rateKeyFor(const fake::HttpRequest& request, bool isPrivate) const;

    // Error bodies.
    fake::Reply error(int status, const QByteArray& name, const QString& message) const;
    fake::Reply quotationError(int status, const QString& message) const; // numeric name
    fake::Reply invalidParam(const QString& what) const;                  // private 400
    fake::Reply json(const QByteArray& body, int status = 200) const;

    // --- fake_venue_rest.cpp: endpoints
    void buildRoutes();
    fake::Reply marketAll(const fake::Call& c);
    fake::Reply ticker(const fake::Call& c, bool all);
    fake::Reply orderbook(const fake::Call& c);
    fake::Reply instruments(const fake::Call& c);
    fake::Reply candles(const fake::Call& c);
    fake::Reply tradesTicks(const fake::Call& c);
    fake::Reply accounts(const fake::Call& c);
    fake::Reply chance(const fake::Call& c);
    fake::Reply createOrder(const fake::Call& c, bool test, bool bithumbV2);
    fake::Reply getOrder(const fake::Call& c);
    fake::Reply ordersByIds(const fake::Call& c);
    fake::Reply openOrders(const fake::Call& c);
    fake::Reply closedOrders(const fake::Call& c);
    fake::Reply bithumbOrders(const fake::Call& c);
    fake::Reply cancelOrder(const fake::Call& c, bool bithumbV2);
    fake::Reply cancelByIds(const fake::Call& c);
    fake::Reply cancelOpen(const fake::Call& c);

    QString findOrderSimId(const QString& venueId, const QString& clientId) const; // empty if unknown
    std::optional<Order> orderOf(const QString& simId) const;
    QString newVenueOrderId(const QString& simId);
    std::optional<fake::Reply> validateOrder(const OrderRequest& req, const fake::FakeMarket& m,
                                             const QByteArray& ordType) const;
    fake::Reply mapSimError(const VenueError& e) const;
    QByteArray venueState(const Order& o, const fake::OrderExtra& x) const;
    void writeOrder(net::JsonWriter& w, const Order& o, const fake::OrderExtra& x, bool withTrades,
                    bool asWaiting = false) const;
    void writeAccount(net::JsonWriter& w, const Balance& b) const;
    Decimal feeRateOf(const QString& simCode) const;

    // --- fake_venue_ws.cpp
    void onWsConnection();
    void onWsText(QWebSocket* socket, const QByteArray& message);
    void sendWs(fake::WsClient& client, const QByteArray& frame);
    void sendWsError(fake::WsClient& client, const QByteArray& name, const QString& message);
    void subscribe(fake::WsClient& client, const QByteArray& message);
    void sendSnapshots(fake::WsClient& client);
    // Applies what the simulator changed: remembers fills, pushes public and private frames.
    void publish(const SimEvents& events);
    QByteArray tickerFrame(const QString& venueCode, bool snapshot) const;
    QByteArray tradeFrame(const QString& venueCode, const Trade& t, bool snapshot) const;
    QByteArray orderbookFrame(const QString& venueCode, int depth, bool snapshot) const;
    QByteArray candleFrame(const QString& venueCode, const QString& type, bool snapshot) const;
    QVector<QByteArray> myOrderFrames(const Order& o, fake::OrderExtra& x, const QVector<Fill>& newFills);
    QByteArray myAssetFrame(const QVector<Balance>& balances) const;
};

} // namespace hoga::test
