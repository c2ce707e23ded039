#include "market_data_hub.h"

#include "core/clock.h"
#include "stream_budget.h"
#include "when_finished.h"

#include <QMutexLocker>

#include <algorithm>

namespace hoga {

namespace {

constexpr int kDefaultCoalesceMs = 150;
constexpr int kDefaultStaleCheckMs = 1000;
constexpr int kDefaultPollMs = 15'000;
constexpr unsigned kHubChannels = TickerChannel | TradeChannel | OrderBookChannel;
// Trade buffers are trimmed in batches: erasing the front of a vector on every trade would be quadratic.
constexpr int kTrimSlack = 56;

void appendBounded(QVector<Trade>& trades, const Trade& trade, int max) {
    trades.append(trade);
    if (trades.size() > max + kTrimSlack)
        trades.remove(0, trades.size() - max);
}

} // namespace

MarketDataHub::MarketDataHub(QObject* parent, const Clock* clock)
    : QObject(parent)
    , m_clock(clock ? clock : &SystemClock::instance())
    , m_timer(this)
    , m_staleTimer(this)
    , m_pollTimer(this) {
    m_timer.setInterval(kDefaultCoalesceMs);
    connect(&m_timer, &QTimer::timeout, this, &MarketDataHub::flush);
    m_staleTimer.setInterval(kDefaultStaleCheckMs);
    connect(&m_staleTimer, &QTimer::timeout, this, &MarketDataHub::checkStaleness);
    m_pollTimer.setInterval(kDefaultPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &MarketDataHub::pollUnstreamed);
}

MarketDataHub::~MarketDataHub() {
    blockSignals(true); // nobody hears from a hub on its way out
    detach();
}

void MarketDataHub::detach() {
    if (m_guard) {
        // Waits for a stream slot running right now on the connector's thread, then shuts out the rest.
        QMutexLocker lock(&m_guard->mutex);
        m_guard->hub = nullptr;
    }
    m_guard.reset();
    for (const auto& c : std::as_const(m_connections))
        QObject::disconnect(c); // harmless if the connector is already gone
    m_connections.clear();
    if (!m_streamed.isEmpty()) {
        // Subscriptions are counted per subscriber: a retry that attaches the same connector again must
        // not leave this hub's count behind (on a limited venue it would hold slots for good).
        if (m_connector)
            m_connector->unsubscribeMarketData(m_streamed, kHubChannels);
        m_streamed.clear();
        emit streamedMarketsChanged();
    }
    m_connector = nullptr;
    m_timer.stop();
    m_staleTimer.stop();
    m_pollTimer.stop();
    m_tickerLoadsInFlight = 0; // answers for this connector are dropped from now on
    ++m_generation;
}

void MarketDataHub::attach(Connector* connector) {
    detach();
    {
        QMutexLocker lock(&m_mutex);
        m_markets.clear();
        m_tickers.clear();
        m_books.clear();
        m_recentTrades.clear();
        m_pending = {};
        m_pending.connectionChanged = true;
        m_state = connector ? connector->connectionState() : ConnectionState::Disconnected;
        m_lastUpdateMs = 0;
        m_freshness.clear();
    }
    const bool wasStale = !m_stale.isEmpty();
    m_stale.clear();
    m_allStale = false;
    if (wasStale)
        emit staleMarketsChanged();
    if (!connector)
        return;

    m_connector = connector;
    const int venueLimit = connector->capabilities().maxStreamedMarkets;
    m_streamLimit = venueLimit > 0 ? std::max(1, venueLimit - kStreamHeadroom) : 0;
    m_guard = std::make_shared<StreamGuard>();
    m_guard->hub = this;
    const auto guard = m_guard;
    // Direct connections: the slots run on the connector's thread, take the mutex and store. Nothing is
    // queued to this thread per message; the timer publishes the accumulated changes.
    auto forward = [&](auto signal, auto slot) {
        m_connections << connect(
            connector, signal, connector,
            [guard, slot](const auto& value) {
                QMutexLocker lock(&guard->mutex);
                if (guard->hub)
                    (guard->hub->*slot)(value);
            },
            Qt::DirectConnection);
    };
    forward(&Connector::tickerUpdated, &MarketDataHub::onTicker);
    forward(&Connector::tradeReceived, &MarketDataHub::onTrade);
    forward(&Connector::orderBookUpdated, &MarketDataHub::onBook);
    forward(&Connector::connectionStateChanged, &MarketDataHub::onConnection);
    // Stream errors are rare: queued to this thread, where the UI listens.
    m_connections << connect(connector, &Connector::streamError, this, &MarketDataHub::errorOccurred,
                             Qt::QueuedConnection);

    m_timer.start();
    m_staleTimer.start();
    loadMarkets(m_generation);
}

void MarketDataHub::loadMarkets(quint64 generation) {
    whenFinished(m_connector->fetchMarkets(), this,
                 [this, generation](const Result<QVector<Market>>& result) {
                     if (!isCurrent(generation))
                         return;
                     if (!result) {
                         emit errorOccurred(result.error());
                         return;
                     }
                     QStringList codes;
                     codes.reserve(result.value().size());
                     for (const Market& m : result.value())
                         codes << m.code;
                     {
                         QMutexLocker lock(&m_mutex);
                         m_markets = result.value();
                     }
                     emit marketsLoaded();
                     if (codes.isEmpty())
                         return;
                     restream();
                     loadTickers(generation, codes);
                 });
}

void MarketDataHub::loadTickers(quint64 generation, const QStringList& codes, bool poll) {
    ++m_tickerLoadsInFlight;
    whenFinished(m_connector->fetchTickers(codes), this,
                 [this, generation, poll](const Result<QVector<Ticker>>& result) {
                     if (generation == m_generation)
                         --m_tickerLoadsInFlight;
                     if (!isCurrent(generation))
                         return;
                     if (!result) {
                         if (!poll) // a failed refresh is tried again; the stream's state tells the rest
                             emit errorOccurred(result.error());
                         return;
                     }
                     QMutexLocker lock(&m_mutex);
                     for (const Ticker& t : result.value()) {
                         // The stream was subscribed before this answer arrived; never replace a newer
                         // streamed ticker.
                         const auto it = m_tickers.constFind(t.market);
                         if (it != m_tickers.cend() && it->timestampMs > t.timestampMs)
                             continue;
                         m_tickers.insert(t.market, t);
                         m_pending.tickers.insert(t.market);
                     }
                 });
}

QString MarketDataHub::venueId() const {
    return m_connector ? m_connector->venueId() : QString();
}

bool MarketDataHub::isSimulated() const {
    return m_connector && m_connector->isSimulated();
}

void MarketDataHub::setCoalesceIntervalMs(int ms) {
    m_timer.setInterval(std::max(1, ms));
}

int MarketDataHub::coalesceIntervalMs() const {
    return m_timer.interval();
}

QVector<Market> MarketDataHub::markets() const {
    QMutexLocker lock(&m_mutex);
    return m_markets;
}

void MarketDataHub::addMarket(const QString& code) {
    if (!m_connector || code.isEmpty() || market(code))
        return;
    const quint64 generation = m_generation;
    whenFinished(m_connector->fetchMarketRules(code), this,
                 [this, generation, code](const Result<Market>& result) {
                     if (!isCurrent(generation))
                         return;
                     if (!result) {
                         emit marketAddFailed(code, result.error());
                         return;
                     }
                     const QString added = result.value().code;
                     {
                         QMutexLocker lock(&m_mutex);
                         for (const Market& m : std::as_const(m_markets))
                             if (m.code == added)
                                 return;
                         m_markets.append(result.value());
                     }
                     emit marketsLoaded();
                     // Asked for by the user: it streams even on a limited venue, ahead of the rest.
                     if (m_streamLimit > 0 && !m_wanted.contains(added))
                         m_wanted.prepend(added);
                     restream();
                     loadTickers(generation, {added});
                 });
}

void MarketDataHub::setWantedMarkets(const QStringList& codes) {
    if (codes == m_wanted)
        return;
    m_wanted = codes;
    if (m_connector && m_streamLimit > 0)
        restream();
}

void MarketDataHub::setPollIntervalMs(int ms) {
    m_pollTimer.setInterval(std::max(1, ms));
}

void MarketDataHub::restream() {
    if (!m_connector)
        return;
    QStringList listed;
    {
        QMutexLocker lock(&m_mutex);
        listed.reserve(m_markets.size());
        for (const Market& m : std::as_const(m_markets))
            listed << m.code;
    }
    const QStringList next = chooseStreamedMarkets(listed, m_wanted, m_streamLimit);
    QStringList added;
    QStringList removed;
    for (const QString& code : next)
        if (!m_streamed.contains(code))
            added << code;
    for (const QString& code : std::as_const(m_streamed))
        if (!next.contains(code))
            removed << code;
    const bool reordered = next != m_streamed;
    m_streamed = next;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_clock->nowMs();
        for (const QString& code : std::as_const(removed)) {
            m_freshness.unsubscribed(code);
            m_books.remove(code); // it would no longer follow the venue's book
        }
        for (const QString& code : std::as_const(added))
            m_freshness.subscribed(code, kHubChannels, now);
    }
    // Release first: on a limited venue the freed slots are what the new streams take.
    if (!removed.isEmpty())
        m_connector->unsubscribeMarketData(removed, kHubChannels);
    if (!added.isEmpty())
        m_connector->subscribeMarketData(added, kHubChannels);
    const bool unstreamedLeft = m_streamed.size() < listed.size();
    if (unstreamedLeft && !m_pollTimer.isActive())
        m_pollTimer.start();
    else if (!unstreamedLeft)
        m_pollTimer.stop();
    if (!removed.isEmpty())
        checkStaleness();
    if (reordered)
        emit streamedMarketsChanged();
}

void MarketDataHub::pollUnstreamed() {
    if (!m_connector)
        return;
    QStringList unstreamed;
    {
        QMutexLocker lock(&m_mutex);
        for (const Market& m : std::as_const(m_markets))
            if (!m_streamed.contains(m.code))
                unstreamed << m.code;
    }
    // One at a time, and not before the first prices are in: on a venue that prices a market per request
    // (KIS) refreshes must never pile up in its rate limiter ahead of the user's requests.
    if (!unstreamed.isEmpty() && m_tickerLoadsInFlight == 0)
        loadTickers(m_generation, unstreamed, true);
}

std::optional<Market> MarketDataHub::market(const QString& code) const {
    QMutexLocker lock(&m_mutex);
    for (const Market& m : m_markets) {
        if (m.code == code)
            return m;
    }
    return std::nullopt;
}

std::optional<Ticker> MarketDataHub::ticker(const QString& market) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_tickers.constFind(market);
    if (it == m_tickers.cend())
        return std::nullopt;
    return *it;
}

QHash<QString, Ticker> MarketDataHub::tickers() const {
    QMutexLocker lock(&m_mutex);
    return m_tickers;
}

std::optional<OrderBook> MarketDataHub::orderBook(const QString& market) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_books.constFind(market);
    if (it == m_books.cend())
        return std::nullopt;
    return *it;
}

QVector<Trade> MarketDataHub::recentTrades(const QString& market, int max) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_recentTrades.constFind(market);
    if (it == m_recentTrades.cend() || max <= 0)
        return {};
    const qsizetype n = std::min<qsizetype>({it->size(), qsizetype(max), qsizetype(kMaxRecentTrades)});
    QVector<Trade> newestFirst;
    newestFirst.reserve(n);
    for (qsizetype i = it->size() - 1; i >= it->size() - n; --i)
        newestFirst.append(it->at(i));
    return newestFirst;
}

ConnectionState MarketDataHub::connectionState() const {
    QMutexLocker lock(&m_mutex);
    return m_state;
}

qint64 MarketDataHub::lastUpdateMs() const {
    QMutexLocker lock(&m_mutex);
    return m_lastUpdateMs;
}

std::optional<Decimal> MarketDataHub::lastPrice(const QString& market) const {
    QMutexLocker lock(&m_mutex);
    const auto t = m_tickers.constFind(market);
    if (t != m_tickers.cend() && !t->last.isZero())
        return t->last;
    const auto trades = m_recentTrades.constFind(market);
    if (trades != m_recentTrades.cend() && !trades->isEmpty())
        return trades->last().price;
    return std::nullopt;
}

void MarketDataHub::onTicker(const Ticker& t) {
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    m_freshness.received(t.market, TickerChannel, now);
    m_tickers.insert(t.market, t);
    m_pending.tickers.insert(t.market);
    m_lastUpdateMs = now;
}

void MarketDataHub::onTrade(const Trade& t) {
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    m_freshness.received(t.market, TradeChannel, now);
    appendBounded(m_recentTrades[t.market], t, kMaxRecentTrades);
    // Also bounded: if this thread stalls, the pending batch must not grow without limit.
    appendBounded(m_pending.trades[t.market], t, kMaxRecentTrades);
    m_lastUpdateMs = now;
}

void MarketDataHub::onBook(const OrderBook& b) {
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    m_freshness.received(b.market(), OrderBookChannel, now);
    m_books.insert(b.market(), b); // implicitly shared levels: a reference count, not a deep copy
    m_pending.books.insert(b.market());
    m_lastUpdateMs = now;
}

void MarketDataHub::onConnection(ConnectionState s) {
    QMutexLocker lock(&m_mutex);
    if (m_state == s)
        return;
    m_state = s;
    m_pending.connectionChanged = true;
}

void MarketDataHub::setStalenessPolicy(const StalenessPolicy& policy) {
    {
        QMutexLocker lock(&m_mutex);
        m_freshness.setPolicy(policy);
    }
    checkStaleness();
}

StalenessPolicy MarketDataHub::stalenessPolicy() const {
    QMutexLocker lock(&m_mutex);
    return m_freshness.policy();
}

void MarketDataHub::setStaleCheckIntervalMs(int ms) {
    m_staleTimer.setInterval(std::max(1, ms));
}

qint64 MarketDataHub::lastMessageMs(const QString& market, StreamChannel channel) const {
    QMutexLocker lock(&m_mutex);
    return m_freshness.lastMessageMs(market, channel);
}

qint64 MarketDataHub::lastMessageMs(const QString& market) const {
    QMutexLocker lock(&m_mutex);
    return m_freshness.lastMessageMs(market);
}

bool MarketDataHub::isStale(const QString& market) const {
    return m_stale.contains(market);
}

QSet<QString> MarketDataHub::staleMarkets() const {
    return m_stale;
}

bool MarketDataHub::isStreamStale() const {
    return m_allStale;
}

void MarketDataHub::checkStaleness() {
    QSet<QString> stale;
    bool allStale = false;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_clock->nowMs();
        stale = m_freshness.staleMarkets(now);
        // A closed market (a KRX stock outside its session) is quiet, not stale.
        for (const Market& m : std::as_const(m_markets))
            if (!stale.isEmpty() && !m.rules.isOpenAt(now))
                stale.remove(m.code);
        allStale = !stale.isEmpty() && stale.size() == m_freshness.watchedMarketCount();
    }
    if (stale == m_stale && allStale == m_allStale)
        return;
    m_stale = std::move(stale);
    m_allStale = allStale;
    emit staleMarketsChanged();
}

void MarketDataHub::flush() {
    MarketDataChanges changes;
    {
        QMutexLocker lock(&m_mutex);
        std::swap(changes, m_pending);
    }
    if (!changes.isEmpty()) {
        // Bounded pending trades may hold a few more than the bound; hand over only the newest ones.
        for (auto& trades : changes.trades) {
            if (trades.size() > kMaxRecentTrades)
                trades.remove(0, trades.size() - kMaxRecentTrades);
        }
        emit updated(changes);
    }
}

} // namespace hoga
