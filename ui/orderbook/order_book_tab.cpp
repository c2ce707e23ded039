#include "order_book_tab.h"

#include "common/data_table_view.h"
#include "depth_bar_delegate.h"
#include "format/decimal_format.h"
#include "format/market_format.h"
#include "marketdata/market_data_hub.h"
#include "order_book_side_model.h"
#include "theme/terminal_theme.h"
#include "trade_tape_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

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
    , m_mid(new QLabel(this)) {
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
    auto* spreadLayout = new QHBoxLayout(spreadBar);
    spreadLayout->setContentsMargins(10, 6, 10, 6);
    spreadLayout->setSpacing(18);
    spreadLayout->addWidget(m_lastPrice);
    spreadLayout->addStretch(1);
    spreadLayout->addWidget(m_mid);
    spreadLayout->addWidget(m_spread);

    auto* ladder = new QWidget(this);
    auto* ladderLayout = new QVBoxLayout(ladder);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderLayout->setSpacing(0);
    ladderLayout->addWidget(sectionTitle(tr("Order book"), ladder));
    ladderLayout->addWidget(m_askView, 1);
    ladderLayout->addWidget(spreadBar);
    ladderLayout->addWidget(m_bidView, 1);

    m_tapeView = new DataTableView(this);
    m_tapeView->setObjectName(QStringLiteral("tradeTapeView"));
    m_tapeView->setModel(m_tape);
    m_tapeView->setEmptyText(tr("No trades yet"));
    m_tapeView->setAlternatingRowColors(false);
    m_tapeView->setSelectionMode(QAbstractItemView::NoSelection);
    QHeaderView* tapeHeader = m_tapeView->horizontalHeader();
    tapeHeader->setStretchLastSection(false);
    tapeHeader->setSectionResizeMode(TradeTapeModel::TimeColumn, QHeaderView::ResizeToContents);
    tapeHeader->setSectionResizeMode(TradeTapeModel::PriceColumn, QHeaderView::Stretch);
    tapeHeader->setSectionResizeMode(TradeTapeModel::QtyColumn, QHeaderView::ResizeToContents);
    // A live feed: no scroll bars taking room from the numbers.
    m_tapeView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tapeView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tapeView->setMinimumWidth(250);
    auto* tape = new QWidget(this);
    auto* tapeLayout = new QVBoxLayout(tape);
    tapeLayout->setContentsMargins(0, 0, 0, 0);
    tapeLayout->setSpacing(0);
    tapeLayout->addWidget(sectionTitle(tr("Recent trades"), tape));
    tapeLayout->addWidget(m_tapeView, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("orderBookSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(ladder);
    splitter->addWidget(tape);
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
    const MarketFormat format(m_hub->market(code));
    m_tape->setTrades(m_hub->recentTrades(code, m_tape->maxRows()), format);
    m_asks->clear();
    m_bids->clear();
    refreshBook();
}

void OrderBookTab::onUpdated(const MarketDataChanges& changes) {
    if (m_market.isEmpty())
        return;
    if (changes.books.contains(m_market))
        refreshBook();
    if (auto it = changes.trades.constFind(m_market); it != changes.trades.constEnd())
        m_tape->addTrades(*it);
    if (changes.tickers.contains(m_market) || changes.trades.contains(m_market))
        updateSpreadBar();
}

void OrderBookTab::refreshBook() {
    const std::optional<OrderBook> book = m_market.isEmpty() ? std::nullopt : m_hub->orderBook(m_market);
    if (!book || book->isEmpty()) {
        m_asks->clear();
        m_bids->clear();
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
    updateSpreadBar();
}

void OrderBookTab::updateSpreadBar() {
    const std::optional<OrderBook> book = m_market.isEmpty() ? std::nullopt : m_hub->orderBook(m_market);
    const MarketFormat format(m_market.isEmpty() ? std::nullopt : m_hub->market(m_market));

    const QVector<Trade> last = m_market.isEmpty() ? QVector<Trade>() : m_hub->recentTrades(m_market, 1);
    const std::optional<Ticker> ticker = m_market.isEmpty() ? std::nullopt : m_hub->ticker(m_market);
    if (!last.isEmpty()) {
        const bool up = last.first().side == Side::Buy;
        m_lastPrice->setText(format.price(last.first().price) +
                             (up ? QStringLiteral(" ▲") : QStringLiteral(" ▼")));
        theme::setTextColor(m_lastPrice, up ? m_colors.up : m_colors.down);
    } else if (ticker) {
        m_lastPrice->setText(format.price(ticker->last));
        theme::setTextColor(m_lastPrice, m_colors.forSign(ticker->changeRate.signum()));
    } else {
        m_lastPrice->setText(tr("No trades yet"));
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
    m_spread->setText(
        tr("Spread %1 (%2)")
            .arg(format.price(*spread), formatDecimal(spreadRate * Decimal(100), 3) + QLocale().percent()));
    m_mid->setText(tr("Mid %1").arg(format.derivedPrice(*mid)));
}

void OrderBookTab::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    m_asks->setPriceColors(colors);
    m_bids->setPriceColors(colors);
    m_tape->setPriceColors(colors);
    m_askBars->setColor(colors.down);
    m_bidBars->setColor(colors.up);
    m_askView->viewport()->update();
    m_bidView->viewport()->update();
    updateSpreadBar();
}

} // namespace hoga
