#pragma once

// The connector conformance suite: one set of tests, written only against `hoga::Connector`, that every
// connector must pass (the simulator; Upbit and Bithumb against loopback fake servers).
//
// Use it from a suite's main():
//
//     hoga::test::ConformanceTarget target;
//     target.name = "sim";
//     target.markets = {"KRW-BTC", "KRW-ETH", "BTCUSDT"};
//     target.tradeMarket = "KRW-BTC";
//     target.create = [] {
//         hoga::test::ConformanceInstance instance;
//         auto* sim = new hoga::SimConnector(config);
//         instance.host = std::make_unique<hoga::ConnectorHost>(std::unique_ptr<hoga::Connector>(sim));
//         instance.drive = [sim] { sim->step(); };
//         return instance;
//     };
//     return hoga::test::runConformance(target, argc, argv);
//
// Every test function gets a fresh instance from `create` and destroys it afterwards (host first, then
// `context`), so a fake server can be reset per test by creating it inside `create`.

#include "conformance/stream_recorder.h"
#include "core/decimal.h"
#include "venues/connector.h"
#include "venues/connector_host.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QSignalSpy>
#include <QStringList>

#include <functional>
#include <memory>

namespace hoga::test {

// What a connector under test can do; tests for missing capabilities are skipped.
struct ConformanceCapabilities {
    bool trading = true;            // private REST calls: balances, orders, fills
    bool marketOrders = true;       // market buy by total and market sell by quantity
    bool immediateFills = true;     // a marketable limit order fills at once (the venue or fake matches it)
    bool marketStreams = true;      // ticker, trade and order book streams
    bool accountStream = true;      // own order, fill and balance streams
    bool contiguousCandles = false; // quiet buckets are returned (flat) rather than left out
    QVector<CandleInterval> candleIntervals = {CandleInterval::M1, CandleInterval::D1};
    int minBookLevels = 15; // levels per side a full book has at least
    int maxBookDepth = 30;  // the largest depth fetchOrderBook honours
};

// One live connector for one test function.
struct ConformanceInstance {
    std::unique_ptr<ConnectorHost> host;
    // Makes the market move and trade once (a sim step, a fake server pushing frames...). Called repeatedly
    // while a test waits for activity; may be empty if the market moves on its own.
    std::function<void()> drive;
    // Optional: whether the venue side has taken the stream subscriptions for `markets` (and for the account
    // when `account`), as a fake server sees them. Venues that subscribe after a REST step (KIS: an approval
    // key first) would otherwise miss what the first drive() pushes; the suite waits for this before driving.
    std::function<bool(const QStringList& markets, bool account)> streamsTaken;
    // Destroyed after the host: fake servers, clocks and anything else the instance needs.
    std::shared_ptr<void> context;
};

struct ConformanceTarget {
    QString name; // for messages
    std::function<ConformanceInstance()> create;
    QStringList markets; // two or more listed markets, for multi-market calls
    QString tradeMarket; // market used by the order tests
    QString unknownMarket = QStringLiteral("KRW-NOSUCHCOIN");
    ConformanceCapabilities caps;
    int timeoutMs = 5000;     // per call or per awaited signal
    int maxDriveRounds = 200; // how often to drive while waiting for activity
};

// Waits (event loop running, no sleeping) for a connector future. A timeout or a cancelled future becomes a
// Network / Cancelled error, so callers can QVERIFY2(r.ok(), ...) with a readable message.
template <class T> Result<T> await(const QFuture<Result<T>>& future, int timeoutMs = 5000) {
    if (!future.isFinished()) {
        QFutureWatcher<Result<T>> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        if (!future.isFinished() && !finished.wait(timeoutMs) && !future.isFinished()) {
            VenueError e;
            e.kind = ErrorKind::Network;
            e.detail = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
            return e;
        }
    }
    if (future.isCanceled() || future.resultCount() == 0) {
        VenueError e;
        e.kind = ErrorKind::Cancelled;
        e.detail = QStringLiteral("the future was cancelled");
        return e;
    }
    return future.result();
}

// The same for an order request, with its outcome (placed, rejected or unknown).
inline OrderPlacement awaitPlacement(const QFuture<OrderPlacement>& future, int timeoutMs = 5000) {
    if (!future.isFinished()) {
        QFutureWatcher<OrderPlacement> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        if (!future.isFinished() && !finished.wait(timeoutMs) && !future.isFinished())
            return OrderPlacement::unknown(
                VenueError{
                    ErrorKind::Network, {}, {}, QStringLiteral("timed out after %1 ms").arg(timeoutMs), 0},
                {});
    }
    if (future.isCanceled() || future.resultCount() == 0)
        return OrderPlacement::unknown(VenueError{ErrorKind::Cancelled, {}, {}, {}, 0}, {});
    return future.result();
}

// An order request as a Result: placed is the order, anything else its error.
inline Result<Order> await(const QFuture<OrderPlacement>& future, int timeoutMs = 5000) {
    const OrderPlacement p = awaitPlacement(future, timeoutMs);
    if (p.ok())
        return p.value();
    return p.error();
}

// "kind venueCode: detail" for failure messages.
QString describe(const VenueError& error);

class ConnectorConformance : public QObject {
    Q_OBJECT
public:
    explicit ConnectorConformance(ConformanceTarget target, QObject* parent = nullptr);
    ~ConnectorConformance() override;

private slots:
    void init();
    void cleanup();

    void identifiesItself();
    void callsCompleteOnTheConnectorThread();
    void listsMarketsWithValidRules();
    void fetchesTickersForSeveralMarkets();
    void orderBookIsSortedUncrossedAndOnTicks();
    void orderBookHonoursDepth();
    void candlesAreOldestFirstAndPageBackward_data();
    void candlesAreOldestFirstAndPageBackward();
    void recentTradesAreNewestFirst();
    void restingLimitOrderLifecycle();
    void marketableLimitOrderFills();
    void marketOrdersFill();
    void marketStreamsDeliverSubscribedMarkets();
    void accountStreamReportsOwnActivity();
    void unknownMarketIsNotFound();
    void offTickPriceIsInvalidOrder();
    void oversizedOrderIsInsufficientFunds();
    void cancellingUnknownOrderIsNotFound();

private:
    Connector* connector() const;
    void drive();
    // Runs the event loop until the instance's streamsTaken says yes (at once without one); false on timeout.
    bool waitForStreams(const QStringList& markets, bool account);
    // Market metadata of `code` (fails the test if missing).
    Market market(const QString& code);
    OrderBook book(const QString& code, int depth);
    // A small valid quantity worth about `multipleOfMin` x the market's minimum total at `price`.
    Decimal smallQty(const Market& m, const Decimal& price, int multipleOfMin = 2) const;
    Decimal freeOf(const QString& currency);

    ConformanceTarget m_target;
    ConformanceInstance m_instance;
};

// Runs the suite for `target` (QTest::qExec); returns its exit code.
int runConformance(const ConformanceTarget& target, int argc, char** argv);

} // namespace hoga::test
