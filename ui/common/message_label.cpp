#include "message_label.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

namespace hoga {

MessageLabel::MessageLabel(int lines, QWidget* parent)
    : QLabel(parent)
    , m_lines(std::max(1, lines)) {
    setWordWrap(false); // wrapping and eliding are done here, within the reserved lines
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    setFixedHeight(reservedHeight());
}

void MessageLabel::setMessage(const QString& text) {
    setText(text);
    // The tooltip carries the whole message in case the painted one is elided.
    setToolTip(text);
    update();
}

void MessageLabel::setReserved(bool reserved) {
    QSizePolicy policy = sizePolicy();
    if (policy.retainSizeWhenHidden() == reserved)
        return;
    policy.setRetainSizeWhenHidden(reserved);
    setSizePolicy(policy);
}

int MessageLabel::reservedHeight() const {
    const QMargins m = contentsMargins();
    return fontMetrics().lineSpacing() * m_lines + m.top() + m.bottom();
}

QSize MessageLabel::sizeHint() const {
    return {0, reservedHeight()};
}

QSize MessageLabel::minimumSizeHint() const {
    return sizeHint();
}

void MessageLabel::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        setFixedHeight(reservedHeight());
}

QStringList MessageLabel::paintedLines() const {
    const QRect area = contentsRect();
    const QFontMetrics fm = fontMetrics();
    QStringList lines;
    QTextLayout layout(text(), font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (int i = 0; i < m_lines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(area.width());
        const QString rest = text().mid(line.textStart());
        if (i == m_lines - 1) {
            // The last reserved line takes whatever is left, elided.
            lines << fm.elidedText(rest.simplified(), Qt::ElideRight, area.width());
            break;
        }
        lines << text().mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

void MessageLabel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRect area = contentsRect();
    const int lineSpacing = fontMetrics().lineSpacing();
    const QStringList lines = paintedLines();
    for (int i = 0; i < lines.size(); ++i) {
        const QRect lineRect(area.left(), area.top() + i * lineSpacing, area.width(), lineSpacing);
        style()->drawItemText(&painter, lineRect, Qt::AlignLeft | Qt::AlignVCenter, palette(), isEnabled(),
                              lines[i], foregroundRole());
    }
}

} // namespace hoga
