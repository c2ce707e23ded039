#include "collapsing_row.h"

#include <QEvent>

namespace hoga {

CollapsingRow::CollapsingRow(int spacing, QWidget* parent)
    : QWidget(parent)
    , m_spacing(spacing) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void CollapsingRow::addItem(QWidget* item, bool essential) {
    item->setParent(this);
    m_items.append({item, essential});
    updateGeometry();
    relayout();
}

QSize CollapsingRow::sizeHint() const {
    int width = 0;
    int height = 0;
    for (const Item& item : m_items) {
        const QSize hint = item.widget->sizeHint();
        width += (width > 0 ? m_spacing : 0) + hint.width();
        height = std::max(height, hint.height());
    }
    return {width, height};
}

QSize CollapsingRow::minimumSizeHint() const {
    int width = 0;
    for (const Item& item : m_items)
        if (item.essential)
            width += (width > 0 ? m_spacing : 0) + item.widget->sizeHint().width();
    return {width, sizeHint().height()};
}

bool CollapsingRow::event(QEvent* event) {
    // An item's text changed its size: place everything again.
    if (event->type() == QEvent::LayoutRequest) {
        updateGeometry();
        relayout();
    }
    return QWidget::event(event);
}

void CollapsingRow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void CollapsingRow::relayout() {
    int x = 0;
    bool full = false;
    for (const Item& item : m_items) {
        const QSize hint = item.widget->sizeHint();
        const bool fits = !full && x + hint.width() <= width();
        if (item.essential || fits) {
            item.widget->setGeometry(x, 0, hint.width(), height());
            if (item.widget->isHidden())
                item.widget->show();
            x += hint.width() + m_spacing;
        } else {
            full = true; // keep the order: nothing after a hidden item shows
            if (!item.widget->isHidden())
                item.widget->hide();
        }
    }
}

} // namespace hoga
