#include "stream_freshness.h"

#include <algorithm>
#include <iterator>

namespace hoga {

namespace {

constexpr StreamChannel kChannels[] = {TickerChannel, OrderBookChannel, TradeChannel};

} // namespace

qint64 StalenessPolicy::intervalFor(StreamChannel channel) const {
    switch (channel) {
    case TickerChannel:
        return tickerMs;
    case OrderBookChannel:
        return bookMs;
    case TradeChannel:
        return tradeMs;
    }
    return 0;
}

StalenessPolicy StalenessPolicy::forVenue(bool simulated) {
    StalenessPolicy policy;
    if (simulated) {
        policy.tickerMs = 3'000;
        policy.bookMs = 3'000;
    }
    return policy;
}

int StreamFreshness::channelIndex(StreamChannel channel) {
    switch (channel) {
    case TickerChannel:
        return 0;
    case OrderBookChannel:
        return 1;
    case TradeChannel:
        break;
    }
    return 2;
}

void StreamFreshness::subscribed(const QString& market, unsigned channels, qint64 nowMs) {
    Times& t = m_times[market];
    // A newly subscribed channel starts its silence now; channels already followed keep their history.
    if ((channels & ~t.channels) != 0)
        t.subscribedMs = nowMs;
    t.channels |= channels;
}

void StreamFreshness::unsubscribed(const QString& market) {
    m_times.remove(market);
}

void StreamFreshness::received(const QString& market, StreamChannel channel, qint64 nowMs) {
    const auto it = m_times.find(market);
    if (it != m_times.end())
        it->lastMs[channelIndex(channel)] = nowMs;
}

void StreamFreshness::clear() {
    m_times.clear();
}

qint64 StreamFreshness::lastMessageMs(const QString& market, StreamChannel channel) const {
    const auto it = m_times.constFind(market);
    return it == m_times.cend() ? 0 : it->lastMs[channelIndex(channel)];
}

qint64 StreamFreshness::lastMessageMs(const QString& market) const {
    const auto it = m_times.constFind(market);
    if (it == m_times.cend())
        return 0;
    return *std::max_element(std::begin(it->lastMs), std::end(it->lastMs));
}

bool StreamFreshness::isStale(const Times& t, qint64 nowMs) const {
    bool watched = false;
    for (StreamChannel channel : kChannels) {
        const qint64 interval = m_policy.intervalFor(channel);
        if (interval <= 0 || (t.channels & channel) == 0)
            continue;
        watched = true;
        if (nowMs - std::max(t.lastMs[channelIndex(channel)], t.subscribedMs) <= interval)
            return false; // one lively channel is enough: the market is being followed
    }
    return watched;
}

bool StreamFreshness::isStale(const QString& market, qint64 nowMs) const {
    const auto it = m_times.constFind(market);
    return it != m_times.cend() && isStale(*it, nowMs);
}

QSet<QString> StreamFreshness::staleMarkets(qint64 nowMs) const {
    QSet<QString> stale;
    for (auto it = m_times.cbegin(); it != m_times.cend(); ++it)
        if (isStale(*it, nowMs))
            stale.insert(it.key());
    return stale;
}

int StreamFreshness::watchedMarketCount() const {
    int n = 0;
    for (const Times& t : m_times)
        for (StreamChannel channel : kChannels)
            if ((t.channels & channel) && m_policy.intervalFor(channel) > 0) {
                ++n;
                break;
            }
    return n;
}

} // namespace hoga
