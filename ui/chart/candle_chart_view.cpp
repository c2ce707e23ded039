#include "candle_chart_view.h"

#include "format/decimal_format.h"
#include "moving_average.h"

#include <QDateTime>
#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hoga {

namespace {

constexpr double kVolumePaneShare = 0.2;
constexpr double kBodyShare = 0.7;     // body width as a share of the candle slot
constexpr double kRangePadding = 0.08; // empty space above and below the visible prices
constexpr int kLegendPadding = 6;
constexpr int kRightPadSlots = 3; // room between the newest candle and the price axis
constexpr int kPaneGap = 6;
constexpr int kAxisPadding = 7;
constexpr int kPixelsPerPriceTick = 46;
constexpr int kMinTimeLabelSpacing = 90;
constexpr double kZoomPerNotch = 0.85;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameCandle(const Candle& a, const Candle& b) {
    return a.openTimeMs == b.openTimeMs && a.open == b.open && a.high == b.high && a.low == b.low &&
           a.close == b.close && a.volume == b.volume;
}

QColor withAlpha(QColor color, int alpha) {
    color.setAlpha(alpha);
    return color;
}

// White or black text, whichever reads better on `fill`.
QColor contrastingText(const QColor& fill) {
    return fill.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

CandleChartView::CandleChartView(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
}

QColor CandleChartView::movingAverageColor(int periodIndex) {
    static const QColor colors[] = {QColor(0xf0, 0x8c, 0x00), QColor(0xae, 0x3e, 0xc9),
                                    QColor(0x0c, 0x9e, 0x8a), QColor(0x8d, 0x6e, 0x63)};
    return colors[std::clamp(periodIndex, 0, int(std::size(colors)) - 1)];
}

// ---- data --------------------------------------------------------------------------------------------

void CandleChartView::setCandles(const QVector<Candle>& candles) {
    const qint64 anchorTime = (!m_following && m_rightIndex >= 0 && m_rightIndex < m_candles.size())
                                  ? m_candles[m_rightIndex].openTimeMs
                                  : -1;
    int firstChanged = 0;
    if (!m_candles.isEmpty() && !candles.isEmpty() &&
        m_candles.first().openTimeMs == candles.first().openTimeMs) {
        const int common = int(std::min(m_candles.size(), candles.size()));
        while (firstChanged < common && sameCandle(m_candles[firstChanged], candles[firstChanged]))
            ++firstChanged;
    }
    if (firstChanged == candles.size() && candles.size() == m_candles.size() && !candles.isEmpty())
        return; // nothing to repaint
    m_candles = candles;
    recomputeDerived(std::min(firstChanged, int(m_candles.size())));

    if (m_candles.isEmpty()) {
        m_rightIndex = -1;
    } else if (anchorTime < 0) {
        setRightIndex(int(m_candles.size()) - 1, false);
    } else {
        const auto it = std::lower_bound(m_candles.cbegin(), m_candles.cend(), anchorTime,
                                         [](const Candle& c, qint64 t) { return c.openTimeMs < t; });
        setRightIndex(int(std::min<qsizetype>(it - m_candles.cbegin(), m_candles.size() - 1)), false);
    }
    update();
}

void CandleChartView::clear() {
    m_following = true;
    setCandles({});
}

void CandleChartView::recomputeDerived(int fromIndex) {
    const int n = int(m_candles.size());
    m_plotted.resize(n);
    for (int i = fromIndex; i < n; ++i) {
        const Candle& c = m_candles[i];
        int sign = c.close > c.open ? 1 : (c.close < c.open ? -1 : 0);
        if (sign == 0 && i > 0) // an unchanged candle takes the direction against the previous close
            sign = c.close > m_candles[i - 1].close ? 1 : (c.close < m_candles[i - 1].close ? -1 : 0);
        m_plotted[i] = {c.open.toDouble(),  c.high.toDouble(),   c.low.toDouble(),
                        c.close.toDouble(), c.volume.toDouble(), sign};
    }
    for (size_t k = 0; k < kMovingAveragePeriods.size(); ++k) {
        updateMovingAverage(m_averages[k], m_candles, kMovingAveragePeriods[k], fromIndex);
        m_averagesPx[k].resize(n);
        for (int i = fromIndex; i < n; ++i)
            m_averagesPx[k][i] = m_averages[k][i] ? m_averages[k][i]->toDouble() : kNaN;
    }
    // Labels get as many fraction digits as the recent prices carry when the market's rules are unknown.
    m_derivedDecimals = 0;
    for (int i = std::max(0, n - 100); i < n; ++i)
        m_derivedDecimals =
            std::max({m_derivedDecimals, m_candles[i].close.scale(), m_candles[i].open.scale()});
    m_derivedDecimals = std::min(m_derivedDecimals, 8);
    m_maxHigh = Decimal();
    for (const Candle& c : m_candles)
        m_maxHigh = Decimal::max(m_maxHigh, c.high);
    m_timeTicksKey.clear();
}

void CandleChartView::setInterval(CandleInterval interval) {
    m_interval = interval;
    m_timeTicksKey.clear();
    update();
}

void CandleChartView::setPriceDecimals(int decimals) {
    m_priceDecimals = std::min(decimals, Decimal::kMaxScale);
    update();
}

int CandleChartView::priceDecimals() const {
    return m_priceDecimals >= 0 ? m_priceDecimals : m_derivedDecimals;
}

void CandleChartView::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    update();
}

void CandleChartView::setEmptyText(const QString& text) {
    m_emptyText = text;
    if (m_candles.isEmpty())
        update();
}

void CandleChartView::setTradeMarkers(const QVector<TradeMarker>& markers) {
    m_markers = markers;
    update();
}

int CandleChartView::markerCandleIndex(int marker) const {
    if (marker < 0 || marker >= m_markers.size() || m_candles.isEmpty())
        return -1;
    const qint64 time = m_markers[marker].timeMs;
    const auto it = std::upper_bound(m_candles.cbegin(), m_candles.cend(), time,
                                     [](qint64 t, const Candle& c) { return t < c.openTimeMs; });
    const int index = int(it - m_candles.cbegin()) - 1;
    if (index < 0)
        return -1;
    // Past the newest candle's period is outside the chart.
    if (index == m_candles.size() - 1 && time >= m_candles[index].openTimeMs + intervalMs(m_interval))
        return -1;
    return index;
}

std::optional<QPointF> CandleChartView::markerPosition(int marker) const {
    const int index = markerCandleIndex(marker);
    if (index < 0 || index < firstVisibleIndex() || index > lastPaintedIndex())
        return std::nullopt;
    const Layout l = layout();
    const PriceRange r = visibleRange();
    if (!r.valid())
        return std::nullopt;
    const QPointF tip(centerX(l, index), priceY(l, r, m_markers[marker].price.toDouble()));
    if (tip.y() < l.pricePane.top() - 1 || tip.y() > l.pricePane.bottom() + 1)
        return std::nullopt;
    return tip;
}

// ---- viewport ----------------------------------------------------------------------------------------

int CandleChartView::firstVisibleIndex() const {
    return m_candles.isEmpty() ? -1 : std::max(0, slotOrigin());
}

int CandleChartView::lastVisibleIndex() const {
    return m_candles.isEmpty() ? -1 : std::min(m_rightIndex, int(m_candles.size()) - 1);
}

int CandleChartView::lastPaintedIndex() const {
    return m_candles.isEmpty() ? -1 : std::min(m_rightIndex + kRightPadSlots, int(m_candles.size()) - 1);
}

void CandleChartView::setRightIndex(int index, bool userAction) {
    const int n = int(m_candles.size());
    if (n == 0) {
        m_rightIndex = -1;
        return;
    }
    const int minRight = std::min(n - 1, m_visibleCount - 1); // never scroll past the oldest candle
    m_rightIndex = std::clamp(index, minRight, n - 1);
    const bool following = m_rightIndex == n - 1;
    if (following != m_following) {
        m_following = following;
        emit followingLatestChanged(following);
    }
    if (userAction && slotOrigin() <= 0)
        emit olderCandlesWanted();
    update();
}

void CandleChartView::clampRightIndex() {
    setRightIndex(m_following ? int(m_candles.size()) - 1 : m_rightIndex, false);
}

void CandleChartView::setVisibleCount(int count) {
    m_visibleCount = std::clamp(count, kMinVisibleCandles, kMaxVisibleCandles);
    m_timeTicksKey.clear();
    clampRightIndex();
    update();
}

void CandleChartView::panBy(int candles) {
    setRightIndex(m_rightIndex + candles, true);
}

void CandleChartView::scrollToLatest() {
    setRightIndex(int(m_candles.size()) - 1, false);
}

void CandleChartView::zoomBy(double notches) {
    int count = int(std::lround(m_visibleCount * std::pow(kZoomPerNotch, notches)));
    if (count == m_visibleCount && notches != 0)
        count += notches > 0 ? -1 : 1;
    setVisibleCount(count);
    if (!m_candles.isEmpty() && slotOrigin() <= 0)
        emit olderCandlesWanted();
}

// ---- geometry ----------------------------------------------------------------------------------------

int CandleChartView::axisLabelWidth() const {
    const QFontMetrics fm(font());
    return std::max(fm.horizontalAdvance(formatPrice(m_maxHigh)),
                    fm.horizontalAdvance(QStringLiteral("00,000.00"))) +
           2 * kAxisPadding + 4;
}

CandleChartView::Layout CandleChartView::layout() const {
    Layout l;
    const QFontMetrics fm(font());
    const int axisWidth = axisLabelWidth();
    const int timeHeight = fm.height() + 10;
    l.plot = QRect(0, 0, std::max(1, width() - axisWidth), std::max(1, height() - timeHeight));
    const int volumeHeight = int(l.plot.height() * kVolumePaneShare);
    l.volumePane = QRect(l.plot.left(), l.plot.bottom() - volumeHeight + 1, l.plot.width(), volumeHeight);
    // The legend gets a strip of its own above the candles, so it never hides the highest prices.
    l.topMargin = std::min(2 * fm.height() + 2 * kLegendPadding + 8, l.plot.height() / 4);
    l.pricePane = QRect(l.plot.left(), l.plot.top() + l.topMargin, l.plot.width(),
                        std::max(1, l.plot.height() - volumeHeight - l.topMargin - kPaneGap));
    l.priceAxis = QRect(l.plot.right() + 1, 0, axisWidth, l.plot.height());
    l.timeAxis = QRect(0, l.plot.bottom() + 1, width(), timeHeight);
    l.spacing = double(l.plot.width()) / (m_visibleCount + kRightPadSlots);
    return l;
}

CandleChartView::PriceRange CandleChartView::visibleRange() const {
    PriceRange r;
    const int first = firstVisibleIndex();
    const int last = lastPaintedIndex();
    if (first < 0)
        return r;
    r.low = std::numeric_limits<double>::max();
    r.high = std::numeric_limits<double>::lowest();
    for (int i = first; i <= last; ++i) {
        r.low = std::min(r.low, m_plotted[i].low);
        r.high = std::max(r.high, m_plotted[i].high);
        r.maxVolume = std::max(r.maxVolume, m_plotted[i].volume);
    }
    const double span = r.high - r.low;
    const double pad = span > 0 ? span * kRangePadding
                                : std::max(std::abs(r.high) * 0.001, std::pow(10.0, -priceDecimals()));
    r.low -= pad;
    r.high += pad;
    return r;
}

double CandleChartView::centerX(const Layout& l, int index) const {
    return l.plot.left() + (index - slotOrigin() + 0.5) * l.spacing;
}

double CandleChartView::priceY(const Layout& l, const PriceRange& r, double price) const {
    return l.pricePane.bottom() - (price - r.low) / (r.high - r.low) * (l.pricePane.height() - 1);
}

double CandleChartView::volumeY(const Layout& l, const PriceRange& r, double volume) const {
    if (r.maxVolume <= 0)
        return l.volumePane.bottom();
    return l.volumePane.bottom() - volume / r.maxVolume * (l.volumePane.height() - 2);
}

int CandleChartView::indexAt(const QPoint& pos) const {
    if (m_candles.isEmpty())
        return -1;
    const Layout l = layout();
    if (!l.plot.contains(pos))
        return -1;
    const int index = slotOrigin() + int(std::floor((pos.x() - l.plot.left()) / l.spacing));
    return index >= 0 && index < m_candles.size() ? index : -1;
}

int CandleChartView::hoveredIndex() const {
    return m_hovering ? indexAt(m_mouse) : -1;
}

std::optional<ChartReadout> CandleChartView::readoutAt(const QPoint& pos) const {
    return readoutFor(indexAt(pos));
}

std::optional<ChartReadout> CandleChartView::readoutFor(int index) const {
    if (index < 0 || index >= m_candles.size())
        return std::nullopt;
    ChartReadout readout;
    readout.index = index;
    readout.candle = m_candles[index];
    if (index > 0 && !m_candles[index - 1].close.isZero()) {
        const Decimal& previous = m_candles[index - 1].close;
        readout.change = (readout.candle.close - previous).divide(previous, 8, Rounding::HalfEven);
    }
    for (const auto& averages : m_averages)
        readout.movingAverages.append(averages.value(index));
    return readout;
}

// ---- formatting --------------------------------------------------------------------------------------

QString CandleChartView::formatPrice(const Decimal& price) const {
    return formatDecimal(price, priceDecimals(), locale());
}

QString CandleChartView::formatVolume(const Decimal& volume) const {
    if (volume.abs() >= Decimal(1000))
        return formatDecimal(volume, 0, locale());
    return formatDecimalTrimmed(volume, 4, 0, locale());
}

QString CandleChartView::formatTime(qint64 utcMs) const {
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime);
    return local.toString(isIntraday(m_interval) ? QStringLiteral("yyyy-MM-dd HH:mm")
                                                 : QStringLiteral("yyyy-MM-dd"));
}

QColor CandleChartView::colorForSign(int sign) const {
    return m_colors.forSign(sign);
}

// ---- painting ----------------------------------------------------------------------------------------

void CandleChartView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_candles.isEmpty()) {
        paintEmpty(p);
        return;
    }
    const Layout l = layout();
    const PriceRange r = visibleRange();
    if (!r.valid())
        return;
    const PriceTicks ticks =
        priceTicks(r.low, r.high, std::max(2, l.pricePane.height() / kPixelsPerPriceTick), priceDecimals());

    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6")
                            .arg(firstVisibleIndex())
                            .arg(lastPaintedIndex())
                            .arg(l.spacing)
                            .arg(m_candles.size())
                            .arg(m_candles.first().openTimeMs)
                            .arg(int(m_interval));
    if (key != m_timeTicksKey) {
        m_timeTicks = timeTicks(m_candles, firstVisibleIndex(), lastPaintedIndex(), m_interval, l.spacing,
                                kMinTimeLabelSpacing);
        m_timeTicksKey = key;
    }

    paintGrid(p, l, r, ticks, m_timeTicks);
    p.save();
    p.setClipRect(l.plot);
    paintVolume(p, l, r);
    paintCandles(p, l, r);
    paintAverages(p, l, r);
    paintHighLowMarkers(p, l, r);
    paintTradeMarkers(p, l, r);
    p.restore();
    paintAxes(p, l, r, ticks, m_timeTicks);
    paintLastPrice(p, l, r);
    paintCrosshair(p, l, r);
    paintLegend(p, l);
}

void CandleChartView::paintEmpty(QPainter& p) {
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    p.setFont(font);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void CandleChartView::paintGrid(QPainter& p, const Layout& l, const PriceRange& r, const PriceTicks& ticks,
                                const QVector<TimeTick>& times) {
    const QColor text = palette().color(QPalette::Text);
    p.setPen(QPen(withAlpha(text, 22), 1));
    for (const Decimal& value : ticks.values) {
        const int y = int(std::lround(priceY(l, r, value.toDouble())));
        if (y >= l.pricePane.top() && y <= l.pricePane.bottom())
            p.drawLine(l.plot.left(), y, l.plot.right(), y);
    }
    for (const TimeTick& tick : times) {
        const int x = int(std::floor(centerX(l, tick.index)));
        p.drawLine(x, l.plot.top(), x, l.plot.bottom());
    }
    // Separates the volume pane from the candles.
    p.setPen(QPen(withAlpha(text, 45), 1));
    const int y = l.volumePane.top() - kPaneGap / 2;
    p.drawLine(l.plot.left(), y, l.plot.right(), y);
}

void CandleChartView::paintCandles(QPainter& p, const Layout& l, const PriceRange& r) {
    p.setRenderHint(QPainter::Antialiasing, false);
    int bodyWidth = std::max(1, int(std::floor(l.spacing * kBodyShare)));
    if (bodyWidth > 2 && bodyWidth % 2 == 0)
        --bodyWidth; // odd widths centre the one-pixel wick exactly
    for (int i = firstVisibleIndex(); i <= lastPaintedIndex(); ++i) {
        const Plotted& c = m_plotted[i];
        const QColor color = colorForSign(c.sign);
        const int x = int(std::floor(centerX(l, i)));
        const int yHigh = int(std::lround(priceY(l, r, c.high)));
        const int yLow = int(std::lround(priceY(l, r, c.low)));
        const int yOpen = int(std::lround(priceY(l, r, c.open)));
        const int yClose = int(std::lround(priceY(l, r, c.close)));
        p.setPen(color);
        p.drawLine(x, yHigh, x, yLow);
        if (bodyWidth > 1) {
            const int top = std::min(yOpen, yClose);
            const int bottom = std::max(yOpen, yClose);
            p.fillRect(QRect(x - bodyWidth / 2, top, bodyWidth, bottom - top + 1), color);
        }
    }
}

void CandleChartView::paintVolume(QPainter& p, const Layout& l, const PriceRange& r) {
    p.setRenderHint(QPainter::Antialiasing, false);
    const int barWidth = std::max(1, int(std::floor(l.spacing * kBodyShare)) | 1);
    for (int i = firstVisibleIndex(); i <= lastPaintedIndex(); ++i) {
        const Plotted& c = m_plotted[i];
        const int x = int(std::floor(centerX(l, i)));
        const int top = int(std::lround(volumeY(l, r, c.volume)));
        const int bottom = l.volumePane.bottom();
        if (top <= bottom)
            p.fillRect(QRect(x - barWidth / 2, top, barWidth, bottom - top + 1),
                       withAlpha(colorForSign(c.sign), 130));
    }
}

void CandleChartView::paintAverages(QPainter& p, const Layout& l, const PriceRange& r) {
    p.save();
    p.setClipRect(l.pricePane.adjusted(0, -4, 0, 0));
    p.setRenderHint(QPainter::Antialiasing, true);
    const int first =
        std::max(0, firstVisibleIndex() - 1); // start off-screen so the line enters from the edge
    const int last = std::min(int(m_candles.size()) - 1, lastPaintedIndex() + 1);
    for (size_t k = 0; k < kMovingAveragePeriods.size(); ++k) {
        p.setPen(QPen(movingAverageColor(int(k)), 1.0)); // <= 1 px keeps the raster fast path
        QPolygonF line;
        for (int i = first; i <= last; ++i) {
            const double value = m_averagesPx[k][i];
            if (std::isnan(value))
                continue;
            line.append(QPointF(centerX(l, i), priceY(l, r, value)));
        }
        if (line.size() > 1)
            p.drawPolyline(line);
    }
    p.restore();
}

void CandleChartView::paintHighLowMarkers(QPainter& p, const Layout& l, const PriceRange& r) {
    const int first = firstVisibleIndex();
    const int last = lastPaintedIndex();
    if (last - first < 2)
        return;
    int highIndex = first;
    int lowIndex = first;
    for (int i = first; i <= last; ++i) {
        if (m_candles[i].high > m_candles[highIndex].high)
            highIndex = i;
        if (m_candles[i].low < m_candles[lowIndex].low)
            lowIndex = i;
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    const QFontMetrics fm(small);
    p.setRenderHint(QPainter::Antialiasing, true);
    auto mark = [&](int index, const Decimal& price, double y, const QColor& color, bool above) {
        const QString text = formatPrice(price);
        const double x = centerX(l, index);
        // Point the label toward the middle of the chart so it never leaves the plot.
        const bool toRight = x < l.plot.center().x();
        const double end = toRight ? x + 14 : x - 14;
        p.setPen(QPen(color, 1));
        p.drawLine(QPointF(x + (toRight ? 3 : -3), y), QPointF(end, y));
        const int textWidth = fm.horizontalAdvance(text);
        const QRectF box(toRight ? end + 3 : end - 3 - textWidth, y - fm.height() / 2.0, textWidth,
                         fm.height());
        p.drawText(box.translated(0, above ? -1 : 1), Qt::AlignVCenter | Qt::AlignLeft, text);
    };
    mark(highIndex, m_candles[highIndex].high, priceY(l, r, m_plotted[highIndex].high), m_colors.up, true);
    mark(lowIndex, m_candles[lowIndex].low, priceY(l, r, m_plotted[lowIndex].low), m_colors.down, false);
    p.setFont(font());
}

void CandleChartView::paintTradeMarkers(QPainter& p, const Layout& l, const PriceRange&) {
    if (m_markers.isEmpty())
        return;
    p.save();
    p.setClipRect(l.pricePane.adjusted(0, -l.topMargin, 0, kPaneGap));
    p.setRenderHint(QPainter::Antialiasing, true);
    // Big enough to see on a dense chart, never wider than about two candle slots.
    const double size = std::clamp(l.spacing * 1.8, 9.0, 13.0);
    QColor outline = palette().color(QPalette::Text); // stands out from candles of either colour
    outline.setAlpha(230);
    for (int i = 0; i < m_markers.size(); ++i) {
        const std::optional<QPointF> tip = markerPosition(i);
        if (!tip)
            continue;
        const bool buy = m_markers[i].side == Side::Buy;
        // A buy points up at its price from below, a sell down from above; coloured like rising and falling
        // prices so they read the same way as the candles.
        const double dir = buy ? 1 : -1;
        const QPointF base = *tip + QPointF(0, dir * (size + 2));
        const QPolygonF triangle{*tip + QPointF(0, dir * 2), base + QPointF(-size / 2, 0),
                                 base + QPointF(size / 2, 0)};
        const QColor fill = buy ? m_colors.up : m_colors.down;
        p.setPen(QPen(outline, 1.2));
        p.setBrush(fill);
        p.drawPolygon(triangle);
    }
    p.restore();
}

void CandleChartView::paintAxes(QPainter& p, const Layout& l, const PriceRange& r, const PriceTicks& ticks,
                                const QVector<TimeTick>& times) {
    const QColor text = palette().color(QPalette::Text);
    const QColor muted = withAlpha(text, 170);
    const QFontMetrics fm(font());
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(withAlpha(text, 70));
    p.drawLine(l.priceAxis.left(), 0, l.priceAxis.left(), l.plot.bottom());
    p.drawLine(0, l.timeAxis.top(), width(), l.timeAxis.top());

    p.setPen(muted);
    const int half = fm.height() / 2;
    // The last-price tag covers the labels next to it (clamped into the pane like the tag itself).
    const int tagHeight = fm.height() + 4;
    const int lastY = std::clamp(int(std::lround(priceY(l, r, m_plotted.last().close))),
                                 l.pricePane.top() + tagHeight / 2, l.pricePane.bottom() - tagHeight / 2);
    for (const Decimal& value : ticks.values) {
        const int y = int(std::lround(priceY(l, r, value.toDouble())));
        if (y - half < l.pricePane.top() - l.topMargin || y + half > l.pricePane.bottom() + kPaneGap)
            continue;
        if (std::abs(y - lastY) < tagHeight)
            continue;
        p.drawLine(l.priceAxis.left(), y, l.priceAxis.left() + 4, y);
        p.drawText(QRect(l.priceAxis.left() + kAxisPadding, y - half, l.priceAxis.width() - kAxisPadding,
                         fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, formatPrice(value));
    }
    // The volume pane's scale: its tallest bar.
    if (r.maxVolume > 0) {
        Decimal maxVolume;
        for (int i = firstVisibleIndex(); i <= lastPaintedIndex(); ++i)
            maxVolume = Decimal::max(maxVolume, m_candles[i].volume);
        const int y = l.volumePane.top() + 1;
        p.drawLine(l.priceAxis.left(), y, l.priceAxis.left() + 4, y);
        p.drawText(
            QRect(l.priceAxis.left() + kAxisPadding, y, l.priceAxis.width() - kAxisPadding, fm.height()),
            Qt::AlignLeft | Qt::AlignTop, formatVolume(maxVolume));
    }

    for (const TimeTick& tick : times) {
        const int x = int(std::floor(centerX(l, tick.index)));
        const int textWidth = fm.horizontalAdvance(tick.text);
        if (x - textWidth / 2 < 0 || x + textWidth / 2 > l.plot.right())
            continue;
        p.drawLine(x, l.timeAxis.top(), x, l.timeAxis.top() + 4);
        p.drawText(QRect(x - textWidth / 2 - 2, l.timeAxis.top() + 4, textWidth + 4, l.timeAxis.height() - 4),
                   Qt::AlignCenter, tick.text);
    }
}

void CandleChartView::paintAxisTag(QPainter& p, const QRect& axis, int y, const QString& text,
                                   const QColor& fill, const QColor& textColor) {
    const QFontMetrics fm(font());
    const int height = fm.height() + 4;
    const int top = std::clamp(y - height / 2, axis.top(), axis.bottom() - height + 1);
    const QRect tag(axis.left() + 1, top, axis.width() - 1, height);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(tag, fill);
    p.setPen(textColor);
    p.drawText(tag.adjusted(kAxisPadding - 1, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
}

void CandleChartView::paintLastPrice(QPainter& p, const Layout& l, const PriceRange& r) {
    const int last = int(m_candles.size()) - 1;
    const QColor color = colorForSign(m_plotted[last].sign);
    const int y = int(std::lround(priceY(l, r, m_plotted[last].close)));
    if (y >= l.pricePane.top() && y <= l.pricePane.bottom()) {
        QPen pen(withAlpha(color, 200), 1, Qt::DashLine);
        pen.setDashPattern({3, 3});
        p.setPen(pen);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.drawLine(l.plot.left(), y, l.plot.right(), y);
    }
    const QRect paneAxis(l.priceAxis.left(), l.pricePane.top(), l.priceAxis.width(), l.pricePane.height());
    paintAxisTag(p, paneAxis, y, formatPrice(m_candles[last].close), color, contrastingText(color));
}

void CandleChartView::paintCrosshair(QPainter& p, const Layout& l, const PriceRange& r) {
    if (!m_hovering || m_dragging || !l.plot.contains(m_mouse))
        return;
    const QColor text = palette().color(QPalette::Text);
    const int index = indexAt(m_mouse);
    const int x = index >= 0 ? int(std::floor(centerX(l, index))) : m_mouse.x();
    const int y = m_mouse.y();

    QPen pen(withAlpha(text, 140), 1, Qt::DashLine);
    pen.setDashPattern({4, 3});
    p.setPen(pen);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.drawLine(x, l.plot.top(), x, l.plot.bottom());
    p.drawLine(l.plot.left(), y, l.plot.right(), y);

    const QColor tagFill = withAlpha(text, 220);
    const QColor tagText = palette().color(QPalette::Base);
    if (l.pricePane.adjusted(0, -l.topMargin, 0, kPaneGap).contains(m_mouse)) {
        const double price =
            r.low + (l.pricePane.bottom() - y) / double(l.pricePane.height() - 1) * (r.high - r.low);
        const QByteArray digits = QByteArray::number(price, 'f', priceDecimals());
        if (const auto value = Decimal::parse(std::string_view(digits.constData(), size_t(digits.size()))))
            paintAxisTag(p, l.priceAxis, y, formatPrice(*value), tagFill, tagText);
    } else if (l.volumePane.contains(m_mouse) && r.maxVolume > 0) {
        const double volume = (l.volumePane.bottom() - y) / double(l.volumePane.height() - 2) * r.maxVolume;
        const QByteArray digits = QByteArray::number(std::max(0.0, volume), 'f', 4);
        if (const auto value = Decimal::parse(std::string_view(digits.constData(), size_t(digits.size()))))
            paintAxisTag(p, l.priceAxis, y, formatVolume(*value), tagFill, tagText);
    }
    if (index >= 0) {
        const QFontMetrics fm(font());
        const QString label = formatTime(m_candles[index].openTimeMs);
        const int width = fm.horizontalAdvance(label) + 12;
        const int left = std::clamp(x - width / 2, 0, std::max(0, l.plot.right() - width));
        const QRect tag(left, l.timeAxis.top() + 1, width, l.timeAxis.height() - 1);
        p.fillRect(tag, tagFill);
        p.setPen(tagText);
        p.drawText(tag, Qt::AlignCenter, label);
    }
}

void CandleChartView::paintLegend(QPainter& p, const Layout& l) {
    const int hovered = hoveredIndex();
    const auto readout = readoutFor(hovered >= 0 ? hovered : int(m_candles.size()) - 1);
    if (!readout)
        return;
    const Candle& c = readout->candle;
    const QColor text = palette().color(QPalette::Text);
    const QColor label = withAlpha(text, 150);
    const QColor value = colorForSign(m_plotted[readout->index].sign);

    // Segments of (text, colour); a gap follows each value.
    struct Segment {
        QString text;
        QColor color;
        bool gapAfter;
    };
    QVector<Segment> prices{
        {formatTime(c.openTimeMs), text, true}, {tr("O"), label, false},
        {formatPrice(c.open), value, true},     {tr("H"), label, false},
        {formatPrice(c.high), value, true},     {tr("L"), label, false},
        {formatPrice(c.low), value, true},      {tr("C"), label, false},
        {formatPrice(c.close), value, true},
    };
    if (readout->change)
        prices.append(
            {formatPercent(*readout->change, locale()), colorForSign(readout->change->signum()), true});
    prices.append({tr("Vol"), label, false});
    prices.append({formatVolume(c.volume), text, true});

    QVector<Segment> averages;
    for (size_t k = 0; k < kMovingAveragePeriods.size(); ++k) {
        const QColor color = movingAverageColor(int(k));
        const auto& average = readout->movingAverages[k];
        averages.append({tr("MA%1").arg(kMovingAveragePeriods[k]), color, false});
        averages.append({average ? formatPrice(*average) : QStringLiteral("–"), color, true});
    }

    const QFontMetrics fm(font());
    const int space = fm.horizontalAdvance(QLatin1Char(' '));
    auto lineWidth = [&](const QVector<Segment>& segments) {
        int w = 0;
        for (const Segment& s : segments)
            w += fm.horizontalAdvance(s.text) + (s.gapAfter ? 3 * space : space);
        return w;
    };
    const int padding = kLegendPadding;
    const int boxWidth =
        std::min(l.plot.width() - 8, std::max(lineWidth(prices), lineWidth(averages)) + 2 * padding);
    const QRect box(l.plot.left() + 4, l.plot.top() + 4, boxWidth, 2 * fm.height() + 2 * padding - 2);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(withAlpha(text, 40), 1));
    p.setBrush(withAlpha(palette().color(QPalette::Base), 215));
    p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    p.setBrush(Qt::NoBrush);

    p.save();
    p.setClipRect(box.adjusted(padding, 0, -padding / 2, 0));
    auto drawLine = [&](const QVector<Segment>& segments, int baseline) {
        int x = box.left() + padding;
        for (const Segment& s : segments) {
            p.setPen(s.color);
            p.drawText(x, baseline, s.text);
            x += fm.horizontalAdvance(s.text) + (s.gapAfter ? 3 * space : space);
        }
    };
    drawLine(prices, box.top() + padding + fm.ascent());
    drawLine(averages, box.top() + padding + fm.height() + fm.ascent() - 2);
    p.restore();
}

// ---- interaction -------------------------------------------------------------------------------------

void CandleChartView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && !m_candles.isEmpty()) {
        m_dragging = true;
        m_dragStartX = int(event->position().x());
        m_dragStartRight = m_rightIndex;
        setCursor(Qt::ClosedHandCursor);
        update();
    }
    QWidget::mousePressEvent(event);
}

void CandleChartView::mouseMoveEvent(QMouseEvent* event) {
    m_mouse = event->position().toPoint();
    m_hovering = true;
    if (m_dragging) {
        const double spacing = layout().spacing;
        const int moved = int(std::lround((m_mouse.x() - m_dragStartX) / spacing));
        // Dragging right reveals older candles, as if pulling the paper.
        if (m_dragStartRight - moved != m_rightIndex)
            setRightIndex(m_dragStartRight - moved, true);
    }
    update();
}

void CandleChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        setCursor(Qt::CrossCursor);
        update();
    }
    QWidget::mouseReleaseEvent(event);
}

void CandleChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        scrollToLatest();
    QWidget::mouseDoubleClickEvent(event);
}

void CandleChartView::leaveEvent(QEvent* event) {
    m_hovering = false;
    update();
    QWidget::leaveEvent(event);
}

void CandleChartView::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0 && !m_candles.isEmpty())
        zoomBy(notches);
    event->accept();
}

void CandleChartView::keyPressEvent(QKeyEvent* event) {
    const int page = std::max(1, m_visibleCount / 10);
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(-page);
        break;
    case Qt::Key_Right:
        panBy(page);
        break;
    case Qt::Key_Home:
        panBy(-int(m_candles.size()));
        break;
    case Qt::Key_End:
        scrollToLatest();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1);
        break;
    case Qt::Key_Minus:
        zoomBy(-1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CandleChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::LocaleChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace hoga
