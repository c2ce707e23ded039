#pragma once

#include "chart_axes.h"
#include "core/candle.h"
#include "core/trade.h"
#include "theme/price_colors.h"

#include <QColor>
#include <QVector>
#include <QWidget>

#include <array>
#include <optional>

namespace hoga {

// What the crosshair readout shows for one candle.
struct ChartReadout {
    int index = -1;
    Candle candle;
    std::optional<Decimal> change;                  // close vs the previous close, as a fraction (0.01 = 1 %)
    QVector<std::optional<Decimal>> movingAverages; // one per CandleChartView::movingAveragePeriods()
};

// A buy or sell drawn on the chart at its time and price (a backtest's fills).
struct TradeMarker {
    qint64 timeMs = 0;
    Decimal price;
    Side side = Side::Buy;
};

// A candlestick chart painted with QPainter: candles and a volume pane on a shared time axis, a price axis
// with round labels on the right, moving-average overlays, a crosshair with an OHLCV readout and a
// last-price marker. Wheel zooms, drag pans, double click returns to the latest candle; with focus, the
// arrow keys pan, +/- zoom and Home/End jump to the oldest/latest candle.
//
// Pure view: it shows the candles it is given (see ChartTab for fetching and live updates) and an
// empty-state text when it has none.
class CandleChartView : public QWidget {
    Q_OBJECT
public:
    static constexpr std::array<int, 4> kMovingAveragePeriods{5, 20, 60, 120};
    static constexpr int kMinVisibleCandles = 20;
    static constexpr int kMaxVisibleCandles = 1000;
    static constexpr int kDefaultVisibleCandles = 120;

    explicit CandleChartView(QWidget* parent = nullptr);

    // Replaces the series (oldest first). Following the latest candle continues; otherwise the right edge
    // stays on the same candle (by open time), so prepending history or a new live bucket keeps the view.
    void setCandles(const QVector<Candle>& candles);
    const QVector<Candle>& candles() const { return m_candles; }
    void clear(); // no candles, back to following the latest

    void setInterval(CandleInterval interval);
    CandleInterval interval() const { return m_interval; }
    // Fraction digits of price labels; -1 derives them from the candles' own precision.
    void setPriceDecimals(int decimals);
    int priceDecimals() const;
    void setPriceColors(const PriceColors& colors);
    const PriceColors& priceColors() const { return m_colors; }
    void setEmptyText(const QString& text); // shown while there are no candles
    QString emptyText() const { return m_emptyText; }

    // Buy (up triangle) and sell (down triangle) markers, each on the candle whose period holds its time, at
    // its price. Kept until replaced; markers outside the candles' periods are not drawn.
    void setTradeMarkers(const QVector<TradeMarker>& markers);
    const QVector<TradeMarker>& tradeMarkers() const { return m_markers; }
    // The candle a marker sits on (the last one opening at or before its time), or -1.
    int markerCandleIndex(int marker) const;
    // Where the marker's tip is drawn, in widget pixels; nullopt when it is off screen or not drawn.
    std::optional<QPointF> markerPosition(int marker) const;

    // Viewport.
    int visibleCount() const { return m_visibleCount; }
    void setVisibleCount(int count); // clamped to [kMinVisibleCandles, kMaxVisibleCandles], right edge kept
    int firstVisibleIndex() const;   // clamped to existing candles; -1 if none
    int lastVisibleIndex() const;    // -1 if none
    bool isFollowingLatest() const { return m_following; }
    void panBy(int candles); // positive moves toward newer candles
    void scrollToLatest();
    void zoomBy(double notches); // positive zooms in (fewer candles), like the mouse wheel

    // Testing and readout accessors.
    int indexAt(const QPoint& pos) const; // candle under x, or -1
    int hoveredIndex() const;             // candle under the crosshair, or -1
    std::optional<ChartReadout> readoutAt(const QPoint& pos) const;
    std::optional<ChartReadout> readoutFor(int index) const;
    const QVector<std::optional<Decimal>>& movingAverage(int periodIndex) const {
        return m_averages[periodIndex];
    }
    static QColor movingAverageColor(int periodIndex);

    QSize sizeHint() const override { return {800, 480}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

signals:
    // The user moved the view onto the oldest candle: more history would be welcome.
    void olderCandlesWanted();
    void followingLatestChanged(bool following);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // Pixel doubles of one candle, converted once per data change instead of on every paint.
    struct Plotted {
        double open, high, low, close, volume;
        int sign; // +1 up, -1 down, 0 unchanged (body colour)
    };
    struct Layout {
        QRect plot; // candles and volume, left of the price axis, above the time axis
        QRect pricePane;
        QRect volumePane;
        QRect priceAxis;
        QRect timeAxis;
        double spacing = 1; // pixels per candle slot
        int topMargin = 0;  // the legend's strip above the price pane
    };
    struct PriceRange {
        double low = 0, high = 0, maxVolume = 0;
        bool valid() const { return high > low; }
    };

    Layout layout() const;
    PriceRange visibleRange() const;
    int lastPaintedIndex() const; // newer candles show in the padding right of lastVisibleIndex()
    int slotOrigin() const { return m_rightIndex - m_visibleCount + 1; } // index of the leftmost slot
    double centerX(const Layout& l, int index) const;
    double priceY(const Layout& l, const PriceRange& r, double price) const;
    double volumeY(const Layout& l, const PriceRange& r, double volume) const;
    void setRightIndex(int index, bool userAction);
    void clampRightIndex();
    void recomputeDerived(int fromIndex);
    int axisLabelWidth() const;
    QString formatPrice(const Decimal& price) const;
    QString formatVolume(const Decimal& volume) const;
    QString formatTime(qint64 utcMs) const;
    QColor colorForSign(int sign) const;

    void paintEmpty(QPainter& p);
    void paintGrid(QPainter& p, const Layout& l, const PriceRange& r, const PriceTicks& ticks,
                   const QVector<TimeTick>& times);
    void paintCandles(QPainter& p, const Layout& l, const PriceRange& r);
    void paintVolume(QPainter& p, const Layout& l, const PriceRange& r);
    void paintAverages(QPainter& p, const Layout& l, const PriceRange& r);
    void paintHighLowMarkers(QPainter& p, const Layout& l, const PriceRange& r);
    void paintTradeMarkers(QPainter& p, const Layout& l, const PriceRange& r);
    void paintAxes(QPainter& p, const Layout& l, const PriceRange& r, const PriceTicks& ticks,
                   const QVector<TimeTick>& times);
    void paintLastPrice(QPainter& p, const Layout& l, const PriceRange& r);
    void paintCrosshair(QPainter& p, const Layout& l, const PriceRange& r);
    void paintLegend(QPainter& p, const Layout& l);
    void paintAxisTag(QPainter& p, const QRect& axis, int y, const QString& text, const QColor& fill,
                      const QColor& textColor);

    QVector<Candle> m_candles;
    QVector<Plotted> m_plotted;
    std::array<QVector<std::optional<Decimal>>, kMovingAveragePeriods.size()> m_averages;
    std::array<QVector<double>, kMovingAveragePeriods.size()> m_averagesPx; // NaN where undefined
    CandleInterval m_interval = CandleInterval::M1;
    PriceColors m_colors = PriceColors::korean();
    int m_priceDecimals = -1;
    int m_derivedDecimals = 0;
    Decimal m_maxHigh; // sizes the price axis
    QString m_emptyText;
    QVector<TradeMarker> m_markers;

    int m_visibleCount = kDefaultVisibleCandles;
    int m_rightIndex = -1; // newest visible candle slot
    bool m_following = true;

    bool m_hovering = false;
    QPoint m_mouse;
    bool m_dragging = false;
    int m_dragStartX = 0;
    int m_dragStartRight = 0;

    // Time labels depend on the viewport only; recomputing them on every crosshair move would be wasteful.
    mutable QVector<TimeTick> m_timeTicks;
    mutable QString m_timeTicksKey;
};

} // namespace hoga
