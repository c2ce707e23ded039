#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace hoga {

// Paints the order-book depth bars behind a ladder row's text: a faint bar for the cumulative depth
// (DepthRole, 0..1) and a stronger one for the level itself (LevelDepthRole). Bars are measured across the
// whole row and anchored at its right edge; each cell paints its own slice.
class DepthBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit DepthBarDelegate(QObject* parent = nullptr);

    void setColor(const QColor& color);
    QColor color() const { return m_color; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    QRect barRect(const QStyleOptionViewItem& option, double fraction) const;

    QColor m_color;
};

} // namespace hoga
