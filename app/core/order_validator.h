#pragma once

#include "capabilities.h"
#include "core/account.h"
#include "core/market.h"
#include "core/order.h"

#include <QString>
#include <QVector>

#include <optional>

namespace hoga {

struct ValidationIssue {
    enum Code {
        MissingPrice,
        MissingQuantity,
        NonPositive,
        PriceNotOnTick,
        QtyNotOnStep,
        BelowMinQty,
        BelowMinTotal,
        AboveMaxTotal,
        InsufficientBalance,
        UnknownMarket,
        NoReferencePrice,
        InvalidTimeInForce,   // a time in force the order type does not allow
        InvalidAmountKind,    // an amount the venue does not take for this order (total vs quantity)
        UnsupportedOrderType, // the venue has no such order type
        AboveMaxQty,
        MarketClosed, // the market's session is closed at the time of the check
    };
    Code code;
    QString field;     // "price", "qty", "total", "market", "timeInForce"
    QString message;   // translated, precise ("Price 45,001 is not a multiple of the 1,000 KRW tick; ...")
    Decimal suggested; // a valid nearby value where one exists (nearest tick/step), else 0
};

struct ValidationResult {
    QVector<ValidationIssue> issues;
    bool ok() const { return issues.isEmpty(); }
    QString summary() const; // issues' messages joined by newlines
};

// Checks an order against a market's rules, the venue's capabilities and the account's balances before it
// reaches any venue. The one place order rules are written: OrderEntry uses it for every entry path, and
// the simulator enforces the venue-side part (checkRules) as a venue would.
class OrderValidator {
public:
    // `referencePrice` estimates a market order's cost (e.g. best ask for buys); balances of all currencies.
    static ValidationResult validate(const OrderRequest& request, const Market& market,
                                     const QVector<Balance>& balances,
                                     const std::optional<Decimal>& referencePrice = std::nullopt,
                                     const VenueCapabilities& capabilities = VenueCapabilities::anyVenue());
    // What a venue itself checks: order shape, ticks, steps and totals, without the account's balances.
    static ValidationResult checkRules(const OrderRequest& request, const Market& market,
                                       const std::optional<Decimal>& referencePrice = std::nullopt,
                                       const VenueCapabilities& capabilities = VenueCapabilities::anyVenue());
    // Whether the market takes orders for `session` at `nowMs` (a KRX stock outside 09:00-15:30 KST does not
    // in the regular session; the after-hours sessions have their own hours, krx::sessionHours).
    static std::optional<ValidationIssue> checkSession(const Market& market, qint64 nowMs,
                                                       OrderSession session = OrderSession::Regular);
};

} // namespace hoga
