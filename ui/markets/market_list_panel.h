#pragma once

#include "theme/price_colors.h"

#include <QWidget>

class QButtonGroup;
class QHBoxLayout;
class QLineEdit;

namespace hoga {

class DataTableView;
class MarketDataHub;
class MarketFilterModel;
class MarketListModel;
struct MarketDataChanges;

// The left-hand market list: search box, quote-currency filter, and the live table. Selecting a row makes
// that market current for every tab.
class MarketListPanel : public QWidget {
    Q_OBJECT
public:
    explicit MarketListPanel(MarketDataHub* hub, QWidget* parent = nullptr);

    MarketListModel* model() const { return m_model; }
    MarketFilterModel* filterModel() const { return m_filter; }
    DataTableView* view() const { return m_view; }

    QString currentMarket() const { return m_current; }
    // Selects `code` if the market is known (otherwise remembers it for when markets arrive).
    void setCurrentMarket(const QString& code);
    void setPriceColors(const PriceColors& colors);
    void setPreferLocalNames(bool preferLocal);

signals:
    void currentMarketChanged(const QString& code);

private:
    void loadMarkets();
    void onUpdated(const MarketDataChanges& changes);
    void rebuildQuoteButtons();
    void selectRowOf(const QString& code);
    void onSelectionChanged();

    MarketDataHub* m_hub;
    MarketListModel* m_model;
    MarketFilterModel* m_filter;
    DataTableView* m_view;
    QLineEdit* m_search;
    QHBoxLayout* m_quoteBar;
    QButtonGroup* m_quoteButtons;
    QString m_current;
    QString m_wanted; // requested before the markets were loaded
};

} // namespace hoga
