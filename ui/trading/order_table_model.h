#pragma once

#include "common/keyed_rows_model.h"
#include "core/order.h"
#include "format/market_format.h"
#include "theme/price_colors.h"

#include <QSet>

namespace hoga {

enum class OrderField {
    Time,
    Market,
    Side,
    Type,
    Price,
    Qty,
    Filled,
    Remaining,
    AvgPrice,
    Fee,
    Status,
    Action
};

struct OrderRow {
    Order order;
    MarketFormat format;
};

// A table of orders whose columns are chosen by the subclass. Rows are keyed by the venue's order id and
// updated in place (see KeyedRowsModel).
class OrderTableModel : public KeyedRowsModel<OrderRow> {
    Q_OBJECT
public:
    OrderTableModel(QVector<OrderField> columns, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFormatLookup(MarketFormatLookup lookup) { m_lookup = std::move(lookup); }
    // Shows `orders` in the given order (newest first, as the session returns them).
    virtual void setOrders(const QVector<Order>& orders);
    void setPriceColors(const PriceColors& colors);

    OrderField field(int column) const { return m_columns.value(column); }
    int columnOf(OrderField field) const { return static_cast<int>(m_columns.indexOf(field)); }
    QString orderIdAt(int row) const;

protected:
    QString rowKey(const OrderRow& row) const override { return row.order.id; }
    bool sameRow(const OrderRow& a, const OrderRow& b) const override;
    // The status text of a row (open orders show "Cancelling…" while a cancel is in flight).
    virtual QString statusText(const Order& order) const;
    virtual QString actionText(const Order& order) const;

private:
    QVector<OrderField> m_columns;
    MarketFormatLookup m_lookup;
    PriceColors m_colors = PriceColors::international();
};

// The account's open orders, with a Cancel action per row.
class OpenOrdersModel : public OrderTableModel {
    Q_OBJECT
public:
    explicit OpenOrdersModel(QObject* parent = nullptr);

    // Marks an order whose cancel was sent; cleared when the order leaves the list.
    void markCancelling(const QString& orderId);
    // After a failed cancel: offer Cancel again on every row.
    void clearCancelling();
    bool isCancelling(const QString& orderId) const { return m_cancelling.contains(orderId); }
    void setOrders(const QVector<Order>& orders) override;

protected:
    QString statusText(const Order& order) const override;
    QString actionText(const Order& order) const override;

private:
    QSet<QString> m_cancelling;
};

// Finished orders: filled, cancelled, rejected.
class OrderHistoryModel : public OrderTableModel {
    Q_OBJECT
public:
    explicit OrderHistoryModel(QObject* parent = nullptr);
};

} // namespace hoga
