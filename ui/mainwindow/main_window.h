#pragma once

#include "application/ui_language.h"
#include "theme/price_colors.h"

#include <QHash>
#include <QList>
#include <QMainWindow>

class QActionGroup;
class QSplitter;
class QTabWidget;

namespace hoga {

class AppSettings;
class ChartTab;
class MarketHeader;
class MarketListPanel;
class NoticeBanner;
class OrderBookTab;
class OrderTicket;
class PortfolioTab;
class TradingTab;
class VenueSession;

// Hoga's main window: the market list on the left, the market header and the Portfolio / Chart / Order
// book / Trading tabs in the middle, the order ticket on the right, venue status at the bottom. Sessions
// come from outside (the simulator, Upbit, Bithumb); the tabs show the first one. Venue trouble is told
// without dialogs: errors in the status bar, a request ban in a banner until it is over.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(AppSettings* settings, QList<VenueSession*> sessions, UiLanguage language,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    VenueSession* session() const { return m_session; }
    QString currentMarket() const { return m_market; }
    void setCurrentMarket(const QString& code);

    ColorConvention colorConvention() const { return m_convention; }
    void setColorConvention(ColorConvention convention);

    QTabWidget* tabs() const { return m_tabs; }
    MarketListPanel* marketList() const { return m_marketList; }
    PortfolioTab* portfolioTab() const { return m_portfolio; }
    ChartTab* chartTab() const { return m_chart; }
    OrderBookTab* orderBookTab() const { return m_orderBook; }
    TradingTab* tradingTab() const { return m_trading; }
    OrderTicket* ticket() const { return m_ticket; }
    MarketHeader* marketHeader() const { return m_header; }
    NoticeBanner* noticeBanner() const { return m_banner; }

    // The parts of the window still waiting for live data (empty when every tab shows venue data).
    QStringList missingLiveData() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildCentralArea();
    void buildMenus();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings();
    void updateTitle();
    void chooseLanguage(UiLanguage language);
    void showAbout();
    void showVenueError(const VenueSession* session, const QString& message);
    void onRequestsBlocked(VenueSession* session, qint64 untilMs);
    void updateBanner();

    AppSettings* m_settings;
    QList<VenueSession*> m_sessions;
    VenueSession* m_session;
    UiLanguage m_language;
    ColorConvention m_convention;
    QString m_market;

    QSplitter* m_splitter = nullptr;
    MarketListPanel* m_marketList = nullptr;
    MarketHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    PortfolioTab* m_portfolio = nullptr;
    ChartTab* m_chart = nullptr;
    OrderBookTab* m_orderBook = nullptr;
    TradingTab* m_trading = nullptr;
    OrderTicket* m_ticket = nullptr;
    QActionGroup* m_conventionActions = nullptr;
    NoticeBanner* m_banner = nullptr;
    QHash<VenueSession*, qint64> m_blockedUntil; // venues refusing requests, until when (wall clock)
};

} // namespace hoga
