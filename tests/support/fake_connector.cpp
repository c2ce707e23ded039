#include "fake_connector.h"

#include <utility>

namespace hoga::test {

template <class T> QFuture<T> FakeConnector::replyWith(T value) {
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    auto deliver = [promise, value = std::move(value)]() mutable {
        promise->addResult(std::move(value));
        promise->finish();
    };
    if (deferReplies)
        m_deferred.append(std::move(deliver));
    else
        deliver();
    return future;
}

void FakeConnector::releaseDeferred() {
    const auto pending = std::exchange(m_deferred, {});
    for (const auto& deliver : pending)
        deliver();
}

VenueError FakeConnector::error(ErrorKind kind, const QString& code) {
    return VenueError{kind, code, {}, {}, 0};
}

QFuture<Result<QVector<Market>>> FakeConnector::fetchMarkets() {
    ++marketsCalls;
    if (marketsError)
        return reply<QVector<Market>>(*marketsError);
    return reply<QVector<Market>>(markets);
}

QFuture<Result<QVector<Ticker>>> FakeConnector::fetchTickers(const QStringList& codes) {
    tickerRequests << codes;
    if (tickersError)
        return reply<QVector<Ticker>>(*tickersError);
    QVector<Ticker> answer;
    for (const Ticker& t : std::as_const(tickers)) {
        if (codes.contains(t.market))
            answer << t;
    }
    return reply<QVector<Ticker>>(answer);
}

QFuture<Result<OrderBook>> FakeConnector::fetchOrderBook(const QString& market, int) {
    return reply<OrderBook>(OrderBook(venue, market));
}

QFuture<Result<QVector<Candle>>> FakeConnector::fetchCandles(const CandleQuery&) {
    return reply<QVector<Candle>>(QVector<Candle>{});
}

QFuture<Result<QVector<Trade>>> FakeConnector::fetchTrades(const QString&, int) {
    return reply<QVector<Trade>>(QVector<Trade>{});
}

QFuture<Result<QVector<Balance>>> FakeConnector::fetchBalances() {
    ++balancesCalls;
    return reply<QVector<Balance>>(balances);
}

QFuture<Result<Market>> FakeConnector::fetchMarketRules(const QString& code) {
    // Answered at once even with deferReplies: that switch slows the venue's answers to orders.
    for (const QVector<Market>* known : {&markets, &unlistedMarkets})
        for (const Market& m : *known)
            if (m.code == code)
                return QtFuture::makeReadyFuture(Result<Market>(m));
    return QtFuture::makeReadyFuture(Result<Market>(VenueError{ErrorKind::NotFound, {}, {}, {}, 0}));
}

QFuture<OrderPlacement> FakeConnector::createOrder(const OrderRequest& request) {
    createRequests << request;
    if (onCreateOrder)
        return replyWith<OrderPlacement>(onCreateOrder(request));
    Order o;
    o.venue = venue;
    o.id = QStringLiteral("o%1").arg(created.size() + 1);
    o.clientId = request.clientId;
    o.market = request.market;
    o.side = request.side;
    o.type = request.type;
    o.price = request.price;
    o.qty = request.qty;
    o.total = request.total;
    o.state = OrderState::Open;
    o.createdAtMs = o.updatedAtMs = 1'700'000'000'000 + created.size();
    created << o;
    return replyWith<OrderPlacement>(OrderPlacement::placed(o));
}

std::optional<Order> FakeConnector::findOrder(const OrderRef& ref) const {
    for (const auto* list : {&created, &openOrders, &closedOrders}) {
        for (const Order& o : *list) {
            if ((!ref.id.isEmpty() && o.id == ref.id) ||
                (!ref.clientId.isEmpty() && o.clientId == ref.clientId))
                return o;
        }
    }
    return std::nullopt;
}

QFuture<Result<Order>> FakeConnector::fetchOrder(const OrderRef& ref) {
    fetchOrderRefs << ref;
    if (onFetchOrder)
        return reply<Order>(onFetchOrder(ref));
    if (auto o = findOrder(ref))
        return reply<Order>(*o);
    return reply<Order>(error(ErrorKind::NotFound, QStringLiteral("order_not_found")));
}

QFuture<Result<QVector<Order>>> FakeConnector::fetchOpenOrders(const QString&) {
    ++openOrdersCalls;
    return reply<QVector<Order>>(openOrders);
}

QFuture<Result<QVector<Order>>> FakeConnector::fetchClosedOrders(const QString&, int) {
    ++closedOrdersCalls;
    return reply<QVector<Order>>(closedOrders);
}

QFuture<Result<Order>> FakeConnector::cancelOrder(const OrderRef& ref) {
    cancelRefs << ref;
    if (onCancelOrder)
        return reply<Order>(onCancelOrder(ref));
    if (auto o = findOrder(ref)) {
        o->state = OrderState::Cancelled;
        o->updatedAtMs += 1;
        return reply<Order>(*o);
    }
    return reply<Order>(error(ErrorKind::NotFound, QStringLiteral("order_not_found")));
}

QFuture<Result<QVector<Fill>>> FakeConnector::fetchFills(const QString&, int) {
    ++fillsCalls;
    return reply<QVector<Fill>>(fills);
}

void FakeConnector::subscribeMarketData(const QStringList& codes, unsigned channels) {
    for (const QString& m : codes) {
        if (!subscribedMarkets.contains(m))
            subscribedMarkets << m;
    }
    subscribedChannels |= channels;
}

void FakeConnector::unsubscribeMarketData(const QStringList& codes, unsigned) {
    for (const QString& m : codes)
        subscribedMarkets.removeAll(m);
}

} // namespace hoga::test
