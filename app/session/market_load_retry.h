#pragma once

#include "core/error.h"

#include <QObject>
#include <QTimer>

namespace hoga {

class MarketDataHub;

// Keeps trying a venue whose markets could not be loaded (no network, a closed port, a venue down): the hub
// reports the failure once through errorOccurred and would otherwise wait forever. Retries with a growing
// delay (2 s, 4 s, ... up to a minute) by attaching the hub to its connector again, and tells the window the
// reason and when the next try is, so every panel can say so instead of "Loading markets…".
class MarketLoadRetry : public QObject {
    Q_OBJECT
public:
    explicit MarketLoadRetry(MarketDataHub* hub, QString venueName, QObject* parent = nullptr);

    // True after a failed load, until the markets arrive.
    bool isUnreachable() const { return m_unreachable; }
    QString reason() const { return m_reason; }
    qint64 nextRetryMs() const { return m_nextRetryMs; } // wall clock; 0 when no retry is planned
    int failures() const { return m_failures; }
    // "Cannot reach Upbit. <the error, a sentence> Next try at 12:34:56." — empty while the venue is
    // reachable.
    QString message() const;

    void setFirstDelayMs(int ms) { m_firstDelayMs = ms; }
    static constexpr int kMaxDelayMs = 60'000;

    // Tries again at once (the retry timer restarts from the answer).
    void retryNow();

signals:
    void changed();

private:
    void onError(const VenueError& error);
    void onLoaded();

    MarketDataHub* m_hub;
    QString m_venueName;
    QTimer m_timer;
    bool m_unreachable = false;
    QString m_reason;
    qint64 m_nextRetryMs = 0;
    int m_failures = 0;
    int m_firstDelayMs = 2000;
};

} // namespace hoga
