#include "trading_tab.h"

#include "cancel_all_batch.h"
#include "common/button_delegate.h"
#include "common/data_table_view.h"
#include "common/on_screen.h"
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
#include <QMessageBox>
#include <QPushButton>
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

    // Columns as wide as their widest cell (KRW totals run to ten digits and more), the last one taking
    // what is left; a narrow window scrolls sideways rather than eliding numbers.
    for (DataTableView* view : {m_openView, m_fillsView, m_historyView}) {
        QHeaderView* h = view->horizontalHeader();
        h->setSectionResizeMode(QHeaderView::ResizeToContents);
        h->setStretchLastSection(true);
    }
    m_openView->horizontalHeader()->setSectionResizeMode(m_open->columnOf(OrderField::Action),
                                                         QHeaderView::Fixed);
    m_openView->horizontalHeader()->resizeSection(m_open->columnOf(OrderField::Action), 90);

    // Cancel all (일괄취소): the current market's open orders, or every market's.
    m_cancelAllResult = new QLabel(this);
    m_cancelAllResult->setObjectName(QStringLiteral("cancelAllResultLabel"));
    m_cancelAllResult->setProperty("role", QStringLiteral("caption"));
    m_cancelAllResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancelMarket = new QPushButton(this);
    m_cancelMarket->setObjectName(QStringLiteral("cancelMarketOrdersButton"));
    m_cancelEverything = new QPushButton(tr("Cancel all"), this);
    m_cancelEverything->setObjectName(QStringLiteral("cancelAllOrdersButton"));
    m_cancelEverything->setToolTip(tr("Cancel every open order in every market"));
    for (QPushButton* b : {m_cancelMarket, m_cancelEverything}) {
        b->setFocusPolicy(Qt::TabFocus);
        b->setStyleSheet(QStringLiteral("QPushButton { padding: 2px 10px; margin: 3px 4px 3px 0; }"));
    }
    connect(m_cancelMarket, &QPushButton::clicked, this, [this] { requestCancelAll(m_market); });
    connect(m_cancelEverything, &QPushButton::clicked, this, [this] { requestCancelAll(QString()); });

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("tradingSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(section(tr("Open orders"), &m_openCount, m_openView,
                                {m_cancelAllResult, m_cancelMarket, m_cancelEverything}));
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

QWidget* TradingTab::section(const QString& title, QLabel** count, DataTableView* view,
                             const QList<QWidget*>& trailing) {
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
    for (QWidget* w : trailing)
        header->addWidget(w);
    layout->addLayout(header);
    layout->addWidget(view, 1);
    return box;
}

void TradingTab::setUnavailableText(const QString& text) {
    if (!m_session->hasCredentials())
        return; // the keys notice stays: without keys there are no orders either way
    m_openView->setEmptyText(
        !text.isEmpty()
            ? text
            : tr("No open orders. Orders you place wait here until they fill or you cancel them."));
    m_fillsView->setEmptyText(!text.isEmpty() ? text : tr("No fills yet."));
    m_historyView->setEmptyText(!text.isEmpty() ? text : tr("No finished orders yet."));
}

void TradingTab::catchUp() {
    if (!isOnScreen(this))
        return;
    if (m_ordersBehind)
        refreshOrders();
    if (m_fillsBehind)
        refreshFills();
}

void TradingTab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void TradingTab::refreshOrders() {
    m_ordersBehind = !isOnScreen(this);
    if (m_ordersBehind)
        return;
    m_open->setOrders(m_session->trading()->openOrders());
    m_history->setOrders(m_session->trading()->orderHistory());
    m_openCount->setText(m_open->rowCount() ? QLocale().toString(m_open->rowCount()) : QString());
    m_historyCount->setText(m_history->rowCount() ? QLocale().toString(m_history->rowCount()) : QString());
    updateCancelAllButtons();
}

void TradingTab::refreshFills() {
    m_fillsBehind = !isOnScreen(this);
    if (m_fillsBehind)
        return;
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
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        const QString id = m_open->orderIdAt(index.row());
        QAction* cancel = menu->addAction(tr("Cancel order"));
        cancel->setEnabled(!m_open->isCancelling(id));
        connect(cancel, &QAction::triggered, this, [this, id] { cancelOrder(id); });
        const QString market =
            m_open->rowAt(index.row()) ? m_open->rowAt(index.row())->order.market : QString();
        if (!market.isEmpty()) {
            QAction* cancelMarket = menu->addAction(tr("Cancel all orders in %1…").arg(market));
            connect(cancelMarket, &QAction::triggered, this, [this, market] { requestCancelAll(market); });
        }
    }
    QAction* cancelAll = menu->addAction(tr("Cancel all orders…"));
    cancelAll->setEnabled(openOrderCount(QString()) > 0);
    connect(cancelAll, &QAction::triggered, this, [this] { requestCancelAll(QString()); });
    menu->popup(m_openView->viewport()->mapToGlobal(pos));
}

void TradingTab::setMarket(const QString& code) {
    m_market = code;
    updateCancelAllButtons();
}

QStringList TradingTab::openOrderIds(const QString& market) const {
    QStringList ids;
    for (const Order& o : m_session->trading()->openOrders())
        if (!o.id.isEmpty() && (market.isEmpty() || o.market == market))
            ids.append(o.id);
    return ids;
}

int TradingTab::openOrderCount(const QString& market) const {
    return int(openOrderIds(market).size());
}

void TradingTab::updateCancelAllButtons() {
    const bool trading = m_session->hasCredentials();
    m_cancelMarket->setText(m_market.isEmpty() ? tr("Cancel all in market")
                                               : tr("Cancel all in %1").arg(m_market));
    m_cancelMarket->setToolTip(tr("Cancel every open order in %1").arg(m_market));
    m_cancelMarket->setEnabled(trading && !m_market.isEmpty() && openOrderCount(m_market) > 0);
    m_cancelEverything->setEnabled(trading && openOrderCount(QString()) > 0);
}

void TradingTab::requestCancelAll(const QString& market) {
    if (m_question)
        m_question->reject(); // one question at a time: the newest asks
    const QStringList ids = openOrderIds(market);
    if (ids.isEmpty()) {
        const QString text = market.isEmpty() ? tr("There are no open orders to cancel.")
                                              : tr("There are no open orders in %1 to cancel.").arg(market);
        m_cancelAllResult->setText(text);
        emit message(text);
        return;
    }
    const int n = int(ids.size());
    QString question;
    if (market.isEmpty())
        question = n == 1 ? tr("Cancel the 1 open order?")
                          : tr("Cancel all %1 open orders, in every market?").arg(n);
    else
        question = n == 1 ? tr("Cancel the 1 open order in %1?").arg(market)
                          : tr("Cancel all %1 open orders in %2?").arg(n).arg(market);
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Cancel orders"), question, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("cancelAllConfirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("An order that fills before its cancel arrives stays filled."));
    QPushButton* confirm = box->addButton(n == 1 ? tr("Cancel 1 order") : tr("Cancel %1 orders").arg(n),
                                          QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmCancelAllButton"));
    QPushButton* keep = box->addButton(tr("Keep them"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepOrdersButton"));
    box->setDefaultButton(confirm);
    box->setEscapeButton(keep);
    // The orders asked about are the ones cancelled: not those placed while the question was open.
    connect(confirm, &QPushButton::clicked, this, [this, ids] { startCancelAll(ids); });
    m_question = box;
    box->open();
}

void TradingTab::startCancelAll(const QStringList& orderIds) {
    if (m_batch)
        m_batch->deleteLater(); // a newer cancel-all reports from now on
    auto* batch = new CancelAllBatch(m_session->trading(), orderIds, this);
    m_batch = batch;
    connect(batch, &CancelAllBatch::progressed, this, [this, batch] {
        if (batch == m_batch)
            m_cancelAllResult->setText(batch->summary());
    });
    connect(batch, &CancelAllBatch::finished, this, [this, batch] {
        if (batch == m_batch)
            emit message(batch->summary());
    });
    m_cancelAllResult->setText(batch->summary());
    batch->start([this](const QString& id) { cancelOrder(id); });
    if (!batch->isFinished())
        m_cancelAllResult->setText(batch->summary());
}

QMessageBox* TradingTab::cancelAllQuestion() const {
    return m_question;
}

CancelAllBatch* TradingTab::cancelAllBatch() const {
    return m_batch;
}

QString TradingTab::cancelAllResult() const {
    return m_cancelAllResult->text();
}

void TradingTab::setPriceColors(const PriceColors& colors) {
    m_open->setPriceColors(colors);
    m_fills->setPriceColors(colors);
    m_history->setPriceColors(colors);
}

} // namespace hoga
