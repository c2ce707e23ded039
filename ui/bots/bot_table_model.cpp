#include "bot_table_model.h"

#include "format/decimal_format.h"

#include "marketdata/market_data_hub.h"
#include "session/profile_engine.h"
#include "session/venue_session.h"
#include "trading/strategy/strategy_params.h"

#include <QCoreApplication>
#include <QDateTime>

namespace hoga {

namespace {

const QString kKrw = QStringLiteral("KRW");
const QString kUsdt = QStringLiteral("USDT");

} // namespace

std::optional<Decimal> usdtKrwRate(const QList<VenueSession*>& sessions) {
    for (const QString& preferred : {QStringLiteral("upbit"), QStringLiteral("bithumb"), QString()}) {
        for (VenueSession* s : sessions) {
            if (!preferred.isEmpty() && s->venueId() != preferred)
                continue;
            if (const auto price = s->hub()->lastPrice(QStringLiteral("KRW-USDT"));
                price && price->isPositive())
                return price;
        }
    }
    return std::nullopt;
}

QString botStateText(BotState state) {
    switch (state) {
    case BotState::Stopped:
        return QCoreApplication::translate("hoga::BotTableModel", "Stopped");
    case BotState::Starting:
        return QCoreApplication::translate("hoga::BotTableModel", "Starting");
    case BotState::Running:
        return QCoreApplication::translate("hoga::BotTableModel", "Running");
    case BotState::Paused:
        return QCoreApplication::translate("hoga::BotTableModel", "Paused");
    case BotState::Halted:
        return QCoreApplication::translate("hoga::BotTableModel", "Halted by risk");
    case BotState::Error:
        return QCoreApplication::translate("hoga::BotTableModel", "Error");
    }
    return {};
}

BotTableModel::BotTableModel(ProfileEngine* engine, QObject* parent)
    : QAbstractTableModel(parent)
    , m_engine(engine) {
    connect(engine, &ProfileEngine::botsChanged, this, &BotTableModel::reload);
    connect(engine, &ProfileEngine::botChanged, this, &BotTableModel::refreshRow);
    reload();
}

void BotTableModel::reload() {
    beginResetModel();
    m_rows = m_engine->bots();
    endResetModel();
}

void BotTableModel::refreshRow(const QString& id) {
    const int row = rowOf(id);
    const auto bot = m_engine->bot(id);
    if (row < 0 || !bot) {
        reload();
        return;
    }
    m_rows[row] = *bot;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int BotTableModel::rowOf(const QString& id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].record.id == id)
            return i;
    return -1;
}

QString BotTableModel::botId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].record.id : QString();
}

int BotTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BotTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString BotTableModel::pnlIn(const BotSnapshot& bot, const QString& currency) const {
    const QString quote = bot.quoteCurrency();
    const Decimal pnl = bot.totalPnl();
    if (quote == currency)
        return formatAmount(pnl, currency);
    const auto rate = usdtKrwRate(m_engine->sessions());
    if (!rate)
        return QStringLiteral("—");
    if (quote == kUsdt && currency == kKrw)
        return formatAmount(pnl * *rate, kKrw);
    if (quote == kKrw && currency == kUsdt)
        return formatAmount(pnl.divide(*rate, 2, Rounding::HalfEven), kUsdt);
    return QStringLiteral("—");
}

QVariant BotTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const BotSnapshot& bot = m_rows[index.row()];
    if (role == IdRole)
        return bot.record.id;
    if (role == Qt::ToolTipRole && index.column() == State)
        return bot.message;
    if (role == Qt::TextAlignmentRole && index.column() >= Position && index.column() <= OrdersToday)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const hoga::Position& p = bot.record.position;
    switch (index.column()) {
    case Name:
        return bot.record.id;
    case Strategy: {
        const StrategyTemplate* t = findStrategy(bot.record.strategy);
        return t ? t->name : bot.record.strategy;
    }
    case Venue:
        return bot.record.venue;
    case Market:
        return bot.record.market;
    case State:
        return botStateText(bot.state);
    case Position:
        return p.currency.isEmpty() ? formatDecimalTrimmed(p.qty, 8) : formatAmount(p.qty, p.currency);
    case Realised:
        return formatAmount(p.realizedPnl, p.costCurrency);
    case Unrealised:
        return formatAmount(bot.unrealisedPnl, p.costCurrency);
    case PnlKrw:
        return pnlIn(bot, kKrw);
    case PnlUsdt:
        return pnlIn(bot, kUsdt);
    case OrdersToday:
        return bot.ordersToday;
    case LastSignal:
        if (bot.lastSignal.isEmpty())
            return QString();
        return QStringLiteral("%1  %2").arg(
            QDateTime::fromMSecsSinceEpoch(bot.lastSignalMs).toString(QStringLiteral("HH:mm:ss")),
            bot.lastSignal);
    default:
        return {};
    }
}

QVariant BotTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Strategy:
        return tr("Strategy");
    case Venue:
        return tr("Venue");
    case Market:
        return tr("Market");
    case State:
        return tr("State");
    case Position:
        return tr("Position");
    case Realised:
        return tr("Realised PnL");
    case Unrealised:
        return tr("Unrealised PnL");
    case PnlKrw:
        return tr("PnL (KRW)");
    case PnlUsdt:
        return tr("PnL (USDT)");
    case OrdersToday:
        return tr("Orders today");
    case LastSignal:
        return tr("Last signal");
    default:
        return {};
    }
}

} // namespace hoga
