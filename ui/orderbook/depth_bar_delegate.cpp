#include "depth_bar_delegate.h"

#include "common/item_roles.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace hoga {

DepthBarDelegate::DepthBarDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_color(QColor(0x3b, 0x82, 0xf6)) {}

void DepthBarDelegate::setColor(const QColor& color) {
    m_color = color;
}

QRect DepthBarDelegate::barRect(const QStyleOptionViewItem& option, double fraction) const {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const int rowWidth = view ? view->viewport()->width() : option.rect.right();
    const int length = static_cast<int>(rowWidth * fraction);
    return QRect(rowWidth - length, option.rect.top() + 1, length, option.rect.height() - 2)
        .intersected(option.rect);
}

void DepthBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection only

    painter->save();
    const QVariant depth = index.data(DepthRole);
    if (depth.isValid()) {
        QColor faint = m_color;
        faint.setAlphaF(0.12f);
        painter->fillRect(barRect(option, depth.toDouble()), faint);
    }
    const QVariant level = index.data(LevelDepthRole);
    if (level.isValid()) {
        QColor strong = m_color;
        strong.setAlphaF(0.2f);
        painter->fillRect(barRect(option, level.toDouble()), strong);
    }

    // initStyleOption put the model's ForegroundRole into the Text colour; keep it on selected rows too.
    painter->setPen(opt.palette.color(QPalette::Text));
    painter->setFont(opt.font);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    painter->drawText(textRect.adjusted(2, 0, -2, 0), static_cast<int>(opt.displayAlignment),
                      painter->fontMetrics().elidedText(text, Qt::ElideLeft, textRect.width() - 4));
    painter->restore();
}

} // namespace hoga
