#pragma once

#include "venues/connector.h"

#include <QObject>
#include <QSet>
#include <QVector>

#include <atomic>
#include <functional>

namespace hoga::test {

// Records a connector's stream signals in the test's thread. QSignalSpy connects directly, so on a connector
// living in another thread it would append from that thread; this recorder connects queued instead and is
// safe to read from the test. It also notes which thread emitted (connectors must emit from their own).
class StreamRecorder : public QObject {
    Q_OBJECT
public:
    explicit StreamRecorder(Connector* connector, QObject* parent = nullptr);

    QVector<Ticker> tickers;
    QVector<Trade> trades;
    QVector<OrderBook> books;
    QVector<Order> orders;
    QVector<Fill> fills;
    QVector<Balance> balances;
    QVector<VenueError> errors;
    QVector<ConnectionState> states;

    // Threads the signals were emitted from (written from those threads, hence atomic).
    QThread* lastEmittingThread() const { return m_emittingThread.load(); }

    QSet<QString> tickerMarkets() const;
    QSet<QString> tradeMarkets() const;
    QSet<QString> bookMarkets() const;
    void clear();
    // Records every signal already queued for this recorder. After a call on the connector has finished
    // (its queue runs in order), this holds every signal emitted before that call: the finished future
    // alone does not mean they were delivered here, so clear() right after a barrier must follow this.
    void deliverQueued();

    // Runs the event loop (never sleeps) until `done` holds: between checks calls `drive` (if any) and waits
    // up to `waitMs` for the next recorded signal. Gives up after `rounds` rounds; returns done().
    bool waitUntil(const std::function<bool()>& done, const std::function<void()>& drive = {},
                   int rounds = 100, int waitMs = 500);

signals:
    void received(); // after any recorded signal

private:
    std::atomic<QThread*> m_emittingThread{nullptr};
};

} // namespace hoga::test
