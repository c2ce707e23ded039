#pragma once

#include <QWidget>

namespace hoga {

// Whether what `widget` paints can be seen: it is visible (its tab is the current one, its window shown) and
// its window is not minimised. Views skip their model and paint work while this is false and catch up when
// they are shown again, so a hidden tab or a minimised window costs next to nothing.
inline bool isOnScreen(const QWidget* widget) {
    return widget->isVisible() && !widget->window()->isMinimized();
}

} // namespace hoga
