#pragma once

#include "common/keyed_rows_model.h"
#include "theme/price_colors.h"
#include "trading/portfolio.h"

namespace hoga {

// One row per holding (per venue), valued live. Rows are keyed by currency, or by "venue:currency" when the
// snapshot holds several venues. Rows keep their first-seen order (so a tick never moves rows around
// and never resets the model); sort through a proxy on SortRole.
class PortfolioModel : public KeyedRowsModel<PortfolioRow> {
    Q_OBJECT
public:
    enum Column {
        AssetColumn,
        VenueColumn, // hidden unless several venues run
        QtyColumn,
        AvgPriceColumn,
        PriceColumn,
        ValueKrwColumn,
        ValueUsdtColumn,
        PnlColumn,
        PnlRateColumn,
        ShareColumn,
        ColumnCount
    };

    explicit PortfolioModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSnapshot(const PortfolioSnapshot& snapshot);
    const PortfolioSnapshot& snapshot() const { return m_snapshot; }
    void setPriceColors(const PriceColors& colors);

protected:
    QString rowKey(const PortfolioRow& row) const override;
    bool sameRow(const PortfolioRow& a, const PortfolioRow& b) const override;

private:
    QString priceTip(const PortfolioRow& r) const;

    PortfolioSnapshot m_snapshot;
    bool m_venueKeys = false;
    PriceColors m_colors = PriceColors::international();
};

} // namespace hoga
