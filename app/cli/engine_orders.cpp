#include "engine_orders.h"

#include "await_result.h"
#include "cli_venue.h"

#include "core/clock.h"
#include "session/profile_engine_types.h"
#include "storage/order_journal.h"
#include "trading/engine/order_manager.h"
#include "trading/engine/trading_engine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace hoga::cli {

namespace {

constexpr const char* kJournalTag = "cli";

CliError storageError(const QString& message) {
    return CliError{QStringLiteral("storage"), {}, message, ExitInternal};
}

// Runs a local event loop until `finished()` holds or `timeoutMs` passes; `arm` connects what makes it
// hold and quits the loop. Checked before waiting too, so an answer that came at once is not missed.
bool waitUntil(int timeoutMs, const std::function<bool()>& finished,
               const std::function<void(QEventLoop&, QObject&)>& arm) {
    QEventLoop loop;
    QObject context;
    arm(loop, context);
    if (finished())
        return true;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    while (!finished() && timer.isActive())
        loop.exec();
    return finished();
}

} // namespace

void applySavedAccountLimits(TradingEngine& engine) {
    const QString json = engine.journal()->accountLimits();
    if (!json.isEmpty())
        engine.setAccountLimits(riskLimitsFromJson(QJsonDocument::fromJson(json.toUtf8()).object()));
}

EngineOrders::EngineOrders(CliVenue& venue, const QString& databasePath, int timeoutMs)
    : m_venue(venue)
    , m_venueId(venue.connector()->venueId())
    , m_timeoutMs(timeoutMs)
    , m_engine(std::make_unique<TradingEngine>(databasePath, SystemClock::instance())) {}

EngineOrders::~EngineOrders() {
    if (m_linked)
        m_engine->removeConnector(m_venueId);
}

std::optional<CliError> EngineOrders::open() {
    if (!m_engine->open())
        return storageError(m_engine->lastError());
    applySavedAccountLimits(*m_engine);
    QString problem;
    bool done = false;
    const bool inTime = waitUntil(
        m_timeoutMs, [&] { return done; },
        [&](QEventLoop& loop, QObject& context) {
            QObject::connect(m_engine.get(), &TradingEngine::reconciled, &context, [&](const QString& v) {
                if (v != m_venueId)
                    return;
                done = true;
                loop.quit();
            });
            QObject::connect(m_engine.get(), &TradingEngine::reconcileFailed, &context,
                             [&](const QString& v, const QString& message) {
                                 if (v != m_venueId)
                                     return;
                                 problem = message;
                                 done = true;
                                 loop.quit();
                             });
            m_engine->addConnector(m_venue.connector(), /*followAccount=*/false);
            m_linked = true;
        });
    if (!inTime || !problem.isEmpty()) {
        VenueError e;
        e.kind = ErrorKind::Network;
        e.detail =
            inTime ? QCoreApplication::translate("hoga::Cli", "The orders at %1 could not be reconciled: %2")
                         .arg(m_venueId, problem)
                   : QCoreApplication::translate("hoga::Cli",
                                                 "The orders at %1 were not reconciled within %2 ms.")
                         .arg(m_venueId)
                         .arg(m_timeoutMs);
        return CliError::fromVenueError(e);
    }
    if (m_engine->isHalted())
        return CliError{QStringLiteral("halted"),
                        {},
                        QCoreApplication::translate("hoga::Cli",
                                                    "Trading is halted by the emergency stop; re-arm it with "
                                                    "hoga-cli rearm first."),
                        ExitRefused};
    return std::nullopt;
}

QVector<Balance> EngineOrders::balances() const {
    return m_engine->balances(m_venueId);
}

std::optional<CliError> EngineOrders::loadMarket(const QString& market) {
    bool done = false;
    bool ok = false;
    waitUntil(
        m_timeoutMs, [&] { return done; },
        [&](QEventLoop& loop, QObject& context) {
            QObject::connect(m_engine.get(), &TradingEngine::marketLoaded, &context,
                             [&](const QString& v, const QString& m, bool loaded) {
                                 if (v != m_venueId || m != market)
                                     return;
                                 ok = loaded;
                                 done = true;
                                 loop.quit();
                             });
            m_engine->loadMarket(m_venueId, market);
        });
    if (ok)
        return std::nullopt;
    VenueError e;
    e.kind = done ? ErrorKind::NotFound : ErrorKind::Network;
    e.detail = done ? QCoreApplication::translate("hoga::Cli", "The venue has no market %1.").arg(market)
                    : timeoutError(m_timeoutMs).detail;
    return CliError::fromVenueError(e);
}

std::variant<Order, CliError> EngineOrders::create(const OrderRequest& request,
                                                   const std::optional<Decimal>& lastPrice) {
    if (std::optional<CliError> missing = loadMarket(request.market))
        return *missing;
    if (lastPrice)
        m_engine->setLastPrice(m_venueId, request.market, *lastPrice);
    std::optional<OrderPlacement> answer;
    std::optional<CliError> refused;
    waitUntil(
        m_timeoutMs, [&] { return answer.has_value() || refused.has_value(); },
        [&](QEventLoop& loop, QObject& context) {
            QObject::connect(m_engine.get(), &TradingEngine::placementAnswered, &context,
                             [&](const OrderPlacement& p) {
                                 if (p.clientId() != request.clientId)
                                     return;
                                 answer = p;
                                 loop.quit();
                             });
            const Result<QString> sent =
                m_engine->placeOrder(m_venueId, request, {}, QString::fromLatin1(kJournalTag));
            if (!sent.ok())
                refused = CliError::fromVenueError(sent.error());
        });
    if (refused)
        return *refused;
    if (!answer) {
        // The request left and no answer came in time: the journal keeps it as sent, and the next command
        // looks it up at the venue by its client id before anything else. It is never sent again.
        VenueError e = timeoutError(m_timeoutMs);
        e.detail = QCoreApplication::translate("hoga::Cli",
                                               "%1 The order %2 may have reached the venue; the next command "
                                               "looks it up before anything else.")
                       .arg(e.detail, request.clientId);
        return CliError::fromVenueError(e);
    }
    if (!answer->ok())
        return CliError::fromVenueError(answer->error());
    if (std::optional<VenueError> problem = m_venue.accountProblem())
        return CliError::fromVenueError(*problem);
    Order placed = answer->value();
    if (placed.venue.isEmpty())
        placed.venue = m_venueId;
    if (placed.clientId.isEmpty())
        placed.clientId = request.clientId;
    return placed;
}

std::variant<Order, CliError> EngineOrders::cancel(const OrderRef& ref) {
    const OrderManager* orders = m_engine->orders();
    const ManagedOrder* followed =
        ref.clientId.isEmpty() ? orders->findByVenueId(m_venueId, ref.id) : orders->find(ref.clientId);
    if (!followed) {
        Result<Order> r = awaitResult(m_venue.connector()->cancelOrder(ref), m_timeoutMs);
        if (!r.ok())
            return CliError::fromVenueError(r.error());
        if (std::optional<VenueError> problem = m_venue.accountProblem())
            return CliError::fromVenueError(*problem);
        return r.value();
    }
    const QString clientId = followed->order.clientId;
    std::optional<Order> answer;
    std::optional<VenueError> failure;
    const bool inTime = waitUntil(
        m_timeoutMs, [&] { return answer.has_value() || failure.has_value(); },
        [&](QEventLoop& loop, QObject& context) {
            QObject::connect(m_engine.get(), &TradingEngine::cancelAnswered, &context,
                             [&](const QString& id, const Order& o) {
                                 if (id != clientId)
                                     return;
                                 answer = o;
                                 loop.quit();
                             });
            QObject::connect(m_engine.get(), &TradingEngine::cancelRefused, &context,
                             [&](const QString& id, const VenueError& e) {
                                 if (id != clientId)
                                     return;
                                 failure = e;
                                 loop.quit();
                             });
            // A cancel the engine cannot even send (not open, state machine) comes back as an order error.
            QObject::connect(m_engine.get(), &TradingEngine::orderError, &context,
                             [&](const QString& id, const QString& message) {
                                 if (id != clientId || answer || failure)
                                     return;
                                 failure = VenueError{ErrorKind::InvalidOrder, {}, {}, message, 0};
                                 loop.quit();
                             });
            m_engine->cancelOrder(clientId);
        });
    if (!inTime)
        return CliError::fromVenueError(timeoutError(m_timeoutMs));
    if (failure)
        return CliError::fromVenueError(*failure);
    if (std::optional<VenueError> problem = m_venue.accountProblem())
        return CliError::fromVenueError(*problem);
    Order cancelled = *answer;
    if (cancelled.venue.isEmpty())
        cancelled.venue = m_venueId;
    return cancelled;
}

std::variant<Order, CliError> EngineOrders::modify(const OrderRef& ref, const QString& market,
                                                   const OrderModification& change) {
    Connector* connector = m_venue.connector();
    if (!connector->capabilities().modifyOrders)
        return CliError::fromVenueError(modifyUnsupported(connector->displayName()));
    const Result<Order> current = awaitResult(connector->fetchOrder(ref), m_timeoutMs);
    if (!current.ok())
        return CliError::fromVenueError(current.error());
    if (current.value().market != market) {
        VenueError e;
        e.kind = ErrorKind::NotFound;
        e.detail = QCoreApplication::translate("hoga::Cli", "The order %1 is in market %2, not %3.")
                       .arg(ref.id, current.value().market, market);
        return CliError::fromVenueError(e);
    }
    const ManagedOrder* followed = m_engine->orders()->findByVenueId(m_venueId, ref.id);
    const QString clientId = followed ? followed->order.clientId : QString();
    const Decimal remaining = current.value().qty - current.value().filledQty;
    Result<Order> r = awaitResult(connector->modifyOrder(ref, change), m_timeoutMs);
    if (!r.ok())
        return CliError::fromVenueError(r.error());
    Order replacement = r.value();
    if (replacement.venue.isEmpty())
        replacement.venue = m_venueId;
    if (!clientId.isEmpty()) {
        if (!m_engine->recordReplacement(clientId, replacement, change.qty.value_or(remaining) >= remaining))
            return storageError(QCoreApplication::translate("hoga::Cli",
                                                            "The order was modified at the venue (new order "
                                                            "%1) but the journal could not record it: %2")
                                    .arg(replacement.id, m_engine->lastError()));
        if (const ManagedOrder* now = m_engine->orders()->findByVenueId(m_venueId, replacement.id))
            replacement.clientId = now->order.clientId;
    }
    if (std::optional<VenueError> problem = m_venue.accountProblem())
        return CliError::fromVenueError(*problem);
    return replacement;
}

} // namespace hoga::cli
