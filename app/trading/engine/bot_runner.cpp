#include "bot_runner.h"

#include <QCoreApplication>
#include <QTimer>

namespace hoga {

namespace {
constexpr qint64 kDayMs = 86'400'000;
}

BotRunner::BotRunner(TradingEngine& engine, BotRecord record, std::unique_ptr<Strategy> strategy,
                     Market market, RiskLimits limits, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_record(std::move(record))
    , m_strategy(std::move(strategy))
    , m_market(std::move(market))
    , m_limits(limits)
    , m_needs(m_strategy->needs()) {
    if (m_needs.candles)
        m_candles = std::make_unique<ClosedCandles>(*m_needs.candles);
}

BotRunner::~BotRunner() {
    if (m_running)
        stop();
}

qint64 BotRunner::nowMs() const {
    return m_engine.clock().nowMs();
}

void BotRunner::rebuildPosition() {
    // From the journal's fills, each counted once, so a crash between a fill and a state save loses nothing.
    Position p;
    p.currency = m_market.base;
    p.costCurrency = m_market.quote;
    for (const Fill& f : m_engine.journal()->botFills(m_record.id)) {
        if (f.side == Side::Buy)
            p.applyBuy(f.qty, f.price, f.fee);
        else
            p.applySell(f.qty, f.price, f.fee);
    }
    m_record.position = p;
}

void BotRunner::start() {
    if (m_running)
        return;
    m_engine.setMarket(m_record.venue, m_market);
    m_engine.setBotLimits(m_record.id, m_limits);
    rebuildPosition();
    if (!m_record.strategyState.isEmpty())
        m_strategy->restoreState(m_record.strategyState);
    m_connections << connect(&m_engine, &TradingEngine::orderChanged, this, &BotRunner::onOrderChanged);
    m_connections << connect(&m_engine, &TradingEngine::fillApplied, this, &BotRunner::onFill);
    m_running = true;
    if (m_record.status != BotRecord::Status::Halted)
        m_record.status = BotRecord::Status::Running;
    save();
    if (!isHalted())
        m_strategy->onStart(*this);
}

void BotRunner::stop() {
    if (!m_running)
        return;
    if (!isHalted())
        m_strategy->onStop(*this);
    m_running = false;
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    if (m_live && m_liveChannels)
        m_live->unsubscribeMarketData({m_record.market}, m_liveChannels);
    m_liveChannels = 0;
    if (m_liveTicker)
        m_liveTicker->stop();
    if (!isHalted())
        m_record.status = BotRecord::Status::Stopped;
    save();
}

void BotRunner::attachLive(Connector* connector) {
    m_live = connector;
    unsigned channels = 0;
    if (m_needs.tickers)
        channels |= TickerChannel;
    if (m_needs.trades || m_needs.candles)
        channels |= TradeChannel;
    if (m_needs.books)
        channels |= OrderBookChannel;
    channels |= TickerChannel; // the last price the risk checks need
    const QString marketCode = m_record.market;
    m_connections << connect(connector, &Connector::tickerUpdated, this, [this, marketCode](const Ticker& t) {
        if (t.market != marketCode)
            return;
        MarketEvent e;
        e.kind = MarketEvent::Kind::Ticker;
        e.ticker = t;
        feed(e);
    });
    m_connections << connect(connector, &Connector::tradeReceived, this, [this, marketCode](const Trade& t) {
        if (t.market != marketCode)
            return;
        MarketEvent e;
        e.kind = MarketEvent::Kind::Trade;
        e.trade = t;
        feed(e);
    });
    if (m_needs.books) {
        m_connections << connect(connector, &Connector::orderBookUpdated, this,
                                 [this, marketCode](const OrderBook& b) {
                                     if (b.market() != marketCode)
                                         return;
                                     MarketEvent e;
                                     e.kind = MarketEvent::Kind::Book;
                                     e.book = b;
                                     feed(e);
                                 });
    }
    connector->subscribeMarketData({marketCode}, channels);
    m_liveChannels = channels;
    // Timers and candle closes are due even when the market is quiet: the engine loop ticks on its own.
    if (!m_liveTicker) {
        m_liveTicker = new QTimer(this);
        m_liveTicker->setInterval(kLiveTickMs);
        connect(m_liveTicker, &QTimer::timeout, this, &BotRunner::tick);
    }
    m_liveTicker->start();
}

void BotRunner::feed(const MarketEvent& incoming) {
    if (!m_running)
        return;
    MarketEvent event = incoming;
    event.venue = m_record.venue;
    event.market = m_record.market;
    event.timeMs = nowMs();
    tick();
    switch (event.kind) {
    case MarketEvent::Kind::Ticker:
        if (event.ticker)
            m_engine.setLastPrice(m_record.venue, m_record.market, event.ticker->last);
        if (m_needs.tickers)
            deliverNow(event);
        break;
    case MarketEvent::Kind::Trade:
        if (event.trade)
            m_engine.setLastPrice(m_record.venue, m_record.market, event.trade->price);
        if (m_needs.trades)
            deliverNow(event);
        if (m_candles && event.trade) {
            if (auto closed = m_candles->addTrade(*event.trade)) {
                MarketEvent c = event;
                c.kind = MarketEvent::Kind::CandleClosed;
                c.candle = closed;
                c.interval = *m_needs.candles;
                deliverNow(c);
            }
        }
        break;
    case MarketEvent::Kind::CandleClosed:
        if (event.candle)
            m_engine.setLastPrice(m_record.venue, m_record.market, event.candle->close);
        if (m_candles && event.candle) {
            for (const Candle& closed : m_candles->addCandle(*event.candle, event.interval)) {
                MarketEvent c = event;
                c.candle = closed;
                c.interval = *m_needs.candles;
                deliverNow(c);
            }
        }
        break;
    case MarketEvent::Kind::Book:
        if (m_needs.books)
            deliverNow(event);
        break;
    default:
        deliverNow(event);
        break;
    }
    m_record.lastEventMs = event.timeMs;
    checkDailyLoss();
}

void BotRunner::tick() {
    if (!m_running)
        return;
    const qint64 now = nowMs();
    if (m_candles) {
        if (auto closed = m_candles->closeDue(now)) {
            MarketEvent c;
            c.kind = MarketEvent::Kind::CandleClosed;
            c.timeMs = now;
            c.venue = m_record.venue;
            c.market = m_record.market;
            c.candle = closed;
            c.interval = *m_needs.candles;
            deliverNow(c);
        }
    }
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        // Bounded: a long gap fires each timer once, then it resumes from now.
        if (now >= it->nextMs) {
            it->nextMs = now + it->intervalMs;
            MarketEvent t;
            t.kind = MarketEvent::Kind::Timer;
            t.timeMs = now;
            t.timerId = it.key();
            deliverNow(t);
        }
    }
}

void BotRunner::deliverNow(const MarketEvent& event) {
    if (!m_running || isHalted())
        return;
    deliver(*m_strategy, *this, event);
}

void BotRunner::onOrderChanged(const ManagedOrder& order) {
    if (order.bot != m_record.id)
        return;
    MarketEvent e;
    e.kind = MarketEvent::Kind::OrderUpdate;
    e.timeMs = nowMs();
    e.order = order.order;
    deliverNow(e);
}

void BotRunner::onFill(const Fill& fill, const QString& bot) {
    if (bot != m_record.id)
        return;
    if (fill.side == Side::Buy)
        m_record.position.applyBuy(fill.qty, fill.price, fill.fee);
    else
        m_record.position.applySell(fill.qty, fill.price, fill.fee);
    MarketEvent e;
    e.kind = MarketEvent::Kind::Fill;
    e.timeMs = nowMs();
    e.fill = fill;
    deliverNow(e);
    save();
    checkDailyLoss();
}

void BotRunner::checkDailyLoss() {
    if (!m_limits.dailyLossLimit || isHalted())
        return;
    const qint64 day = nowMs() / kDayMs;
    if (day != m_dayStartMs) {
        m_dayStartMs = day;
        m_realisedAtDayStart = m_record.position.realizedPnl;
    }
    const Decimal realised = m_record.position.realizedPnl - m_realisedAtDayStart;
    const auto last = lastPrice();
    const Decimal unrealised = last ? m_record.position.unrealizedPnl(*last) : Decimal();
    if (RiskChecker::breachesDailyLoss(m_limits, realised, unrealised))
        halt(RiskChecker::dailyLossReason(m_limits, realised + unrealised));
}

void BotRunner::halt(const QString& reason) {
    m_record.status = BotRecord::Status::Halted;
    m_record.haltReason = reason;
    m_engine.cancelBotOrders(m_record.id);
    save();
    emit halted(m_record.id, reason);
}

void BotRunner::save() {
    m_record.strategyState = m_strategy->saveState();
    m_engine.journal()->saveBot(m_record, nowMs());
}

Result<QString> BotRunner::placeOrder(const OrderIntent& intent) {
    if (isHalted() || !m_running) {
        VenueError e{
            ErrorKind::InvalidOrder,
            {},
            {},
            QCoreApplication::translate("hoga::BotRunner", "The bot is halted: %1").arg(m_record.haltReason),
            0};
        return e;
    }
    OrderRequest r;
    r.market = m_record.market;
    r.side = intent.side;
    r.type = intent.type;
    r.price = intent.price;
    r.qty = intent.qty;
    r.total = intent.total;
    r.timeInForce = intent.timeInForce;
    return m_engine.placeOrder(m_record.venue, r, m_record.id, intent.tag);
}

void BotRunner::cancelOrder(const QString& clientId) {
    const ManagedOrder* m = m_engine.orders()->find(clientId);
    if (m && m->bot == m_record.id) // a bot only ever touches its own orders
        m_engine.cancelOrder(clientId);
}

void BotRunner::cancelAllOrders() {
    m_engine.cancelBotOrders(m_record.id);
}

Balance BotRunner::balance(const QString& currency) const {
    // The whole account's balance: bots of one account share it (their own share is their position).
    if (std::optional<Balance> known = m_engine.balance(m_record.venue, currency))
        return *known;
    Balance b;
    b.venue = m_record.venue;
    b.currency = currency;
    return b;
}

QVector<Order> BotRunner::openOrders() const {
    QVector<Order> out;
    for (const ManagedOrder& m : m_engine.orders()->active(m_record.id))
        out.append(m.order);
    return out;
}

std::optional<Decimal> BotRunner::lastPrice() const {
    return m_engine.lastPrice(m_record.venue, m_record.market);
}

void BotRunner::startTimer(int id, qint64 intervalMs) {
    if (intervalMs > 0)
        m_timers.insert(id, Timer{intervalMs, nowMs() + intervalMs});
}

void BotRunner::stopTimer(int id) {
    m_timers.remove(id);
}

void BotRunner::log(const QString& message) {
    emit logged(m_record.id, message);
}

void BotRunner::setIndicator(const QString& name, double value) {
    m_indicators.insert(name, value);
}

} // namespace hoga
