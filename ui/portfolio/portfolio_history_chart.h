#pragma once

#include "storage/portfolio_history.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace hoga {

// The total value of the portfolio over time (Qt Charts): KRW on the left axis, USDT on the right. Points
// come from the profile's PortfolioHistory; drawing uses doubles, the stored values stay exact.
class PortfolioHistoryChart : public QChartView {
    Q_OBJECT
public:
    explicit PortfolioHistoryChart(QWidget* parent = nullptr);

    void setPoints(const QVector<PortfolioValuePoint>& points);
    void append(const PortfolioValuePoint& point);
    int pointCount() const;

private:
    void fitAxes();
    void updateTitle();

    QVector<PortfolioValuePoint> m_points;
    QLineSeries* m_krw;
    QLineSeries* m_usdt;
    QDateTimeAxis* m_time;
    QValueAxis* m_krwAxis;
    QValueAxis* m_usdtAxis;
};

} // namespace hoga
