#include "trade_tape_model.h"

#include "common/item_roles.h"
#include "theme/terminal_theme.h"

#include <QDateTime>

namespace hoga {

TradeTapeModel::TradeTapeModel(int maxRows, QObject* parent)
    : QAbstractTableModel(parent)
    , m_maxRows(maxRows) {}

int TradeTapeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_trades.size());
}

int TradeTapeModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TradeTapeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_trades.size())
        return {};
    const Trade& t = m_trades[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const Texts& texts = m_texts[index.row()];
        switch (index.column()) {
        case TimeColumn:
            return texts.time;
        case PriceColumn:
            return texts.price;
        case QtyColumn:
            return texts.qty;
        case ValueColumn:
            return texts.value;
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == TimeColumn || index.column() == ValueColumn)
            return theme::dimText();
        return t.side == Side::Buy ? m_colors.up : m_colors.down;
    case Qt::FontRole:
        return theme::numberFont();
    case Qt::ToolTipRole:
        return t.side == Side::Buy ? tr("Buyer took the ask") : tr("Seller hit the bid");
    case SignRole:
        return t.side == Side::Buy ? 1 : -1;
    case KeyRole:
        return t.id;
    case DecimalRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(t.price);
        if (index.column() == QtyColumn)
            return QVariant::fromValue(t.qty);
        if (index.column() == ValueColumn)
            return QVariant::fromValue(t.price * t.qty);
        return {};
    }
    return {};
}

QVariant TradeTapeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PriceColumn:
        return tr("Price");
    case QtyColumn:
        return tr("Quantity");
    case ValueColumn:
        return m_format.quote().isEmpty() ? tr("Value") : tr("Value (%1)").arg(m_format.quote());
    }
    return {};
}

void TradeTapeModel::setTrades(const QVector<Trade>& newestFirst, const MarketFormat& format) {
    beginResetModel();
    m_format = format;
    m_trades = newestFirst.mid(0, m_maxRows);
    m_texts.clear();
    m_texts.reserve(m_trades.size());
    for (const Trade& t : std::as_const(m_trades))
        m_texts.append(textsOf(t));
    endResetModel();
}

void TradeTapeModel::addTrades(const QVector<Trade>& oldestFirst) {
    if (oldestFirst.isEmpty())
        return;
    const int count = std::min(static_cast<int>(oldestFirst.size()), m_maxRows);
    beginInsertRows({}, 0, count - 1);
    QVector<Trade> fresh;
    fresh.reserve(count);
    for (int i = static_cast<int>(oldestFirst.size()) - 1; i >= 0 && fresh.size() < count; --i)
        fresh.append(oldestFirst[i]);
    QVector<Texts> texts;
    texts.reserve(fresh.size());
    for (const Trade& t : std::as_const(fresh))
        texts.append(textsOf(t));
    m_trades = fresh + m_trades;
    m_texts = texts + m_texts;
    endInsertRows();
    if (m_trades.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, static_cast<int>(m_trades.size()) - 1);
        m_trades.resize(m_maxRows);
        m_texts.resize(m_maxRows);
        endRemoveRows();
    }
}

TradeTapeModel::Texts TradeTapeModel::textsOf(const Trade& t) const {
    return {QDateTime::fromMSecsSinceEpoch(t.timestampMs).toLocalTime().toString(QStringLiteral("HH:mm:ss")),
            m_format.price(t.price), m_format.exactQty(t.qty), m_format.quoteAmount(t.price * t.qty)};
}

void TradeTapeModel::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    if (!m_trades.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

} // namespace hoga
