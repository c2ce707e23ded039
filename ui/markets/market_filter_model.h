#pragma once

#include "common/sorting_proxy_model.h"

namespace hoga {

// Filters the market list by a search text (code, base, English or Korean name, or the Korean name's
// initial consonants: see marketMatchesSearch), a quote currency and the watchlist, and sorts by the
// columns' SortRole.
class MarketFilterModel : public SortingProxyModel {
    Q_OBJECT
public:
    explicit MarketFilterModel(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    // Empty = every quote currency.
    void setQuoteFilter(const QString& quote);
    QString quoteFilter() const { return m_quote; }
    // Empty = every venue.
    void setVenueFilter(const QString& venue);
    QString venueFilter() const { return m_venue; }
    // Only the starred markets (the watchlist).
    void setStarredOnly(bool starredOnly);
    bool starredOnly() const { return m_starredOnly; }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_search;
    QString m_quote;
    QString m_venue;
    bool m_starredOnly = false;
};

} // namespace hoga
