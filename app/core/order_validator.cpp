#include "order_validator.h"

#include "krx_market.h"

#include <QCoreApplication>
#include <QStringList>

namespace hoga {

namespace {

// Plain decimal text; the UI localises numbers elsewhere.
QString num(const Decimal& d) {
    return d.toString();
}

Decimal freeBalance(const QVector<Balance>& balances, const QString& currency, const QString& venue) {
    for (const Balance& b : balances) {
        if (b.currency == currency && (b.venue.isEmpty() || venue.isEmpty() || b.venue == venue))
            return b.free;
    }
    return {};
}

// Nearest prices on the tick below and above `price`. A neighbour that crosses into the next band lands on
// its start, which every sane tick table makes valid; re-round there in case a table is not.
std::pair<Decimal, Decimal> tickNeighbours(const TradingRules& rules, const Decimal& price,
                                           const Decimal& tick) {
    const Decimal down = price.roundToStep(tick, Rounding::Down);
    Decimal up = price.roundToStep(tick, Rounding::Up);
    const Decimal upTick = rules.tickFor(up);
    if (upTick.isPositive() && !up.isMultipleOf(upTick))
        up = up.roundToStep(upTick, Rounding::Up);
    return {down, up};
}

// The largest quantity on the step not above `qty` (the step itself if that would be zero).
Decimal qtyOnStepDown(const TradingRules& rules, const Decimal& qty) {
    if (!rules.qtyStep.isPositive())
        return qty;
    const Decimal down = qty.roundToStep(rules.qtyStep, Rounding::Down);
    return down.isPositive() ? down : rules.qtyStep;
}

Decimal qtyOnStepUp(const TradingRules& rules, const Decimal& qty) {
    return rules.qtyStep.isPositive() ? qty.roundToStep(rules.qtyStep, Rounding::Up) : qty;
}

// Quantity at `price` worth `total`, on the step, rounded with `mode`.
Decimal qtyForTotal(const TradingRules& rules, const Decimal& total, const Decimal& price, Rounding mode) {
    const int scale = rules.qtyStep.isPositive() ? rules.qtyStep.scale() : Decimal::kMaxScale;
    const Decimal qty = total.divide(price, scale, mode);
    return rules.qtyStep.isPositive() ? qty.roundToStep(rules.qtyStep, mode) : qty;
}

class Checker {
public:
    Checker(const OrderRequest& request, const Market& market, const QVector<Balance>* balances,
            const std::optional<Decimal>& referencePrice, const VenueCapabilities& capabilities)
        : m_request(request)
        , m_market(market)
        , m_rules(market.rules)
        , m_balances(balances)
        , m_referencePrice(referencePrice && referencePrice->isPositive() ? referencePrice : std::nullopt)
        , m_caps(capabilities) {}

    ValidationResult run() {
        if (!checkMarket() || !checkOrderType() || !checkTimeInForce() || !checkOrderSession() ||
            !checkBestAmountKind() || !checkMarketAmountKind())
            return m_result;
        // A closing-price order has no price of its own: its cost is estimated like a market order's.
        const bool isLimit = m_request.type == OrderType::Limit && !hasFixedPrice(m_request.session);
        const bool byTotal = m_request.type != OrderType::Limit && m_request.side == Side::Buy &&
                             m_request.qty.isZero() && !m_request.total.isZero();
        try {
            const bool priceOk = !isLimit || checkPrice();
            const bool amountOk = byTotal ? checkTotalAmount() : checkQty();
            if (!priceOk || !amountOk)
                return m_result;
            checkTotals(isLimit, byTotal);
            if (m_balances)
                checkBalance(isLimit, byTotal);
        } catch (const DecimalError&) {
            add(ValidationIssue::AboveMaxTotal, QStringLiteral("total"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "The order total is too large to compute. Enter a smaller quantity or price."));
        }
        return m_result;
    }

private:
    void add(ValidationIssue::Code code, const QString& field, const QString& message,
             const Decimal& suggested = {}) {
        m_result.issues.append({code, field, message, suggested});
    }

    const QString& base() const { return m_market.base; }
    const QString& quote() const { return m_market.quote; }

    bool checkMarket() {
        if (!m_market.code.isEmpty() && m_market.code == m_request.market)
            return true;
        const QString message =
            m_request.market.isEmpty()
                ? QCoreApplication::translate("hoga::OrderValidator", "No market is selected.")
                : QCoreApplication::translate("hoga::OrderValidator",
                                              "The market %1 is unknown: no trading rules are loaded for it.")
                      .arg(m_request.market);
        add(ValidationIssue::UnknownMarket, QStringLiteral("market"), message);
        return false;
    }

    bool checkOrderType() {
        if (m_caps.supports(m_request.type))
            return true;
        add(ValidationIssue::UnsupportedOrderType, QStringLiteral("type"),
            m_request.type == OrderType::Best
                ? QCoreApplication::translate("hoga::OrderValidator", "This venue has no best-price orders.")
                : QCoreApplication::translate("hoga::OrderValidator", "This venue has no market orders."));
        return false;
    }

    // What the venue allows: limit orders the time-in-force values it lists, best orders IOC or FOK where it
    // has them, market orders none.
    bool checkTimeInForce() {
        const TimeInForce tif = m_request.timeInForce;
        if (m_caps.allows(m_request.type, tif))
            return true;
        const QString field = QStringLiteral("timeInForce");
        if (tif == TimeInForce::PostOnly && m_request.type != OrderType::Limit) {
            add(ValidationIssue::InvalidTimeInForce, field,
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Post-only is available for limit orders only."));
            return false;
        }
        switch (m_request.type) {
        case OrderType::Limit:
            add(ValidationIssue::InvalidTimeInForce, field,
                QCoreApplication::translate("hoga::OrderValidator",
                                            "This venue does not take that time in force on limit orders."));
            break;
        case OrderType::Market:
            add(ValidationIssue::InvalidTimeInForce, field,
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "Market orders take no time in force. Use a best-price order for IOC or FOK."));
            break;
        case OrderType::Best:
            add(ValidationIssue::InvalidTimeInForce, field,
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "A best-price order needs a time in force of IOC (immediate or cancel) "
                    "or FOK (fill or kill)."));
            break;
        }
        return false;
    }

    // The KRX after-hours sessions: Korean stocks on a venue that routes them, plain limit orders, and no
    // price of the order's own in the closing-price sessions.
    bool checkOrderSession() {
        const OrderSession session = m_request.session;
        if (session == OrderSession::Regular)
            return true;
        const QString field = QStringLiteral("session");
        if (m_rules.session != MarketSession::KrxRegular) {
            add(ValidationIssue::UnsupportedOrderType, field,
                QCoreApplication::translate("hoga::OrderValidator",
                                            "The after-hours sessions are for Korean stocks only; %1 trades "
                                            "in its regular session.")
                    .arg(m_market.code));
            return false;
        }
        if (!m_caps.orderSessions.contains(session)) {
            add(ValidationIssue::UnsupportedOrderType, field,
                QCoreApplication::translate("hoga::OrderValidator", "This venue takes no orders for the %1.")
                    .arg(orderSessionLabel(session)));
            return false;
        }
        if (m_request.type != OrderType::Limit || m_request.timeInForce != TimeInForce::GoodTillCancel) {
            add(ValidationIssue::UnsupportedOrderType, QStringLiteral("type"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Orders for the %1 are plain limit orders: no market or "
                                            "best-price orders, no IOC or FOK.")
                    .arg(orderSessionLabel(session)));
            return false;
        }
        if (hasFixedPrice(session) && !m_request.price.isZero()) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("price"),
                session == OrderSession::PreMarketClose
                    ? QCoreApplication::translate("hoga::OrderValidator",
                                                  "The pre-market session trades at the previous close: "
                                                  "the order takes no price.")
                    : QCoreApplication::translate("hoga::OrderValidator",
                                                  "The post-market session trades at today's close: the "
                                                  "order takes no price."));
            return false;
        }
        return true;
    }

    // Market orders: the amount kinds the venue takes (a buy by amount to spend and/or by quantity; a sell by
    // quantity).
    bool checkMarketAmountKind() {
        if (m_request.type != OrderType::Market)
            return true;
        if (!m_request.price.isZero()) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("price"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "A market order takes no price: it executes at the best available "
                    "prices."));
            return false;
        }
        if (m_request.side == Side::Sell) {
            if (m_request.total.isZero())
                return true;
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("total"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "A market sell is given by the quantity of %1 to sell, not by amount.")
                    .arg(base()));
            return false;
        }
        const bool byQty = !m_request.qty.isZero();
        const bool byTotal = !m_request.total.isZero();
        if (byQty && byTotal) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("qty"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "Give a market buy either an amount to spend or a quantity, not both."));
            return false;
        }
        if (byQty && !m_caps.marketBuyByQty) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("qty"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "A market buy on this venue is given by the amount to spend in %1, not "
                    "by quantity.")
                    .arg(quote()));
            return false;
        }
        if (byTotal && !m_caps.marketBuyByTotal) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("total"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "A market buy on this venue is given by the quantity of %1 to buy, not "
                    "by amount.")
                    .arg(base()));
            return false;
        }
        return true;
    }

    // Best orders name their amount one way only: buys spend a total, sells sell a quantity.
    bool checkBestAmountKind() {
        if (m_request.type != OrderType::Best)
            return true;
        if (!m_request.price.isZero()) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("price"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "A best-price order takes no price: it executes at the best "
                                            "available price."));
            return false;
        }
        if (m_request.side == Side::Buy && !m_request.qty.isZero()) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "A best-price buy is given by the amount to spend in %1, not by "
                                            "quantity.")
                    .arg(quote()));
            return false;
        }
        if (m_request.side == Side::Buy && m_request.total.isZero()) {
            add(ValidationIssue::MissingQuantity, QStringLiteral("total"),
                QCoreApplication::translate("hoga::OrderValidator", "Enter an amount in %1 to spend.")
                    .arg(quote()));
            return false;
        }
        if (m_request.side == Side::Sell && !m_request.total.isZero()) {
            add(ValidationIssue::InvalidAmountKind, QStringLiteral("total"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "A best-price sell is given by the quantity of %1 to sell, not "
                                            "by amount.")
                    .arg(base()));
            return false;
        }
        return true;
    }

    bool checkPrice() {
        const Decimal& price = m_request.price;
        if (price.isZero()) {
            add(ValidationIssue::MissingPrice, QStringLiteral("price"),
                QCoreApplication::translate("hoga::OrderValidator", "Enter a price for the limit order."));
            return false;
        }
        if (price.isNegative()) {
            add(ValidationIssue::NonPositive, QStringLiteral("price"),
                QCoreApplication::translate("hoga::OrderValidator", "Price %1 %2 must be greater than zero.")
                    .arg(num(price), quote()));
            return false;
        }
        const Decimal tick = m_rules.tickFor(price);
        if (tick.isPositive() && !price.isMultipleOf(tick)) {
            const auto [down, up] = tickNeighbours(m_rules, price, tick);
            // The nearest valid price, ties going up (away from zero).
            const Decimal suggested = (price - down) < (up - price) ? down : up;
            add(ValidationIssue::PriceNotOnTick, QStringLiteral("price"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "Price %1 %2 is not a multiple of the %3 %2 tick. Nearest valid prices: %4 or %5 %2.")
                    .arg(num(price), quote(), num(tick), num(down), num(up)),
                suggested);
            return false;
        }
        return true;
    }

    bool checkQty() {
        const Decimal& qty = m_request.qty;
        if (qty.isZero()) {
            add(ValidationIssue::MissingQuantity, QStringLiteral("qty"),
                m_request.type != OrderType::Limit && m_request.side == Side::Buy
                    ? QCoreApplication::translate("hoga::OrderValidator",
                                                  "Enter an amount to spend or a quantity to buy.")
                    : QCoreApplication::translate("hoga::OrderValidator", "Enter a quantity."));
            return false;
        }
        if (qty.isNegative()) {
            add(ValidationIssue::NonPositive, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Quantity %1 %2 must be greater than zero.")
                    .arg(num(qty), base()));
            return false;
        }
        bool ok = true;
        const Decimal& step = m_rules.qtyStep;
        if (step.isPositive() && !qty.isMultipleOf(step)) {
            const Decimal suggested = qtyOnStepDown(m_rules, qty);
            add(ValidationIssue::QtyNotOnStep, QStringLiteral("qty"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "Quantity %1 %2 is not a multiple of the %3 %2 step. Nearest valid quantity: %4 %2.")
                    .arg(num(qty), base(), num(step), num(suggested)),
                suggested);
            ok = false;
        }
        if (m_rules.minQty.isPositive() && qty < m_rules.minQty) {
            add(ValidationIssue::BelowMinQty, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Quantity %1 %2 is below the minimum of %3 %2.")
                    .arg(num(qty), base(), num(m_rules.minQty)),
                qtyOnStepUp(m_rules, m_rules.minQty));
            ok = false;
        }
        if (m_rules.maxQty.isPositive() && qty > m_rules.maxQty) {
            add(ValidationIssue::AboveMaxQty, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Quantity %1 %2 exceeds the maximum of %3 %2.")
                    .arg(num(qty), base(), num(m_rules.maxQty)),
                qtyOnStepDown(m_rules, m_rules.maxQty));
            ok = false;
        }
        if (m_request.type == OrderType::Market)
            ok = checkMarketQty() && ok;
        return ok;
    }

    // The venue's separate quantity rules for market orders (Binance MARKET_LOT_SIZE).
    bool checkMarketQty() {
        const Decimal& qty = m_request.qty;
        const Decimal& step = m_rules.marketQtyStep;
        bool ok = true;
        if (step.isPositive() && !qty.isMultipleOf(step)) {
            const Decimal down = qty.roundToStep(step, Rounding::Down);
            add(ValidationIssue::QtyNotOnStep, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "A market order's quantity must be a multiple of %1 %2. Nearest "
                                            "valid quantity: %3 %2.")
                    .arg(num(step), base(), num(down)),
                down);
            ok = false;
        }
        if (m_rules.marketMinQty.isPositive() && qty < m_rules.marketMinQty) {
            add(ValidationIssue::BelowMinQty, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "A market order's quantity must be at least %1 %2.")
                    .arg(num(m_rules.marketMinQty), base()),
                m_rules.marketMinQty);
            ok = false;
        }
        if (m_rules.marketMaxQty.isPositive() && qty > m_rules.marketMaxQty) {
            add(ValidationIssue::AboveMaxQty, QStringLiteral("qty"),
                QCoreApplication::translate("hoga::OrderValidator",
                                            "A market order's quantity must be at most %1 %2. Use a limit "
                                            "order or split the order.")
                    .arg(num(m_rules.marketMaxQty), base()),
                m_rules.marketMaxQty);
            ok = false;
        }
        return ok;
    }

    bool checkTotalAmount() {
        if (m_request.total.isNegative()) {
            add(ValidationIssue::NonPositive, QStringLiteral("total"),
                QCoreApplication::translate("hoga::OrderValidator", "Amount %1 %2 must be greater than zero.")
                    .arg(num(m_request.total), quote()));
            return false;
        }
        return true;
    }

    // The order's value in the quote currency, where it can be known.
    std::optional<Decimal> orderTotal(bool isLimit, bool byTotal) const {
        if (isLimit)
            return m_request.price * m_request.qty;
        if (byTotal)
            return m_request.total;
        if (m_referencePrice)
            return m_request.qty * *m_referencePrice;
        return std::nullopt;
    }

    // The price a quantity suggestion is based on (limit price or reference), if any.
    std::optional<Decimal> unitPrice(bool isLimit) const {
        return isLimit ? std::optional<Decimal>(m_request.price) : m_referencePrice;
    }

    void checkTotals(bool isLimit, bool byTotal) {
        // Limits a venue does not apply to market orders (Binance applyMinToMarket / applyMaxToMarket).
        const bool market = m_request.type == OrderType::Market;
        const Decimal minTotal = market && !m_rules.minTotalAppliesToMarket ? Decimal() : m_rules.minTotal;
        const Decimal maxTotal = market && !m_rules.maxTotalAppliesToMarket ? Decimal() : m_rules.maxTotal;
        if (!minTotal.isPositive() && !maxTotal.isPositive())
            return;
        const std::optional<Decimal> total = orderTotal(isLimit, byTotal);
        if (!total) {
            add(ValidationIssue::NoReferencePrice, QStringLiteral("qty"),
                QCoreApplication::translate(
                    "hoga::OrderValidator",
                    "No current price is known for %1, so this market order cannot be checked against the "
                    "minimum order total of %2 %3. Wait for market data and try again.")
                    .arg(m_market.code, num(minTotal.isPositive() ? minTotal : maxTotal), quote()));
            return;
        }
        const QString field = byTotal ? QStringLiteral("total") : QStringLiteral("qty");
        const std::optional<Decimal> price = unitPrice(isLimit);
        if (minTotal.isPositive() && *total < minTotal) {
            // Suggest what to enter in the offending field: the amount itself, or the smallest quantity.
            const Decimal suggested =
                byTotal || !price ? minTotal : qtyForTotal(m_rules, minTotal, *price, Rounding::Up);
            add(ValidationIssue::BelowMinTotal, field,
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Order total %1 %2 is below the minimum of %3 %2.")
                    .arg(num(*total), quote(), num(minTotal)),
                suggested);
        }
        if (maxTotal.isPositive() && *total > maxTotal) {
            const Decimal suggested =
                byTotal || !price ? maxTotal : qtyForTotal(m_rules, maxTotal, *price, Rounding::Down);
            add(ValidationIssue::AboveMaxTotal, field,
                QCoreApplication::translate("hoga::OrderValidator",
                                            "Order total %1 %2 exceeds the maximum of %3 %2.")
                    .arg(num(*total), quote(), num(maxTotal)),
                suggested);
        }
    }

    void checkBalance(bool isLimit, bool byTotal) {
        if (m_request.side == Side::Sell) {
            const Decimal available = freeBalance(*m_balances, base(), m_market.venue);
            if (m_request.qty > available) {
                const Decimal suggested = m_rules.qtyStep.isPositive()
                                              ? available.roundToStep(m_rules.qtyStep, Rounding::Down)
                                              : available;
                add(ValidationIssue::InsufficientBalance, QStringLiteral("qty"),
                    QCoreApplication::translate(
                        "hoga::OrderValidator",
                        "Insufficient %1: the order sells %2 %1 but only %3 %1 is available.")
                        .arg(base(), num(m_request.qty), num(available)),
                    suggested);
            }
            return;
        }
        // Buys pay the taker fee on top (the worst case for a limit order that crosses the book).
        const std::optional<Decimal> total = orderTotal(isLimit, byTotal);
        if (!total)
            return; // a market buy by quantity without a price: the venue will check
        const Decimal feeFactor = Decimal(1) + m_rules.takerFeeRate;
        const Decimal required = *total * feeFactor;
        const Decimal available = freeBalance(*m_balances, quote(), m_market.venue);
        if (required <= available)
            return;
        const Decimal affordableTotal = available.divide(feeFactor, available.scale(), Rounding::Down);
        const std::optional<Decimal> price = unitPrice(isLimit);
        const Decimal suggested = byTotal || !price
                                      ? affordableTotal
                                      : qtyForTotal(m_rules, affordableTotal, *price, Rounding::Down);
        const QString feePercent = num(m_rules.takerFeeRate * Decimal(100));
        add(ValidationIssue::InsufficientBalance, byTotal ? QStringLiteral("total") : QStringLiteral("qty"),
            QCoreApplication::translate(
                "hoga::OrderValidator",
                "Insufficient %1: the order needs %2 %1 including the %3% fee, but only %4 %1 is available.")
                .arg(quote(), num(required), feePercent, num(available)),
            suggested);
    }

    const OrderRequest& m_request;
    const Market& m_market;
    const TradingRules& m_rules;
    const QVector<Balance>* m_balances; // null: the balance is not checked
    std::optional<Decimal> m_referencePrice;
    const VenueCapabilities& m_caps;
    ValidationResult m_result;
};

} // namespace

QString ValidationResult::summary() const {
    QStringList messages;
    messages.reserve(issues.size());
    for (const ValidationIssue& issue : issues)
        messages << issue.message;
    return messages.join(QLatin1Char('\n'));
}

ValidationResult OrderValidator::validate(const OrderRequest& request, const Market& market,
                                          const QVector<Balance>& balances,
                                          const std::optional<Decimal>& referencePrice,
                                          const VenueCapabilities& capabilities) {
    return Checker(request, market, &balances, referencePrice, capabilities).run();
}

std::optional<ValidationIssue> OrderValidator::checkSession(const Market& market, qint64 nowMs,
                                                            OrderSession session) {
    if (market.rules.session == MarketSession::Always)
        return std::nullopt; // an after-hours session on such a market is refused by the rules check
    if (krx::isSessionOpen(session, nowMs))
        return std::nullopt;
    ValidationIssue issue;
    issue.code = ValidationIssue::MarketClosed;
    issue.field = QStringLiteral("market");
    const QString hours = krx::sessionHoursText(session);
    switch (session) {
    case OrderSession::Regular:
        issue.message = QCoreApplication::translate(
                            "hoga::OrderValidator",
                            "The Korean stock market is closed. Orders are taken %1 KST on weekdays.")
                            .arg(hours);
        break;
    case OrderSession::PreMarketClose:
        issue.message = QCoreApplication::translate("hoga::OrderValidator",
                                                    "The pre-market session at the previous close is closed. "
                                                    "It takes orders %1 KST on weekdays.")
                            .arg(hours);
        break;
    case OrderSession::PostMarketClose:
        issue.message = QCoreApplication::translate("hoga::OrderValidator",
                                                    "The post-market session at today's close is closed. It "
                                                    "takes orders %1 KST on weekdays and matches them from "
                                                    "15:40.")
                            .arg(hours);
        break;
    case OrderSession::AfterHoursSingle:
        issue.message =
            QCoreApplication::translate("hoga::OrderValidator",
                                        "The after-hours single-price session is closed. It takes "
                                        "orders %1 KST on weekdays and matches them every 10 "
                                        "minutes.")
                .arg(hours);
        break;
    }
    return issue;
}

ValidationResult OrderValidator::checkRules(const OrderRequest& request, const Market& market,
                                            const std::optional<Decimal>& referencePrice,
                                            const VenueCapabilities& capabilities) {
    return Checker(request, market, nullptr, referencePrice, capabilities).run();
}

} // namespace hoga
