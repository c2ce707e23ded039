#include "market_filter_model.h"

#include "market_list_model.h"

namespace hoga {

MarketFilterModel::MarketFilterModel(QObject* parent)
    : SortingProxyModel(parent) {}

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

bool MarketFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const auto* list = qobject_cast<const MarketListModel*>(sourceModel());
    if (!list)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const Market* m = list->marketInfoAt(sourceRow);
    if (!m)
        return false;
    if (!m_quote.isEmpty() && m->quote != m_quote)
        return false;
    if (m_search.isEmpty())
        return true;
    for (const QString& field :
         {m->code, m->base, m->displayName, m->localName, QStringLiteral("%1/%2").arg(m->base, m->quote)}) {
        if (field.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace hoga
