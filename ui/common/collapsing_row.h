#pragma once

#include <QList>
#include <QWidget>

namespace hoga {

// Lays out widgets left to right and hides the trailing optional ones that do not fit, so a row of
// statistics never forces the window wider than the screen. Its minimum width is that of the essential
// items alone.
class CollapsingRow : public QWidget {
    Q_OBJECT
public:
    explicit CollapsingRow(int spacing, QWidget* parent = nullptr);

    // Items show in the order added; essential ones are always shown.
    void addItem(QWidget* item, bool essential = false);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout();

    struct Item {
        QWidget* widget;
        bool essential;
    };
    QList<Item> m_items;
    int m_spacing;
};

} // namespace hoga
