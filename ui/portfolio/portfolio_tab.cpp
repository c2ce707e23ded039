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
#include "portfolio_model.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"
#include "trading/trading_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

namespace hoga {

PortfolioTab::PortfolioTab(VenueSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
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
    auto* venue = new QLabel(session->displayName(), header);
    venue->setProperty("role", QStringLiteral("caption"));
    titleRow->addWidget(title);
    titleRow->addSpacing(8);
    titleRow->addWidget(venue);
    if (session->isSimulated()) {
        auto* badge = new QLabel(tr("Simulated"), header);
        badge->setObjectName(QStringLiteral("simulatedBadge"));
        badge->setToolTip(tr("Paper balances on the built-in simulator: no real money is involved."));
        titleRow->addWidget(badge);
    }
    titleRow->addStretch(1);
    headerLayout->addLayout(titleRow);

    auto* totals = new CollapsingRow(36, header);
    m_totalKrw = addTotal(totals, tr("Total value"), QStringLiteral("totalValueKrw"), true, 6);
    m_pnl = addTotal(totals, tr("Unrealised PnL"), QStringLiteral("totalPnl"), true);
    m_totalUsdt = addTotal(totals, tr("Total value (USDT)"), QStringLiteral("totalValueUsdt"));
    m_cash = addTotal(totals, tr("KRW cash"), QStringLiteral("cashKrw"));
    m_holdings = addTotal(totals, tr("Holdings"), QStringLiteral("holdingsCount"));
    headerLayout->addWidget(totals);
    m_allocation = new AllocationBar(header);
    headerLayout->addSpacing(4);
    headerLayout->addWidget(m_allocation);
    if (!session->hasCredentials()) {
        // Market data only: no totals to show, a plain sentence instead of empty figures.
        totals->setVisible(false);
        m_allocation->setVisible(false);
        auto* notice = new QLabel(session->needsKeysMessage(), header);
        notice->setObjectName(QStringLiteral("portfolioKeysNotice"));
        notice->setProperty("role", QStringLiteral("notice"));
        notice->setWordWrap(true);
        headerLayout->addWidget(notice);
    }

    m_sorted->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("portfolioView"));
    m_view->setModel(m_sorted);
    m_view->enableSorting(PortfolioModel::ValueKrwColumn, Qt::DescendingOrder);
    m_view->setEmptyText(session->hasCredentials() ? tr("Loading balances…") : session->needsKeysMessage());
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 18);
    QHeaderView* h = m_view->horizontalHeader();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Stretch);
    h->setSectionResizeMode(PortfolioModel::AssetColumn, QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_view, 1);

    connect(m_recompute, &SignalCoalescer::fired, this, &PortfolioTab::recompute);
    connect(session->trading(), &TradingSession::balancesChanged, this, [this] {
        m_balancesSeen = true;
        m_recompute->trigger();
    });
    connect(session->hub(), &MarketDataHub::updated, this, [this](const MarketDataChanges& changes) {
        if (!changes.tickers.isEmpty())
            m_recompute->trigger();
    });
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

void PortfolioTab::setUnavailableText(const QString& text) {
    if (m_balancesSeen || !m_session->hasCredentials())
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
    const QVector<Balance> balances = m_session->trading()->balances();
    if (!balances.isEmpty())
        m_balancesSeen = true;
    m_model->setSnapshot(computePortfolio(balances, m_session->hub()->tickers()));
    if (m_balancesSeen)
        m_view->setEmptyText(tr("This account holds no assets."));
    updateTotals();
}

void PortfolioTab::updateTotals() {
    const PortfolioSnapshot& s = m_model->snapshot();
    m_allocation->setSnapshot(s);
    if (s.rows.isEmpty()) {
        for (QLabel* l : {m_totalKrw, m_totalUsdt, m_pnl, m_cash, m_holdings})
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

    // PnL rate against the cost of the holdings whose average price is known.
    Decimal cost;
    for (const PortfolioRow& r : s.rows)
        if (r.currency != QLatin1String("KRW") && r.avgPriceKrw.isPositive())
            cost += r.qty * r.avgPriceKrw;
    const QString sign = s.totalPnlKrw.isPositive() ? QStringLiteral("+") : QString();
    QString pnl = sign + formatDecimal(s.totalPnlKrw, 0) + QStringLiteral(" KRW");
    if (cost.isPositive())
        pnl += QStringLiteral("  (%1)").arg(formatPercent(s.totalPnlKrw.divide(cost, 8, Rounding::HalfEven)));
    setLiveText(m_pnl, pnl);
    theme::setTextColor(m_pnl, m_colors.forSign(s.totalPnlKrw.signum()));

    Decimal cash;
    for (const PortfolioRow& r : s.rows)
        if (r.currency == QLatin1String("KRW"))
            cash = r.qty;
    setLiveText(m_cash, formatDecimal(cash, 0) + QStringLiteral(" KRW"));
    setLiveText(m_holdings, QLocale().toString(static_cast<int>(s.rows.size())));
}

void PortfolioTab::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    m_model->setPriceColors(colors);
    updateTotals();
    m_view->viewport()->update();
}

} // namespace hoga
