#pragma once

#include "core/market.h"
#include "core/ticker.h"
#include "theme/price_colors.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

#include <optional>

namespace hoga {

// Every market of a venue with its 24 h ticker. Markets come once (setMarkets); tickers stream in and
// only the rows whose ticker changed are signalled.
class MarketListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // StarColumn: ☆/★, the market's place in the watchlist (its sort key is the starring order).
    enum Column { StarColumn, MarketColumn, PriceColumn, ChangeColumn, VolumeColumn, ColumnCount };
    // Extra role of the market column: the code line under the name ("BTC/KRW").
    static constexpr int SubtitleRole = Qt::UserRole + 100;
    static constexpr int WarningRole = Qt::UserRole + 101;
    // bool: the market's stream went silent (see MarketDataHub::staleMarkets()).
    static constexpr int StaleRole = Qt::UserRole + 102;
    // bool: the market is in the watchlist.
    static constexpr int StarredRole = Qt::UserRole + 103;

    explicit MarketListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMarkets(const QVector<Market>& markets);
    void updateTickers(const QVector<Ticker>& tickers);
    void setPriceColors(const PriceColors& colors);
    // Marks these markets stale (and every other one fresh); only the rows that changed are signalled.
    void setStaleMarkets(const QSet<QString>& codes);
    bool isStale(int row) const;
    // Korean names first (when the venue gives them) for a Korean UI.
    void setPreferLocalNames(bool preferLocal);
    // The watchlist, in starring order; only the rows whose star changed are signalled.
    void setStarred(const QStringList& codes);
    bool isStarred(int row) const;

    int rowOfMarket(const QString& code) const;
    QString marketAt(int row) const;
    std::optional<Ticker> tickerAt(int row) const;
    const Market* marketInfoAt(int row) const;
    QStringList quoteCurrencies() const; // in order of first appearance

private:
    struct Row {
        Market market;
        std::optional<Ticker> ticker;
        bool stale = false;
    };
    QString nameOf(const Market& m) const;
    QVariant starData(int position, int role) const;

    QVector<Row> m_rows;
    QHash<QString, int> m_rowByCode;
    QSet<QString> m_stale;
    QHash<QString, int> m_starPosition; // market code -> place in the watchlist
    PriceColors m_colors = PriceColors::international();
    bool m_preferLocalNames = false;
};

} // namespace hoga
