#pragma once

#include <QFontMetrics>
#include <QLabel>

#include <algorithm>

namespace hoga {

// Sets the text of a one-line label that changes several times a second (a price, a spread, a clock)
// without re-laying out the window: QLabel::setText asks the layouts above it for a new geometry unless the
// label's size is fixed. The label keeps a fixed size that only grows, so a text as wide or narrower costs a
// repaint of the label alone and a wider one a single layout pass.
inline void setLiveText(QLabel* label, const QString& text) {
    if (label->text() == text)
        return;
    const QFontMetrics fm(label->font());
    const QMargins m = label->contentsMargins();
    const int width = fm.horizontalAdvance(text) + m.left() + m.right() + 2 * label->margin() + 4;
    const int height = fm.height() + m.top() + m.bottom() + 2 * label->margin();
    const bool fixed = label->minimumSize() == label->maximumSize();
    if (!fixed || label->minimumWidth() < width || label->minimumHeight() < height)
        label->setFixedSize(std::max(width, fixed ? label->minimumWidth() : 0),
                            std::max(height, fixed ? label->minimumHeight() : 0));
    label->setText(text);
}

} // namespace hoga
