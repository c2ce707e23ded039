#include "order_table_model.h"

#include "common/item_roles.h"
#include "format/decimal_format.h"
#include "order_text.h"
#include "theme/terminal_theme.h"

#include <QCoreApplication>

namespace hoga {

OrderTableModel::OrderTableModel(QVector<OrderField> columns, QObject* parent)
    : KeyedRowsModel<OrderRow>(parent)
    , m_columns(std::move(columns)) {}

int OrderTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

bool OrderTableModel::sameRow(const OrderRow& a, const OrderRow& b) const {
    const Order& x = a.order;
    const Order& y = b.order;
    return x.id == y.id && x.state == y.state && x.filledQty == y.filledQty &&
           x.filledQuote == y.filledQuote && x.fee == y.fee && x.price == y.price && x.qty == y.qty &&
           x.total == y.total && x.updatedAtMs == y.updatedAtMs && x.rejectReason == y.rejectReason &&
           a.format.isKnown() == b.format.isKnown();
}

QString OrderTableModel::statusText(const Order& order) const {
    return orderStateText(order.state);
}

QString OrderTableModel::actionText(const Order&) const {
    return {};
}

QString OrderTableModel::orderIdAt(int row) const {
    const OrderRow* r = rowAt(row);
    return r ? r->order.id : QString();
}

QVariant OrderTableModel::data(const QModelIndex& index, int role) const {
    const OrderRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const Order& o = row->order;
    const MarketFormat& f = row->format;
    const OrderField column = field(index.column());
    const bool byTotal = executesImmediately(o.type) && o.qty.isZero() && o.total.isPositive();

    if (role == KeyRole)
        return o.id;
    if (role == ButtonRole)
        return column == OrderField::Action ? actionText(o) : QString();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case OrderField::Time:
            return tableTime(o.state == OrderState::Open ? o.createdAtMs : o.updatedAtMs);
        case OrderField::Market:
            return o.market;
        case OrderField::Side:
            return sideText(o.side);
        case OrderField::Type:
            return orderKindText(o);
        case OrderField::Price:
            if (hasFixedPrice(o.session) && o.price.isZero())
                return QCoreApplication::translate("hoga::OrderText", "At the close");
            return o.type == OrderType::Limit ? f.price(o.price)
                                              : QCoreApplication::translate("hoga::OrderText", "Market");
        case OrderField::Qty:
            return byTotal ? f.quoteAmount(o.total) + QLatin1Char(' ') + f.quote() : f.qty(o.qty);
        case OrderField::Filled:
            return f.qty(o.filledQty);
        case OrderField::Remaining:
            return byTotal ? QString() : f.qty(o.remainingQty());
        case OrderField::AvgPrice:
            return o.filledQty.isPositive() ? f.derivedPrice(o.averageFillPrice(12)) : QString();
        case OrderField::Fee:
            return o.fee.isZero() ? QString() : f.quoteAmount(o.fee);
        case OrderField::Status:
            return statusText(o);
        case OrderField::Action:
            return {};
        }
        return {};
    case Qt::ToolTipRole:
        if (column == OrderField::Status && !o.rejectReason.isEmpty())
            return o.rejectReason;
        if (column == OrderField::Market || column == OrderField::Time)
            return QCoreApplication::translate("hoga::OrderText", "Order %1").arg(o.id);
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case OrderField::Market:
        case OrderField::Side:
        case OrderField::Type:
        case OrderField::Status:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case OrderField::Action:
            return QVariant(Qt::AlignCenter);
        default:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        if (column == OrderField::Side)
            return o.side == Side::Buy ? m_colors.up : m_colors.down;
        if (column == OrderField::Time)
            return theme::dimText();
        if (column == OrderField::Status && o.state == OrderState::Rejected)
            return theme::error();
        if (column == OrderField::Status && (o.state == OrderState::Cancelled))
            return theme::dimText();
        return {};
    case Qt::FontRole:
        switch (column) {
        case OrderField::Time:
        case OrderField::Price:
        case OrderField::Qty:
        case OrderField::Filled:
        case OrderField::Remaining:
        case OrderField::AvgPrice:
        case OrderField::Fee:
            return theme::numberFont();
        default:
            return {};
        }
    case DecimalRole:
        switch (column) {
        case OrderField::Price:
            return QVariant::fromValue(o.price);
        case OrderField::Qty:
            return QVariant::fromValue(byTotal ? o.total : o.qty);
        case OrderField::Filled:
            return QVariant::fromValue(o.filledQty);
        case OrderField::Remaining:
            return QVariant::fromValue(o.remainingQty());
        case OrderField::AvgPrice:
            return QVariant::fromValue(o.averageFillPrice(12));
        case OrderField::Fee:
            return QVariant::fromValue(o.fee);
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case OrderField::Time:
            return o.state == OrderState::Open ? o.createdAtMs : o.updatedAtMs;
        case OrderField::Price:
            return o.price.toDouble();
        case OrderField::Qty:
            return o.qty.toDouble();
        case OrderField::Filled:
            return o.filledQty.toDouble();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant OrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    const OrderField column = m_columns[section];
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case OrderField::Market:
        case OrderField::Side:
        case OrderField::Type:
        case OrderField::Status:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case OrderField::Action:
            return QVariant(Qt::AlignCenter);
        default:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case OrderField::Time:
        return tr("Time");
    case OrderField::Market:
        return tr("Market");
    case OrderField::Side:
        return tr("Side");
    case OrderField::Type:
        return tr("Type");
    case OrderField::Price:
        return tr("Price");
    case OrderField::Qty:
        return tr("Quantity");
    case OrderField::Filled:
        return tr("Filled");
    case OrderField::Remaining:
        return tr("Remaining");
    case OrderField::AvgPrice:
        return tr("Avg. fill price");
    case OrderField::Fee:
        return tr("Fee");
    case OrderField::Status:
        return tr("Status");
    case OrderField::Action:
        return QString();
    }
    return {};
}

void OrderTableModel::setOrders(const QVector<Order>& orders) {
    QVector<OrderRow> next;
    next.reserve(orders.size());
    QHash<QString, MarketFormat> formats;
    for (const Order& o : orders) {
        auto it = formats.find(o.market);
        if (it == formats.end())
            it = formats.insert(o.market, m_lookup ? m_lookup(o.market) : MarketFormat());
        next.append(OrderRow{o, *it});
    }
    syncRows(next);
}

void OrderTableModel::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    refreshAll();
}

// --- OpenOrdersModel

OpenOrdersModel::OpenOrdersModel(QObject* parent)
    : OrderTableModel({OrderField::Time, OrderField::Market, OrderField::Side, OrderField::Type,
                       OrderField::Price, OrderField::Qty, OrderField::Filled, OrderField::Remaining,
                       OrderField::Status, OrderField::Action},
                      parent) {}

void OpenOrdersModel::markCancelling(const QString& orderId) {
    m_cancelling.insert(orderId);
    const int row = rowOfKey(orderId);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void OpenOrdersModel::setOrders(const QVector<Order>& orders) {
    QSet<QString> still;
    for (const Order& o : orders)
        still.insert(o.id);
    m_cancelling.intersect(still);
    OrderTableModel::setOrders(orders);
}

void OpenOrdersModel::clearCancelling() {
    const QSet<QString> ids = m_cancelling;
    m_cancelling.clear();
    for (const QString& id : ids) {
        const int row = rowOfKey(id);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

QString OpenOrdersModel::statusText(const Order& order) const {
    return m_cancelling.contains(order.id) ? tr("Cancelling…") : OrderTableModel::statusText(order);
}

QString OpenOrdersModel::actionText(const Order& order) const {
    return m_cancelling.contains(order.id) || !order.isOpen() ? QString() : tr("Cancel");
}

// --- OrderHistoryModel

OrderHistoryModel::OrderHistoryModel(QObject* parent)
    : OrderTableModel({OrderField::Time, OrderField::Market, OrderField::Side, OrderField::Type,
                       OrderField::Price, OrderField::Qty, OrderField::Filled, OrderField::AvgPrice,
                       OrderField::Fee, OrderField::Status},
                      parent) {}

} // namespace hoga
