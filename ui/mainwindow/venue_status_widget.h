#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;

namespace hoga {

class VenueSession;

// One venue in the status bar: connection state with a coloured dot, a "Simulated" badge for the
// simulator, the local time of the last market data message, and how stale the stream is: an amber
// "Stale · last update 12 s ago" when the whole stream went silent, "3 markets stale" when only some did.
class VenueStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit VenueStatusWidget(VenueSession* session, QWidget* parent = nullptr);

    QString stateText() const;
    QString lastUpdateText() const;
    // The stale part, empty while every market is fresh.
    QString staleText() const;

    // Brings the labels up to date if updates were skipped while the window was minimised or hidden.
    void catchUp();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void refreshStale();

    VenueSession* m_session;
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_updated;
    QLabel* m_stale;
    QTimer m_staleAge; // ticks the "12 s ago" while the stream is stale
    qint64 m_shownSecond = -1;
    bool m_behind = false;
};

} // namespace hoga
