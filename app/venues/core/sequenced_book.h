#pragma once

#include "core/orderbook.h"

#include <QMetaType>
#include <QVector>

#include <deque>

namespace hoga {

// One incremental order book event of a venue that numbers its updates (Binance diff depth: U..u). A level
// with quantity 0 is removed.
struct BookDiff {
    QString market;
    quint64 firstSeq = 0; // first update id in this event
    quint64 lastSeq = 0;  // last update id in this event
    qint64 timestampMs = 0;
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
};

// A local order book kept from a REST snapshot plus sequenced diffs, the way venues with diff streams
// document it: diffs are buffered until a snapshot arrives; those the snapshot already contains are dropped;
// the first applied diff must straddle the snapshot's sequence, and every later one must continue exactly
// where the previous one ended. Anything else is a gap: the book is dropped and a new snapshot is needed.
class SequencedBook {
public:
    enum class Status {
        Buffered,     // no usable snapshot yet: the diff is kept for later
        Applied,      // the book moved (book() is current)
        Ignored,      // the diff is older than the book
        NeedSnapshot, // a gap (or a snapshot older than the buffered diffs): fetch a new snapshot
    };

    SequencedBook(QString venue, QString market, int maxBuffered = 2000);

    Status applyDiff(const BookDiff& diff);
    // `snapshot.sequence()` is the venue's last update id contained in it.
    Status applySnapshot(const OrderBook& snapshot);
    // After a reconnect or a gap: forget the book and buffer again.
    void reset();

    bool isSynced() const { return m_synced; }
    const OrderBook& book() const { return m_book; }
    int bufferedCount() const { return int(m_buffer.size()); }

private:
    void apply(const BookDiff& diff);

    OrderBook m_book;
    std::deque<BookDiff> m_buffer;
    int m_maxBuffered;
    bool m_synced = false;
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::BookDiff)
