#pragma once

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
        InvalidTimeInForce, // a time in force the order type does not allow
        InvalidAmountKind,  // best orders: buys must give a total, sells a quantity
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

// Checks an order against a market's rules and the account's balances before it reaches any venue.
class OrderValidator {
public:
    // `referencePrice` estimates a market order's cost (e.g. best ask for buys); balances of all currencies.
    static ValidationResult validate(const OrderRequest& request, const Market& market,
                                     const QVector<Balance>& balances,
                                     const std::optional<Decimal>& referencePrice = std::nullopt);
};

} // namespace hoga
