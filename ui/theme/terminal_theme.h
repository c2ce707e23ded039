#pragma once

#include <QColor>
#include <QFont>
#include <QString>

class QApplication;
class QLabel;

namespace hoga {

// The dark terminal look: Fusion style, a muted palette, and a monospace face for numbers.
namespace theme {

// Surfaces and text, for widgets that paint themselves.
inline QColor window() {
    return QColor(0x12, 0x16, 0x1c);
}
inline QColor base() {
    return QColor(0x0e, 0x11, 0x16);
}
inline QColor alternateBase() {
    return QColor(0x13, 0x17, 0x1e);
}
inline QColor panel() {
    return QColor(0x18, 0x1d, 0x25);
}
inline QColor border() {
    return QColor(0x26, 0x2d, 0x38);
}
inline QColor text() {
    return QColor(0xd4, 0xd9, 0xe0);
}
inline QColor dimText() {
    return QColor(0x8b, 0x95, 0xa3);
}
inline QColor accent() {
    return QColor(0x3b, 0x82, 0xf6);
}
inline QColor warning() {
    return QColor(0xf5, 0x9e, 0x0b);
}
inline QColor error() {
    return QColor(0xf8, 0x71, 0x71);
}
inline QColor success() {
    return QColor(0x34, 0xd3, 0x99);
}
// A starred (watchlist) market.
inline QColor star() {
    return QColor(0xfa, 0xcc, 0x15);
}

// Applies style, palette, fonts and the style sheet to the whole application.
void apply(QApplication& app);

// A fixed-pitch font at the application's size, so right-aligned numbers line up digit by digit.
QFont numberFont();
// The number font, larger and bold: the selected market's last price, totals.
QFont headlineNumberFont(int pointSizeDelta = 5);

// Sets a label's text colour through its palette (cheaper than a style sheet on every price tick; no-op
// when unchanged).
void setTextColor(QLabel* label, const QColor& color);

// Style sheet for a coloured action button (the order ticket's submit, Buy/Sell toggles).
QString filledButtonStyle(const QColor& color);

} // namespace theme
} // namespace hoga
