#pragma once

#include "venues/core/venue_protocol.h"

namespace hoga::binance {

// Binance stream frames: market streams, raw or in the combined wrapper {"stream","data"} (trade,
// 24hrTicker, depthUpdate -> BookDiff for the core's SequencedBook), and the WebSocket API's answers and
// user data events {"subscriptionId","event"} (executionReport -> Order (+ Fill), outboundAccountPosition
// -> Balances). Binance keeps no whole books on the stream: books are the core's sequenced books.
class StreamDecoder final : public VenueStreamDecoder {
public:
    explicit StreamDecoder(QString venue);

    StreamEvent decode(QByteArrayView frame) override;
    const OrderBook& replaceBook(const QString& market, const OrderBook& book) override;
    void removeBook(const QString&) override {}

private:
    StreamEvent decodeEvent(const net::JsonValue& data);

    QString m_venue;
    Ticker m_ticker;
    Trade m_trade;
    BookDiff m_diff;
    Order m_order;
    Fill m_fill;
    QVector<Balance> m_balances;
    OrderBook m_book;
};

} // namespace hoga::binance
