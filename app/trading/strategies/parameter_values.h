#pragma once

#include "core/candle.h"
#include "core/decimal.h"
#include "trading/strategy/strategy_params.h"

#include <QString>

#include <optional>

namespace hoga {

// "30s", "5m", "4h", "1d" -> milliseconds; nullopt for anything else, zero or negative.
std::optional<qint64> durationMsFromText(const QString& text);

// Typed reads of parameters that completeParameters() has already checked, so every read succeeds.
class ParameterValues {
public:
    explicit ParameterValues(StrategyParams params)
        : m_params(std::move(params)) {}

    QString text(const QString& key) const { return m_params.value(key); }
    Decimal decimal(const QString& key) const;
    int integer(const QString& key) const;
    CandleInterval interval(const QString& key) const;
    qint64 durationMs(const QString& key) const;
    const StrategyParams& all() const { return m_params; }

private:
    StrategyParams m_params;
};

// The InvalidOrder error a strategy factory returns for bad parameters; `reason` is already translated.
VenueError invalidParameters(const QString& reason);

} // namespace hoga
