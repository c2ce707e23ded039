#include "market_list_panel.h"

#include "common/data_table_view.h"
#include "common/on_screen.h"
#include "market_filter_model.h"
#include "market_list_model.h"
#include "market_name_delegate.h"
#include "marketdata/market_data_hub.h"
#include "theme/terminal_theme.h"
#include "watchlist.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace hoga {

namespace {

// The star keeps its colour on the selected row too (the selection would paint it white).
class StarDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->palette.setBrush(QPalette::HighlightedText, option->palette.brush(QPalette::Text));
    }
};

} // namespace

MarketListPanel::MarketListPanel(MarketDataHub* hub, QWidget* parent)
    : MarketListPanel(QList<MarketSource>{MarketSource{QString(), QString(), hub}}, parent) {}

MarketListPanel::MarketListPanel(QList<MarketSource> sources, QWidget* parent)
    : QWidget(parent)
    , m_sources(std::move(sources))
    , m_model(new MarketListModel(this))
    , m_filter(new MarketFilterModel(this))
    , m_view(new DataTableView(this))
    , m_search(new QLineEdit(this))
    , m_quoteBar(new QHBoxLayout)
    , m_quoteButtons(new QButtonGroup(this))
    , m_starredOnly(new QToolButton(this)) {
    setObjectName(QStringLiteral("marketListPanel"));
    m_filter->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("marketSearchEdit"));
    m_search->setPlaceholderText(tr("Search: name, code or initials (ㅂㅌ)"));
    m_search->setToolTip(tr(
        "Type a code (BTC), an English or Korean name, or the initial consonants of "
        "the Korean name (ㅂㅌ for 비트코인). Enter on a stock code the list lacks asks the venue for it."));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &MarketFilterModel::setSearchText);
    connect(m_search, &QLineEdit::returnPressed, this, &MarketListPanel::addSearchedMarket);

    m_starredOnly->setObjectName(QStringLiteral("watchlistFilterButton"));
    m_starredOnly->setCheckable(true);
    m_starredOnly->setText(QStringLiteral("★"));
    m_starredOnly->setToolTip(tr("Show only the starred markets (watchlist)"));
    m_starredOnly->setStyleSheet(QStringLiteral("QToolButton { color: #8b95a3; padding: 2px 8px;"
                                                " border: 1px solid #2c3440; border-radius: 3px; }"
                                                "QToolButton:checked { color: %1; border-color: %1; }")
                                     .arg(theme::star().name()));
    connect(m_starredOnly, &QToolButton::toggled, this, &MarketListPanel::setStarredOnly);

    m_quoteButtons->setExclusive(true);
    m_quoteBar->setSpacing(2);
    m_quoteBar->setContentsMargins(0, 0, 0, 0);
    connect(m_quoteButtons, &QButtonGroup::buttonClicked, this,
            [this](QAbstractButton* b) { m_filter->setQuoteFilter(b->property("quote").toString()); });

    m_view->setObjectName(QStringLiteral("marketListView"));
    m_view->setModel(m_filter);
    m_view->setItemDelegateForColumn(MarketListModel::MarketColumn, new MarketNameDelegate(m_view));
    m_view->setItemDelegateForColumn(MarketListModel::StarColumn, new StarDelegate(m_view));
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() * 2 + 8);
    m_view->enableSorting(MarketListModel::VolumeColumn, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(false);
    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    header->setSectionResizeMode(MarketListModel::StarColumn, QHeaderView::Fixed);
    header->resizeSection(MarketListModel::StarColumn, 28);
    header->setSectionResizeMode(MarketListModel::MarketColumn, QHeaderView::Stretch);
    for (int c = MarketListModel::PriceColumn; c < MarketListModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MarketListPanel::onSelectionChanged);
    // A click on a star stars the market without selecting it (see eventFilter).
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        QMenu* menu = createContextMenu(m_model->marketAt(m_filter->mapToSource(index).row()));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    updateEmptyText();

    auto* searchRow = new QHBoxLayout;
    searchRow->setSpacing(4);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_starredOnly);
    auto* top = new QVBoxLayout;
    top->setContentsMargins(8, 8, 8, 6);
    top->setSpacing(6);
    top->addLayout(searchRow);
    if (m_sources.size() > 1) {
        buildVenueFilter();
        top->addWidget(m_venueFilter);
    }
    top->addLayout(m_quoteBar);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    m_model->setVenueLabelsShown(m_sources.size() > 1);
    for (const MarketSource& source : std::as_const(m_sources)) {
        MarketDataHub* hub = source.hub;
        connect(hub, &MarketDataHub::marketsLoaded, this, [this, source] { loadMarkets(source); });
        connect(hub, &MarketDataHub::updated, this,
                [this, source](const MarketDataChanges& changes) { onUpdated(source, changes); });
        connect(hub, &MarketDataHub::marketAddFailed, this, [this](const QString& code) {
            if (code != m_adding || ++m_addFailures < int(m_sources.size()))
                return;
            m_view->setEmptyText(tr("No venue knows the market %1.").arg(code));
            m_adding.clear();
            m_wanted.clear();
        });
        connect(hub, &MarketDataHub::staleMarketsChanged, this,
                [this, source] { m_model->setStaleMarkets(source.venue, source.hub->staleMarkets()); });
        connect(hub, &MarketDataHub::streamedMarketsChanged, this, [this, source] { showPolled(source); });
    }
    for (const MarketSource& source : std::as_const(m_sources))
        if (!source.hub->markets().isEmpty())
            loadMarkets(source);
}

void MarketListPanel::buildVenueFilter() {
    m_venueFilter = new QComboBox(this);
    m_venueFilter->setObjectName(QStringLiteral("venueFilter"));
    m_venueFilter->setToolTip(tr("Show the markets of one venue only"));
    m_venueFilter->addItem(tr("All venues"), QString());
    for (const MarketSource& source : std::as_const(m_sources))
        m_venueFilter->addItem(source.venueName, source.venue);
    connect(m_venueFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setVenueFilter(m_venueFilter->itemData(index).toString());
        if (!m_current.isEmpty())
            selectRowOf(m_current);
    });
}

void MarketListPanel::setVenueFilter(const QString& venue) {
    if (m_venueFilter) {
        const int index = m_venueFilter->findData(venue);
        if (index >= 0)
            m_venueFilter->setCurrentIndex(index); // filters through currentIndexChanged
        return;
    }
    m_filter->setVenueFilter(venue);
}

void MarketListPanel::showPolled(const MarketSource& source) {
    QSet<QString> polled;
    if (source.hub->streamLimit() > 0) {
        const QStringList streamed = source.hub->streamedMarkets();
        for (const Market& m : source.hub->markets())
            if (!streamed.contains(m.code))
                polled.insert(m.code);
    }
    m_model->setPolledMarkets(source.venue, polled, source.hub->streamLimit());
}

void MarketListPanel::loadMarkets(const MarketSource& source) {
    m_model->setStaleMarkets(source.venue, source.hub->staleMarkets());
    m_model->setMarkets(source.venue, source.venueName, source.hub->markets());
    showPolled(source);
    const QHash<QString, Ticker> tickers = source.hub->tickers();
    m_model->updateTickers(source.venue, QVector<Ticker>(tickers.cbegin(), tickers.cend()));
    m_marketsLoaded = true;
    updateEmptyText();
    rebuildQuoteButtons();

    // A market asked for before its venue's markets arrived waits for them; meanwhile the list shows one.
    if (!m_wanted.isEmpty() && m_model->rowOfMarket(m_wanted) >= 0) {
        const QString wanted = m_wanted;
        m_wanted.clear();
        setCurrentMarket(wanted);
        return;
    }
    QString wanted = m_current;
    if (m_model->rowOfMarket(wanted) < 0) {
        // First run: the first Bitcoin market in the list's order, else the first market listed.
        wanted.clear();
        for (int row = 0; row < m_filter->rowCount() && wanted.isEmpty(); ++row) {
            const Market* m = m_model->marketInfoAt(m_filter->mapToSource(m_filter->index(row, 0)).row());
            if (m && m->base == QLatin1String("BTC"))
                wanted = m->code;
        }
        if (wanted.isEmpty() && m_filter->rowCount() > 0)
            wanted = m_model->marketAt(m_filter->mapToSource(m_filter->index(0, 0)).row());
    }
    if (!wanted.isEmpty()) { // also selects the row again after the model's reset
        const QString stillWanted = m_wanted;
        setCurrentMarket(wanted);
        m_wanted = stillWanted;
    }
}

void MarketListPanel::onUpdated(const MarketSource& source, const MarketDataChanges& changes) {
    if (changes.tickers.isEmpty())
        return;
    if (!isOnScreen(this)) {
        m_behind = true;
        return;
    }
    QVector<Ticker> changed;
    changed.reserve(changes.tickers.size());
    for (const QString& code : changes.tickers)
        if (auto t = source.hub->ticker(code))
            changed.append(*t);
    m_model->updateTickers(source.venue, changed);
}

void MarketListPanel::catchUp() {
    if (!m_behind || !isOnScreen(this))
        return;
    m_behind = false;
    for (const MarketSource& source : std::as_const(m_sources)) {
        const QHash<QString, Ticker> tickers = source.hub->tickers();
        m_model->updateTickers(source.venue, QVector<Ticker>(tickers.cbegin(), tickers.cend()));
    }
}

void MarketListPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void MarketListPanel::setUnavailableText(const QString& text) {
    if (m_model->rowCount() > 0)
        return; // the markets are there: the search's empty text stays
    m_view->setEmptyText(text.isEmpty() ? tr("Loading markets…") : text);
}

void MarketListPanel::rebuildQuoteButtons() {
    for (QAbstractButton* b : m_quoteButtons->buttons()) {
        m_quoteButtons->removeButton(b);
        delete b;
    }
    const QStringList quotes = m_model->quoteCurrencies();
    if (quotes.size() < 2)
        return;
    auto addButton = [this](const QString& text, const QString& quote) {
        auto* b = new QPushButton(text, this);
        b->setCheckable(true);
        b->setFlat(true);
        b->setProperty("quote", quote);
        b->setObjectName(
            QStringLiteral("quoteFilter_%1").arg(quote.isEmpty() ? QStringLiteral("all") : quote));
        b->setStyleSheet(QStringLiteral("QPushButton { padding: 3px 10px; border: 1px solid transparent; }"
                                        "QPushButton:checked { border-color: #3b82f6; color: #e8ecf1; }"));
        b->setChecked(quote == m_filter->quoteFilter());
        m_quoteButtons->addButton(b);
        m_quoteBar->addWidget(b);
    };
    addButton(tr("All"), QString());
    for (const QString& q : quotes)
        addButton(q, q);
    m_quoteBar->addStretch(1);
}

void MarketListPanel::setCurrentMarket(const QString& code) {
    if (m_model->rowOfMarket(code) < 0) {
        m_wanted = code;
        return;
    }
    m_wanted.clear();
    selectRowOf(code);
    if (code != m_current) {
        m_current = code;
        emit currentMarketChanged(code);
    }
}

void MarketListPanel::selectRowOf(const QString& code) {
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(m_model->rowOfMarket(code), 0));
    if (!proxy.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(proxy);
}

void MarketListPanel::onSelectionChanged() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString code = m_model->marketAt(m_filter->mapToSource(rows.first()).row());
    if (!code.isEmpty() && code != m_current) {
        m_current = code;
        m_wanted.clear(); // the trader chose
        emit currentMarketChanged(code);
    }
}

void MarketListPanel::setWatchlist(Watchlist* watchlist) {
    if (m_watchlist)
        disconnect(m_watchlist, nullptr, this, nullptr);
    m_watchlist = watchlist;
    auto sync = [this] {
        m_model->setStarred(m_watchlist ? m_watchlist->codes() : QStringList());
        updateEmptyText();
    };
    if (m_watchlist)
        connect(m_watchlist, &Watchlist::changed, this, sync);
    sync();
}

void MarketListPanel::setStarredOnly(bool starredOnly) {
    if (m_starredOnly->isChecked() != starredOnly)
        m_starredOnly->setChecked(starredOnly); // comes back here through toggled
    if (m_filter->starredOnly() == starredOnly)
        return;
    m_filter->setStarredOnly(starredOnly);
    if (starredOnly) {
        m_sortColumnBefore = m_filter->sortColumn();
        m_sortOrderBefore = m_filter->sortOrder();
        m_view->sortByColumn(MarketListModel::StarColumn, Qt::AscendingOrder);
    } else if (m_sortColumnBefore >= 0 && m_filter->sortColumn() == MarketListModel::StarColumn) {
        // Back to the sort the trader had, unless they picked another one meanwhile.
        m_view->sortByColumn(m_sortColumnBefore, m_sortOrderBefore);
    }
    updateEmptyText();
    if (!m_current.isEmpty())
        selectRowOf(m_current);
}

bool MarketListPanel::starredOnly() const {
    return m_filter->starredOnly();
}

QMenu* MarketListPanel::createContextMenu(const QString& code) {
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("marketContextMenu"));
    if (m_watchlist && !code.isEmpty()) {
        const bool starred = m_watchlist->contains(code);
        QAction* star = menu->addAction(starred ? tr("Remove from watchlist") : tr("Add to watchlist"));
        star->setObjectName(QStringLiteral("toggleWatchlistAction"));
        connect(star, &QAction::triggered, this, [this, code] {
            if (m_watchlist)
                m_watchlist->toggle(code);
        });
    }
    QAction* filter = menu->addAction(tr("Show starred markets only"));
    filter->setObjectName(QStringLiteral("starredOnlyAction"));
    filter->setCheckable(true);
    filter->setChecked(starredOnly());
    connect(filter, &QAction::toggled, this, &MarketListPanel::setStarredOnly);
    return menu;
}

bool MarketListPanel::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (watched == m_view->viewport() && m_watchlist &&
        (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease ||
         type == QEvent::MouseButtonDblClick)) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && index.isValid() &&
            index.column() == MarketListModel::StarColumn) {
            if (type == QEvent::MouseButtonPress)
                m_watchlist->toggle(m_model->marketAt(m_filter->mapToSource(index).row()));
            return true; // the star is a button: it never selects the row
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MarketListPanel::addSearchedMarket() {
    const QString code = m_search->text().trimmed().toUpper();
    if (code.isEmpty() || m_filter->rowCount() > 0)
        return; // something matches: the list already shows it
    m_adding = code;
    m_addFailures = 0;
    m_wanted = code; // selected once a venue's markets include it
    m_view->setEmptyText(tr("Asking the venues for %1…").arg(code));
    for (const MarketSource& source : std::as_const(m_sources))
        source.hub->addMarket(code);
}

void MarketListPanel::updateEmptyText() {
    if (!m_marketsLoaded)
        m_view->setEmptyText(tr("Loading markets…"));
    else if (m_filter->starredOnly() && (!m_watchlist || m_watchlist->codes().isEmpty()))
        m_view->setEmptyText(
            tr("No starred markets yet. Click ☆ beside a market, or right-click it, to add it here."));
    else
        m_view->setEmptyText(tr("No market matches the search."));
}

void MarketListPanel::setPriceColors(const PriceColors& colors) {
    m_model->setPriceColors(colors);
}

void MarketListPanel::setPreferLocalNames(bool preferLocal) {
    m_model->setPreferLocalNames(preferLocal);
}

} // namespace hoga
