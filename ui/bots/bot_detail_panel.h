#pragma once

#include <QTabWidget>

class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QPlainTextEdit;
class QTableWidget;
class QTimer;
class QValueAxis;

namespace hoga {

class ProfileEngine;

// One bot up close: its orders and fills from the journal, its log and its PnL over time (Qt Charts).
// Follows the engine live; table refreshes are coalesced so a burst of fills redraws once.
class BotDetailPanel : public QTabWidget {
    Q_OBJECT
public:
    // The columns of ordersTable(). Cells show translated words; the side, type and journal state keep their
    // stored names ("buy", "limit", "cancel_pending") under Qt::UserRole, the time its milliseconds.
    enum OrderColumn {
        OrderTimeColumn,
        OrderSideColumn,
        OrderTypeColumn,
        OrderPriceColumn,
        OrderQtyColumn,
        OrderAmountColumn,
        OrderFilledColumn,
        OrderStateColumn,
        OrderSignalColumn,
        OrderClientIdColumn,
    };

    explicit BotDetailPanel(ProfileEngine* engine, QWidget* parent = nullptr);

    void setBot(const QString& id);
    QString bot() const { return m_bot; }

    QTableWidget* ordersTable() const { return m_orders; }
    QTableWidget* fillsTable() const { return m_fills; }
    QPlainTextEdit* logView() const { return m_log; }
    QLineSeries* pnlSeries() const { return m_series; }

private:
    void refreshJournal();
    void refreshChart();

    ProfileEngine* m_engine;
    QString m_bot;
    QTableWidget* m_orders;
    QTableWidget* m_fills;
    QPlainTextEdit* m_log;
    QChartView* m_chart;
    QLineSeries* m_series;
    QDateTimeAxis* m_time;
    QValueAxis* m_value;
    QTimer* m_journalRefresh;
    QTimer* m_chartRefresh;
};

} // namespace hoga
