#include "market_filter_model.h"

#include "market_list_model.h"
#include "market_search.h"

namespace hoga {

MarketFilterModel::MarketFilterModel(QObject* parent)
    : SortingProxyModel(parent) {
    // Starring or unstarring changes the star column only; the watchlist filter must see it.
    setFilterRole(MarketListModel::StarredRole);
    setFilterKeyColumn(MarketListModel::StarColumn);
}

void MarketFilterModel::setSearchText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

void MarketFilterModel::setQuoteFilter(const QString& quote) {
    if (quote == m_quote)
        return;
    m_quote = quote;
    invalidateFilter();
}

void MarketFilterModel::setVenueFilter(const QString& venue) {
    if (venue == m_venue)
        return;
    m_venue = venue;
    invalidateFilter();
}

void MarketFilterModel::setStarredOnly(bool starredOnly) {
    if (starredOnly == m_starredOnly)
        return;
    m_starredOnly = starredOnly;
    invalidateFilter();
}

QVariant MarketFilterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    // The narrow star column has no room for a sort arrow; its only order is the starring order anyway.
    if (orientation == Qt::Horizontal && section == MarketListModel::StarColumn)
        return QSortFilterProxyModel::headerData(section, orientation, role);
    return SortingProxyModel::headerData(section, orientation, role);
}

bool MarketFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const auto* list = qobject_cast<const MarketListModel*>(sourceModel());
    if (!list)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const Market* m = list->marketInfoAt(sourceRow);
    if (!m)
        return false;
    if (m_starredOnly && !list->isStarred(sourceRow))
        return false;
    if (!m_venue.isEmpty() && list->venueAt(sourceRow) != m_venue)
        return false;
    if (!m_quote.isEmpty() && m->quote != m_quote)
        return false;
    return marketMatchesSearch(*m, m_search);
}

} // namespace hoga
