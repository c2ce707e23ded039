#pragma once

#include "core/capabilities.h"
#include "credentials.h"
#include "endpoints.h"
#include "sequenced_book.h"

#include "core/clock.h"
#include "core/result.h"
#include "venues/connector.h"
#include "venues/net/http_client.h"
#include "venues/net/json_value.h"
#include "venues/net/rate_limiter.h"
#include "venues/net/ws_session.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace hoga {

// A REST call as a protocol bundle builds it: the request without authentication, and whether it is a
// private (account) call the core must authenticate.
struct ApiCall {
    net::HttpRequest request;
    bool isPrivate = false;
};

// What one stream frame was. Pointers refer to the decoder's own storage and stay valid until its next
// decode().
struct StreamEvent {
    enum class Kind { None, Ticker, Trade, Book, BookDiff, Order, Balances, Error };
    Kind kind = Kind::None;
    const Ticker* ticker = nullptr; // Ticker; with Trade: the ticker the trade frame also carries, if any
    const Trade* trade = nullptr;
    const OrderBook* book = nullptr;      // Book: the whole book of its market after this frame
    const hoga::BookDiff* diff = nullptr; // BookDiff: one sequenced update
    const Order* order = nullptr;         // Order: the order after the event ...
    const Fill* fill = nullptr;           // ... and the fill it carried, if any
    const QVector<Balance>* balances = nullptr;
    VenueError error; // Error
};

// Turns a venue's stream frames into StreamEvents. Venues that send whole books keep them here (the
// decoder can then reuse what did not change between frames).
class VenueStreamDecoder {
public:
    virtual ~VenueStreamDecoder() = default;
    virtual StreamEvent decode(QByteArrayView frame) = 0;
    // The frame's next event when one frame carries several records (KIS); Kind::None when there is none.
    // Called after decode() until it says None; the pointers of decode()'s event are then no longer valid.
    virtual StreamEvent next() { return {}; }
    // Whole-book venues: replace the book of `market` with a REST snapshot (after a reconnect); returns it.
    virtual const OrderBook& replaceBook(const QString& market, const OrderBook& book) = 0;
    virtual void removeBook(const QString& market) = 0;
};

// How a venue's stream keeps order books.
enum class BookSyncMode {
    WholeBooks,     // every book frame is the whole book (Upbit, Bithumb); re-seeded from REST on reconnect
    SequencedDiffs, // a REST snapshot plus numbered diffs, resynchronised on a gap (Binance)
};

// Everything that differs from one venue to the next, and nothing else: identity and tables (capabilities,
// endpoints, rate-limit pools, error table, keep-alive), the authenticator, request builders, pure response
// parsers and the stream protocol. VenueConnector (venue_connector.h) runs the flows every venue shares on
// top of it. A bundle is used on the connector's thread only.
class VenueProtocol {
public:
    virtual ~VenueProtocol() = default;

    // ---- Identity and tables
    virtual QString venueId() const = 0;
    virtual QString displayName() const = 0; // translated
    virtual VenueCapabilities capabilities() const = 0;
    virtual VenueEndpoints defaultEndpoints() const = 0;
    virtual CredentialSchema credentialSchema() const { return keyPairSchema(); }
    virtual net::RateLimitConfig rateLimits() const = 0;
    // The venue's usage headers as pool counts (null list: none).
    virtual QList<net::PoolUsage> usageOf(const net::HttpResponse& response) const;
    virtual net::KeepAlive keepAlive() const { return {}; }
    // Streams are reconnected before they are this old (the venue cuts older connections); 0 = no limit.
    virtual qint64 streamMaxAgeMs() const { return 0; }
    virtual net::RateCosts streamConnectCosts() const { return {}; }
    virtual BookSyncMode bookSyncMode() const { return BookSyncMode::WholeBooks; }
    // Null when `credentials` cannot authenticate (then the connector offers market data only).
    virtual std::shared_ptr<net::Authenticator> makeAuthenticator(const Credentials& credentials,
                                                                  const Clock& clock) const = 0;

    // ---- Errors
    virtual VenueError errorOf(const net::HttpResponse& response, qint64 nowMs) const = 0;
    // A refused order: the error may name what the market's rules allow (`market` null when unknown).
    virtual VenueError orderErrorOf(const net::HttpResponse& response, const OrderRequest&, const Market*,
                                    qint64 nowMs) const {
        return errorOf(response, nowMs);
    }
    // A failed order request whose order may nevertheless exist at the venue, so it must be looked up:
    // no answer, a server failure, or a venue code that says the request may have been taken (a re-used
    // nonce). Default: timeout, network error, 5xx.
    virtual bool mayHaveTakenOrder(const net::HttpResponse& failed) const;
    // A 2xx answer whose body reports a failure (KIS: rt_cd != "0"): the connector treats it as refused.
    virtual bool isFailedAnswer(const net::HttpResponse&) const { return false; }
    // The venue said the request's token expired: the connector invalidates it and sends the request once
    // more with a new one (the request was not processed, so an order too is safe to send again).
    virtual bool isExpiredToken(const net::HttpResponse&) const { return false; }
    // Refuses an order before it is sent (KIS: outside the session hours); nullopt sends it.
    virtual std::optional<VenueError> refuseOrder(const OrderRequest&, qint64) const { return std::nullopt; }

    // ---- Markets and their trading rules
    virtual ApiCall marketsCall() const = 0;
    // Venues without a market list endpoint (KIS): the list, without calling marketsCall().
    virtual std::optional<QVector<Market>> builtInMarkets() const { return std::nullopt; }
    // A market the venue accepts though the list does not name it (any 6-digit KIS code); nullopt: none.
    virtual std::optional<Market> unlistedMarket(const QString&) const { return std::nullopt; }
    virtual Result<QVector<Market>> parseMarkets(const net::JsonValue& root) const = 0;
    // Limits the market list announces (Binance exchangeInfo rateLimits); they replace the venue's pools of
    // the same names in its rate limiter. Empty: none.
    virtual QList<net::RateLimitGroup> announcedRateLimits(const net::JsonValue&) const { return {}; }
    // Calls that refine the markets' rules (tick tables, ...), sent one after another after the market
    // list; each answer goes to absorbRuleAnswer(), failures are skipped (the tables are the fallback).
    virtual QList<ApiCall> ruleCalls(const QVector<Market>&) const { return {}; }
    virtual void absorbRuleAnswer(const ApiCall&, const net::JsonValue&) {}
    virtual TradingRules rulesFor(const Market& market) const = 0;
    // A per-market rules source (Upbit's orders/chance: fees, minimum total), read before trading a market.
    virtual std::optional<ApiCall> marketRulesCall(const QString&) const { return std::nullopt; }
    virtual void absorbMarketRules(const QString&, const net::JsonValue&) {}
    // Last traded prices (tick bands depend on the price).
    virtual void notePrice(const QString&, const Decimal&) {}

    // ---- Market data (parsers are pure)
    virtual ApiCall tickersCall(const QStringList& markets) const = 0;
    // Markets one tickersCall() can price (KIS: 1); 0 = any number. The core sends one call per chunk.
    virtual int tickersPerCall() const { return 0; }
    virtual Result<QVector<Ticker>> parseTickers(const net::JsonValue& root) const = 0;
    virtual ApiCall orderBookCall(const QString& market, int depth) const = 0;
    // The book of `market` in the answer (its sequence() set where the venue numbers updates).
    virtual Result<OrderBook> parseOrderBook(const net::JsonValue& root, const QString& market) const = 0;
    // One page of at most `count` candles that open before `toMs` (0 = now).
    virtual ApiCall candlesCall(const CandleQuery& query, qint64 toMs, int count) const = 0;
    // One page of at most `count` candles that open at or after `fromMs` (and before query.toMs when set),
    // oldest first; nullopt when the venue cannot page forward (then candles are paged backward).
    virtual std::optional<ApiCall> candlesFromCall(const CandleQuery&, qint64, int) const {
        return std::nullopt;
    }
    virtual Result<QVector<Candle>> parseCandles(const net::JsonValue& root,
                                                 const CandleQuery& query) const = 0;
    virtual ApiCall tradesCall(const QString& market, int count) const = 0;
    // Trades without a market (answers that do not name it) get the market that was asked for.
    virtual Result<QVector<Trade>> parseTrades(const net::JsonValue& root) const = 0;

    // ---- Account
    virtual ApiCall balancesCall() const = 0;
    virtual Result<QVector<Balance>> parseBalances(const net::JsonValue& root) const = 0;
    // `request.clientId` is set. The core marks the call non-idempotent and puts it in the priority lane.
    virtual ApiCall createOrderCall(const OrderRequest& request) const = 0;
    // The order in a create answer; may be partial (the core completes it from the request).
    virtual Result<Order> parseCreatedOrder(const net::JsonValue& root) const = 0;
    virtual ApiCall orderCall(const OrderRef& ref) const = 0;
    virtual Result<Order> parseOrder(const net::JsonValue& root) const = 0;
    // The answer to orderCall(asked): venues whose lookup may answer with a list (Binance without the
    // order's symbol) pick the order asked for. Default: parseOrder().
    virtual Result<Order> parseOrderFor(const net::JsonValue& root, const OrderRef&) const {
        return parseOrder(root);
    }
    // Fills an order answer carries (venues without an own-trades list).
    virtual QVector<Fill> parseOrderFills(const net::JsonValue&, const Order&) const { return {}; }
    virtual ApiCall openOrdersCall(const QString& market) const = 0;
    virtual ApiCall closedOrdersCall(const QString& market, int limit) const = 0;
    virtual Result<QVector<Order>> parseOrders(const net::JsonValue& root) const = 0;
    virtual ApiCall cancelCall(const OrderRef& ref) const = 0;
    // The cancel needs what only the order tells (KIS: its branch number): the connector reads orderCall()
    // through parseOrder() first.
    virtual bool readsOrderBeforeCancel(const OrderRef&) const { return false; }
    // The order after the cancel, or a reference to look it up by (short acknowledgements).
    virtual std::variant<Order, OrderRef> parseCancel(const net::JsonValue& root,
                                                      const OrderRef& asked) const = 0;
    // capabilities().modifyOrders venues. `original` is the order as the venue listed it just before.
    // refuseModification: a modification the venue would refuse, caught before sending (nullopt sends it).
    virtual std::optional<VenueError> refuseModification(const Order&, const OrderModification&) const {
        return std::nullopt;
    }
    virtual ApiCall modifyCall(const Order&, const OrderModification&) const { return {}; }
    // The new order in a modify answer; may be partial (the core completes it from the original and the
    // change). Default: parseCreatedOrder().
    virtual Result<Order> parseModified(const net::JsonValue& root) const { return parseCreatedOrder(root); }
    // capabilities().ownTradesList venues: the account's own trades.
    virtual std::optional<ApiCall> ownTradesCall(const QString&, int) const { return std::nullopt; }
    virtual Result<QVector<Fill>> parseOwnTrades(const net::JsonValue&) const { return QVector<Fill>(); }

    // ---- Paged listings (balances, open and closed orders)
    // The call for the page after `previous`, whose answer was `response` / `root`; nullopt after the last
    // page (KIS: response header tr_cont F or M means more; resend with tr_cont N and the CTX_AREA keys).
    virtual std::optional<ApiCall> nextPageCall(const ApiCall& previous, const net::HttpResponse& response,
                                                const net::JsonValue& root) const {
        (void)previous;
        (void)response;
        (void)root;
        return std::nullopt;
    }

    // ---- Streams
    virtual QUrl publicStreamUrl(const VenueEndpoints& endpoints) const;
    virtual QUrl privateStreamUrl(const VenueEndpoints& endpoints) const;
    // The messages that subscribe exactly `subscribed` (market -> channels), sent after every connect.
    virtual QList<QByteArray> publicSubscriptions(const QHash<QString, unsigned>& subscribed) const = 0;
    virtual QList<QByteArray> privateSubscriptions() const = 0;
    // The private subscription frames carry a timestamp and signature (Binance's WebSocket API): the core
    // builds them afresh before every connect instead of re-sending the first ones.
    virtual bool privateSubscriptionsExpire() const { return false; }
    // Venues that allow one stream session per key (KIS refuses a second one on the same app key): the
    // account's subscriptions ride the market stream and the core never opens the private one.
    virtual bool accountSharesMarketStream() const { return false; }
    // That one session's frames: the account's (when `account`) and the markets' within the venue's
    // per-session limit. `leftOut` gets what the limit left out, as text for the user.
    virtual QList<QByteArray> sharedSubscriptions(const QHash<QString, unsigned>& subscribed, bool account,
                                                  QStringList* leftOut) const {
        (void)leftOut;
        QList<QByteArray> frames = account ? privateSubscriptions() : QList<QByteArray>();
        if (!subscribed.isEmpty())
            frames += publicSubscriptions(subscribed);
        return frames;
    }
    virtual std::unique_ptr<VenueStreamDecoder> makeStreamDecoder() const = 0;
    // Streams that need something asynchronous before every connect (KIS: the approval key its subscribe
    // frames carry). prepareStreams() runs before each (re)connect of either stream; after it succeeds the
    // core builds the subscription frames afresh. `auth` is null without credentials.
    virtual bool preparesStreams() const { return false; }
    virtual void prepareStreams(net::Authenticator* auth,
                                std::function<void(std::optional<QString> failure)> done) {
        (void)auth;
        done(std::nullopt);
    }
    // Frames that end subscriptions (KIS tr_type 2), sent on the open connection when channels go: `before`
    // and `after` are market -> channel bits. Venues that resubscribe the whole set need none.
    virtual QList<QByteArray> publicReleases(const QHash<QString, unsigned>& before,
                                             const QHash<QString, unsigned>& after) const {
        (void)before;
        (void)after;
        return {};
    }
};

} // namespace hoga
