#include "order_book_side_model.h"

#include "common/item_roles.h"
#include "theme/terminal_theme.h"

#include <algorithm>

namespace hoga {

namespace {

double fractionOf(const Decimal& value, const Decimal& scale) {
    if (!scale.isPositive())
        return 0.0;
    // Exact ratio rounded for the bar's pixel length only.
    return std::clamp(value.divide(scale, 6, Rounding::HalfEven).toDouble(), 0.0, 1.0);
}

} // namespace

OrderBookSideModel::OrderBookSideModel(Side side, QObject* parent)
    : QAbstractTableModel(parent)
    , m_side(side) {}

int OrderBookSideModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OrderBookSideModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderBookSideModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PriceColumn:
            return r.priceText;
        case QtyColumn:
            return r.qtyText;
        case CumulativeColumn:
            return r.cumulativeText;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == PriceColumn)
            return m_side == Side::Buy ? m_colors.up : m_colors.down;
        if (index.column() == CumulativeColumn)
            return theme::dimText();
        return {};
    case Qt::FontRole:
        return theme::numberFont();
    case Qt::ToolTipRole:
        return index.column() == PriceColumn ? tr("Click to use this price in the order ticket") : QVariant();
    case DepthRole:
        return r.depth;
    case LevelDepthRole:
        return r.levelDepth;
    case KeyRole:
        return r.price.toString();
    case DecimalRole:
        switch (index.column()) {
        case PriceColumn:
            return QVariant::fromValue(r.price);
        case QtyColumn:
            return QVariant::fromValue(r.qty);
        case CumulativeColumn:
            return QVariant::fromValue(r.cumulative);
        }
        return {};
    }
    return {};
}

QVariant OrderBookSideModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PriceColumn:
        return m_side == Side::Sell ? tr("Ask price") : tr("Bid price");
    case QtyColumn:
        return tr("Quantity");
    case CumulativeColumn:
        return tr("Cumulative");
    }
    return {};
}

QVector<OrderBookSideModel::Row> OrderBookSideModel::buildRows(const OrderBook& book,
                                                               const MarketFormat& format, int maxLevels,
                                                               const Decimal& depthScale,
                                                               const Decimal& levelScale) const {
    const QVector<BookLevel>& levels = m_side == Side::Buy ? book.bids() : book.asks();
    const int n = std::min(static_cast<int>(levels.size()), maxLevels);
    QVector<Row> rows(n);
    Decimal cumulative;
    for (int i = 0; i < n; ++i) { // i = distance from the best level
        const BookLevel& level = levels[i];
        cumulative += level.qty;
        Row r;
        r.price = level.price;
        r.qty = level.qty;
        r.cumulative = cumulative;
        r.depth = fractionOf(cumulative, depthScale);
        r.levelDepth = fractionOf(level.qty, levelScale);
        r.priceText = format.price(level.price);
        r.qtyText = format.ladderQty(level.qty);
        r.cumulativeText = format.ladderQty(cumulative);
        rows[m_side == Side::Buy ? i : n - 1 - i] = r;
    }
    return rows;
}

void OrderBookSideModel::setBook(const OrderBook& book, const MarketFormat& format, int maxLevels,
                                 const Decimal& depthScale, const Decimal& levelScale) {
    QVector<Row> next = buildRows(book, format, maxLevels, depthScale, levelScale);
    const int oldCount = static_cast<int>(m_rows.size());
    const int newCount = static_cast<int>(next.size());

    // Grow or shrink at the far end of the ladder (the bottom for bids, the top for asks).
    if (newCount > oldCount) {
        const int added = newCount - oldCount;
        if (m_side == Side::Buy) {
            beginInsertRows({}, oldCount, newCount - 1);
            m_rows.append(next.mid(oldCount));
        } else {
            beginInsertRows({}, 0, added - 1);
            m_rows = next.mid(0, added) + m_rows;
        }
        endInsertRows();
    } else if (newCount < oldCount) {
        const int removed = oldCount - newCount;
        if (m_side == Side::Buy) {
            beginRemoveRows({}, newCount, oldCount - 1);
            m_rows.resize(newCount);
        } else {
            beginRemoveRows({}, 0, removed - 1);
            m_rows.remove(0, removed);
        }
        endRemoveRows();
    }

    int first = -1;
    int last = -1;
    for (int i = 0; i < newCount; ++i) {
        if (m_rows[i] == next[i])
            continue;
        m_rows[i] = next[i];
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void OrderBookSideModel::clear() {
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

void OrderBookSideModel::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

std::optional<Decimal> OrderBookSideModel::priceAt(int row) const {
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row].price;
}

int OrderBookSideModel::bestRow() const {
    if (m_rows.isEmpty())
        return -1;
    return m_side == Side::Buy ? 0 : static_cast<int>(m_rows.size()) - 1;
}

} // namespace hoga
