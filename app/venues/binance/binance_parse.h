#pragma once

#include "core/account.h"
#include "core/candle.h"
#include "core/market.h"
#include "core/order.h"
#include "core/orderbook.h"
#include "core/result.h"
#include "core/ticker.h"
#include "core/trade.h"
#include "venues/net/json_value.h"
#include "venues/net/rate_limiter.h"

#include <QString>
#include <QVector>

namespace hoga::binance {

// Binance numbers orders per symbol, and every order request needs the symbol: our order id is
// "SYMBOL:orderId" (e.g. "BTCUSDT:28"), so an id alone finds the order again.
QString orderKey(const QString& symbol, const QString& orderId);
// {symbol, orderId} of an order key; {"", id} for a bare id.
std::pair<QString, QString> splitOrderKey(const QString& key);

VenueError malformed(const QString& what);

// exchangeInfo filters as trading rules: PRICE_FILTER tickSize -> one price band, LOT_SIZE
// stepSize/minQty/maxQty, MARKET_LOT_SIZE -> the market-order quantity rules, NOTIONAL or MIN_NOTIONAL
// minNotional (-> minTotal) and NOTIONAL maxNotional (-> maxTotal) with whether each binds market orders
// (applyMinToMarket / applyToMarket, applyMaxToMarket). Fees: the list rate (0.1 %) until the account says
// otherwise.
TradingRules rulesFromFilters(const net::JsonValue& filters);
// The symbols that trade now (status TRADING), with base, quote and rules.
Result<QVector<Market>> parseExchangeInfo(const net::JsonValue& root, const QString& venue);
// exchangeInfo rateLimits as limiter pools (named by poolName()).
QList<net::RateLimitGroup> parseRateLimits(const net::JsonValue& root);
// "REQUEST_WEIGHT" per 1 MINUTE -> "REQUEST_WEIGHT_1M", "ORDERS" per 10 SECOND -> "ORDERS_10S", ...
QString poolName(const QString& rateLimitType, const QString& interval, int intervalNum);

// A REST 24 h ticker object (change rate = priceChangePercent / 100, exact).
Ticker parseTicker(const net::JsonValue& object, const QString& venue);
Result<QVector<Ticker>> parseTickers(const net::JsonValue& root, const QString& venue);
// GET /api/v3/depth (and partial depth stream) with lastUpdateId as the book's sequence.
Result<OrderBook> parseDepth(const net::JsonValue& root, const QString& venue, const QString& market);
Result<QVector<Candle>> parseKlines(const net::JsonValue& root);
// GET /api/v3/trades carries no symbol: `market` names it.
Result<QVector<Trade>> parseTrades(const net::JsonValue& root, const QString& venue, const QString& market);
Result<QVector<Balance>> parseAccount(const net::JsonValue& root, const QString& venue);

OrderState orderStateOf(QStringView status);
// An order answer (create RESULT/FULL, query, cancel, open orders entry). Cancel answers name the order by
// origClientOrderId (their clientOrderId is the cancel's own).
Result<Order> parseOrder(const net::JsonValue& object, const QString& venue);
Result<QVector<Order>> parseOrders(const net::JsonValue& root, const QString& venue);
// GET /api/v3/myTrades.
Result<QVector<Fill>> parseMyTrades(const net::JsonValue& root, const QString& venue);

// The wire names of our order shapes.
QString intervalCode(CandleInterval interval); // "1m", "1h", "1M", ...
QString sideCode(Side side);                   // "BUY", "SELL"

} // namespace hoga::binance
