#pragma once

#include "core/trade.h"
#include "format/market_format.h"
#include "theme/price_colors.h"

#include <QAbstractTableModel>
#include <QVector>

namespace hoga {

// The recent public trades of one market, newest first: time, price, quantity at the market's full precision
// and value (체결금액, price × quantity in the quote currency). New prints are inserted at the top and the
// oldest dropped at the bottom, so the tape never resets while it streams.
class TradeTapeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, PriceColumn, QtyColumn, ValueColumn, ColumnCount };

    explicit TradeTapeModel(int maxRows = 100, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the tape (e.g. on a market change). `newestFirst` as the hub returns them.
    void setTrades(const QVector<Trade>& newestFirst, const MarketFormat& format);
    // Adds new prints, given oldest first (as the hub's changes carry them).
    void addTrades(const QVector<Trade>& oldestFirst);
    void setPriceColors(const PriceColors& colors);
    int maxRows() const { return m_maxRows; }
    const QVector<Trade>& trades() const { return m_trades; } // newest first

private:
    // A row's texts, made once when the trade arrives: repaints only read them.
    struct Texts {
        QString time, price, qty, value;
    };
    Texts textsOf(const Trade& trade) const;

    int m_maxRows;
    QVector<Trade> m_trades; // newest first
    QVector<Texts> m_texts;  // parallel to m_trades
    MarketFormat m_format;
    PriceColors m_colors = PriceColors::international();
};

} // namespace hoga
