#pragma once

#include "core/error.h"
#include "core/market.h"
#include "core/order.h"
#include "venues/net/http_client.h"

#include <QString>

namespace hoga::binance {

// A Binance error code (-1121 ...) and message as a typed VenueError with a translated explanation. Filter
// failures (-1013 "Filter failure: LOT_SIZE") name the filter and what it requires.
VenueError errorFromCode(int code, const QString& message, int httpStatus = 0);

// The error of a failed REST exchange: transport failures, {"code","msg"} bodies, bare HTTP statuses, and
// 429/418 with their Retry-After (or the "banned until <ms>" a 418 body names).
VenueError errorFromResponse(const net::HttpResponse& response, qint64 nowMs);

// "LOT_SIZE" of "Filter failure: LOT_SIZE", or empty.
QString failedFilter(const QString& message);
// What `filter` allows on `market` for `request`, from the cached rules (translated; empty when the rules
// say nothing about it): "Valid quantities: multiples of 0.00001 BTC from 0.00001 to 9000 BTC."
QString filterValues(const QString& filter, const Market& market, const OrderRequest& request);

// The numeric code of a {"code":-1021,...} body, or 0.
int errorCodeOf(const net::HttpResponse& response);

} // namespace hoga::binance
