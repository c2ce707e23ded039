#pragma once

#include "core/orderbook.h"
#include "format/market_format.h"
#include "theme/price_colors.h"

#include <QAbstractTableModel>
#include <QVector>

namespace hoga {

// One side of the order-book ladder. Bids are listed best first (row 0 is the highest bid); asks are
// listed best last, so in a view above the bids the best ask sits next to the spread. Updates signal only
// the rows whose level changed, and add or remove rows at the far end of the ladder.
class OrderBookSideModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PriceColumn, QtyColumn, CumulativeColumn, ColumnCount };

    explicit OrderBookSideModel(Side side, QObject* parent = nullptr);

    Side side() const { return m_side; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows up to `maxLevels` levels of this side of `book`. Depth bars are scaled so that `depthScale`
    // (the larger cumulative quantity of both sides) and `levelScale` (the largest level of both sides) span
    // the full row.
    void setBook(const OrderBook& book, const MarketFormat& format, int maxLevels, const Decimal& depthScale,
                 const Decimal& levelScale);
    void clear();
    void setPriceColors(const PriceColors& colors);

    // The level's price at `row`, nullopt when out of range.
    std::optional<Decimal> priceAt(int row) const;
    // The row showing the best level (0 for bids, last for asks), -1 when empty.
    int bestRow() const;

private:
    struct Row {
        Decimal price;
        Decimal qty;
        Decimal cumulative;
        double depth = 0;      // pixels only
        double levelDepth = 0; // pixels only
        QString priceText;
        QString qtyText;
        QString cumulativeText;
        bool operator==(const Row&) const = default;
    };
    QVector<Row> buildRows(const OrderBook& book, const MarketFormat& format, int maxLevels,
                           const Decimal& depthScale, const Decimal& levelScale) const;

    Side m_side;
    QVector<Row> m_rows; // in display order
    PriceColors m_colors = PriceColors::international();
};

} // namespace hoga
