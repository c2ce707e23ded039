#pragma once

#include "decimal.h"
#include "trade.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace hoga {

struct BookLevel {
    Decimal price;
    Decimal qty;
    bool operator==(const BookLevel&) const = default;
};

// Price-level order book of one market: bids best (highest) first, asks best (lowest) first.
class OrderBook {
public:
    OrderBook() = default;
    OrderBook(QString venue, QString market) : m_venue(std::move(venue)), m_market(std::move(market)) {}

    const QString& venue() const { return m_venue; }
    const QString& market() const { return m_market; }
    void setMarket(QString venue, QString market);

    // Replace both sides. Input need not be sorted; zero-quantity levels are dropped.
    void applySnapshot(QVector<BookLevel> bids, QVector<BookLevel> asks, qint64 timestampMs,
                       quint64 sequence = 0);
    // Set one level: qty 0 removes it, otherwise inserts or replaces.
    void applyDelta(Side side, const Decimal& price, const Decimal& qty, qint64 timestampMs,
                    quint64 sequence = 0);
    void clear();
    // Keep at most `depth` levels per side.
    void truncate(int depth);

    const QVector<BookLevel>& bids() const { return m_bids; }
    const QVector<BookLevel>& asks() const { return m_asks; }
    bool isEmpty() const { return m_bids.isEmpty() && m_asks.isEmpty(); }
    std::optional<BookLevel> bestBid() const;
    std::optional<BookLevel> bestAsk() const;
    std::optional<Decimal> spread() const; // ask - bid
    std::optional<Decimal> mid(int scale = 12) const; // (ask + bid) / 2
    bool isCrossed() const;                // best bid >= best ask
    // Running totals of quantity from the best level outward (same length as the side).
    QVector<Decimal> cumulativeQty(Side side) const;
    QVector<Decimal> cumulativeQuote(Side side) const; // running price*qty

    qint64 timestampMs() const { return m_timestampMs; }
    quint64 sequence() const { return m_sequence; }

private:
    QString m_venue;
    QString m_market;
    QVector<BookLevel> m_bids; // descending price
    QVector<BookLevel> m_asks; // ascending price
    qint64 m_timestampMs = 0;
    quint64 m_sequence = 0;
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::OrderBook)
