#include "sim_connector.h"

#include "sim_exchange.h"
#include "sim_paper_file.h"

#include "venues/core/async_call.h"
#include "venues/core/subscription_set.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPromise>
#include <QTimer>
#include <QUuid>

namespace hoga {

namespace {

// Runs `work` on the connector's thread (always queued, so calls keep their order even from that thread)
// and completes the returned future there. A cancelled future skips the work.
template <class T, class Work> QFuture<Result<T>> post(QObject* connector, Work work) {
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        connector,
        [promise, work = std::move(work)]() mutable {
            if (!promise->isCanceled())
                promise->addResult(work());
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace

struct SimConnector::Impl {
    SimConnector* q;
    SimConfig config;
    SimExchange exchange;
    SubscriptionSet subscriptions;
    bool accountSubscribed = false;
    bool started = false;
    quint64 steps = 0; // market steps run so far

    void report(SimAccountCall call) {
        if (!config.onAccountCall)
            return;
        call.step = steps;
        config.onAccountCall(call);
    }

    std::optional<SimPaperFile> paperFile;
    QString paperProblem; // told the user once the connector runs

    Impl(SimConnector* owner, const SimConfig& c)
        : q(owner)
        , config(c)
        , exchange(c) {
        if (!config.paperStatePath.isEmpty())
            restorePaper();
    }

    void restorePaper() {
        paperFile.emplace(config.paperStatePath);
        SimPaperState state;
        if (std::optional<QString> problem = paperFile->load(&state)) {
            // Kept aside, never overwritten: the user may want it back. Trading goes on with a new account.
            const QString aside = config.paperStatePath + QStringLiteral(".damaged-") +
                                  QString::number(QDateTime::currentMSecsSinceEpoch());
            QFile::rename(config.paperStatePath, aside);
            paperProblem = *problem + QLatin1Char(' ') +
                           QCoreApplication::translate("hoga::SimConnector",
                                                       "It was kept as %1; the paper account starts anew.")
                               .arg(QDir::toNativeSeparators(aside));
            return;
        }
        if (paperFile->exists())
            exchange.restorePaperState(state);
    }

    void savePaper(const SimEvents& events) {
        if (!paperFile || (events.orders.isEmpty() && events.fills.isEmpty() && events.balances.isEmpty()))
            return;
        if (std::optional<QString> problem = paperFile->save(exchange.paperState())) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = *problem;
            emit q->streamError(e);
        }
    }

    // First call on the connector's own thread: announce the connection and start the market's clock.
    void ensureStarted() {
        if (started)
            return;
        started = true;
        emit q->connectionStateChanged(ConnectionState::Connected);
        if (!paperProblem.isEmpty()) {
            VenueError e;
            e.kind = ErrorKind::Venue;
            e.detail = paperProblem;
            emit q->streamError(e);
        }
        if (config.autoRun) {
            auto* timer = new QTimer(q); // created here, so it lives on the connector's thread
            timer->setTimerType(Qt::PreciseTimer);
            QObject::connect(timer, &QTimer::timeout, q, [this] { runStep(); });
            timer->start(std::max(1, config.stepIntervalMs));
        }
    }

    void runStep() {
        ++steps;
        emitEvents(exchange.step());
    }

    void emitMarket(const QString& code, unsigned channels) {
        if (channels & TickerChannel) {
            const Result<QVector<Ticker>> t = exchange.tickers({code});
            if (t.ok() && !t.value().isEmpty())
                emit q->tickerUpdated(t.value().first());
        }
        if (channels & OrderBookChannel) {
            const Result<OrderBook> book = exchange.orderBook(code, 0);
            if (book.ok())
                emit q->orderBookUpdated(book.value());
        }
    }

    void emitEvents(const SimEvents& events) {
        savePaper(events);
        for (const Trade& t : events.trades)
            if (subscriptions.has(t.market, TradeChannel))
                emit q->tradeReceived(t);
        for (const QString& code : events.markets)
            emitMarket(code, subscriptions.channels(code));
        if (!accountSubscribed)
            return;
        for (const Order& o : events.orders)
            emit q->orderUpdated(o);
        for (const Fill& f : events.fills)
            emit q->fillReceived(f);
        for (const Balance& b : events.balances)
            emit q->balanceUpdated(b);
    }

    template <class T, class Call> QFuture<Result<T>> run(Call call) {
        return post<T>(q, [this, call = std::move(call)]() mutable {
            ensureStarted();
            return call();
        });
    }
};

SimConnector::SimConnector(SimConfig config, QObject* parent)
    : Connector(parent)
    , d(std::make_unique<Impl>(this, config)) {
    // Queued: runs once the connector is on its own thread (posted events move with moveToThread).
    QMetaObject::invokeMethod(
        this, [this] { d->ensureStarted(); }, Qt::QueuedConnection);
}

SimConnector::~SimConnector() = default;

QString SimConnector::displayName() const {
    return tr("Simulated market");
}

ConnectionState SimConnector::connectionState() const {
    return ConnectionState::Connected;
}

VenueCapabilities SimConnector::capabilities() const {
    return SimExchange::capabilities();
}

QFuture<Result<QVector<Market>>> SimConnector::fetchMarkets() {
    return d->run<QVector<Market>>([this] { return Result<QVector<Market>>(d->exchange.markets()); });
}

QFuture<Result<Market>> SimConnector::fetchMarketRules(const QString& market) {
    return d->run<Market>([this, market] {
        for (const Market& m : d->exchange.markets())
            if (m.code == market)
                return Result<Market>(m);
        VenueError e;
        e.kind = ErrorKind::NotFound;
        e.detail = tr("The simulated venue has no market %1.").arg(market);
        return Result<Market>(e);
    });
}

QFuture<Result<QVector<Ticker>>> SimConnector::fetchTickers(const QStringList& markets) {
    return d->run<QVector<Ticker>>([this, markets] { return d->exchange.tickers(markets); });
}

QFuture<Result<OrderBook>> SimConnector::fetchOrderBook(const QString& market, int depth) {
    return d->run<OrderBook>([this, market, depth] { return d->exchange.orderBook(market, depth); });
}

QFuture<Result<QVector<Candle>>> SimConnector::fetchCandles(const CandleQuery& query) {
    return d->run<QVector<Candle>>([this, query] { return d->exchange.candles(query); });
}

QFuture<Result<QVector<Trade>>> SimConnector::fetchTrades(const QString& market, int count) {
    return d->run<QVector<Trade>>([this, market, count] { return d->exchange.recentTrades(market, count); });
}

QFuture<Result<QVector<Balance>>> SimConnector::fetchBalances() {
    return d->run<QVector<Balance>>([this] { return Result<QVector<Balance>>(d->exchange.balances()); });
}

QFuture<OrderPlacement> SimConnector::createOrder(const OrderRequest& asked) {
    OrderRequest request = asked;
    if (request.clientId.isEmpty())
        request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The simulator answers every request: an order is placed or definitely refused, never unknown.
    return startOn<OrderPlacement>(this, [this, request](PromisePtr<OrderPlacement> promise) {
        d->ensureStarted();
        SimEvents events;
        const Result<Order> result = d->exchange.createOrder(request, &events);
        if (result.ok())
            d->report(SimAccountCall{SimAccountCall::Op::Create, 0, request, {}, result.value()});
        d->emitEvents(events);
        resolve(promise, result.ok() ? OrderPlacement::placed(result.value())
                                     : OrderPlacement::rejected(result.error(), request.clientId));
    });
}

QFuture<Result<Order>> SimConnector::fetchOrder(const OrderRef& ref) {
    return d->run<Order>([this, ref] { return d->exchange.order(ref); });
}

QFuture<Result<QVector<Order>>> SimConnector::fetchOpenOrders(const QString& market) {
    return d->run<QVector<Order>>([this, market] { return d->exchange.openOrders(market); });
}

QFuture<Result<QVector<Order>>> SimConnector::fetchClosedOrders(const QString& market, int limit) {
    return d->run<QVector<Order>>([this, market, limit] { return d->exchange.closedOrders(market, limit); });
}

QFuture<Result<Order>> SimConnector::cancelOrder(const OrderRef& ref) {
    return d->run<Order>([this, ref] {
        SimEvents events;
        Result<Order> result = d->exchange.cancelOrder(ref, &events);
        if (result.ok())
            d->report(SimAccountCall{SimAccountCall::Op::Cancel, 0, {}, ref, result.value()});
        d->emitEvents(events);
        return result;
    });
}

QFuture<Result<QVector<Fill>>> SimConnector::fetchFills(const QString& market, int limit) {
    return d->run<QVector<Fill>>([this, market, limit] { return d->exchange.fills(market, limit); });
}

void SimConnector::subscribeMarketData(const QStringList& markets, unsigned channels) {
    QMetaObject::invokeMethod(
        this,
        [this, markets, channels] {
            d->ensureStarted();
            for (const QString& code : markets) {
                if (!d->exchange.hasMarket(code)) {
                    VenueError e;
                    e.kind = ErrorKind::NotFound;
                    e.venueCode = QStringLiteral("market_does_not_exist");
                    e.detail = tr("The simulated venue has no market %1.").arg(code);
                    emit streamError(e);
                    continue;
                }
                const unsigned before = d->subscriptions.channels(code);
                d->subscriptions.add({code}, channels);
                // Like a venue's stream, a new subscription starts with a snapshot.
                d->emitMarket(code, d->subscriptions.channels(code) & ~before);
            }
        },
        Qt::QueuedConnection);
}

void SimConnector::unsubscribeMarketData(const QStringList& markets, unsigned channels) {
    QMetaObject::invokeMethod(
        this, [this, markets, channels] { d->subscriptions.remove(markets, channels); },
        Qt::QueuedConnection);
}

void SimConnector::subscribeAccount() {
    QMetaObject::invokeMethod(
        this,
        [this] {
            d->ensureStarted();
            d->accountSubscribed = true;
        },
        Qt::QueuedConnection);
}

void SimConnector::step() {
    QMetaObject::invokeMethod(
        this,
        [this] {
            d->ensureStarted();
            d->runStep();
        },
        Qt::QueuedConnection);
}

} // namespace hoga
