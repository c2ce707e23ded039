#pragma once

#include "strategy.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

namespace hoga {

// One typed parameter of a strategy template. Values travel as text ("0.001", "20", "ema") so the CLI
// (--param KEY=VALUE), the journal and the UI form share one format; validate() turns them into types.
struct StrategyParameter {
    enum class Type { Decimal, Integer, Choice, Interval, Duration }; // Duration: "30s", "5m", "4h", "1d"

    QString key;         // "fast"
    QString label;       // translated
    QString description; // translated
    Type type = Type::Decimal;
    QString defaultValue;
    QString minimum;       // Decimal/Integer, empty = none
    QString maximum;       // Decimal/Integer, empty = none
    QStringList choices;   // Choice
    bool required = false; // no sensible default (grid bounds, order size)
};

using StrategyParams = QHash<QString, QString>; // key -> text

// A built-in strategy: its description, parameters and a factory that validates parameters first.
struct StrategyTemplate {
    QString id;          // "sma_cross"
    QString name;        // translated
    QString description; // translated
    QVector<StrategyParameter> parameters;
    // Fails with ErrorKind::InvalidOrder-style message naming the parameter (translated) on bad input.
    std::function<Result<std::unique_ptr<Strategy>>(const StrategyParams&, const Market&)> create;
};

// Checks one value against its parameter; empty optional when valid, else the translated reason.
std::optional<QString> validateParameter(const StrategyParameter& parameter, const QString& value);
// All parameters, defaults filled in; fails on the first invalid or missing one, or an unknown key.
Result<StrategyParams> completeParameters(const StrategyTemplate& strategy, const StrategyParams& given);

// The built-in templates, in display order.
const QVector<StrategyTemplate>& builtInStrategies();
const StrategyTemplate* findStrategy(const QString& id);

} // namespace hoga
