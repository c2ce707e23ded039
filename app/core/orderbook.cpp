#include "orderbook.h"

#include <algorithm>

namespace hoga {

namespace {

bool bidBefore(const BookLevel& a, const BookLevel& b) {
    return a.price > b.price;
}

bool askBefore(const BookLevel& a, const BookLevel& b) {
    return a.price < b.price;
}

// Sorts one side best-first, drops empty levels and keeps the last of duplicate prices.
void normaliseSide(QVector<BookLevel>& levels, bool (*before)(const BookLevel&, const BookLevel&)) {
    levels.erase(
        std::remove_if(levels.begin(), levels.end(), [](const BookLevel& l) { return !l.qty.isPositive(); }),
        levels.end());
    std::stable_sort(levels.begin(), levels.end(), before);
    QVector<BookLevel> unique;
    unique.reserve(levels.size());
    for (const BookLevel& level : levels) {
        if (!unique.isEmpty() && unique.last().price == level.price)
            unique.last() = level;
        else
            unique.append(level);
    }
    levels = std::move(unique);
}

} // namespace

void OrderBook::setMarket(QString venue, QString market) {
    m_venue = std::move(venue);
    m_market = std::move(market);
}

void OrderBook::applySnapshot(QVector<BookLevel> bids, QVector<BookLevel> asks, qint64 timestampMs,
                              quint64 sequence) {
    normaliseSide(bids, bidBefore);
    normaliseSide(asks, askBefore);
    m_bids = std::move(bids);
    m_asks = std::move(asks);
    m_timestampMs = timestampMs;
    m_sequence = sequence;
}

void OrderBook::applyDelta(Side side, const Decimal& price, const Decimal& qty, qint64 timestampMs,
                           quint64 sequence) {
    QVector<BookLevel>& levels = side == Side::Buy ? m_bids : m_asks;
    const auto before = side == Side::Buy ? bidBefore : askBefore;
    const BookLevel probe{price, qty};
    const auto it = std::lower_bound(levels.begin(), levels.end(), probe, before);
    const bool exists = it != levels.end() && it->price == price;
    if (!qty.isPositive()) {
        if (exists)
            levels.erase(it);
    } else if (exists) {
        it->qty = qty;
    } else {
        levels.insert(it, probe);
    }
    m_timestampMs = timestampMs;
    m_sequence = sequence;
}

void OrderBook::clear() {
    m_bids.clear();
    m_asks.clear();
    m_timestampMs = 0;
    m_sequence = 0;
}

void OrderBook::truncate(int depth) {
    const qsizetype keep = std::max(0, depth);
    if (m_bids.size() > keep)
        m_bids.resize(keep);
    if (m_asks.size() > keep)
        m_asks.resize(keep);
}

std::optional<BookLevel> OrderBook::bestBid() const {
    if (m_bids.isEmpty())
        return std::nullopt;
    return m_bids.first();
}

std::optional<BookLevel> OrderBook::bestAsk() const {
    if (m_asks.isEmpty())
        return std::nullopt;
    return m_asks.first();
}

std::optional<Decimal> OrderBook::spread() const {
    if (m_bids.isEmpty() || m_asks.isEmpty())
        return std::nullopt;
    return m_asks.first().price - m_bids.first().price;
}

std::optional<Decimal> OrderBook::mid(int scale) const {
    if (m_bids.isEmpty() || m_asks.isEmpty())
        return std::nullopt;
    return (m_asks.first().price + m_bids.first().price).divide(Decimal(2), scale, Rounding::HalfEven);
}

bool OrderBook::isCrossed() const {
    return !m_bids.isEmpty() && !m_asks.isEmpty() && m_bids.first().price >= m_asks.first().price;
}

QVector<Decimal> OrderBook::cumulativeQty(Side side) const {
    const QVector<BookLevel>& levels = side == Side::Buy ? m_bids : m_asks;
    QVector<Decimal> totals;
    totals.reserve(levels.size());
    Decimal running;
    for (const BookLevel& level : levels) {
        running += level.qty;
        totals.append(running);
    }
    return totals;
}

QVector<Decimal> OrderBook::cumulativeQuote(Side side) const {
    const QVector<BookLevel>& levels = side == Side::Buy ? m_bids : m_asks;
    QVector<Decimal> totals;
    totals.reserve(levels.size());
    Decimal running;
    for (const BookLevel& level : levels) {
        running += level.price * level.qty;
        totals.append(running);
    }
    return totals;
}

} // namespace hoga
