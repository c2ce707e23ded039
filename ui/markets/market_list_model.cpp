#include "market_list_model.h"

#include "common/item_roles.h"
#include "core/krx_market.h"
#include "format/decimal_format.h"
#include "format/market_format.h"
#include "market_key.h"
#include "theme/terminal_theme.h"

#include <QDateTime>

#include <limits>

namespace hoga {

MarketListModel::MarketListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

int MarketListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MarketListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString MarketListModel::nameOf(const Market& m) const {
    if (m_preferLocalNames && !m.localName.isEmpty())
        return m.localName;
    if (!m.displayName.isEmpty())
        return m.displayName;
    return m.base;
}

QVariant MarketListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const Market& m = row.market;
    const std::optional<Ticker>& t = row.ticker;
    const int column = index.column();

    if (role == KeyRole)
        return row.key;
    if (role == WarningRole)
        return m.warning;
    if (role == StaleRole)
        return row.stale;
    if (role == ClosedRole)
        return !m.rules.isOpenAt(QDateTime::currentMSecsSinceEpoch());
    if (role == SignRole)
        return t ? t->changeRate.signum() : 0;
    const int starPosition = m_starPosition.value(row.key, -1);
    if (role == StarredRole)
        return starPosition >= 0;
    if (column == StarColumn)
        return starData(starPosition, role);

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case MarketColumn:
            return nameOf(m);
        case PriceColumn:
            return t ? MarketFormat(m).price(t->last) : QString();
        case ChangeColumn:
            return t ? formatPercent(t->changeRate) : QString();
        case VolumeColumn:
            return t ? formatCompact(t->quoteVolume24h) : QString();
        }
        return {};
    case SubtitleRole:
        if (column != MarketColumn)
            return {};
        {
            // A stock is its code (005930); "005930/KRW" would only crowd out the closed hint.
            const QString pair = m.base == m.code ? m.code : QStringLiteral("%1/%2").arg(m.base, m.quote);
            if (m_venueLabels && !row.venueName.isEmpty())
                return QStringLiteral("%1 · %2").arg(pair, row.venueName);
            return pair;
        }
    case Qt::ToolTipRole:
        if (column == MarketColumn) {
            QString tip = QStringLiteral("%1 (%2)").arg(nameOf(m), m.code);
            if (m_venueLabels && !row.venueName.isEmpty())
                tip += QLatin1Char('\n') + tr("Venue: %1").arg(row.venueName);
            if (m.warning)
                tip += QLatin1Char('\n') + tr("Caution: the venue flagged this market.");
            if (row.stale)
                tip += QLatin1Char('\n') +
                       tr("Stale: no recent update from the venue; prices may be out of date.");
            if (m_polled.value(row.venue).contains(m.code))
                tip += QLatin1Char('\n') +
                       tr("Not streamed: the venue streams %n markets at once. The price is refreshed every "
                          "15 seconds; select or star the market to stream it.",
                          nullptr, m_streamLimit.value(row.venue));
            if (m.rules.session == MarketSession::KrxRegular &&
                !m.rules.isOpenAt(QDateTime::currentMSecsSinceEpoch()))
                tip += QLatin1Char('\n') + tr("Closed: the stock trades %1 KST on weekdays.")
                                               .arg(krx::sessionHoursText(OrderSession::Regular));
            return tip;
        }
        if (column == VolumeColumn && t)
            return tr("24h volume: %1 %2").arg(formatAmount(t->quoteVolume24h, m.quote), m.quote);
        return {};
    case Qt::TextAlignmentRole:
        return column == MarketColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (t && (column == PriceColumn || column == ChangeColumn)) {
            if (m_polled.value(row.venue).contains(m.code))
                return theme::dimText(); // a periodic snapshot, not live
            return m_colors.forSign(t->changeRate.signum());
        }
        if (column == VolumeColumn)
            return theme::dimText();
        return {};
    case Qt::FontRole:
        return column == MarketColumn ? QVariant() : QVariant(theme::numberFont());
    case DecimalRole:
        if (!t)
            return {};
        switch (column) {
        case PriceColumn:
            return QVariant::fromValue(t->last);
        case ChangeColumn:
            return QVariant::fromValue(t->changeRate);
        case VolumeColumn:
            return QVariant::fromValue(t->quoteVolume24h);
        }
        return {};
    case SortRole:
        switch (column) {
        case MarketColumn:
            return m.code;
        case PriceColumn:
            return t ? t->last.toDouble() : 0.0;
        case ChangeColumn:
            return t ? t->changeRate.toDouble() : 0.0;
        case VolumeColumn:
            return t ? t->quoteVolume24h.toDouble() : 0.0;
        }
        return {};
    }
    return {};
}

QVariant MarketListModel::starData(int position, int role) const {
    const bool starred = position >= 0;
    switch (role) {
    case Qt::DisplayRole:
        return starred ? QStringLiteral("★") : QStringLiteral("☆");
    case Qt::ToolTipRole:
        return starred ? tr("Remove from watchlist") : tr("Add to watchlist");
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    case Qt::ForegroundRole:
        return starred ? theme::star() : theme::dimText();
    case SortRole:
        // Starred markets first, in the order they were starred; the rest keep the list's order.
        return starred ? position : std::numeric_limits<int>::max();
    }
    return {};
}

QVariant MarketListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (section == StarColumn) {
        if (role == Qt::DisplayRole)
            return QStringLiteral("★");
        if (role == Qt::ToolTipRole)
            return tr("Watchlist: click to sort in the order you starred markets");
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignCenter);
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return section == MarketColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MarketColumn:
        return tr("Market");
    case PriceColumn:
        return tr("Price");
    case ChangeColumn:
        return tr("24h");
    case VolumeColumn:
        return tr("Volume");
    }
    return {};
}

void MarketListModel::setMarkets(const QVector<Market>& markets) {
    setMarkets(QString(), QString(), markets);
}

void MarketListModel::setMarkets(const QString& venue, const QString& venueName,
                                 const QVector<Market>& markets) {
    // Keep tickers we already have for markets that stay.
    QHash<QString, Ticker> known;
    for (const Row& r : m_rows)
        if (r.ticker && r.venue == venue)
            known.insert(r.market.code, *r.ticker);

    beginResetModel();
    // The venue's rows are replaced where its first row was (or appended): other venues keep their order.
    QVector<Row> rows;
    rows.reserve(m_rows.size() + markets.size());
    bool placed = false;
    const QSet<QString> stale = m_stale.value(venue);
    auto appendVenue = [&] {
        for (const Market& m : markets) {
            Row row{venue, venueName, marketKey(venue, m.code), m, std::nullopt, stale.contains(m.code)};
            if (auto it = known.constFind(m.code); it != known.constEnd())
                row.ticker = *it;
            rows.append(row);
        }
        placed = true;
    };
    for (const Row& r : std::as_const(m_rows)) {
        if (r.venue != venue)
            rows.append(r);
        else if (!placed)
            appendVenue();
    }
    if (!placed)
        appendVenue();
    m_rows = std::move(rows);
    reindex();
    endResetModel();
}

void MarketListModel::reindex() {
    m_rowByKey.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowByKey.insert(m_rows[i].key, i);
}

void MarketListModel::updateTickers(const QString& venue, const QVector<Ticker>& tickers) {
    int first = -1;
    int last = -1;
    for (const Ticker& t : tickers) {
        const auto it = m_rowByKey.constFind(marketKey(venue, t.market));
        if (it == m_rowByKey.constEnd())
            continue;
        m_rows[*it].ticker = t;
        first = first < 0 ? *it : std::min(first, *it);
        last = std::max(last, *it);
    }
    if (first >= 0)
        emit dataChanged(index(first, PriceColumn), index(last, VolumeColumn));
}

void MarketListModel::setVenueLabelsShown(bool shown) {
    if (m_venueLabels == shown)
        return;
    m_venueLabels = shown;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, MarketColumn), index(rowCount() - 1, MarketColumn));
}

void MarketListModel::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

void MarketListModel::setStaleMarkets(const QString& venue, const QSet<QString>& codes) {
    m_stale.insert(venue, codes);
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].venue != venue)
            continue;
        const bool stale = codes.contains(m_rows[r].market.code);
        if (m_rows[r].stale == stale)
            continue;
        m_rows[r].stale = stale;
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1), {StaleRole, Qt::ToolTipRole});
    }
}

void MarketListModel::setPolledMarkets(const QString& venue, const QSet<QString>& codes, int limit) {
    m_streamLimit.insert(venue, limit);
    const QSet<QString> before = m_polled.value(venue);
    m_polled.insert(venue, codes);
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].venue != venue)
            continue;
        const QString& code = m_rows[r].market.code;
        if (before.contains(code) != codes.contains(code))
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1), {Qt::ForegroundRole, Qt::ToolTipRole});
    }
}

bool MarketListModel::isPolled(int row) const {
    return row >= 0 && row < m_rows.size() &&
           m_polled.value(m_rows[row].venue).contains(m_rows[row].market.code);
}

bool MarketListModel::isStale(int row) const {
    return row >= 0 && row < m_rows.size() && m_rows[row].stale;
}

void MarketListModel::setPreferLocalNames(bool preferLocal) {
    if (m_preferLocalNames == preferLocal)
        return;
    m_preferLocalNames = preferLocal;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, MarketColumn), index(rowCount() - 1, MarketColumn));
}

void MarketListModel::setStarred(const QStringList& keys) {
    QHash<QString, int> positions;
    for (int i = 0; i < keys.size(); ++i)
        positions.insert(keys[i], i);
    std::swap(m_starPosition, positions); // `positions` now holds the old ones
    for (int r = 0; r < m_rows.size(); ++r) {
        const QString& code = m_rows[r].key;
        if (positions.value(code, -1) != m_starPosition.value(code, -1))
            emit dataChanged(index(r, StarColumn), index(r, StarColumn));
    }
}

bool MarketListModel::isStarred(int row) const {
    return row >= 0 && row < m_rows.size() && m_starPosition.contains(m_rows[row].key);
}

int MarketListModel::rowOfMarket(const QString& key) const {
    return m_rowByKey.value(key, -1);
}

QString MarketListModel::marketAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].key : QString();
}

QString MarketListModel::venueAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].venue : QString();
}

QString MarketListModel::venueNameAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].venueName : QString();
}

QStringList MarketListModel::venues() const {
    QStringList venues;
    for (const Row& r : m_rows)
        if (!venues.contains(r.venue))
            venues.append(r.venue);
    return venues;
}

std::optional<Ticker> MarketListModel::tickerAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].ticker : std::nullopt;
}

const Market* MarketListModel::marketInfoAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows[row].market : nullptr;
}

QStringList MarketListModel::quoteCurrencies() const {
    QStringList quotes;
    for (const Row& r : m_rows)
        if (!quotes.contains(r.market.quote))
            quotes.append(r.market.quote);
    return quotes;
}

} // namespace hoga
