#include "allocation_bar.h"

#include "format/decimal_format.h"
#include "theme/terminal_theme.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hoga {

namespace {

constexpr int kBarHeight = 8;
constexpr int kLegendGap = 8;

} // namespace

AllocationBar::AllocationBar(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("allocationBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QColor AllocationBar::colorFor(int index) {
    static const QColor colors[] = {QColor(0x3b, 0x82, 0xf6), QColor(0xf5, 0x9e, 0x0b),
                                    QColor(0x8b, 0x5c, 0xf6), QColor(0x14, 0xb8, 0xa6),
                                    QColor(0xec, 0x48, 0x99), QColor(0x84, 0xcc, 0x16),
                                    QColor(0x64, 0x74, 0x8b)};
    return colors[std::min<int>(index, std::size(colors) - 1)];
}

void AllocationBar::setSnapshot(const PortfolioSnapshot& snapshot) {
    // One segment per currency, whichever venues hold it.
    QStringList order;
    QHash<QString, Decimal> shares;
    for (const PortfolioRow& r : snapshot.rows) {
        if (!r.priced || !r.share.isPositive())
            continue;
        if (!shares.contains(r.currency))
            order << r.currency;
        shares[r.currency] += r.share;
    }
    QVector<Segment> segments;
    for (const QString& currency : std::as_const(order)) {
        const Decimal share = shares.value(currency);
        segments.append({currency, share.toDouble(),
                         QStringLiteral("%1 %2").arg(currency, formatDecimal(share * Decimal(100), 1) +
                                                                   QLocale().percent())});
    }
    std::stable_sort(segments.begin(), segments.end(),
                     [](const Segment& a, const Segment& b) { return a.share > b.share; });
    // Only repaint when what is drawn changes.
    bool same = segments.size() == m_segments.size();
    for (int i = 0; same && i < segments.size(); ++i)
        same = segments[i].label == m_segments[i].label;
    m_segments = segments;
    if (!same)
        update();
}

QSize AllocationBar::sizeHint() const {
    return {400, kBarHeight + kLegendGap + fontMetrics().height() + 2};
}

QSize AllocationBar::minimumSizeHint() const {
    return {100, sizeHint().height()};
}

void AllocationBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF bar(0, 0, width(), kBarHeight);
    QPainterPath clip;
    clip.addRoundedRect(bar, kBarHeight / 2.0, kBarHeight / 2.0);
    p.setClipPath(clip);
    p.fillRect(bar, theme::border());
    double x = 0;
    for (int i = 0; i < m_segments.size(); ++i) {
        const double w = m_segments[i].share * width();
        p.fillRect(QRectF(x, 0, w + (i + 1 < m_segments.size() ? 0 : 1), kBarHeight), colorFor(i));
        x += w;
        if (i + 1 < m_segments.size())
            p.fillRect(QRectF(x - 1, 0, 1.5, kBarHeight), theme::window()); // a thin gap between segments
    }
    p.setClipping(false);

    // Legend: a coloured dot and "BTC 20.3%" per holding.
    const int y = kBarHeight + kLegendGap;
    const int h = fontMetrics().height();
    int lx = 0;
    for (int i = 0; i < m_segments.size(); ++i) {
        const int textWidth = fontMetrics().horizontalAdvance(m_segments[i].label);
        if (lx + 14 + textWidth > width())
            break;
        p.setPen(Qt::NoPen);
        p.setBrush(colorFor(i));
        p.drawEllipse(QRectF(lx, y + h / 2.0 - 4, 8, 8));
        p.setPen(theme::dimText());
        p.drawText(QRect(lx + 13, y, textWidth + 2, h), Qt::AlignLeft | Qt::AlignVCenter,
                   m_segments[i].label);
        lx += 13 + textWidth + 18;
    }
}

} // namespace hoga
