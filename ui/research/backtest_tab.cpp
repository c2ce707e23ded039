#include "backtest_tab.h"

#include "chart/candle_chart_view.h"
#include "format/decimal_format.h"
#include "research/backtest/candle_download.h"
#include "research/backtest/sweep_grid.h"
#include "venues/connector.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>

namespace hoga {

namespace {

// A table cell that shows text and sorts by a number (money shown exactly, sorted by its value).
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(const QString& text, double key)
        : QTableWidgetItem(text) {
        setData(Qt::UserRole, key);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QString percent(double fraction) {
    return std::isfinite(fraction) ? QString::number(fraction * 100, 'f', 2) + QLatin1Char('%')
                                   : QStringLiteral("∞");
}

QString number(double value) {
    return std::isfinite(value) ? QString::number(value, 'f', 3) : QStringLiteral("∞");
}

// Money for the eye: grouped, at most two decimals (the exact amount is the cell's Qt::UserRole).
QTableWidgetItem* moneyItem(const Decimal& value) {
    auto* item = new QTableWidgetItem(formatDecimalTrimmed(value, 2));
    item->setData(Qt::UserRole, value.toString());
    return item;
}

QChartView* chartView(const QString& objectName) {
    auto* view = new QChartView(new QChart);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    QChart* chart = view->chart();
    chart->legend()->hide();
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    view->setMinimumHeight(140);
    return view;
}

// The window's colours on a chart (Qt Charts' own theme is light whatever the application's palette).
void applyPalette(QChartView* view) {
    const QPalette& palette = view->palette();
    QChart* chart = view->chart();
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(30);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

void plot(QChartView* view, const QString& title, const QVector<QPointF>& points, const char* valueFormat) {
    QChart* chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
    auto* series = new QLineSeries;
    series->replace(QList<QPointF>(points.cbegin(), points.cend()));
    chart->addSeries(series);
    auto* time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("MM-dd HH:mm"));
    time->setTickCount(5);
    chart->addAxis(time, Qt::AlignBottom);
    series->attachAxis(time);
    auto* value = new QValueAxis;
    value->setLabelFormat(QLatin1String(valueFormat));
    value->setTickCount(4);
    chart->addAxis(value, Qt::AlignLeft);
    series->attachAxis(value);
    if (!points.isEmpty()) {
        double low = points.first().y();
        double high = low;
        for (const QPointF& p : points) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
        const double pad = high > low ? (high - low) * 0.05 : std::max(1.0, std::abs(high) * 0.01);
        // A drawdown never rises above zero: no padding there.
        value->setRange(low - pad, low < 0 && high == 0 ? 0.0 : high + pad);
        time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(points.first().x()), Qt::UTC),
                       QDateTime::fromMSecsSinceEpoch(qint64(points.last().x()), Qt::UTC));
    }
    applyPalette(view);
}

QTableWidget* table(const QString& objectName, const QStringList& headers) {
    auto* t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

BacktestTab::BacktestTab(MarketDataUrl recorderDatabase, QWidget* parent)
    : QWidget(parent)
    , m_database(std::move(recorderDatabase)) {
    setObjectName(QStringLiteral("backtestTab"));
    m_strategies = builtInStrategies();
    buildForm();
    connect(&m_watcher, &QFutureWatcher<BacktestOutcome>::finished, this, [this] {
        const BacktestOutcome outcome = m_watcher.result();
        showOutcome(outcome);
        m_run->setEnabled(true);
        emit runFinished(outcome.ok());
    });
}

BacktestTab::~BacktestTab() {
    m_watcher.waitForFinished(); // the run reads nothing of this widget, but its result goes nowhere
}

void BacktestTab::buildForm() {
    auto* settings = new QGroupBox(tr("Backtest"));
    auto* form = new QFormLayout(settings);
    m_strategy = new QComboBox;
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    for (const StrategyTemplate& t : std::as_const(m_strategies))
        m_strategy->addItem(t.name, t.id);
    form->addRow(tr("Strategy"), m_strategy);
    m_parameterBox = new QWidget;
    m_parameterBox->setObjectName(QStringLiteral("parameterForm"));
    m_parameterForm = new QFormLayout(m_parameterBox);
    m_parameterForm->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_parameterBox);

    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->addItem(tr("CSV file"));
    m_source->addItem(tr("Recorded trades"));
    m_source->addItem(tr("Download from a venue"));
    if (m_database.engine == MarketDataUrl::Engine::Sqlite && m_database.filePath.isEmpty())
        m_source->setItemData(1, false, Qt::UserRole - 1); // no recorder database: disabled
    m_source->setItemData(2, false, Qt::UserRole - 1);     // until setVenues() gives some
    form->addRow(tr("Candles from"), m_source);
    m_form = form;
    m_csvPath = new QLineEdit;
    m_csvPath->setObjectName(QStringLiteral("csvPathEdit"));
    m_csvPath->setPlaceholderText(tr("open_time,open,high,low,close,volume"));
    auto* browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(QStringLiteral("browseCsvButton"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Candles for the backtest"), m_csvPath->text(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            m_csvPath->setText(path);
    });
    m_csvRow = new QWidget;
    auto* csvLayout = new QHBoxLayout(m_csvRow);
    csvLayout->setContentsMargins(0, 0, 0, 0);
    csvLayout->addWidget(m_csvPath, 1);
    csvLayout->addWidget(browse);
    form->addRow(tr("CSV file"), m_csvRow);
    m_venue = new QLineEdit;
    m_venue->setObjectName(QStringLiteral("venueEdit"));
    form->addRow(tr("Recorded venue"), m_venue);
    m_downloadVenue = new QComboBox;
    m_downloadVenue->setObjectName(QStringLiteral("downloadVenueCombo"));
    form->addRow(tr("Venue"), m_downloadVenue);
    m_market = new QLineEdit(QStringLiteral("KRW-BTC"));
    m_market->setObjectName(QStringLiteral("marketEdit"));
    form->addRow(tr("Market"), m_market);
    m_recordedInterval = new QComboBox;
    m_recordedInterval->setObjectName(QStringLiteral("intervalCombo"));
    for (int i = int(CandleInterval::S1); i <= int(CandleInterval::MN1); ++i)
        m_recordedInterval->addItem(intervalName(CandleInterval(i)), i);
    m_recordedInterval->setCurrentIndex(int(CandleInterval::M1));
    form->addRow(tr("Interval"), m_recordedInterval);
    auto* period = new QHBoxLayout;
    m_from = new QDateTimeEdit;
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to = new QDateTimeEdit;
    m_to->setObjectName(QStringLiteral("toEdit"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setMinimumDateTime(QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC));
        edit->setSpecialValueText(tr("any")); // the minimum means open-ended
        edit->setDateTime(edit->minimumDateTime());
    }
    period->addWidget(m_from);
    period->addWidget(new QLabel(QStringLiteral("–")));
    period->addWidget(m_to);
    form->addRow(tr("Period (UTC)"), period);
    m_feeRate = new QLineEdit(QStringLiteral("0.0005"));
    m_feeRate->setObjectName(QStringLiteral("feeRateEdit"));
    form->addRow(tr("Fee rate"), m_feeRate);
    m_initialCash = new QLineEdit(QStringLiteral("1000000"));
    m_initialCash->setObjectName(QStringLiteral("initialCashEdit"));
    form->addRow(tr("Initial cash"), m_initialCash);
    m_sweep = new QLineEdit;
    m_sweep->setObjectName(QStringLiteral("sweepEdit"));
    m_sweep->setPlaceholderText(tr("fast=3:10:1; slow=20,30,50"));
    m_sweep->setToolTip(
        tr("Leave empty for one run. Each axis is KEY=FROM:TO:STEP or KEY=A,B,C; separate axes "
           "with semicolons. Every combination runs, on all cores."));
    form->addRow(tr("Sweep"), m_sweep);
    m_run = new QPushButton(tr("Run"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_progress, 1);
    form->addRow(runRow);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    form->addRow(m_status);

    m_metrics = table(QStringLiteral("metricsTable"), {tr("Measure"), tr("Strategy"), tr("Buy and hold")});
    m_trades = table(QStringLiteral("tradesTable"), {tr("Time (UTC)"), tr("Side"), tr("Price"),
                                                     tr("Quantity"), tr("Fee"), tr("Realized PnL")});
    m_sweepTable = table(QStringLiteral("sweepTable"), {});
    m_sweepTable->setSortingEnabled(true);
    m_equityChart = chartView(QStringLiteral("equityChart"));
    m_drawdownChart = chartView(QStringLiteral("drawdownChart"));

    // The overview shows a run at a glance: the candles with its trades above, the numbers and the equity
    // and drawdown curves below.
    auto* curves = new QWidget;
    auto* curveLayout = new QVBoxLayout(curves);
    curveLayout->setContentsMargins(0, 0, 0, 0);
    curveLayout->addWidget(m_equityChart, 1);
    curveLayout->addWidget(m_drawdownChart, 1);
    auto* numbers = new QSplitter(Qt::Horizontal);
    numbers->setChildrenCollapsible(false);
    numbers->addWidget(m_metrics);
    numbers->addWidget(curves);
    numbers->setStretchFactor(1, 1);
    m_candleChart = new CandleChartView;
    m_candleChart->setObjectName(QStringLiteral("backtestCandleChart"));
    m_candleChart->setEmptyText(tr("Run a backtest to see its candles and trades here."));
    auto* overview = new QSplitter(Qt::Vertical);
    overview->setObjectName(QStringLiteral("overviewSplitter"));
    overview->setChildrenCollapsible(false);
    overview->addWidget(m_candleChart);
    overview->addWidget(numbers);
    overview->setSizes({500, 420});
    numbers->setSizes({360, 600});

    auto* results = new QTabWidget;
    results->setObjectName(QStringLiteral("resultTabs"));
    results->addTab(overview, tr("Results"));
    results->addTab(m_trades, tr("Trades"));
    results->addTab(m_sweepTable, tr("Sweep"));

    auto* split = new QSplitter;
    split->addWidget(settings);
    split->addWidget(results);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_strategy, &QComboBox::currentIndexChanged, this, &BacktestTab::showParameters);
    connect(m_source, &QComboBox::currentIndexChanged, this, &BacktestTab::showSourceRows);
    showSourceRows();
    connect(m_run, &QPushButton::clicked, this, [this] { startRun(); });
    showParameters();
}

void BacktestTab::setVenues(const QList<BacktestVenue>& venues) {
    m_venues = venues;
    m_downloadVenue->clear();
    for (const BacktestVenue& v : venues)
        m_downloadVenue->addItem(v.name);
    m_source->setItemData(2, venues.isEmpty() ? QVariant(false) : QVariant(), Qt::UserRole - 1);
}

void BacktestTab::setMarket(const QString& market) {
    if (!market.isEmpty())
        m_market->setText(market);
}

void BacktestTab::showSourceRows() {
    // Only the fields the chosen source reads.
    const int source = m_source->currentIndex();
    m_form->setRowVisible(m_csvRow, source == 0);
    m_form->setRowVisible(m_venue, source == 1);
    m_form->setRowVisible(m_downloadVenue, source == 2);
    m_form->setRowVisible(m_recordedInterval, source != 0);
}

void BacktestTab::showParameters() {
    while (m_parameterForm->rowCount() > 0)
        m_parameterForm->removeRow(0);
    m_parameterEditors.clear();
    const StrategyTemplate& t = m_strategies.at(std::max(0, m_strategy->currentIndex()));
    m_strategy->setToolTip(t.description);
    for (const StrategyParameter& p : t.parameters) {
        QWidget* editor = nullptr;
        if (p.type == StrategyParameter::Type::Choice || p.type == StrategyParameter::Type::Interval) {
            auto* combo = new QComboBox;
            if (p.type == StrategyParameter::Type::Interval) {
                combo->addItem(tr("the candles' own"), QString());
                for (int i = int(CandleInterval::S1); i <= int(CandleInterval::MN1); ++i)
                    combo->addItem(intervalName(CandleInterval(i)), intervalName(CandleInterval(i)));
            } else {
                for (const QString& choice : p.choices)
                    combo->addItem(choice, choice);
                combo->setCurrentIndex(std::max(0, int(p.choices.indexOf(p.defaultValue))));
            }
            editor = combo;
        } else {
            auto* line = new QLineEdit;
            line->setPlaceholderText(p.key == QLatin1String("order_value") ? tr("all the cash")
                                                                           : p.defaultValue);
            editor = line;
        }
        editor->setObjectName(QStringLiteral("param_") + p.key);
        editor->setToolTip(p.description);
        m_parameterEditors.insert(p.key, editor);
        m_parameterForm->addRow(p.label, editor);
    }
}

std::optional<BacktestRequest> BacktestTab::requestFromForm(QString* problem) const {
    BacktestRequest r;
    r.strategy = m_strategies.at(std::max(0, m_strategy->currentIndex()));
    for (auto it = m_parameterEditors.cbegin(); it != m_parameterEditors.cend(); ++it) {
        if (const auto* line = qobject_cast<const QLineEdit*>(it.value()))
            r.params.insert(it.key(), line->text());
        else if (const auto* combo = qobject_cast<const QComboBox*>(it.value()))
            r.params.insert(it.key(), combo->currentData().toString());
    }
    r.source = m_source->currentIndex() == 1   ? BacktestRequest::Source::Recorder
               : m_source->currentIndex() == 2 ? BacktestRequest::Source::Candles
                                               : BacktestRequest::Source::CsvFile;
    r.csvPath = m_csvPath->text().trimmed();
    r.database = m_database;
    r.venue = m_venue->text().trimmed();
    r.market = m_market->text().trimmed();
    r.recordedInterval = CandleInterval(m_recordedInterval->currentData().toInt());
    if (m_from->dateTime() > m_from->minimumDateTime())
        r.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_to->dateTime() > m_to->minimumDateTime())
        r.toMs = m_to->dateTime().toMSecsSinceEpoch();
    if (r.source == BacktestRequest::Source::CsvFile && r.csvPath.isEmpty()) {
        *problem = tr("Choose a CSV file of candles.");
        return std::nullopt;
    }
    if (r.source == BacktestRequest::Source::Candles &&
        (m_downloadVenue->currentIndex() < 0 || r.market.isEmpty())) {
        *problem = tr("Choose the venue and market to download.");
        return std::nullopt;
    }
    if (r.source == BacktestRequest::Source::Recorder && (r.venue.isEmpty() || r.market.isEmpty())) {
        *problem = tr("Name the recorded venue and market.");
        return std::nullopt;
    }
    const std::optional<Decimal> fee = Decimal::parse(m_feeRate->text().trimmed());
    if (!fee || fee->isNegative() || *fee >= Decimal(1)) {
        *problem = tr("The fee rate is a fraction such as 0.0005.");
        return std::nullopt;
    }
    r.feeRate = *fee;
    const std::optional<Decimal> cash = Decimal::parse(m_initialCash->text().trimmed());
    if (!cash || !cash->isPositive()) {
        *problem = tr("The initial cash must be above zero.");
        return std::nullopt;
    }
    r.initialCash = *cash;
    const QStringList axes = m_sweep->text().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    QStringList trimmed;
    for (const QString& a : axes)
        if (!a.trimmed().isEmpty())
            trimmed << a.trimmed().remove(QLatin1Char(' '));
    if (!trimmed.isEmpty()) {
        const std::variant<SweepGrid::Grid, QString> grid = SweepGrid::parse(trimmed, r.strategy);
        if (const QString* error = std::get_if<QString>(&grid)) {
            *problem = *error;
            return std::nullopt;
        }
        r.sweep = std::get<SweepGrid::Grid>(grid);
    }
    return r;
}

bool BacktestTab::startRun() {
    if (isRunning())
        return false;
    QString problem;
    const std::optional<BacktestRequest> request = requestFromForm(&problem);
    if (!request) {
        m_status->setText(problem);
        return false;
    }
    if (request->source == BacktestRequest::Source::Candles)
        return startDownload(*request);
    m_run->setEnabled(false);
    launch(*request);
    return true;
}

bool BacktestTab::startDownload(BacktestRequest request) {
    const BacktestVenue& venue = m_venues.at(m_downloadVenue->currentIndex());
    const qint64 length = intervalMs(request.recordedInterval);
    // An open end is now; an open start the last 500 candles before the end.
    const qint64 to = request.toMs > 0 ? request.toMs + 1 : QDateTime::currentMSecsSinceEpoch();
    const qint64 from = request.fromMs > 0 ? request.fromMs : to - 500 * length;
    delete m_download;
    m_download =
        new CandleDownload(venue.connector, request.market, request.recordedInterval, from, to, this);
    const qint64 expected = m_download->expectedCandles();
    m_progress->setRange(0, int(std::clamp<qint64>(expected, 1, CandleDownload::kMaxCandles)));
    m_progress->setValue(0);
    m_status->setText(tr("Downloading candles from %1…").arg(venue.name));
    connect(m_download, &CandleDownload::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_status->setText(tr("Downloading candles: %1 of %2").arg(done).arg(total));
    });
    connect(m_download, &CandleDownload::finished, this, [this, request](bool ok) mutable {
        CandleDownload* download = m_download;
        m_download = nullptr;
        download->deleteLater();
        if (!ok) {
            m_status->setText(download->errorString());
            m_run->setEnabled(true);
            emit runFinished(false);
            return;
        }
        request.candles = download->candles();
        launch(request);
    });
    if (!m_download->start()) {
        // Refused before anything ran (an empty or too long period): said like bad input.
        m_status->setText(m_download->errorString());
        delete m_download;
        m_download = nullptr;
        m_progress->setRange(0, 1);
        return false;
    }
    m_run->setEnabled(false);
    return true;
}

void BacktestTab::launch(const BacktestRequest& request) {
    m_status->setText(tr("Running…"));
    const bool sweep = !request.sweep.isEmpty();
    m_progress->setRange(0, sweep ? 1 : 0); // a single run shows a busy bar
    m_progress->setValue(0);
    QPointer<QProgressBar> bar(m_progress);
    auto progress = [bar](int done, int total) {
        QMetaObject::invokeMethod(
            bar.data(),
            [bar, done, total] {
                if (!bar)
                    return;
                bar->setRange(0, total);
                bar->setValue(std::max(bar->value(), done));
            },
            Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([r = request, progress] { return BacktestJob::run(r, progress); }));
}

bool BacktestTab::isRunning() const {
    return m_watcher.isRunning() || m_download != nullptr;
}

QString BacktestTab::statusText() const {
    return m_status->text();
}

void BacktestTab::showOutcome(const BacktestOutcome& outcome) {
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    if (!outcome.ok()) {
        m_status->setText(outcome.error);
        return;
    }
    if (outcome.sweep.isEmpty())
        showSingle(outcome);
    else
        showSweep(outcome);
}

void BacktestTab::showSingle(const BacktestOutcome& outcome) {
    const BacktestMetrics& m = outcome.result.metrics;
    m_status->setText(tr("%n candle(s) replayed.", nullptr, m.candles));
    const QList<std::tuple<QString, QString, QString>> rows{
        {tr("Final equity"), QString(), QString()}, // money cells below
        {tr("Total return"), percent(m.totalReturn), percent(m.buyHoldReturn)},
        {tr("CAGR"), percent(m.cagr), QString()},
        {tr("Maximum drawdown"), percent(m.maxDrawdown), QString()},
        {tr("Sharpe"), number(m.sharpe), QString()},
        {tr("Sortino"), number(m.sortino), QString()},
        {tr("Win rate"), percent(m.winRate), QString()},
        {tr("Profit factor"), number(m.profitFactor), QString()},
        {tr("Exposure"), percent(m.exposure), QString()},
        {tr("Trades"), QString::number(m.trades), QString()},
        {tr("Fees"), QString(), QString()},
    };
    m_metrics->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_metrics->setItem(i, 0, new QTableWidgetItem(std::get<0>(rows[i])));
        m_metrics->setItem(i, 1, new QTableWidgetItem(std::get<1>(rows[i])));
        m_metrics->setItem(i, 2, new QTableWidgetItem(std::get<2>(rows[i])));
    }
    m_metrics->setItem(0, 1, moneyItem(m.finalEquity));
    m_metrics->setItem(0, 2, moneyItem(m.buyHoldFinalEquity));
    m_metrics->setItem(int(rows.size()) - 1, 1, moneyItem(m.fees));
    m_metrics->resizeColumnsToContents();
    m_trades->setRowCount(int(outcome.result.fills.size()));
    for (int i = 0; i < outcome.result.fills.size(); ++i) {
        const BacktestFill& f = outcome.result.fills[i];
        const QString time = QDateTime::fromMSecsSinceEpoch(f.timestampMs, Qt::UTC).toString(Qt::ISODate);
        m_trades->setItem(i, 0, new QTableWidgetItem(time));
        m_trades->setItem(i, 1, new QTableWidgetItem(f.side == Side::Buy ? tr("Buy") : tr("Sell")));
        m_trades->setItem(i, 2, new QTableWidgetItem(f.price.toString()));
        m_trades->setItem(i, 3, new QTableWidgetItem(f.qty.toString()));
        m_trades->setItem(i, 4, new QTableWidgetItem(f.fee.toString()));
        m_trades->setItem(i, 5, new QTableWidgetItem(f.realizedPnl.toString()));
    }
    m_trades->resizeColumnsToContents();
    QVector<QPointF> equity;
    QVector<QPointF> drawdown;
    equity.reserve(outcome.result.equity.size());
    double peak = m.initialCash.toDouble();
    for (const EquityPoint& p : outcome.result.equity) {
        const double e = p.equity.toDouble(); // for drawing only
        peak = std::max(peak, e);
        equity.append(QPointF(double(p.openTimeMs), e));
        drawdown.append(QPointF(double(p.openTimeMs), peak > 0 ? -(peak - e) / peak * 100 : 0));
    }
    plot(m_equityChart, tr("Equity"), equity, "%.0f");
    plot(m_drawdownChart, tr("Drawdown (%)"), drawdown, "%.1f");
    showCandles(outcome);
}

void BacktestTab::showCandles(const BacktestOutcome& outcome) {
    const QVector<Candle>& candles = outcome.candles;
    // The candles' own interval (the smallest gap between open times) labels the time axis.
    qint64 gap = 0;
    for (int i = 1; i < candles.size(); ++i) {
        const qint64 d = candles[i].openTimeMs - candles[i - 1].openTimeMs;
        if (d > 0 && (gap == 0 || d < gap))
            gap = d;
    }
    CandleInterval interval = CandleInterval::M1;
    for (int i = int(CandleInterval::S1); i <= int(CandleInterval::MN1); ++i)
        if (gap > 0 && intervalMs(CandleInterval(i)) == gap)
            interval = CandleInterval(i);
    m_candleChart->clear();
    m_candleChart->setInterval(interval);
    m_candleChart->setCandles(candles);
    // The whole run at once where it fits; longer runs open on their end and pan back.
    m_candleChart->setVisibleCount(
        int(std::min<qsizetype>(candles.size(), CandleChartView::kMaxVisibleCandles)));
    m_candleChart->scrollToLatest();
    QVector<TradeMarker> markers;
    markers.reserve(outcome.result.fills.size());
    for (const BacktestFill& f : outcome.result.fills)
        markers.append({f.timestampMs, f.price, f.side});
    m_candleChart->setTradeMarkers(markers);
}

void BacktestTab::setPriceColors(const PriceColors& colors) {
    m_candleChart->setPriceColors(colors);
}

void BacktestTab::showSweep(const BacktestOutcome& outcome) {
    QStringList headers = outcome.sweepKeys;
    headers << tr("Total return") << tr("Maximum drawdown") << tr("Sharpe") << tr("Trades")
            << tr("Final equity");
    m_sweepTable->setSortingEnabled(false);
    m_sweepTable->clear();
    m_sweepTable->setColumnCount(int(headers.size()));
    m_sweepTable->setHorizontalHeaderLabels(headers);
    m_sweepTable->setRowCount(int(outcome.sweep.size()));
    const int k = int(outcome.sweepKeys.size());
    for (int row = 0; row < outcome.sweep.size(); ++row) {
        const SweepRun& run = outcome.sweep[row];
        for (int c = 0; c < k; ++c) {
            const QString value = run.params.value(outcome.sweepKeys[c]);
            m_sweepTable->setItem(row, c, new NumberItem(value, value.toDouble()));
        }
        if (!run.error.isEmpty()) {
            m_sweepTable->setItem(row, k,
                                  new NumberItem(run.error, -std::numeric_limits<double>::infinity()));
            continue;
        }
        const BacktestMetrics& m = run.metrics;
        m_sweepTable->setItem(row, k, new NumberItem(percent(m.totalReturn), m.totalReturn));
        m_sweepTable->setItem(row, k + 1, new NumberItem(percent(m.maxDrawdown), m.maxDrawdown));
        m_sweepTable->setItem(row, k + 2, new NumberItem(number(m.sharpe), m.sharpe));
        m_sweepTable->setItem(row, k + 3, new NumberItem(QString::number(m.trades), m.trades));
        m_sweepTable->setItem(row, k + 4, new NumberItem(m.finalEquity.toString(), m.finalEquity.toDouble()));
    }
    m_sweepTable->resizeColumnsToContents();
    m_sweepTable->setSortingEnabled(true);
    m_sweepTable->sortByColumn(k, Qt::DescendingOrder); // best total return first
    const int runs = int(outcome.sweep.size());
    m_status->setText(tr("%n combination(s) run.", nullptr, runs));
}

} // namespace hoga
