#include "sequenced_book.h"

namespace hoga {

SequencedBook::SequencedBook(QString venue, QString market, int maxBuffered)
    : m_book(std::move(venue), std::move(market))
    , m_maxBuffered(std::max(1, maxBuffered)) {}

void SequencedBook::reset() {
    m_book.clear();
    m_buffer.clear();
    m_synced = false;
}

void SequencedBook::apply(const BookDiff& diff) {
    for (const BookLevel& l : diff.bids)
        m_book.applyDelta(Side::Buy, l.price, l.qty, diff.timestampMs, diff.lastSeq);
    for (const BookLevel& l : diff.asks)
        m_book.applyDelta(Side::Sell, l.price, l.qty, diff.timestampMs, diff.lastSeq);
    if (diff.bids.isEmpty() && diff.asks.isEmpty()) // still advance the sequence
        m_book.applyDelta(Side::Buy, Decimal(), Decimal(), diff.timestampMs, diff.lastSeq);
}

SequencedBook::Status SequencedBook::applyDiff(const BookDiff& diff) {
    if (!m_synced) {
        if (int(m_buffer.size()) >= m_maxBuffered)
            m_buffer.pop_front(); // the snapshot is late; the oldest diffs are the ones it will contain
        m_buffer.push_back(diff);
        return Status::Buffered;
    }
    const quint64 current = m_book.sequence();
    if (diff.lastSeq <= current)
        return Status::Ignored;
    if (diff.firstSeq > current + 1) {
        reset();
        return Status::NeedSnapshot;
    }
    apply(diff);
    return Status::Applied;
}

SequencedBook::Status SequencedBook::applySnapshot(const OrderBook& snapshot) {
    const quint64 last = snapshot.sequence();
    // Buffered diffs the snapshot already contains are dropped.
    while (!m_buffer.empty() && m_buffer.front().lastSeq <= last)
        m_buffer.pop_front();
    if (!m_buffer.empty() && m_buffer.front().firstSeq > last + 1) {
        // The snapshot is older than everything we kept: updates in between are lost.
        return Status::NeedSnapshot;
    }
    m_book.applySnapshot(snapshot.bids(), snapshot.asks(), snapshot.timestampMs(), last);
    m_synced = true;
    std::deque<BookDiff> pending;
    pending.swap(m_buffer);
    for (const BookDiff& diff : pending) {
        if (applyDiff(diff) == Status::NeedSnapshot)
            return Status::NeedSnapshot;
    }
    return Status::Applied;
}

} // namespace hoga
