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

// Every market of one or more venues with its 24 h ticker. Markets come once per venue (setMarkets); tickers
// stream in and only the rows whose ticker changed are signalled. Rows are keyed by marketKey(venue, code):
// the plain code for a model of one unnamed venue.
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
    // bool: the market's session is closed now (a KRX stock outside 09:00-15:30 KST on weekdays).
    static constexpr int ClosedRole = Qt::UserRole + 104;

    explicit MarketListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the markets of `venue` (empty: the one unnamed venue); `venueName` is shown on each row when
    // venue labels are on.
    void setMarkets(const QVector<Market>& markets);
    void setMarkets(const QString& venue, const QString& venueName, const QVector<Market>& markets);
    void updateTickers(const QVector<Ticker>& tickers) { updateTickers(QString(), tickers); }
    void updateTickers(const QString& venue, const QVector<Ticker>& tickers);
    void setPriceColors(const PriceColors& colors);
    // Marks these markets of `venue` stale (and its other ones fresh); only the rows that changed are
    // signalled.
    void setStaleMarkets(const QSet<QString>& codes) { setStaleMarkets(QString(), codes); }
    void setStaleMarkets(const QString& venue, const QSet<QString>& codes);
    // Names the venue on each row (under the market), for a list of several venues.
    void setVenueLabelsShown(bool shown);
    bool isStale(int row) const;
    // Markets of `venue` the venue does not stream now (it streams only `limit` at once): their prices come
    // from a periodic REST refresh, shown dimmed and explained in the tooltip.
    void setPolledMarkets(const QString& venue, const QSet<QString>& codes, int limit);
    bool isPolled(int row) const;
    // Korean names first (when the venue gives them) for a Korean UI.
    void setPreferLocalNames(bool preferLocal);
    // The watchlist (market keys), in starring order; only the rows whose star changed are signalled.
    void setStarred(const QStringList& keys);
    bool isStarred(int row) const;

    // By market key (the plain code for an unnamed venue).
    int rowOfMarket(const QString& key) const;
    // The market key of a row.
    QString marketAt(int row) const;
    QString venueAt(int row) const;
    QString venueNameAt(int row) const;
    QStringList venues() const; // in order of first appearance
    std::optional<Ticker> tickerAt(int row) const;
    const Market* marketInfoAt(int row) const;
    QStringList quoteCurrencies() const; // in order of first appearance

private:
    struct Row {
        QString venue;
        QString venueName;
        QString key;
        Market market;
        std::optional<Ticker> ticker;
        bool stale = false;
    };
    QString nameOf(const Market& m) const;
    QVariant starData(int position, int role) const;

    QVector<Row> m_rows;
    void reindex();

    QHash<QString, int> m_rowByKey;
    QHash<QString, QSet<QString>> m_stale;  // venue -> its stale codes
    QHash<QString, QSet<QString>> m_polled; // venue -> codes priced by REST, not streamed
    QHash<QString, int> m_streamLimit;      // venue -> markets it streams at once
    QHash<QString, int> m_starPosition;     // market code -> place in the watchlist
    PriceColors m_colors = PriceColors::international();
    bool m_preferLocalNames = false;
    bool m_venueLabels = false;
};

} // namespace hoga
