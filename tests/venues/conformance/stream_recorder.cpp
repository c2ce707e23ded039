#include "stream_recorder.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>

namespace hoga::test {

namespace {

template <class T> QSet<QString> marketsOf(const QVector<T>& items, QString (*get)(const T&)) {
    QSet<QString> out;
    for (const T& item : items)
        out.insert(get(item));
    return out;
}

} // namespace

StreamRecorder::StreamRecorder(Connector* connector, QObject* parent)
    : QObject(parent) {
    // Queued into this object's (the test's) thread.
    auto record = [this](auto* list) {
        return [this, list](const auto& value) {
            list->append(value);
            emit received();
        };
    };
    connect(connector, &Connector::tickerUpdated, this, record(&tickers), Qt::QueuedConnection);
    connect(connector, &Connector::tradeReceived, this, record(&trades), Qt::QueuedConnection);
    connect(connector, &Connector::orderBookUpdated, this, record(&books), Qt::QueuedConnection);
    connect(connector, &Connector::orderUpdated, this, record(&orders), Qt::QueuedConnection);
    connect(connector, &Connector::fillReceived, this, record(&fills), Qt::QueuedConnection);
    connect(connector, &Connector::balanceUpdated, this, record(&balances), Qt::QueuedConnection);
    connect(connector, &Connector::streamError, this, record(&errors), Qt::QueuedConnection);
    connect(connector, &Connector::connectionStateChanged, this, record(&states), Qt::QueuedConnection);

    // Direct, to see the emitting thread; touches only the atomic.
    auto note = [this] {
        m_emittingThread = QThread::currentThread();
    };
    connect(connector, &Connector::tickerUpdated, this, note, Qt::DirectConnection);
    connect(connector, &Connector::tradeReceived, this, note, Qt::DirectConnection);
    connect(connector, &Connector::orderBookUpdated, this, note, Qt::DirectConnection);
    connect(connector, &Connector::orderUpdated, this, note, Qt::DirectConnection);
}

QSet<QString> StreamRecorder::tickerMarkets() const {
    return marketsOf<Ticker>(tickers, [](const Ticker& t) { return t.market; });
}

QSet<QString> StreamRecorder::tradeMarkets() const {
    return marketsOf<Trade>(trades, [](const Trade& t) { return t.market; });
}

QSet<QString> StreamRecorder::bookMarkets() const {
    return marketsOf<OrderBook>(books, [](const OrderBook& b) { return b.market(); });
}

void StreamRecorder::clear() {
    tickers.clear();
    trades.clear();
    books.clear();
    orders.clear();
    fills.clear();
    balances.clear();
    errors.clear();
    states.clear();
}

void StreamRecorder::deliverQueued() {
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

bool StreamRecorder::waitUntil(const std::function<bool()>& done, const std::function<void()>& drive,
                               int rounds, int waitMs) {
    for (int round = 0; round < rounds && !done(); ++round) {
        if (drive)
            drive();
        QSignalSpy next(this, &StreamRecorder::received);
        if (!done())
            next.wait(waitMs);
    }
    return done();
}

} // namespace hoga::test
