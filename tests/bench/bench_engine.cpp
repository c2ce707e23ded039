// The trading engine's speed, as one JSON object:
//  - events_per_s: closed 1-second candles through a running bot: strategy (SMA cross), risk checks on
//    every signal (refused by a maximum order value, so no order is sent: the path is strategy + risk);
//  - orders_per_s: orders placed end to end (rules, risk, journal pending row, send, answer, fill),
//    each with its synchronous (fsynced) journal writes;
//  - journal_writes_per_s: bare journal writes (pending row + one state change per order).
// Run: build/rel/tests/bench/bench_engine [--events N] [--orders N]

#include "../trading/engine/engine_day_driver.h"

#include "storage/order_journal.h"
#include "storage/profile_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace hoga;
using namespace hoga::test;

namespace {

int argValue(const QStringList& args, const QString& name, int fallback) {
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int events = argValue(args, QStringLiteral("--events"), 500'000);
    const int orders = argValue(args, QStringLiteral("--orders"), 300);
    QTemporaryDir dir;

    // 1. Events through strategy and risk.
    RiskLimits refuseAll;
    refuseAll.maxOrderValue = Decimal(1);
    EngineDayDriver flow(dir.filePath(QStringLiteral("events.sqlite")),
                         {{QStringLiteral("fast"), QStringLiteral("5")},
                          {QStringLiteral("slow"), QStringLiteral("20")},
                          {QStringLiteral("interval"), QStringLiteral("1s")},
                          {QStringLiteral("order_value"), QStringLiteral("10000")}},
                         refuseAll);
    if (!flow.ok()) {
        std::fprintf(stderr, "engine did not open\n");
        return 1;
    }
    int refused = 0;
    QObject::connect(&flow.engine(), &TradingEngine::riskRefused, [&refused] { ++refused; });
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < events; ++i)
        flow.step();
    const double eventSeconds = timer.nsecsElapsed() / 1e9;

    // 2. Orders end to end.
    EngineDayDriver placing(dir.filePath(QStringLiteral("orders.sqlite")),
                            {{QStringLiteral("order_value"), QStringLiteral("10000")}});
    timer.restart();
    int placed = 0;
    for (int i = 0; i < orders; ++i) {
        OrderRequest r;
        r.market = QStringLiteral("KRW-BTC");
        r.side = i % 2 ? Side::Sell : Side::Buy;
        r.type = OrderType::Limit;
        r.price = Decimal(150'000'000);
        r.qty = Decimal::fromString("0.0001");
        if (placing.engine().placeOrder(QStringLiteral("fake"), r, QStringLiteral("bench")).ok())
            ++placed;
        QCoreApplication::processEvents();
    }
    const double orderSeconds = timer.nsecsElapsed() / 1e9;

    // 3. Bare journal writes.
    ProfileDatabase database(dir.filePath(QStringLiteral("journal.sqlite")));
    if (database.open() != ProfileDatabase::Status::Ok)
        return 1;
    OrderJournal journal(database);
    timer.restart();
    int writes = 0;
    for (int i = 0; i < orders; ++i) {
        Order o;
        o.venue = QStringLiteral("fake");
        o.clientId = QStringLiteral("c%1").arg(i);
        o.market = QStringLiteral("KRW-BTC");
        o.price = Decimal(150'000'000);
        o.qty = Decimal::fromString("0.0001");
        writes += journal.insertPending(o, QStringLiteral("bench"), {}, i) ? 1 : 0;
        o.id = QStringLiteral("v%1").arg(i);
        o.state = OrderState::Open;
        writes += journal.update(o, JournalState::Open, i) ? 1 : 0;
    }
    const double journalSeconds = timer.nsecsElapsed() / 1e9;

    std::printf("{\"bench\":\"engine\",\"events\":%d,\"events_per_s\":%.0f,\"signals_refused_by_risk\":%d,"
                "\"orders\":%d,\"orders_per_s\":%.1f,\"journal_writes\":%d,\"journal_writes_per_s\":%.1f}\n",
                events, events / eventSeconds, refused, placed, placed / orderSeconds, writes,
                writes / journalSeconds);
    return 0;
}
