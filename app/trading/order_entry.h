#pragma once

#include "core/order_validator.h"

#include "core/order_placement.h"
#include "venues/connector.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <optional>

namespace hoga {

// What an order is checked against, besides the market's rules.
struct OrderContext {
    QVector<Balance> balances;
    bool checkBalances = true;
    // A market or best order's cost is estimated at the price it would take first (best ask for a buy, best
    // bid for a sell).
    std::optional<Decimal> referencePrice;
    // When the order would be sent, for the market's session hours (0: hours are not checked here).
    qint64 nowMs = 0;
};

// The one order policy, used by every entry path (the ticket through TradingSession, hoga-cli, later bots):
// it brings the market's rules up to date from the venue (Connector::fetchMarketRules), checks the request
// against them, the venue's capabilities and the account, and only then sends it, once. Connectors do not
// validate; a request that breaks a rule never reaches the venue.
class OrderEntry {
public:
    // The check alone, for a form that validates as the user types.
    static ValidationResult check(const OrderRequest& request, const Market& market,
                                  const VenueCapabilities& capabilities, const OrderContext& context);

    // Validates against fresh rules and sends. `contextFor` runs on `receiver`'s thread once the rules are
    // known, so it can read the caller's current balances and book. A request that fails the check resolves
    // Rejected with an InvalidOrder error listing every issue (validationOf() gives them back); the future
    // resolves on `receiver`'s thread. `request.clientId` is generated when empty.
    static QFuture<OrderPlacement> place(Connector* connector, OrderRequest request, QObject* receiver,
                                         std::function<OrderContext(const Market& market)> contextFor);

    // The venue error of a request refused by the check.
    static VenueError invalidOrder(const ValidationResult& validation);
};

} // namespace hoga
