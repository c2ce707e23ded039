#include "builtin_strategies.h"

#include "bollinger_strategy.h"
#include "dca_strategy.h"
#include "grid_strategy.h"
#include "parameter_values.h"
#include "rsi_strategy.h"
#include "sma_cross_strategy.h"

#include <QCoreApplication>

namespace hoga {

namespace {

using Factory = Result<std::unique_ptr<Strategy>> (*)(const ParameterValues&, const Market&);

// The template's factory: parameters completed and checked first, then the strategy's own checks.
void setFactory(StrategyTemplate& t, Factory factory) {
    StrategyTemplate description = t; // without a factory: no cycle
    t.create = [description, factory](const StrategyParams& given,
                                      const Market& market) -> Result<std::unique_ptr<Strategy>> {
        const Result<StrategyParams> complete = completeParameters(description, given);
        if (!complete.ok())
            return complete.error();
        return factory(ParameterValues(complete.value()), market);
    };
}

StrategyParameter orderValueParameter() {
    StrategyParameter p;
    p.key = QStringLiteral("order_value");
    p.label = QCoreApplication::translate("hoga::BuiltInStrategies", "Order value");
    p.description = QCoreApplication::translate("hoga::BuiltInStrategies",
                                                "Amount of the quote currency spent on each buy.");
    p.type = StrategyParameter::Type::Decimal;
    p.minimum = QStringLiteral("0");
    p.required = true;
    return p;
}

StrategyParameter intervalParameter() {
    StrategyParameter p;
    p.key = QStringLiteral("interval");
    p.label = QCoreApplication::translate("hoga::BuiltInStrategies", "Candle interval");
    p.description = QCoreApplication::translate(
        "hoga::BuiltInStrategies", "The strategy reads the closing prices of candles of this length.");
    p.type = StrategyParameter::Type::Interval;
    p.defaultValue = QStringLiteral("15m");
    return p;
}

StrategyParameter integerParameter(const QString& key, const QString& label, const QString& description,
                                   const QString& defaultValue, const QString& minimum,
                                   const QString& maximum) {
    StrategyParameter p;
    p.key = key;
    p.label = label;
    p.description = description;
    p.type = StrategyParameter::Type::Integer;
    p.defaultValue = defaultValue;
    p.minimum = minimum;
    p.maximum = maximum;
    return p;
}

StrategyParameter decimalParameter(const QString& key, const QString& label, const QString& description,
                                   const QString& defaultValue, const QString& minimum,
                                   const QString& maximum) {
    StrategyParameter p = integerParameter(key, label, description, defaultValue, minimum, maximum);
    p.type = StrategyParameter::Type::Decimal;
    p.required = defaultValue.isEmpty();
    return p;
}

} // namespace

StrategyTemplate smaCrossTemplate() {
    StrategyTemplate t;
    t.id = QStringLiteral("sma_cross");
    t.name = QCoreApplication::translate("hoga::BuiltInStrategies", "Moving average cross");
    t.description = QCoreApplication::translate(
        "hoga::BuiltInStrategies",
        "Buys when the fast moving average crosses above the slow one (golden cross) and sells the position "
        "when it crosses below (dead cross), on closed candles.");
    StrategyParameter kind;
    kind.key = QStringLiteral("ma");
    kind.label = QCoreApplication::translate("hoga::BuiltInStrategies", "Average");
    kind.description = QCoreApplication::translate("hoga::BuiltInStrategies",
                                                   "Simple (sma) or exponential (ema) moving averages.");
    kind.type = StrategyParameter::Type::Choice;
    kind.choices = {QStringLiteral("sma"), QStringLiteral("ema")};
    kind.defaultValue = QStringLiteral("sma");
    t.parameters = {
        integerParameter(
            QStringLiteral("fast"), QCoreApplication::translate("hoga::BuiltInStrategies", "Fast period"),
            QCoreApplication::translate("hoga::BuiltInStrategies",
                                        "Candles in the fast average; less than the slow period."),
            QStringLiteral("5"), QStringLiteral("1"), QStringLiteral("500")),
        integerParameter(
            QStringLiteral("slow"), QCoreApplication::translate("hoga::BuiltInStrategies", "Slow period"),
            QCoreApplication::translate("hoga::BuiltInStrategies", "Candles in the slow average."),
            QStringLiteral("20"), QStringLiteral("2"), QStringLiteral("1000")),
        kind,
        intervalParameter(),
        orderValueParameter(),
    };
    setFactory(t, &SmaCrossStrategy::create);
    return t;
}

StrategyTemplate rsiTemplate() {
    StrategyTemplate t;
    t.id = QStringLiteral("rsi");
    t.name = QCoreApplication::translate("hoga::BuiltInStrategies", "RSI mean reversion");
    t.description = QCoreApplication::translate("hoga::BuiltInStrategies",
                                                "Buys when the relative strength index of closed candles "
                                                "falls below the oversold level and sells the "
                                                "position when it rises above the overbought level.");
    t.parameters = {
        integerParameter(QStringLiteral("period"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "Period"),
                         QCoreApplication::translate("hoga::BuiltInStrategies",
                                                     "Candles in the RSI, smoothed as Wilder defined it."),
                         QStringLiteral("14"), QStringLiteral("2"), QStringLiteral("500")),
        decimalParameter(
            QStringLiteral("oversold"), QCoreApplication::translate("hoga::BuiltInStrategies", "Oversold"),
            QCoreApplication::translate("hoga::BuiltInStrategies", "Buy when the RSI is below this."),
            QStringLiteral("30"), QStringLiteral("0"), QStringLiteral("100")),
        decimalParameter(
            QStringLiteral("overbought"),
            QCoreApplication::translate("hoga::BuiltInStrategies", "Overbought"),
            QCoreApplication::translate("hoga::BuiltInStrategies", "Sell when the RSI is above this."),
            QStringLiteral("70"), QStringLiteral("0"), QStringLiteral("100")),
        intervalParameter(),
        orderValueParameter(),
    };
    setFactory(t, &RsiStrategy::create);
    return t;
}

StrategyTemplate bollingerTemplate() {
    StrategyTemplate t;
    t.id = QStringLiteral("bollinger");
    t.name = QCoreApplication::translate("hoga::BuiltInStrategies", "Bollinger bands");
    t.description = QCoreApplication::translate(
        "hoga::BuiltInStrategies",
        "Buys when a candle closes below the lower Bollinger band and sells the position when one closes "
        "above the upper band.");
    t.parameters = {
        integerParameter(QStringLiteral("period"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "Period"),
                         QCoreApplication::translate("hoga::BuiltInStrategies",
                                                     "Candles in the middle band's simple moving average."),
                         QStringLiteral("20"), QStringLiteral("2"), QStringLiteral("500")),
        decimalParameter(
            QStringLiteral("k"), QCoreApplication::translate("hoga::BuiltInStrategies", "Width"),
            QCoreApplication::translate("hoga::BuiltInStrategies",
                                        "Standard deviations between the middle and the outer bands."),
            QStringLiteral("2"), QStringLiteral("0.1"), QStringLiteral("10")),
        intervalParameter(),
        orderValueParameter(),
    };
    setFactory(t, &BollingerStrategy::create);
    return t;
}

StrategyTemplate gridTemplate() {
    StrategyTemplate t;
    t.id = QStringLiteral("grid");
    t.name = QCoreApplication::translate("hoga::BuiltInStrategies", "Grid trading");
    t.description = QCoreApplication::translate(
        "hoga::BuiltInStrategies",
        "Places limit buys on evenly spaced price levels below the current price; when a buy fills, sells "
        "the "
        "same quantity one level higher, and when that sell fills, buys again one level lower.");
    t.parameters = {
        decimalParameter(QStringLiteral("lower"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "Lower price"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "The lowest grid level."), {},
                         QStringLiteral("0"), {}),
        decimalParameter(QStringLiteral("upper"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "Upper price"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "The highest grid level."),
                         {}, QStringLiteral("0"), {}),
        integerParameter(QStringLiteral("levels"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "Levels"),
                         QCoreApplication::translate("hoga::BuiltInStrategies",
                                                     "Number of price levels, both bounds included."),
                         QStringLiteral("10"), QStringLiteral("2"), QStringLiteral("200")),
        decimalParameter(QStringLiteral("qty_per_level"),
                         QCoreApplication::translate("hoga::BuiltInStrategies", "Quantity per level"),
                         QCoreApplication::translate("hoga::BuiltInStrategies",
                                                     "Quantity of the base currency in each level's order."),
                         {}, QStringLiteral("0"), {}),
    };
    setFactory(t, &GridStrategy::create);
    return t;
}

StrategyTemplate dcaTemplate() {
    StrategyTemplate t;
    t.id = QStringLiteral("dca");
    t.name = QCoreApplication::translate("hoga::BuiltInStrategies", "Dollar-cost averaging");
    t.description = QCoreApplication::translate(
        "hoga::BuiltInStrategies", "Buys for the same amount at a fixed period, whatever the price.");
    StrategyParameter period;
    period.key = QStringLiteral("period");
    period.label = QCoreApplication::translate("hoga::BuiltInStrategies", "Period");
    period.description = QCoreApplication::translate("hoga::BuiltInStrategies",
                                                     "Time between buys, for example 30s, 5m, 4h or 1d.");
    period.type = StrategyParameter::Type::Duration;
    period.defaultValue = QStringLiteral("1d");
    t.parameters = {period, orderValueParameter()};
    setFactory(t, &DcaStrategy::create);
    return t;
}

} // namespace hoga
