#pragma once

#include "core/decimal.h"
#include "theme/price_colors.h"

#include <QWidget>

class QLabel;

namespace hoga {

class DataTableView;
class DepthBarDelegate;
class MarketDataHub;
class OrderBookSideModel;
class TradeTapeModel;
struct MarketDataChanges;

// The Order book tab: the ask ladder above the bid ladder with depth bars, spread and mid price between
// them, and the recent trades tape beside. Clicking a level offers its price to the order ticket.
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

    static constexpr int kMaxLevels = 30;

signals:
    void priceSelected(const hoga::Decimal& price);

private:
    void onUpdated(const MarketDataChanges& changes);
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
    PriceColors m_colors = PriceColors::international();
};

} // namespace hoga
