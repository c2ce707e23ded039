#pragma once

#include "core/account.h"
#include "core/candle.h"
#include "core/market.h"
#include "core/order.h"
#include "core/orderbook.h"
#include "core/ticker.h"
#include "core/trade.h"
#include "venues/net/json_value.h"

#include <QString>
#include <QVector>

#include <optional>
#include <string_view>

// Parsers for the JSON shapes Upbit and Bithumb API 2.0 share (REST replies and WebSocket DEFAULT-format
// frames). Pure functions: every number goes through JsonValue::toDecimal (or toDecimalRounded for the
// over-long balances Upbit sends), never through binary floating point. Where the two venues name a field
// differently both names are read (uuid/order_id, identifier/client_order_id, ord_type/order_type,
// market/code).
namespace hoga::upbit {

using net::JsonValue;

// The exact decimal of a number or numeric string; rounded when it has more than 18 fraction digits; 0
// when absent or not a number.
Decimal toDecimal(const JsonValue& v);
// A JSON string or number as text ("" for anything else).
QString toText(const JsonValue& v);
// "2025-07-04T15:00:00+09:00", "2025-08-09T16:44:00.597751+09:00", "2025-07-01T12:00:00Z" or
// "2025-07-01T12:00:00" (no zone: taken as UTC, or as `defaultOffsetSeconds` east of UTC) to epoch ms.
std::optional<qint64> parseIsoTimeMs(std::string_view text, int defaultOffsetSeconds = 0);
// Epoch ms as "yyyy-MM-ddTHH:mm:ss" wall-clock time `offsetSeconds` east of UTC (no zone suffix).
QString formatIsoTime(qint64 epochMs, int offsetSeconds = 0);
// "bid"/"BID" is a buy, "ask"/"ASK" a sell.
std::optional<Side> sideFromText(std::string_view text);
// "KRW-BTC" -> quote "KRW", base "BTC".
void splitMarketCode(const QString& code, QString* quote, QString* base);

Market parseMarket(const JsonValue& v, const QString& venue);
// REST ticker or WebSocket ticker frame (`market` or `code`).
Ticker parseTicker(const JsonValue& v, const QString& venue);
// Replaces `book` with the frame's units (REST element or WebSocket frame); false when it has none.
bool parseOrderBookInto(const JsonValue& v, OrderBook& book);
Candle parseCandle(const JsonValue& v);
// REST /trades/ticks element or WebSocket trade frame.
Trade parseTrade(const JsonValue& v, const QString& venue);
Balance parseBalance(const JsonValue& v, const QString& venue);

// wait/watch -> Open (PartiallyFilled once something executed), done -> Filled, cancel -> Cancelled (keeps
// its filled quantity).
OrderState orderStateFrom(std::string_view state, const Decimal& executedVolume);
// A REST order (create, get, open/closed lists, cancel).
Order parseOrder(const JsonValue& v, const QString& venue);
// The order's own fills from its `trades[]`, with `paid_fee` shared out by traded funds (exact sum).
QVector<Fill> parseOrderFills(const JsonValue& v, const Order& order);

// GET /orders/chance.
struct OrderChance {
    Decimal bidFee;
    Decimal askFee;
    Decimal makerBidFee;
    Decimal makerAskFee;
    Decimal bidMinTotal;
    Decimal askMinTotal;
    Decimal maxTotal;
    Decimal priceUnit; // Bithumb `price_unit` (0 when absent)
    QString state;     // "active", ...
};
OrderChance parseOrderChance(const JsonValue& v);

// One private-stream myOrder frame: the order after the event, and the fill when it was a trade.
struct MyOrderEvent {
    Order order;
    std::optional<Fill> fill;
    bool valid = false;
};
MyOrderEvent parseMyOrder(const JsonValue& v, const QString& venue);
// One myAsset frame: every asset it lists.
QVector<Balance> parseMyAsset(const JsonValue& v, const QString& venue);

// {"error":{"name":"...","message":"..."}}; `name` may be a number on quotation APIs.
struct ErrorBody {
    QString name;
    QString message;
    bool numericName = false;
};
std::optional<ErrorBody> parseErrorBody(const JsonValue& root);

// Legacy Bithumb API 1.0 replies ({"status":"0000","data":...} or {"status":"5100","resmsg":...}): recognised
// so they can be reported instead of misread.
bool isLegacyBithumbEnvelope(const JsonValue& root);

} // namespace hoga::upbit
