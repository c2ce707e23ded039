#pragma once

#include "venues/upbit/upbit_connector.h"

namespace hoga {

// Bithumb API 2.0 (api.bithumb.com): the Upbit shape with its own differences, which are all this class
// holds: a millisecond `timestamp` in the JWT, `client_order_id` and `order_type` (v2 order paths and short
// v2 replies), camelCase stream flags and `isDetails`, candle `to` in KST, its own rate-limit categories and
// error names, and the v2 private stream.
class BithumbConnector final : public UpbitConnector {
    Q_OBJECT
public:
    explicit BithumbConnector(const VenueConfig& config, upbit::ConnectorOptions options = {},
                              QObject* parent = nullptr);

    static upbit::VenueTraits bithumbTraits();
    static net::RateLimitConfig bithumbRateLimits();
    // Bithumb's own error names (tried before Upbit's, which it shares for the most part).
    static std::span<const upbit::ErrorRule> bithumbErrorRules();

    QString displayName() const override;

protected:
    net::HttpRequest openOrdersRequest(const QString& market) const override;
    net::HttpRequest closedOrdersRequest(const QString& market, int limit) const override;
    QString candleToParam(qint64 toMs, CandleInterval interval) const override;
};

} // namespace hoga
