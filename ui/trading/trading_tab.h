#pragma once

#include "theme/price_colors.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMessageBox;
class QPushButton;

namespace hoga {

class ButtonDelegate;
class CancelAllBatch;
class DataTableView;
class FillsModel;
class OpenOrdersModel;
class OrderHistoryModel;
class VenueSession;

// The Trading tab: open orders (each with a Cancel action, and "cancel all" for the current market or every
// market), own fills and the order history. The order ticket itself is docked beside the tabs so it stays
// visible from every tab.
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

    // The market "cancel all for this market" applies to (the window's current market).
    void setMarket(const QString& code);
    QString market() const { return m_market; }
    // Cancel all (일괄취소) of `market`'s open orders, or of every market's when empty: asks first, saying
    // how many (cancelAllQuestion()), then cancels each and reports what the venue confirmed.
    void requestCancelAll(const QString& market);
    int openOrderCount(const QString& market) const; // empty market = all
    QMessageBox* cancelAllQuestion() const;
    CancelAllBatch* cancelAllBatch() const;
    // The last cancel-all's result ("3 of 3 orders cancelled."), empty before the first.
    QString cancelAllResult() const;
    // Refreshes the tables if the account changed while the tab was not on screen.
    void catchUp();
    // A venue that cannot be reached: its reason in the empty tables (empty: reachable again).
    void setUnavailableText(const QString& text);

signals:
    // Something to tell in the status bar (cancel-all results).
    void message(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshOrders();
    void refreshFills();
    QWidget* section(const QString& title, QLabel** count, DataTableView* view,
                     const QList<QWidget*>& trailing = {});
    void showOpenOrdersMenu(const QPoint& pos);
    void updateCancelAllButtons();
    void startCancelAll(const QStringList& orderIds);
    QStringList openOrderIds(const QString& market) const;

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
    QString m_market;
    QPushButton* m_cancelMarket = nullptr;
    QPushButton* m_cancelEverything = nullptr;
    QLabel* m_cancelAllResult = nullptr;
    QPointer<QMessageBox> m_question;
    QPointer<CancelAllBatch> m_batch;
    bool m_ordersBehind = false;
    bool m_fillsBehind = false;
};

} // namespace hoga
