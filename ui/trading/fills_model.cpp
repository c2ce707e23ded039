#include "fills_model.h"

#include "common/item_roles.h"
#include "format/decimal_format.h"
#include "order_text.h"
#include "theme/terminal_theme.h"

namespace hoga {

FillsModel::FillsModel(QObject* parent)
    : KeyedRowsModel<FillRow>(parent) {}

int FillsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString FillsModel::keyOf(const Fill& fill) {
    if (!fill.tradeId.isEmpty())
        return fill.venue + QLatin1Char('/') + fill.tradeId + QLatin1Char('/') + fill.orderId;
    return QStringLiteral("%1/%2/%3/%4")
        .arg(fill.venue, fill.orderId, QString::number(fill.timestampMs), fill.qty.toString());
}

bool FillsModel::sameRow(const FillRow& a, const FillRow& b) const {
    return a.fill.price == b.fill.price && a.fill.qty == b.fill.qty && a.fill.fee == b.fill.fee &&
           a.fill.timestampMs == b.fill.timestampMs && a.format.isKnown() == b.format.isKnown();
}

QVariant FillsModel::data(const QModelIndex& index, int role) const {
    const FillRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const Fill& f = row->fill;
    const MarketFormat& fmt = row->format;
    const int column = index.column();
    const Decimal total = f.price * f.qty;

    if (role == KeyRole)
        return keyOf(f);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return tableTime(f.timestampMs);
        case MarketColumn:
            return f.market;
        case SideColumn:
            return sideText(f.side);
        case PriceColumn:
            return fmt.price(f.price);
        case QtyColumn:
            return fmt.qty(f.qty);
        case TotalColumn:
            return fmt.quoteAmount(total);
        case FeeColumn:
            return f.feeCurrency.isEmpty()
                       ? fmt.quoteAmount(f.fee)
                       : formatAmount(f.fee, f.feeCurrency) + QLatin1Char(' ') + f.feeCurrency;
        case LiquidityColumn:
            return f.maker ? tr("Maker") : tr("Taker");
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case MarketColumn:
        case SideColumn:
        case LiquidityColumn:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        if (column == SideColumn)
            return f.side == Side::Buy ? m_colors.up : m_colors.down;
        if (column == TimeColumn || column == LiquidityColumn)
            return theme::dimText();
        return {};
    case Qt::FontRole:
        switch (column) {
        case MarketColumn:
        case SideColumn:
        case LiquidityColumn:
            return {};
        default:
            return theme::numberFont();
        }
    case DecimalRole:
        switch (column) {
        case PriceColumn:
            return QVariant::fromValue(f.price);
        case QtyColumn:
            return QVariant::fromValue(f.qty);
        case TotalColumn:
            return QVariant::fromValue(total);
        case FeeColumn:
            return QVariant::fromValue(f.fee);
        }
        return {};
    case SortRole:
        switch (column) {
        case TimeColumn:
            return f.timestampMs;
        case PriceColumn:
            return f.price.toDouble();
        case QtyColumn:
            return f.qty.toDouble();
        case TotalColumn:
            return total.toDouble();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant FillsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case MarketColumn:
        case SideColumn:
        case LiquidityColumn:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MarketColumn:
        return tr("Market");
    case SideColumn:
        return tr("Side");
    case PriceColumn:
        return tr("Price");
    case QtyColumn:
        return tr("Quantity");
    case TotalColumn:
        return tr("Total");
    case FeeColumn:
        return tr("Fee");
    case LiquidityColumn:
        return tr("Role");
    }
    return {};
}

void FillsModel::setFills(const QVector<Fill>& newestFirst) {
    QVector<FillRow> next;
    next.reserve(newestFirst.size());
    QHash<QString, MarketFormat> formats;
    QSet<QString> seen;
    for (const Fill& f : newestFirst) {
        if (seen.contains(keyOf(f)))
            continue; // a venue repeating a fill must not make two rows with one key
        seen.insert(keyOf(f));
        auto it = formats.find(f.market);
        if (it == formats.end())
            it = formats.insert(f.market, m_lookup ? m_lookup(f.market) : MarketFormat());
        next.append(FillRow{f, *it});
    }
    syncRows(next);
}

void FillsModel::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    refreshAll();
}

} // namespace hoga
