#pragma once

#include "application/ui_language.h"
#include "profile_context.h"
#include "research/recorder/market_data_url.h"
#include "theme/price_colors.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QActionGroup;
class QDialog;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace hoga {

class AccountLimitsDialog;
class AppSettings;
class BotsTab;
class ChartTab;
class EmergencyStop;
class IdleDetector;
class LoginDialog;
class MarketHeader;
class MarketListPanel;
class NoticeBanner;
class OrderBookTab;
class OrderTicket;
class PortfolioHistory;
class PortfolioRecorder;
class PortfolioTab;
class RecordPlace;
class PriceAlertsWidget;
class StreamFocus;
class ProfileDatabase;
class ProfileEngine;
class ProfileNotifications;
class BacktestTab;
class TradingTab;
class TrayController;
class VenueSession;
class Watchlist;

// Hoga's main window: the market list on the left, the market header and the Portfolio / Chart / Order
// book / Trading tabs in the middle, the order ticket on the right, venue status at the bottom. Sessions
// come from outside (the simulator, Upbit, Bithumb), any number at once: the market list shows the markets
// of all of them, the Portfolio tab the holdings of all of them, and the header, the Chart, Order book and
// Trading tabs and the ticket show the venue of the current market (each venue has its own set, stacked).
// Venue trouble is told without dialogs: errors in the status bar, a request ban in a banner until it is
// over.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(AppSettings* settings, QList<VenueSession*> sessions, UiLanguage language,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The session of the current market's venue.
    VenueSession* session() const { return m_session; }
    QList<VenueSession*> sessions() const { return m_sessions; }
    // The current market's code on its venue ("KRW-BTC").
    QString currentMarket() const { return m_market; }
    // Makes a market current: a plain code ("KRW-BTC": on the current venue when it lists it, else on the
    // first venue that does) or a market key of a venue ("upbit:KRW-BTC", see marketKey()).
    void setCurrentMarket(const QString& codeOrKey);
    // Opens the tab that holds `tab` (a venue's Chart, Order book or Trading tab, or the Portfolio).
    void showTab(QWidget* tab);

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
    // The profile's starred markets of this venue (saved in its settings as they change).
    Watchlist* watchlist() const { return m_watchlist; }
    QMenu* ordersMenu() const { return m_ordersMenu; }

    // The parts of the window still waiting for live data (empty when every tab shows venue data).
    QStringList missingLiveData() const;

    // The logged-in profile: adds the Profile menu (venues and keys, lock, auto-lock, switch profile, log
    // out), the profile name in the title and auto-lock. Call once, right after construction.
    void attachProfile(ProfileContext context);
    const ProfileContext& profileContext() const { return m_profile; }
    QMenu* profileMenu() const { return m_profileMenu; }
    // Samples the total value of every venue into the profile's database (null until a profile is attached
    // or when its database cannot be opened).
    PortfolioRecorder* portfolioRecorder() const { return m_recorder; }
    // The Record toggles of the current venue's chart (null until a profile is attached).
    RecordPlace* recordPlace() const { return m_views.value(m_venueIndex).record; }
    IdleDetector* idleDetector() const { return m_idle; }

    // Hides every venue figure behind the lock screen (the profile's password unlocks it). The sessions
    // keep running meanwhile.
    void lock();
    bool isLocked() const { return m_lockDialog != nullptr; }
    // The lock screen's password dialog (embedded in the window), null while unlocked.
    LoginDialog* lockDialog() const { return m_lockDialog; }
    void setAutoLockMinutes(int minutes);
    void openVenueKeys();

    // The profile's trading engine and bots: adds the Bots tab, the emergency stop (toolbar, Bots menu,
    // Ctrl+Shift+X) and, where the desktop has one, the tray icon. attachProfile() calls it with the
    // profile's database; tests may call it directly.
    void attachEngine(std::unique_ptr<ProfileEngine> engine);
    ProfileEngine* profileEngine() const { return m_engine.get(); }
    BotsTab* botsTab() const { return m_bots; }
    EmergencyStop* emergencyStop() const { return m_emergencyStop; }
    TrayController* tray() const { return m_tray; }
    QToolBar* mainToolBar() const { return m_toolBar; }
    QMenu* botsMenu() const { return m_botsMenu; }
    AppSettings* settings() const { return m_settings; }
    // The profile's alerts, notifications and webhooks (null until a profile is attached).
    ProfileNotifications* notifications() const { return m_notifications; }
    // The Alerts tab (objectName "alertsTab"; null without a profile or when its alerts cannot be opened).
    PriceAlertsWidget* alertsTab() const { return m_alerts; }
    // Profile > Notifications and webhooks…: opens the settings dialog (objectName
    // "notificationSettingsDialog", deleted on close) and returns it.
    QDialog* openNotificationSettings();
    // Profile > Risk limits…: the account's limits for the profile's engine (objectName
    // "accountLimitsDialog", deleted on close; saving applies them at once). Null without an engine.
    AccountLimitsDialog* openAccountLimits();

    // Quit for real (File > Quit, the tray's Quit): asks what to do with running bots first.
    void quitApplication();
    // Closes without hiding to the tray or asking (switching profile, --quit-after-ms).
    void closeForGood();

signals:
    // "Switch profile…", "Log out" or "Switch profile" on the lock screen: the app flow starts over.
    void switchProfileRequested();
    void lockedChanged(bool locked);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // What one venue shows of the current market: header, chart, order book, trading and ticket.
    struct VenueViews {
        VenueSession* session = nullptr;
        MarketHeader* header = nullptr;
        ChartTab* chart = nullptr;
        OrderBookTab* orderBook = nullptr;
        TradingTab* trading = nullptr;
        OrderTicket* ticket = nullptr;
        RecordPlace* record = nullptr; // on the chart's bar, once a profile is attached
    };
    VenueViews buildVenueViews(VenueSession* session);
    void showVenue(int index);
    int venueIndexFor(const QString& venue, const QString& code) const;
    // The market list's key of a market (the plain code when the window runs one venue).
    QString listKey(const QString& venue, const QString& code) const;
    bool multiVenue() const { return m_sessions.size() > 1; }
    void loadWatchlist();
    void saveWatchlist();
    void buildCentralArea();
    void startPortfolioHistory();
    // The Record toggle of the current market on each venue's chart, writing to the profile's market data.
    void startMarketRecording();
    // The profile's market-data database (a SQLite file in its folder); an empty path without a profile.
    MarketDataUrl marketDataUrl() const;
    // Price alerts, notifications and webhooks of the logged-in profile: an Alerts tab and a settings dialog.
    void startNotifications();
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
    void updateUnreachable();
    void catchUp();
    void buildProfileMenu();
    void unlock();
    void onKeyChanged(const QString& venue);
    void buildOrdersMenu();
    void updateOrdersMenu();
    void buildBotsMenu();
    // Running bots at quit: true to go on (after stopping them when the user chose so).
    bool settleRunningBots();

    AppSettings* m_settings;
    QList<VenueSession*> m_sessions;
    StreamFocus* m_streamFocus = nullptr; // which markets stream on venues that stream only a few
    VenueSession* m_session;
    QList<VenueViews> m_views; // one per session, same order
    int m_venueIndex = 0;
    QList<QStackedWidget*> m_venueStacks; // header, chart, book, trading, ticket: one page per venue
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
    Watchlist* m_watchlist = nullptr;
    QMenu* m_ordersMenu = nullptr;
    QAction* m_cancelMarketAction = nullptr;
    QAction* m_confirmPaperAction = nullptr;
    NoticeBanner* m_banner = nullptr;
    QHash<VenueSession*, qint64> m_blockedUntil; // venues refusing requests, until when (wall clock)

    ProfileContext m_profile;
    QStackedWidget* m_pages = nullptr; // the trading area, or the lock screen
    QWidget* m_lockPage = nullptr;
    LoginDialog* m_lockDialog = nullptr;
    QMenu* m_profileMenu = nullptr;
    QActionGroup* m_autoLockActions = nullptr;
    QAction* m_accountLimitsAction = nullptr;
    IdleDetector* m_idle = nullptr;
    std::unique_ptr<ProfileDatabase> m_database;
    std::unique_ptr<PortfolioHistory> m_history;
    PortfolioRecorder* m_recorder = nullptr;

    std::unique_ptr<ProfileEngine> m_engine;
    BotsTab* m_bots = nullptr;
    EmergencyStop* m_emergencyStop = nullptr;
    TrayController* m_tray = nullptr;
    ProfileNotifications* m_notifications = nullptr;
    PriceAlertsWidget* m_alerts = nullptr;
    QPointer<BacktestTab> m_backtest; // its own window, opened from the View menu
    QToolBar* m_toolBar = nullptr;
    QMenu* m_botsMenu = nullptr;
    bool m_quitting = false;
};

} // namespace hoga
