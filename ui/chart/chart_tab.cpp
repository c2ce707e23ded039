#include "chart_tab.h"

#include "candle_chart_view.h"
#include "common/on_screen.h"
#include "marketdata/market_data_hub.h"
#include "marketdata/when_finished.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

namespace {

constexpr int kRepaintMs = 500;
constexpr int kHistoryCandles = 300;
constexpr int kMaxCandles = 5000; // older pages stop here; the view never shows more than 1000 at once

struct IntervalChoice {
    CandleInterval interval;
    const char* label;
    const char* toolTip;
};

// Labels and tool tips are marked for translation here and translated where they are shown.
const IntervalChoice kIntervalChoices[] = {
    {CandleInterval::M1, QT_TRANSLATE_NOOP("hoga::ChartTab", "1m"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "1-minute candles")},
    {CandleInterval::M3, QT_TRANSLATE_NOOP("hoga::ChartTab", "3m"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "3-minute candles")},
    {CandleInterval::M5, QT_TRANSLATE_NOOP("hoga::ChartTab", "5m"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "5-minute candles")},
    {CandleInterval::M15, QT_TRANSLATE_NOOP("hoga::ChartTab", "15m"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "15-minute candles")},
    {CandleInterval::M30, QT_TRANSLATE_NOOP("hoga::ChartTab", "30m"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "30-minute candles")},
    {CandleInterval::H1, QT_TRANSLATE_NOOP("hoga::ChartTab", "1h"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "1-hour candles")},
    {CandleInterval::H4, QT_TRANSLATE_NOOP("hoga::ChartTab", "4h"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "4-hour candles")},
    {CandleInterval::D1, QT_TRANSLATE_NOOP("hoga::ChartTab", "1D"),
     QT_TRANSLATE_NOOP("hoga::ChartTab", "Daily candles")},
};

} // namespace

ChartTab::ChartTab(MarketDataHub* hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_view(new CandleChartView(this))
    , m_marketLabel(new QLabel(this))
    , m_simulatedBadge(new QLabel(tr("Simulated"), this))
    , m_intervalButtons(new QButtonGroup(this))
    , m_aggregator(m_interval, kMaxCandles) {
    QFont marketFont = m_marketLabel->font();
    marketFont.setBold(true);
    marketFont.setPointSizeF(marketFont.pointSizeF() * 1.1);
    m_marketLabel->setFont(marketFont);

    m_simulatedBadge->setToolTip(
        tr("Prices come from the built-in market simulator, not from a real exchange."));
    m_simulatedBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #f59f00; color: #1a1a1a; border-radius: 3px; padding: 1px 7px; "
                       "font-weight: 600; }"));
    m_simulatedBadge->setVisible(false);
    m_view->setObjectName(QStringLiteral("candleChartView"));
    m_marketLabel->setObjectName(QStringLiteral("chartMarketLabel"));
    // The interval buttons come first in a narrow window: the name may be cut short.
    m_marketLabel->setMinimumWidth(40);

    auto* bar = new QHBoxLayout;
    m_bar = bar;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->setSpacing(2);
    bar->addWidget(m_marketLabel);
    bar->addSpacing(16);
    for (const IntervalChoice& choice : kIntervalChoices) {
        auto* button = new QToolButton(this);
        // Named by the interval's stable name ("chartInterval_60m"); the style sheet marks the checked one.
        button->setObjectName(QStringLiteral("chartInterval_%1").arg(intervalName(choice.interval)));
        button->setProperty("role", QStringLiteral("intervalButton"));
        button->setText(tr(choice.label));
        button->setToolTip(tr(choice.toolTip));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setMinimumWidth(28);
        m_intervalButtons->addButton(button, int(choice.interval));
        bar->addWidget(button);
    }
    m_intervalButtons->setExclusive(true);
    bar->addStretch(1);
    bar->addWidget(m_simulatedBadge);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_intervalButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setInterval(static_cast<CandleInterval>(id)); });
    connect(m_view, &CandleChartView::olderCandlesWanted, this, &ChartTab::requestOlderHistory);
    // The live candle moves with every hub update; the chart shows it twice a second, which is all a
    // 1-minute (or longer) candle needs, for a fraction of the painting.
    m_repaint = new QTimer(this);
    m_repaint->setSingleShot(true);
    m_repaint->setInterval(kRepaintMs);
    connect(m_repaint, &QTimer::timeout, this, [this] { m_view->setCandles(m_aggregator.candles()); });
    if (m_hub) {
        connect(m_hub, &MarketDataHub::updated, this, &ChartTab::onHubUpdated);
        connect(m_hub, &MarketDataHub::marketsLoaded, this, [this] {
            refreshMarketInfo();
            // The hub may have been attached to another venue: its candles are not ours.
            if (m_waitingForConnector || (!m_market.isEmpty() && m_hub->connector() != m_historySource))
                requestHistory();
        });
    }

    if (QAbstractButton* button = m_intervalButtons->button(int(m_interval)))
        button->setChecked(true);
    m_view->setInterval(m_interval);
    refreshMarketInfo();
    showState(tr("Choose a market to see its chart."));
}

ChartTab::~ChartTab() {
    m_pendingFetch.cancel(); // nobody will look at the answer
}

QAbstractButton* ChartTab::intervalButton(CandleInterval interval) const {
    return m_intervalButtons->button(int(interval));
}

void ChartTab::addToolBarWidget(QWidget* widget) {
    const int badge = m_bar->indexOf(m_simulatedBadge);
    // The widget takes the spare room instead of the stretch before it (a status text that shortens gets
    // what the market's name and the intervals leave).
    m_bar->setStretch(badge - 1, 0);
    m_bar->insertWidget(badge, widget, 1);
}

void ChartTab::setPreferLocalNames(bool preferLocal) {
    m_preferLocalNames = preferLocal;
    refreshMarketInfo();
}

void ChartTab::setUnavailableText(const QString& text) {
    m_unavailable = text;
    if (m_view->candles().isEmpty() && !m_historyLoaded)
        requestHistory();
}

void ChartTab::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void ChartTab::catchUp() {
    if (!m_behind || !isOnScreen(this))
        return;
    m_behind = false;
    if (!m_historyLoaded)
        return;
    // The hub keeps the latest trades: fold those not folded yet. If it holds its maximum and all of them
    // are newer than the last one folded, some may have dropped out: fetch the history again instead.
    constexpr int kHeld = 200;
    const QVector<Trade> newestFirst = m_hub->recentTrades(m_market, kHeld);
    if (newestFirst.size() >= kHeld && newestFirst.constLast().timestampMs > m_lastFoldedMs) {
        requestHistory();
        return;
    }
    QVector<Trade> oldestFirst(newestFirst.crbegin(), newestFirst.crend());
    foldTrades(oldestFirst);
    m_view->setCandles(m_aggregator.candles());
}

QVector<CandleInterval> ChartTab::selectableIntervals() {
    QVector<CandleInterval> intervals;
    for (const IntervalChoice& choice : kIntervalChoices)
        intervals.append(choice.interval);
    return intervals;
}

void ChartTab::setMarket(const QString& marketCode) {
    if (marketCode == m_market && m_historyLoaded)
        return;
    m_market = marketCode;
    requestHistory();
}

QString ChartTab::market() const {
    return m_market;
}

void ChartTab::setInterval(CandleInterval interval) {
    if (QAbstractButton* button = m_intervalButtons->button(int(interval)))
        button->setChecked(true);
    else if (QAbstractButton* checked = m_intervalButtons->checkedButton()) {
        // An interval the selector does not offer: show no button as current.
        m_intervalButtons->setExclusive(false);
        checked->setChecked(false);
        m_intervalButtons->setExclusive(true);
    }
    if (interval == m_interval)
        return;
    m_interval = interval;
    emit intervalChanged(interval);
    requestHistory();
}

CandleInterval ChartTab::interval() const {
    return m_interval;
}

void ChartTab::setPriceColors(const PriceColors& colors) {
    m_view->setPriceColors(colors);
}

QVector<Candle> ChartTab::candles() const {
    return m_view->candles();
}

void ChartTab::showState(const QString& text) {
    m_view->setEmptyText(text);
}

void ChartTab::requestHistory() {
    ++m_generation;
    m_pendingFetch.cancel();
    m_pendingFetch = {};
    m_historyLoaded = false;
    m_loadingOlder = false;
    m_noOlderHistory = false;
    m_waitingForConnector = false;
    m_historySource = nullptr;
    m_behind = false;
    m_lastFoldedMs = 0;
    m_foldedAtLastMs.clear();
    m_aggregator = CandleAggregator(m_interval, kMaxCandles);
    m_view->clear();
    m_view->setInterval(m_interval);
    refreshMarketInfo();

    if (m_market.isEmpty()) {
        showState(m_unavailable.isEmpty() ? tr("Choose a market to see its chart.") : m_unavailable);
        return;
    }
    Connector* connector = m_hub ? m_hub->connector() : nullptr;
    if (!connector) {
        m_waitingForConnector = true;
        showState(m_unavailable.isEmpty() ? tr("Waiting for the market data connection…") : m_unavailable);
        return;
    }
    m_historySource = connector;
    showState(m_unavailable.isEmpty() ? tr("Loading chart…") : m_unavailable);
    // Trades older than this are already inside the fetched candles; folding them in again would count
    // their volume twice.
    m_requestSentMs = QDateTime::currentMSecsSinceEpoch();
    const QFuture<Result<QVector<Candle>>> future =
        connector->fetchCandles(CandleQuery{m_market, m_interval, kHistoryCandles, 0});
    m_pendingFetch = QFuture<void>(future);
    const quint64 generation = m_generation;
    // A watcher-based continuation (not QFuture::then(this, ...), which asserts in Qt 6.4 when the tab
    // closes before the answer arrives).
    whenFinished(future, this, [this, generation](const Result<QVector<Candle>>& result) {
        applyHistory(generation, result);
    });
}

void ChartTab::applyHistory(quint64 generation, const Result<QVector<Candle>>& result) {
    if (generation != m_generation)
        return; // an answer for a market or interval no longer shown
    m_pendingFetch = {};
    if (!result.ok()) {
        showState(result.error().userMessage());
        return;
    }
    m_aggregator.setHistory(result.value());
    m_lastFoldedMs = m_requestSentMs;
    m_noOlderHistory = result.value().size() < kHistoryCandles;
    m_historyLoaded = true;
    m_view->setCandles(m_aggregator.candles());
    showState(tr("No candles for this market yet"));
    refreshMarketInfo();
    emit candlesLoaded();
}

void ChartTab::requestOlderHistory() {
    const QVector<Candle>& current = m_aggregator.candles();
    if (!m_historyLoaded || m_loadingOlder || m_noOlderHistory || current.isEmpty())
        return;
    Connector* connector = m_hub ? m_hub->connector() : nullptr;
    if (!connector)
        return;
    if (current.size() >= kMaxCandles) {
        m_noOlderHistory = true;
        return;
    }
    m_loadingOlder = true;
    const qint64 beforeMs = current.first().openTimeMs;
    const quint64 generation = m_generation;
    whenFinished(connector->fetchCandles(CandleQuery{m_market, m_interval, kHistoryCandles, beforeMs}), this,
                 [this, generation, beforeMs](const Result<QVector<Candle>>& result) {
                     applyOlderHistory(generation, beforeMs, result);
                 });
}

void ChartTab::applyOlderHistory(quint64 generation, qint64 beforeMs, const Result<QVector<Candle>>& result) {
    if (generation != m_generation)
        return;
    m_loadingOlder = false;
    if (!result.ok())
        return; // the next pan to the edge tries again
    QVector<Candle> merged;
    for (const Candle& candle : result.value()) {
        if (candle.openTimeMs < beforeMs)
            merged.append(candle);
    }
    if (merged.isEmpty() || result.value().size() < kHistoryCandles)
        m_noOlderHistory = true;
    if (merged.isEmpty())
        return;
    merged += m_aggregator.candles();
    m_aggregator.setHistory(merged);
    m_view->setCandles(m_aggregator.candles());
}

void ChartTab::onHubUpdated(const MarketDataChanges& changes) {
    if (changes.tickers.contains(m_market) || changes.connectionChanged)
        m_simulatedBadge->setVisible(m_hub->isSimulated());
    if (!m_historyLoaded)
        return;
    const auto trades = changes.trades.constFind(m_market);
    if (trades == changes.trades.cend())
        return;
    if (!isOnScreen(this)) {
        m_behind = true;
        return;
    }
    const qint64 before = m_lastFoldedMs;
    const qsizetype foldedBefore = m_foldedAtLastMs.size();
    foldTrades(*trades);
    // One repaint per kRepaintMs at most, never one per trade.
    if ((m_lastFoldedMs != before || m_foldedAtLastMs.size() != foldedBefore) && !m_repaint->isActive())
        m_repaint->start();
}

void ChartTab::foldTrades(const QVector<Trade>& oldestFirst) {
    for (const Trade& trade : oldestFirst) {
        // Trades older than the history request are inside the fetched candles already; trades folded
        // before (caught up again after a hidden spell) must not count twice.
        if (trade.timestampMs < m_requestSentMs || trade.timestampMs < m_lastFoldedMs)
            continue;
        if (trade.timestampMs == m_lastFoldedMs && m_foldedAtLastMs.contains(trade.id))
            continue;
        if (trade.timestampMs > m_lastFoldedMs) {
            m_lastFoldedMs = trade.timestampMs;
            m_foldedAtLastMs.clear();
        }
        m_foldedAtLastMs.insert(trade.id);
        m_aggregator.addTrade(trade);
    }
}

void ChartTab::refreshMarketInfo() {
    const std::optional<Market> info =
        (m_hub && !m_market.isEmpty()) ? m_hub->market(m_market) : std::nullopt;
    if (m_market.isEmpty())
        m_marketLabel->setText(tr("No market selected"));
    else if (info && m_preferLocalNames && !info->localName.isEmpty())
        m_marketLabel->setText(tr("%1  ·  %2").arg(info->code, info->localName));
    else if (info && !info->displayName.isEmpty())
        m_marketLabel->setText(tr("%1  ·  %2").arg(info->code, info->displayName));
    else
        m_marketLabel->setText(m_market);
    m_simulatedBadge->setVisible(m_hub && m_hub->isSimulated());

    // The finest tick among the shown prices sets the label precision (ticks get finer as prices fall).
    int decimals = -1;
    if (info && !info->rules.tickBands.isEmpty()) {
        const QVector<Candle>& candles = m_aggregator.candles();
        Decimal lowest = candles.isEmpty() ? Decimal() : candles.first().low;
        for (const Candle& candle : candles)
            lowest = Decimal::min(lowest, candle.low);
        decimals = info->rules.priceDecimalsFor(lowest);
    }
    m_view->setPriceDecimals(decimals);
}

} // namespace hoga
