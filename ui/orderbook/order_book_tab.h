#pragma once

#include "core/decimal.h"
#include "theme/price_colors.h"

#include <QWidget>

class QLabel;
class QSplitter;

namespace hoga {

class DataTableView;
class DepthBarDelegate;
class DepthChartView;
class MarketDataHub;
class MarketFormat;
class OrderBookSideModel;
class TradeTapeModel;
struct MarketDataChanges;

// The Order book tab: the ask ladder above the bid ladder with depth bars, spread and mid price between
// them and 체결강도 (trade strength, see TradeStrength) above; the recent trades tape and the depth chart
// beside. Clicking a level offers its price to the order ticket. While the tab is not on screen it does no
// work and catches up when shown.
class OrderBookTab : public QWidget {
    Q_OBJECT
public:
    explicit OrderBookTab(MarketDataHub* hub, QWidget* parent = nullptr);

    void setMarket(const QString& code);
    QString market() const { return m_market; }
    void setPriceColors(const PriceColors& colors);

    OrderBookSideModel* askModel() const { return m_asks; }
    OrderBookSideModel* bidModel() const { return m_bids; }
    TradeTapeModel* tapeModel() const { return m_tape; }
    DataTableView* askView() const { return m_askView; }
    DataTableView* bidView() const { return m_bidView; }
    DepthChartView* depthChart() const { return m_depth; }
    // Brings everything up to date if updates were skipped while the tab was not on screen.
    void catchUp();
    // A venue that cannot be reached: its reason instead of "Waiting for the order book…" (empty: reachable).
    void setUnavailableText(const QString& text);

    static constexpr int kMaxLevels = 30;
    static constexpr int kSideBySideWidth = 640; // narrower: the tape goes under the ladder

signals:
    void priceSelected(const hoga::Decimal& price);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void onUpdated(const MarketDataChanges& changes);
    void reload();
    void updateStrength();
    void fitColumns();
    void sizeTapeColumns(const MarketFormat& format);
    void refreshBook();
    void updateSpreadBar();
    DataTableView* makeLadderView(OrderBookSideModel* model, DepthBarDelegate* delegate, const QString& name);

    MarketDataHub* m_hub;
    QString m_market;
    OrderBookSideModel* m_asks;
    OrderBookSideModel* m_bids;
    TradeTapeModel* m_tape;
    DepthBarDelegate* m_askBars;
    DepthBarDelegate* m_bidBars;
    DataTableView* m_askView;
    DataTableView* m_bidView;
    DataTableView* m_tapeView;
    QLabel* m_lastPrice;
    QLabel* m_spread;
    QLabel* m_mid;
    QLabel* m_strength;
    DepthChartView* m_depth;
    QSplitter* m_splitter = nullptr; // the ladder | the tape over the depth chart
    QSplitter* m_side = nullptr;     // the tape and the depth chart
    bool m_sideSized = false;
    bool m_behind = false; // updates were skipped while off screen
    PriceColors m_colors = PriceColors::international();
};

} // namespace hoga
