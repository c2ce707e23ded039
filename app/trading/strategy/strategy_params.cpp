#include "strategy_params.h"

#include "trading/strategies/builtin_strategies.h"
#include "trading/strategies/ml_signal_strategy.h"
#include "trading/strategies/parameter_values.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace hoga {

namespace {

std::optional<qint64> integerFromText(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^-?[0-9]{1,9}$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

QString intervalNames() {
    QStringList names;
    for (int i = 0; i <= static_cast<int>(CandleInterval::MN1); ++i)
        names.append(intervalName(static_cast<CandleInterval>(i)));
    return names.join(QStringLiteral(", "));
}

// The bounds check shared by Decimal and Integer parameters; T is Decimal or qint64.
template <class T, class Parse>
std::optional<QString> checkBounds(const StrategyParameter& parameter, const T& value,
                                   const QString& valueText, Parse parse) {
    if (!parameter.minimum.isEmpty()) {
        const auto minimum = parse(parameter.minimum);
        if (minimum && value < *minimum)
            return QCoreApplication::translate("hoga::StrategyParameters",
                                               "Parameter %1 is %2 but must be at least %3.")
                .arg(parameter.key, valueText, parameter.minimum);
    }
    if (!parameter.maximum.isEmpty()) {
        const auto maximum = parse(parameter.maximum);
        if (maximum && value > *maximum)
            return QCoreApplication::translate("hoga::StrategyParameters",
                                               "Parameter %1 is %2 but must be at most %3.")
                .arg(parameter.key, valueText, parameter.maximum);
    }
    return std::nullopt;
}

// The text a valid value is stored as: canonical decimals and integers, everything else as given.
QString canonical(const StrategyParameter& parameter, const QString& value) {
    switch (parameter.type) {
    case StrategyParameter::Type::Decimal:
        return Decimal::parse(value).value_or(Decimal()).toString();
    case StrategyParameter::Type::Integer:
        return QString::number(integerFromText(value).value_or(0));
    default:
        return value;
    }
}

} // namespace

std::optional<QString> validateParameter(const StrategyParameter& parameter, const QString& value) {
    if (value.isEmpty())
        return QCoreApplication::translate("hoga::StrategyParameters", "Parameter %1 needs a value.")
            .arg(parameter.key);
    switch (parameter.type) {
    case StrategyParameter::Type::Decimal: {
        const std::optional<Decimal> number = Decimal::parse(value);
        if (!number)
            return QCoreApplication::translate("hoga::StrategyParameters",
                                               "Parameter %1: \"%2\" is not a decimal number.")
                .arg(parameter.key, value);
        const auto parse = [](const QString& text) {
            return Decimal::parse(text);
        };
        return checkBounds(parameter, *number, number->toString(), parse);
    }
    case StrategyParameter::Type::Integer: {
        const std::optional<qint64> number = integerFromText(value);
        if (!number)
            return QCoreApplication::translate("hoga::StrategyParameters",
                                               "Parameter %1: \"%2\" is not a whole number.")
                .arg(parameter.key, value);
        return checkBounds(parameter, *number, QString::number(*number), integerFromText);
    }
    case StrategyParameter::Type::Choice:
        if (parameter.choices.contains(value))
            return std::nullopt;
        return QCoreApplication::translate("hoga::StrategyParameters",
                                           "Parameter %1: \"%2\" is not one of %3.")
            .arg(parameter.key, value, parameter.choices.join(QStringLiteral(", ")));
    case StrategyParameter::Type::Interval:
        if (intervalFromName(value))
            return std::nullopt;
        return QCoreApplication::translate("hoga::StrategyParameters",
                                           "Parameter %1: \"%2\" is not a candle interval. Use one of %3.")
            .arg(parameter.key, value, intervalNames());
    case StrategyParameter::Type::Duration:
        if (durationMsFromText(value))
            return std::nullopt;
        return QCoreApplication::translate("hoga::StrategyParameters",
                                           "Parameter %1: \"%2\" is not a duration. Use a whole number "
                                           "followed by s, m, h or d, for example 30s, 5m, 4h or 1d.")
            .arg(parameter.key, value);
    }
    return std::nullopt;
}

Result<StrategyParams> completeParameters(const StrategyTemplate& strategy, const StrategyParams& given) {
    QStringList known;
    for (const StrategyParameter& parameter : strategy.parameters)
        known.append(parameter.key);
    QStringList givenKeys = given.keys();
    std::sort(givenKeys.begin(), givenKeys.end());
    for (const QString& key : givenKeys) {
        if (!known.contains(key))
            return invalidParameters(QCoreApplication::translate("hoga::StrategyParameters",
                                                                 "The strategy %1 has no parameter %2. Its "
                                                                 "parameters are %3.")
                                         .arg(strategy.id, key, known.join(QStringLiteral(", "))));
    }
    StrategyParams complete;
    for (const StrategyParameter& parameter : strategy.parameters) {
        const bool isGiven = given.contains(parameter.key);
        if (!isGiven && parameter.defaultValue.isEmpty())
            return invalidParameters(
                QCoreApplication::translate("hoga::StrategyParameters", "Parameter %1 is required: %2")
                    .arg(parameter.key, parameter.description));
        const QString value = isGiven ? given.value(parameter.key) : parameter.defaultValue;
        if (const std::optional<QString> reason = validateParameter(parameter, value))
            return invalidParameters(*reason);
        complete.insert(parameter.key, canonical(parameter, value));
    }
    return complete;
}

const QVector<StrategyTemplate>& builtInStrategies() {
    static const QVector<StrategyTemplate> templates = {smaCrossTemplate(),  rsiTemplate(),
                                                        bollingerTemplate(), gridTemplate(),
                                                        dcaTemplate(),       mlSignalTemplate()};
    return templates;
}

const StrategyTemplate* findStrategy(const QString& id) {
    const QVector<StrategyTemplate>& templates = builtInStrategies();
    const auto found = std::find_if(templates.cbegin(), templates.cend(),
                                    [&id](const StrategyTemplate& t) { return t.id == id; });
    return found == templates.cend() ? nullptr : &*found;
}

} // namespace hoga
