#pragma once

#include "core/clock.h"
#include "venues/connector.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace hoga {

// Turns connection state changes into the two things worth telling the trader: a venue has been down for
// longer than the grace period (30 s by default; short drops that the connector heals are not news), and
// such a venue is back. A venue counts as down only after it was connected once, so a venue that was never
// meant to connect does not alarm anyone. Time comes from the injected clock; a timer re-checks it.
class DisconnectWatch : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kDefaultGraceMs = 30'000;

    explicit DisconnectWatch(const Clock& clock = SystemClock::instance(), QObject* parent = nullptr);

    void setGraceMs(qint64 ms) { m_graceMs = ms; }
    qint64 graceMs() const { return m_graceMs; }
    void setCheckIntervalMs(int ms) { m_timer.setInterval(ms); } // default 1000

    // Follows the connector's connection state (signals arrive queued on this object's thread).
    void watch(Connector* connector);
    // One state change of a venue (what watch() feeds).
    void setState(const QString& venue, ConnectionState state);
    // Announces every venue that has now been down longer than the grace period.
    void check();

    bool isAnnouncedDown(const QString& venue) const;

signals:
    void disconnected(const QString& venue, qint64 downSinceMs);
    void reconnected(const QString& venue, qint64 downForMs);

private:
    struct VenueState {
        bool everConnected = false;
        bool down = false;
        bool announced = false;
        qint64 downSinceMs = 0;
    };

    const Clock& m_clock;
    qint64 m_graceMs = kDefaultGraceMs;
    QHash<QString, VenueState> m_venues;
    QTimer m_timer;
};

} // namespace hoga
