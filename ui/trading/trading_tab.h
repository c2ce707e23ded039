#pragma once

#include "theme/price_colors.h"

#include <QWidget>

class QLabel;

namespace hoga {

class ButtonDelegate;
class DataTableView;
class FillsModel;
class OpenOrdersModel;
class OrderHistoryModel;
class VenueSession;

// The Trading tab: open orders (each with a Cancel action), own fills and the order history. The order
// ticket itself is docked beside the tabs so it stays visible from every tab.
class TradingTab : public QWidget {
    Q_OBJECT
public:
    explicit TradingTab(VenueSession* session, QWidget* parent = nullptr);

    OpenOrdersModel* openOrdersModel() const { return m_open; }
    FillsModel* fillsModel() const { return m_fills; }
    OrderHistoryModel* historyModel() const { return m_history; }
    DataTableView* openOrdersView() const { return m_openView; }
    void setPriceColors(const PriceColors& colors);

    // Sends a cancel for the open order at `row` of the open orders model.
    void cancelRow(int row);
    void cancelOrder(const QString& orderId);

private:
    void refreshOrders();
    void refreshFills();
    QWidget* section(const QString& title, QLabel** count, DataTableView* view);
    void showOpenOrdersMenu(const QPoint& pos);

    VenueSession* m_session;
    OpenOrdersModel* m_open;
    FillsModel* m_fills;
    OrderHistoryModel* m_history;
    DataTableView* m_openView;
    DataTableView* m_fillsView;
    DataTableView* m_historyView;
    ButtonDelegate* m_cancelButtons;
    QLabel* m_openCount = nullptr;
    QLabel* m_fillsCount = nullptr;
    QLabel* m_historyCount = nullptr;
};

} // namespace hoga
