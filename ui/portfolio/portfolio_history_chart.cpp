#include "portfolio_history_chart.h"

#include "theme/terminal_theme.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace hoga {

namespace {

// Keeps one axis' range readable when every point has the same value.
std::pair<double, double> paddedRange(double low, double high) {
    const double pad = high > low ? (high - low) * 0.08 : std::max(1.0, std::abs(high) * 0.01);
    return {low - pad, high + pad};
}

} // namespace

PortfolioHistoryChart::PortfolioHistoryChart(QWidget* parent)
    : QChartView(parent)
    , m_krw(new QLineSeries)
    , m_usdt(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_krwAxis(new QValueAxis)
    , m_usdtAxis(new QValueAxis) {
    setObjectName(QStringLiteral("portfolioHistoryChart"));
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundBrush(theme::panel());
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setLabelColor(theme::dimText());
    m_krw->setName(tr("Total value (KRW)"));
    m_usdt->setName(tr("Total value (USDT)"));
    chart->addSeries(m_krw);
    chart->addSeries(m_usdt);
    m_time->setFormat(QStringLiteral("MM-dd HH:mm"));
    m_time->setTickCount(5);
    m_krwAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_usdtAxis->setLabelFormat(QStringLiteral("%.2f"));
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_time), static_cast<QAbstractAxis*>(m_krwAxis),
                                static_cast<QAbstractAxis*>(m_usdtAxis)}) {
        axis->setLabelsColor(theme::dimText());
        axis->setGridLineColor(theme::border());
    }
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_krwAxis, Qt::AlignLeft);
    chart->addAxis(m_usdtAxis, Qt::AlignRight);
    m_krw->attachAxis(m_time);
    m_krw->attachAxis(m_krwAxis);
    m_usdt->attachAxis(m_time);
    m_usdt->attachAxis(m_usdtAxis);
    chart->setTitleBrush(theme::dimText());
    setChart(chart);
    setMinimumHeight(150);
    updateTitle();
}

void PortfolioHistoryChart::setPoints(const QVector<PortfolioValuePoint>& points) {
    m_points = points;
    QList<QPointF> krw;
    QList<QPointF> usdt;
    for (const PortfolioValuePoint& p : points) {
        krw.append(QPointF(double(p.atMs), p.totalKrw.toDouble()));
        if (p.totalUsdt.isPositive())
            usdt.append(QPointF(double(p.atMs), p.totalUsdt.toDouble()));
    }
    m_krw->replace(krw);
    m_usdt->replace(usdt);
    fitAxes();
    updateTitle();
}

void PortfolioHistoryChart::append(const PortfolioValuePoint& point) {
    m_points.append(point);
    m_krw->append(double(point.atMs), point.totalKrw.toDouble());
    if (point.totalUsdt.isPositive())
        m_usdt->append(double(point.atMs), point.totalUsdt.toDouble());
    fitAxes();
    updateTitle();
}

int PortfolioHistoryChart::pointCount() const {
    return int(m_points.size());
}

void PortfolioHistoryChart::fitAxes() {
    if (m_points.isEmpty())
        return;
    const qint64 first = m_points.constFirst().atMs;
    const qint64 last = std::max(m_points.constLast().atMs, first + 60'000);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
    auto range = [](const QLineSeries* series) {
        const QList<QPointF> points = series->points();
        double low = points.isEmpty() ? 0 : points.constFirst().y();
        double high = low;
        for (const QPointF& p : points) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
        return paddedRange(low, high);
    };
    const auto [krwLow, krwHigh] = range(m_krw);
    m_krwAxis->setRange(krwLow, krwHigh);
    const auto [usdtLow, usdtHigh] = range(m_usdt);
    m_usdtAxis->setRange(usdtLow, usdtHigh);
}

void PortfolioHistoryChart::updateTitle() {
    chart()->setTitle(m_points.size() < 2
                          ? tr("Portfolio value history: Hoga records the total every minute.")
                          : QString());
}

} // namespace hoga
