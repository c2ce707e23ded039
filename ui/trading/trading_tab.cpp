#include "trading_tab.h"

#include "common/button_delegate.h"
#include "common/data_table_view.h"
#include "common/signal_coalescer.h"
#include "fills_model.h"
#include "marketdata/market_data_hub.h"
#include "order_table_model.h"
#include "session/venue_session.h"
#include "trading/trading_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

namespace hoga {

TradingTab::TradingTab(VenueSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_open(new OpenOrdersModel(this))
    , m_fills(new FillsModel(this))
    , m_history(new OrderHistoryModel(this))
    , m_openView(new DataTableView(this))
    , m_fillsView(new DataTableView(this))
    , m_historyView(new DataTableView(this))
    , m_cancelButtons(new ButtonDelegate(this)) {
    setObjectName(QStringLiteral("tradingTab"));
    MarketDataHub* hub = session->hub();
    const MarketFormatLookup lookup = [hub](const QString& code) {
        return MarketFormat(hub->market(code));
    };
    m_open->setFormatLookup(lookup);
    m_fills->setFormatLookup(lookup);
    m_history->setFormatLookup(lookup);

    m_openView->setObjectName(QStringLiteral("openOrdersView"));
    m_openView->setModel(m_open);
    m_openView->setEmptyText(
        tr("No open orders. Orders you place wait here until they fill or you cancel them."));
    m_openView->setItemDelegateForColumn(m_open->columnOf(OrderField::Action), m_cancelButtons);
    m_openView->setMouseTracking(true);
    m_openView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_openView, &QWidget::customContextMenuRequested, this, &TradingTab::showOpenOrdersMenu);
    connect(m_cancelButtons, &ButtonDelegate::clicked, this,
            [this](const QModelIndex& index) { cancelRow(index.row()); });
    auto* cancelKey = new QShortcut(QKeySequence::Delete, m_openView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(cancelKey, &QShortcut::activated, this, [this] {
        const QModelIndex current = m_openView->currentIndex();
        if (current.isValid())
            cancelRow(current.row());
    });

    m_fillsView->setObjectName(QStringLiteral("fillsView"));
    m_fillsView->setModel(m_fills);
    m_fillsView->setEmptyText(tr("No fills yet."));

    m_historyView->setObjectName(QStringLiteral("orderHistoryView"));
    m_historyView->setModel(m_history);
    m_historyView->setEmptyText(tr("No finished orders yet."));
    if (!session->hasCredentials()) {
        // A venue without keys runs market data only: say so where orders and fills would be.
        for (DataTableView* view : {m_openView, m_fillsView, m_historyView})
            view->setEmptyText(session->needsKeysMessage());
    }

    for (DataTableView* view : {m_openView, m_fillsView, m_historyView}) {
        QHeaderView* h = view->horizontalHeader();
        h->setStretchLastSection(false);
        h->setSectionResizeMode(QHeaderView::Stretch);
    }
    m_openView->horizontalHeader()->setSectionResizeMode(m_open->columnOf(OrderField::Action),
                                                         QHeaderView::Fixed);
    m_openView->horizontalHeader()->resizeSection(m_open->columnOf(OrderField::Action), 90);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("tradingSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(section(tr("Open orders"), &m_openCount, m_openView));
    splitter->addWidget(section(tr("Fills"), &m_fillsCount, m_fillsView));
    splitter->addWidget(section(tr("Order history"), &m_historyCount, m_historyView));
    splitter->setSizes({340, 260, 300});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Account messages can come in bursts: views refresh at most every 100 ms.
    auto* ordersChanged = new SignalCoalescer(100, this);
    auto* fillsChanged = new SignalCoalescer(100, this);
    connect(ordersChanged, &SignalCoalescer::fired, this, &TradingTab::refreshOrders);
    connect(fillsChanged, &SignalCoalescer::fired, this, &TradingTab::refreshFills);
    connect(session->trading(), &TradingSession::ordersChanged, ordersChanged, &SignalCoalescer::trigger);
    connect(session->trading(), &TradingSession::fillsChanged, fillsChanged, &SignalCoalescer::trigger);
    connect(hub, &MarketDataHub::marketsLoaded, this, [this] {
        refreshOrders();
        refreshFills();
    });
    connect(session->trading(), &TradingSession::errorOccurred, m_open, &OpenOrdersModel::clearCancelling);
    refreshOrders();
    refreshFills();
}

QWidget* TradingTab::section(const QString& title, QLabel** count, DataTableView* view) {
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* header = new QHBoxLayout;
    auto* label = new QLabel(title, box);
    label->setObjectName(QStringLiteral("sectionTitle"));
    *count = new QLabel(box);
    (*count)->setProperty("role", QStringLiteral("caption"));
    header->addWidget(label);
    header->addWidget(*count);
    header->addStretch(1);
    layout->addLayout(header);
    layout->addWidget(view, 1);
    return box;
}

void TradingTab::refreshOrders() {
    m_open->setOrders(m_session->trading()->openOrders());
    m_history->setOrders(m_session->trading()->orderHistory());
    m_openCount->setText(m_open->rowCount() ? QLocale().toString(m_open->rowCount()) : QString());
    m_historyCount->setText(m_history->rowCount() ? QLocale().toString(m_history->rowCount()) : QString());
}

void TradingTab::refreshFills() {
    m_fills->setFills(m_session->trading()->fills());
    m_fillsCount->setText(m_fills->rowCount() ? QLocale().toString(m_fills->rowCount()) : QString());
}

void TradingTab::cancelRow(int row) {
    cancelOrder(m_open->orderIdAt(row));
}

void TradingTab::cancelOrder(const QString& id) {
    if (id.isEmpty() || m_open->isCancelling(id))
        return;
    m_open->markCancelling(id);
    m_session->trading()->cancel(id);
}

void TradingTab::showOpenOrdersMenu(const QPoint& pos) {
    const QModelIndex index = m_openView->indexAt(pos);
    if (!index.isValid())
        return;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* cancel = menu->addAction(tr("Cancel order"));
    cancel->setEnabled(!m_open->isCancelling(m_open->orderIdAt(index.row())));
    const QString id = m_open->orderIdAt(index.row());
    connect(cancel, &QAction::triggered, this, [this, id] { cancelOrder(id); });
    menu->popup(m_openView->viewport()->mapToGlobal(pos));
}

void TradingTab::setPriceColors(const PriceColors& colors) {
    m_open->setPriceColors(colors);
    m_fills->setPriceColors(colors);
    m_history->setPriceColors(colors);
}

} // namespace hoga
