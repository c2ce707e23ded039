#pragma once

#include "trading/portfolio.h"

#include <QWidget>

namespace hoga {

// A stacked bar of the portfolio's composition (share of total value per holding) with a legend.
class AllocationBar : public QWidget {
    Q_OBJECT
public:
    explicit AllocationBar(QWidget* parent = nullptr);

    void setSnapshot(const PortfolioSnapshot& snapshot);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Segment {
        QString currency;
        double share = 0; // pixels only
        QString label;
    };
    static QColor colorFor(int index);

    QVector<Segment> m_segments;
};

} // namespace hoga
