#include "price_alert_table_model.h"

#include "alerts/price_alert_book.h"
#include "format/decimal_format.h"
#include "trading/order_text.h"

namespace hoga {

PriceAlertTableModel::PriceAlertTableModel(PriceAlertBook* book, QObject* parent)
    : QAbstractTableModel(parent)
    , m_book(book) {
    connect(book, &PriceAlertBook::alertsChanged, this, &PriceAlertTableModel::reload);
    reload();
}

void PriceAlertTableModel::reload() {
    beginResetModel();
    m_rows = m_book ? m_book->alerts() : QList<PriceAlert>{};
    endResetModel();
}

int PriceAlertTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PriceAlertTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const PriceAlert* PriceAlertTableModel::alertAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int PriceAlertTableModel::rowOf(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

QVariant PriceAlertTableModel::data(const QModelIndex& index, int role) const {
    const PriceAlert* a = alertAt(index.row());
    if (!a)
        return {};
    if (role == IdRole)
        return a->id;
    if (role == Qt::TextAlignmentRole && index.column() == FiredPriceColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case MarketColumn:
        return tr("%1 · %2").arg(a->market, a->venue);
    case ConditionColumn:
        return describePriceAlertCondition(*a, formatDecimalTrimmed(a->threshold, 8));
    case StateColumn:
        return a->isArmed() ? tr("Armed") : tr("Fired");
    case FiredColumn:
        if (a->isArmed() || a->firedMs == 0)
            return QString();
        return tableTime(a->firedMs); // like the order tables: the time today, else the date too
    case FiredPriceColumn:
        return a->firedPrice ? formatDecimalTrimmed(*a->firedPrice, 8) : QString();
    default:
        return {};
    }
}

QVariant PriceAlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MarketColumn:
        return tr("Market");
    case ConditionColumn:
        return tr("Condition");
    case StateColumn:
        return tr("State");
    case FiredColumn:
        return tr("Fired at");
    case FiredPriceColumn:
        return tr("Price");
    default:
        return {};
    }
}

} // namespace hoga
