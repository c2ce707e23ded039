#pragma once

#include "market_data_store.h"

#include "core/clock.h"
#include "venues/connector.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace hoga {

// What to record and how hard to try.
struct RecorderSettings {
    QStringList markets;
    unsigned channels = TickerChannel | TradeChannel | OrderBookChannel;
    int bookDepth = 10;           // top N levels per side of each snapshot
    qint64 bookIntervalMs = 1000; // at most one snapshot per market in this much clock time
    int queueCapacity = 100'000;  // rows waiting for the writer; beyond it new rows are dropped and counted
    int batchSize = 5'000;        // rows per transaction at most
    int flushIntervalMs = 200;    // a partial batch waits at most this long
};

// Records a connector's tickers, trades and order book snapshots into a MarketDataStore.
//
// The stream slots run on the connector's thread (direct connections) and only append to a bounded queue,
// so writing never blocks the streams; a full queue drops the row and counts it. A writer thread of the
// recorder's own opens the store (QtSql connections stay on their thread), and writes the queue in batches,
// one transaction each.
class MarketDataRecorder : public QObject {
    Q_OBJECT
public:
    using StoreFactory = std::function<std::unique_ptr<MarketDataStore>()>;

    MarketDataRecorder(StoreFactory factory, RecorderSettings settings,
                       const Clock* clock = &SystemClock::instance(), QObject* parent = nullptr);
    ~MarketDataRecorder() override; // stops, writing what is queued

    // Opens the store on the writer thread and waits for the answer; false with errorString() on failure.
    bool start();
    // Follows the connector's streams and subscribes the settings' markets and channels.
    void attach(Connector* connector);
    // Unsubscribes, writes what is still queued, closes the store. Idempotent.
    void stop();
    bool isRunning() const { return m_running.load(); }

    // For tests and status lines: waits until the queue is empty and written (bounded by `timeoutMs`).
    bool flush(int timeoutMs = 10'000);

    qint64 rowsWritten() const { return m_written.load(); }
    qint64 rowsDropped() const { return m_dropped.load(); }
    qint64 rowsQueued() const;
    QString errorString() const; // the last store error, translated; empty when none

    // The stream slots (public so tests and replays can feed rows without a connector). Thread-safe.
    void recordTicker(const Ticker& ticker);
    void recordTrade(const Trade& trade);
    void recordBook(const OrderBook& book);

signals:
    // From the writer thread after each batch (queued to listeners on other threads).
    void batchWritten(qint64 rowsWritten, qint64 rowsDropped);
    void storeFailed(const QString& message);

private:
    bool wants(const QString& market) const { return m_marketSet.isEmpty() || m_marketSet.contains(market); }
    void enqueue(RecordedRow row);
    void writerLoop();

    StoreFactory m_factory;
    RecorderSettings m_settings;
    QSet<QString> m_marketSet;
    const Clock* m_clock;
    QPointer<Connector> m_connector;
    QString m_venue; // fills rows whose venue the connector left empty; set before the streams connect
    QList<QMetaObject::Connection> m_connections;

    mutable QMutex m_mutex;    // guards everything below up to m_thread
    QWaitCondition m_wake;     // writer: rows or stop
    QWaitCondition m_progress; // flush(): a batch done or the store opened
    QVector<RecordedRow> m_queue;
    QHash<QString, qint64> m_lastBookMs; // per market, clock time of the last kept snapshot
    bool m_stopRequested = false;
    bool m_writing = false;
    int m_openState = 0; // 0 pending, 1 open, -1 failed
    QString m_error;
    std::thread m_thread;

    std::atomic<bool> m_running{false};
    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_dropped{0};
};

} // namespace hoga
