#pragma once

#include "core/clock.h"
#include "stream_freshness.h"
#include "venues/connector.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace hoga {

// What changed since the previous `updated` emission.
struct MarketDataChanges {
    QSet<QString> tickers;                 // markets whose ticker changed
    QSet<QString> books;                   // markets whose order book changed
    QHash<QString, QVector<Trade>> trades; // new trades per market, oldest first
    bool connectionChanged = false;
    bool isEmpty() const {
        return tickers.isEmpty() && books.isEmpty() && trades.isEmpty() && !connectionChanged;
    }
};

// Latest market state of one venue. Written from the connector's thread (direct connections, under a
// mutex, so a flood of stream messages never queues up events on the GUI thread) and read anywhere.
// Lives on the thread that created it (the GUI thread), where a timer emits `updated` at most once per
// coalescing interval with everything that changed since the previous emission.
//
// It also watches the streams' freshness: every message is stamped (per market and channel) with the
// injected clock, and a second timer re-evaluates which subscribed markets have gone silent for longer than
// the staleness policy allows, announcing changes through `staleMarketsChanged`.
class MarketDataHub : public QObject {
    Q_OBJECT
public:
    explicit MarketDataHub(QObject* parent = nullptr, const Clock* clock = &SystemClock::instance());
    ~MarketDataHub() override;

    // Follows the connector's stream signals, fetches its markets and initial tickers and subscribes
    // ticker, trade and order book streams for every market (for as many as the venue streams at once
    // when it has a limit: see setWantedMarkets).
    void attach(Connector* connector);
    Connector* connector() const { return m_connector; }
    QString venueId() const;
    bool isSimulated() const;

    void setCoalesceIntervalMs(int ms); // default 150 ms (views repaint at most every 100-250 ms)
    int coalesceIntervalMs() const;

    QVector<Market> markets() const;
    std::optional<Market> market(const QString& code) const;
    // A market the venue does not list but knows (KIS: any 6-digit stock code): asks the venue for its
    // rules and, when it answers, keeps, subscribes and loads it like a listed one (marketsLoaded again);
    // else marketAddFailed. A market already kept is left as it is.
    void addMarket(const QString& code);
    // --- venues that stream only a few markets at once (VenueCapabilities::maxStreamedMarkets) ---
    // The markets the user needs live, most important first (selected, open orders, bots, watchlist): they
    // stream first, free slots go to the listed markets in order, and the streams move as this changes.
    // The prices of the markets left out are refreshed by REST every pollIntervalMs. No limit: no effect.
    void setWantedMarkets(const QStringList& codes);
    QStringList streamedMarkets() const { return m_streamed; } // the hub's thread
    bool isStreamed(const QString& code) const { return m_streamed.contains(code); }
    int streamLimit() const { return m_streamLimit; } // markets this hub streams at most; 0: all
    void setPollIntervalMs(int ms);                   // default 15 s
    std::optional<Ticker> ticker(const QString& market) const;
    QHash<QString, Ticker> tickers() const;
    std::optional<OrderBook> orderBook(const QString& market) const;
    QVector<Trade> recentTrades(const QString& market, int max = 100) const; // newest first
    ConnectionState connectionState() const;
    qint64 lastUpdateMs() const; // wall-clock ms of the last stream message, 0 if none yet
    // Last price of `market`, from the ticker or the last trade.
    std::optional<Decimal> lastPrice(const QString& market) const;

    // --- stream freshness ---
    const Clock* clock() const { return m_clock; }
    void setStalenessPolicy(const StalenessPolicy& policy); // default: StalenessPolicy{} (10 s)
    StalenessPolicy stalenessPolicy() const;
    void setStaleCheckIntervalMs(int ms); // how often staleness is re-evaluated, default 1000 ms
    // Wall-clock ms of the last stream message of `market` on `channel` / on any channel; 0 if none yet.
    qint64 lastMessageMs(const QString& market, StreamChannel channel) const;
    qint64 lastMessageMs(const QString& market) const;
    // Stale as of the last evaluation (the check timer or checkStaleness()). These four: the hub's thread.
    bool isStale(const QString& market) const;
    QSet<QString> staleMarkets() const;
    // True when every subscribed market is stale: the venue's stream as a whole has gone quiet.
    bool isStreamStale() const;
    // Re-evaluates staleness at the clock's current time; emits staleMarketsChanged if the set changed.
    void checkStaleness();

signals:
    void marketsLoaded();
    void marketAddFailed(const QString& code, const hoga::VenueError& error);
    void updated(const hoga::MarketDataChanges& changes);
    void errorOccurred(const hoga::VenueError& error);
    void staleMarketsChanged();
    void streamedMarketsChanged();

private:
    void onTicker(const Ticker& t);       // connector thread
    void onTrade(const Trade& t);         // connector thread
    void onBook(const OrderBook& b);      // connector thread
    void onConnection(ConnectionState s); // connector thread
    void flush();                         // own thread, on the timer
    void detach();
    void loadMarkets(quint64 generation);
    // `poll`: a periodic refresh of unstreamed markets (its failures are not reported).
    void loadTickers(quint64 generation, const QStringList& codes, bool poll = false);
    // Moves the streams to chooseStreamedMarkets(listed, wanted, limit); starts or stops the price poll.
    void restream();
    void pollUnstreamed();
    bool isCurrent(quint64 generation) const { return generation == m_generation && m_connector; }

    // Shared with the direct-connected stream slots, which run on the connector's thread: the destructor
    // clears `hub` under `mutex`, so no slot can still be inside the hub once it is gone.
    struct StreamGuard {
        QMutex mutex;
        MarketDataHub* hub = nullptr;
    };

    static constexpr int kMaxRecentTrades = 200;
    // Slots of a limited venue the hub leaves free for streams others open on the same connector (a bot
    // or the recorder on a market the window does not show).
    static constexpr int kStreamHeadroom = 2;

    QPointer<Connector> m_connector; // the connector may be destroyed before the hub
    std::shared_ptr<StreamGuard> m_guard;
    QList<QMetaObject::Connection> m_connections;
    quint64 m_generation = 0; // bumped on every attach, so answers for an earlier connector are dropped
    const Clock* m_clock;
    QTimer m_timer;
    QTimer m_staleTimer;
    QTimer m_pollTimer;
    int m_streamLimit = 0;
    int m_tickerLoadsInFlight = 0;
    QStringList m_wanted;
    QStringList m_streamed; // subscribed by this hub, in priority order
    mutable QMutex m_mutex;
    QVector<Market> m_markets;
    QHash<QString, Ticker> m_tickers;
    QHash<QString, OrderBook> m_books;
    QHash<QString, QVector<Trade>> m_recentTrades; // newest last, bounded
    MarketDataChanges m_pending;
    ConnectionState m_state = ConnectionState::Disconnected;
    qint64 m_lastUpdateMs = 0;
    StreamFreshness m_freshness;
    QSet<QString> m_stale;   // as of the last checkStaleness()
    bool m_allStale = false; // every watched market stale
};

} // namespace hoga

Q_DECLARE_METATYPE(hoga::MarketDataChanges)
