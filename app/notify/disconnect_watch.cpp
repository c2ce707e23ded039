#include "disconnect_watch.h"

#include <QPointer>

namespace hoga {

DisconnectWatch::DisconnectWatch(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock) {
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DisconnectWatch::check);
}

void DisconnectWatch::watch(Connector* connector) {
    const QString venue = connector->venueId();
    connect(connector, &Connector::connectionStateChanged, this,
            [this, venue](ConnectionState state) { setState(venue, state); });
    setState(venue, connector->connectionState());
}

void DisconnectWatch::setState(const QString& venue, ConnectionState state) {
    VenueState& v = m_venues[venue];
    if (state == ConnectionState::Connected) {
        const bool wasAnnounced = v.announced;
        const qint64 downFor = m_clock.nowMs() - v.downSinceMs;
        v.everConnected = true;
        v.down = false;
        v.announced = false;
        if (wasAnnounced)
            emit reconnected(venue, downFor);
        return;
    }
    if (!v.everConnected || v.down)
        return;
    v.down = true;
    v.downSinceMs = m_clock.nowMs();
    if (!m_timer.isActive())
        m_timer.start();
}

void DisconnectWatch::check() {
    const qint64 now = m_clock.nowMs();
    bool anyWaiting = false;
    QList<QPair<QString, qint64>> due; // emitted after the loop: a receiver may change the states
    for (auto it = m_venues.begin(); it != m_venues.end(); ++it) {
        if (!it->down || it->announced)
            continue;
        if (now - it->downSinceMs >= m_graceMs) {
            it->announced = true;
            due.append({it.key(), it->downSinceMs});
        } else {
            anyWaiting = true;
        }
    }
    if (!anyWaiting)
        m_timer.stop();
    for (const auto& [venue, since] : std::as_const(due))
        emit disconnected(venue, since);
}

bool DisconnectWatch::isAnnouncedDown(const QString& venue) const {
    return m_venues.value(venue).announced;
}

} // namespace hoga
