#pragma once

#include "core/orderbook.h"
#include "format/market_format.h"
#include "theme/price_colors.h"

#include <QTimer>
#include <QVector>
#include <QWidget>

namespace hoga {

// The depth chart of one order book: cumulative bid quantity stepping down to the left of the spread and
// cumulative ask quantity stepping up to the right, painted with QPainter. It repaints only when the levels
// it shows change, and then at most twice a second.
class DepthChartView : public QWidget {
    Q_OBJECT
public:
    struct Step {
        Decimal price;
        Decimal cumulative; // quantity from the best level out to this one
        bool operator==(const Step&) const = default;
    };

    explicit DepthChartView(QWidget* parent = nullptr);

    // Shows up to `maxLevels` levels a side. Returns whether anything changed (and so a repaint is due).
    bool setBook(const OrderBook& book, const MarketFormat& format, int maxLevels);
    void clear();
    void setPriceColors(const PriceColors& colors);
    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }

    const QVector<Step>& bids() const { return m_bids; } // best first
    const QVector<Step>& asks() const { return m_asks; } // best first

    QSize sizeHint() const override { return {420, 180}; }
    QSize minimumSizeHint() const override { return {120, 90}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<Step> m_bids;
    QVector<Step> m_asks;
    MarketFormat m_format;
    PriceColors m_colors = PriceColors::international();
    QString m_emptyText;
    QTimer m_repaint;
    static constexpr int kRepaintMs = 500;
};

} // namespace hoga
