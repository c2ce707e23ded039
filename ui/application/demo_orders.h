#pragma once

#include <QObject>
#include <QSet>
#include <QTimer>

namespace hoga {

class VenueSession;

// `hoga --demo-orders` (simulator only): once the simulated market is live, places a few paper orders
// through the trading session, as a trader would from the ticket (two resting limit orders, two market
// orders that fill, one order cancelled again), so the Trading tab shows every table in use. Meant for
// demonstrations and screenshots; never available for a real venue.
class DemoOrders : public QObject {
    Q_OBJECT
public:
    explicit DemoOrders(VenueSession* session, QObject* parent = nullptr);

    // False (and nothing happens) unless the session is the simulator.
    bool start();
    // True once every demo order has been answered by the venue.
    bool isDone() const { return m_placed && m_waiting.isEmpty(); }

signals:
    void done();

private:
    void tryPlace();
    void checkDone();
    QString place(const QString& market, bool buy, bool limit, const char* priceFactor, const char* qty,
                  const char* total = nullptr);

    VenueSession* m_session;
    QTimer m_poll;
    bool m_placed = false;
    bool m_doneReported = false;
    QSet<QString> m_waiting; // client ids not answered yet
    QString m_toCancel;      // client id of the order cancelled once accepted
};

} // namespace hoga
