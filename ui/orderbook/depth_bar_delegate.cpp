#include "depth_bar_delegate.h"

#include "common/item_roles.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace hoga {

namespace {
constexpr int kTextMargin = 5; // Fusion's item text margin (3), its focus frame (1) and a pixel of air
} // namespace

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
    // The ladders select nothing: only a hovered row has a background to draw, and skipping the style
    // (a style sheet lookup per cell) for the rest keeps a ladder repaint cheap.
    if (opt.state & (QStyle::State_Selected | QStyle::State_MouseOver))
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection only

    painter->save();
    // Opaque colours mixed with the row's background once: plain fills instead of blending every pixel.
    const bool plain = !(opt.state & (QStyle::State_Selected | QStyle::State_MouseOver));
    const QColor base = opt.palette.color(QPalette::Base);
    auto tint = [&](const QColor& under, double alpha) {
        if (!plain) {
            QColor c = m_color;
            c.setAlphaF(float(alpha));
            return c;
        }
        return QColor::fromRgbF(under.redF() + (m_color.redF() - under.redF()) * alpha,
                                under.greenF() + (m_color.greenF() - under.greenF()) * alpha,
                                under.blueF() + (m_color.blueF() - under.blueF()) * alpha);
    };
    const QColor faint = tint(base, 0.12);
    const QVariant depth = index.data(DepthRole);
    if (depth.isValid())
        painter->fillRect(barRect(option, depth.toDouble()), faint);
    const QVariant level = index.data(LevelDepthRole);
    if (level.isValid()) // drawn over the faint bar, which it lies inside
        painter->fillRect(barRect(option, level.toDouble()), plain ? tint(faint, 0.2) : tint(base, 0.2));

    // initStyleOption put the model's ForegroundRole into the Text colour; keep it on selected rows too.
    painter->setPen(opt.palette.color(QPalette::Text));
    painter->setFont(opt.font);
    const QRect textRect =
        option.rect.adjusted(kTextMargin, 0, -kTextMargin, 0); // the style's margin, without asking it
    // Eliding lays the text out again: only when it does not fit.
    const QFontMetrics fm = painter->fontMetrics();
    const int room = textRect.width();
    painter->drawText(textRect, static_cast<int>(opt.displayAlignment),
                      fm.horizontalAdvance(text) <= room ? text : fm.elidedText(text, Qt::ElideLeft, room));
    painter->restore();
}

} // namespace hoga
