#include "record_writer.h"

#include "venues/net/json_value.h"

#include <QFileDevice>

namespace hoga::cli {

namespace {

using net::JsonWriter;

// Empty text is "not given" (a venue without a client id, an error without a venue code): null, so scripts
// can tell it from a real empty value.
JsonWriter& textOrNull(JsonWriter& w, const char* key, const QString& text) {
    w.key(key);
    return text.isEmpty() ? w.nullValue() : w.value(text);
}

void levels(JsonWriter& w, const char* key, const QVector<BookLevel>& side, int depth) {
    const qsizetype n = depth > 0 ? std::min<qsizetype>(depth, side.size()) : side.size();
    w.key(key).beginArray();
    for (qsizetype i = 0; i < n; ++i)
        w.beginArray().value(side[i].price).value(side[i].qty).endArray();
    w.endArray();
}

} // namespace

RecordWriter::RecordWriter(QIODevice* out)
    : m_out(out) {}

void RecordWriter::write(const QByteArray& record) {
    m_out->write(record);
    m_out->write("\n", 1);
    // QFile buffers; a consumer reading a stream through a pipe needs every record at once.
    if (auto* file = qobject_cast<QFileDevice*>(m_out))
        file->flush();
}

QByteArray RecordWriter::market(const Market& m) {
    JsonWriter w;
    w.beginObject()
        .field("venue", m.venue)
        .field("market", m.code)
        .field("base", m.base)
        .field("quote", m.quote)
        .field("name", m.displayName.isEmpty() ? m.localName : m.displayName)
        .endObject();
    return w.data();
}

QByteArray RecordWriter::ticker(const Ticker& t) {
    JsonWriter w;
    w.beginObject()
        .field("venue", t.venue)
        .field("market", t.market)
        .field("last", t.last)
        .field("open", t.open)
        .field("high", t.high)
        .field("low", t.low)
        .field("change_rate", t.changeRate)
        .field("volume_24h", t.volume24h)
        .field("quote_volume_24h", t.quoteVolume24h)
        .field("timestamp", t.timestampMs)
        .endObject();
    return w.data();
}

QByteArray RecordWriter::orderBook(const OrderBook& book, int depth) {
    JsonWriter w;
    w.beginObject()
        .field("venue", book.venue())
        .field("market", book.market())
        .field("timestamp", book.timestampMs());
    levels(w, "bids", book.bids(), depth);
    levels(w, "asks", book.asks(), depth);
    w.endObject();
    return w.data();
}

QByteArray RecordWriter::candle(const QString& venue, const QString& market, const Candle& c) {
    JsonWriter w;
    w.beginObject()
        .field("venue", venue)
        .field("market", market)
        .field("open_time", c.openTimeMs)
        .field("open", c.open)
        .field("high", c.high)
        .field("low", c.low)
        .field("close", c.close)
        .field("volume", c.volume)
        .endObject();
    return w.data();
}

QByteArray RecordWriter::trade(const Trade& t) {
    JsonWriter w;
    w.beginObject()
        .field("venue", t.venue)
        .field("market", t.market)
        .field("id", t.id)
        .field("price", t.price)
        .field("qty", t.qty)
        .field("side", sideName(t.side))
        .field("timestamp", t.timestampMs)
        .endObject();
    return w.data();
}

QByteArray RecordWriter::balance(const Balance& b) {
    JsonWriter w;
    w.beginObject()
        .field("venue", b.venue)
        .field("currency", b.currency)
        .field("free", b.free)
        .field("locked", b.locked)
        .field("avg_buy_price", b.avgBuyPrice)
        .endObject();
    return w.data();
}

QByteArray RecordWriter::order(const Order& o) {
    JsonWriter w;
    w.beginObject().field("venue", o.venue).field("id", o.id);
    textOrNull(w, "client_id", o.clientId)
        .field("market", o.market)
        .field("side", sideName(o.side))
        .field("type", orderTypeName(o.type));
    if (o.session != OrderSession::Regular) // KRX after-hours orders only: the record stays as it was
        w.field("session", orderSessionName(o.session));
    w.field("price", o.price)
        .field("qty", o.qty)
        .field("total", o.total)
        .field("filled_qty", o.filledQty)
        .field("state", stateName(o.state))
        .field("created_at", o.createdAtMs)
        .endObject();
    return w.data();
}

QByteArray RecordWriter::error(const CliError& e) {
    JsonWriter w;
    w.beginObject().key("error").beginObject().field("kind", e.kind);
    textOrNull(w, "venue_code", e.venueCode).field("message", e.message).endObject().endObject();
    return w.data();
}

QString RecordWriter::stateName(OrderState state) {
    return orderStateName(state == OrderState::New ? OrderState::Open : state);
}

} // namespace hoga::cli
