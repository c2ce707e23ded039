#include "portfolio_recorder.h"

#include "session/portfolio_valuation.h"
#include "session/venue_session.h"
#include "trading/trading_session.h"

#include <QTimer>

namespace hoga {

namespace {

constexpr int kSampleIntervalMs = 60'000;
// A burst of fills changes balances many times: one sample after it settles.
constexpr int kChangeDelayMs = 5'000;

} // namespace

PortfolioRecorder::PortfolioRecorder(QList<VenueSession*> sessions, PortfolioHistory* history,
                                     const Clock* clock, QObject* parent)
    : QObject(parent)
    , m_sessions(std::move(sessions))
    , m_history(history)
    , m_clock(clock)
    , m_every(new QTimer(this))
    , m_onChange(new QTimer(this)) {
    m_every->setInterval(kSampleIntervalMs);
    connect(m_every, &QTimer::timeout, this, &PortfolioRecorder::sampleNow);
    m_every->start();
    m_onChange->setSingleShot(true);
    m_onChange->setInterval(kChangeDelayMs);
    connect(m_onChange, &QTimer::timeout, this, &PortfolioRecorder::sampleNow);
    for (VenueSession* s : std::as_const(m_sessions))
        connect(s->trading(), &TradingSession::balancesChanged, this, [this] {
            if (!m_onChange->isActive())
                m_onChange->start();
        });
}

void PortfolioRecorder::setIntervalMs(int ms) {
    m_every->setInterval(ms);
}

bool PortfolioRecorder::sampleNow() {
    const PortfolioSnapshot snapshot = computePortfolio(venueHoldings(m_sessions));
    if (snapshot.rows.isEmpty())
        return false; // no balances yet (or none at all): nothing worth a point
    const PortfolioValuePoint point{m_clock->nowMs(), snapshot.totalKrw, snapshot.totalUsdt};
    if (m_history && !m_history->append(point))
        return false;
    emit recorded(point);
    return true;
}

} // namespace hoga
