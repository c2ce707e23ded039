#pragma once

#include "core/candle.h"
#include "theme/price_colors.h"

#include <QWidget>

namespace hoga {

class MarketDataHub;

// The Chart tab: candlesticks with volume for one market, an interval selector (1m..1d), a live last
// candle built from the hub's trades, a crosshair with an OHLCV readout and moving-average overlays.
// History comes from the hub's connector (fetchCandles, asynchronous); an empty state shows until it does.
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

    // The candles currently shown, oldest first (for tests and the screenshot check).
    QVector<Candle> candles() const;

signals:
    void intervalChanged(hoga::CandleInterval interval);
    void candlesLoaded(); // history for the current market and interval has arrived
};

} // namespace hoga
