#include "upbit_parse.h"

#include <algorithm>

namespace hoga::upbit {

namespace {

QString fromUtf8(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// First member of `v` that is present among `names`.
JsonValue firstOf(const JsonValue& v, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        JsonValue m = v[name];
        if (!m.isUndefined() && !m.isNull())
            return m;
    }
    return {};
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const char x = a[i] >= 'A' && a[i] <= 'Z' ? char(a[i] + 32) : a[i];
        const char y = b[i] >= 'A' && b[i] <= 'Z' ? char(b[i] + 32) : b[i];
        if (x != y)
            return false;
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(std::string_view s, size_t pos, size_t count, int& out) {
    if (pos + count > s.size())
        return false;
    int n = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        n = n * 10 + (s[i] - '0');
    }
    out = n;
    return true;
}

qint64 msOf(const JsonValue& v) {
    return v.toInt64().value_or(0);
}

} // namespace

Decimal toDecimal(const JsonValue& v) {
    if (auto d = v.toDecimal())
        return *d;
    if (auto d = v.toDecimalRounded())
        return *d;
    return {};
}

QString toText(const JsonValue& v) {
    if (v.isString() || v.isNumber())
        return fromUtf8(v.raw());
    return {};
}

std::optional<qint64> parseIsoTimeMs(std::string_view s, int defaultOffsetSeconds) {
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, hour) || s[13] != ':' ||
        !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            millis += (s[pos] - '0') * scale; // digits past the third are dropped
            scale /= 10;
            ++pos;
        }
    }
    int offset = defaultOffsetSeconds;
    if (pos < s.size()) {
        if (s[pos] == 'Z' && pos + 1 == s.size()) {
            offset = 0;
        } else if ((s[pos] == '+' || s[pos] == '-') && s.size() - pos >= 5) {
            int oh = 0;
            int om = 0;
            const size_t minutePos = s[pos + 3] == ':' ? pos + 4 : pos + 3;
            if (!digits(s, pos + 1, 2, oh) || !digits(s, minutePos, 2, om) || minutePos + 2 != s.size())
                return std::nullopt;
            offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset;
    return seconds * 1000 + millis;
}

QString formatIsoTime(qint64 epochMs, int offsetSeconds) {
    qint64 seconds = epochMs / 1000 + offsetSeconds;
    if (epochMs % 1000 < 0)
        --seconds;
    qint64 days = seconds / 86400;
    qint64 rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    // civil_from_days
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = qint64(yoe) + era * 400 + (m <= 2);
    return QStringLiteral("%1-%2-%3T%4:%5:%6")
        .arg(y, 4, 10, QLatin1Char('0'))
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(d, 2, 10, QLatin1Char('0'))
        .arg(rem / 3600, 2, 10, QLatin1Char('0'))
        .arg(rem % 3600 / 60, 2, 10, QLatin1Char('0'))
        .arg(rem % 60, 2, 10, QLatin1Char('0'));
}

std::optional<Side> sideFromText(std::string_view text) {
    if (equalsIgnoreCase(text, "bid"))
        return Side::Buy;
    if (equalsIgnoreCase(text, "ask"))
        return Side::Sell;
    return std::nullopt;
}

void splitMarketCode(const QString& code, QString* quote, QString* base) {
    const qsizetype dash = code.indexOf(QLatin1Char('-'));
    if (quote)
        *quote = dash > 0 ? code.left(dash) : QString();
    if (base)
        *base = dash > 0 ? code.mid(dash + 1) : code;
}

Market parseMarket(const JsonValue& v, const QString& venue) {
    Market m;
    m.venue = venue;
    m.code = toText(v["market"]);
    splitMarketCode(m.code, &m.quote, &m.base);
    m.localName = toText(v["korean_name"]);
    m.displayName = toText(v["english_name"]);
    if (m.displayName.isEmpty())
        m.displayName = m.base;
    // Old shape: "market_warning": "CAUTION"; current: "market_event": {"warning": true, "caution": {...}}.
    const JsonValue warning = v["market_warning"];
    if (warning.isString() && equalsIgnoreCase(warning.raw(), "CAUTION"))
        m.warning = true;
    const JsonValue event = v["market_event"];
    if (event.isObject()) {
        if (event["warning"].toBool())
            m.warning = true;
        for (const net::JsonMember& flag : event["caution"].members())
            if (flag.value.toBool())
                m.warning = true;
    }
    return m;
}

Ticker parseTicker(const JsonValue& v, const QString& venue) {
    Ticker t;
    t.venue = venue;
    t.market = toText(firstOf(v, {"market", "code"}));
    t.last = toDecimal(v["trade_price"]);
    t.open = toDecimal(v["opening_price"]);
    t.high = toDecimal(v["high_price"]);
    t.low = toDecimal(v["low_price"]);
    t.prevClose = toDecimal(v["prev_closing_price"]);
    t.change = toDecimal(v["signed_change_price"]);
    t.changeRate = toDecimal(v["signed_change_rate"]);
    t.volume24h = toDecimal(v["acc_trade_volume_24h"]);
    t.quoteVolume24h = toDecimal(v["acc_trade_price_24h"]);
    t.timestampMs = msOf(firstOf(v, {"timestamp", "trade_timestamp"}));
    return t;
}

bool parseOrderBookInto(const JsonValue& v, OrderBook& book) {
    const JsonValue units = v["orderbook_units"];
    if (!units.isArray())
        return false;
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    const qsizetype n = units.size();
    bids.reserve(n);
    asks.reserve(n);
    for (JsonValue unit : units.elements()) {
        const JsonValue askPrice = unit["ask_price"];
        const JsonValue bidPrice = unit["bid_price"];
        if (askPrice.isNumber() || askPrice.isString())
            asks.append({toDecimal(askPrice), toDecimal(unit["ask_size"])});
        if (bidPrice.isNumber() || bidPrice.isString())
            bids.append({toDecimal(bidPrice), toDecimal(unit["bid_size"])});
    }
    book.applySnapshot(std::move(bids), std::move(asks), msOf(v["timestamp"]));
    return true;
}

Candle parseCandle(const JsonValue& v) {
    Candle c;
    c.openTimeMs = parseIsoTimeMs(v["candle_date_time_utc"].raw()).value_or(0);
    c.open = toDecimal(v["opening_price"]);
    c.high = toDecimal(v["high_price"]);
    c.low = toDecimal(v["low_price"]);
    c.close = toDecimal(v["trade_price"]);
    c.volume = toDecimal(v["candle_acc_trade_volume"]);
    c.quoteVolume = toDecimal(v["candle_acc_trade_price"]);
    return c;
}

Trade parseTrade(const JsonValue& v, const QString& venue) {
    Trade t;
    t.venue = venue;
    t.market = toText(firstOf(v, {"market", "code"}));
    t.id = toText(v["sequential_id"]); // a number on Upbit, a string on Bithumb: kept as written
    t.price = toDecimal(v["trade_price"]);
    t.qty = toDecimal(v["trade_volume"]);
    t.side = sideFromText(v["ask_bid"].raw()).value_or(Side::Buy);
    t.timestampMs = msOf(firstOf(v, {"trade_timestamp", "timestamp"}));
    return t;
}

Balance parseBalance(const JsonValue& v, const QString& venue) {
    Balance b;
    b.venue = venue;
    b.currency = toText(v["currency"]);
    b.free = toDecimal(v["balance"]);
    b.locked = toDecimal(v["locked"]);
    b.avgBuyPrice = toDecimal(v["avg_buy_price"]);
    if (b.avgBuyPrice.isPositive())
        b.avgBuyCurrency = toText(v["unit_currency"]);
    return b;
}

OrderState orderStateFrom(std::string_view state, const Decimal& executedVolume) {
    if (state == "done")
        return OrderState::Filled;
    if (state == "cancel")
        return OrderState::Cancelled;
    if (state == "wait" || state == "watch" || state == "trade")
        return executedVolume.isPositive() ? OrderState::PartiallyFilled : OrderState::Open;
    return OrderState::New;
}

// Absent, null or unknown (e.g. a future value) reads as good-till-cancel, the venues' default.
static TimeInForce timeInForceFrom(const JsonValue& v) {
    if (!v.isString())
        return TimeInForce::GoodTillCancel;
    return parseTimeInForce(toText(v)).value_or(TimeInForce::GoodTillCancel);
}

// Bithumb ends an IOC limit order that filled partly as "done": with quantity left it was cancelled.
static OrderState doneWithRestIsCancelled(const Order& o) {
    const bool restLeft = o.type == OrderType::Limit && o.qty.isPositive() && o.filledQty < o.qty;
    return o.state == OrderState::Filled && restLeft ? OrderState::Cancelled : o.state;
}

Order parseOrder(const JsonValue& v, const QString& venue) {
    Order o;
    o.venue = venue;
    o.id = toText(firstOf(v, {"uuid", "order_id"}));
    o.clientId = toText(firstOf(v, {"identifier", "client_order_id"}));
    o.market = toText(firstOf(v, {"market", "code"}));
    o.side = sideFromText(firstOf(v, {"side", "ask_bid"}).raw()).value_or(Side::Buy);
    const std::string_view type = firstOf(v, {"ord_type", "order_type"}).raw();
    const Decimal price = toDecimal(v["price"]);
    const Decimal volume = toDecimal(v["volume"]);
    if (type == "limit") {
        o.type = OrderType::Limit;
        o.price = price;
        o.qty = volume;
    } else {
        // "price": market buy for a quote amount (price = the amount); "market": market sell of a quantity;
        // "best": either, by side.
        o.type = type == "best" ? OrderType::Best : OrderType::Market;
        if (type == "price" || (type == "best" && o.side == Side::Buy))
            o.total = price;
        else
            o.qty = volume;
    }
    o.timeInForce = timeInForceFrom(v["time_in_force"]);
    o.filledQty = toDecimal(v["executed_volume"]);
    o.fee = toDecimal(v["paid_fee"]);
    const JsonValue funds = v["executed_funds"];
    if (!funds.isUndefined() && !funds.isNull()) {
        o.filledQuote = toDecimal(funds);
    } else if (v["trades"].isArray() && v["trades"].size() > 0) {
        for (JsonValue t : v["trades"].elements()) {
            const JsonValue f = t["funds"];
            o.filledQuote +=
                f.isUndefined() || f.isNull() ? toDecimal(t["price"]) * toDecimal(t["volume"]) : toDecimal(f);
        }
    } else if (o.type == OrderType::Limit && o.filledQty.isPositive()) {
        o.filledQuote = o.price * o.filledQty; // no better figure in this reply: the limit price
    }
    o.state = orderStateFrom(v["state"].raw(), o.filledQty);
    o.state = doneWithRestIsCancelled(o);
    o.createdAtMs = parseIsoTimeMs(v["created_at"].raw()).value_or(0);
    o.updatedAtMs = o.createdAtMs;
    for (JsonValue t : v["trades"].elements())
        o.updatedAtMs = std::max(o.updatedAtMs, parseIsoTimeMs(t["created_at"].raw()).value_or(0));
    return o;
}

QVector<Fill> parseOrderFills(const JsonValue& v, const Order& order) {
    QVector<Fill> fills;
    const JsonValue trades = v["trades"];
    if (!trades.isArray() || trades.size() == 0)
        return fills;
    QString quote;
    splitMarketCode(order.market, &quote, nullptr);
    Decimal totalFunds;
    for (JsonValue t : trades.elements()) {
        Fill f;
        f.venue = order.venue;
        f.orderId = order.id;
        f.clientId = order.clientId;
        f.market = order.market;
        f.tradeId = toText(t["uuid"]);
        f.side = sideFromText(t["side"].raw()).value_or(order.side);
        f.price = toDecimal(t["price"]);
        f.qty = toDecimal(t["volume"]);
        const JsonValue funds = t["funds"];
        const Decimal quoteAmount =
            funds.isUndefined() || funds.isNull() ? f.price * f.qty : toDecimal(funds);
        f.fee = quoteAmount; // replaced below by the fee share
        f.feeCurrency = quote;
        f.maker = t["is_maker"].toBool(false);
        f.timestampMs = parseIsoTimeMs(t["created_at"].raw()).value_or(order.createdAtMs);
        totalFunds += quoteAmount;
        fills.append(f);
    }
    // The venue reports one fee for the whole order: share it by traded funds, the last fill taking the
    // remainder so the shares add up to paid_fee exactly.
    Decimal assigned;
    for (qsizetype i = 0; i < fills.size(); ++i) {
        Fill& f = fills[i];
        if (i + 1 == fills.size()) {
            f.fee = order.fee - assigned;
        } else if (totalFunds.isPositive()) {
            f.fee = (order.fee * f.fee).divide(totalFunds, 12, Rounding::HalfEven);
            assigned += f.fee;
        } else {
            f.fee = Decimal();
        }
    }
    return fills;
}

OrderChance parseOrderChance(const JsonValue& v) {
    OrderChance c;
    c.bidFee = toDecimal(v["bid_fee"]);
    c.askFee = toDecimal(v["ask_fee"]);
    c.makerBidFee = v.contains("maker_bid_fee") ? toDecimal(v["maker_bid_fee"]) : c.bidFee;
    c.makerAskFee = v.contains("maker_ask_fee") ? toDecimal(v["maker_ask_fee"]) : c.askFee;
    const JsonValue market = v["market"];
    c.bidMinTotal = toDecimal(market["bid"]["min_total"]);
    c.askMinTotal = toDecimal(market["ask"]["min_total"]);
    c.maxTotal = toDecimal(market["max_total"]);
    c.priceUnit = toDecimal(firstOf(market["bid"], {"price_unit"}));
    if (c.priceUnit.isZero())
        c.priceUnit = toDecimal(market["ask"]["price_unit"]);
    c.state = toText(market["state"]);
    return c;
}

MyOrderEvent parseMyOrder(const JsonValue& v, const QString& venue) {
    MyOrderEvent e;
    Order& o = e.order;
    o.venue = venue;
    o.id = toText(firstOf(v, {"uuid", "order_id"}));
    if (o.id.isEmpty())
        return e;
    o.clientId = toText(firstOf(v, {"identifier", "client_order_id"}));
    o.market = toText(firstOf(v, {"code", "market"}));
    o.side = sideFromText(firstOf(v, {"ask_bid", "side"}).raw()).value_or(Side::Buy);
    const std::string_view type = firstOf(v, {"order_type", "ord_type"}).raw();
    const std::string_view state = v["state"].raw();
    const Decimal price = toDecimal(v["price"]);
    const Decimal volume = toDecimal(v["volume"]);
    const Decimal executed = toDecimal(v["executed_volume"]);
    const Decimal remaining = toDecimal(v["remaining_volume"]);
    const bool isTrade = state == "trade";
    o.filledQty = executed;
    o.fee = toDecimal(v["paid_fee"]);
    o.filledQuote = toDecimal(v["executed_funds"]);
    o.type = type == "limit" ? OrderType::Limit : type == "best" ? OrderType::Best : OrderType::Market;
    o.timeInForce = timeInForceFrom(v["time_in_force"]);
    // On a trade event `price` and `volume` are the trade's; otherwise the order's.
    if (o.type == OrderType::Limit) {
        o.qty = executed + remaining;
        if (!isTrade)
            o.price = price;
    } else if (type == "price" || (type == "best" && o.side == Side::Buy)) {
        if (!isTrade)
            o.total = price;
    } else {
        o.qty = isTrade ? executed + remaining : volume;
    }
    if (isTrade)
        o.state = remaining.isZero() && o.type == OrderType::Limit ? OrderState::Filled
                                                                   : OrderState::PartiallyFilled;
    else
        o.state = orderStateFrom(state, executed);
    if (!isTrade)
        o.state = doneWithRestIsCancelled(o);
    o.createdAtMs = msOf(v["order_timestamp"]);
    o.updatedAtMs = msOf(firstOf(v, {"trade_timestamp", "timestamp"}));
    if (isTrade) {
        Fill f;
        f.venue = venue;
        f.orderId = o.id;
        f.clientId = o.clientId;
        f.market = o.market;
        f.tradeId = toText(firstOf(v, {"trade_uuid", "trade_id"}));
        f.side = o.side;
        f.price = price;
        f.qty = volume;
        f.fee = toDecimal(v["trade_fee"]);
        splitMarketCode(o.market, &f.feeCurrency, nullptr);
        f.maker = v["is_maker"].toBool(false);
        f.timestampMs = msOf(firstOf(v, {"trade_timestamp", "timestamp"}));
        e.fill = f;
    }
    e.valid = true;
    return e;
}

QVector<Balance> parseMyAsset(const JsonValue& v, const QString& venue) {
    QVector<Balance> out;
    for (JsonValue asset : v["assets"].elements())
        out.append(parseBalance(asset, venue));
    return out;
}

std::optional<ErrorBody> parseErrorBody(const JsonValue& root) {
    const JsonValue error = root["error"];
    if (!error.isObject())
        return std::nullopt;
    ErrorBody b;
    const JsonValue name = error["name"];
    b.numericName = name.isNumber();
    b.name = toText(name);
    b.message = toText(error["message"]);
    return b;
}

bool isLegacyBithumbEnvelope(const JsonValue& root) {
    const JsonValue status = root["status"];
    return root.isObject() && status.isString() && status.raw().size() == 4 &&
           (root.contains("data") || root.contains("resmsg") || root.contains("message"));
}

} // namespace hoga::upbit
