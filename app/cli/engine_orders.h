#pragma once

#include "cli_error.h"
#include "core/account.h"
#include "core/order.h"
#include "venues/connector.h"

#include <QString>

#include <memory>
#include <optional>
#include <variant>

namespace hoga {
class TradingEngine;
}

namespace hoga::cli {

class CliVenue;

// The account's risk limits the profile keeps in its journal (set in the app's Profile > Risk limits…),
// applied to `engine` (its thread); every hoga-cli order and bot honours them like the app's.
void applySavedAccountLimits(TradingEngine& engine);

// hoga-cli's `order create` and `order cancel`, sent through the trading engine like every other order:
// the order is journaled as pending before it leaves, refused while the emergency stop holds, checked
// against the market's rules, and whatever this run leaves open is reconciled by the next one. The engine
// runs on the calling thread for the one command; waits are bounded by the run's timeout.
class EngineOrders {
public:
    EngineOrders(CliVenue& venue, const QString& databasePath, int timeoutMs);
    ~EngineOrders();
    EngineOrders(const EngineOrders&) = delete;
    EngineOrders& operator=(const EngineOrders&) = delete;

    // Opens the journal and reconciles the venue; refuses while trading is halted.
    std::optional<CliError> open();
    // The account's balances as the reconciliation read them.
    QVector<Balance> balances() const;
    // The venue's answer to the order (tagged "cli" in the journal). `lastPrice`: the price the engine
    // values a market order at (the best opposite price of the book).
    std::variant<Order, CliError> create(const OrderRequest& request,
                                         const std::optional<Decimal>& lastPrice);
    // The venue's answer to the cancel. An order the journal does not follow (placed elsewhere, or already
    // finished) is asked of the venue directly, which answers for it.
    std::variant<Order, CliError> cancel(const OrderRef& ref);
    // The venue's new order after modifying the order `ref` of `market` (sent to the venue directly: the
    // engine has no modify of its own). When the journal follows the order, the replacement is journaled
    // and followed instead of it (TradingEngine::recordReplacement), so reconciliation reads the new id.
    std::variant<Order, CliError> modify(const OrderRef& ref, const QString& market,
                                         const OrderModification& change);

private:
    std::optional<CliError> loadMarket(const QString& market);

    CliVenue& m_venue;
    QString m_venueId;
    int m_timeoutMs;
    std::unique_ptr<TradingEngine> m_engine;
    bool m_linked = false;
};

} // namespace hoga::cli
