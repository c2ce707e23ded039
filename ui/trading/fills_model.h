#pragma once

#include "common/keyed_rows_model.h"
#include "core/order.h"
#include "format/market_format.h"
#include "theme/price_colors.h"

namespace hoga {

struct FillRow {
    Fill fill;
    MarketFormat format;
};

// The account's own fills (executions), newest first.
class FillsModel : public KeyedRowsModel<FillRow> {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MarketColumn,
        SideColumn,
        PriceColumn,
        QtyColumn,
        TotalColumn,
        FeeColumn,
        LiquidityColumn,
        ColumnCount
    };

    explicit FillsModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFormatLookup(MarketFormatLookup lookup) { m_lookup = std::move(lookup); }
    void setFills(const QVector<Fill>& newestFirst);
    void setPriceColors(const PriceColors& colors);

    // A fill's identity: the venue's trade id, or (when a venue gives none) order id, time and quantity.
    static QString keyOf(const Fill& fill);

protected:
    QString rowKey(const FillRow& row) const override { return keyOf(row.fill); }
    bool sameRow(const FillRow& a, const FillRow& b) const override;

private:
    MarketFormatLookup m_lookup;
    PriceColors m_colors = PriceColors::international();
};

} // namespace hoga
