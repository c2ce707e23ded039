#include "sweep_grid.h"

#include "trading/strategy/strategy_params.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

std::variant<QStringList, QString> SweepGrid::range(const QString& key, const QString& text) {
    const QStringList parts = text.split(QLatin1Char(':'));
    const std::optional<Decimal> from = Decimal::parse(parts.value(0));
    const std::optional<Decimal> to = Decimal::parse(parts.value(1));
    const std::optional<Decimal> step = Decimal::parse(parts.value(2));
    if (parts.size() != 3 || !from || !to || !step || !step->isPositive() || *to < *from)
        return QCoreApplication::translate(
                   "hoga::Research", "Sweep %1 takes FROM:TO:STEP with FROM <= TO and STEP > 0, not \"%2\".")
            .arg(key, text);
    QStringList values;
    for (Decimal v = *from; v <= *to; v += *step) {
        if (values.size() >= kMaxValuesPerKey)
            return QCoreApplication::translate("hoga::Research", "Sweep %1 has more than %2 values.")
                .arg(key)
                .arg(kMaxValuesPerKey);
        values << v.toString();
    }
    return values;
}

std::variant<SweepGrid::Grid, QString> SweepGrid::parse(const QStringList& axes,
                                                        const StrategyTemplate& strategy) {
    Grid grid;
    qint64 combinations = 1;
    for (const QString& axis : axes) {
        const qsizetype eq = axis.indexOf(QLatin1Char('='));
        const QString key = eq > 0 ? axis.left(eq) : QString();
        const QString text = eq > 0 ? axis.mid(eq + 1) : QString();
        if (key.isEmpty() || text.isEmpty())
            return QCoreApplication::translate("hoga::Research",
                                               "A sweep takes KEY=FROM:TO:STEP or KEY=A,B,C, not \"%1\".")
                .arg(axis);
        const bool known = std::any_of(strategy.parameters.cbegin(), strategy.parameters.cend(),
                                       [&key](const StrategyParameter& p) { return p.key == key; });
        if (!known)
            return QCoreApplication::translate("hoga::Research", "Strategy %1 has no parameter %2.")
                .arg(strategy.id, key);
        if (std::any_of(grid.cbegin(), grid.cend(), [&key](const auto& a) { return a.first == key; }))
            return QCoreApplication::translate("hoga::Research", "Sweep %1 is given more than once.")
                .arg(key);
        QStringList values;
        if (text.contains(QLatin1Char(':'))) {
            std::variant<QStringList, QString> r = range(key, text);
            if (const QString* error = std::get_if<QString>(&r))
                return *error;
            values = std::get<QStringList>(r);
        } else {
            values = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (values.size() > kMaxValuesPerKey)
                return QCoreApplication::translate("hoga::Research", "Sweep %1 has more than %2 values.")
                    .arg(key)
                    .arg(kMaxValuesPerKey);
        }
        if (values.isEmpty())
            return QCoreApplication::translate("hoga::Research", "Sweep %1 has no values.").arg(key);
        combinations *= values.size();
        if (combinations > kMaxCombinations)
            return QCoreApplication::translate("hoga::Research", "The sweep has more than %1 combinations.")
                .arg(kMaxCombinations);
        grid.append({key, values});
    }
    return grid;
}

} // namespace hoga
