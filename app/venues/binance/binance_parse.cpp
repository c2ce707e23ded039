#include "binance_parse.h"

#include <QCoreApplication>

namespace hoga::binance {

using net::JsonValue;

namespace {

constexpr const char* kCtx = "hoga::BinanceParse";

Decimal dec(const JsonValue& v) {
    return v.toDecimal().value_or(Decimal());
}

QString text(const JsonValue& v) {
    return v.toString();
}

Side sideOf(const JsonValue& v) {
    return v.toString() == QLatin1String("SELL") ? Side::Sell : Side::Buy;
}

QVector<BookLevel> levels(const JsonValue& array) {
    QVector<BookLevel> out;
    out.reserve(array.size());
    for (JsonValue level : array.elements())
        out.append(BookLevel{dec(level.at(0)), dec(level.at(1))});
    return out;
}

} // namespace

QString orderKey(const QString& symbol, const QString& orderId) {
    return symbol.isEmpty() ? orderId : symbol + QLatin1Char(':') + orderId;
}

std::pair<QString, QString> splitOrderKey(const QString& key) {
    const qsizetype colon = key.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return {QString(), key};
    return {key.left(colon), key.mid(colon + 1)};
}

VenueError malformed(const QString& what) {
    VenueError e;
    e.kind = ErrorKind::Network;
    e.detail = QCoreApplication::translate(kCtx, "Binance's answer could not be read: %1").arg(what);
    return e;
}

TradingRules rulesFromFilters(const JsonValue& filters) {
    TradingRules r;
    r.makerFeeRate = r.takerFeeRate = Decimal::fromString("0.001");
    for (JsonValue f : filters.elements()) {
        const QString type = f["filterType"].toString();
        if (type == QLatin1String("PRICE_FILTER")) {
            const Decimal tick = dec(f["tickSize"]);
            if (tick.isPositive())
                r.tickBands = {PriceBand{Decimal(), tick}};
        } else if (type == QLatin1String("LOT_SIZE")) {
            r.qtyStep = dec(f["stepSize"]);
            r.minQty = dec(f["minQty"]);
            r.maxQty = dec(f["maxQty"]);
        } else if (type == QLatin1String("MARKET_LOT_SIZE")) {
            r.marketQtyStep = dec(f["stepSize"]);
            r.marketMinQty = dec(f["minQty"]);
            r.marketMaxQty = dec(f["maxQty"]);
        } else if (type == QLatin1String("NOTIONAL")) {
            const Decimal min = dec(f["minNotional"]);
            if (min >= r.minTotal) {
                r.minTotal = min;
                r.minTotalAppliesToMarket = f["applyMinToMarket"].toBool();
            }
            r.maxTotal = dec(f["maxNotional"]);
            r.maxTotalAppliesToMarket = f["applyMaxToMarket"].toBool();
        } else if (type == QLatin1String("MIN_NOTIONAL")) {
            const Decimal min = dec(f["minNotional"]);
            if (min >= r.minTotal) {
                r.minTotal = min;
                r.minTotalAppliesToMarket = f["applyToMarket"].toBool();
            }
        }
    }
    return r;
}

Result<QVector<Market>> parseExchangeInfo(const JsonValue& root, const QString& venue) {
    if (!root["symbols"].isArray())
        return malformed(QCoreApplication::translate(kCtx, "exchangeInfo has no symbols list"));
    QVector<Market> out;
    for (JsonValue s : root["symbols"].elements()) {
        if (s["status"].toString() != QLatin1String("TRADING"))
            continue;
        if (s.contains("isSpotTradingAllowed") && !s["isSpotTradingAllowed"].toBool())
            continue;
        Market m;
        m.venue = venue;
        m.code = s["symbol"].toString();
        m.base = s["baseAsset"].toString();
        m.quote = s["quoteAsset"].toString();
        m.displayName = m.base + QLatin1Char('/') + m.quote;
        m.rules = rulesFromFilters(s["filters"]);
        if (!m.code.isEmpty())
            out.append(m);
    }
    return out;
}

QString poolName(const QString& rateLimitType, const QString& interval, int intervalNum) {
    QChar unit = QLatin1Char('M');
    if (interval == QLatin1String("SECOND"))
        unit = QLatin1Char('S');
    else if (interval == QLatin1String("HOUR"))
        unit = QLatin1Char('H');
    else if (interval == QLatin1String("DAY"))
        unit = QLatin1Char('D');
    return rateLimitType + QLatin1Char('_') + QString::number(intervalNum) + unit;
}

QList<net::RateLimitGroup> parseRateLimits(const JsonValue& root) {
    QList<net::RateLimitGroup> out;
    for (JsonValue l : root["rateLimits"].elements()) {
        const QString interval = l["interval"].toString();
        const int num = int(l["intervalNum"].toInt64(1));
        qint64 unitMs = 60'000;
        if (interval == QLatin1String("SECOND"))
            unitMs = 1000;
        else if (interval == QLatin1String("HOUR"))
            unitMs = 3'600'000;
        else if (interval == QLatin1String("DAY"))
            unitMs = 86'400'000;
        const QString type = l["rateLimitType"].toString();
        if (type.isEmpty() || interval.isEmpty())
            continue;
        out.append({poolName(type, interval, num), int(l["limit"].toInt64(0)), unitMs * num, 0});
    }
    return out;
}

Ticker parseTicker(const JsonValue& o, const QString& venue) {
    Ticker t;
    t.venue = venue;
    t.market = o["symbol"].toString();
    t.last = dec(o["lastPrice"]);
    t.open = dec(o["openPrice"]);
    t.high = dec(o["highPrice"]);
    t.low = dec(o["lowPrice"]);
    t.prevClose = dec(o["prevClosePrice"]);
    t.change = dec(o["priceChange"]); // Binance: last - open of the rolling 24 h window
    t.changeRate = dec(o["priceChangePercent"]) * Decimal::fromMantissa(1, 2);
    t.volume24h = dec(o["volume"]);
    t.quoteVolume24h = dec(o["quoteVolume"]);
    t.timestampMs = o["closeTime"].toInt64(0);
    return t;
}

Result<QVector<Ticker>> parseTickers(const JsonValue& root, const QString& venue) {
    QVector<Ticker> out;
    if (root.isObject()) {
        out.append(parseTicker(root, venue));
        return out;
    }
    if (!root.isArray())
        return malformed(QCoreApplication::translate(kCtx, "the ticker list is not an array"));
    for (JsonValue o : root.elements())
        out.append(parseTicker(o, venue));
    return out;
}

Result<OrderBook> parseDepth(const JsonValue& root, const QString& venue, const QString& market) {
    if (!root.isObject() || !root["bids"].isArray() || !root["asks"].isArray())
        return malformed(QCoreApplication::translate(kCtx, "the depth answer has no bids and asks"));
    OrderBook book(venue, market);
    book.applySnapshot(levels(root["bids"]), levels(root["asks"]), 0,
                       quint64(root["lastUpdateId"].toInt64(0)));
    return book;
}

Result<QVector<Candle>> parseKlines(const JsonValue& root) {
    if (!root.isArray())
        return malformed(QCoreApplication::translate(kCtx, "the kline list is not an array"));
    QVector<Candle> out;
    out.reserve(root.size());
    for (JsonValue k : root.elements()) {
        Candle c;
        c.openTimeMs = k.at(0).toInt64(0);
        c.open = dec(k.at(1));
        c.high = dec(k.at(2));
        c.low = dec(k.at(3));
        c.close = dec(k.at(4));
        c.volume = dec(k.at(5));
        c.quoteVolume = dec(k.at(7));
        out.append(c);
    }
    return out;
}

Result<QVector<Trade>> parseTrades(const JsonValue& root, const QString& venue, const QString& market) {
    if (!root.isArray())
        return malformed(QCoreApplication::translate(kCtx, "the trade list is not an array"));
    QVector<Trade> out;
    for (JsonValue o : root.elements()) {
        Trade t;
        t.venue = venue;
        t.market = market;
        t.id = text(o["id"]);
        t.price = dec(o["price"]);
        t.qty = dec(o["qty"]);
        // The buyer was the resting order: the taker sold.
        t.side = o["isBuyerMaker"].toBool() ? Side::Sell : Side::Buy;
        t.timestampMs = o["time"].toInt64(0);
        out.append(t);
    }
    return out;
}

Result<QVector<Balance>> parseAccount(const JsonValue& root, const QString& venue) {
    if (!root["balances"].isArray())
        return malformed(QCoreApplication::translate(kCtx, "the account answer has no balances"));
    QVector<Balance> out;
    for (JsonValue b : root["balances"].elements()) {
        Balance balance;
        balance.venue = venue;
        balance.currency = b["asset"].toString();
        balance.free = dec(b["free"]);
        balance.locked = dec(b["locked"]);
        out.append(balance);
    }
    return out;
}

OrderState orderStateOf(QStringView s) {
    if (s == u"NEW" || s == u"PENDING_NEW" || s == u"PENDING_CANCEL")
        return OrderState::Open;
    if (s == u"PARTIALLY_FILLED")
        return OrderState::PartiallyFilled;
    if (s == u"FILLED")
        return OrderState::Filled;
    if (s == u"REJECTED")
        return OrderState::Rejected;
    return OrderState::Cancelled; // CANCELED, EXPIRED, EXPIRED_IN_MATCH
}

Result<Order> parseOrder(const JsonValue& o, const QString& venue) {
    if (!o.isObject() || !o.contains("orderId"))
        return malformed(QCoreApplication::translate(kCtx, "the order answer has no orderId"));
    Order order;
    order.venue = venue;
    order.market = o["symbol"].toString();
    order.id = orderKey(order.market, text(o["orderId"]));
    order.clientId =
        o.contains("origClientOrderId") ? o["origClientOrderId"].toString() : o["clientOrderId"].toString();
    order.side = sideOf(o["side"]);
    const QString type = o["type"].toString();
    order.type = type == QLatin1String("MARKET") ? OrderType::Market : OrderType::Limit;
    const QString tif = o["timeInForce"].toString();
    if (type == QLatin1String("LIMIT_MAKER"))
        order.timeInForce = TimeInForce::PostOnly;
    else if (tif == QLatin1String("IOC") && order.type == OrderType::Limit)
        order.timeInForce = TimeInForce::ImmediateOrCancel;
    else if (tif == QLatin1String("FOK") && order.type == OrderType::Limit)
        order.timeInForce = TimeInForce::FillOrKill;
    if (order.type == OrderType::Limit)
        order.price = dec(o["price"]);
    order.qty = dec(o["origQty"]);
    order.total = dec(o["origQuoteOrderQty"]);
    if (order.type == OrderType::Market && order.total.isPositive())
        order.qty = Decimal(); // bought by the amount to spend
    order.filledQty = dec(o["executedQty"]);
    order.filledQuote = dec(o["cummulativeQuoteQty"]);
    if (o.contains("status"))
        order.state = orderStateOf(o["status"].toString());
    else
        order.state = OrderState::Open; // an ACK: accepted, nothing more known
    const qint64 created = o["time"].toInt64(o["transactTime"].toInt64(0));
    order.createdAtMs = created;
    order.updatedAtMs = o["updateTime"].toInt64(o["transactTime"].toInt64(created));
    return order;
}

Result<QVector<Order>> parseOrders(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformed(QCoreApplication::translate(kCtx, "the order list is not an array"));
    QVector<Order> out;
    for (JsonValue o : root.elements()) {
        Result<Order> order = parseOrder(o, venue);
        if (!order.ok())
            return order.error();
        out.append(order.value());
    }
    return out;
}

Result<QVector<Fill>> parseMyTrades(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformed(QCoreApplication::translate(kCtx, "the trade list is not an array"));
    QVector<Fill> out;
    for (JsonValue t : root.elements()) {
        Fill f;
        f.venue = venue;
        f.market = t["symbol"].toString();
        f.orderId = orderKey(f.market, text(t["orderId"]));
        f.tradeId = text(t["id"]);
        f.side = t["isBuyer"].toBool() ? Side::Buy : Side::Sell;
        f.price = dec(t["price"]);
        f.qty = dec(t["qty"]);
        f.fee = dec(t["commission"]);
        f.feeCurrency = t["commissionAsset"].toString();
        f.maker = t["isMaker"].toBool();
        f.timestampMs = t["time"].toInt64(0);
        out.append(f);
    }
    return out;
}

QString intervalCode(CandleInterval interval) {
    switch (interval) {
    case CandleInterval::S1:
        return QStringLiteral("1s");
    case CandleInterval::M1:
        return QStringLiteral("1m");
    case CandleInterval::M3:
        return QStringLiteral("3m");
    case CandleInterval::M5:
        return QStringLiteral("5m");
    case CandleInterval::M10:
        return QString(); // Binance has no 10-minute klines
    case CandleInterval::M15:
        return QStringLiteral("15m");
    case CandleInterval::M30:
        return QStringLiteral("30m");
    case CandleInterval::H1:
        return QStringLiteral("1h");
    case CandleInterval::H4:
        return QStringLiteral("4h");
    case CandleInterval::D1:
        return QStringLiteral("1d");
    case CandleInterval::W1:
        return QStringLiteral("1w");
    case CandleInterval::MN1:
        return QStringLiteral("1M");
    }
    return QString();
}

QString sideCode(Side side) {
    return side == Side::Sell ? QStringLiteral("SELL") : QStringLiteral("BUY");
}

} // namespace hoga::binance
