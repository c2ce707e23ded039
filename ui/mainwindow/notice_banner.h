#pragma once

#include <QFrame>

class QLabel;

namespace hoga {

// An amber strip across the top of the window for a condition that affects everything but needs no action,
// such as a venue refusing requests for a while. Hidden while it has no text.
class NoticeBanner : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBanner(QWidget* parent = nullptr);

    void setText(const QString& text); // empty hides the banner
    QString text() const;

private:
    QLabel* m_label;
};

} // namespace hoga
