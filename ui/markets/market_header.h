#pragma once

#include "core/market.h"
#include "theme/price_colors.h"

#include <QFrame>
#include <QTimer>

#include <optional>

class QLabel;
class QToolButton;

namespace hoga {

class CollapsingRow;
class MarketDataHub;
class Watchlist;
struct MarketDataChanges;

// The strip above the tabs: a star for the watchlist, the current market's name, last price, 24 h change,
// high, low and volume, and an amber "Stale · last update 12 s ago" badge while the market's stream is
// silent.
class MarketHeader : public QFrame {
    Q_OBJECT
public:
    explicit MarketHeader(MarketDataHub* hub, QWidget* parent = nullptr);

    // The stale badge's text, empty when the market is fresh.
    QString staleText() const;

    void setMarket(const QString& code);
    void setPriceColors(const PriceColors& colors);
    void setPreferLocalNames(bool preferLocal);
    // The watchlist the star shows and changes (not owned; null hides the star).
    void setWatchlist(Watchlist* watchlist);
    // The venue part of the watchlist's keys (see marketKey), for a window of several venues.
    void setWatchlistVenue(const QString& venue);

    // Brings the view up to date if updates were skipped while it was not on screen.
    void catchUp();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void refreshStar();
    void refreshStale();
    void refreshSession(const std::optional<Market>& market);
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
    QLabel* m_closed; // "Closed" while the market's session is (a KRX stock after 15:30 KST)
    QToolButton* m_star;
    Watchlist* m_watchlist = nullptr;
    QString m_watchlistVenue;
    QTimer m_staleAge;     // ticks the "12 s ago" while stale
    QTimer m_sessionCheck; // shows "Closed" when a session ends while no update arrives
    bool m_behind = false;
    CollapsingRow* m_row = nullptr;
};

} // namespace hoga
