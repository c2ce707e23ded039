#pragma once

#include "research/backtest/backtest_job.h"
#include "theme/price_colors.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
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

class CandleChartView;
class CandleDownload;
class Connector;

// A venue the Backtest tab can download candles from.
struct BacktestVenue {
    QString name; // shown
    QPointer<Connector> connector;
};

// The Backtest tab (objectName "backtestTab"): a strategy with its parameters (a form built from the
// strategy's template), candles from a CSV file, from the profile's market-data recorder or downloaded from
// a venue (with a progress bar), a period, the
// fee rate and initial cash; a sweep (one "KEY=FROM:TO:STEP" or "KEY=A,B" per line) runs every combination
// on all cores. Results: the metrics against buy-and-hold, every trade, equity and drawdown charts (Qt
// Charts), the replayed candles with a marker at each fill's time and price, and the sweep's results in a
// sortable table. Runs never block the GUI thread.
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
    // The replayed candles of the last single run, with its fills as markers.
    CandleChartView* candleChart() const { return m_candleChart; }
    void setPriceColors(const PriceColors& colors);
    // The venues offered by the "Download from a venue" source (none: that source is disabled).
    void setVenues(const QList<BacktestVenue>& venues);
    // The market the form starts with (the main window's selected one).
    void setMarket(const QString& market);

signals:
    void runFinished(bool ok);

private:
    void buildForm();
    void showParameters();
    void showSourceRows();
    void launch(const BacktestRequest& request);
    bool startDownload(BacktestRequest request);
    std::optional<BacktestRequest> requestFromForm(QString* problem) const;
    void showOutcome(const BacktestOutcome& outcome);
    void showSingle(const BacktestOutcome& outcome);
    void showSweep(const BacktestOutcome& outcome);
    void showCandles(const BacktestOutcome& outcome);

    MarketDataUrl m_database;
    QVector<StrategyTemplate> m_strategies;
    QComboBox* m_strategy = nullptr;
    QWidget* m_parameterBox = nullptr;
    QFormLayout* m_parameterForm = nullptr;
    QHash<QString, QWidget*> m_parameterEditors; // key -> QLineEdit or QComboBox
    QComboBox* m_source = nullptr;
    QLineEdit* m_csvPath = nullptr;
    QWidget* m_csvRow = nullptr; // the path and its Browse button
    QFormLayout* m_form = nullptr;
    QComboBox* m_downloadVenue = nullptr;
    QList<BacktestVenue> m_venues;
    CandleDownload* m_download = nullptr; // while candles are downloaded
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
    CandleChartView* m_candleChart = nullptr;
    QFutureWatcher<BacktestOutcome> m_watcher;
};

} // namespace hoga
