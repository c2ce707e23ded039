#include "order_book_tab.h"

#include "common/data_table_view.h"
#include "common/live_text.h"
#include "common/on_screen.h"
#include "depth_bar_delegate.h"
#include "depth_chart_view.h"
#include "format/decimal_format.h"
#include "format/market_format.h"
#include "marketdata/market_data_hub.h"
#include "order_book_side_model.h"
#include "theme/terminal_theme.h"
#include "trade_strength.h"
#include "trade_tape_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    return label;
}

} // namespace

OrderBookTab::OrderBookTab(MarketDataHub* hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_asks(new OrderBookSideModel(Side::Sell, this))
    , m_bids(new OrderBookSideModel(Side::Buy, this))
    , m_tape(new TradeTapeModel(100, this))
    , m_askBars(new DepthBarDelegate(this))
    , m_bidBars(new DepthBarDelegate(this))
    , m_lastPrice(new QLabel(this))
    , m_spread(new QLabel(this))
    , m_mid(new QLabel(this))
    , m_strength(new QLabel(this))
    , m_depth(new DepthChartView(this)) {
    setObjectName(QStringLiteral("orderBookTab"));

    m_askView = makeLadderView(m_asks, m_askBars, QStringLiteral("askBookView"));
    m_askView->setAnchoredAtBottom(true);
    m_bidView = makeLadderView(m_bids, m_bidBars, QStringLiteral("bidBookView"));
    m_bidView->horizontalHeader()->setVisible(false);

    auto* spreadBar = new QFrame(this);
    spreadBar->setObjectName(QStringLiteral("spreadBar"));
    m_lastPrice->setObjectName(QStringLiteral("bookLastPrice"));
    m_lastPrice->setFont(theme::headlineNumberFont(4));
    m_spread->setObjectName(QStringLiteral("bookSpread"));
    m_spread->setFont(theme::numberFont());
    m_mid->setObjectName(QStringLiteral("bookMid"));
    m_mid->setFont(theme::numberFont());
    for (QLabel* l : {m_spread, m_mid})
        theme::setTextColor(l, theme::dimText());
    // Mid above spread, right of the last price: narrow enough for a 1024-pixel window.
    auto* spreadLayout = new QHBoxLayout(spreadBar);
    spreadLayout->setContentsMargins(10, 4, 10, 4);
    spreadLayout->setSpacing(10);
    spreadLayout->addWidget(m_lastPrice);
    spreadLayout->addStretch(1);
    auto* figures = new QVBoxLayout;
    figures->setSpacing(0);
    figures->addWidget(m_mid, 0, Qt::AlignRight);
    figures->addWidget(m_spread, 0, Qt::AlignRight);
    spreadLayout->addLayout(figures);

    auto* ladder = new QWidget(this);
    auto* ladderLayout = new QVBoxLayout(ladder);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderLayout->setSpacing(0);
    // 체결강도 sits on the ladder's title row, where traders look for it.
    m_strength->setObjectName(QStringLiteral("tradeStrengthLabel"));
    m_strength->setFont(theme::numberFont());
    m_strength->setToolTip(tr("Trade strength (체결강도): the quantity bought against the quantity sold over "
                              "the last %n trades, × 100 %. Above 100 % buyers were the more eager side.",
                              nullptr, TradeStrength::kWindowTrades));
    auto* titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 10, 0);
    titleRow->addWidget(sectionTitle(tr("Order book"), ladder));
    titleRow->addStretch(1);
    titleRow->addWidget(m_strength);
    ladderLayout->addLayout(titleRow);
    ladderLayout->addWidget(m_askView, 1);
    ladderLayout->addWidget(spreadBar);
    ladderLayout->addWidget(m_bidView, 1);

    m_tapeView = new DataTableView(this);
    m_tapeView->setObjectName(QStringLiteral("tradeTapeView"));
    m_tapeView->setModel(m_tape);
    // The ladders' delegate draws plain text without asking the style sheet per cell (and no bars: the tape
    // has no depth): the tape repaints on every new trade.
    m_tapeView->setItemDelegate(new DepthBarDelegate(m_tapeView));
    m_tapeView->setEmptyText(tr("No trades yet"));
    m_tapeView->setAlternatingRowColors(false);
    m_tapeView->setSelectionMode(QAbstractItemView::NoSelection);
    QHeaderView* tapeHeader = m_tapeView->horizontalHeader();
    tapeHeader->setStretchLastSection(false);
    // Fixed widths from the market's formats (see sizeTapeColumns): measuring every row's text on each new
    // trade, as ResizeToContents does, was a large part of the tab's work.
    tapeHeader->setSectionResizeMode(QHeaderView::Fixed);
    tapeHeader->setSectionResizeMode(TradeTapeModel::PriceColumn, QHeaderView::Stretch);
    // A live feed: no scroll bars taking room from the numbers.
    m_tapeView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tapeView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tapeView->setMinimumWidth(230);
    auto* tape = new QWidget(this);
    auto* tapeLayout = new QVBoxLayout(tape);
    tapeLayout->setContentsMargins(0, 0, 0, 0);
    tapeLayout->setSpacing(0);
    tapeLayout->addWidget(sectionTitle(tr("Recent trades"), tape));
    tapeLayout->addWidget(m_tapeView, 1);

    m_depth->setObjectName(QStringLiteral("depthChartView"));
    m_depth->setEmptyText(tr("Waiting for the order book…"));
    auto* depth = new QWidget(this);
    auto* depthLayout = new QVBoxLayout(depth);
    depthLayout->setContentsMargins(0, 0, 0, 0);
    depthLayout->setSpacing(0);
    depthLayout->addWidget(sectionTitle(tr("Depth"), depth));
    depthLayout->addWidget(m_depth, 1);

    // The tape above the depth chart, beside the ladder.
    auto* side = new QSplitter(Qt::Vertical, this);
    side->setObjectName(QStringLiteral("orderBookSideSplitter"));
    side->setChildrenCollapsible(false);
    side->addWidget(tape);
    side->addWidget(depth);
    side->setOrientation(Qt::Horizontal);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);

    // Starts stacked (the smaller minimum width); the first resize puts a wide tab side by side.
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_splitter = splitter;
    m_side = side;
    splitter->setObjectName(QStringLiteral("orderBookSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(ladder);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    for (auto [view, model] : {std::pair{m_askView, m_asks}, std::pair{m_bidView, m_bids}}) {
        connect(view, &QAbstractItemView::clicked, this, [this, model](const QModelIndex& index) {
            if (auto price = model->priceAt(index.row()))
                emit priceSelected(*price);
        });
    }
    connect(m_hub, &MarketDataHub::updated, this, &OrderBookTab::onUpdated);
    connect(m_hub, &MarketDataHub::marketsLoaded, this, [this] { setMarket(m_market); });
    setPriceColors(m_colors);
    updateSpreadBar();
    updateStrength();
}

DataTableView* OrderBookTab::makeLadderView(OrderBookSideModel* model, DepthBarDelegate* delegate,
                                            const QString& name) {
    auto* view = new DataTableView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setItemDelegate(delegate);
    view->setAlternatingRowColors(false);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setCursor(Qt::PointingHandCursor);
    view->setEmptyText(tr("Waiting for the order book…"));
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 4);
    return view;
}

void OrderBookTab::setMarket(const QString& code) {
    m_market = code;
    m_asks->clear();
    m_bids->clear();
    m_depth->clear();
    if (!isOnScreen(this)) {
        m_behind = true;
        return;
    }
    reload();
}

void OrderBookTab::reload() {
    m_behind = false;
    const MarketFormat format(m_hub->market(m_market));
    m_tape->setTrades(m_hub->recentTrades(m_market, m_tape->maxRows()), format);
    sizeTapeColumns(format);
    refreshBook();
    updateStrength();
    fitColumns();
}

void OrderBookTab::catchUp() {
    if (m_behind && isOnScreen(this))
        reload();
}

void OrderBookTab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
    fitColumns();
}

void OrderBookTab::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Too narrow for the ladder and the tape side by side (a 1024-pixel window): the tape and the depth
    // chart go under the ladder, next to each other.
    const bool stacked = width() < kSideBySideWidth;
    const bool changed = stacked != (m_splitter->orientation() == Qt::Vertical);
    // Both every time: restored splitter states carry their own orientation.
    m_splitter->setOrientation(stacked ? Qt::Vertical : Qt::Horizontal);
    m_side->setOrientation(stacked ? Qt::Horizontal : Qt::Vertical);
    if (changed || !m_sideSized) {
        m_sideSized = true;
        // Side by side the tape needs its four columns; the depth chart reads well narrower.
        // Stacked, the depth chart keeps a narrow strip and the tape the rest.
        if (stacked)
            m_side->setSizes({std::max(0, width() - 130), 130});
        else
            m_side->setSizes({m_side->height() * 2 / 3, m_side->height() / 3});
    }
    fitColumns();
}

void OrderBookTab::sizeTapeColumns(const MarketFormat& format) {
    // Wide enough for a two-digit quantity with the whole step and a nine-digit value (hundreds of millions
    // of KRW); rarer larger prints elide.
    const QFontMetrics fm(theme::numberFont());
    QHeaderView* header = m_tapeView->horizontalHeader();
    const QString qtySample =
        QStringLiteral("88.") + QString(std::max(format.qtyDecimals(), 4), QLatin1Char('8'));
    const QString samples[] = {QStringLiteral("88:88:88"),
                               {},
                               format.exactQty(Decimal::fromString(qtySample.toStdString())),
                               format.quoteAmount(Decimal(888'888'888))};
    for (int c :
         {int(TradeTapeModel::TimeColumn), int(TradeTapeModel::QtyColumn), int(TradeTapeModel::ValueColumn)})
        header->resizeSection(c, std::max(fm.horizontalAdvance(samples[c]) + 12, header->sectionSizeHint(c)));
}

void OrderBookTab::fitColumns() {
    // In a narrow window the least needed columns step aside rather than every number being cut short:
    // the ladders' running total, then the tape's time.
    auto needs = [](const DataTableView* view, std::initializer_list<int> columns) {
        int width = 0;
        for (int c : columns)
            width += std::max(static_cast<const QAbstractItemView*>(view)->sizeHintForColumn(c),
                              view->horizontalHeader()->sectionSizeHint(c));
        return width;
    };
    const bool cumulative =
        needs(m_bidView, {OrderBookSideModel::PriceColumn, OrderBookSideModel::QtyColumn,
                          OrderBookSideModel::CumulativeColumn}) <= m_bidView->viewport()->width();
    for (DataTableView* view : {m_askView, m_bidView})
        view->setColumnHidden(OrderBookSideModel::CumulativeColumn, !cumulative);
    const bool time =
        needs(m_tapeView, {TradeTapeModel::TimeColumn, TradeTapeModel::PriceColumn, TradeTapeModel::QtyColumn,
                           TradeTapeModel::ValueColumn}) <= m_tapeView->viewport()->width();
    m_tapeView->setColumnHidden(TradeTapeModel::TimeColumn, !time);
}

void OrderBookTab::setUnavailableText(const QString& text) {
    const QString waiting = text.isEmpty() ? tr("Waiting for the order book…") : text;
    m_askView->setEmptyText(waiting);
    m_bidView->setEmptyText(waiting);
    m_depth->setEmptyText(waiting);
    m_tapeView->setEmptyText(text.isEmpty() ? tr("No trades yet") : text);
}

void OrderBookTab::onUpdated(const MarketDataChanges& changes) {
    if (m_market.isEmpty())
        return;
    const bool trades = changes.trades.contains(m_market);
    if (!changes.books.contains(m_market) && !trades && !changes.tickers.contains(m_market))
        return;
    if (!isOnScreen(this)) {
        m_behind = true; // the hub keeps the book and the recent trades: reload() when shown
        return;
    }
    if (changes.books.contains(m_market))
        refreshBook();
    if (auto it = changes.trades.constFind(m_market); it != changes.trades.constEnd()) {
        m_tape->addTrades(*it);
        updateStrength();
    }
    if (changes.tickers.contains(m_market) || trades)
        updateSpreadBar();
}

void OrderBookTab::updateStrength() {
    const std::optional<Decimal> percent = TradeStrength::of(m_tape->trades()).percent();
    if (!percent) {
        setLiveText(m_strength, tr("Trade strength %1").arg(QStringLiteral("–")));
        theme::setTextColor(m_strength, theme::dimText());
        return;
    }
    setLiveText(m_strength, tr("Trade strength %1").arg(formatDecimal(*percent, 2) + QLocale().percent()));
    theme::setTextColor(m_strength, m_colors.forSign((*percent - Decimal(100)).signum()));
}

void OrderBookTab::refreshBook() {
    const std::optional<OrderBook> book = m_market.isEmpty() ? std::nullopt : m_hub->orderBook(m_market);
    if (!book || book->isEmpty()) {
        m_asks->clear();
        m_bids->clear();
        m_depth->clear();
        updateSpreadBar();
        return;
    }
    const MarketFormat format(m_hub->market(m_market));
    // Bars of both sides share one scale, so their lengths compare.
    Decimal depthScale;
    Decimal levelScale;
    for (Side side : {Side::Buy, Side::Sell}) {
        const QVector<BookLevel>& levels = side == Side::Buy ? book->bids() : book->asks();
        Decimal cumulative;
        for (int i = 0; i < std::min(static_cast<int>(levels.size()), kMaxLevels); ++i) {
            cumulative += levels[i].qty;
            levelScale = Decimal::max(levelScale, levels[i].qty);
        }
        depthScale = Decimal::max(depthScale, cumulative);
    }
    m_asks->setBook(*book, format, kMaxLevels, depthScale, levelScale);
    m_bids->setBook(*book, format, kMaxLevels, depthScale, levelScale);
    m_depth->setBook(*book, format, kMaxLevels);
    updateSpreadBar();
}

void OrderBookTab::updateSpreadBar() {
    const std::optional<OrderBook> book = m_market.isEmpty() ? std::nullopt : m_hub->orderBook(m_market);
    const MarketFormat format(m_market.isEmpty() ? std::nullopt : m_hub->market(m_market));

    const QVector<Trade> last = m_market.isEmpty() ? QVector<Trade>() : m_hub->recentTrades(m_market, 1);
    const std::optional<Ticker> ticker = m_market.isEmpty() ? std::nullopt : m_hub->ticker(m_market);
    if (!last.isEmpty()) {
        const bool up = last.first().side == Side::Buy;
        setLiveText(m_lastPrice,
                    format.price(last.first().price) + (up ? QStringLiteral(" ▲") : QStringLiteral(" ▼")));
        theme::setTextColor(m_lastPrice, up ? m_colors.up : m_colors.down);
    } else if (ticker) {
        setLiveText(m_lastPrice, format.price(ticker->last));
        theme::setTextColor(m_lastPrice, m_colors.forSign(ticker->changeRate.signum()));
    } else {
        setLiveText(m_lastPrice, tr("No trades yet"));
        theme::setTextColor(m_lastPrice, theme::dimText());
    }

    const std::optional<Decimal> spread = book ? book->spread() : std::nullopt;
    const std::optional<Decimal> mid = book ? book->mid() : std::nullopt;
    if (!spread || !mid || !mid->isPositive()) {
        m_spread->clear();
        m_mid->clear();
        return;
    }
    const Decimal spreadRate = spread->divide(*mid, 8, Rounding::HalfEven);
    setLiveText(m_spread, tr("Spread %1 (%2)")
                              .arg(format.price(*spread),
                                   formatDecimal(spreadRate * Decimal(100), 3) + QLocale().percent()));
    setLiveText(m_mid, tr("Mid %1").arg(format.derivedPrice(*mid)));
}

void OrderBookTab::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    m_asks->setPriceColors(colors);
    m_bids->setPriceColors(colors);
    m_tape->setPriceColors(colors);
    m_askBars->setColor(colors.down);
    m_bidBars->setColor(colors.up);
    m_depth->setPriceColors(colors);
    m_askView->viewport()->update();
    m_bidView->viewport()->update();
    updateSpreadBar();
    updateStrength();
}

} // namespace hoga
