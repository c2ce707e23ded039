#pragma once

#include "storage/order_journal.h"
#include "trading/risk/risk_limits.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace hoga {

// What a bot is doing, as the user sees it. The journal knows running / stopped / halted; paused, starting
// and error live in the running app (a paused bot is stopped with its orders left in the book).
enum class BotState {
    Stopped,
    Starting, // waiting for its venue's reconciliation or its market's rules
    Running,
    Paused,
    Halted, // by a risk limit or the emergency stop; started again by hand
    Error,  // could not start (unknown strategy, bad parameters, venue missing)
};

QString botStateName(BotState state); // "stopped", "starting", "running", ... (stable, for tests and logs)

// One bot as the desktop shows it: its journal record plus what the app knows while it runs.
struct BotSnapshot {
    BotRecord record;
    RiskLimits limits;
    BotState state = BotState::Stopped;
    QString message; // why it is halted or in error (translated)
    std::optional<Decimal> lastPrice;
    Decimal unrealisedPnl; // at the last price, in the market's quote currency
    int ordersToday = 0;   // orders the bot sent since 00:00 UTC of the engine clock
    QString lastSignal;    // the last order's tag or the last thing it logged
    qint64 lastSignalMs = 0;

    QString quoteCurrency() const { return record.position.costCurrency; }
    Decimal totalPnl() const { return record.position.realizedPnl + unrealisedPnl; }
};

// One point of a bot's PnL over time (realised plus unrealised, in the quote currency).
struct BotPnlPoint {
    qint64 timeMs = 0;
    Decimal pnl;
};

// Risk limits as text in JSON (exact decimals), for the profile database.
QJsonObject riskLimitsToJson(const RiskLimits& limits);
RiskLimits riskLimitsFromJson(const QJsonObject& json);

} // namespace hoga

Q_DECLARE_METATYPE(hoga::BotSnapshot)
