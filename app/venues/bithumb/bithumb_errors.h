#pragma once

#include "venues/upbit/upbit_errors.h"

#include <span>

namespace hoga::bithumb {

// Bithumb's own error names (tried before Upbit's, which Bithumb API 2.0 shares for the most part).
std::span<const upbit::ErrorRule> errorRules();

} // namespace hoga::bithumb
