#include "profile_engine.h"

#include "profile_engine_bots.h"
#include "venue_session.h"

#include "marketdata/market_data_hub.h"
#include "marketdata/when_finished.h"
#include "trading/trading_session.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace hoga {

namespace {

constexpr int kMaxLogLines = 500;
constexpr int kMaxPnlPoints = 5000;

QString orderDescription(const OrderRequest& request) {
    return request.side == Side::Buy
               ? QCoreApplication::translate("hoga::ProfileEngine", "buy %1").arg(request.market)
               : QCoreApplication::translate("hoga::ProfileEngine", "sell %1").arg(request.market);
}

VenueError refusal(const QString& message) {
    return VenueError{ErrorKind::InvalidOrder, {}, {}, message, 0};
}

bool isLive(JournalState state) {
    return state == JournalState::Submitted || state == JournalState::Open ||
           state == JournalState::PartiallyFilled || state == JournalState::CancelPending;
}

} // namespace

ProfileEngine::ProfileEngine(ProfileEngineOptions options, QList<VenueSession*> sessions, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_sessions(std::move(sessions)) {
    qRegisterMetaType<hoga::BotSnapshot>();
    qRegisterMetaType<hoga::ManagedOrder>();
    qRegisterMetaType<hoga::EmergencyStopReport>();
}

ProfileEngine::~ProfileEngine() {
    for (VenueSession* session : std::as_const(m_sessions))
        if (session->trading()) {
            session->trading()->setOrderRouter({});
            session->trading()->setCancelRouter({});
        }
    if (m_bots) {
        EngineBots* bots = m_bots;
        m_bots = nullptr;
        // Runners stop on their thread before the engine goes; the journal keeps which ones ran.
        QMetaObject::invokeMethod(
            bots,
            [bots] {
                bots->shutdown();
                delete bots;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.reset();
}

TradingEngine* ProfileEngine::engine() const {
    return m_thread ? m_thread->engine() : nullptr;
}

template <class F> void ProfileEngine::onEngine(F&& f) const {
    TradingEngine* e = engine();
    if (!e)
        return;
    QMetaObject::invokeMethod(
        e, [e, f = std::forward<F>(f)]() mutable { f(e); }, Qt::QueuedConnection);
}

template <class F> void ProfileEngine::onBots(F&& f) const {
    EngineBots* bots = m_bots;
    if (!bots)
        return;
    QMetaObject::invokeMethod(
        bots, [bots, f = std::forward<F>(f)]() mutable { f(bots); }, Qt::QueuedConnection);
}

bool ProfileEngine::open() {
    if (m_bots)
        return true;
    m_thread = std::make_unique<EngineThread>(m_options.databasePath, *m_options.clock);
    TradingEngine* e = m_thread->engine();
    if (!m_thread->open()) {
        QMetaObject::invokeMethod(
            e, [this, e] { m_lastError = e->lastError(); }, Qt::BlockingQueuedConnection);
        m_thread.reset();
        return false;
    }
    connect(e, &TradingEngine::orderChanged, this, &ProfileEngine::onEngineOrder);
    connect(e, &TradingEngine::orderError, this, &ProfileEngine::onEngineOrderError);
    connect(e, &TradingEngine::cancelAnswered, this, &ProfileEngine::onCancelAnswered);
    connect(e, &TradingEngine::cancelRefused, this, &ProfileEngine::onCancelRefused);
    connect(e, &TradingEngine::fillApplied, this, &ProfileEngine::fillApplied);
    connect(e, &TradingEngine::riskRefused, this, &ProfileEngine::riskRefused);
    connect(e, &TradingEngine::emergencyStopFinished, this, &ProfileEngine::emergencyStopFinished);
    connect(e, &TradingEngine::reconciled, this, [this](const QString& venue) {
        m_reconciled.insert(venue);
        emit reconciledChanged(venue, true);
    });
    connect(e, &TradingEngine::reconcileFailed, this, [this](const QString& venue) {
        m_reconciled.remove(venue);
        emit reconciledChanged(venue, false);
    });
    connect(e, &TradingEngine::haltedChanged, this, [this](bool halted, const QString& reason) {
        m_halted = halted;
        m_haltReason = reason;
        emit haltedChanged(halted, reason);
    });

    auto* bots = new EngineBots(*e, m_options.databasePath, m_options.tickIntervalMs);
    bots->moveToThread(m_thread->thread());
    bool opened = false;
    QVector<BotSnapshot> initial;
    QMetaObject::invokeMethod(
        bots,
        [&] {
            // The account's limits hold before any bot starts or the ticket sends an order.
            const QString limits = e->journal()->accountLimits();
            if (!limits.isEmpty())
                m_accountLimits = riskLimitsFromJson(QJsonDocument::fromJson(limits.toUtf8()).object());
            e->setAccountLimits(m_accountLimits);
            opened = bots->open();
            initial = bots->snapshots();
            m_halted = e->isHalted();
            m_haltReason = e->journal()->haltReason();
            for (const ManagedOrder& m : e->orders()->active())
                m_openOrders.insert(m.order.clientId, m);
            // A deleted bot's orders and fills stay in the journal under its name; a new bot of that name
            // would take them over (its position is rebuilt from them).
            for (const JournalOrder& o : e->journal()->orders())
                if (!o.bot.isEmpty())
                    m_usedIds.insert(o.bot);
        },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        m_lastError = tr("The bots of this profile could not be loaded.");
        QMetaObject::invokeMethod(
            bots, [bots] { delete bots; }, Qt::BlockingQueuedConnection);
        m_thread.reset();
        return false;
    }
    m_bots = bots;
    connect(bots, &EngineBots::snapshotChanged, this, &ProfileEngine::onSnapshot);
    connect(bots, &EngineBots::removed, this, &ProfileEngine::onBotRemoved);
    connect(bots, &EngineBots::logged, this, &ProfileEngine::onLogged);
    for (const BotSnapshot& s : std::as_const(initial))
        m_snapshots.insert(s.record.id, s);

    for (VenueSession* session : std::as_const(m_sessions)) {
        feedSession(session);
        routeManualOrders(session);
    }
    const bool restart = m_options.restartRunningBots;
    onBots([restart](EngineBots* b) { b->restoreRunning(restart); });
    return true;
}

void ProfileEngine::feedSession(VenueSession* session) {
    Connector* connector = session->connector();
    if (!connector)
        return;
    const QString venue = connector->venueId();
    onEngine([connector](TradingEngine* e) { e->addConnector(connector); });
    onBots([connector](EngineBots* b) { b->addConnector(connector); });

    // The rules the risk and rule checks use, as the hub learns them.
    MarketDataHub* hub = session->hub();
    auto pushMarkets = [this, hub, venue] {
        const QVector<Market> markets = hub->markets();
        onEngine([markets, venue](TradingEngine* e) {
            for (const Market& m : markets)
                if (!e->market(venue, m.code))
                    e->setMarket(venue, m);
        });
    };
    connect(hub, &MarketDataHub::marketsLoaded, this, pushMarkets);
    if (!hub->markets().isEmpty())
        pushMarkets();

    // The account's balances (cash reserve, position checks).
    TradingSession* trading = session->trading();
    if (trading && session->hasCredentials()) {
        auto pushBalances = [this, trading, venue] {
            const QVector<Balance> balances = trading->balances();
            onEngine([balances, venue](TradingEngine* e) { e->setBalances(venue, balances); });
        };
        connect(trading, &TradingSession::balancesChanged, this, pushBalances);
        pushBalances();
    }
}

void ProfileEngine::routeManualOrders(VenueSession* session) {
    TradingSession* trading = session->trading();
    if (!trading || !session->hasCredentials())
        return;
    trading->setOrderRouter([this, session](const OrderRequest& request) {
        const QString clientId = request.clientId;
        m_manual.insert(clientId, ManualOrder{session, orderDescription(request)});
        Connector* connector = session->connector();
        if (!connector) {
            onEngineOrderError(clientId, tr("The venue connection is closed."));
            return;
        }
        const QString venue = connector->venueId();
        // Fresh rules first, as for every order (the ticket's market may have changed its tick size).
        whenFinished(connector->fetchMarketRules(request.market), this,
                     [this, venue, request, clientId](const Result<Market>& rules) {
                         if (!rules.ok()) {
                             onEngineOrderError(clientId, rules.error().userMessage());
                             return;
                         }
                         const Market market = rules.value();
                         onEngine([this, venue, market, request, clientId](TradingEngine* e) {
                             e->setMarket(venue, market);
                             const Result<QString> placed =
                                 e->placeOrder(venue, request, {}, QStringLiteral("manual"));
                             if (placed.ok())
                                 return;
                             const QString message = placed.error().userMessage();
                             QMetaObject::invokeMethod(
                                 this, [this, clientId, message] { onEngineOrderError(clientId, message); },
                                 Qt::QueuedConnection);
                         });
                     });
    });
    // Cancels from the window go through the engine too, which journals the request; an order the engine
    // does not follow (placed outside Hoga) is the venue's to answer for.
    trading->setCancelRouter([this, session, trading](const QString& orderId) {
        Connector* connector = session->connector();
        const QString venue = connector ? connector->venueId() : QString();
        for (auto it = m_openOrders.cbegin(); it != m_openOrders.cend(); ++it) {
            if (it->order.venue != venue || it->order.id != orderId)
                continue;
            const QString clientId = it.key();
            m_cancels.insert(clientId, ManualCancel{session, orderId});
            onEngine([clientId](TradingEngine* e) { e->cancelOrder(clientId); });
            return;
        }
        trading->cancelAtVenue(orderId);
    });
}

void ProfileEngine::onCancelAnswered(const QString& clientId, const Order& answer) {
    const ManualCancel cancel = m_cancels.take(clientId);
    if (!cancel.session || !cancel.session->trading())
        return;
    Order o = answer;
    if (o.id.isEmpty())
        o.id = cancel.orderId;
    cancel.session->trading()->routedCancelAnswered(o);
}

void ProfileEngine::onCancelRefused(const QString& clientId, const VenueError& error) {
    const ManualCancel cancel = m_cancels.take(clientId);
    if (cancel.session && cancel.session->trading())
        cancel.session->trading()->routedCancelFailed(cancel.orderId, error);
}

void ProfileEngine::onEngineOrder(const ManagedOrder& order) {
    const QString clientId = order.order.clientId;
    if (isLive(order.state))
        m_openOrders.insert(clientId, order);
    else
        m_openOrders.remove(clientId);
    const auto manual = m_manual.constFind(clientId);
    if (manual != m_manual.cend() && order.state != JournalState::Pending &&
        order.state != JournalState::Submitted) {
        if (order.state == JournalState::Rejected || order.state == JournalState::NeverSent) {
            onEngineOrderError(clientId, tr("The venue did not take the order."));
        } else {
            VenueSession* session = manual->session;
            m_manual.remove(clientId);
            if (session->trading())
                session->trading()->routedOrderPlaced(order.order);
        }
    }
    emit orderChanged(order);
}

void ProfileEngine::onEngineOrderError(const QString& clientId, const QString& message) {
    if (m_cancels.contains(clientId)) {
        // A cancel the engine could not send (the order finished meanwhile, the venue went away).
        const ManualCancel cancel = m_cancels.take(clientId);
        if (cancel.session && cancel.session->trading())
            cancel.session->trading()->routedCancelFailed(
                cancel.orderId, VenueError{ErrorKind::InvalidOrder, {}, {}, message, 0});
        return;
    }
    const ManualOrder manual = m_manual.take(clientId);
    if (!manual.session || !manual.session->trading())
        return;
    // Names the order, so several orders in flight cannot be confused.
    manual.session->trading()->routedOrderFailed(
        clientId, tr("Order %1 (%2): %3").arg(clientId.left(8), manual.description, message));
}

void ProfileEngine::onSnapshot(const BotSnapshot& snapshot) {
    const QString id = snapshot.record.id;
    const bool added = !m_snapshots.contains(id);
    m_snapshots.insert(id, snapshot);
    QVector<BotPnlPoint>& points = m_pnl[id];
    const qint64 now = m_options.clock->nowMs();
    const Decimal pnl = snapshot.totalPnl();
    if (points.isEmpty() || points.constLast().pnl != pnl || now - points.constLast().timeMs >= 60'000) {
        if (!points.isEmpty() && points.constLast().timeMs >= now)
            points.last().pnl = pnl;
        else
            points.append(BotPnlPoint{now, pnl});
        if (points.size() > kMaxPnlPoints)
            points.remove(0, points.size() - kMaxPnlPoints);
    }
    const qint64 day = now / 86'400'000;
    if (m_dayStart.value(id).timeMs != day)
        m_dayStart.insert(id, BotPnlPoint{day, pnl});
    if (added)
        emit botsChanged();
    emit botChanged(id);
    checkAccountDailyLoss();
}

void ProfileEngine::onBotRemoved(const QString& id) {
    m_usedIds.insert(id);
    m_snapshots.remove(id);
    m_logs.remove(id);
    m_pnl.remove(id);
    m_dayStart.remove(id);
    emit botsChanged();
}

void ProfileEngine::onLogged(const QString& id, qint64 timeMs, const QString& line) {
    QStringList& lines = m_logs[id];
    lines << QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
                 QStringLiteral("  ") + line;
    if (lines.size() > kMaxLogLines)
        lines.remove(0, lines.size() - kMaxLogLines);
    emit botLogged(id, line);
}

std::optional<QString> ProfileEngine::validateBot(const BotSpec& spec, bool creating) const {
    const QString id = spec.id.trimmed();
    if (id.isEmpty())
        return tr("Give the bot a name.");
    if (creating && m_snapshots.contains(id))
        return tr("A bot named “%1” already exists.").arg(id);
    if (creating && m_usedIds.contains(id))
        return tr("A deleted bot named “%1” has orders in the journal; choose another name.").arg(id);
    if (!creating && !m_snapshots.contains(id))
        return tr("There is no bot named “%1”.").arg(id);
    const StrategyTemplate* strategy = findStrategy(spec.strategy);
    if (!strategy)
        return tr("Choose a strategy.");
    VenueSession* session = nullptr;
    for (VenueSession* s : m_sessions)
        if (s->venueId() == spec.venue)
            session = s;
    if (!session)
        return tr("Choose a venue.");
    if (!session->hasCredentials())
        return session->needsKeysMessage();
    if (spec.market.isEmpty())
        return tr("Choose a market.");
    if (!session->hub()->markets().isEmpty() && !session->hub()->market(spec.market))
        return tr("%1 does not list the market %2.").arg(session->displayName(), spec.market);
    const Result<StrategyParams> params = completeParameters(*strategy, spec.params);
    if (!params.ok())
        return params.error().userMessage();
    return std::nullopt;
}

Result<QString> ProfileEngine::createBot(const BotSpec& spec) {
    if (!m_bots)
        return refusal(tr("The trading engine is not open."));
    if (auto reason = validateBot(spec, true))
        return refusal(*reason);
    const StrategyTemplate* strategy = findStrategy(spec.strategy);
    const StrategyParams params = completeParameters(*strategy, spec.params).value();
    BotRecord record;
    record.id = spec.id.trimmed();
    record.strategy = spec.strategy;
    record.venue = spec.venue;
    record.market = spec.market;
    for (auto it = params.begin(); it != params.end(); ++it)
        record.params.insert(it.key(), it.value());
    for (VenueSession* s : std::as_const(m_sessions)) {
        if (s->venueId() != spec.venue)
            continue;
        if (const auto market = s->hub()->market(spec.market)) {
            record.position.currency = market->base;
            record.position.costCurrency = market->quote;
        }
    }
    // Shown at once; the engine thread's snapshot replaces it.
    BotSnapshot provisional;
    provisional.record = record;
    provisional.limits = spec.limits;
    m_snapshots.insert(record.id, provisional);
    const RiskLimits limits = spec.limits;
    onBots([record, limits](EngineBots* b) { b->create(record, limits); });
    emit botsChanged();
    return record.id;
}

Result<QString> ProfileEngine::updateBot(const BotSpec& spec) {
    if (auto reason = validateBot(spec, false))
        return refusal(*reason);
    const StrategyParams params = completeParameters(*findStrategy(spec.strategy), spec.params).value();
    QJsonObject json;
    for (auto it = params.begin(); it != params.end(); ++it)
        json.insert(it.key(), it.value());
    const QString id = spec.id.trimmed();
    const RiskLimits limits = spec.limits;
    onBots([id, json, limits](EngineBots* b) { b->update(id, json, limits); });
    return id;
}

void ProfileEngine::startBot(const QString& id) {
    onBots([id](EngineBots* b) { b->start(id); });
}

void ProfileEngine::pauseBot(const QString& id) {
    onBots([id](EngineBots* b) { b->pause(id); });
}

void ProfileEngine::resumeBot(const QString& id) {
    onBots([id](EngineBots* b) { b->resume(id); });
}

void ProfileEngine::stopBot(const QString& id) {
    onBots([id](EngineBots* b) { b->stop(id); });
}

void ProfileEngine::deleteBot(const QString& id) {
    onBots([id](EngineBots* b) { b->remove(id); });
}

QString ProfileEngine::duplicateBot(const QString& id) {
    const auto original = bot(id);
    if (!original)
        return {};
    const QString copyId = uniqueBotId(tr("%1 copy").arg(id));
    BotSnapshot provisional;
    provisional.record = original->record;
    provisional.record.id = copyId;
    provisional.record.status = BotRecord::Status::Stopped;
    provisional.record.strategyState = {};
    provisional.record.position =
        Position{original->record.position.currency, original->record.position.costCurrency, {}, {}, {}};
    provisional.limits = original->limits;
    m_snapshots.insert(copyId, provisional);
    onBots([id, copyId](EngineBots* b) { b->duplicate(id, copyId); });
    emit botsChanged();
    return copyId;
}

void ProfileEngine::pauseAll() {
    onBots([](EngineBots* b) { b->pauseAll(); });
}

void ProfileEngine::resumeAll() {
    onBots([](EngineBots* b) { b->resumeAll(); });
}

QString ProfileEngine::uniqueBotId(const QString& base) const {
    if (!m_snapshots.contains(base) && !m_usedIds.contains(base))
        return base;
    for (int n = 2; n < 10'000; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!m_snapshots.contains(candidate) && !m_usedIds.contains(candidate))
            return candidate;
    }
    return base + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

QVector<BotSnapshot> ProfileEngine::bots() const {
    QVector<BotSnapshot> list = m_snapshots.values();
    std::sort(list.begin(), list.end(),
              [](const BotSnapshot& a, const BotSnapshot& b) { return a.record.id < b.record.id; });
    return list;
}

std::optional<BotSnapshot> ProfileEngine::bot(const QString& id) const {
    const auto it = m_snapshots.constFind(id);
    if (it == m_snapshots.cend())
        return std::nullopt;
    return *it;
}

int ProfileEngine::runningBots() const {
    int n = 0;
    for (const BotSnapshot& s : m_snapshots)
        if (s.state == BotState::Running || s.state == BotState::Starting)
            ++n;
    return n;
}

QHash<QString, Decimal> ProfileEngine::todayPnl() const {
    QHash<QString, Decimal> byCurrency;
    for (const BotSnapshot& s : m_snapshots) {
        if (s.quoteCurrency().isEmpty())
            continue;
        const auto start = m_dayStart.constFind(s.record.id);
        const Decimal base = start == m_dayStart.cend() ? s.totalPnl() : start->pnl;
        byCurrency[s.quoteCurrency()] += s.totalPnl() - base;
    }
    return byCurrency;
}

QStringList ProfileEngine::botLog(const QString& id) const {
    return m_logs.value(id);
}

QVector<BotPnlPoint> ProfileEngine::pnlHistory(const QString& id) const {
    // The journal's fills give the history before this session; live samples follow.
    QVector<BotPnlPoint> points;
    const auto snapshot = bot(id);
    if (snapshot) {
        Position p;
        for (const Fill& f : botFills(id)) {
            if (f.side == Side::Buy)
                p.applyBuy(f.qty, f.price, f.fee);
            else
                p.applySell(f.qty, f.price, f.fee);
            points.append(BotPnlPoint{f.timestampMs, p.realizedPnl + p.unrealizedPnl(f.price)});
        }
    }
    const qint64 lastFill = points.isEmpty() ? 0 : points.constLast().timeMs;
    for (const BotPnlPoint& live : m_pnl.value(id))
        if (live.timeMs > lastFill)
            points.append(live);
    return points;
}

QVector<JournalOrder> ProfileEngine::botOrders(const QString& id) const {
    QVector<JournalOrder> out;
    TradingEngine* e = engine();
    if (e)
        QMetaObject::invokeMethod(
            e, [&] { out = e->journal()->orders(id); }, Qt::BlockingQueuedConnection);
    return out;
}

QVector<Fill> ProfileEngine::botFills(const QString& id) const {
    QVector<Fill> out;
    TradingEngine* e = engine();
    if (e)
        QMetaObject::invokeMethod(
            e, [&] { out = e->journal()->botFills(id); }, Qt::BlockingQueuedConnection);
    return out;
}

int ProfileEngine::openOrderCount() const {
    return int(m_openOrders.size());
}

void ProfileEngine::emergencyStop(const QString& reason) {
    EngineBots* bots = m_bots;
    onEngine([bots, reason](TradingEngine* e) {
        e->emergencyStop(reason); // no order is accepted from here on
        if (bots)
            bots->haltAll(reason);
    });
}

void ProfileEngine::rearm() {
    onEngine([](TradingEngine* e) { e->rearm(); });
}

bool ProfileEngine::setAccountLimits(const RiskLimits& limits) {
    m_accountLimits = limits;
    TradingEngine* e = engine();
    if (!e)
        return true;
    const QString json =
        QString::fromUtf8(QJsonDocument(riskLimitsToJson(limits)).toJson(QJsonDocument::Compact));
    const qint64 now = m_options.clock->nowMs();
    bool saved = false;
    QString error;
    QMetaObject::invokeMethod(
        e,
        [&] {
            e->setAccountLimits(limits);
            saved = e->journal()->setAccountLimits(json, now);
            error = e->journal()->lastError();
        },
        Qt::BlockingQueuedConnection);
    if (!saved)
        m_lastError = tr("The account's risk limits could not be saved: %1").arg(error);
    checkAccountDailyLoss();
    return saved;
}

void ProfileEngine::checkAccountDailyLoss() {
    if (!m_accountLimits.dailyLossLimit || !m_bots)
        return;
    bool anyTrading = false;
    for (const BotSnapshot& s : std::as_const(m_snapshots))
        anyTrading = anyTrading || s.state == BotState::Running || s.state == BotState::Starting ||
                     s.state == BotState::Paused;
    if (!anyTrading)
        return;
    const QHash<QString, Decimal> today = todayPnl();
    for (auto it = today.cbegin(); it != today.cend(); ++it) {
        if (-it.value() < *m_accountLimits.dailyLossLimit)
            continue;
        const QString reason =
            tr("The bots' result today, %1 %2, reached the account's daily loss limit of %3: "
               "every bot is halted and its orders are cancelled.")
                .arg(it.value().toString(), it.key(), m_accountLimits.dailyLossLimit->toString());
        onBots([reason](EngineBots* b) { b->haltAll(reason); });
        return;
    }
}

} // namespace hoga
