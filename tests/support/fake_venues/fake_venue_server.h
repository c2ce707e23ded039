#pragma once

#include "core/decimal.h"
#include "core/order.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <memory>

namespace hoga::test {

// Which real venue the fake imitates (paths, auth details, error names, rate limits, WS dialect).
enum class FakeFlavor { Upbit, Bithumb };

// One HTTP request as the fake saw it, and what it answered.
struct FakeRequestLog {
    QByteArray method;
    QByteArray path;                       // without the query, e.g. "/v1/orders"
    QByteArray rawQuery;                   // exactly as sent (still percent-encoded), no leading '?'
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QByteArray peerIp;    // "127.0.0.1"
    int status = 0;       // HTTP status answered; 0 = never answered (held / connection closed)
    QByteArray errorName; // error.name of the answer ("nonce_used", "400"), empty on success
    QByteArray responseBody;
    qint64 timeMs = 0; // wall clock when it arrived
};

// One subscription object the fake accepted on a WebSocket.
struct FakeWsSubscription {
    bool isPrivate = false;
    QString type;      // "ticker", "trade", "orderbook", "candle.1m", "myOrder", "myAsset"
    QStringList codes; // as sent (orderbook codes may carry ".N")
    bool snapshot = true;
    bool realtime = true;
    Decimal level; // orderbook aggregation level as sent (the fake supports 0 only; others get no frames)
};

// A strict loopback imitation of Upbit or Bithumb (API 2.0): REST on http://127.0.0.1:<port>, public and
// private WebSockets on the same port. Market state and matching come from SimExchange (deterministic for a
// seed). Every private request is verified as the venue would (JWT, signature, nonce, query hash, IP,
// permission, Bithumb timestamp) and rate limits are enforced, so a connector that passes here does not
// get rejected for protocol mistakes by the real venue.
//
// Markets: Upbit KRW-BTC, KRW-ETH, KRW-XRP, KRW-USDT, USDT-BTC, USDT-ETH; Bithumb the four KRW markets.
// Lives on the thread that creates it; drive it from the test's event loop.
//
// Where the venues' behaviour is not confirmed (exchanges.md), the fake picks the stricter reading:
// - JSON data frames are sent as BINARY WebSocket frames (Upbit does; assumed for Bithumb too).
// - The nonce is used up once the signature checks out, even if the query hash then fails.
// - A query_hash sent without parameters must be the hash of "". query_hash_alg, if sent, must be SHA512.
// - Bithumb: missing or skewed (> 30 s) JWT timestamp -> 401 expired_jwt; unknown key invalid_access_key,
//   reused nonce nonce_used, missing token no_authorization_token (names borrowed from Upbit).
// - Upbit refuses unencoded ':' or '+' in query values (400); both venues decode '+' as a space.
// - Client ids (Upbit identifier, Bithumb client_order_id) are used up by any attempt that passed auth;
//   reuse -> 400 duplicate_identifier / duplicate_client_order_id (names are the fake's own).
// - Unknown order market -> 404 notfoundmarket (Upbit fixture); Bithumb min total -> under_price_limit_*.
// - Cancel (Upbit, Bithumb v1) answers with the order still "wait"; Bithumb v2 create/cancel answer only
//   {order_id, client_order_id, created_at}: read the order afterwards.
// - A new WS subscription request replaces the connection's earlier ones (resend the full set).
// - WS format other than DEFAULT -> INVALID_PARAM; wrong-case snapshot/realtime flags -> INVALID_PARAM;
//   unknown or lower-case codes -> INVALID_PARAM; private types on the public endpoint -> INVALID_AUTH.
// - Upbit 418: more than 5 rejected (429) requests within 2 s block the key (IP or account) for the block
//   duration, with Retry-After. Bithumb: exceeding a category blocks that category (429).
class FakeVenueServer : public QObject {
    Q_OBJECT
public:
    explicit FakeVenueServer(FakeFlavor flavor, quint64 seed = 1, QObject* parent = nullptr);
    ~FakeVenueServer() override;

    FakeFlavor flavor() const;
    // Listens on 127.0.0.1 and a free port (REST and both WebSockets). False if that failed.
    bool start();
    QUrl restUrl() const;      // "http://127.0.0.1:<port>" (paths such as /v1/ticker are appended)
    QUrl wsUrl() const;        // "ws://127.0.0.1:<port>/websocket/v1"
    QUrl privateWsUrl() const; // Upbit ".../websocket/v1/private", Bithumb ".../websocket/v2/private"

    // --- accounts -----------------------------------------------------------------------------------
    // Registers an API key. `secret` is used as raw bytes for HMAC. Requests from a peer IP not in
    // `allowedIps` get no_authorization_ip (Bithumb NotAllowIP); keys without `canTrade` get out_of_scope
    // on order create/cancel.
    void addKey(const QString& access, const QByteArray& secret,
                QStringList allowedIps = {QStringLiteral("127.0.0.1")}, bool canTrade = true);
    // Sets the free balance of one currency (the others keep theirs). Only before the first order.
    void setBalance(const QString& currency, const Decimal& free);

    // --- market -------------------------------------------------------------------------------------
    // Moves the market one step, matches resting orders and pushes ticker/trade/orderbook/candle frames
    // (and myOrder/myAsset for own activity) to subscribers.
    void step();
    // Calls step() every `ms` on a timer (0 = only when called; the default).
    void setAutoStepIntervalMs(int ms);
    QStringList marketCodes() const; // the venue's codes
    Decimal lastPrice(const QString& market) const;
    Decimal bestBid(const QString& market) const;
    Decimal bestAsk(const QString& market) const;
    Decimal tickFor(const QString& market, const Decimal& price) const;
    Decimal freeBalance(const QString& currency) const;
    Decimal lockedBalance(const QString& currency) const;

    // --- faults -------------------------------------------------------------------------------------
    void dropWebSockets();           // closes every WS connection (public and private)
    void setResponseDelayMs(int ms); // every REST answer waits this long (0 = at once)
    // The next `count` REST requests (any path) get `httpStatus` with an error body, before any checks.
    void failNextRequests(int count, int httpStatus = 503);
    // The next valid order create is executed (recorded, matched) but never answered: with `closeSocket`
    // the connection is closed at once, otherwise the request is held until the client gives up.
    void acceptNextOrderThenTimeOut(bool closeSocket = false);
    void setRateLimitEnforced(bool enforced); // default true
    // Upbit: how long a client that keeps going after 429s is blocked with 418 (doubles per repeat
    // offence). Bithumb: how long an exceeded category stays blocked. Default 10 s (real: longer).
    void setBlockDurationMs(qint64 ms);
    // Bithumb JWT `timestamp` tolerance (UNCONFIRMED at the venue): +-30 s by default.
    void setTimestampToleranceMs(qint64 ms);
    // WS connections without any text message for this long are closed (0 = never, the default; the venue
    // closes after ~120 s, but WS ping frames cannot be observed here).
    void setWsIdleTimeoutMs(int ms);
    // Appends every logged request (one JSON object per line) to this file; empty = memory only.
    void setRequestLogPath(const QString& path);

    // --- inspection ---------------------------------------------------------------------------------
    QVector<FakeRequestLog> requests() const;
    void clearRequests();
    int orderCount() const;        // orders created (including ones answered with a timeout fault)
    QVector<Order> orders() const; // every order created, oldest first (ids are the venue's uuids)
    int count429() const;
    int count418() const;
    int wsConnectionCount(bool isPrivate) const; // currently open
    int wsConnectionsAccepted() const;           // total handshakes accepted since start
    int wsHandshakesRejected() const; // handshakes refused (bad/missing JWT, unknown path, 429/418)
    QVector<FakeWsSubscription> wsSubscriptions() const; // current subscriptions of every connection

signals:
    void requestLogged(const hoga::test::FakeRequestLog& entry);
    void wsClientConnected(bool isPrivate);
    void wsClientDisconnected(bool isPrivate);
    void wsSubscribed(bool isPrivate, const QString& type, const QStringList& codes);
    void wsFrameSent(bool isPrivate, const QByteArray& frame);
    void orderCreated(const QString& uuid);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hoga::test

Q_DECLARE_METATYPE(hoga::test::FakeRequestLog)
