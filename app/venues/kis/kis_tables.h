#pragma once

#include "core/krx_market.h"
#include "core/market.h"

#include <QString>
#include <QVector>

namespace hoga::kis {

// The KRX tick table (krx::tickBands).
QVector<PriceBand> krxTickBands();
// KRX stock rules: whole shares, the tick table; `tick` (inquire-price aspr_unit) overrides the band of
// `price` when both are known.
TradingRules krxRules(const Decimal& price = {}, const Decimal& tick = {});

// The regular KRX session (krx::isRegularSession); exchange holidays: the venue refuses those orders itself.
bool isRegularSession(qint64 epochMs);

// A 6-digit KRX short code (005930).
bool isStockCode(const QString& code);

struct StockInfo {
    const char* code;
    const char* koreanName;
    const char* englishName;
};
// A small built-in stock master (large KOSPI/KOSDAQ names). KIS publishes the full master as the daily
// files kospi_code.mst.zip / kosdaq_code.mst.zip (new.real.download.dws.co.kr/common/master/); a full list
// would be refreshed from those once a day. Any other 6-digit code is accepted as a market of its own.
QVector<StockInfo> builtInStocks();
Market stockMarket(const QString& code);

constexpr int kKstOffsetSeconds = krx::kKstOffsetSeconds;

} // namespace hoga::kis
