#pragma once

#include <QTableView>

namespace hoga {

// The table used across Hoga: dense rows, row selection, no vertical header, and an empty-state text drawn
// in the middle of the viewport while the model has no rows (never a placeholder number).
class DataTableView : public QTableView {
    Q_OBJECT
public:
    explicit DataTableView(QWidget* parent = nullptr);

    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }
    // Keeps the last row in view (for the ask ladder, whose best level is its last row).
    void setAnchoredAtBottom(bool anchored);
    // Sorting by header clicks, starting with `column`; the direction shows in the title (the model is a
    // SortingProxyModel), not as the header's arrow.
    void enableSorting(int column, Qt::SortOrder order);

    void setModel(QAbstractItemModel* model) override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void keepBottomInView();

    QString m_emptyText;
    bool m_anchoredAtBottom = false;
};

} // namespace hoga
