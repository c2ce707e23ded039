#include "sorting_proxy_model.h"

#include "item_roles.h"

namespace hoga {

SortingProxyModel::SortingProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

QVariant SortingProxyModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const QVariant value = QSortFilterProxyModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section != sortColumn())
        return value;
    const QString arrow = sortOrder() == Qt::AscendingOrder ? QStringLiteral("▲") : QStringLiteral("▼");
    const bool rightAligned =
        (QSortFilterProxyModel::headerData(section, orientation, Qt::TextAlignmentRole).toInt() &
         Qt::AlignRight) != 0;
    return rightAligned ? arrow + QLatin1Char(' ') + value.toString()
                        : value.toString() + QLatin1Char(' ') + arrow;
}

void SortingProxyModel::sort(int column, Qt::SortOrder order) {
    QSortFilterProxyModel::sort(column, order);
    // The arrow moved: every title may have changed.
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

} // namespace hoga
