#pragma once

#include "core/candle.h"
#include "core/result.h"
#include "theme/price_colors.h"

#include <QFuture>
#include <QSet>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QHBoxLayout;
class QLabel;
class QTimer;

namespace hoga {

class CandleChartView;
class MarketDataHub;
struct MarketDataChanges;

// The Chart tab: candlesticks with volume for one market, an interval selector (1m..1d), a live last
// candle built from the hub's trades, a crosshair with an OHLCV readout and moving-average overlays.
// History comes from the hub's connector (fetchCandles, asynchronous); an empty state shows until it does.
// While the tab is not on screen it folds no trades and paints nothing; when shown it folds the trades the
// hub still holds, or reloads the history if more were missed.
class ChartTab : public QWidget {
    Q_OBJECT
public:
    explicit ChartTab(MarketDataHub* hub, QWidget* parent = nullptr);
    ~ChartTab() override;

    void setMarket(const QString& marketCode);
    QString market() const;
    void setInterval(CandleInterval interval);
    CandleInterval interval() const;
    void setPriceColors(const PriceColors& colors);
    // Korean: the market's Korean name (비트코인) beside its code instead of the English one.
    void setPreferLocalNames(bool preferLocal);
    // Folds in what was skipped while the tab was not on screen.
    void catchUp();
    // A venue that cannot be reached: its reason instead of "Waiting for…" (empty: reachable again).
    void setUnavailableText(const QString& text);

    // The candles currently shown, oldest first (for tests and the screenshot check).
    QVector<Candle> candles() const;
    CandleChartView* chartView() const { return m_view; }
    // The intervals offered by the selector, in order.
    static QVector<CandleInterval> selectableIntervals();
    QAbstractButton* intervalButton(CandleInterval interval) const;
    // Puts `widget` at the right end of the bar above the chart (before the simulator badge) with the spare
    // room of the bar, e.g. the market's Record toggle. Call once.
    void addToolBarWidget(QWidget* widget);

signals:
    void intervalChanged(hoga::CandleInterval interval);
    void candlesLoaded(); // history for the current market and interval has arrived

protected:
    void showEvent(QShowEvent* event) override;

private:
    void foldTrades(const QVector<Trade>& oldestFirst);
    void requestHistory();
    void requestOlderHistory();
    void applyHistory(quint64 generation, const Result<QVector<Candle>>& result);
    void applyOlderHistory(quint64 generation, qint64 beforeMs, const Result<QVector<Candle>>& result);
    void onHubUpdated(const MarketDataChanges& changes);
    void refreshMarketInfo();
    void showState(const QString& text);

    MarketDataHub* m_hub;
    CandleChartView* m_view;
    QLabel* m_marketLabel;
    QLabel* m_simulatedBadge;
    QButtonGroup* m_intervalButtons;
    QHBoxLayout* m_bar = nullptr;

    QString m_market;
    CandleInterval m_interval = CandleInterval::M1;
    CandleAggregator m_aggregator;

    // Every history request carries the generation it was made for; answers for an older market or
    // interval are dropped.
    quint64 m_generation = 0;
    QFuture<void> m_pendingFetch;
    qint64 m_requestSentMs = 0;
    bool m_historyLoaded = false;
    bool m_loadingOlder = false;
    bool m_noOlderHistory = false;
    bool m_waitingForConnector = false;
    const void* m_historySource = nullptr; // the connector the shown history came from (compared only)
    bool m_preferLocalNames = false;
    bool m_behind = false;          // trades were skipped while off screen
    qint64 m_lastFoldedMs = 0;      // time of the newest trade folded into the candles
    QSet<QString> m_foldedAtLastMs; // ids of the trades folded at that time (several share a millisecond)
    QString m_unavailable;
    QTimer* m_repaint = nullptr; // live candles repaint at most every kRepaintMs
};

} // namespace hoga
