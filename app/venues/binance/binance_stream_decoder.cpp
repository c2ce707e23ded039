#include "binance_stream_decoder.h"

#include "binance_errors.h"
#include "binance_parse.h"

#include <QCoreApplication>

namespace hoga::binance {

using net::JsonValue;

namespace {

Decimal dec(const JsonValue& v) {
    return v.toDecimal().value_or(Decimal());
}

QVector<BookLevel> levels(const JsonValue& array) {
    QVector<BookLevel> out;
    out.reserve(array.size());
    for (JsonValue level : array.elements())
        out.append(BookLevel{dec(level.at(0)), dec(level.at(1))});
    return out;
}

} // namespace

StreamDecoder::StreamDecoder(QString venue)
    : m_venue(std::move(venue)) {}

const OrderBook& StreamDecoder::replaceBook(const QString&, const OrderBook& book) {
    m_book = book;
    return m_book;
}

StreamEvent StreamDecoder::decode(QByteArrayView frame) {
    net::JsonDocument doc;
    if (!doc.parse(QByteArray(frame.data(), frame.size())) || !doc.root().isObject())
        return {};
    const JsonValue root = doc.root();
    if (root.contains("data"))
        return decodeEvent(root["data"]); // combined market stream
    if (root.contains("event"))
        return decodeEvent(root["event"]); // user data on the WebSocket API
    if (root.contains("status") && root.contains("id")) {
        // A WebSocket API answer: only failures matter (a subscription that did not start).
        if (root["status"].toInt64(200) == 200)
            return {};
        StreamEvent e;
        e.kind = StreamEvent::Kind::Error;
        const JsonValue error = root["error"];
        e.error = errorFromCode(int(error["code"].toInt64(0)), error["msg"].toString(),
                                int(root["status"].toInt64(0)));
        return e;
    }
    if (root.contains("code") && root.contains("msg")) { // a market stream's answer to a bad request
        StreamEvent e;
        e.kind = StreamEvent::Kind::Error;
        e.error = errorFromCode(int(root["code"].toInt64(0)), root["msg"].toString());
        return e;
    }
    return decodeEvent(root); // a raw stream (/ws/<stream>); SUBSCRIBE answers end as None
}

StreamEvent StreamDecoder::decodeEvent(const JsonValue& d) {
    StreamEvent e;
    const QString type = d["e"].toString();
    if (type == QLatin1String("trade")) {
        m_trade = Trade();
        m_trade.venue = m_venue;
        m_trade.market = d["s"].toString();
        m_trade.id = d["t"].toString();
        m_trade.price = dec(d["p"]);
        m_trade.qty = dec(d["q"]);
        m_trade.side = d["m"].toBool() ? Side::Sell : Side::Buy; // buyer is maker: the taker sold
        m_trade.timestampMs = d["T"].toInt64(0);
        e.kind = StreamEvent::Kind::Trade;
        e.trade = &m_trade;
    } else if (type == QLatin1String("24hrTicker")) {
        m_ticker = Ticker();
        m_ticker.venue = m_venue;
        m_ticker.market = d["s"].toString();
        m_ticker.last = dec(d["c"]);
        m_ticker.open = dec(d["o"]);
        m_ticker.high = dec(d["h"]);
        m_ticker.low = dec(d["l"]);
        m_ticker.prevClose = dec(d["x"]);
        m_ticker.change = dec(d["p"]);
        m_ticker.changeRate = dec(d["P"]) * Decimal::fromMantissa(1, 2);
        m_ticker.volume24h = dec(d["v"]);
        m_ticker.quoteVolume24h = dec(d["q"]);
        m_ticker.timestampMs = d["E"].toInt64(0);
        e.kind = StreamEvent::Kind::Ticker;
        e.ticker = &m_ticker;
    } else if (type == QLatin1String("depthUpdate")) {
        m_diff = BookDiff();
        m_diff.market = d["s"].toString();
        m_diff.firstSeq = quint64(d["U"].toInt64(0));
        m_diff.lastSeq = quint64(d["u"].toInt64(0));
        m_diff.timestampMs = d["E"].toInt64(0);
        m_diff.bids = levels(d["b"]);
        m_diff.asks = levels(d["a"]);
        e.kind = StreamEvent::Kind::BookDiff;
        e.diff = &m_diff;
    } else if (type == QLatin1String("executionReport")) {
        m_order = Order();
        m_order.venue = m_venue;
        m_order.market = d["s"].toString();
        m_order.id = orderKey(m_order.market, d["i"].toString());
        // A cancel's report carries the cancel request's id in `c` and the order's own in `C`.
        const QString original = d["C"].toString();
        m_order.clientId = original.isEmpty() ? d["c"].toString() : original;
        m_order.side = d["S"].toString() == QLatin1String("SELL") ? Side::Sell : Side::Buy;
        const QString orderType = d["o"].toString();
        m_order.type = orderType == QLatin1String("MARKET") ? OrderType::Market : OrderType::Limit;
        const QString tif = d["f"].toString();
        if (orderType == QLatin1String("LIMIT_MAKER"))
            m_order.timeInForce = TimeInForce::PostOnly;
        else if (m_order.type == OrderType::Limit && tif == QLatin1String("IOC"))
            m_order.timeInForce = TimeInForce::ImmediateOrCancel;
        else if (m_order.type == OrderType::Limit && tif == QLatin1String("FOK"))
            m_order.timeInForce = TimeInForce::FillOrKill;
        if (m_order.type == OrderType::Limit)
            m_order.price = dec(d["p"]);
        m_order.qty = dec(d["q"]);
        m_order.total = dec(d["Q"]);
        if (m_order.type == OrderType::Market && m_order.total.isPositive())
            m_order.qty = Decimal();
        m_order.filledQty = dec(d["z"]);
        m_order.filledQuote = dec(d["Z"]);
        m_order.state = orderStateOf(d["X"].toString());
        m_order.rejectReason = d["r"].toString() == QLatin1String("NONE") ? QString() : d["r"].toString();
        m_order.createdAtMs = d["O"].toInt64(0);
        m_order.updatedAtMs = d["T"].toInt64(0);
        e.kind = StreamEvent::Kind::Order;
        e.order = &m_order;
        if (d["x"].toString() == QLatin1String("TRADE")) {
            m_fill = Fill();
            m_fill.venue = m_venue;
            m_fill.orderId = m_order.id;
            m_fill.clientId = m_order.clientId;
            m_fill.market = m_order.market;
            m_fill.tradeId = d["t"].toString();
            m_fill.side = m_order.side;
            m_fill.price = dec(d["L"]);
            m_fill.qty = dec(d["l"]);
            m_fill.fee = dec(d["n"]);
            m_fill.feeCurrency = d["N"].toString();
            m_fill.maker = d["m"].toBool();
            m_fill.timestampMs = d["T"].toInt64(0);
            e.fill = &m_fill;
        }
    } else if (type == QLatin1String("outboundAccountPosition")) {
        m_balances.clear();
        for (JsonValue b : d["B"].elements()) {
            Balance balance;
            balance.venue = m_venue;
            balance.currency = b["a"].toString();
            balance.free = dec(b["f"]);
            balance.locked = dec(b["l"]);
            m_balances.append(balance);
        }
        e.kind = StreamEvent::Kind::Balances;
        e.balances = &m_balances;
    } else if (type == QLatin1String("eventStreamTerminated")) {
        e.kind = StreamEvent::Kind::Error;
        e.error.kind = ErrorKind::Venue;
        e.error.venueCode = type;
        e.error.detail = QCoreApplication::translate("hoga::BinanceErrors",
                                                     "Binance ended the account stream; it is opened again.");
    }
    // balanceUpdate (deposits, withdrawals) is followed by outboundAccountPosition with the new totals.
    return e;
}

} // namespace hoga::binance
