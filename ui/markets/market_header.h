#pragma once

#include "theme/price_colors.h"

#include <QFrame>
#include <QTimer>

class QLabel;

namespace hoga {

class CollapsingRow;
class MarketDataHub;
struct MarketDataChanges;

// The strip above the tabs: the current market's name, last price, 24 h change, high, low and volume, and
// an amber "Stale · last update 12 s ago" badge while the market's stream is silent.
class MarketHeader : public QFrame {
    Q_OBJECT
public:
    explicit MarketHeader(MarketDataHub* hub, QWidget* parent = nullptr);

    // The stale badge's text, empty when the market is fresh.
    QString staleText() const;

    void setMarket(const QString& code);
    void setPriceColors(const PriceColors& colors);
    void setPreferLocalNames(bool preferLocal);

private:
    void refresh();
    void refreshStale();
    QLabel* addStat(const QString& caption, const QString& objectName);

    MarketDataHub* m_hub;
    QString m_market;
    PriceColors m_colors = PriceColors::international();
    bool m_preferLocalNames = false;
    QLabel* m_name;
    QLabel* m_code;
    QLabel* m_last;
    QLabel* m_change;
    QLabel* m_high;
    QLabel* m_low;
    QLabel* m_volume;
    QLabel* m_quoteVolume;
    QLabel* m_stale;
    QTimer m_staleAge; // ticks the "12 s ago" while stale
    CollapsingRow* m_row = nullptr;
};

} // namespace hoga
