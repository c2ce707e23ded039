#include "subscription_set.h"

#include "venues/connector.h"

namespace hoga {

namespace {
constexpr unsigned kBits[] = {TickerChannel, TradeChannel, OrderBookChannel};
}

SubscriptionSet::Change SubscriptionSet::add(const QStringList& markets, unsigned channels) {
    Change change;
    for (const QString& market : markets) {
        auto& counts = m_counts[market];
        for (int i = 0; i < kChannels; ++i) {
            if (!(channels & kBits[i]))
                continue;
            if (counts[size_t(i)]++ == 0) {
                change.changed = true;
                if (kBits[i] == OrderBookChannel)
                    change.startedBooks.append(market);
            }
        }
    }
    return change;
}

SubscriptionSet::Change SubscriptionSet::remove(const QStringList& markets, unsigned channels) {
    Change change;
    for (const QString& market : markets) {
        const auto it = m_counts.find(market);
        if (it == m_counts.end())
            continue;
        for (int i = 0; i < kChannels; ++i) {
            int& n = (*it)[size_t(i)];
            if (!(channels & kBits[i]) || n == 0)
                continue;
            if (--n == 0) {
                change.changed = true;
                if (kBits[i] == OrderBookChannel)
                    change.endedBooks.append(market);
            }
        }
        if (channelsOf(*it) == 0)
            m_counts.erase(it);
    }
    return change;
}

unsigned SubscriptionSet::channelsOf(const std::array<int, kChannels>& counts) {
    unsigned out = 0;
    for (int i = 0; i < kChannels; ++i)
        if (counts[size_t(i)] > 0)
            out |= kBits[i];
    return out;
}

unsigned SubscriptionSet::channels(const QString& market) const {
    const auto it = m_counts.constFind(market);
    return it == m_counts.cend() ? 0 : channelsOf(*it);
}

QHash<QString, unsigned> SubscriptionSet::all() const {
    QHash<QString, unsigned> out;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        out.insert(it.key(), channelsOf(it.value()));
    return out;
}

QStringList SubscriptionSet::markets(unsigned channel) const {
    QStringList out;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        if (channelsOf(it.value()) & channel)
            out.append(it.key());
    out.sort();
    return out;
}

int SubscriptionSet::count(const QString& market, unsigned channel) const {
    const auto it = m_counts.constFind(market);
    if (it == m_counts.cend())
        return 0;
    for (int i = 0; i < kChannels; ++i)
        if (kBits[i] == channel)
            return (*it)[size_t(i)];
    return 0;
}

} // namespace hoga
