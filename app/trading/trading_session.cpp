#include "trading_session.h"

#include "marketdata/market_data_hub.h"
#include "marketdata/when_finished.h"
#include "trading/order_entry.h"
#include "venues/core/order_cache.h"

#include <QUuid>

#include <algorithm>

// Orders go through OrderEntry (validation against fresh rules, then one send). The connector core looks an
// order whose answer was lost up once by its client id; what is still unknown after that is kept as such
// here, told to the user, and resolved by the next refresh() when the order shows up. Nothing is re-sent.

namespace hoga {

namespace {

QString orderKey(const Order& order) {
    return order.id.isEmpty() ? QStringLiteral("client:") + order.clientId : order.id;
}

QString fillKey(const Fill& fill) {
    if (!fill.tradeId.isEmpty())
        return fill.orderId + QLatin1Char('\n') + fill.tradeId;
    // Without a trade id, a fill is identified by everything that describes it.
    return fill.orderId + QLatin1Char('\n') + QString::number(fill.timestampMs) + QLatin1Char('\n') +
           fill.price.toString() + QLatin1Char('\n') + fill.qty.toString();
}

bool newestFirst(const Order& a, const Order& b) {
    if (a.createdAtMs != b.createdAtMs)
        return a.createdAtMs > b.createdAtMs;
    return a.id > b.id;
}

} // namespace

TradingSession::TradingSession(Connector* connector, MarketDataHub* hub, QObject* parent)
    : QObject(parent)
    , m_connector(connector)
    , m_hub(hub) {}

void TradingSession::start() {
    if (m_started || !m_connector)
        return;
    m_started = true;
    // Queued: the stream runs on the connector's thread; state is only touched on this one, in the same
    // order as the answers to our requests (which also arrive through this thread's event loop).
    connect(m_connector, &Connector::orderUpdated, this, &TradingSession::onOrderStream,
            Qt::QueuedConnection);
    connect(m_connector, &Connector::fillReceived, this, &TradingSession::onFillStream, Qt::QueuedConnection);
    connect(m_connector, &Connector::balanceUpdated, this, &TradingSession::setBalance, Qt::QueuedConnection);
    refresh();
    m_connector->subscribeAccount();
}

void TradingSession::refresh() {
    if (!m_connector)
        return;
    fetchBalances();
    fetchOpenOrders();
    fetchClosedOrders();
    fetchFills();
}

void TradingSession::fetchBalances() {
    if (!m_connector)
        return;
    whenFinished(m_connector->fetchBalances(), this, [this](const Result<QVector<Balance>>& result) {
        if (!result) {
            reportError(result.error());
            return;
        }
        m_balances.clear();
        for (const Balance& b : result.value())
            m_balances.insert(b.currency, b);
        emit balancesChanged();
    });
}

void TradingSession::fetchOpenOrders() {
    if (!m_connector)
        return;
    whenFinished(m_connector->fetchOpenOrders(), this, [this](const Result<QVector<Order>>& result) {
        if (!result) {
            reportError(result.error());
            return;
        }
        QSet<QString> stillOpen;
        for (const Order& o : result.value()) {
            storeOrder(o);
            stillOpen.insert(orderKey(o));
        }
        // Orders we think are open but the venue no longer lists ended while we were not looking (e.g.
        // during a disconnect): ask for their final state.
        for (const Order& o : std::as_const(m_orders)) {
            if (o.isOpen() && !o.id.isEmpty() && !stillOpen.contains(o.id))
                refetchOrder(o.id);
        }
        resolvePendingFrom(result.value());
        emit ordersChanged();
    });
}

void TradingSession::fetchClosedOrders() {
    if (!m_connector)
        return;
    whenFinished(m_connector->fetchClosedOrders(), this, [this](const Result<QVector<Order>>& result) {
        if (!result) {
            reportError(result.error());
            return;
        }
        for (const Order& o : result.value())
            storeOrder(o);
        resolvePendingFrom(result.value());
        emit ordersChanged();
    });
}

void TradingSession::fetchFills() {
    if (!m_connector)
        return;
    whenFinished(m_connector->fetchFills(), this, [this](const Result<QVector<Fill>>& result) {
        if (!result) {
            reportError(result.error());
            return;
        }
        bool added = false;
        for (const Fill& f : result.value())
            added |= addFill(f);
        if (added)
            emit fillsChanged();
    });
}

QVector<Balance> TradingSession::balances() const {
    QVector<Balance> list = m_balances.values();
    std::sort(list.begin(), list.end(),
              [](const Balance& a, const Balance& b) { return a.currency < b.currency; });
    return list;
}

std::optional<Balance> TradingSession::balance(const QString& currency) const {
    const auto it = m_balances.constFind(currency);
    if (it == m_balances.cend())
        return std::nullopt;
    return *it;
}

QVector<Order> TradingSession::openOrders() const {
    QVector<Order> list;
    for (const Order& o : m_orders) {
        if (o.isOpen())
            list.append(o);
    }
    std::sort(list.begin(), list.end(), newestFirst);
    return list;
}

QVector<Order> TradingSession::orderHistory() const {
    QVector<Order> list;
    for (const Order& o : m_orders) {
        if (!o.isOpen())
            list.append(o);
    }
    std::sort(list.begin(), list.end(), newestFirst);
    return list;
}

QVector<Fill> TradingSession::fills() const {
    return m_fills;
}

OrderContext TradingSession::contextFor(const OrderRequest& request) const {
    OrderContext context;
    context.balances = balances();
    context.nowMs = m_clock->nowMs();
    // A market order's cost is estimated at the price it would take first: the best ask for a buy, the best
    // bid for a sell.
    if (executesImmediately(request.type) && m_hub) {
        if (const auto book = m_hub->orderBook(request.market)) {
            const auto level = request.side == Side::Buy ? book->bestAsk() : book->bestBid();
            if (level)
                context.referencePrice = level->price;
        }
    }
    return context;
}

ValidationResult TradingSession::validate(const OrderRequest& request) const {
    // Without rules for the market (unknown, or not loaded yet) the validator explains that itself.
    const Market market = (m_hub ? m_hub->market(request.market) : std::nullopt).value_or(Market());
    const VenueCapabilities capabilities =
        m_connector ? m_connector->capabilities() : VenueCapabilities::anyVenue();
    return OrderEntry::check(request, market, capabilities, contextFor(request));
}

QString TradingSession::submit(OrderRequest request) {
    // Checked here first so the form hears at once; OrderEntry checks again against the venue's fresh rules.
    const ValidationResult validation = validate(request);
    if (!validation.ok()) {
        emit orderRejected(request.clientId, validation.summary());
        return {};
    }
    if (!m_connector) {
        VenueError error{ErrorKind::Network, {}, {}, tr("The venue connection is closed."), 0};
        emit orderRejected(request.clientId, error.userMessage());
        return {};
    }
    if (request.clientId.isEmpty())
        request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString clientId = request.clientId;
    m_pendingClientIds.insert(clientId, request.market);
    if (m_router) {
        m_router(request);
        return clientId;
    }
    const QFuture<OrderPlacement> placed = OrderEntry::place(
        m_connector, request, this, [this, request](const Market&) { return contextFor(request); });
    auto* watcher = new QFutureWatcher<OrderPlacement>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, clientId] {
        const QFuture<OrderPlacement> f = watcher->future();
        watcher->deleteLater();
        onCreateAnswered(clientId, f.resultCount() > 0 ? f.result() : OrderPlacement());
    });
    watcher->setFuture(placed);
    return clientId;
}

void TradingSession::onCreateAnswered(const QString& clientId, const OrderPlacement& placement) {
    switch (placement.outcome()) {
    case OrderPlacement::Outcome::Placed:
        accept(clientId, placement.value());
        return;
    case OrderPlacement::Outcome::Rejected:
        reportFailed(clientId, placement.error());
        return;
    case OrderPlacement::Outcome::Unknown: {
        // Neither placed nor failed as far as we can tell: say so, and let the next refresh find it.
        m_unknownClientIds.insert(clientId);
        VenueError unknown = placement.error();
        if (unknown.detail.isEmpty())
            unknown.detail = tr("It is not known whether the order was placed. Check the open orders before "
                                "placing it again.");
        emit orderRejected(clientId, unknown.userMessage());
        emit errorOccurred(unknown);
        return;
    }
    }
}

void TradingSession::accept(const QString& clientId, const Order& order) {
    m_pendingClientIds.remove(clientId);
    m_unknownClientIds.remove(clientId);
    Order placed = order;
    if (placed.clientId.isEmpty())
        placed.clientId = clientId;
    upsertOrder(placed);
    emit orderAccepted(placed);
    fetchBalances(); // the order locks funds
}

void TradingSession::routedOrderPlaced(const Order& order) {
    if (m_pendingClientIds.contains(order.clientId))
        accept(order.clientId, order);
}

void TradingSession::routedOrderFailed(const QString& clientId, const QString& message) {
    if (!m_pendingClientIds.contains(clientId))
        return;
    m_pendingClientIds.remove(clientId);
    emit orderRejected(clientId, message);
}

void TradingSession::reportFailed(const QString& clientId, const VenueError& error) {
    m_pendingClientIds.remove(clientId);
    m_unknownClientIds.remove(clientId);
    emit orderRejected(clientId, error.userMessage());
    emit errorOccurred(error);
}

void TradingSession::resolvePendingFrom(const QVector<Order>& orders) {
    for (const Order& o : orders) {
        if (!o.clientId.isEmpty() && m_unknownClientIds.contains(o.clientId)) {
            m_unknownClientIds.remove(o.clientId);
            m_pendingClientIds.remove(o.clientId);
            emit orderAccepted(m_orders.value(orderKey(o), o));
        }
    }
}

void TradingSession::cancel(const QString& orderId) {
    if (orderId.isEmpty())
        return;
    if (m_cancelRouter) {
        m_cancelRouter(orderId);
        return;
    }
    cancelAtVenue(orderId);
}

void TradingSession::routedCancelAnswered(const Order& order) {
    upsertOrder(order);
}

void TradingSession::routedCancelFailed(const QString& orderId, const VenueError& error) {
    reportError(error);
    refetchOrder(orderId); // it may have filled or been cancelled meanwhile
}

void TradingSession::cancelAtVenue(const QString& orderId) {
    if (!m_connector || orderId.isEmpty())
        return;
    whenFinished(m_connector->cancelOrder(OrderRef{orderId, {}}), this,
                 [this, orderId](const Result<Order>& result) {
                     if (result) {
                         upsertOrder(result.value());
                         return;
                     }
                     reportError(result.error());
                     refetchOrder(orderId); // it may have filled or been cancelled meanwhile
                 });
}

void TradingSession::onOrderStream(const Order& order) {
    upsertOrder(order);
}

void TradingSession::onFillStream(const Fill& fill) {
    if (addFill(fill))
        emit fillsChanged();
    // The order's new state comes with orderUpdated; only an order we have never seen is fetched.
    if (!fill.orderId.isEmpty() && !m_orders.contains(fill.orderId))
        refetchOrder(fill.orderId);
}

void TradingSession::reportError(const VenueError& error) {
    // A request cancelled because its connector went away is no news to the user.
    if (error.kind != ErrorKind::Cancelled)
        emit errorOccurred(error);
}

void TradingSession::refetchOrder(const QString& orderId) {
    if (!m_connector)
        return;
    whenFinished(m_connector->fetchOrder(OrderRef{orderId, {}}), this, [this](const Result<Order>& result) {
        if (result)
            upsertOrder(result.value());
    });
}

bool TradingSession::storeOrder(const Order& order) {
    // Streams and REST answers arrive out of order: the connector core's merge rule decides.
    const QString key = orderKey(order);
    const auto it = m_orders.find(key);
    if (it == m_orders.end()) {
        m_orders.insert(key, order);
        return true;
    }
    const std::optional<Order> merged = OrderCache::merged(*it, order);
    if (!merged)
        return false;
    *it = *merged;
    return true;
}

void TradingSession::upsertOrder(const Order& order) {
    if (storeOrder(order))
        emit ordersChanged();
}

bool TradingSession::addFill(const Fill& fill) {
    const QString key = fillKey(fill);
    if (m_fillKeys.contains(key))
        return false;
    m_fillKeys.insert(key);
    // Newest first; equal times keep arrival order.
    const auto pos = std::upper_bound(m_fills.begin(), m_fills.end(), fill, [](const Fill& a, const Fill& b) {
        return a.timestampMs > b.timestampMs;
    });
    m_fills.insert(pos, fill);
    return true;
}

void TradingSession::setBalance(const Balance& balance) {
    m_balances.insert(balance.currency, balance);
    emit balancesChanged();
}

} // namespace hoga
