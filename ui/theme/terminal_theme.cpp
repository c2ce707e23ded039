#include "terminal_theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPalette>
#include <QStyleFactory>

namespace hoga::theme {

namespace {

QPalette terminalPalette() {
    QPalette p;
    p.setColor(QPalette::Window, window());
    p.setColor(QPalette::WindowText, text());
    p.setColor(QPalette::Base, base());
    p.setColor(QPalette::AlternateBase, alternateBase());
    p.setColor(QPalette::ToolTipBase, panel());
    p.setColor(QPalette::ToolTipText, text());
    p.setColor(QPalette::PlaceholderText, dimText());
    p.setColor(QPalette::Text, text());
    p.setColor(QPalette::Button, panel());
    p.setColor(QPalette::ButtonText, text());
    p.setColor(QPalette::BrightText, QColor(Qt::white));
    p.setColor(QPalette::Light, QColor(0x2c, 0x33, 0x3f));
    p.setColor(QPalette::Midlight, QColor(0x22, 0x28, 0x32));
    p.setColor(QPalette::Mid, border());
    p.setColor(QPalette::Dark, QColor(0x0a, 0x0c, 0x10));
    p.setColor(QPalette::Shadow, QColor(0x05, 0x06, 0x08));
    p.setColor(QPalette::Highlight, QColor(0x24, 0x3b, 0x5e));
    p.setColor(QPalette::HighlightedText, QColor(Qt::white));
    p.setColor(QPalette::Link, accent());
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x5c, 0x65, 0x72));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x16, 0x1a, 0x21));
    return p;
}

QString styleSheet() {
    // Colours are spelled out once here; widgets refer to them by object name.
    return QStringLiteral(R"(
QMainWindow::separator { background: #0a0c10; width: 4px; height: 4px; }
QSplitter::handle { background: #0a0c10; }
QSplitter::handle:hover { background: #243b5e; }
QTabWidget::pane { border: none; border-top: 1px solid #262d38; }
QTabBar::tab { background: transparent; color: #8b95a3; padding: 7px 16px; border: none;
               border-bottom: 2px solid transparent; }
QTabBar::tab:selected { color: #e8ecf1; border-bottom: 2px solid #3b82f6; }
QTabBar::tab:hover:!selected { color: #c4cbd4; }
QHeaderView { background: #12161c; }
QHeaderView::section { background: #12161c; color: #8b95a3; border: none;
                       border-bottom: 1px solid #262d38; padding: 4px 6px; }
QTableView { border: none; gridline-color: #1c222b; }
QLineEdit { background: #0e1116; border: 1px solid #2c3440; border-radius: 3px; padding: 5px 7px;
            selection-background-color: #243b5e; }
QLineEdit:focus { border-color: #3b82f6; }
QLineEdit[invalid="true"] { border-color: #f87171; }
QLineEdit:disabled { color: #5c6572; background: #12161c; }
QPushButton { background: #1e242d; border: 1px solid #2c3440; border-radius: 3px; padding: 5px 10px; }
QPushButton:hover { background: #252c37; }
QPushButton:pressed { background: #1a1f27; }
QPushButton:disabled { color: #5c6572; background: #161a21; border-color: #20262f; }
QToolButton { border: none; padding: 3px; }
QToolButton[role="intervalButton"] { color: #8b95a3; border-radius: 3px; }
QToolButton[role="intervalButton"]:hover { color: #e8ecf1; background: #1e242d; }
QToolButton[role="intervalButton"]:checked { color: #ffffff; background: #243b5e; font-weight: 600; }
QStatusBar { background: #0c0f13; border-top: 1px solid #262d38; color: #8b95a3; }
QStatusBar::item { border: none; }
QMenuBar { background: #0c0f13; border-bottom: 1px solid #1c222b; }
QMenuBar::item:selected { background: #1e242d; }
QMenu { background: #161a21; border: 1px solid #2c3440; }
QMenu::item { padding: 5px 24px 5px 24px; }
QMenu::item:selected { background: #243b5e; }
QLabel#simulatedBadge { background: #3a2a06; color: #f5b94a; border: 1px solid #6b4e10; border-radius: 3px;
                        padding: 1px 6px; font-weight: 600; }
QLabel[role="staleBadge"] { background: #3a2a06; color: #f5b94a; border: 1px solid #6b4e10; border-radius: 3px;
                           padding: 1px 6px; }
QLabel[role="notice"] { color: #8b95a3; padding: 6px 0; }
QFrame#noticeBanner { background: #3a2a06; border-bottom: 1px solid #6b4e10; }
QFrame#noticeBanner QLabel { color: #f5d08a; }
QLabel#sectionTitle { color: #8b95a3; font-weight: 600; padding: 6px 8px 4px 8px; }
QLabel[role="caption"] { color: #8b95a3; }
QLabel[role="fieldError"] { color: #f87171; }
QFrame#panel { background: #12161c; }
QFrame#marketHeader { background: #12161c; border-bottom: 1px solid #262d38; }
QFrame#orderTicket { background: #12161c; }
QFrame#spreadBar { background: #161a21; border-top: 1px solid #262d38; border-bottom: 1px solid #262d38; }
QFrame#totalsBar { background: #12161c; border-bottom: 1px solid #262d38; }
)");
}

} // namespace

void apply(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(terminalPalette());
    QFont font = app.font();
    if (font.pointSizeF() > 10.0 || font.pointSizeF() < 8.5)
        font.setPointSizeF(9.5);
    app.setFont(font);
    app.setStyleSheet(styleSheet());
}

QFont numberFont() {
    // Item models answer FontRole with this for every cell they paint: asking the platform for its fixed
    // font each time was a good part of a ladder repaint. Made again only when the application font's size
    // changes (GUI thread only, like every font).
    static QFont cached;
    static qreal cachedFor = -1;
    const qreal size = QApplication::font().pointSizeF() > 0 ? QApplication::font().pointSizeF() : 9.5;
    if (size != cachedFor) {
        cached = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        cached.setPointSizeF(size);
        cached.setStyleHint(QFont::Monospace);
        cachedFor = size;
    }
    return cached;
}

QFont headlineNumberFont(int pointSizeDelta) {
    QFont font = numberFont();
    font.setPointSizeF(font.pointSizeF() + pointSizeDelta);
    font.setBold(true);
    return font;
}

void setTextColor(QLabel* label, const QColor& color) {
    QPalette p = label->palette();
    if (p.color(QPalette::WindowText) == color)
        return;
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

QString filledButtonStyle(const QColor& color) {
    const QColor hover = color.lighter(112);
    const QColor pressed = color.darker(115);
    return QStringLiteral(
               "QPushButton { background: %1; border: 1px solid %1; color: white; font-weight: 600;"
               " border-radius: 3px; padding: 7px 10px; }"
               "QPushButton:hover { background: %2; border-color: %2; }"
               "QPushButton:pressed { background: %3; }"
               "QPushButton:disabled { background: %4; border-color: %4; color: #8b95a3; }")
        .arg(color.name(), hover.name(), pressed.name(), color.darker(260).name());
}

} // namespace hoga::theme
