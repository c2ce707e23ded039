#include "depth_chart_view.h"

#include "theme/terminal_theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hoga {

namespace {

QVector<DepthChartView::Step> stepsOf(const QVector<BookLevel>& levels, int maxLevels) {
    QVector<DepthChartView::Step> steps;
    const int n = std::min(static_cast<int>(levels.size()), maxLevels);
    steps.reserve(n);
    Decimal cumulative;
    for (int i = 0; i < n; ++i) {
        cumulative += levels[i].qty;
        steps.append({levels[i].price, cumulative});
    }
    return steps;
}

} // namespace

DepthChartView::DepthChartView(QWidget* parent)
    : QWidget(parent) {
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(kRepaintMs);
    connect(&m_repaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

bool DepthChartView::setBook(const OrderBook& book, const MarketFormat& format, int maxLevels) {
    QVector<Step> bids = stepsOf(book.bids(), maxLevels);
    QVector<Step> asks = stepsOf(book.asks(), maxLevels);
    m_format = format;
    if (bids == m_bids && asks == m_asks)
        return false;
    m_bids = std::move(bids);
    m_asks = std::move(asks);
    // An overview of the whole book: repainted at most twice a second, whatever the book's pace.
    if (!m_repaint.isActive())
        m_repaint.start();
    return true;
}

void DepthChartView::clear() {
    if (m_bids.isEmpty() && m_asks.isEmpty())
        return;
    m_bids.clear();
    m_asks.clear();
    update();
}

void DepthChartView::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    update();
}

void DepthChartView::setEmptyText(const QString& text) {
    if (m_emptyText == text)
        return;
    m_emptyText = text;
    update();
}

void DepthChartView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_bids.isEmpty() || m_asks.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        return;
    }
    // Steps are horizontal and vertical lines only: no antialiasing needed, which keeps a repaint cheap.
    const QFontMetrics fm(theme::numberFont());
    p.setFont(theme::numberFont());
    const int labelHeight = fm.height() + 4;
    const QRectF plot = QRectF(rect()).adjusted(8, labelHeight + 4, -8, -labelHeight - 2);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    // Pixels only: the exact figures stay in the labels.
    const double low = m_bids.constLast().price.toDouble();
    const double high = m_asks.constLast().price.toDouble();
    const double depth =
        Decimal::max(m_bids.constLast().cumulative, m_asks.constLast().cumulative).toDouble();
    if (!(high > low) || !(depth > 0))
        return;
    auto x = [&](const Decimal& price) {
        return plot.left() + (price.toDouble() - low) / (high - low) * plot.width();
    };
    auto y = [&](const Decimal& qty) {
        return plot.bottom() - qty.toDouble() / depth * plot.height();
    };

    auto side = [&](const QVector<Step>& steps, const QColor& color) {
        QPainterPath path;
        path.moveTo(x(steps.first().price), plot.bottom());
        double lastY = plot.bottom();
        for (const Step& s : steps) {
            const double sx = x(s.price);
            path.lineTo(sx, lastY);
            lastY = y(s.cumulative);
            path.lineTo(sx, lastY);
        }
        // The deepest level's quantity runs out to the edge of the chart.
        const double edge = &steps == &m_bids ? plot.left() : plot.right();
        path.lineTo(edge, lastY);
        QPainterPath area = path;
        area.lineTo(edge, plot.bottom());
        area.closeSubpath();
        // Mixed with the background once: a plain fill rather than blending every pixel.
        const QColor base = palette().color(QPalette::Base);
        const QColor fill = QColor::fromRgbF(base.redF() + (color.redF() - base.redF()) * 0.22f,
                                             base.greenF() + (color.greenF() - base.greenF()) * 0.22f,
                                             base.blueF() + (color.blueF() - base.blueF()) * 0.22f);
        p.fillPath(area, fill);
        p.setPen(QPen(color, 1));
        p.drawPath(path);
    };
    side(m_bids, m_colors.up);
    side(m_asks, m_colors.down);

    // The spread, and labels: both ends, the middle of the spread and the deepest cumulative quantity.
    p.setPen(QPen(theme::border(), 1, Qt::DashLine));
    const double mid = (x(m_bids.first().price) + x(m_asks.first().price)) / 2;
    p.drawLine(QPointF(mid, plot.top()), QPointF(mid, plot.bottom()));
    p.setPen(theme::dimText());
    // Labels that would overlap in a narrow chart are left out, the middle first.
    auto drawRow = [&](const QRectF& row, const QString& left, const QString& right, const QString& middle) {
        const int wl = fm.horizontalAdvance(left);
        const int wr = fm.horizontalAdvance(right);
        const bool ends = wl + wr + 12 <= row.width();
        if (ends) {
            p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, left);
            p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, right);
        }
        if (middle.isEmpty())
            return;
        const int wm = fm.horizontalAdvance(middle);
        const double from = std::clamp(mid - wm / 2.0, row.left(), row.right() - wm);
        const bool clear = !ends || (from > row.left() + wl + 6 && from + wm < row.right() - wr - 6);
        if (clear && wm <= row.width())
            p.drawText(QRectF(from, row.top(), wm, row.height()), Qt::AlignCenter, middle);
    };
    const QRectF bottom(plot.left(), plot.bottom() + 2, plot.width(), labelHeight);
    const Decimal midPrice =
        (m_bids.first().price + m_asks.first().price).divide(Decimal(2), 8, Rounding::HalfEven);
    drawRow(bottom, m_format.price(m_bids.constLast().price), m_format.price(m_asks.constLast().price),
            m_format.derivedPrice(midPrice));
    const QRectF top(plot.left(), 2, plot.width(), labelHeight);
    drawRow(top, tr("Bids %1").arg(m_format.ladderQty(m_bids.constLast().cumulative)),
            tr("Asks %1").arg(m_format.ladderQty(m_asks.constLast().cumulative)), {});
}

} // namespace hoga
