#include "button_delegate.h"

#include "item_roles.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

namespace hoga {

QRect ButtonDelegate::buttonRect(const QRect& cell) {
    return cell.adjusted(6, 2, -6, -2);
}

void ButtonDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QString text = index.data(ButtonRole).toString();
    if (text.isEmpty())
        return;
    const QRect r = buttonRect(option.rect);
    const bool pressed = m_pressed.isValid() && m_pressed == index;
    const bool hover = option.state & QStyle::State_MouseOver;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor border(0x4b, 0x55, 0x63);
    QColor fill =
        pressed ? QColor(0x2a, 0x31, 0x3c) : (hover ? QColor(0x25, 0x2c, 0x36) : QColor(0x1e, 0x24, 0x2d));
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter->setPen(option.palette.color(QPalette::ButtonText));
    painter->drawText(r, Qt::AlignCenter, text);
    painter->restore();
}

QSize ButtonDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(ButtonRole).toString();
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(text) + 32));
    return size;
}

bool ButtonDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) {
    if (index.data(ButtonRole).toString().isEmpty())
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const bool inside = buttonRect(option.rect).contains(mouse->position().toPoint());
    if (mouse->button() != Qt::LeftButton)
        return false;
    if (event->type() == QEvent::MouseButtonPress) {
        m_pressed = inside ? QPersistentModelIndex(index) : QPersistentModelIndex();
        return inside;
    }
    const bool fire = inside && m_pressed == index;
    m_pressed = QPersistentModelIndex();
    if (fire)
        emit clicked(index);
    return fire;
}

} // namespace hoga
