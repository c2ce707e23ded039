#pragma once

#include <QStyledItemDelegate>

namespace hoga {

// Two-line market cell: the name, and under it the pair ("BTC/KRW") in a dimmer, smaller face; a caution
// mark when the venue flagged the market.
class MarketNameDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace hoga
