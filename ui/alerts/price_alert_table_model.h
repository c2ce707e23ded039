#pragma once

#include "alerts/price_alert.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hoga {

class PriceAlertBook;

// The alerts of a PriceAlertBook as rows: market, condition, state, when it fired and at which price.
// Follows the book (alertsChanged). Qt::UserRole gives the alert's id.
class PriceAlertTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { MarketColumn, ConditionColumn, StateColumn, FiredColumn, FiredPriceColumn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole;

    explicit PriceAlertTableModel(PriceAlertBook* book, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const PriceAlert* alertAt(int row) const;
    int rowOf(qint64 id) const; // -1 if absent

private:
    void reload();

    QPointer<PriceAlertBook> m_book;
    QList<PriceAlert> m_rows;
};

} // namespace hoga
