#pragma once

#include <QHash>
#include <QStringList>

#include <array>

namespace hoga {

// Market-data subscriptions with a reference count per market and channel (TickerChannel, TradeChannel,
// OrderBookChannel of connector.h): two subscribers of the same stream share it, and it ends when the last
// one leaves.
class SubscriptionSet {
public:
    struct Change {
        QStringList startedBooks; // markets whose order book stream just started (seed their books)
        QStringList endedBooks;   // markets whose order book stream just ended (drop their books)
        bool changed = false;     // the set of streams (market, channel) changed
    };

    Change add(const QStringList& markets, unsigned channels);
    Change remove(const QStringList& markets, unsigned channels);

    // Channels of `market` with at least one subscriber.
    unsigned channels(const QString& market) const;
    bool has(const QString& market, unsigned channel) const { return channels(market) & channel; }
    // Every subscribed market with its channels.
    QHash<QString, unsigned> all() const;
    QStringList markets(unsigned channel) const;
    int count(const QString& market, unsigned channel) const;
    bool isEmpty() const { return m_counts.isEmpty(); }

private:
    static constexpr int kChannels = 3;
    static unsigned channelsOf(const std::array<int, kChannels>& counts);
    QHash<QString, std::array<int, kChannels>> m_counts;
};

} // namespace hoga
