#pragma once

#include "theme/price_colors.h"

#include <QWidget>

class QLabel;

namespace hoga {

class AllocationBar;
class CollapsingRow;
class DataTableView;
class PortfolioModel;
class SignalCoalescer;
class SortingProxyModel;
class VenueSession;

// The Portfolio tab: totals (value in KRW and USDT, unrealised PnL) above a table of every holding, valued
// live from the venue's tickers.
class PortfolioTab : public QWidget {
    Q_OBJECT
public:
    explicit PortfolioTab(VenueSession* session, QWidget* parent = nullptr);

    PortfolioModel* model() const { return m_model; }
    DataTableView* view() const { return m_view; }
    void setPriceColors(const PriceColors& colors);

    // Recomputes if balances or prices changed while the tab was not on screen.
    void catchUp();
    // A venue that cannot be reached: its reason instead of "Loading balances…" (empty: reachable).
    void setUnavailableText(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void recompute();
    void updateTotals();
    QLabel* addTotal(CollapsingRow* row, const QString& caption, const QString& objectName,
                     bool essential = false, int sizeDelta = 2);

    VenueSession* m_session;
    PortfolioModel* m_model;
    SortingProxyModel* m_sorted;
    DataTableView* m_view;
    SignalCoalescer* m_recompute;
    PriceColors m_colors = PriceColors::international();
    bool m_balancesSeen = false;
    bool m_behind = false;
    QLabel* m_totalKrw;
    QLabel* m_totalUsdt;
    QLabel* m_pnl;
    QLabel* m_cash;
    QLabel* m_holdings;
    AllocationBar* m_allocation = nullptr;
};

} // namespace hoga
