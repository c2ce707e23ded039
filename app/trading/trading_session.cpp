#include "trading_session.h"

#include "marketdata/market_data_hub.h"
#include "marketdata/when_finished.h"

#include <QUuid>

#include <algorithm>

// Rule for every order POST: it is never re-sent blindly. A request that failed with a Network error may
// still have reached the venue and created the order, so sending it again could buy twice. Instead the order
// is looked up by its client id (the idempotency key we generated): found means it was placed; NotFound
// means it was not, and only then is it reported as failed. If the lookup itself fails the outcome is
// unknown: the user is told so, and the next refresh() resolves it when the order shows up. A later
// automatic retry must re-use the same client id (venues reject duplicates) and look up first.

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

// True if `incoming` does not describe an older state of the order than `existing`: streams and REST
// answers can arrive out of order, and an order never goes back from terminal or un-fills.
bool isNotOlder(const Order& incoming, const Order& existing) {
    if (isTerminal(existing.state) && !isTerminal(incoming.state))
        return false;
    if (incoming.updatedAtMs > 0 && existing.updatedAtMs > 0 && incoming.updatedAtMs < existing.updatedAtMs)
        return false;
    return incoming.filledQty >= existing.filledQty;
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

ValidationResult TradingSession::validate(const OrderRequest& request) const {
    // Without rules for the market (unknown, or not loaded yet) the validator explains that itself.
    const Market market = (m_hub ? m_hub->market(request.market) : std::nullopt).value_or(Market());
    // A market order's cost is estimated at the price it would take first: the best ask for a buy, the best
    // bid for a sell.
    std::optional<Decimal> referencePrice;
    if (executesImmediately(request.type) && m_hub) {
        if (const auto book = m_hub->orderBook(request.market)) {
            const auto level = request.side == Side::Buy ? book->bestAsk() : book->bestBid();
            if (level)
                referencePrice = level->price;
        }
    }
    return OrderValidator::validate(request, market, balances(), referencePrice);
}

QString TradingSession::submit(OrderRequest request) {
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
    whenFinished(m_connector->createOrder(request), this,
                 [this, clientId](const Result<Order>& result) { onCreateAnswered(clientId, result); });
    return clientId;
}

void TradingSession::onCreateAnswered(const QString& clientId, const Result<Order>& result) {
    if (result)
        accept(clientId, result.value());
    else if (result.error().kind == ErrorKind::Network)
        lookUpAfterNetworkError(clientId, result.error()); // never re-send: see the rule at the top
    else
        reportFailed(clientId, result.error());
}

void TradingSession::lookUpAfterNetworkError(const QString& clientId, const VenueError& sendError) {
    if (!m_connector) {
        reportFailed(clientId, sendError);
        return;
    }
    whenFinished(m_connector->fetchOrder(OrderRef{{}, clientId}), this,
                 [this, clientId, sendError](const Result<Order>& lookup) {
                     if (lookup) {
                         accept(clientId, lookup.value()); // it reached the venue after all
                     } else if (lookup.error().kind == ErrorKind::NotFound) {
                         reportFailed(clientId, sendError);
                     } else {
                         // Neither placed nor failed as far as we can tell: say so, and let the next
                         // refresh find it.
                         m_unknownClientIds.insert(clientId);
                         VenueError unknown = sendError;
                         unknown.detail =
                             tr("It is not known whether the order was placed. Check the open orders "
                                "before placing it again.");
                         emit orderRejected(clientId, unknown.userMessage());
                         emit errorOccurred(unknown);
                     }
                 });
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
    const QString key = orderKey(order);
    const auto it = m_orders.constFind(key);
    if (it != m_orders.cend() && !isNotOlder(order, *it))
        return false;
    m_orders.insert(key, order);
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
