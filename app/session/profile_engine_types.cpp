#include "profile_engine_types.h"

namespace hoga {

namespace {

void putDecimal(QJsonObject& json, const char* key, const std::optional<Decimal>& value) {
    if (value)
        json.insert(QLatin1String(key), value->toString());
}

void putInt(QJsonObject& json, const char* key, const std::optional<int>& value) {
    if (value)
        json.insert(QLatin1String(key), *value);
}

std::optional<Decimal> decimalAt(const QJsonObject& json, const char* key) {
    const QString text = json.value(QLatin1String(key)).toString();
    if (text.isEmpty())
        return std::nullopt;
    return Decimal::parse(text); // a damaged value reads as no limit rather than a crash
}

std::optional<int> intAt(const QJsonObject& json, const char* key) {
    const QJsonValue v = json.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toInt();
}

} // namespace

QString botStateName(BotState state) {
    switch (state) {
    case BotState::Stopped:
        return QStringLiteral("stopped");
    case BotState::Starting:
        return QStringLiteral("starting");
    case BotState::Running:
        return QStringLiteral("running");
    case BotState::Paused:
        return QStringLiteral("paused");
    case BotState::Halted:
        return QStringLiteral("halted");
    case BotState::Error:
        return QStringLiteral("error");
    }
    return {};
}

QJsonObject riskLimitsToJson(const RiskLimits& limits) {
    QJsonObject json;
    putDecimal(json, "max_order_value", limits.maxOrderValue);
    putDecimal(json, "max_position", limits.maxPosition);
    putInt(json, "max_open_orders", limits.maxOpenOrders);
    putInt(json, "max_orders_per_minute", limits.maxOrdersPerMinute);
    putDecimal(json, "max_price_deviation_pct", limits.maxPriceDeviationPct);
    if (!limits.cashReserve.isZero())
        json.insert(QStringLiteral("cash_reserve"), limits.cashReserve.toString());
    putDecimal(json, "daily_loss_limit", limits.dailyLossLimit);
    return json;
}

RiskLimits riskLimitsFromJson(const QJsonObject& json) {
    RiskLimits limits;
    limits.maxOrderValue = decimalAt(json, "max_order_value");
    limits.maxPosition = decimalAt(json, "max_position");
    limits.maxOpenOrders = intAt(json, "max_open_orders");
    limits.maxOrdersPerMinute = intAt(json, "max_orders_per_minute");
    limits.maxPriceDeviationPct = decimalAt(json, "max_price_deviation_pct");
    limits.cashReserve = decimalAt(json, "cash_reserve").value_or(Decimal());
    limits.dailyLossLimit = decimalAt(json, "daily_loss_limit");
    return limits;
}

} // namespace hoga
