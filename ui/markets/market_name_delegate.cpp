#include "market_name_delegate.h"

#include "market_list_model.h"
#include "theme/terminal_theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace hoga {

void MarketNameDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection

    const QRect r = option.rect.adjusted(8, 2, -4, -2);
    const int half = r.height() / 2;
    painter->save();
    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    painter->setFont(nameFont);
    painter->setPen(option.palette.color(QPalette::Text));
    QRect nameRect(r.left(), r.top(), r.width(), half + 1);
    const bool warning = index.data(MarketListModel::WarningRole).toBool();
    if (warning) {
        const QString mark = QStringLiteral(" \u26a0");
        const int markWidth = painter->fontMetrics().horizontalAdvance(mark);
        const QString elided = painter->fontMetrics().elidedText(name, Qt::ElideRight, r.width() - markWidth);
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignBottom, elided);
        painter->setPen(theme::warning());
        painter->drawText(nameRect.adjusted(painter->fontMetrics().horizontalAdvance(elided), 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignBottom, mark);
    } else {
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignBottom,
                          painter->fontMetrics().elidedText(name, Qt::ElideRight, r.width()));
    }
    QFont subFont = option.font;
    subFont.setPointSizeF(option.font.pointSizeF() * 0.85);
    painter->setFont(subFont);
    painter->setPen(theme::dimText());
    const QRect subRect(r.left(), r.top() + half + 1, r.width(), r.height() - half - 1);
    const QString subtitle = index.data(MarketListModel::SubtitleRole).toString();
    if (index.data(MarketListModel::ClosedRole).toBool()) {
        // A closed market is quiet by design: a dim word, not the amber of a stale stream. The word wins
        // over the end of the pair when the column is narrow.
        const QString mark = tr("closed");
        const int markWidth = painter->fontMetrics().horizontalAdvance(mark);
        const int gap = painter->fontMetrics().horizontalAdvance(QStringLiteral(" "));
        const QString pair = painter->fontMetrics().elidedText(subtitle, Qt::ElideRight,
                                                               std::max(0, r.width() - markWidth - gap));
        painter->drawText(subRect, Qt::AlignLeft | Qt::AlignTop, pair);
        const int x = painter->fontMetrics().horizontalAdvance(pair) + gap;
        painter->drawText(subRect.adjusted(x, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop, mark);
    } else {
        painter->drawText(subRect, Qt::AlignLeft | Qt::AlignTop, subtitle);
        if (index.data(MarketListModel::StaleRole).toBool()) {
            // A quiet amber word after the pair: visible when scanning the list, not shouting.
            painter->setPen(theme::warning());
            const int x = painter->fontMetrics().horizontalAdvance(subtitle + QStringLiteral("  "));
            painter->drawText(subRect.adjusted(x, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                              QStringLiteral("● ") + tr("stale"));
        }
    }
    painter->restore();
}

QSize MarketNameDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(option.fontMetrics.height() * 2 + 8);
    return size;
}

} // namespace hoga
