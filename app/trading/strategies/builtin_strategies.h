#pragma once

#include "trading/strategy/strategy_params.h"

namespace hoga {

// The built-in templates, one per strategy file; builtInStrategies() lists them in display order.
StrategyTemplate smaCrossTemplate();
StrategyTemplate rsiTemplate();
StrategyTemplate bollingerTemplate();
StrategyTemplate gridTemplate();
StrategyTemplate dcaTemplate();

} // namespace hoga
