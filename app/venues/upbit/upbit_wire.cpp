#include "upbit_wire.h"

#include "upbit_jwt.h"

#include <QCoreApplication>
#include <QNetworkRequest>

#include <map>

namespace hoga::upbit {

using net::JsonValue;
using net::JsonWriter;

ApiCall call(const QByteArray& method, const QString& path, Query query, const QString& pool,
             bool isPrivate) {
    ApiCall c;
    c.request.method = method;
    c.request.url = QUrl(path);
    c.request.query = std::move(query);
    if (!pool.isEmpty())
        c.request.costs = {{pool, 1}};
    c.request.setHeader("Accept", "application/json");
    c.isPrivate = isPrivate;
    return c;
}

QByteArray orderBody(const OrderRequest& request, const char* orderTypeField, const char* clientIdField) {
    JsonWriter body;
    body.beginObject()
        .field("market", request.market)
        .field("side", request.side == Side::Buy ? "bid" : "ask");
    if (request.type == OrderType::Limit) {
        body.field("volume", request.qty).field("price", request.price).key(orderTypeField).value("limit");
    } else if (request.side == Side::Buy) {
        // Best buys, like market buys, give the amount to spend as `price`.
        body.field("price", request.total)
            .key(orderTypeField)
            .value(request.type == OrderType::Best ? "best" : "price"); // no volume
    } else {
        body.field("volume", request.qty)
            .key(orderTypeField)
            .value(request.type == OrderType::Best ? "best" : "market"); // no price
    }
    // Good-till-cancel is the venues' default and has no wire value.
    if (request.timeInForce != TimeInForce::GoodTillCancel)
        body.field("time_in_force", timeInForceName(request.timeInForce));
    body.key(clientIdField).value(request.clientId).endObject();
    return body.data();
}

QByteArray publicSubscription(const QByteArray& ticket, const QHash<QString, unsigned>& subscribed,
                              const QHash<QString, Decimal>& levels, bool camelCaseFlags) {
    QStringList tickers;
    QStringList trades;
    std::map<QString, QStringList> booksByLevel; // level text ("" = none) -> codes
    for (auto it = subscribed.cbegin(); it != subscribed.cend(); ++it) {
        if (it.value() & TickerChannel)
            tickers.append(it.key());
        if (it.value() & TradeChannel)
            trades.append(it.key());
        if (it.value() & OrderBookChannel) {
            const Decimal level = levels.value(it.key());
            booksByLevel[level.isPositive() ? level.toString() : QString()].append(it.key());
        }
    }
    if (tickers.isEmpty() && trades.isEmpty() && booksByLevel.empty())
        return {};
    const char* snapshotFlag = camelCaseFlags ? "isOnlySnapshot" : "is_only_snapshot";
    const char* realtimeFlag = camelCaseFlags ? "isOnlyRealtime" : "is_only_realtime";
    JsonWriter w;
    w.beginArray().beginObject().field("ticket", QString::fromLatin1(ticket)).endObject();
    auto type = [&](const char* name, QStringList codes, const QString& level) {
        if (codes.isEmpty())
            return;
        codes.sort();
        w.beginObject().field("type", name).key("codes").beginArray();
        for (const QString& code : codes)
            w.value(code);
        w.endArray();
        if (!level.isEmpty())
            w.key("level").decimal(Decimal::fromString(level.toStdString()), JsonWriter::DecimalAs::Number);
        w.field(snapshotFlag, false).field(realtimeFlag, false).endObject();
    };
    type("ticker", tickers, {});
    type("trade", trades, {});
    for (const auto& [level, codes] : booksByLevel)
        type("orderbook", codes, level);
    w.beginObject().field("format", "DEFAULT").endObject().endArray();
    return w.data();
}

QByteArray privateSubscription(const QByteArray& ticket) {
    JsonWriter w;
    w.beginArray()
        .beginObject()
        .field("ticket", QString::fromLatin1(ticket))
        .endObject()
        .beginObject()
        .field("type", "myOrder")
        .endObject()
        .beginObject()
        .field("type", "myAsset")
        .endObject()
        .beginObject()
        .field("format", "DEFAULT")
        .endObject()
        .endArray();
    return w.data();
}

VenueError malformedAnswer(const QString& what) {
    VenueError e;
    e.kind = ErrorKind::Network;
    e.detail = QCoreApplication::translate("hoga::VenueConnector", "The venue's answer could not be read: %1")
                   .arg(what);
    return e;
}

Result<QVector<Market>> parseMarketList(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformedAnswer(QCoreApplication::translate("hoga::upbit::Wire", "the market list is not an array"));
    QVector<Market> markets;
    markets.reserve(root.size());
    for (JsonValue element : root.elements()) {
        Market m = parseMarket(element, venue);
        if (m.isValid())
            markets.append(m);
    }
    return markets;
}

Result<QVector<Ticker>> parseTickerList(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformedAnswer(QCoreApplication::translate("hoga::upbit::Wire", "the ticker list is not an array"));
    QVector<Ticker> out;
    for (JsonValue e : root.elements())
        out.append(parseTicker(e, venue));
    return out;
}

Result<OrderBook> parseOrderBookOf(const JsonValue& root, const QString& venue, const QString& market) {
    for (JsonValue e : root.elements()) {
        if (toText(e["market"]) != market)
            continue;
        OrderBook book(venue, market);
        parseOrderBookInto(e, book);
        return book;
    }
    VenueError e;
    e.kind = ErrorKind::NotFound;
    e.detail =
        QCoreApplication::translate("hoga::VenueConnector", "The venue has no order book for market %1.")
            .arg(market);
    return e;
}

Result<QVector<Trade>> parseTradeList(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformedAnswer(QCoreApplication::translate("hoga::upbit::Wire", "the trade list is not an array"));
    QVector<Trade> out;
    for (JsonValue e : root.elements())
        out.append(parseTrade(e, venue));
    return out;
}

Result<QVector<Balance>> parseBalanceList(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformedAnswer(QCoreApplication::translate("hoga::upbit::Wire", "the account list is not an array"));
    QVector<Balance> out;
    for (JsonValue e : root.elements())
        out.append(parseBalance(e, venue));
    return out;
}

Result<QVector<Order>> parseOrderList(const JsonValue& root, const QString& venue) {
    if (!root.isArray())
        return malformedAnswer(QCoreApplication::translate("hoga::upbit::Wire", "the order list is not an array"));
    QVector<Order> out;
    for (JsonValue e : root.elements())
        out.append(parseOrder(e, venue));
    return out;
}

Result<Order> parseOrderObject(const JsonValue& root, const QString& venue) {
    if (!root.isObject())
        return malformedAnswer(QCoreApplication::translate("hoga::upbit::Wire", "the order is not an object"));
    return parseOrder(root, venue);
}

QString candlePath(CandleInterval interval) {
    switch (interval) {
    case CandleInterval::S1:
        return QStringLiteral("/v1/candles/seconds");
    case CandleInterval::M1:
        return QStringLiteral("/v1/candles/minutes/1");
    case CandleInterval::M3:
        return QStringLiteral("/v1/candles/minutes/3");
    case CandleInterval::M5:
        return QStringLiteral("/v1/candles/minutes/5");
    case CandleInterval::M10:
        return QStringLiteral("/v1/candles/minutes/10");
    case CandleInterval::M15:
        return QStringLiteral("/v1/candles/minutes/15");
    case CandleInterval::M30:
        return QStringLiteral("/v1/candles/minutes/30");
    case CandleInterval::H1:
        return QStringLiteral("/v1/candles/minutes/60");
    case CandleInterval::H4:
        return QStringLiteral("/v1/candles/minutes/240");
    case CandleInterval::D1:
        return QStringLiteral("/v1/candles/days");
    case CandleInterval::W1:
        return QStringLiteral("/v1/candles/weeks");
    case CandleInterval::MN1:
        return QStringLiteral("/v1/candles/months");
    }
    return {};
}

namespace {
QVector<PriceBand> bands(std::initializer_list<std::pair<const char*, const char*>> table) {
    QVector<PriceBand> out;
    for (const auto& [from, tick] : table)
        out.append({Decimal::fromString(from), Decimal::fromString(tick)});
    return out;
}
} // namespace

QVector<PriceBand> defaultBands(const QString& quote) {
    if (quote == QLatin1String("KRW"))
        return TradingRules::krwPriceBands();
    if (quote == QLatin1String("USDT") || quote == QLatin1String("USDC"))
        return bands({{"0", "0.00000001"},
                      {"0.0001", "0.0000001"},
                      {"0.001", "0.000001"},
                      {"0.01", "0.00001"},
                      {"0.1", "0.0001"},
                      {"1", "0.001"},
                      {"10", "0.01"}});
    return bands({{"0", "0.00000001"}});
}

void applyTickAt(QVector<PriceBand>& bandsToFix, const Decimal& price, const Decimal& tick) {
    if (!tick.isPositive() || bandsToFix.isEmpty())
        return;
    if (bandsToFix.size() == 1) {
        bandsToFix.first().tick = tick;
        return;
    }
    if (!price.isPositive())
        return;
    qsizetype index = 0;
    for (qsizetype i = 0; i < bandsToFix.size(); ++i)
        if (bandsToFix[i].fromPrice <= price)
            index = i;
    bandsToFix[index].tick = tick;
}

// ---------------------------------------------------------------------------------------------------------

StreamAdapter::StreamAdapter(QString venue, std::span<const ErrorRule> rules)
    : m_decoder(std::move(venue))
    , m_rules(rules) {}

StreamEvent StreamAdapter::decode(QByteArrayView frame) {
    StreamEvent e;
    switch (m_decoder.decode(frame)) {
    case StreamDecoder::Kind::OrderBook:
        e.kind = StreamEvent::Kind::Book;
        e.book = &m_decoder.book();
        break;
    case StreamDecoder::Kind::Ticker:
        e.kind = StreamEvent::Kind::Ticker;
        e.ticker = &m_decoder.ticker();
        break;
    case StreamDecoder::Kind::Trade:
        e.kind = StreamEvent::Kind::Trade;
        e.trade = &m_decoder.trade();
        break;
    case StreamDecoder::Kind::MyOrder:
        e.kind = StreamEvent::Kind::Order;
        e.order = &m_decoder.myOrder().order;
        e.fill = m_decoder.myOrder().fill ? &*m_decoder.myOrder().fill : nullptr;
        break;
    case StreamDecoder::Kind::MyAsset:
        e.kind = StreamEvent::Kind::Balances;
        e.balances = &m_decoder.assets();
        break;
    case StreamDecoder::Kind::Error: {
        const ErrorBody& body = m_decoder.error();
        e.kind = StreamEvent::Kind::Error;
        e.error = body.numericName ? errorFromName({}, body.name, body.message, true)
                  : findErrorRule(m_rules, body.name)
                      ? errorFromName(m_rules, body.name, body.message)
                      : errorFromName(upbitErrorRules(), body.name, body.message);
        break;
    }
    default:
        break;
    }
    return e;
}

const OrderBook& StreamAdapter::replaceBook(const QString& market, const OrderBook& book) {
    return m_decoder.replaceBook(market, book);
}

JwtAuthenticator::JwtAuthenticator(std::shared_ptr<const JwtSigner> signer)
    : m_signer(std::move(signer)) {}

void JwtAuthenticator::sign(net::HttpRequest& request) const {
    m_signer->sign(request);
}

void JwtAuthenticator::authorizeHandshake(QNetworkRequest& request) const {
    // A fresh JWT (no query hash) for every handshake.
    request.setRawHeader("Authorization", m_signer->bearer());
}

} // namespace hoga::upbit
