#pragma once

#include "parameter_sweep.h"

#include <variant>

namespace hoga {

struct StrategyTemplate;

// Reads a parameter grid from text, one axis per entry: "KEY=FROM:TO:STEP" (exact decimal steps, both ends
// included) or "KEY=A,B,C" (the values as given). Keys must be parameters of the strategy and appear once;
// the grid is bounded (kMaxValuesPerKey per axis, kMaxCombinations in all) so a typo cannot start a
// billion runs.
class SweepGrid {
public:
    using Grid = ParameterSweep::Grid;
    static constexpr int kMaxValuesPerKey = 1000;
    static constexpr int kMaxCombinations = 100'000;

    // The grid, or a translated reason it was refused.
    static std::variant<Grid, QString> parse(const QStringList& axes, const StrategyTemplate& strategy);
    // The values of "FROM:TO:STEP", or a translated reason.
    static std::variant<QStringList, QString> range(const QString& key, const QString& text);
};

} // namespace hoga
