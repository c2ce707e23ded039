// The Backtest tab and the Record toggle, offscreen: a strategy's parameters come from its template, a run
// on a CSV file fills the results, trades and both charts, a sweep fills a sortable table, bad input is
// refused in the status line, and candles recorded by a Record toggle can be backtested.

#include "chart/candle_chart_view.h"
#include "research/backtest_tab.h"
#include "research/record_toggle.h"
#include "session/venue_session.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace hoga;

namespace {

// Minute candles that rise, fall and rise again, so moving averages cross both ways.
QByteArray waveCsv(int count) {
    QByteArray csv = "open_time,open,high,low,close,volume\n";
    double previous = 100000;
    for (int i = 0; i < count; ++i) {
        const double close = std::round(100000 + 10000 * std::sin(i / 8.0));
        csv += QByteArray::number(1'700'000'040'000LL + i * 60'000LL) + ',' +
               QByteArray::number(previous, 'f', 0) + ',' +
               QByteArray::number(std::max(previous, close) + 50, 'f', 0) + ',' +
               QByteArray::number(std::min(previous, close) - 50, 'f', 0) + ',' +
               QByteArray::number(close, 'f', 0) + ",1.5\n";
        previous = close;
    }
    return csv;
}

template <class T> T* child(QWidget& parent, const char* name) {
    T* w = parent.findChild<T*>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

} // namespace

class TestBacktestTab : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_csv = m_dir->filePath(QStringLiteral("wave.csv"));
        QFile file(m_csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(waveCsv(300));
    }

    void parametersComeFromTheTemplate() {
        BacktestTab tab;
        QCOMPARE(tab.objectName(), QStringLiteral("backtestTab"));
        auto* strategy = child<QComboBox>(tab, "strategyCombo");
        QVERIFY(strategy);
        QVERIFY(strategy->findData(QStringLiteral("sma_cross")) >= 0);
        QVERIFY(strategy->findData(QStringLiteral("ml_signal")) >= 0);
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("sma_cross")));
        QVERIFY(child<QLineEdit>(tab, "param_fast"));
        QCOMPARE(child<QLineEdit>(tab, "param_fast")->placeholderText(), QStringLiteral("5"));
        QVERIFY(child<QComboBox>(tab, "param_ma"));
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("ml_signal")));
        QVERIFY(child<QLineEdit>(tab, "param_train_window"));
        QVERIFY(!tab.findChild<QLineEdit*>(QStringLiteral("param_fast")));
    }

    void runOnCsvShowsResultsAndCharts() {
        BacktestTab tab;
        tab.resize(1200, 800);
        child<QLineEdit>(tab, "csvPathEdit")->setText(m_csv);
        QSignalSpy finished(&tab, &BacktestTab::runFinished);
        QVERIFY(tab.startRun());
        QVERIFY(!tab.startRun()); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QCOMPARE(finished.first().first().toBool(), true);
        auto* metrics = child<QTableWidget>(tab, "metricsTable");
        QCOMPARE(metrics->rowCount(), 11);
        // Final equity: exact behind the rounded text.
        QVERIFY(Decimal::parse(metrics->item(0, 1)->data(Qt::UserRole).toString()).has_value());
        QVERIFY(child<QTableWidget>(tab, "tradesTable")->rowCount() > 0);
        for (const char* name : {"equityChart", "drawdownChart"}) {
            auto* view = child<QChartView>(tab, name);
            QCOMPARE(view->chart()->series().size(), 1);
            QCOMPARE(static_cast<QLineSeries*>(view->chart()->series().first())->count(), 300);
        }
        QCOMPARE(child<QProgressBar>(tab, "progressBar")->value(), 1);
        const QPixmap shot = tab.grab();
        QVERIFY(!shot.isNull());
        // For looking at: HOGA_SCREENSHOT_DIR=/some/dir keeps a picture of each tab of results.
        const QString dir = qEnvironmentVariable("HOGA_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            auto* tabs = child<QTabWidget>(tab, "resultTabs");
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                tab.grab().save(dir + QStringLiteral("/backtest_tab_%1.png").arg(i));
            }
        }
    }

    void tradeMarkersMatchTheTrades() {
        BacktestTab tab;
        tab.resize(1200, 800);
        tab.setPriceColors(PriceColors::international());
        child<QLineEdit>(tab, "csvPathEdit")->setText(m_csv);
        QSignalSpy finished(&tab, &BacktestTab::runFinished);
        QVERIFY(tab.startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QVERIFY(finished.first().first().toBool());
        auto* tabs = child<QTabWidget>(tab, "resultTabs");
        CandleChartView* chart = tab.candleChart();
        QCOMPARE(chart->objectName(), QStringLiteral("backtestCandleChart"));
        QVERIFY(tabs->widget(0)->isAncestorOf(chart)); // the first page, with the numbers and curves
        tabs->setCurrentIndex(0);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));

        // Every candle replayed, all on screen.
        QCOMPARE(chart->candles().size(), 300);
        QCOMPARE(chart->interval(), CandleInterval::M1);
        QCOMPARE(chart->firstVisibleIndex(), 0);
        QCOMPARE(chart->lastVisibleIndex(), 299);

        // One marker per row of the trades table, at the fill's time, price and side.
        auto* trades = child<QTableWidget>(tab, "tradesTable");
        QVERIFY(trades->rowCount() >= 2);
        QCOMPARE(chart->tradeMarkers().size(), trades->rowCount());
        bool sawBuy = false;
        bool sawSell = false;
        for (int i = 0; i < trades->rowCount(); ++i) {
            const TradeMarker& m = chart->tradeMarkers()[i];
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(m.timeMs, Qt::UTC).toString(Qt::ISODate),
                     trades->item(i, 0)->text());
            QCOMPARE(m.side == Side::Buy ? QStringLiteral("Buy") : QStringLiteral("Sell"),
                     trades->item(i, 1)->text());
            QCOMPARE(m.price.toString(), trades->item(i, 2)->text());
            sawBuy |= m.side == Side::Buy;
            sawSell |= m.side == Side::Sell;
            // On the candle whose minute holds the fill, within that candle's prices, and drawn.
            const int index = chart->markerCandleIndex(i);
            QVERIFY(index >= 0);
            const Candle& c = chart->candles()[index];
            QVERIFY(c.openTimeMs <= m.timeMs && m.timeMs < c.openTimeMs + 60'000);
            QVERIFY(m.price >= c.low && m.price <= c.high);
            const std::optional<QPointF> tip = chart->markerPosition(i);
            QVERIFY(tip.has_value());
            QVERIFY(chart->rect().contains(tip->toPoint()));
            QCOMPARE(chart->indexAt(tip->toPoint()), index);
        }
        QVERIFY(sawBuy && sawSell);

        // The first marker is painted: inside its triangle the buy (up) or sell (down) colour shows.
        const QImage image = chart->grab().toImage();
        const TradeMarker& first = chart->tradeMarkers().first();
        const double dir = first.side == Side::Buy ? 1 : -1;
        const QPoint inside = (*chart->markerPosition(0) + QPointF(0, dir * 8)).toPoint();
        const QColor expected =
            first.side == Side::Buy ? PriceColors::international().up : PriceColors::international().down;
        const QColor seen = image.pixelColor(inside * image.devicePixelRatio());
        QVERIFY2(std::abs(seen.red() - expected.red()) + std::abs(seen.green() - expected.green()) +
                         std::abs(seen.blue() - expected.blue()) <
                     60,
                 qPrintable(seen.name()));
    }

    void downloadsCandlesFromAVenue() {
        SimConfig config;
        config.seed = 5;
        config.stepIntervalMs = 50;
        const std::unique_ptr<VenueSession> session = VenueSession::simulated(config);
        BacktestTab tab;
        auto* source = child<QComboBox>(tab, "sourceCombo");
        auto* model = qobject_cast<QStandardItemModel*>(source->model());
        QVERIFY(!model->item(2)->isEnabled()); // no venue yet
        tab.setVenues({{QStringLiteral("Simulator"), session->connector()}});
        QVERIFY(model->item(2)->isEnabled());
        source->setCurrentIndex(2);
        // Only the fields this source reads.
        QVERIFY(child<QComboBox>(tab, "downloadVenueCombo")->isVisibleTo(&tab));
        QVERIFY(child<QComboBox>(tab, "intervalCombo")->isVisibleTo(&tab));
        QVERIFY(!child<QLineEdit>(tab, "csvPathEdit")->isVisibleTo(&tab));
        QVERIFY(!child<QLineEdit>(tab, "venueEdit")->isVisibleTo(&tab));

        // 650 minutes that ended an hour ago: four pages of 200.
        const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const QDateTime to(end.date(), QTime(end.time().hour(), end.time().minute()), Qt::UTC);
        child<QDateTimeEdit>(tab, "toEdit")->setDateTime(to.addSecs(-60));
        child<QDateTimeEdit>(tab, "fromEdit")->setDateTime(to.addSecs(-650 * 60));
        child<QLineEdit>(tab, "param_fast")->setText(QStringLiteral("3"));
        child<QLineEdit>(tab, "param_slow")->setText(QStringLiteral("8"));
        auto* bar = child<QProgressBar>(tab, "progressBar");
        QList<int> values;
        connect(bar, &QProgressBar::valueChanged, this, [&values](int v) { values << v; });
        QSignalSpy finished(&tab, &BacktestTab::runFinished);
        QVERIFY(tab.startRun());
        QVERIFY(tab.isRunning());
        QVERIFY(!tab.startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(tab.statusText()));
        // The bar went through the pages before the run.
        QVERIFY2(values.contains(200) && values.contains(400), qPrintable(QString::number(values.size())));
        QCOMPARE(tab.candleChart()->candles().size(), 650);
        QCOMPARE(tab.candleChart()->candles().first().openTimeMs, to.addSecs(-650 * 60).toMSecsSinceEpoch());
        QCOMPARE(tab.candleChart()->candles().last().openTimeMs, to.addSecs(-60).toMSecsSinceEpoch());
        QCOMPARE(tab.candleChart()->tradeMarkers().size(),
                 child<QTableWidget>(tab, "tradesTable")->rowCount());

        // A period too long to download is refused at once.
        child<QDateTimeEdit>(tab, "fromEdit")->setDateTime(to.addYears(-1));
        QVERIFY(!tab.startRun());
        QVERIFY(tab.statusText().contains(QStringLiteral("shorter period")));
    }

    void sweepFillsASortableTable() {
        BacktestTab tab;
        child<QLineEdit>(tab, "csvPathEdit")->setText(m_csv);
        child<QLineEdit>(tab, "sweepEdit")->setText(QStringLiteral("fast=3:7:2; slow=9,20"));
        QSignalSpy finished(&tab, &BacktestTab::runFinished);
        QVERIFY(tab.startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60'000);
        auto* table = child<QTableWidget>(tab, "sweepTable");
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("fast"));
        QVERIFY(table->isSortingEnabled());
        // Sorted by total return, best first.
        for (int row = 1; row < table->rowCount(); ++row)
            QVERIFY(table->item(row - 1, 2)->data(Qt::UserRole).toDouble() >=
                    table->item(row, 2)->data(Qt::UserRole).toDouble());
        table->sortByColumn(0, Qt::AscendingOrder);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("3"));
        QCOMPARE(table->item(5, 0)->text(), QStringLiteral("7"));
        QCOMPARE(child<QProgressBar>(tab, "progressBar")->maximum(), 1);
    }

    void badInputIsRefused() {
        BacktestTab tab;
        QVERIFY(!tab.startRun()); // no file
        QVERIFY(!tab.statusText().isEmpty());
        child<QLineEdit>(tab, "csvPathEdit")->setText(m_csv);
        child<QLineEdit>(tab, "feeRateEdit")->setText(QStringLiteral("x"));
        QVERIFY(!tab.startRun());
        child<QLineEdit>(tab, "feeRateEdit")->setText(QStringLiteral("0.001"));
        child<QLineEdit>(tab, "sweepEdit")->setText(QStringLiteral("nope=1:2:1"));
        QVERIFY(!tab.startRun());
        QVERIFY(tab.statusText().contains(QStringLiteral("nope")));
        // A missing file fails in the run and says so.
        child<QLineEdit>(tab, "sweepEdit")->clear();
        child<QLineEdit>(tab, "csvPathEdit")->setText(m_dir->filePath(QStringLiteral("missing.csv")));
        QSignalSpy finished(&tab, &BacktestTab::runFinished);
        QVERIFY(tab.startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QCOMPARE(finished.first().first().toBool(), false);
    }

    void recordedTradesCanBeBacktested() {
        const MarketDataUrl db = MarketDataUrl::sqlite(m_dir->filePath(QStringLiteral("md.sqlite")));
        RecordToggle toggle(nullptr, QStringLiteral("KRW-BTC"), db);
        QCOMPARE(toggle.objectName(), QStringLiteral("recordToggle"));
        QSignalSpy changed(&toggle, &RecordToggle::recordingChanged);
        toggle.setRecording(true);
        QVERIFY(toggle.isRecording());
        QCOMPARE(changed.size(), 1);
        // Trades as the connector's stream would deliver them: two per minute for 60 minutes.
        for (int i = 0; i < 120; ++i) {
            Trade t;
            t.venue = QStringLiteral("sim");
            t.market = QStringLiteral("KRW-BTC");
            t.id = QString::number(i);
            t.price = Decimal(100000 + 100 * int(std::round(30 * std::sin(i / 10.0))));
            t.qty = Decimal::fromString("0.01");
            t.timestampMs = 1'700'000'040'000LL + i * 30'000LL;
            toggle.recorder()->recordTrade(t);
        }
        QVERIFY(toggle.recorder()->flush());
        toggle.refreshStatus();
        QVERIFY2(toggle.statusText().contains(QStringLiteral("120")), qPrintable(toggle.statusText()));
        QVERIFY(toggle.statusText().contains(QStringLiteral("0 dropped")));
        toggle.setRecording(false);
        QVERIFY(!toggle.isRecording());
        QVERIFY(toggle.statusText().contains(QStringLiteral("120")));

        BacktestTab tab(db);
        child<QComboBox>(tab, "sourceCombo")->setCurrentIndex(1);
        child<QLineEdit>(tab, "venueEdit")->setText(QStringLiteral("sim"));
        child<QLineEdit>(tab, "param_fast")->setText(QStringLiteral("3"));
        child<QLineEdit>(tab, "param_slow")->setText(QStringLiteral("8"));
        QSignalSpy finished(&tab, &BacktestTab::runFinished);
        QVERIFY(tab.startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(tab.statusText()));
        QCOMPARE(static_cast<QLineSeries*>(child<QChartView>(tab, "equityChart")->chart()->series().first())
                     ->count(),
                 60);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_csv;
};

QTEST_MAIN(TestBacktestTab)
#include "tst_backtest_tab.moc"
