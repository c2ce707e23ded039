#pragma once

#include "core/clock.h"
#include "storage/portfolio_history.h"

#include <QList>
#include <QObject>

class QTimer;

namespace hoga {

class VenueSession;

// Samples the total value of every venue's holdings into the profile's PortfolioHistory: once a minute, and
// soon after balances change (at most every few seconds). Nothing is stored before balances have arrived,
// so a start never records a zero.
class PortfolioRecorder : public QObject {
    Q_OBJECT
public:
    PortfolioRecorder(QList<VenueSession*> sessions, PortfolioHistory* history,
                      const Clock* clock = &SystemClock::instance(), QObject* parent = nullptr);

    void setIntervalMs(int ms);
    // Values the portfolio now and stores it; false when there is nothing to store yet.
    bool sampleNow();

signals:
    void recorded(const hoga::PortfolioValuePoint& point);

private:
    QList<VenueSession*> m_sessions;
    PortfolioHistory* m_history;
    const Clock* m_clock;
    QTimer* m_every;
    QTimer* m_onChange;
};

} // namespace hoga
