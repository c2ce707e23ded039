#pragma once

#include <QSortFilterProxyModel>

namespace hoga {

// Sorts on SortRole and shows the sort direction inside the header text ("▼ Volume"), so the arrow never
// covers a right-aligned title; views using it hide the header's own indicator.
class SortingProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SortingProxyModel(QObject* parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
};

} // namespace hoga
