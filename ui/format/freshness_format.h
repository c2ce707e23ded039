#pragma once

#include <QString>

namespace hoga {

// A span of time as a person reads it: "12 s", "3 min", "2 h", "4 d" (rounded down, never negative).
QString formatElapsed(qint64 ms);

// "Stale · last update 12 s ago" for a market (or venue) whose stream went silent; "Stale · no update yet"
// when nothing ever arrived (`lastMs` 0).
QString staleText(qint64 lastMs, qint64 nowMs);

} // namespace hoga
