#include "market_data_recorder.h"

#include <QDeadlineTimer>

namespace hoga {

MarketDataRecorder::MarketDataRecorder(StoreFactory factory, RecorderSettings settings, const Clock* clock,
                                       QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_settings(std::move(settings))
    , m_marketSet(m_settings.markets.cbegin(), m_settings.markets.cend())
    , m_clock(clock) {
    m_queue.reserve(qMin(m_settings.queueCapacity, 100'000));
}

MarketDataRecorder::~MarketDataRecorder() {
    stop();
}

bool MarketDataRecorder::start() {
    if (m_running.load())
        return true;
    {
        QMutexLocker lock(&m_mutex);
        m_stopRequested = false;
        m_openState = 0;
    }
    m_thread = std::thread([this] { writerLoop(); });
    QMutexLocker lock(&m_mutex);
    while (m_openState == 0)
        m_progress.wait(&m_mutex);
    if (m_openState < 0) {
        lock.unlock();
        m_thread.join();
        return false;
    }
    m_running.store(true);
    return true;
}

void MarketDataRecorder::attach(Connector* connector) {
    m_connector = connector;
    m_venue = connector->venueId();
    // Direct: the slots run on the connector's thread and only take the queue's mutex for an append.
    m_connections << connect(connector, &Connector::tickerUpdated, this, &MarketDataRecorder::recordTicker,
                             Qt::DirectConnection)
                  << connect(connector, &Connector::tradeReceived, this, &MarketDataRecorder::recordTrade,
                             Qt::DirectConnection)
                  << connect(connector, &Connector::orderBookUpdated, this, &MarketDataRecorder::recordBook,
                             Qt::DirectConnection);
    connector->subscribeMarketData(m_settings.markets, m_settings.channels);
}

void MarketDataRecorder::stop() {
    if (m_connector) {
        m_connector->unsubscribeMarketData(m_settings.markets, m_settings.channels);
        m_connector = nullptr;
    }
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    if (!m_thread.joinable())
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopRequested = true;
        m_wake.wakeAll();
    }
    m_thread.join();
    m_running.store(false);
}

bool MarketDataRecorder::flush(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    m_wake.wakeAll();
    while (!m_queue.isEmpty() || m_writing) {
        if (!m_running.load() || !m_progress.wait(&m_mutex, deadline))
            return m_queue.isEmpty() && !m_writing;
    }
    return true;
}

qint64 MarketDataRecorder::rowsQueued() const {
    QMutexLocker lock(&m_mutex);
    return m_queue.size();
}

QString MarketDataRecorder::errorString() const {
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void MarketDataRecorder::recordTicker(const Ticker& ticker) {
    if (!(m_settings.channels & TickerChannel) || !wants(ticker.market))
        return;
    Ticker row = ticker;
    if (row.venue.isEmpty())
        row.venue = m_venue;
    enqueue(std::move(row));
}

void MarketDataRecorder::recordTrade(const Trade& trade) {
    if (!(m_settings.channels & TradeChannel) || !wants(trade.market))
        return;
    Trade row = trade;
    if (row.venue.isEmpty())
        row.venue = m_venue;
    enqueue(std::move(row));
}

void MarketDataRecorder::recordBook(const OrderBook& book) {
    if (!(m_settings.channels & OrderBookChannel) || !wants(book.market()))
        return;
    const qint64 now = m_clock->nowMs();
    {
        QMutexLocker lock(&m_mutex);
        auto last = m_lastBookMs.constFind(book.market());
        if (last != m_lastBookMs.cend() && now - *last < m_settings.bookIntervalMs)
            return;
        m_lastBookMs.insert(book.market(), now);
    }
    BookSnapshot snapshot;
    snapshot.venue = book.venue().isEmpty() ? m_venue : book.venue();
    snapshot.market = book.market();
    snapshot.timestampMs = book.timestampMs() > 0 ? book.timestampMs() : now;
    snapshot.bids = book.bids().mid(0, m_settings.bookDepth);
    snapshot.asks = book.asks().mid(0, m_settings.bookDepth);
    enqueue(std::move(snapshot));
}

void MarketDataRecorder::enqueue(RecordedRow row) {
    QMutexLocker lock(&m_mutex);
    if (m_queue.size() >= m_settings.queueCapacity) {
        m_dropped.fetch_add(1);
        return;
    }
    m_queue.append(std::move(row));
    if (m_queue.size() >= m_settings.batchSize)
        m_wake.wakeOne();
}

void MarketDataRecorder::writerLoop() {
    std::unique_ptr<MarketDataStore> store = m_factory();
    const bool opened = store && store->open();
    {
        QMutexLocker lock(&m_mutex);
        m_openState = opened ? 1 : -1;
        if (!opened)
            m_error = store ? store->errorString() : QString();
        m_progress.wakeAll();
    }
    if (!opened)
        return;
    QVector<RecordedRow> batch;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.isEmpty() && !m_stopRequested)
                m_wake.wait(&m_mutex, m_settings.flushIntervalMs);
            if (m_queue.isEmpty()) {
                if (m_stopRequested)
                    break;
                continue;
            }
            const qsizetype n = qMin<qsizetype>(m_queue.size(), m_settings.batchSize);
            batch = m_queue.mid(0, n);
            m_queue.remove(0, n);
            m_writing = true;
        }
        const bool ok = store->write(batch);
        QString error;
        if (ok)
            m_written.fetch_add(batch.size());
        else
            error = store->errorString();
        {
            QMutexLocker lock(&m_mutex);
            m_writing = false;
            if (!ok) {
                // A failed batch is lost, and counted as dropped, rather than retried forever.
                m_dropped.fetch_add(batch.size());
                m_error = error;
            }
            m_progress.wakeAll();
        }
        if (!ok)
            emit storeFailed(error);
        emit batchWritten(m_written.load(), m_dropped.load());
    }
    QMutexLocker lock(&m_mutex);
    m_progress.wakeAll();
}

} // namespace hoga
