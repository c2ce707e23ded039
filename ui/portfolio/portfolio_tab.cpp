#include "portfolio_tab.h"

#include "allocation_bar.h"
#include "common/collapsing_row.h"
#include "common/data_table_view.h"
#include "common/item_roles.h"
#include "common/live_text.h"
#include "common/on_screen.h"
#include "common/signal_coalescer.h"
#include "common/sorting_proxy_model.h"
#include "format/decimal_format.h"
#include "marketdata/market_data_hub.h"
#include "portfolio_history_chart.h"
#include "portfolio_model.h"
#include "session/portfolio_valuation.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"
#include "trading/trading_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

PortfolioTab::PortfolioTab(QList<VenueSession*> sessions, QWidget* parent)
    : QWidget(parent)
    , m_sessions(std::move(sessions))
    , m_model(new PortfolioModel(this))
    , m_sorted(new SortingProxyModel(this))
    , m_view(new DataTableView(this))
    // Valuing the whole account once a second is plenty for an overview; every ticker of every market
    // would otherwise revalue it four times a second.
    , m_recompute(new SignalCoalescer(1000, this)) {
    setObjectName(QStringLiteral("portfolioTab"));

    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("totalsBar"));
    auto* headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(16, 10, 16, 12);
    headerLayout->setSpacing(8);
    auto* titleRow = new QHBoxLayout;
    auto* title = new QLabel(tr("Portfolio"), header);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 2);
    title->setFont(titleFont);
    QStringList names;
    for (VenueSession* s : std::as_const(m_sessions))
        names << s->displayName();
    auto* venue = new QLabel(names.join(QStringLiteral(" · ")), header);
    venue->setObjectName(QStringLiteral("portfolioVenues"));
    venue->setProperty("role", QStringLiteral("caption"));
    titleRow->addWidget(title);
    titleRow->addSpacing(8);
    titleRow->addWidget(venue);
    const bool simulated =
        std::any_of(m_sessions.cbegin(), m_sessions.cend(), [](VenueSession* s) { return s->isSimulated(); });
    if (simulated) {
        auto* badge = new QLabel(tr("Simulated"), header);
        badge->setObjectName(QStringLiteral("simulatedBadge"));
        badge->setToolTip(tr("Paper balances on the built-in simulator: no real money is involved."));
        titleRow->addWidget(badge);
    }
    titleRow->addStretch(1);
    headerLayout->addLayout(titleRow);

    auto* totals = new CollapsingRow(28, header);
    m_totalKrw = addTotal(totals, tr("Total value"), QStringLiteral("totalValueKrw"), true, 6);
    // The USDT total goes right under the KRW one, in the same essential box: as an item of its own it was
    // the first to step aside in a narrow window.
    QWidget* totalBox = m_totalKrw->parentWidget();
    m_totalUsdt = new QLabel(totalBox);
    m_totalUsdt->setObjectName(QStringLiteral("totalValueUsdt"));
    m_totalUsdt->setFont(theme::headlineNumberFont(1));
    m_totalUsdt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    static_cast<QVBoxLayout*>(totalBox->layout())->insertWidget(2, m_totalUsdt);
    m_pnl = addTotal(totals, tr("Unrealised PnL"), QStringLiteral("totalPnl"), true);
    // Its rate goes under it, so that the two headline boxes fit the smallest window side by side.
    m_pnlRate = new QLabel(m_pnl->parentWidget());
    m_pnlRate->setObjectName(QStringLiteral("totalPnlRate"));
    m_pnlRate->setFont(theme::headlineNumberFont(1));
    m_pnlRate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    static_cast<QVBoxLayout*>(m_pnl->parentWidget()->layout())->insertWidget(2, m_pnlRate);
    m_cash = addTotal(totals, tr("KRW cash"), QStringLiteral("cashKrw"));
    m_holdings = addTotal(totals, tr("Holdings"), QStringLiteral("holdingsCount"));
    headerLayout->addWidget(totals);
    if (m_sessions.size() > 1) {
        m_venueTotals = new QWidget(header);
        m_venueTotals->setObjectName(QStringLiteral("venueTotals"));
        // One line per venue: side by side they would make the window wider than a small screen.
        auto* venueRow = new QVBoxLayout(m_venueTotals);
        venueRow->setContentsMargins(0, 0, 0, 0);
        venueRow->setSpacing(1);
        for (VenueSession* s : std::as_const(m_sessions)) {
            auto* label = new QLabel(m_venueTotals);
            label->setObjectName(QStringLiteral("venueTotal_%1").arg(s->venueId()));
            label->setFont(theme::numberFont());
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
            venueRow->addWidget(label);
        }
        headerLayout->addWidget(m_venueTotals);
    }
    m_allocation = new AllocationBar(header);
    headerLayout->addSpacing(4);
    headerLayout->addWidget(m_allocation);
    VenueSession* first = m_sessions.constFirst();
    if (!anyCredentials()) {
        // Market data only: no totals to show, a plain sentence instead of empty figures.
        totals->setVisible(false);
        m_allocation->setVisible(false);
        auto* notice = new QLabel(first->needsKeysMessage(), header);
        notice->setObjectName(QStringLiteral("portfolioKeysNotice"));
        notice->setProperty("role", QStringLiteral("notice"));
        notice->setWordWrap(true);
        headerLayout->addWidget(notice);
    }

    m_sorted->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("portfolioView"));
    m_view->setModel(m_sorted);
    m_view->enableSorting(PortfolioModel::ValueKrwColumn, Qt::DescendingOrder);
    m_view->setEmptyText(anyCredentials() ? tr("Loading balances…") : first->needsKeysMessage());
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 18);
    QHeaderView* h = m_view->horizontalHeader();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Stretch);
    h->setSectionResizeMode(PortfolioModel::AssetColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(PortfolioModel::VenueColumn, QHeaderView::ResizeToContents);
    m_view->setColumnHidden(PortfolioModel::VenueColumn, m_sessions.size() < 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    // The holdings above, their total value over time below (the trader sizes the two).
    m_history = new PortfolioHistoryChart(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("portfolioSplitter"));
    split->setChildrenCollapsible(false);
    split->setHandleWidth(1);
    split->addWidget(m_view);
    split->addWidget(m_history);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_recompute, &SignalCoalescer::fired, this, &PortfolioTab::recompute);
    for (VenueSession* s : std::as_const(m_sessions)) {
        connect(s->trading(), &TradingSession::balancesChanged, this, [this] {
            m_balancesSeen = true;
            m_recompute->trigger();
        });
        connect(s->hub(), &MarketDataHub::updated, this, [this](const MarketDataChanges& changes) {
            if (!changes.tickers.isEmpty())
                m_recompute->trigger();
        });
    }
    setPriceColors(m_colors);
    recompute();
}

QLabel* PortfolioTab::addTotal(CollapsingRow* row, const QString& caption, const QString& objectName,
                               bool essential, int sizeDelta) {
    auto* box = new QWidget(row);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* captionLabel = new QLabel(caption, box);
    captionLabel->setProperty("role", QStringLiteral("caption"));
    auto* value = new QLabel(box);
    value->setObjectName(objectName);
    value->setFont(theme::headlineNumberFont(sizeDelta));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(captionLabel);
    layout->addWidget(value);
    layout->addStretch(1);
    row->addItem(box, essential);
    return value;
}

bool PortfolioTab::anyCredentials() const {
    return std::any_of(m_sessions.cbegin(), m_sessions.cend(),
                       [](VenueSession* s) { return s->hasCredentials(); });
}

void PortfolioTab::setUnavailableText(const QString& text) {
    if (m_balancesSeen || !anyCredentials())
        return; // the balances (or the keys notice) say more than the venue's state
    m_view->setEmptyText(text.isEmpty() ? tr("Loading balances…") : text);
}

void PortfolioTab::catchUp() {
    if (m_behind && isOnScreen(this))
        recompute();
}

void PortfolioTab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void PortfolioTab::recompute() {
    // Nobody sees the table: skip the valuation until the tab is shown again.
    if (!isOnScreen(this) && m_model->rowCount() > 0) {
        m_behind = true;
        return;
    }
    m_behind = false;
    const QVector<VenueHoldings> venues = venueHoldings(m_sessions);
    for (const VenueHoldings& v : venues)
        if (!v.balances.isEmpty())
            m_balancesSeen = true;
    m_model->setSnapshot(computePortfolio(venues));
    if (m_balancesSeen)
        m_view->setEmptyText(tr("This account holds no assets."));
    updateTotals();
}

void PortfolioTab::updateTotals() {
    const PortfolioSnapshot& s = m_model->snapshot();
    m_allocation->setSnapshot(s);
    if (s.rows.isEmpty()) {
        for (QLabel* l : {m_totalKrw, m_totalUsdt, m_pnl, m_pnlRate, m_cash, m_holdings})
            l->clear();
        setLiveText(m_totalKrw, m_balancesSeen ? tr("No holdings") : tr("Waiting for balances…"));
        theme::setTextColor(m_totalKrw, theme::dimText());
        return;
    }
    theme::setTextColor(m_totalKrw, theme::text());
    setLiveText(m_totalKrw, formatDecimal(s.totalKrw, 0) + QStringLiteral(" KRW"));
    setLiveText(m_totalUsdt, s.usdtKrw.isPositive()
                                 ? QStringLiteral("≈ %1 USDT").arg(formatDecimal(s.totalUsdt, 2))
                                 : tr("no KRW-USDT rate"));
    const QString rateTip =
        s.usdtKrw.isPositive()
            ? tr("1 USDT = %1 KRW (%2)").arg(formatDecimalTrimmed(s.usdtKrw, 4, 0), s.usdtKrwSource)
            : tr("No running venue quotes KRW-USDT.");
    QString totalTip = rateTip;
    if (s.unpriced > 0)
        totalTip += QLatin1Char('\n') +
                    tr("%n holding(s) with no price anywhere are not in the total.", nullptr, s.unpriced);
    m_totalUsdt->setToolTip(rateTip);
    m_totalKrw->setToolTip(totalTip);
    updateVenueTotals();

    // PnL rate against the cost of the holdings whose average price is known.
    Decimal cost;
    for (const PortfolioRow& r : s.rows)
        if (r.currency != QLatin1String("KRW") && r.avgPriceKrw.isPositive())
            cost += r.qty * r.avgPriceKrw;
    const QString sign = s.totalPnlKrw.isPositive() ? QStringLiteral("+") : QString();
    setLiveText(m_pnl, sign + formatDecimal(s.totalPnlKrw, 0) + QStringLiteral(" KRW"));
    setLiveText(m_pnlRate, cost.isPositive()
                               ? formatPercent(s.totalPnlKrw.divide(cost, 8, Rounding::HalfEven))
                               : QString());
    theme::setTextColor(m_pnl, m_colors.forSign(s.totalPnlKrw.signum()));
    theme::setTextColor(m_pnlRate, m_colors.forSign(s.totalPnlKrw.signum()));

    Decimal cash;
    for (const PortfolioRow& r : s.rows)
        if (r.currency == QLatin1String("KRW"))
            cash = r.qty;
    setLiveText(m_cash, formatDecimal(cash, 0) + QStringLiteral(" KRW"));
    setLiveText(m_holdings, QLocale().toString(static_cast<int>(s.rows.size())));
}

void PortfolioTab::updateVenueTotals() {
    if (!m_venueTotals)
        return;
    const PortfolioSnapshot& s = m_model->snapshot();
    for (const VenueTotal& v : s.venues) {
        auto* label = m_venueTotals->findChild<QLabel*>(QStringLiteral("venueTotal_%1").arg(v.venue));
        if (!label)
            continue;
        QString text = QStringLiteral("%1  %2 KRW").arg(v.venueName, formatDecimal(v.totalKrw, 0));
        if (s.usdtKrw.isPositive())
            text += QStringLiteral(" · ≈ %1 USDT").arg(formatDecimal(v.totalUsdt, 2));
        if (v.unpriced > 0)
            text += QStringLiteral(" · ") + tr("%n without price", nullptr, v.unpriced);
        setLiveText(label, text);
        label->setToolTip(s.usdtKrw.isPositive()
                              ? tr("USDT at 1 USDT = %1 KRW (%2)")
                                    .arg(formatDecimalTrimmed(s.usdtKrw, 4, 0), s.usdtKrwSource)
                              : tr("No running venue quotes KRW-USDT."));
    }
}

void PortfolioTab::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    m_model->setPriceColors(colors);
    updateTotals();
    m_view->viewport()->update();
}

} // namespace hoga
