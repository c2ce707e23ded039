#pragma once

#include "core/account.h"
#include "core/candle.h"
#include "core/order.h"
#include "core/orderbook.h"
#include "core/result.h"
#include "core/ticker.h"
#include "core/trade.h"
#include "venues/net/json_value.h"

namespace hoga::kis {

// Pure parsers of KIS answers (every number is a string; prices and quantities are whole KRW and shares).
Decimal decimalOf(const net::JsonValue& v);
// KST date (YYYYMMDD) and time (HHMMSS, may be empty) as epoch ms.
qint64 kstMs(const QString& date, const QString& time = {});
QString kstDate(qint64 epochMs);
QString kstTime(qint64 epochMs);

// inquire-price: the ticker of `output` (changeRate = prdy_ctrt / 100 exactly).
Result<Ticker> parsePrice(const net::JsonValue& root);
// inquire-asking-price-exp-ccn: the 10-level book of `output1`.
Result<OrderBook> parseAskingPrice(const net::JsonValue& root, const QString& market);
// inquire-daily-itemchartprice (daily/weekly/monthly) and inquire-time-itemchartprice (minutes): `output2`.
Result<QVector<Candle>> parseChart(const net::JsonValue& root, bool minutes);
Result<QVector<Trade>> parseConclusions(const net::JsonValue& root, const QString& market);
// inquire-balance: KRW (free = the D+2 cash, prvs_rcdl_excc_amt) and one record per holding (currency = the
// 6-digit code, free = ord_psbl_qty, locked = the rest, avgBuyPrice = pchs_avg_pric).
Result<QVector<Balance>> parseBalance(const net::JsonValue& root);
// One order row of inquire-daily-ccld (output1) or inquire-psbl-rvsecncl (output).
Order parseOrderRow(const net::JsonValue& row);
// The rows of either answer; cancel rows (orgn_odno set, cncl_yn Y) are left out, a modify's row is the
// new order it made.
QVector<Order> parseOrderRows(const net::JsonValue& root);

} // namespace hoga::kis
