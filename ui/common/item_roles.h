#pragma once

#include <Qt>

namespace hoga {

// Extra item data roles shared by Hoga's models and delegates.
enum ItemRole : int {
    SortRole = Qt::UserRole + 1, // a sortable key (number as double, or text); never used for money
    DecimalRole,                 // the exact hoga::Decimal behind a numeric cell
    KeyRole,                     // the row's identity: market code, currency, order id, ...
    SignRole,                    // int -1/0/+1: direction for up/down colouring
    DepthRole,                   // double 0..1: cumulative depth bar length (pixels only)
    LevelDepthRole,              // double 0..1: this level's own depth bar length (pixels only)
    ButtonRole,                  // QString: text of an in-cell action button (e.g. "Cancel")
};

} // namespace hoga
