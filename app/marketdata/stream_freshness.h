#pragma once

#include "venues/connector.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace hoga {

// How long a channel of a subscribed market may stay silent before the market counts as stale. 0 means the
// channel is not watched. Trades are not watched by default: a quiet market legitimately trades nothing for
// minutes, while venues push its ticker and order book regularly.
struct StalenessPolicy {
    qint64 tickerMs = 10'000;
    qint64 bookMs = 10'000;
    qint64 tradeMs = 0;

    qint64 intervalFor(StreamChannel channel) const;
    bool isEnabled() const { return tickerMs > 0 || bookMs > 0 || tradeMs > 0; }
    // Real venues: 10 s. The simulator steps several times a second, so 3 s of silence already means trouble.
    static StalenessPolicy forVenue(bool simulated);
};

// When each stream channel of each subscribed market last delivered a message, and which markets are stale
// by a policy. A market is stale when every watched channel it is subscribed to has been silent for longer
// than its interval, counted from the last message or, before the first one, from the subscription. Plain
// data: the owner serialises access.
class StreamFreshness {
public:
    void setPolicy(const StalenessPolicy& policy) { m_policy = policy; }
    const StalenessPolicy& policy() const { return m_policy; }

    void subscribed(const QString& market, unsigned channels, qint64 nowMs);
    void received(const QString& market, StreamChannel channel, qint64 nowMs);
    void unsubscribed(const QString& market); // no longer watched, its history forgotten
    void clear();

    // 0 when the channel never delivered a message for the market.
    qint64 lastMessageMs(const QString& market, StreamChannel channel) const;
    // The newest message of any channel of the market (0 if none).
    qint64 lastMessageMs(const QString& market) const;
    bool isStale(const QString& market, qint64 nowMs) const;
    QSet<QString> staleMarkets(qint64 nowMs) const;
    int watchedMarketCount() const;

private:
    struct Times {
        unsigned channels = 0;        // subscribed channels
        qint64 subscribedMs = 0;      // baseline before the first message
        qint64 lastMs[3] = {0, 0, 0}; // by channelIndex()
    };
    static int channelIndex(StreamChannel channel);
    bool isStale(const Times& times, qint64 nowMs) const;

    StalenessPolicy m_policy;
    QHash<QString, Times> m_times;
};

} // namespace hoga
