#pragma once

#include "theme/price_colors.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace hoga {

class AllocationBar;
class PortfolioHistoryChart;
struct PortfolioValuePoint;
class CollapsingRow;
class DataTableView;
class PortfolioModel;
class SignalCoalescer;
class SortingProxyModel;
class VenueSession;

// The Portfolio tab: totals (value in KRW and USDT, unrealised PnL; per venue when several run) above a
// table of every holding of every venue, valued live from the venues' tickers (see computePortfolio).
class PortfolioTab : public QWidget {
    Q_OBJECT
public:
    explicit PortfolioTab(QList<VenueSession*> sessions, QWidget* parent = nullptr);

    PortfolioModel* model() const { return m_model; }
    DataTableView* view() const { return m_view; }
    void setPriceColors(const PriceColors& colors);
    // The chart of the profile's total value over time.
    PortfolioHistoryChart* historyChart() const { return m_history; }

    // Recomputes if balances or prices changed while the tab was not on screen.
    void catchUp();
    // A venue that cannot be reached: its reason instead of "Loading balances…" (empty: reachable).
    void setUnavailableText(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void recompute();
    void updateTotals();
    void updateVenueTotals();
    bool anyCredentials() const;
    QLabel* addTotal(CollapsingRow* row, const QString& caption, const QString& objectName,
                     bool essential = false, int sizeDelta = 2);

    QList<VenueSession*> m_sessions;
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
    QLabel* m_pnlRate = nullptr; // the PnL as a share of the cost, under it
    QLabel* m_cash;
    QLabel* m_holdings;
    AllocationBar* m_allocation = nullptr;
    PortfolioHistoryChart* m_history = nullptr;
    QWidget* m_venueTotals = nullptr; // one label per venue, with several venues
};

} // namespace hoga
