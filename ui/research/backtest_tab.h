#pragma once

#include "research/backtest/backtest_job.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class QChartView;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hoga {

// The Backtest tab (objectName "backtestTab"): a strategy with its parameters (a form built from the
// strategy's template), candles from a CSV file or from the profile's market-data recorder, a period, the
// fee rate and initial cash; a sweep (one "KEY=FROM:TO:STEP" or "KEY=A,B" per line) runs every combination
// on all cores. Results: the metrics against buy-and-hold, every trade, equity and drawdown charts (Qt
// Charts), and the sweep's results in a sortable table. Runs never block the GUI thread.
class BacktestTab : public QWidget {
    Q_OBJECT
public:
    // `recorderDatabase`: the profile's market-data database (empty: the recorder source is disabled).
    explicit BacktestTab(MarketDataUrl recorderDatabase = {}, QWidget* parent = nullptr);
    ~BacktestTab() override;

    // Starts a run with what the form holds; false (with the reason in the status line) when the form is
    // incomplete or a run is going on.
    bool startRun();
    bool isRunning() const;
    QString statusText() const;

signals:
    void runFinished(bool ok);

private:
    void buildForm();
    void showParameters();
    std::optional<BacktestRequest> requestFromForm(QString* problem) const;
    void showOutcome(const BacktestOutcome& outcome);
    void showSingle(const BacktestOutcome& outcome);
    void showSweep(const BacktestOutcome& outcome);

    MarketDataUrl m_database;
    QVector<StrategyTemplate> m_strategies;
    QComboBox* m_strategy = nullptr;
    QWidget* m_parameterBox = nullptr;
    QFormLayout* m_parameterForm = nullptr;
    QHash<QString, QWidget*> m_parameterEditors; // key -> QLineEdit or QComboBox
    QComboBox* m_source = nullptr;
    QLineEdit* m_csvPath = nullptr;
    QLineEdit* m_venue = nullptr;
    QLineEdit* m_market = nullptr;
    QComboBox* m_recordedInterval = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QLineEdit* m_feeRate = nullptr;
    QLineEdit* m_initialCash = nullptr;
    QLineEdit* m_sweep = nullptr;
    QPushButton* m_run = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_metrics = nullptr;
    QTableWidget* m_trades = nullptr;
    QTableWidget* m_sweepTable = nullptr;
    QChartView* m_equityChart = nullptr;
    QChartView* m_drawdownChart = nullptr;
    QFutureWatcher<BacktestOutcome> m_watcher;
};

} // namespace hoga
