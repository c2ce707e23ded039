#pragma once

#include "session/profile_engine_types.h"

#include <QAbstractTableModel>
#include <QList>

namespace hoga {

class ProfileEngine;
class VenueSession;

// The KRW price of one USDT from the running venues' KRW-USDT tickers (Upbit first, then Bithumb, then any
// other), or nullopt.
std::optional<Decimal> usdtKrwRate(const QList<VenueSession*>& sessions);

// The translated word for a bot's state ("Running", "Halted by risk" ...).
QString botStateText(BotState state);

// The profile's bots, one row each, live from the ProfileEngine's snapshots.
class BotTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Strategy,
        Venue,
        Market,
        State,
        Position,
        Realised,
        Unrealised,
        PnlKrw,
        PnlUsdt,
        OrdersToday,
        LastSignal,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit BotTableModel(ProfileEngine* engine, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString botId(int row) const;
    int rowOf(const QString& id) const;

private:
    void reload();
    void refreshRow(const QString& id);
    QString pnlIn(const BotSnapshot& bot, const QString& currency) const;

    ProfileEngine* m_engine;
    QVector<BotSnapshot> m_rows;
};

} // namespace hoga
