#pragma once

#include "theme/price_colors.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QMenu;
class QToolButton;

namespace hoga {

class DataTableView;
class MarketDataHub;
class MarketFilterModel;
class MarketListModel;
class Watchlist;
struct MarketDataChanges;

// One venue's markets in the list: its id (empty for a list of one unnamed venue), its name and its hub.
struct MarketSource {
    QString venue;
    QString venueName;
    MarketDataHub* hub = nullptr;
};

// The left-hand market list: search box (codes, names, Korean initial consonants), the watchlist filter,
// quote-currency filter, the venue filter (with more than one venue), and the live table. Markets are named
// by marketKey(venue, code): the plain code for one unnamed venue. Selecting a row makes that market current
// for every tab; the star column (or the context menu) adds a market to the watchlist without selecting it.
class MarketListPanel : public QWidget {
    Q_OBJECT
public:
    explicit MarketListPanel(MarketDataHub* hub, QWidget* parent = nullptr);
    explicit MarketListPanel(QList<MarketSource> sources, QWidget* parent = nullptr);

    MarketListModel* model() const { return m_model; }
    MarketFilterModel* filterModel() const { return m_filter; }
    DataTableView* view() const { return m_view; }

    // The current market's key.
    QString currentMarket() const { return m_current; }
    // Selects the market of `key` if it is known (otherwise remembers it for when markets arrive).
    void setCurrentMarket(const QString& key);
    // Shows the markets of one venue only (empty: every venue).
    void setVenueFilter(const QString& venue);
    void setPriceColors(const PriceColors& colors);
    void setPreferLocalNames(bool preferLocal);
    // A venue whose markets cannot be loaded: the reason and the next try instead of "Loading markets…"
    // (empty: loading normally).
    void setUnavailableText(const QString& text);
    // Brings the prices up to date if updates were skipped while the window was minimised or hidden.
    void catchUp();

    // The watchlist the stars show and change (not owned; null = no stars).
    void setWatchlist(Watchlist* watchlist);
    Watchlist* watchlist() const { return m_watchlist; }
    // Shows only the starred markets, in the order they were starred (until a header click re-sorts).
    void setStarredOnly(bool starredOnly);
    bool starredOnly() const;
    // The context menu of a market's row (star or unstar, select); the caller owns it.
    QMenu* createContextMenu(const QString& code);

signals:
    void currentMarketChanged(const QString& code);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void loadMarkets(const MarketSource& source);
    void showPolled(const MarketSource& source); // markets a limited venue does not stream now
    void onUpdated(const MarketSource& source, const MarketDataChanges& changes);
    void buildVenueFilter();
    void rebuildQuoteButtons();
    void selectRowOf(const QString& code);
    void onSelectionChanged();
    bool eventFilter(QObject* watched, QEvent* event) override;
    void updateEmptyText();
    // Enter on a search nothing matches: asks every venue for that code (KIS knows any stock code).
    void addSearchedMarket();

    QList<MarketSource> m_sources;
    MarketListModel* m_model;
    MarketFilterModel* m_filter;
    DataTableView* m_view;
    QLineEdit* m_search;
    QHBoxLayout* m_quoteBar;
    QButtonGroup* m_quoteButtons;
    QComboBox* m_venueFilter = nullptr;
    QString m_current;
    QString m_wanted; // requested before the markets were loaded
    QString m_adding; // a code asked of the venues from the search box
    int m_addFailures = 0;
    Watchlist* m_watchlist = nullptr;
    QToolButton* m_starredOnly;
    bool m_marketsLoaded = false;
    // The sort in use before the watchlist filter switched to the starring order.
    int m_sortColumnBefore = -1;
    Qt::SortOrder m_sortOrderBefore = Qt::DescendingOrder;
    bool m_behind = false; // ticker updates skipped while off screen
};

} // namespace hoga
