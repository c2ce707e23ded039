#include "fake_venue_server_p.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace hoga::test {

using namespace fake;
using net::JsonWriter;

namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kKstOffsetMs = 9 * 3'600'000;

qint64 nowMs() {
    return SystemClock::instance().nowMs();
}

std::string_view sv(const QByteArray& b) {
    return {b.constData(), size_t(b.size())};
}

void num(JsonWriter& w, const char* key, const Decimal& d) {
    w.key(key).decimal(d, JsonWriter::DecimalAs::Number);
}

void str(JsonWriter& w, const char* key, const Decimal& d) {
    w.key(key).decimal(d, JsonWriter::DecimalAs::String);
}

void text(JsonWriter& w, const char* key, const QByteArray& value) {
    w.key(key).value(sv(value));
}

QByteArray utc(qint64 ms, const char* format) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QLatin1String(format)).toLatin1();
}

// Parses Upbit/Bithumb `to`: "2025-07-01T12:00:00", "2025-07-01 12:00:00", optional "Z" or "+09:00".
// Without an offset the time is in `defaultOffsetMs` (UTC for Upbit, KST for Bithumb).
std::optional<qint64> parseTo(const QByteArray& value, qint64 defaultOffsetMs) {
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?$)"));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(value));
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const qint64 local = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    const QString zone = m.captured(7);
    qint64 offset = defaultOffsetMs;
    if (zone == QLatin1String("Z")) {
        offset = 0;
    } else if (!zone.isEmpty()) {
        const qint64 minutes = zone.mid(1, 2).toInt() * 60 + zone.mid(4, 2).toInt();
        offset = (zone.at(0) == QLatin1Char('-') ? -1 : 1) * minutes * 60'000;
    }
    return local - offset;
}

bool isOpenState(const Order& o) {
    return o.isOpen();
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Routes

void FakeVenueServer::Impl::buildRoutes() {
    const bool upbit = isUpbit();
    // Upbit groups per second (quotation per IP, exchange per account); Bithumb categories per IP.
    const int pub = upbit ? 10 : 150;
    const int prv = upbit ? 30 : 140;
    const RateGroup market{upbit ? "market" : "other", pub, 1000};
    const RateGroup candle{"candle", pub, 1000};
    const RateGroup trade{"trade", pub, 1000};
    const RateGroup ticker{"ticker", pub, 1000};
    const RateGroup orderbook{"orderbook", pub, 1000};
    const RateGroup def{upbit ? "default" : "private-other", prv, 1000};
    const RateGroup order{upbit ? "order" : "order-create", upbit ? 12 : 140, 1000};
    const RateGroup orderTest{"order-test", 8, 1000};
    const RateGroup cancel{upbit ? "default" : "order-cancel", prv, 1000};
    const RateGroup cancelAll{"order-cancel-all", 1, 2000};

    auto add = [this](const char* method, const char* path, bool isPrivate, bool needsTrade, RateGroup group,
                      RouteHandler handler) {
        routes.append(Route{method, path, isPrivate, needsTrade, std::move(group), std::move(handler)});
    };
    add("GET", "/v1/market/all", false, false, market, [this](const Call& c) { return marketAll(c); });
    add("GET", "/v1/ticker", false, false, ticker, [this](const Call& c) { return this->ticker(c, false); });
    add("GET", "/v1/orderbook", false, false, orderbook,
        [this](const Call& c) { return this->orderbook(c); });
    add("GET", "/v1/candles/", false, false, candle, [this](const Call& c) { return candles(c); });
    add("GET", "/v1/trades/ticks", false, false, trade, [this](const Call& c) { return tradesTicks(c); });
    add("GET", "/v1/accounts", true, false, def, [this](const Call& c) { return accounts(c); });
    add("GET", "/v1/orders/chance", true, false, def, [this](const Call& c) { return chance(c); });
    add("GET", "/v1/order", true, false, def, [this](const Call& c) { return getOrder(c); });
    add("POST", "/v1/orders", true, true, order,
        [this](const Call& c) { return createOrder(c, false, false); });
    add("DELETE", "/v1/order", true, true, cancel, [this](const Call& c) { return cancelOrder(c, false); });
    if (upbit) {
        add("GET", "/v1/ticker/all", false, false, ticker,
            [this](const Call& c) { return this->ticker(c, true); });
        add("GET", "/v1/orderbook/instruments", false, false, orderbook,
            [this](const Call& c) { return instruments(c); });
        add("POST", "/v1/orders/test", true, true, orderTest,
            [this](const Call& c) { return createOrder(c, true, false); });
        add("GET", "/v1/orders/uuids", true, false, def, [this](const Call& c) { return ordersByIds(c); });
        add("GET", "/v1/orders/open", true, false, def, [this](const Call& c) { return openOrders(c); });
        add("GET", "/v1/orders/closed", true, false, def, [this](const Call& c) { return closedOrders(c); });
        add("DELETE", "/v1/orders/uuids", true, true, def, [this](const Call& c) { return cancelByIds(c); });
        add("DELETE", "/v1/orders/open", true, true, cancelAll,
            [this](const Call& c) { return cancelOpen(c); });
    } else {
        add("POST", "/v2/orders", true, true, order,
            [this](const Call& c) { return createOrder(c, false, true); });
        add("DELETE", "/v2/order", true, true, cancel,
            [this](const Call& c) { return cancelOrder(c, true); });
        add("GET", "/v1/orders", true, false, def, [this](const Call& c) { return bithumbOrders(c); });
    }
}

// ---------------------------------------------------------------------------------------------------------
// Quotation

Reply FakeVenueServer::Impl::marketAll(const Call& c) {
    const QByteArray detailsKey = isUpbit() ? "is_details" : "isDetails";
    const QByteArray details = c.params.value(detailsKey);
    if (!details.isEmpty() && details != "true" && details != "false")
        return quotationError(400, QStringLiteral("Type mismatch error. Check the parameters type!"));
    JsonWriter w;
    w.beginArray();
    for (const FakeMarket& m : markets) {
        w.beginObject();
        w.field("market", m.code)
            .field("korean_name", m.market.localName)
            .field("english_name", m.market.displayName);
        if (details == "true") {
            if (isUpbit()) {
                w.key("market_event").beginObject().field("warning", false).key("caution").beginObject();
                for (const char* flag :
                     {"PRICE_FLUCTUATIONS", "TRADING_VOLUME_SOARING", "DEPOSIT_AMOUNT_SOARING",
                      "GLOBAL_PRICE_DIFFERENCES", "CONCENTRATION_OF_SMALL_ACCOUNTS"})
                    w.field(flag, false);
                w.endObject().endObject();
            } else {
                w.field("market_warning", "NONE");
            }
        }
        w.endObject();
    }
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::ticker(const Call& c, bool all) {
    QStringList codes;
    if (all) {
        const QByteArray quotes = c.params.value("quote_currencies");
        if (quotes.isEmpty())
            return quotationError(
                400, QStringLiteral("Missing request parameter error. Check the required parameters!"));
        const QStringList wanted = QString::fromUtf8(quotes).split(QLatin1Char(','));
        for (const FakeMarket& m : markets)
            if (wanted.contains(m.market.quote))
                codes.append(m.code);
    } else {
        const QByteArray list = c.params.value("markets");
        if (list.isEmpty())
            return quotationError(
                400, QStringLiteral("Missing request parameter error. Check the required parameters!"));
        codes = QString::fromUtf8(list).split(QLatin1Char(','));
        for (const QString& code : codes)
            if (!market(code))
                return quotationError(404, QStringLiteral("Code not found"));
    }
    const qint64 now = nowMs();
    JsonWriter w;
    w.beginArray();
    for (const QString& code : codes) {
        const TickerInfo info = tickerInfo(*sim, market(code)->simCode);
        const Ticker& t = info.t;
        const qint64 tradeTs = info.last ? info.last->timestampMs : now;
        w.beginObject().field("market", code);
        text(w, "trade_date", utc(tradeTs, "yyyyMMdd"));
        text(w, "trade_time", utc(tradeTs, "HHmmss"));
        text(w, "trade_date_kst", utc(tradeTs + kKstOffsetMs, "yyyyMMdd"));
        text(w, "trade_time_kst", utc(tradeTs + kKstOffsetMs, "HHmmss"));
        w.field("trade_timestamp", tradeTs);
        num(w, "opening_price", t.open);
        num(w, "high_price", t.high);
        num(w, "low_price", t.low);
        num(w, "trade_price", t.last);
        num(w, "prev_closing_price", t.prevClose);
        text(w, "change", changeName(t.change));
        num(w, "change_price", t.change.abs());
        num(w, "change_rate", t.changeRate.abs());
        num(w, "signed_change_price", t.change);
        num(w, "signed_change_rate", t.changeRate);
        num(w, "trade_volume", info.last ? info.last->qty : Decimal());
        num(w, "acc_trade_price", t.quoteVolume24h);
        num(w, "acc_trade_price_24h", t.quoteVolume24h);
        num(w, "acc_trade_volume", t.volume24h);
        num(w, "acc_trade_volume_24h", t.volume24h);
        num(w, "highest_52_week_price", t.high);
        text(w, "highest_52_week_date", utc(now, "yyyy-MM-dd"));
        num(w, "lowest_52_week_price", t.low);
        text(w, "lowest_52_week_date", utc(now, "yyyy-MM-dd"));
        w.field("timestamp", now);
        w.endObject();
    }
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::orderbook(const Call& c) {
    const QByteArray list = c.params.value("markets");
    if (list.isEmpty())
        return quotationError(
            400, QStringLiteral("Missing request parameter error. Check the required parameters!"));
    bool ok = true;
    int count = 30;
    if (c.params.has("count")) {
        count = c.params.value("count").toInt(&ok);
        if (!ok)
            return quotationError(400, QStringLiteral("Type mismatch error. Check the parameters type!"));
        if (count < 1 || count > 30)
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
    }
    if (c.params.has("level")) {
        const QByteArray level = c.params.value("level");
        if (!isUpbit() || Decimal::parse(QString::fromLatin1(level)) != std::optional<Decimal>(Decimal()))
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
    }
    const QStringList codes = QString::fromUtf8(list).split(QLatin1Char(','));
    for (const QString& code : codes)
        if (!market(code))
            return quotationError(404, QStringLiteral("Code not found"));
    JsonWriter w;
    w.beginArray();
    for (const QString& code : codes) {
        const OrderBook book = sim->orderBook(market(code)->simCode, count).value();
        const qsizetype rows = std::min(book.bids().size(), book.asks().size());
        Decimal totalAsk;
        Decimal totalBid;
        for (qsizetype i = 0; i < rows; ++i) {
            totalAsk += book.asks()[i].qty;
            totalBid += book.bids()[i].qty;
        }
        w.beginObject().field("market", code).field("timestamp", book.timestampMs());
        num(w, "total_ask_size", totalAsk);
        num(w, "total_bid_size", totalBid);
        w.key("orderbook_units").beginArray();
        for (qsizetype i = 0; i < rows; ++i) {
            w.beginObject();
            num(w, "ask_price", book.asks()[i].price);
            num(w, "bid_price", book.bids()[i].price);
            num(w, "ask_size", book.asks()[i].qty);
            num(w, "bid_size", book.bids()[i].qty);
            w.endObject();
        }
        w.endArray();
        w.field("level", 0);
        w.endObject();
    }
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::instruments(const Call& c) {
    const QByteArray list = c.params.value("markets");
    if (list.isEmpty())
        return quotationError(
            400, QStringLiteral("Missing request parameter error. Check the required parameters!"));
    const QStringList codes = QString::fromUtf8(list).split(QLatin1Char(','));
    for (const QString& code : codes)
        if (!market(code))
            return quotationError(404, QStringLiteral("Code not found"));
    JsonWriter w;
    w.beginArray();
    for (const QString& code : codes) {
        const FakeMarket* m = market(code);
        const Decimal last = sim->tickers({m->simCode}).value().value(0).last;
        w.beginObject().field("market", code).field("quote_currency", m->market.quote);
        str(w, "tick_size", m->market.rules.tickFor(last));
        w.key("supported_levels").beginArray().value(0).endArray();
        w.endObject();
    }
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::candles(const Call& c) {
    const QByteArray kind = c.http.path.mid(int(qstrlen("/v1/candles/")));
    std::optional<CandleInterval> interval;
    int unit = 0;
    if (kind == "seconds" && isUpbit()) {
        interval = CandleInterval::S1;
    } else if (kind == "days") {
        interval = CandleInterval::D1;
    } else if (kind == "weeks") {
        interval = CandleInterval::W1;
    } else if (kind == "months") {
        interval = CandleInterval::MN1;
    } else if (kind.startsWith("minutes/")) {
        unit = kind.mid(8).toInt();
        const QHash<int, CandleInterval> units{{1, CandleInterval::M1},   {3, CandleInterval::M3},
                                               {5, CandleInterval::M5},   {10, CandleInterval::M10},
                                               {15, CandleInterval::M15}, {30, CandleInterval::M30},
                                               {60, CandleInterval::H1},  {240, CandleInterval::H4}};
        if (units.contains(unit))
            interval = units.value(unit);
    }
    if (!interval)
        return quotationError(404, QStringLiteral("Not Found"));

    const QByteArray code = c.params.value("market");
    if (code.isEmpty())
        return quotationError(
            400, QStringLiteral("Missing request parameter error. Check the required parameters!"));
    int count = 1;
    if (c.params.has("count")) {
        bool ok = false;
        count = c.params.value("count").toInt(&ok);
        if (!ok)
            return quotationError(400, QStringLiteral("Type mismatch error. Check the parameters type!"));
        if (count < 1 || count > 200)
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
    }
    qint64 toMs = 0;
    if (c.params.has("to") && !c.params.value("to").isEmpty()) {
        const auto parsed = parseTo(c.params.value("to"), isUpbit() ? 0 : kKstOffsetMs);
        if (!parsed)
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
        toMs = *parsed;
    }
    const FakeMarket* m = market(QString::fromUtf8(code));
    if (!m)
        return quotationError(404, QStringLiteral("Code not found"));

    CandleQuery query;
    query.market = m->simCode;
    query.interval = *interval;
    query.count = count + 1; // one more for the previous close
    query.toMs = toMs;
    const auto fetched = sim->candles(query);
    QVector<Candle> oldestFirst = fetched.ok() ? fetched.value() : QVector<Candle>();
    const qint64 now = nowMs();
    // No candle for intervals without trades, like the real API.
    oldestFirst.erase(std::remove_if(oldestFirst.begin(), oldestFirst.end(),
                                     [](const Candle& k) { return !k.volume.isPositive(); }),
                      oldestFirst.end());

    JsonWriter w;
    w.beginArray();
    int written = 0;
    for (qsizetype i = oldestFirst.size() - 1; i >= 0 && written < count; --i, ++written) {
        const Candle& k = oldestFirst[i];
        w.beginObject().field("market", m->code);
        text(w, "candle_date_time_utc", utcDateTime(k.openTimeMs));
        text(w, "candle_date_time_kst", kstDateTime(k.openTimeMs));
        num(w, "opening_price", k.open);
        num(w, "high_price", k.high);
        num(w, "low_price", k.low);
        num(w, "trade_price", k.close);
        w.field("timestamp", std::min(nextBucketStart(*interval, k.openTimeMs) - 1, now));
        num(w, "candle_acc_trade_price", k.quoteVolume);
        num(w, "candle_acc_trade_volume", k.volume);
        if (unit > 0)
            w.field("unit", unit);
        if (*interval == CandleInterval::D1) {
            const Decimal prev = i > 0 ? oldestFirst[i - 1].close : k.open;
            num(w, "prev_closing_price", prev);
            num(w, "change_price", k.close - prev);
            num(w, "change_rate",
                prev.isPositive() ? (k.close - prev).divide(prev, 8, Rounding::HalfEven) : Decimal());
        }
        if (*interval == CandleInterval::W1 || *interval == CandleInterval::MN1)
            text(w, "first_day_of_period", utc(k.openTimeMs, "yyyy-MM-dd"));
        w.endObject();
    }
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::tradesTicks(const Call& c) {
    const QByteArray code = c.params.value("market");
    if (code.isEmpty())
        return quotationError(
            400, QStringLiteral("Missing request parameter error. Check the required parameters!"));
    const FakeMarket* m = market(QString::fromUtf8(code));
    if (!m)
        return quotationError(404, QStringLiteral("Code not found"));
    int count = 1;
    int daysAgo = 0;
    qint64 cursor = 0;
    bool ok = true;
    if (c.params.has("count")) {
        count = c.params.value("count").toInt(&ok);
        if (!ok)
            return quotationError(400, QStringLiteral("Type mismatch error. Check the parameters type!"));
        if (count < 1 || count > 500)
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
    }
    if (c.params.has("days_ago")) {
        daysAgo = c.params.value("days_ago").toInt(&ok);
        if (!ok)
            return quotationError(400, QStringLiteral("Type mismatch error. Check the parameters type!"));
        if (daysAgo < 1 || daysAgo > 7)
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
    }
    if (c.params.has("cursor")) {
        cursor = c.params.value("cursor").toLongLong(&ok);
        if (!ok)
            return quotationError(400, QStringLiteral("Type mismatch error. Check the parameters type!"));
    }
    const qint64 now = nowMs();
    const qint64 dayStart = now - now % kDayMs - qint64(daysAgo) * kDayMs;
    qint64 endMs = daysAgo > 0 ? dayStart + kDayMs : now + 1;
    if (c.params.has("to")) {
        static const QRegularExpression re(QStringLiteral(R"(^(\d{2}):?(\d{2}):?(\d{2})$)"));
        const QRegularExpressionMatch match = re.match(QString::fromLatin1(c.params.value("to")));
        if (!match.hasMatch())
            return quotationError(400, QStringLiteral("Invalid parameter. Check the given value!"));
        endMs = dayStart + (match.captured(1).toInt() * 3600 + match.captured(2).toInt() * 60 +
                            match.captured(3).toInt()) *
                               1000LL;
    }
    const Ticker t = sim->tickers({m->simCode}).value().value(0);
    JsonWriter w;
    w.beginArray();
    int written = 0;
    const QVector<Trade> trades = sim->recentTrades(m->simCode, SimExchange::kMaxRecentTrades).value();
    for (const Trade& trade : trades) {
        if (written >= count)
            break;
        if (trade.timestampMs >= endMs || trade.timestampMs < dayStart)
            continue;
        if (cursor > 0 && sequentialId(trade) >= cursor)
            continue;
        w.beginObject().field("market", m->code);
        text(w, "trade_date_utc", utc(trade.timestampMs, "yyyy-MM-dd"));
        text(w, "trade_time_utc", utc(trade.timestampMs, "HH:mm:ss"));
        w.field("timestamp", trade.timestampMs);
        num(w, "trade_price", trade.price);
        num(w, "trade_volume", trade.qty);
        num(w, "prev_closing_price", t.prevClose);
        num(w, "change_price", trade.price - t.prevClose);
        w.field("ask_bid", trade.side == Side::Buy ? "BID" : "ASK");
        w.field("sequential_id", sequentialId(trade));
        w.endObject();
        ++written;
    }
    w.endArray();
    return json(w.data());
}

// ---------------------------------------------------------------------------------------------------------
// Account

void FakeVenueServer::Impl::writeAccount(JsonWriter& w, const Balance& b) const {
    w.beginObject().field("currency", b.currency);
    str(w, "balance", b.free);
    str(w, "locked", b.locked);
    str(w, "avg_buy_price", b.avgBuyPrice);
    w.field("avg_buy_price_modified", false);
    w.field("unit_currency", b.avgBuyCurrency.isEmpty() ? QStringLiteral("KRW") : b.avgBuyCurrency);
    w.endObject();
}

Reply FakeVenueServer::Impl::accounts(const Call&) {
    JsonWriter w;
    w.beginArray();
    for (const Balance& b : sim->balances())
        writeAccount(w, b);
    w.endArray();
    return json(w.data());
}

Decimal FakeVenueServer::Impl::feeRateOf(const QString& simCode) const {
    for (const FakeMarket& m : markets)
        if (m.simCode == simCode)
            return Decimal::max(m.market.rules.makerFeeRate, m.market.rules.takerFeeRate);
    return {};
}

Reply FakeVenueServer::Impl::chance(const Call& c) {
    const QByteArray code = c.params.value("market");
    if (code.isEmpty())
        return invalidParam(QStringLiteral("market is missing"));
    const FakeMarket* m = market(QString::fromUtf8(code));
    if (!m)
        return error(404, "notfoundmarket",
                     QStringLiteral("다음 마켓에 없는 종목입니다: %1").arg(QString::fromUtf8(code)));
    const TradingRules& rules = m->market.rules;
    const Decimal last = sim->tickers({m->simCode}).value().value(0).last;
    auto balanceOf = [this](const QString& currency) {
        for (const Balance& b : sim->balances())
            if (b.currency == currency)
                return b;
        Balance empty;
        empty.currency = currency;
        return empty;
    };
    JsonWriter w;
    w.beginObject();
    str(w, "bid_fee", rules.takerFeeRate);
    str(w, "ask_fee", rules.takerFeeRate);
    str(w, "maker_bid_fee", rules.makerFeeRate);
    str(w, "maker_ask_fee", rules.makerFeeRate);
    w.key("market")
        .beginObject()
        .field("id", m->code)
        .field("name", m->market.base + QLatin1Char('/') + m->market.quote);
    w.key("order_types").beginArray().value("limit").endArray();
    w.key("order_sides").beginArray().value("ask").value("bid").endArray();
    w.key("bid_types").beginArray();
    for (const char* t : {"best_fok", "best_ioc", "limit", "limit_fok", "limit_ioc", "price"})
        w.value(t);
    w.endArray();
    w.key("ask_types").beginArray();
    for (const char* t : {"best_fok", "best_ioc", "limit", "limit_fok", "limit_ioc", "market"})
        w.value(t);
    w.endArray();
    for (const char* side : {"bid", "ask"}) {
        w.key(side).beginObject().field(
            "currency", QString::fromLatin1(side) == QLatin1String("bid") ? m->market.quote : m->market.base);
        if (!isUpbit())
            str(w, "price_unit", rules.tickFor(last));
        str(w, "min_total", rules.minTotal);
        w.endObject();
    }
    str(w, "max_total", rules.maxTotal);
    w.field("state", "active");
    w.endObject();
    w.key("bid_account");
    writeAccount(w, balanceOf(m->market.quote));
    w.key("ask_account");
    writeAccount(w, balanceOf(m->market.base));
    w.endObject();
    return json(w.data());
}

// ---------------------------------------------------------------------------------------------------------
// Orders

QString FakeVenueServer::Impl::findOrderSimId(const QString& venueId, const QString& clientId) const {
    if (!venueId.isEmpty())
        return simIdByVenueId.value(venueId);
    if (!clientId.isEmpty())
        return simIdByClientId.value(clientId);
    return {};
}

std::optional<Order> FakeVenueServer::Impl::orderOf(const QString& simId) const {
    const auto it = extras.find(simId);
    if (it == extras.end())
        return std::nullopt;
    if (it->synthetic)
        return *it->synthetic;
    const auto o = sim->order(OrderRef{simId, {}});
    return o.ok() ? std::optional<Order>(o.value()) : std::nullopt;
}

QString FakeVenueServer::Impl::newVenueOrderId(const QString& simId) {
    if (isUpbit())
        return simId;
    // Bithumb's order ids look like "C0101000000001818113", not UUIDs.
    return QStringLiteral("C0%1").arg(101'000'000'000'000'000ULL + quint64(seed % 1000) * 1'000'000'000ULL +
                                      ++bithumbOrderSeq);
}

QByteArray FakeVenueServer::Impl::venueState(const Order& o, const OrderExtra& x) const {
    switch (o.state) {
    case OrderState::New:
    case OrderState::Open:
    case OrderState::PartiallyFilled:
        return "wait";
    case OrderState::Filled:
        // Upbit ends market buys by amount as "cancel" when some change of the amount is left.
        if (isUpbit() && (x.ordType == "price" || (x.ordType == "best" && o.side == Side::Buy)) &&
            o.filledQuote < o.total)
            return "cancel";
        return "done";
    case OrderState::Cancelled:
    case OrderState::Rejected:
        // Bithumb: an IOC that filled partly ends as done.
        if (!isUpbit() && x.tifCancelled && o.filledQty.isPositive())
            return "done";
        return "cancel";
    }
    return "wait";
}

void FakeVenueServer::Impl::writeOrder(JsonWriter& w, const Order& o, const OrderExtra& x, bool withTrades,
                                       bool asWaiting) const {
    const Decimal rate = feeRateOf(o.market);
    const bool byAmount = o.type == OrderType::Market && o.side == Side::Buy;
    const bool open = asWaiting || o.isOpen();
    const Decimal remaining = byAmount ? Decimal() : o.qty - o.filledQty;
    Decimal reservedFee;
    if (o.type == OrderType::Limit)
        reservedFee = o.price * o.qty * rate;
    else if (byAmount)
        reservedFee = o.total * rate;
    const Decimal remainingFee = open ? Decimal::max(Decimal(), reservedFee - o.fee) : Decimal();
    Decimal locked;
    if (open) {
        if (o.side == Side::Sell)
            locked = remaining;
        else if (o.type == OrderType::Limit)
            locked = o.price * remaining * (Decimal(1) + rate);
    }

    w.beginObject();
    w.field("uuid", x.venueId);
    w.field("side", o.side == Side::Buy ? "bid" : "ask");
    text(w, "ord_type", x.ordType);
    if (o.type == OrderType::Limit)
        str(w, "price", o.price);
    else if (byAmount)
        str(w, "price", o.total);
    text(w, "state", asWaiting ? QByteArray("wait") : venueState(o, x));
    w.field("market", venueCodeOfSim(o.market));
    text(w, "created_at", kstIso(o.createdAtMs));
    if (byAmount) {
        w.key("volume").nullValue();
        w.key("remaining_volume").nullValue();
    } else {
        str(w, "volume", o.qty);
        str(w, "remaining_volume", remaining);
    }
    str(w, "executed_volume", o.filledQty);
    str(w, "executed_funds", o.filledQuote);
    str(w, "reserved_fee", reservedFee);
    str(w, "remaining_fee", remainingFee);
    str(w, "paid_fee", o.fee);
    str(w, "locked", locked);
    w.field("prevented_volume", "0").field("prevented_locked", "0");
    w.field("trades_count", int(x.fills.size()));
    if (!x.clientId.isEmpty())
        w.field(isUpbit() ? "identifier" : "client_order_id", x.clientId);
    if (!x.timeInForce.isEmpty())
        text(w, "time_in_force", x.timeInForce);
    if (!isUpbit() && x.tifCancelled)
        w.field("cancel_type", "tif_cancel");
    if (withTrades) {
        w.key("trades").beginArray();
        for (const Fill& f : x.fills) {
            w.beginObject().field("market", venueCodeOfSim(f.market));
            w.field("uuid", QUuid::createUuidV5(QUuid(), f.market + QLatin1Char(':') + f.tradeId)
                                .toString(QUuid::WithoutBraces));
            str(w, "price", f.price);
            str(w, "volume", f.qty);
            str(w, "funds", f.price * f.qty);
            w.field("trend", f.side == Side::Buy ? "up" : "down");
            text(w, "created_at", kstIso(f.timestampMs, true));
            w.field("side", f.side == Side::Buy ? "bid" : "ask");
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

Reply FakeVenueServer::Impl::mapSimError(const VenueError& e) const {
    QByteArray name = e.venueCode.toLatin1();
    if (name == "market_does_not_exist")
        return error(404, "notfoundmarket", e.detail);
    if (name == "validation_error")
        return invalidParam(e.detail);
    if (name == "order_not_found")
        return error(404, "order_not_found", QStringLiteral("주문을 찾지 못했습니다."));
    return error(400, name, e.detail);
}

// Checks an order as the venue does after its shape was accepted: tick, quantity step, order total, funds.
std::optional<Reply> FakeVenueServer::Impl::validateOrder(const OrderRequest& req, const FakeMarket& m,
                                                          const QByteArray& ordType) const {
    const TradingRules& rules = m.market.rules;
    const QByteArray suffix = req.side == Side::Buy ? "_bid" : "_ask";
    const bool limit = req.type == OrderType::Limit;
    const bool byAmount = !limit && req.side == Side::Buy;
    const QString quote = m.market.quote;
    const QString base = m.market.base;
    Q_UNUSED(ordType);

    if (limit) {
        const Decimal tick = rules.tickFor(req.price);
        if (tick.isPositive() && !req.price.isMultipleOf(tick))
            return error(400, "invalid_price" + suffix,
                         QStringLiteral("주문 가격 단위를 잘못 입력하셨습니다. 호가 단위: %1 %2")
                             .arg(tick.toString(), quote));
    }
    if (!byAmount && rules.qtyStep.isPositive() && !req.qty.isMultipleOf(rules.qtyStep))
        return error(400, "invalid_volume" + suffix,
                     QStringLiteral("주문 수량 단위를 잘못 입력하셨습니다. 수량 단위: %1 %2")
                         .arg(rules.qtyStep.toString(), base));

    Decimal total;
    if (limit) {
        total = req.price * req.qty;
    } else if (byAmount) {
        total = req.total;
    } else {
        const auto book = sim->orderBook(m.simCode, 1);
        if (book.ok() && book.value().bestBid())
            total = book.value().bestBid()->price * req.qty;
    }
    if (rules.minTotal.isPositive() && total < rules.minTotal) {
        const QByteArray name = (isUpbit() ? "under_min_total" : "under_price_limit") + suffix;
        return error(400, name,
                     QStringLiteral("최소주문금액 이상으로 주문해주세요. 최소 주문 금액: %1 %2")
                         .arg(rules.minTotal.toString(), quote));
    }
    if (rules.maxTotal.isPositive() && total > rules.maxTotal)
        return error(400, "over_" + quote.toLower().toLatin1() + "_funds" + suffix,
                     QStringLiteral("최대 주문 가능 금액 %1 %2 보다 작은 주문을 입력해 주세요.")
                         .arg(rules.maxTotal.toString(), quote));

    const Decimal rate = Decimal::max(rules.makerFeeRate, rules.takerFeeRate);
    Decimal need;
    QString currency = req.side == Side::Buy ? quote : base;
    if (req.side == Side::Sell)
        need = req.qty;
    else if (limit)
        need = req.price * req.qty * (Decimal(1) + rate);
    else
        need = req.total * (Decimal(1) + rules.takerFeeRate);
    Decimal free;
    for (const Balance& b : sim->balances())
        if (b.currency == currency)
            free = b.free;
    if (free < need) {
        const QString message = req.side == Side::Buy
                                    ? QStringLiteral("주문 가능한 금액(%1)이 부족합니다.").arg(currency)
                                    : QStringLiteral("매도 가능 수량이 부족합니다.");
        return error(400, "insufficient_funds" + suffix, message);
    }
    return std::nullopt;
}

Reply FakeVenueServer::Impl::createOrder(const Call& c, bool test, bool bithumbV2) {
    const RequestParams& p = c.params;
    const bool upbit = isUpbit();
    const QByteArray typeKey = (!upbit && bithumbV2) ? "order_type" : "ord_type";
    const QByteArray idKey = upbit ? "identifier" : (bithumbV2 ? "client_order_id" : QByteArray());

    if (!upbit && bithumbV2 && p.has("ord_type"))
        return invalidParam(QStringLiteral("ord_type is not a parameter of /v2/orders (use order_type)"));
    if (!upbit && !bithumbV2 && p.has("order_type"))
        return invalidParam(QStringLiteral("order_type is not a parameter of /v1/orders (use ord_type)"));

    // Client ids are used up by the attempt itself, even when the order then fails.
    QString clientId;
    if (!idKey.isEmpty() && p.has(idKey)) {
        clientId = QString::fromUtf8(p.value(idKey));
        static const QRegularExpression bithumbId(QStringLiteral("^[A-Za-z0-9_-]{1,36}$"));
        if (!upbit && !bithumbId.match(clientId).hasMatch())
            return invalidParam(QStringLiteral("client_order_id must match [A-Za-z0-9_-]{1,36}"));
        if (clientId.isEmpty())
            return invalidParam(QStringLiteral("%1 is empty").arg(QString::fromLatin1(idKey)));
        if (usedClientIds.contains(clientId))
            return error(400, upbit ? "duplicate_identifier" : "duplicate_client_order_id",
                         QStringLiteral("%1 %2 was already used by another order request.")
                             .arg(QString::fromLatin1(idKey), clientId));
        if (!test)
            usedClientIds.insert(clientId);
    }

    for (const QByteArray& key : {QByteArray("market"), QByteArray("side"), typeKey})
        if (!p.has(key) || p.value(key).isEmpty())
            return invalidParam(QStringLiteral("%1 is missing").arg(QString::fromLatin1(key)));
    const QByteArray sideText = p.value("side");
    const QByteArray ordType = p.value(typeKey);
    if (sideText != "bid" && sideText != "ask")
        return invalidParam(QStringLiteral("side is missing, side does not have a valid value"));
    if (ordType != "limit" && ordType != "price" && ordType != "market" && ordType != "best")
        return invalidParam(
            QStringLiteral("%1 does not have a valid value").arg(QString::fromLatin1(typeKey)));
    const Side side = sideText == "bid" ? Side::Buy : Side::Sell;
    const QByteArray suffix = side == Side::Buy ? "_bid" : "_ask";
    const QByteArray createError = side == Side::Buy ? "create_bid_error" : "create_ask_error";

    const QString code = QString::fromUtf8(p.value("market"));
    const FakeMarket* m = market(code);
    if (!m)
        return error(404, "notfoundmarket", QStringLiteral("다음 마켓에 없는 종목입니다: %1").arg(code));

    auto decimalOf = [&](const QByteArray& key, std::optional<Decimal>* out) -> std::optional<Reply> {
        if (!p.has(key) || p.value(key) == "null")
            return std::nullopt;
        const auto value = Decimal::parse(QString::fromUtf8(p.value(key)));
        if (!value || !value->isPositive())
            return invalidParam(
                QStringLiteral("%1 does not have a valid value").arg(QString::fromLatin1(key)));
        *out = value;
        return std::nullopt;
    };
    std::optional<Decimal> price;
    std::optional<Decimal> volume;
    if (auto e = decimalOf("price", &price))
        return *e;
    if (auto e = decimalOf("volume", &volume))
        return *e;

    const QByteArray tif = p.value("time_in_force");
    if (p.has("time_in_force")) {
        const bool known = tif == "ioc" || tif == "fok" || tif == "post_only";
        const bool allowed = ordType == "limit" || (ordType == "best" && tif != "post_only");
        if (!known || !allowed)
            return upbit
                       ? error(400, "invalid_time_in_force", QStringLiteral("주문조건을 다시 확인해 주세요."))
                       : invalidParam(QStringLiteral("time_in_force does not fit the order type"));
    }
    if (p.has("smp_type")) {
        const QByteArray smp = p.value("smp_type");
        if (!upbit || (smp != "cancel_maker" && smp != "cancel_taker" && smp != "reduce" && smp != "none") ||
            tif == "post_only")
            return invalidParam(QStringLiteral("smp_type does not have a valid value"));
    }

    OrderRequest req;
    req.market = m->simCode;
    req.side = side;
    req.clientId = clientId;
    if (ordType == "limit") {
        if (!price || !volume)
            return invalidParam(QStringLiteral("a limit order needs price and volume"));
        req.type = OrderType::Limit;
        req.price = *price;
        req.qty = *volume;
    } else if (ordType == "price") {
        if (side != Side::Buy || !price || volume)
            return error(400, createError,
                         QStringLiteral("시장가 매수는 주문 총액(price)만 입력해야 합니다."));
        req.type = OrderType::Market;
        req.total = *price;
    } else if (ordType == "market") {
        if (side != Side::Sell || !volume || price)
            return error(400, createError,
                         QStringLiteral("시장가 매도는 주문 수량(volume)만 입력해야 합니다."));
        req.type = OrderType::Market;
        req.qty = *volume;
    } else { // best: ioc/fok, buy by amount, sell by volume
        if (tif != "ioc" && tif != "fok")
            return upbit
                       ? error(400, "invalid_time_in_force", QStringLiteral("주문조건을 다시 확인해 주세요."))
                       : invalidParam(QStringLiteral("best orders need time_in_force ioc or fok"));
        if (side == Side::Buy ? (!price || volume) : (!volume || price))
            return error(400, createError, QStringLiteral("최유리 주문의 가격/수량 조건을 확인해 주세요."));
        req.type = OrderType::Market;
        if (side == Side::Buy)
            req.total = *price;
        else
            req.qty = *volume;
    }
    if (auto rejected = validateOrder(req, *m, ordType))
        return *rejected;

    const qint64 now = nowMs();
    if (test) {
        Order o;
        o.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        o.market = req.market;
        o.side = req.side;
        o.type = req.type;
        o.price = req.price;
        o.qty = req.qty;
        o.total = req.total;
        o.state = OrderState::Open;
        o.createdAtMs = now;
        OrderExtra x;
        x.venueId = o.id;
        x.clientId = clientId;
        x.ordType = ordType;
        x.timeInForce = tif;
        JsonWriter w;
        writeOrder(w, o, x, false);
        return json(w.data(), 201);
    }

    // Time-in-force conditions the simulator does not know: fill-or-kill that cannot fill completely and
    // post-only that would take liquidity end at once as cancelled orders without fills.
    bool killAtOnce = false;
    const OrderBook book = sim->orderBook(m->simCode, 0).value();
    if (tif == "post_only") {
        const auto opposite = side == Side::Buy ? book.bestAsk() : book.bestBid();
        killAtOnce =
            opposite && (side == Side::Buy ? req.price >= opposite->price : req.price <= opposite->price);
    } else if (tif == "fok") {
        Decimal qtyAvailable;
        Decimal quoteAvailable;
        for (const BookLevel& level : side == Side::Buy ? book.asks() : book.bids()) {
            if (req.type == OrderType::Limit &&
                (side == Side::Buy ? level.price > req.price : level.price < req.price))
                break;
            qtyAvailable += level.qty;
            quoteAvailable += level.price * level.qty;
        }
        killAtOnce = req.total.isPositive() ? quoteAvailable < req.total : qtyAvailable < req.qty;
    }

    QString simId;
    SimEvents events;
    if (killAtOnce) {
        Order o;
        simId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        o.id = simId;
        o.clientId = clientId;
        o.market = req.market;
        o.side = req.side;
        o.type = req.type;
        o.price = req.price;
        o.qty = req.qty;
        o.total = req.total;
        o.state = OrderState::Cancelled;
        o.createdAtMs = o.updatedAtMs = now;
        OrderExtra x;
        x.synthetic = o;
        x.tifCancelled = true;
        extras.insert(simId, x);
    } else {
        const Result<Order> created = sim->createOrder(req, &events);
        if (!created.ok())
            return mapSimError(created.error());
        simId = created.value().id;
        extras.insert(simId, OrderExtra{});
    }
    OrderExtra& x = extras[simId];
    x.venueId = newVenueOrderId(simId);
    x.clientId = clientId;
    x.ordType = ordType;
    x.timeInForce = tif;
    simIdByVenueId.insert(x.venueId, simId);
    if (!clientId.isEmpty())
        simIdByClientId.insert(clientId, simId);
    orderSequence.append(simId);

    if (!killAtOnce && tif == "ioc") {
        const auto current = sim->order(OrderRef{simId, {}});
        if (current.ok() && current.value().isOpen()) {
            x.tifCancelled = true;
            SimEvents cancelEvents;
            sim->cancelOrder(OrderRef{simId, {}}, &cancelEvents);
            events.trades += cancelEvents.trades;
            events.orders += cancelEvents.orders;
            events.fills += cancelEvents.fills;
            events.balances += cancelEvents.balances;
            for (const QString& changed : cancelEvents.markets)
                if (!events.markets.contains(changed))
                    events.markets.append(changed);
        }
    }
    publish(events);
    emit q->orderCreated(x.venueId);

    Reply reply;
    if (timeoutNextOrder) {
        timeoutNextOrder = false;
        reply.holdForever = !timeoutCloses;
        reply.closeSocket = timeoutCloses;
        return reply;
    }
    const Order o = *orderOf(simId);
    JsonWriter w;
    if (!upbit && bithumbV2) {
        w.beginObject().field("order_id", x.venueId);
        if (!clientId.isEmpty())
            w.field("client_order_id", clientId);
        text(w, "created_at", kstIso(o.createdAtMs));
        w.endObject();
    } else {
        writeOrder(w, o, extras[simId], false);
    }
    return json(w.data(), 201);
}

Reply FakeVenueServer::Impl::getOrder(const Call& c) {
    const QByteArray idKey = isUpbit() ? "identifier" : "client_order_id";
    const bool hasUuid = c.params.has("uuid");
    const bool hasClient = c.params.has(idKey);
    if (hasUuid == hasClient)
        return invalidParam(
            QStringLiteral("exactly one of uuid and %1 is required").arg(QString::fromLatin1(idKey)));
    const QString simId =
        findOrderSimId(QString::fromUtf8(c.params.value("uuid")), QString::fromUtf8(c.params.value(idKey)));
    const auto o = simId.isEmpty() ? std::nullopt : orderOf(simId);
    if (!o)
        return error(404, "order_not_found", QStringLiteral("주문을 찾지 못했습니다."));
    JsonWriter w;
    writeOrder(w, *o, extras[simId], true);
    return json(w.data());
}

namespace {

// page/limit/order_by of the order lists; nullopt + error text when invalid.
struct Paging {
    int page = 1;
    int limit = 100;
    bool ascending = false;
};

std::optional<QString> readPaging(const RequestParams& p, int maxLimit, Paging* out) {
    bool ok = true;
    if (p.has("page")) {
        out->page = p.value("page").toInt(&ok);
        if (!ok || out->page < 1)
            return QStringLiteral("page does not have a valid value");
    }
    if (p.has("limit")) {
        out->limit = p.value("limit").toInt(&ok);
        if (!ok || out->limit < 1 || out->limit > maxLimit)
            return QStringLiteral("limit must be between 1 and %1").arg(maxLimit);
    }
    if (p.has("order_by")) {
        const QByteArray order = p.value("order_by");
        if (order != "asc" && order != "desc")
            return QStringLiteral("order_by must be asc or desc");
        out->ascending = order == "asc";
    }
    return std::nullopt;
}

} // namespace

Reply FakeVenueServer::Impl::ordersByIds(const Call& c) {
    const QList<QByteArray> uuids = c.params.values("uuids[]");
    const QList<QByteArray> identifiers = c.params.values("identifiers[]");
    if (uuids.isEmpty() == identifiers.isEmpty())
        return invalidParam(QStringLiteral("exactly one of uuids[] and identifiers[] is required"));
    if (uuids.size() > 100 || identifiers.size() > 100)
        return invalidParam(QStringLiteral("at most 100 ids"));
    Paging paging;
    if (auto e = readPaging(c.params, 100, &paging))
        return invalidParam(*e);
    const QString marketFilter = QString::fromUtf8(c.params.value("market"));
    QVector<QString> ids;
    for (const QByteArray& id : uuids)
        if (const QString s = findOrderSimId(QString::fromUtf8(id), {}); !s.isEmpty())
            ids.append(s);
    for (const QByteArray& id : identifiers)
        if (const QString s = findOrderSimId({}, QString::fromUtf8(id)); !s.isEmpty())
            ids.append(s);
    QVector<Order> list;
    for (const QString& id : ids)
        if (auto o = orderOf(id); o && (marketFilter.isEmpty() || venueCodeOfSim(o->market) == marketFilter))
            list.append(*o);
    std::sort(list.begin(), list.end(), [&](const Order& a, const Order& b) {
        return paging.ascending ? a.createdAtMs < b.createdAtMs : a.createdAtMs > b.createdAtMs;
    });
    JsonWriter w;
    w.beginArray();
    for (const Order& o : list)
        writeOrder(w, o, extras[o.id], false);
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::openOrders(const Call& c) {
    QList<QByteArray> states = c.params.values("states[]");
    if (c.params.has("state"))
        states.append(c.params.value("state"));
    for (const QByteArray& s : states)
        if (s != "wait" && s != "watch")
            return invalidParam(QStringLiteral("state does not have a valid value"));
    Paging paging;
    if (auto e = readPaging(c.params, 100, &paging))
        return invalidParam(*e);
    const QString marketFilter = QString::fromUtf8(c.params.value("market"));
    if (!marketFilter.isEmpty() && !market(marketFilter))
        return error(404, "notfoundmarket",
                     QStringLiteral("다음 마켓에 없는 종목입니다: %1").arg(marketFilter));
    const bool wantWait = states.isEmpty() || states.contains("wait");
    QVector<QString> ids;
    for (const QString& id : orderSequence) {
        const auto o = orderOf(id);
        if (o && wantWait && isOpenState(*o) &&
            (marketFilter.isEmpty() || venueCodeOfSim(o->market) == marketFilter))
            ids.append(id);
    }
    if (!paging.ascending)
        std::reverse(ids.begin(), ids.end());
    JsonWriter w;
    w.beginArray();
    const qsizetype first = qsizetype(paging.page - 1) * paging.limit;
    for (qsizetype i = first; i < ids.size() && i < first + paging.limit; ++i)
        writeOrder(w, *orderOf(ids[i]), extras[ids[i]], false);
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::closedOrders(const Call& c) {
    QList<QByteArray> states = c.params.values("states[]");
    if (c.params.has("state"))
        states.append(c.params.value("state"));
    for (const QByteArray& s : states)
        if (s != "done" && s != "cancel")
            return invalidParam(QStringLiteral("state does not have a valid value"));
    Paging paging;
    if (auto e = readPaging(c.params, 1000, &paging))
        return invalidParam(*e);
    const qint64 now = nowMs();
    qint64 endMs = now + 1;
    qint64 startMs = 0;
    if (c.params.has("end_time")) {
        const auto t = parseTo(c.params.value("end_time"), 0);
        if (!t)
            return invalidParam(QStringLiteral("end_time does not have a valid value"));
        endMs = *t;
    }
    if (c.params.has("start_time")) {
        const auto t = parseTo(c.params.value("start_time"), 0);
        if (!t)
            return invalidParam(QStringLiteral("start_time does not have a valid value"));
        startMs = *t;
        if (!c.params.has("end_time"))
            endMs = startMs + 7 * kDayMs;
    } else {
        startMs = endMs - 7 * kDayMs;
    }
    if (endMs - startMs > 7 * kDayMs || endMs < startMs)
        return invalidParam(QStringLiteral("the time window must be at most 7 days"));
    const QString marketFilter = QString::fromUtf8(c.params.value("market"));
    QVector<QString> ids;
    for (const QString& id : orderSequence) {
        const auto o = orderOf(id);
        if (!o || o->isOpen() || o->createdAtMs < startMs || o->createdAtMs > endMs)
            continue;
        if (!marketFilter.isEmpty() && venueCodeOfSim(o->market) != marketFilter)
            continue;
        if (!states.isEmpty() && !states.contains(venueState(*o, extras[id])))
            continue;
        ids.append(id);
    }
    if (!paging.ascending)
        std::reverse(ids.begin(), ids.end());
    JsonWriter w;
    w.beginArray();
    for (qsizetype i = 0; i < ids.size() && i < paging.limit; ++i)
        writeOrder(w, *orderOf(ids[i]), extras[ids[i]], false);
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::bithumbOrders(const Call& c) {
    QList<QByteArray> states = c.params.values("states[]");
    if (c.params.has("state"))
        states.append(c.params.value("state"));
    for (const QByteArray& s : states)
        if (s != "wait" && s != "watch" && s != "done" && s != "cancel")
            return invalidParam(QStringLiteral("state does not have a valid value"));
    if (states.contains("watch") && states.size() > 1)
        return invalidParam(QStringLiteral("watch cannot be combined with other states"));
    if (states.isEmpty())
        states.append("wait");
    Paging paging;
    if (auto e = readPaging(c.params, 100, &paging))
        return invalidParam(*e);
    const QList<QByteArray> uuids = c.params.values("uuids[]");
    const QList<QByteArray> clientIds = c.params.values("client_order_ids[]");
    if (uuids.size() > 100 || clientIds.size() > 100)
        return invalidParam(QStringLiteral("at most 100 ids"));
    const QString marketFilter = QString::fromUtf8(c.params.value("market"));
    QVector<QString> ids;
    for (const QString& id : orderSequence) {
        const auto o = orderOf(id);
        if (!o || !states.contains(venueState(*o, extras[id])))
            continue;
        if (!marketFilter.isEmpty() && venueCodeOfSim(o->market) != marketFilter)
            continue;
        if (!uuids.isEmpty() && !uuids.contains(extras[id].venueId.toUtf8()))
            continue;
        if (!clientIds.isEmpty() && !clientIds.contains(extras[id].clientId.toUtf8()))
            continue;
        ids.append(id);
    }
    if (!paging.ascending)
        std::reverse(ids.begin(), ids.end());
    JsonWriter w;
    w.beginArray();
    const qsizetype first = qsizetype(paging.page - 1) * paging.limit;
    for (qsizetype i = first; i < ids.size() && i < first + paging.limit; ++i)
        writeOrder(w, *orderOf(ids[i]), extras[ids[i]], false);
    w.endArray();
    return json(w.data());
}

Reply FakeVenueServer::Impl::cancelOrder(const Call& c, bool bithumbV2) {
    const bool upbit = isUpbit();
    const QByteArray idKey = upbit ? "uuid" : (bithumbV2 ? "order_id" : "uuid");
    const QByteArray clientKey = upbit ? "identifier" : (bithumbV2 ? "client_order_id" : QByteArray());
    const bool hasId = c.params.has(idKey);
    const bool hasClient = !clientKey.isEmpty() && c.params.has(clientKey);
    if (hasId == hasClient)
        return invalidParam(QStringLiteral("exactly one order id parameter is required"));
    const QString simId =
        findOrderSimId(QString::fromUtf8(c.params.value(idKey)),
                       hasClient ? QString::fromUtf8(c.params.value(clientKey)) : QString());
    const auto before = simId.isEmpty() ? std::nullopt : orderOf(simId);
    if (!before || !before->isOpen())
        return error(404, "order_not_found", QStringLiteral("주문을 찾지 못했습니다."));
    SimEvents events;
    const Result<Order> cancelled = sim->cancelOrder(OrderRef{simId, {}}, &events);
    if (!cancelled.ok())
        return mapSimError(cancelled.error());
    publish(events);
    const OrderExtra& x = extras[simId];
    JsonWriter w;
    if (bithumbV2) {
        w.beginObject().field("order_id", x.venueId);
        if (!x.clientId.isEmpty())
            w.field("client_order_id", x.clientId);
        text(w, "created_at", kstIso(before->createdAtMs));
        w.endObject();
    } else {
        // The venue answers before the cancel is done: the order as it was, still "wait".
        writeOrder(w, *before, x, false, true);
    }
    return json(w.data());
}

Reply FakeVenueServer::Impl::cancelByIds(const Call& c) {
    const QList<QByteArray> uuids = c.params.values("uuids[]");
    const QList<QByteArray> identifiers = c.params.values("identifiers[]");
    if (uuids.isEmpty() == identifiers.isEmpty())
        return invalidParam(QStringLiteral("exactly one of uuids[] and identifiers[] is required"));
    if (uuids.size() > 20 || identifiers.size() > 20)
        return invalidParam(QStringLiteral("at most 20 ids"));
    QVector<QPair<QString, QString>> wanted; // venue id / client id as given
    for (const QByteArray& id : uuids)
        wanted.append({QString::fromUtf8(id), {}});
    for (const QByteArray& id : identifiers)
        wanted.append({{}, QString::fromUtf8(id)});
    JsonWriter ok;
    JsonWriter failed;
    int okCount = 0;
    int failCount = 0;
    ok.beginArray();
    failed.beginArray();
    for (const auto& [venueId, clientId] : wanted) {
        const QString simId = findOrderSimId(venueId, clientId);
        const auto o = simId.isEmpty() ? std::nullopt : orderOf(simId);
        SimEvents events;
        const bool done = o && o->isOpen() && sim->cancelOrder(OrderRef{simId, {}}, &events).ok();
        JsonWriter& target = done ? ok : failed;
        (done ? okCount : failCount)++;
        target.beginObject().field("uuid", o ? extras[simId].venueId : venueId);
        target.field("market", o ? venueCodeOfSim(o->market) : QString());
        if (!clientId.isEmpty() || (o && !extras[simId].clientId.isEmpty()))
            target.field("identifier", o ? extras[simId].clientId : clientId);
        target.endObject();
        if (done)
            publish(events);
    }
    ok.endArray();
    failed.endArray();
    const QByteArray body =
        "{\"success\":{\"count\":" + QByteArray::number(okCount) + ",\"orders\":" + ok.data() +
        "},\"failed\":{\"count\":" + QByteArray::number(failCount) + ",\"orders\":" + failed.data() + "}}";
    return json(body);
}

Reply FakeVenueServer::Impl::cancelOpen(const Call& c) {
    const QByteArray sideFilter = c.params.value("cancel_side");
    if (!sideFilter.isEmpty() && sideFilter != "all" && sideFilter != "ask" && sideFilter != "bid")
        return invalidParam(QStringLiteral("cancel_side does not have a valid value"));
    int count = 20;
    if (c.params.has("count")) {
        bool ok = false;
        count = c.params.value("count").toInt(&ok);
        if (!ok || count < 1 || count > 300)
            return invalidParam(QStringLiteral("count must be between 1 and 300"));
    }
    const QStringList pairs =
        QString::fromUtf8(c.params.value("pairs")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    JsonWriter ok;
    ok.beginArray();
    int okCount = 0;
    for (const QString& id : QVector<QString>(orderSequence)) {
        if (okCount >= count)
            break;
        const auto o = orderOf(id);
        if (!o || !o->isOpen())
            continue;
        if ((sideFilter == "ask" && o->side != Side::Sell) || (sideFilter == "bid" && o->side != Side::Buy))
            continue;
        if (!pairs.isEmpty() && !pairs.contains(venueCodeOfSim(o->market)))
            continue;
        SimEvents events;
        if (!sim->cancelOrder(OrderRef{id, {}}, &events).ok())
            continue;
        ++okCount;
        ok.beginObject()
            .field("uuid", extras[id].venueId)
            .field("market", venueCodeOfSim(o->market))
            .endObject();
        publish(events);
    }
    ok.endArray();
    return json("{\"success\":{\"count\":" + QByteArray::number(okCount) + ",\"orders\":" + ok.data() +
                "},\"failed\":{\"count\":0,\"orders\":[]}}");
}

} // namespace hoga::test
