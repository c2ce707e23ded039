#include "profile_engine_bots.h"

#include "marketdata/when_finished.h"
#include "storage/profile_database.h"
#include "trading/strategy/strategy_params.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace hoga {

namespace {

constexpr qint64 kDayMs = 86'400'000;

StrategyParams paramsFromJson(const QJsonObject& json) {
    StrategyParams params;
    for (auto it = json.begin(); it != json.end(); ++it)
        params.insert(it.key(), it.value().toString());
    return params;
}

QString sideText(Side side) {
    return side == Side::Buy ? QCoreApplication::translate("hoga::EngineBots", "buy")
                             : QCoreApplication::translate("hoga::EngineBots", "sell");
}

} // namespace

EngineBots::EngineBots(TradingEngine& engine, QString databasePath, int tickIntervalMs, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_databasePath(std::move(databasePath))
    , m_tickIntervalMs(tickIntervalMs) {
    qRegisterMetaType<hoga::BotSnapshot>();
}

EngineBots::~EngineBots() {
    shutdown();
}

bool EngineBots::open() {
    m_database = std::make_unique<ProfileDatabase>(m_databasePath);
    if (m_database->open() != ProfileDatabase::Status::Ok)
        return false;
    QSqlQuery create(m_database->database());
    // Beside the journal's bot rows: what only the desktop sets (the hoga-cli bots have no limits row).
    if (!create.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bot_settings (bot TEXT PRIMARY KEY, "
                                    "risk_limits TEXT NOT NULL DEFAULT '{}')")))
        return false;
    QHash<QString, RiskLimits> limits;
    QSqlQuery read(m_database->database());
    if (read.exec(QStringLiteral("SELECT bot, risk_limits FROM bot_settings"))) {
        while (read.next())
            limits.insert(read.value(0).toString(),
                          riskLimitsFromJson(QJsonDocument::fromJson(read.value(1).toByteArray()).object()));
    }

    connect(&m_engine, &TradingEngine::orderChanged, this, &EngineBots::onOrderChanged);
    connect(&m_engine, &TradingEngine::fillApplied, this, &EngineBots::onFill);
    connect(&m_engine, &TradingEngine::riskRefused, this,
            [this](const QString& bot, const QString&, const QString&, const QString& reason) {
                onRiskRefused(bot, reason);
            });
    connect(&m_engine, &TradingEngine::reconciled, this, &EngineBots::onReconciled);
    connect(&m_engine, &TradingEngine::orderError, this, &EngineBots::onOrderError);

    for (const BotRecord& record : m_engine.journal()->bots()) {
        Bot& bot = m_bots[record.id];
        bot.record = record;
        bot.limits = limits.value(record.id);
        if (record.status == BotRecord::Status::Halted) {
            bot.state = BotState::Halted;
            bot.message = record.haltReason;
        }
        countOrdersToday(bot);
        publish(bot);
    }
    m_ticker = new QTimer(this);
    m_ticker->setInterval(m_tickIntervalMs);
    connect(m_ticker, &QTimer::timeout, this, &EngineBots::tickAll);
    m_ticker->start();
    return true;
}

void EngineBots::addConnector(Connector* connector) {
    m_connectors.insert(connector->venueId(), connector);
}

void EngineBots::restoreRunning(bool restart) {
    for (auto& [id, bot] : m_bots) {
        if (bot.record.status != BotRecord::Status::Running || bot.runner)
            continue;
        if (restart) {
            log(bot, QCoreApplication::translate("hoga::EngineBots",
                                                 "Was running when Hoga quit: starts again after "
                                                 "reconciliation."));
            start(id);
        } else {
            bot.record.status = BotRecord::Status::Stopped;
            m_engine.journal()->saveBot(bot.record, m_engine.clock().nowMs());
            publish(bot);
        }
    }
}

EngineBots::Bot* EngineBots::find(const QString& id) {
    auto it = m_bots.find(id);
    return it == m_bots.end() ? nullptr : &it->second;
}

void EngineBots::create(BotRecord record, const RiskLimits& limits) {
    if (find(record.id))
        return;
    record.status = BotRecord::Status::Stopped;
    Bot& bot = m_bots[record.id];
    bot.record = record;
    bot.limits = limits;
    if (!m_engine.journal()->saveBot(record, m_engine.clock().nowMs()) || !saveLimits(record.id, limits)) {
        fail(bot, m_engine.journal()->lastError());
        return;
    }
    log(bot, QCoreApplication::translate("hoga::EngineBots", "Created."));
    publish(bot);
}

void EngineBots::update(const QString& id, const QJsonObject& params, const RiskLimits& limits) {
    Bot* bot = find(id);
    if (!bot)
        return;
    bot->limits = limits;
    saveLimits(id, limits);
    if (bot->runner) {
        // Parameters only change while the bot is not running; its limits apply to the next order at once.
        m_engine.setBotLimits(id, limits);
    } else {
        bot->record.params = params;
        m_engine.journal()->saveBot(bot->record, m_engine.clock().nowMs());
    }
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Settings changed."));
    publish(*bot);
}

void EngineBots::start(const QString& id) {
    Bot* bot = find(id);
    if (!bot || bot->state == BotState::Running || bot->state == BotState::Starting)
        return;
    if (bot->runner)
        stopRunner(*bot, BotState::Stopped);
    if (m_engine.isHalted()) {
        bot->message = QCoreApplication::translate(
            "hoga::EngineBots", "Trading is halted by the emergency stop. Re-arm trading to start bots.");
        log(*bot, bot->message);
        publish(*bot);
        return;
    }
    // Starting by hand clears a halt: the user has seen why it stopped.
    if (bot->record.status == BotRecord::Status::Halted) {
        bot->record.status = BotRecord::Status::Stopped;
        bot->record.haltReason.clear();
    }
    bot->state = BotState::Starting;
    bot->message.clear();
    if (!m_engine.isReconciled(bot->record.venue)) {
        m_waitingForVenue.insert(id);
        publish(*bot);
        return;
    }
    startNow(*bot);
}

void EngineBots::onReconciled(const QString& venue) {
    const QSet<QString> waiting = m_waitingForVenue;
    for (const QString& id : waiting) {
        Bot* bot = find(id);
        if (bot && bot->record.venue == venue) {
            m_waitingForVenue.remove(id);
            if (bot->state == BotState::Starting)
                startNow(*bot);
        }
    }
}

void EngineBots::startNow(Bot& bot) {
    const QPointer<Connector> connector = m_connectors.value(bot.record.venue);
    if (!connector) {
        fail(bot,
             QCoreApplication::translate("hoga::EngineBots", "The venue %1 is not running in this window.")
                 .arg(bot.record.venue));
        return;
    }
    publish(bot);
    const QString id = bot.record.id;
    whenFinished(connector->fetchMarketRules(bot.record.market), this, [this, id](const Result<Market>& r) {
        Bot* b = find(id);
        if (!b || b->state != BotState::Starting)
            return; // stopped or deleted meanwhile
        if (!r.ok()) {
            fail(*b, QCoreApplication::translate("hoga::EngineBots", "The market %1 could not be loaded: %2")
                         .arg(b->record.market, r.error().userMessage()));
            return;
        }
        launch(id, r.value());
    });
}

void EngineBots::launch(const QString& id, const Market& market) {
    Bot* bot = find(id);
    const QPointer<Connector> connector = bot ? m_connectors.value(bot->record.venue) : nullptr;
    if (!bot || !connector)
        return;
    const StrategyTemplate* strategyTemplate = findStrategy(bot->record.strategy);
    if (!strategyTemplate) {
        fail(*bot, QCoreApplication::translate("hoga::EngineBots", "There is no strategy named %1.")
                       .arg(bot->record.strategy));
        return;
    }
    const Result<StrategyParams> params =
        completeParameters(*strategyTemplate, paramsFromJson(bot->record.params));
    if (!params.ok()) {
        fail(*bot, params.error().userMessage());
        return;
    }
    Result<std::unique_ptr<Strategy>> strategy = strategyTemplate->create(params.value(), market);
    if (!strategy.ok()) {
        fail(*bot, strategy.error().userMessage());
        return;
    }
    bot->runner =
        std::make_unique<BotRunner>(m_engine, bot->record, std::move(strategy.value()), market, bot->limits);
    connect(bot->runner.get(), &BotRunner::logged, this, [this](const QString& botId, const QString& line) {
        if (Bot* b = find(botId)) {
            b->lastSignal = line;
            b->lastSignalMs = m_engine.clock().nowMs();
            log(*b, line);
            publish(*b);
        }
    });
    connect(bot->runner.get(), &BotRunner::halted, this, [this](const QString& botId, const QString& reason) {
        if (Bot* b = find(botId)) {
            b->state = BotState::Halted;
            b->message = reason;
            log(*b, QCoreApplication::translate("hoga::EngineBots", "Halted: %1").arg(reason));
            publish(*b);
        }
    });
    bot->state = BotState::Running;
    bot->runner->start();
    bot->runner->attachLive(connector);
    if (bot->runner->isHalted()) {
        bot->state = BotState::Halted;
        bot->message = bot->runner->record().haltReason;
    }
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Started on %1 %2.")
                  .arg(bot->record.venue, bot->record.market));
    publish(*bot);
}

void EngineBots::stopRunner(Bot& bot, BotState state, const QString& message) {
    m_waitingForVenue.remove(bot.record.id);
    if (bot.runner) {
        bot.runner->stop();
        bot.record = bot.runner->record();
        bot.runner.reset();
    }
    bot.state = state;
    bot.message = message;
}

void EngineBots::fail(Bot& bot, const QString& message) {
    stopRunner(bot, BotState::Error, message);
    log(bot, message);
    publish(bot);
}

void EngineBots::pause(const QString& id) {
    Bot* bot = find(id);
    if (!bot || (bot->state != BotState::Running && bot->state != BotState::Starting))
        return;
    stopRunner(*bot, BotState::Paused);
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Paused; its open orders stay in the book."));
    publish(*bot);
}

void EngineBots::stop(const QString& id) {
    Bot* bot = find(id);
    if (!bot)
        return;
    stopRunner(*bot, BotState::Stopped);
    if (bot->record.status != BotRecord::Status::Stopped) {
        bot->record.status = BotRecord::Status::Stopped;
        bot->record.haltReason.clear();
        m_engine.journal()->saveBot(bot->record, m_engine.clock().nowMs());
    }
    m_engine.cancelBotOrders(id);
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Stopped; its open orders are cancelled."));
    publish(*bot);
}

void EngineBots::remove(const QString& id) {
    Bot* bot = find(id);
    if (!bot)
        return;
    stopRunner(*bot, BotState::Stopped);
    m_engine.cancelBotOrders(id);
    // Its orders and fills stay in the journal: they are the account's history.
    QSqlQuery q(m_database->database());
    q.prepare(QStringLiteral("DELETE FROM bots WHERE id = ?"));
    q.addBindValue(id);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM bot_settings WHERE bot = ?"));
    q.addBindValue(id);
    q.exec();
    m_bots.erase(id);
    emit removed(id);
}

void EngineBots::duplicate(const QString& id, const QString& newId) {
    Bot* bot = find(id);
    if (!bot || find(newId))
        return;
    BotRecord copy;
    copy.id = newId;
    copy.strategy = bot->record.strategy;
    copy.venue = bot->record.venue;
    copy.market = bot->record.market;
    copy.params = bot->record.params;
    copy.position.currency = bot->record.position.currency;
    copy.position.costCurrency = bot->record.position.costCurrency;
    create(copy, bot->limits);
}

void EngineBots::pauseAll() {
    for (auto& [id, bot] : m_bots)
        if (bot.state == BotState::Running || bot.state == BotState::Starting)
            pause(id);
}

void EngineBots::resumeAll() {
    for (auto& [id, bot] : m_bots)
        if (bot.state == BotState::Paused)
            resume(id);
}

void EngineBots::haltAll(const QString& reason) {
    for (auto& [id, bot] : m_bots) {
        if (bot.state != BotState::Running && bot.state != BotState::Starting &&
            bot.state != BotState::Paused)
            continue;
        stopRunner(bot, BotState::Halted, reason);
        bot.record.status = BotRecord::Status::Halted;
        bot.record.haltReason = reason;
        m_engine.journal()->saveBot(bot.record, m_engine.clock().nowMs());
        log(bot, QCoreApplication::translate("hoga::EngineBots", "Halted: %1").arg(reason));
        publish(bot);
    }
}

void EngineBots::shutdown() {
    if (m_ticker)
        m_ticker->stop();
    for (auto& [id, bot] : m_bots) {
        const bool running = bot.state == BotState::Running || bot.state == BotState::Starting;
        stopRunner(bot, bot.state);
        if (running && bot.record.status != BotRecord::Status::Halted) {
            bot.record.status = BotRecord::Status::Running; // starts again at the next login
            m_engine.journal()->saveBot(bot.record, m_engine.clock().nowMs());
        }
    }
}

void EngineBots::tickAll() {
    for (auto& [id, bot] : m_bots) {
        if (bot.runner && bot.state == BotState::Running) {
            bot.runner->tick();
            publish(bot);
        }
    }
}

QVector<BotSnapshot> EngineBots::snapshots() const {
    QVector<BotSnapshot> out;
    for (const auto& [id, bot] : m_bots) {
        BotSnapshot s;
        s.record = bot.runner ? bot.runner->record() : bot.record;
        s.limits = bot.limits;
        s.state = bot.state;
        s.message = bot.message;
        out.append(s);
    }
    return out;
}

void EngineBots::publish(Bot& bot) {
    if (bot.runner)
        bot.record = bot.runner->record();
    BotSnapshot s;
    s.record = bot.record;
    s.limits = bot.limits;
    s.state = bot.state;
    s.message = bot.message;
    s.lastPrice = m_engine.lastPrice(bot.record.venue, bot.record.market);
    if (s.lastPrice)
        s.unrealisedPnl = bot.record.position.unrealizedPnl(*s.lastPrice);
    countOrdersToday(bot);
    s.ordersToday = int(bot.ordersToday.size());
    s.lastSignal = bot.lastSignal;
    s.lastSignalMs = bot.lastSignalMs;
    emit snapshotChanged(s);
}

void EngineBots::log(Bot& bot, const QString& line) {
    emit logged(bot.record.id, m_engine.clock().nowMs(), line);
}

void EngineBots::countOrdersToday(Bot& bot) {
    const qint64 day = m_engine.clock().nowMs() / kDayMs;
    if (day == bot.ordersDay)
        return;
    bot.ordersDay = day;
    bot.ordersToday.clear();
    for (const JournalOrder& o : m_engine.journal()->orders(bot.record.id))
        if (o.order.createdAtMs / kDayMs == day)
            bot.ordersToday.insert(o.order.clientId);
}

void EngineBots::onOrderChanged(const ManagedOrder& order) {
    Bot* bot = order.bot.isEmpty() ? nullptr : find(order.bot);
    if (!bot)
        return;
    countOrdersToday(*bot);
    if (!bot->ordersToday.contains(order.order.clientId)) {
        bot->ordersToday.insert(order.order.clientId);
        bot->lastSignal = order.tag.isEmpty() ? sideText(order.order.side) : order.tag;
        bot->lastSignalMs = m_engine.clock().nowMs();
    }
    publish(*bot);
}

void EngineBots::onOrderError(const QString& clientId, const QString& message) {
    const auto order = m_engine.journal()->order(clientId);
    Bot* bot = order && !order->bot.isEmpty() ? find(order->bot) : nullptr;
    if (!bot)
        return;
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Order %1 (%2 %3): %4")
                  .arg(clientId.left(8), sideText(order->order.side), order->order.market, message));
}

void EngineBots::onFill(const Fill& fill, const QString& botId) {
    Bot* bot = botId.isEmpty() ? nullptr : find(botId);
    if (!bot)
        return;
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Filled: %1 %2 at %3")
                  .arg(sideText(fill.side), fill.qty.toString(), fill.price.toString()));
    // The runner applies the fill to its position in its own slot, after this one.
    QMetaObject::invokeMethod(
        this,
        [this, botId] {
            if (Bot* b = find(botId))
                publish(*b);
        },
        Qt::QueuedConnection);
}

void EngineBots::onRiskRefused(const QString& botId, const QString& reason) {
    Bot* bot = botId.isEmpty() ? nullptr : find(botId);
    if (!bot)
        return;
    bot->lastSignal = reason;
    bot->lastSignalMs = m_engine.clock().nowMs();
    log(*bot, QCoreApplication::translate("hoga::EngineBots", "Refused by a risk limit: %1").arg(reason));
    publish(*bot);
}

bool EngineBots::saveLimits(const QString& id, const RiskLimits& limits) {
    QSqlQuery q(m_database->database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO bot_settings (bot, risk_limits) VALUES (?, ?)"));
    q.addBindValue(id);
    q.addBindValue(QString::fromUtf8(QJsonDocument(riskLimitsToJson(limits)).toJson(QJsonDocument::Compact)));
    return q.exec();
}

} // namespace hoga
