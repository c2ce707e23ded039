#pragma once

#include <QStyledItemDelegate>

namespace hoga {

// Draws a small push button in cells whose ButtonRole text is not empty, and emits `clicked` when it is
// pressed (an in-row action such as "Cancel" that survives model updates, unlike index widgets).
class ButtonDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    // The button's rectangle inside a cell (for tests that click it).
    static QRect buttonRect(const QRect& cell);

signals:
    void clicked(const QModelIndex& index);

private:
    QPersistentModelIndex m_pressed;
};

} // namespace hoga
