#include "data_table_view.h"

#include <QHeaderView>
#include <QPainter>

namespace hoga {

DataTableView::DataTableView(QWidget* parent)
    : QTableView(parent) {
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    horizontalHeader()->setMinimumSectionSize(40);

    setCornerButtonEnabled(false);
}

void DataTableView::setEmptyText(const QString& text) {
    m_emptyText = text;
    viewport()->update();
}

void DataTableView::setAnchoredAtBottom(bool anchored) {
    m_anchoredAtBottom = anchored;
    keepBottomInView();
}

void DataTableView::enableSorting(int column, Qt::SortOrder order) {
    setSortingEnabled(true);
    // setSortingEnabled shows the header's arrow, which would cover right-aligned titles.
    horizontalHeader()->setSortIndicatorShown(false);
    sortByColumn(column, order);
}

void DataTableView::setModel(QAbstractItemModel* newModel) {
    if (model())
        disconnect(model(), nullptr, this, nullptr);
    QTableView::setModel(newModel);
    if (!newModel)
        return;
    // The empty-state text depends on the row count; repaint when it changes.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(newModel, signal, this, [this] {
            keepBottomInView();
            viewport()->update();
        });
    connect(newModel, &QAbstractItemModel::modelReset, this, [this] {
        keepBottomInView();
        viewport()->update();
    });
}

void DataTableView::resizeEvent(QResizeEvent* event) {
    QTableView::resizeEvent(event);
    keepBottomInView();
}

void DataTableView::keepBottomInView() {
    if (m_anchoredAtBottom)
        scrollToBottom();
}

void DataTableView::paintEvent(QPaintEvent* event) {
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                     m_emptyText);
}

} // namespace hoga
