#pragma once

#include <QLabel>

namespace hoga {

// A label for messages that come and go while the user types (validation errors): it always takes the
// height of `lines` lines, so showing, hiding or changing a message never moves the widgets around it. Text
// that does not fit is elided on the last line and shown whole in the tooltip. text() is the whole message.
//
// Hidden, it keeps its space (retainSizeWhenHidden) unless setReserved(false) says its field is not in use.
class MessageLabel : public QLabel {
    Q_OBJECT
public:
    explicit MessageLabel(int lines = 2, QWidget* parent = nullptr);

    void setMessage(const QString& text);
    // Whether the space stays taken while hidden (false: the row collapses, e.g. its field is hidden too).
    void setReserved(bool reserved);
    // The text as painted (elided when it does not fit), for tests.
    QStringList paintedLines() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int reservedHeight() const;

    int m_lines;
};

} // namespace hoga
