#include "portfolio_model.h"

#include "common/item_roles.h"
#include "format/decimal_format.h"
#include "theme/terminal_theme.h"

namespace hoga {

namespace {

const QString kKrw = QStringLiteral("KRW");

// KRW prices: whole won from 100 up (as Korean venues quote them), finer below.
QString krwPrice(const Decimal& value) {
    return value.abs() >= Decimal(100) ? formatDecimal(value, 0) : formatDecimalTrimmed(value, 4, 0);
}

bool hasCost(const PortfolioRow& r) {
    return r.currency != kKrw && r.avgPriceKrw.isPositive();
}

} // namespace

PortfolioModel::PortfolioModel(QObject* parent)
    : KeyedRowsModel<PortfolioRow>(parent) {}

int PortfolioModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PortfolioModel::rowKey(const PortfolioRow& row) const {
    return m_venueKeys ? row.venue + QLatin1Char(':') + row.currency : row.currency;
}

bool PortfolioModel::sameRow(const PortfolioRow& a, const PortfolioRow& b) const {
    return a.currency == b.currency && a.venue == b.venue && a.priceSource == b.priceSource &&
           a.qty == b.qty && a.avgPriceKrw == b.avgPriceKrw && a.priceKrw == b.priceKrw &&
           a.valueKrw == b.valueKrw && a.valueUsdt == b.valueUsdt &&
           a.unrealizedPnlKrw == b.unrealizedPnlKrw && a.pnlRate == b.pnlRate && a.share == b.share &&
           a.priced == b.priced;
}

QVariant PortfolioModel::data(const QModelIndex& index, int role) const {
    const PortfolioRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const PortfolioRow& r = *row;
    const int column = index.column();
    const bool isKrw = r.currency == kKrw;
    const bool usdtKnown = m_snapshot.usdtKrw.isPositive();

    if (role == KeyRole)
        return rowKey(r);
    if (role == SignRole)
        return hasCost(r) ? r.unrealizedPnlKrw.signum() : 0;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case AssetColumn:
            return r.currency;
        case VenueColumn:
            return r.venueName;
        case QtyColumn:
            return formatAmount(r.qty, r.currency);
        case AvgPriceColumn:
            return hasCost(r) ? krwPrice(r.avgPriceKrw) : QString();
        case PriceColumn:
            return !isKrw && r.priced ? krwPrice(r.priceKrw) : QString();
        case ValueKrwColumn:
            // Said, not left blank: a holding without a price is not worth zero.
            return r.priced ? formatDecimal(r.valueKrw, 0) : tr("no price");
        case ValueUsdtColumn:
            return r.priced && usdtKnown ? formatDecimal(r.valueUsdt, 2) : QString();
        case PnlColumn:
            if (!hasCost(r) || !r.priced)
                return QString();
            return (r.unrealizedPnlKrw.isPositive() ? QStringLiteral("+") : QString()) +
                   formatDecimal(r.unrealizedPnlKrw, 0);
        case PnlRateColumn:
            return hasCost(r) && r.priced ? formatPercent(r.pnlRate) : QString();
        case ShareColumn:
            return r.priced ? formatDecimal(r.share * Decimal(100), 2) + QLocale().percent() : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (!r.priced && !isKrw)
            return m_venueKeys
                       ? tr("No running venue quotes %1 in KRW or USDT: this holding is not valued "
                            "and not in the totals.")
                             .arg(r.currency)
                       : tr("No live %1 price from the venue: this holding is not valued.").arg(r.currency);
        if (column == PriceColumn || column == ValueKrwColumn || column == ValueUsdtColumn)
            return priceTip(r);
        return {};
    case Qt::TextAlignmentRole:
        return column == AssetColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((column == PnlColumn || column == PnlRateColumn) && hasCost(r))
            return m_colors.forSign(r.unrealizedPnlKrw.signum());
        if (column == AvgPriceColumn || column == ValueUsdtColumn || column == ShareColumn)
            return theme::dimText();
        return {};
    case Qt::FontRole:
        if (column == AssetColumn) {
            QFont f;
            f.setWeight(QFont::DemiBold);
            return f;
        }
        return theme::numberFont();
    case DecimalRole:
        switch (column) {
        case QtyColumn:
            return QVariant::fromValue(r.qty);
        case AvgPriceColumn:
            return QVariant::fromValue(r.avgPriceKrw);
        case PriceColumn:
            return QVariant::fromValue(r.priceKrw);
        case ValueKrwColumn:
            return QVariant::fromValue(r.valueKrw);
        case ValueUsdtColumn:
            return QVariant::fromValue(r.valueUsdt);
        case PnlColumn:
            return QVariant::fromValue(r.unrealizedPnlKrw);
        case PnlRateColumn:
            return QVariant::fromValue(r.pnlRate);
        case ShareColumn:
            return QVariant::fromValue(r.share);
        }
        return {};
    case SortRole:
        switch (column) {
        case AssetColumn:
            return r.currency;
        case VenueColumn:
            return r.venueName;
        case QtyColumn:
            return r.qty.toDouble();
        case AvgPriceColumn:
            return r.avgPriceKrw.toDouble();
        case PriceColumn:
            return r.priceKrw.toDouble();
        case ValueKrwColumn:
            return r.valueKrw.toDouble();
        case ValueUsdtColumn:
            return r.valueUsdt.toDouble();
        case PnlColumn:
            return r.unrealizedPnlKrw.toDouble();
        case PnlRateColumn:
            return r.pnlRate.toDouble();
        case ShareColumn:
            return r.share.toDouble();
        }
        return {};
    }
    return {};
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == AssetColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AvgPriceColumn:
            return tr("Average buy price in KRW, as the venue reports it");
        case PriceColumn:
            return tr("Current price in KRW (through USDT where there is no KRW market)");
        case PnlColumn:
            return tr("Unrealised profit or loss in KRW against the average buy price");
        case ShareColumn:
            return tr("Share of the total value");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AssetColumn:
        return tr("Asset");
    case VenueColumn:
        return tr("Venue");
    case QtyColumn:
        return tr("Quantity");
    case AvgPriceColumn:
        return tr("Avg. price");
    case PriceColumn:
        return tr("Price");
    case ValueKrwColumn:
        return tr("Value KRW");
    case ValueUsdtColumn:
        return tr("Value USDT");
    case PnlColumn:
        return tr("PnL KRW");
    case PnlRateColumn:
        return tr("PnL %");
    case ShareColumn:
        return tr("Share");
    }
    return {};
}

QString PortfolioModel::priceTip(const PortfolioRow& r) const {
    QStringList lines;
    if (!r.priceSource.isEmpty())
        lines << tr("Price: %1").arg(r.priceSource);
    if (m_snapshot.usdtKrw.isPositive() && r.currency != QLatin1String("USDT"))
        lines << tr("USDT: 1 USDT = %1 KRW (%2)")
                     .arg(formatDecimalTrimmed(m_snapshot.usdtKrw, 4, 0), m_snapshot.usdtKrwSource);
    return lines.join(QLatin1Char('\n'));
}

void PortfolioModel::setSnapshot(const PortfolioSnapshot& snapshot) {
    const bool venueKeys = snapshot.venues.size() > 1;
    if (venueKeys != m_venueKeys) {
        syncRows({}); // the keys change: start over
        m_venueKeys = venueKeys;
    }
    m_snapshot = snapshot;
    // Existing holdings keep their place; new ones go at the end.
    QHash<QString, PortfolioRow> byKey;
    for (const PortfolioRow& r : snapshot.rows)
        byKey.insert(rowKey(r), r);
    QVector<PortfolioRow> ordered;
    ordered.reserve(snapshot.rows.size());
    for (const PortfolioRow& old : rows())
        if (auto it = byKey.constFind(rowKey(old)); it != byKey.constEnd())
            ordered.append(*it);
    for (const PortfolioRow& r : snapshot.rows)
        if (rowOfKey(rowKey(r)) < 0)
            ordered.append(r);
    syncRows(ordered);
}

void PortfolioModel::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    refreshAll();
}

} // namespace hoga
