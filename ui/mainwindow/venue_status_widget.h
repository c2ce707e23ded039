#pragma once

#include <QWidget>

class QLabel;

namespace hoga {

class VenueSession;

// One venue in the status bar: connection state with a coloured dot, a "Simulated" badge for the
// simulator, and the local time of the last market data message.
class VenueStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit VenueStatusWidget(VenueSession* session, QWidget* parent = nullptr);

    QString stateText() const;
    QString lastUpdateText() const;

private:
    void refresh();

    VenueSession* m_session;
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_updated;
    qint64 m_shownSecond = -1;
};

} // namespace hoga
