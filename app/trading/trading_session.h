#pragma once

#include "core/clock.h"
#include "core/order_validator.h"
#include "trading/order_entry.h"
#include "venues/connector.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace hoga {

class MarketDataHub;

// One venue account as the user sees it: balances, open orders, order history and own fills. Seeds itself
// from REST, follows the private stream, and places and cancels orders after validating them. All venue
// work is asynchronous; this object only keeps state and lives on the thread that created it.
class TradingSession : public QObject {
    Q_OBJECT
public:
    TradingSession(Connector* connector, MarketDataHub* hub, QObject* parent = nullptr);

    // Fetches balances, open and closed orders and fills, then subscribes to the account stream.
    void start();
    // Fetches everything again (after a reconnect).
    void refresh();

    Connector* connector() const { return m_connector; }
    MarketDataHub* hub() const { return m_hub; }
    // The clock for market session hours (a KRX stock is closed outside 09:00-15:30 KST); tests inject one.
    void setClock(const Clock* clock) { m_clock = clock ? clock : &SystemClock::instance(); }

    QVector<Balance> balances() const;
    std::optional<Balance> balance(const QString& currency) const;
    QVector<Order> openOrders() const;   // newest first
    QVector<Order> orderHistory() const; // terminal orders, newest first
    QVector<Fill> fills() const;         // newest first

    // Checks the request against the market's rules, the venue's capabilities, balances and (for market
    // orders) the book.
    ValidationResult validate(const OrderRequest& request) const;
    // Validates, assigns a client id if missing, and sends through OrderEntry. Returns the client id, or an
    // empty string if validation failed (then `orderRejected` is emitted with the explanation).
    QString submit(OrderRequest request);
    void cancel(const QString& orderId);

    // Hands validated orders (client id set) to `router` instead of sending them here: the trading engine
    // checks, journals and sends them, then answers with routedOrderPlaced / routedOrderFailed, which reach
    // the form as orderAccepted / orderRejected. Without a router, orders go straight to the connector.
    using OrderRouter = std::function<void(const OrderRequest& request)>;
    void setOrderRouter(OrderRouter router) { m_router = std::move(router); }
    bool hasOrderRouter() const { return bool(m_router); }
    void routedOrderPlaced(const Order& order);
    void routedOrderFailed(const QString& clientId, const QString& message);

    // The same for cancels: `router` gets the venue order id and answers with routedCancelAnswered /
    // routedCancelFailed; an order it does not follow it hands back to cancelAtVenue.
    using CancelRouter = std::function<void(const QString& orderId)>;
    void setCancelRouter(CancelRouter router) { m_cancelRouter = std::move(router); }
    void routedCancelAnswered(const Order& order);
    void routedCancelFailed(const QString& orderId, const VenueError& error);
    // Sends the cancel to the connector directly.
    void cancelAtVenue(const QString& orderId);

signals:
    void balancesChanged();
    void ordersChanged();
    void fillsChanged();
    void orderAccepted(const hoga::Order& order);
    void orderRejected(const QString& clientId, const QString& message);
    void errorOccurred(const hoga::VenueError& error);

private:
    void upsertOrder(const Order& order);
    bool addFill(const Fill& fill); // false if already known
    void setBalance(const Balance& balance);

    void fetchBalances();
    void fetchOpenOrders();
    void fetchClosedOrders();
    void fetchFills();
    void onOrderStream(const Order& order);
    void onFillStream(const Fill& fill);
    OrderContext contextFor(const OrderRequest& request) const;
    void onCreateAnswered(const QString& clientId, const OrderPlacement& placement);
    void accept(const QString& clientId, const Order& order);
    void reportFailed(const QString& clientId, const VenueError& error);
    void resolvePendingFrom(const QVector<Order>& orders);
    bool storeOrder(const Order& order);       // true if stored (not older than what we have)
    void refetchOrder(const QString& orderId); // learns an order's current state from the venue
    void reportError(const VenueError& error);

    QPointer<Connector> m_connector;
    MarketDataHub* m_hub;
    const Clock* m_clock = &SystemClock::instance();
    QHash<QString, Balance> m_balances;         // by currency
    QHash<QString, Order> m_orders;             // by venue id
    QVector<Fill> m_fills;                      // newest first
    QHash<QString, QString> m_pendingClientIds; // client id -> market, until the venue answers
    QSet<QString> m_fillKeys;                   // dedup of fills (trade id + order id)
    QSet<QString> m_unknownClientIds; // sent, lost in the network and not found yet: may still exist
    bool m_started = false;
    OrderRouter m_router;
    CancelRouter m_cancelRouter;
};

} // namespace hoga
