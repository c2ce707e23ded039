#include "trading_engine.h"

#include "crash_point.h"

#include "core/order_validator.h"
#include "marketdata/when_finished.h"
#include "storage/profile_database.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QUuid>

#include <algorithm>

namespace hoga {

namespace {

// Like whenFinished, for the placement future (not a Result): an ended future without a value is Unknown.
void whenPlaced(QFuture<OrderPlacement> future, QObject* context, const QString& clientId,
                std::function<void(const OrderPlacement&)> handler) {
    auto* watcher = new QFutureWatcher<OrderPlacement>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, clientId, handler] {
        const QFuture<OrderPlacement> f = watcher->future();
        watcher->deleteLater();
        if (f.resultCount() > 0) {
            handler(f.result());
            return;
        }
        VenueError e{ErrorKind::Cancelled,
                     {},
                     {},
                     QCoreApplication::translate("hoga::TradingEngine",
                                                 "The connection closed before the venue answered the order "
                                                 "request."),
                     0};
        handler(OrderPlacement::unknown(e, clientId));
    });
    watcher->setFuture(std::move(future));
}

// Runs `steps` one after another; each calls `next` when done.
using Step = std::function<void(std::function<void()> next)>;
void runInOrder(std::shared_ptr<QVector<Step>> steps, int index, std::function<void()> done) {
    if (index >= steps->size()) {
        done();
        return;
    }
    (*steps)[index]([steps, index, done] { runInOrder(steps, index + 1, done); });
}

} // namespace

TradingEngine::TradingEngine(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock) {
    qRegisterMetaType<hoga::ManagedOrder>();
    qRegisterMetaType<hoga::EmergencyStopReport>();
    qRegisterMetaType<hoga::Order>();
    qRegisterMetaType<hoga::OrderPlacement>();
    qRegisterMetaType<hoga::VenueError>();
    qRegisterMetaType<hoga::Fill>();
}

TradingEngine::~TradingEngine() {
    for (const QString& venue : m_links.keys())
        removeConnector(venue);
    m_orders.reset();
    m_journal.reset();
    m_database.reset();
}

bool TradingEngine::open() {
    if (m_orders)
        return true;
    m_database = std::make_unique<ProfileDatabase>(m_databasePath);
    if (m_database->open() != ProfileDatabase::Status::Ok) {
        m_lastError = m_database->errorString();
        return false;
    }
    m_journal = std::make_unique<OrderJournal>(*m_database);
    m_orders = std::make_unique<OrderManager>(*m_journal, m_clock);
    m_orders->load();
    return true;
}

void TradingEngine::addConnector(Connector* connector, bool followAccount) {
    const QString venue = connector->venueId();
    VenueLink& link = m_links[venue]; // keeps rules and prices already known
    for (const auto& c : link.connections)
        disconnect(c);
    link.connections.clear();
    link.reconciled = false;
    link.connector = connector;
    link.connections << connect(connector, &Connector::orderUpdated, this, &TradingEngine::onVenueOrder);
    link.connections << connect(connector, &Connector::fillReceived, this, &TradingEngine::onVenueFill);
    link.connections << connect(connector, &Connector::connectionStateChanged, this,
                                [this, venue](ConnectionState s) { onConnectionState(venue, s); });
    link.connections << connect(connector, &Connector::tickerUpdated, this,
                                [this](const Ticker& t) { setLastPrice(t.venue, t.market, t.last); });
    link.connections << connect(connector, &Connector::balanceUpdated, this,
                                [this, venue](const Balance& b) { updateBalance(venue, b); });
    if (followAccount)
        connector->subscribeAccount();
    reconcile(venue);
}

void TradingEngine::removeConnector(const QString& venue) {
    auto it = m_links.find(venue);
    if (it == m_links.end())
        return;
    for (const auto& c : it->connections)
        disconnect(c);
    m_links.erase(it);
}

bool TradingEngine::isReconciled(const QString& venue) const {
    auto it = m_links.constFind(venue);
    return it != m_links.cend() && it->reconciled;
}

void TradingEngine::onConnectionState(const QString& venue, ConnectionState state) {
    auto it = m_links.find(venue);
    if (it == m_links.end())
        return;
    if (state == ConnectionState::Reconnecting || state == ConnectionState::Disconnected) {
        it->reconciled = false; // nothing new until we know again what the venue holds
        return;
    }
    if (state == ConnectionState::Connected && !it->reconciled)
        reconcile(venue);
}

void TradingEngine::reconcile(const QString& venue) {
    auto it = m_links.find(venue);
    if (it == m_links.end() || !it->connector || !m_orders)
        return;
    if (it->reconciling) {
        it->reconcileAgain = true;
        return;
    }
    it->reconciled = false;
    it->reconciling = true;
    QPointer<Connector> connector = it->connector;
    auto error = std::make_shared<QString>();
    auto steps = std::make_shared<QVector<Step>>();

    // The markets of the orders followed now: their fills are read at the end (venues such as Binance list
    // own trades per market only, and fills of other markets cannot belong to an order we follow).
    QStringList followedMarkets;
    for (const ManagedOrder& followed : m_orders->active({}, venue))
        if (!followedMarkets.contains(followed.order.market))
            followedMarkets << followed.order.market;
    // And of orders that ended (filled by the venue's answer) while some of their fills never reached the
    // journal: the process may have stopped between the answer and the fills (looked back one day).
    const qint64 since = m_clock.nowMs() - 86'400'000;
    for (const JournalOrder& ended : m_journal->orders({}, venue)) {
        if (ended.order.updatedAtMs < since || !ended.order.filledQty.isPositive() ||
            followedMarkets.contains(ended.order.market))
            continue;
        Decimal journaled;
        for (const Fill& f : m_journal->fills(ended.order.clientId))
            journaled += f.qty;
        if (journaled < ended.order.filledQty)
            followedMarkets << ended.order.market;
    }
    // 1. Every order the journal still follows, looked up at the venue (by client id while no venue id).
    for (const ManagedOrder& followed : m_orders->active({}, venue)) {
        const QString clientId = followed.order.clientId;
        steps->append([this, connector, clientId, error](std::function<void()> next) {
            const ManagedOrder* current = m_orders->find(clientId);
            if (!connector || !current) {
                next();
                return;
            }
            const OrderRef ref =
                current->order.id.isEmpty() ? OrderRef{{}, clientId} : OrderRef{current->order.id, {}};
            whenFinished(connector->fetchOrder(ref), this,
                         [this, connector, clientId, error, next](const Result<Order>& r) {
                             const ManagedOrder* m = m_orders->find(clientId);
                             if (m && r.ok()) {
                                 Order found = r.value();
                                 if (found.clientId.isEmpty())
                                     found.clientId = clientId;
                                 if (found.venue.isEmpty())
                                     found.venue = m->order.venue;
                                 if (m_orders->applyVenueOrder(found) == OrderManager::Applied::Changed)
                                     emitOrder(clientId);
                             } else if (m && r.error().kind == ErrorKind::NotFound &&
                                        !m->order.id.isEmpty() && connector && connector->isSimulated()) {
                                 // The simulator's paper account is new with every start: what it held is
                                 // gone, as if cancelled. (A real venue never forgets an order it took.)
                                 Order gone = m->order;
                                 gone.state = OrderState::Cancelled;
                                 gone.updatedAtMs = m_clock.nowMs();
                                 if (m_orders->applyVenueOrder(gone) == OrderManager::Applied::Changed)
                                     emitOrder(clientId);
                             } else if (m && r.error().kind == ErrorKind::NotFound && m->order.id.isEmpty()) {
                                 const QString reason = QCoreApplication::translate(
                                     "hoga::TradingEngine",
                                     "The venue never received this order; it was not sent again.");
                                 if (m_orders->markNeverSent(clientId, reason))
                                     emitOrder(clientId);
                             } else if (m && !r.ok()) {
                                 *error = QCoreApplication::translate("hoga::TradingEngine",
                                                                      "Order %1 could not be looked up: %2")
                                              .arg(clientId, r.error().userMessage());
                             }
                             next();
                         });
        });
    }
    // 2. The account's balances (risk checks and bots read them; the stream keeps them fresh afterwards).
    steps->append([this, connector, venue, error](std::function<void()> next) {
        if (!connector) {
            next();
            return;
        }
        whenFinished(connector->fetchBalances(), this,
                     [this, venue, error, next](const Result<QVector<Balance>>& r) {
                         if (r.ok())
                             setBalances(venue, r.value());
                         else
                             *error = r.error().userMessage();
                         next();
                     });
    });
    // 3. The venue's open orders: ours refreshed, the others recorded as external and left alone.
    steps->append([this, connector, venue, error](std::function<void()> next) {
        if (!connector) {
            next();
            return;
        }
        whenFinished(connector->fetchOpenOrders(), this,
                     [this, venue, error, next](const Result<QVector<Order>>& r) {
                         if (!r.ok()) {
                             *error = r.error().userMessage();
                         } else {
                             for (Order o : r.value()) {
                                 if (o.venue.isEmpty())
                                     o.venue = venue;
                                 const auto applied = m_orders->applyVenueOrder(o);
                                 if (applied == OrderManager::Applied::Unknown)
                                     m_orders->adoptExternal(o);
                                 else if (applied == OrderManager::Applied::Changed)
                                     if (const ManagedOrder* m = m_orders->findByVenueId(venue, o.id))
                                         emitOrder(m->order.clientId);
                             }
                         }
                         next();
                     });
    });
    // 4. Fills missed while away, each applied once (the journal keys them by trade id).
    for (const QString& market : followedMarkets) {
        steps->append([this, connector, venue, market, error](std::function<void()> next) {
            if (!connector) {
                next();
                return;
            }
            whenFinished(connector->fetchFills(market), this,
                         [this, venue, error, next](const Result<QVector<Fill>>& r) {
                             if (!r.ok()) {
                                 *error = r.error().userMessage();
                             } else {
                                 QVector<Fill> fills = r.value();
                                 std::reverse(fills.begin(), fills.end()); // oldest first
                                 for (Fill f : fills) {
                                     if (f.venue.isEmpty())
                                         f.venue = venue;
                                     onVenueFill(f);
                                 }
                             }
                             next();
                         });
        });
    }
    runInOrder(steps, 0, [this, venue, error] { reconciliationDone(venue, *error); });
}

void TradingEngine::reconciliationDone(const QString& venue, const QString& error) {
    auto it = m_links.find(venue);
    if (it == m_links.end())
        return;
    it->reconciling = false;
    if (it->reconcileAgain) {
        it->reconcileAgain = false;
        reconcile(venue);
        return;
    }
    it->reconciled = error.isEmpty();
    if (error.isEmpty())
        emit reconciled(venue);
    else
        emit reconcileFailed(venue, error);
}

void TradingEngine::loadMarket(const QString& venue, const QString& marketCode) {
    auto it = m_links.find(venue);
    if (it == m_links.end() || !it->connector) {
        emit marketLoaded(venue, marketCode, false);
        return;
    }
    whenFinished(it->connector->fetchMarketRules(marketCode), this,
                 [this, venue, marketCode](const Result<Market>& r) {
                     if (r.ok())
                         setMarket(venue, r.value());
                     emit marketLoaded(venue, marketCode, r.ok());
                 });
}

void TradingEngine::setMarket(const QString& venue, const Market& m) {
    m_links[venue].markets.insert(m.code, m);
}

std::optional<Market> TradingEngine::market(const QString& venue, const QString& code) const {
    auto it = m_links.constFind(venue);
    if (it == m_links.cend() || !it->markets.contains(code))
        return std::nullopt;
    return it->markets.value(code);
}

void TradingEngine::setLastPrice(const QString& venue, const QString& market, const Decimal& price) {
    if (price.isPositive())
        m_links[venue].lastPrices.insert(market, price);
}

std::optional<Decimal> TradingEngine::lastPrice(const QString& venue, const QString& market) const {
    auto it = m_links.constFind(venue);
    if (it == m_links.cend() || !it->lastPrices.contains(market))
        return std::nullopt;
    return it->lastPrices.value(market);
}

void TradingEngine::setBalances(const QString& venue, const QVector<Balance>& balances) {
    m_links[venue].balances = balances;
}

void TradingEngine::updateBalance(const QString& venue, const Balance& balance) {
    QVector<Balance>& balances = m_links[venue].balances;
    for (Balance& b : balances) {
        if (b.currency == balance.currency) {
            b = balance;
            return;
        }
    }
    balances.append(balance);
}

std::optional<Balance> TradingEngine::balance(const QString& venue, const QString& currency) const {
    auto it = m_links.constFind(venue);
    if (it == m_links.cend())
        return std::nullopt;
    for (const Balance& b : it->balances)
        if (b.currency == currency)
            return b;
    return std::nullopt;
}

QVector<Balance> TradingEngine::balances(const QString& venue) const {
    auto it = m_links.constFind(venue);
    return it == m_links.cend() ? QVector<Balance>() : it->balances;
}

Decimal TradingEngine::botPosition(const QString& bot, const QString& market) const {
    Decimal qty;
    for (const Fill& f : m_journal->botFills(bot)) {
        if (f.market == market)
            qty += f.side == Side::Buy ? f.qty : -f.qty;
    }
    return qty;
}

std::optional<QString> TradingEngine::riskCheck(const QString& venue, const OrderRequest& request,
                                                const QString& bot) {
    const VenueLink& link = m_links[venue];
    const qint64 now = m_clock.nowMs();
    RiskInput input;
    input.request = request;
    input.lastPrice = lastPrice(venue, request.market);
    const auto m = market(venue, request.market);
    std::optional<Decimal> freeQuote;
    Decimal accountBase;
    for (const Balance& b : link.balances) {
        if (m && b.currency == m->quote)
            freeQuote = b.free;
        if (m && b.currency == m->base)
            accountBase = b.total();
    }
    input.freeQuote = freeQuote;
    // The account's limits (the cash reserve is for bots only: a hand-placed order may use it).
    input.position = accountBase;
    input.openOrders = m_orders->openCount();
    input.ordersLastMinute = m_accountRate.count(now);
    RiskLimits account = m_accountLimits;
    if (bot.isEmpty())
        account.cashReserve = Decimal();
    if (auto reason = RiskChecker::check(account, input))
        return reason;
    if (bot.isEmpty())
        return std::nullopt;
    RiskLimits botLimits = m_botLimits.value(bot);
    if (botLimits.cashReserve < m_accountLimits.cashReserve)
        botLimits.cashReserve = m_accountLimits.cashReserve;
    input.position = botPosition(bot, request.market);
    input.openOrders = m_orders->openCount(bot);
    input.ordersLastMinute = m_botRates[bot].count(now);
    return RiskChecker::check(botLimits, input);
}

Result<QString> TradingEngine::placeOrder(const QString& venue, OrderRequest request, const QString& bot,
                                          const QString& tag) {
    auto refuse = [&](const QString& reason) {
        VenueError e{ErrorKind::InvalidOrder, {}, {}, reason, 0};
        return Result<QString>(e);
    };
    if (!m_orders)
        return refuse(QCoreApplication::translate("hoga::TradingEngine", "The trading engine is not open."));
    if (isHalted())
        return refuse(QCoreApplication::translate(
            "hoga::TradingEngine", "Trading is halted by the emergency stop until it is re-armed."));
    auto it = m_links.find(venue);
    if (it == m_links.end() || !it->connector)
        return refuse(
            QCoreApplication::translate("hoga::TradingEngine", "The venue %1 is not connected.").arg(venue));
    if (!it->reconciled)
        return refuse(QCoreApplication::translate("hoga::TradingEngine",
                                                  "The orders at %1 are being reconciled; no new order until "
                                                  "that is done.")
                          .arg(venue));
    const auto rules = market(venue, request.market);
    if (!rules)
        return refuse(QCoreApplication::translate("hoga::TradingEngine", "The rules of the market %1 are not "
                                                                         "loaded yet.")
                          .arg(request.market));
    const ValidationResult validation = OrderValidator::checkRules(
        request, *rules, lastPrice(venue, request.market), it->connector->capabilities());
    if (!validation.ok())
        return refuse(validation.summary());
    if (auto reason = riskCheck(venue, request, bot)) {
        emit riskRefused(bot, venue, request.market, *reason);
        return refuse(*reason);
    }
    if (request.clientId.isEmpty())
        request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Order order;
    order.venue = venue;
    order.clientId = request.clientId;
    order.market = request.market;
    order.side = request.side;
    order.type = request.type;
    order.price = request.price;
    order.qty = request.qty;
    order.total = request.total;
    order.timeInForce = request.timeInForce;
    order.session = request.session;
    order.createdAtMs = order.updatedAtMs = m_clock.nowMs();

    crashPoint("before_journal");
    if (!m_orders->begin(order, bot, tag))
        return refuse(m_orders->lastError());
    crashPoint("after_journal");
    m_orders->markSubmitted(order.clientId);
    m_accountRate.record(m_clock.nowMs());
    if (!bot.isEmpty())
        m_botRates[bot].record(m_clock.nowMs());
    emitOrder(order.clientId);
    whenPlaced(it->connector->createOrder(request), this, request.clientId,
               [this](const OrderPlacement& p) { onPlacement(p); });
    crashPoint("after_request");
    return request.clientId;
}

void TradingEngine::onPlacement(const OrderPlacement& placement) {
    crashPoint("after_answer");
    emit placementAnswered(placement);
    if (!m_orders->find(placement.clientId()))
        return; // the account stream was faster: the order already finished and is in the journal
    if (!m_orders->applyPlacement(placement)) {
        emit orderError(placement.clientId(), m_orders->lastError());
        return;
    }
    if (!placement.ok())
        emit orderError(placement.clientId(), placement.error().userMessage());
    emitOrder(placement.clientId());
}

void TradingEngine::emitOrder(const QString& clientId) {
    if (const ManagedOrder* m = m_orders->find(clientId)) {
        emit orderChanged(*m);
        return;
    }
    if (auto j = m_journal->order(clientId))
        emit orderChanged(ManagedOrder{j->order, j->bot, j->tag, j->state, {}});
}

void TradingEngine::onVenueOrder(const Order& order) {
    if (!m_orders)
        return;
    const ManagedOrder* before = order.clientId.isEmpty() ? m_orders->findByVenueId(order.venue, order.id)
                                                          : m_orders->find(order.clientId);
    const QString clientId = before ? before->order.clientId : order.clientId;
    const auto applied = m_orders->applyVenueOrder(order);
    if (applied == OrderManager::Applied::Changed)
        emitOrder(clientId);
    else if (applied == OrderManager::Applied::Unknown && !order.id.isEmpty() && !isTerminal(order.state))
        m_orders->adoptExternal(order);
}

void TradingEngine::onVenueFill(const Fill& fill) {
    if (!m_orders)
        return;
    if (auto m = m_orders->applyFill(fill)) {
        Fill f = fill;
        f.clientId = m->order.clientId;
        emit fillApplied(f, m->bot);
        emitOrder(m->order.clientId);
    }
}

void TradingEngine::cancelOrder(const QString& clientId) {
    const ManagedOrder* m = m_orders ? m_orders->find(clientId) : nullptr;
    if (!m) {
        emit orderError(clientId,
                        QCoreApplication::translate("hoga::TradingEngine",
                                                    "The order is not open, so it cannot be cancelled."));
        return;
    }
    auto it = m_links.find(m->order.venue);
    if (it == m_links.end() || !it->connector) {
        emit orderError(clientId,
                        QCoreApplication::translate("hoga::TradingEngine", "The venue %1 is not connected.")
                            .arg(m->order.venue));
        return;
    }
    const OrderRef ref = m->order.id.isEmpty() ? OrderRef{{}, clientId} : OrderRef{m->order.id, {}};
    if (!m_orders->beginCancel(clientId)) {
        emit orderError(clientId, m_orders->lastError());
        return;
    }
    emitOrder(clientId);
    whenFinished(it->connector->cancelOrder(ref), this, [this, clientId](const Result<Order>& r) {
        crashPoint("during_cancel");
        if (r.ok()) {
            Order o = r.value();
            if (o.clientId.isEmpty())
                o.clientId = clientId;
            emit cancelAnswered(clientId, o);
            if (!isTerminal(o.state)) {
                // Accepted; the stream or the next lookup brings the final state.
                m_orders->applyVenueOrder(o);
            } else if (m_orders->applyVenueOrder(o) == OrderManager::Applied::Changed) {
                emitOrder(clientId);
            }
            return;
        }
        m_orders->cancelFailed(clientId, r.error().userMessage());
        emit cancelRefused(clientId, r.error());
        emit orderError(clientId, r.error().userMessage());
        emitOrder(clientId);
    });
}

bool TradingEngine::recordReplacement(const QString& clientId, const Order& replacement, bool oldEnded) {
    if (!m_orders || !m_orders->applyReplacement(clientId, replacement, oldEnded)) {
        m_lastError = m_orders ? m_orders->lastError() : QString();
        return false;
    }
    emitOrder(clientId);
    emitOrder(clientId + QLatin1Char('~') + replacement.id);
    return true;
}

void TradingEngine::cancelBotOrders(const QString& bot) {
    if (!m_orders)
        return;
    for (const ManagedOrder& m : m_orders->active(bot)) {
        if (m.state == JournalState::Open || m.state == JournalState::PartiallyFilled)
            cancelOrder(m.order.clientId);
    }
}

bool TradingEngine::isHalted() const {
    return m_journal && m_journal->isHalted();
}

void TradingEngine::rearm() {
    if (m_journal && m_journal->setHalted(false, {}, m_clock.nowMs()))
        emit haltedChanged(false, {});
}

void TradingEngine::emergencyStop(const QString& reason) {
    if (m_journal)
        m_journal->setHalted(true, reason, m_clock.nowMs());
    emit haltedChanged(true, reason);
    auto report = std::make_shared<EmergencyStopReport>();
    auto steps = std::make_shared<QVector<Step>>();
    for (auto it = m_links.begin(); it != m_links.end(); ++it) {
        const QString venue = it.key();
        QPointer<Connector> connector = it->connector;
        const int index = int(report->size());
        report->append(EmergencyStopVenueReport{venue, 0, 0, {}, {}});
        // Cancel everything the venue lists as open, ours or not, then ask again what is left.
        steps->append([this, connector, report, index, venue](std::function<void()> next) {
            if (!connector) {
                next();
                return;
            }
            whenFinished(connector->fetchOpenOrders(), this,
                         [this, connector, report, index, venue, next](const Result<QVector<Order>>& open) {
                             if (!open.ok()) {
                                 (*report)[index].errors << open.error().userMessage();
                                 next();
                                 return;
                             }
                             auto remaining = std::make_shared<int>(int(open.value().size()));
                             if (*remaining == 0) {
                                 next();
                                 return;
                             }
                             for (const Order& o : open.value()) {
                                 ++(*report)[index].cancelRequested;
                                 if (const ManagedOrder* m = m_orders->findByVenueId(venue, o.id);
                                     m && m_orders->beginCancel(m->order.clientId))
                                     emitOrder(m->order.clientId);
                                 whenFinished(
                                     connector->cancelOrder(OrderRef{o.id, {}}), this,
                                     [this, report, index, remaining, next, venue](const Result<Order>& r) {
                                         if (r.ok()) {
                                             Order c = r.value();
                                             if (c.venue.isEmpty())
                                                 c.venue = venue;
                                             if (isTerminal(c.state))
                                                 ++(*report)[index].cancelConfirmed;
                                             onVenueOrder(c);
                                         } else {
                                             (*report)[index].errors << r.error().userMessage();
                                         }
                                         if (--(*remaining) == 0)
                                             next();
                                     });
                             }
                         });
        });
        steps->append([this, connector, report, index](std::function<void()> next) {
            if (!connector) {
                next();
                return;
            }
            whenFinished(connector->fetchOpenOrders(), this,
                         [report, index, next](const Result<QVector<Order>>& open) {
                             if (!open.ok())
                                 (*report)[index].errors << open.error().userMessage();
                             else
                                 for (const Order& o : open.value())
                                     (*report)[index].stillOpen << o.id;
                             next();
                         });
        });
    }
    runInOrder(steps, 0, [this, report] { emit emergencyStopFinished(*report); });
}

EngineThread::EngineThread(QString databasePath, const Clock& clock)
    : m_thread(std::make_unique<QThread>()) {
    m_thread->setObjectName(QStringLiteral("hoga-engine"));
    m_engine = new TradingEngine(std::move(databasePath), clock);
    m_engine->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();
}

EngineThread::~EngineThread() {
    m_thread->quit();
    m_thread->wait();
}

bool EngineThread::open() {
    bool ok = false;
    QMetaObject::invokeMethod(
        m_engine, [this, &ok] { ok = m_engine->open(); }, Qt::BlockingQueuedConnection);
    return ok;
}

} // namespace hoga
