#pragma once

#include "theme/price_colors.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace hoga {

// Hoga's persistent preferences (organisation "Hoga", application "Hoga"). The environment variable
// HOGA_SETTINGS_PATH, when set, points at an INI file used instead (tests, portable setups).
//
// Once a profile is open, forProfile() keeps window layout and preferences in the profile's own settings
// file; the language stays application-wide, because the login dialog needs it before any profile is open.
class AppSettings {
public:
    AppSettings();
    explicit AppSettings(const QString& iniPath);
    ~AppSettings();

    // The profile's settings (`profileIniPath`, e.g. ProfilePaths::settingsFile()); HOGA_SETTINGS_PATH still
    // wins when set. The language is read from and written to the application-wide settings.
    static std::unique_ptr<AppSettings> forProfile(const QString& profileIniPath);

    static constexpr const char* kPathVariable = "HOGA_SETTINGS_PATH";
    QString fileName() const;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState(const QString& name) const;
    void setSplitterState(const QString& name, const QByteArray& state);

    QString selectedMarket(const QString& venue) const;
    void setSelectedMarket(const QString& venue, const QString& market);
    // The venue of the current market in a window of several venues.
    QString selectedVenue() const;
    void setSelectedVenue(const QString& venue);
    QString selectedTab() const; // the tab's object name
    void setSelectedTab(const QString& objectName);
    QString chartInterval() const; // intervalName() text, empty if never chosen
    void setChartInterval(const QString& interval);

    std::optional<ColorConvention> colorConvention() const; // nullopt = follow the language
    void setColorConvention(ColorConvention convention);
    QString language() const; // "", "en" or "ko"; empty = the system's
    void setLanguage(const QString& code);

    // Minutes without input before the window locks; 0 = never.
    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);

    // The starred markets of a venue (the watchlist), in the order they were starred.
    QStringList watchlist(const QString& venue) const;
    void setWatchlist(const QString& venue, const QStringList& codes);
    // Whether orders on the simulator (paper) ask for confirmation first; true unless the trader turned it
    // off. Live orders always ask.
    bool confirmPaperOrders() const;
    void setConfirmPaperOrders(bool confirm);

    // Closing the window hides it to the system tray (where there is one) so bots and streams keep running;
    // true unless turned off. The one-time notice that says so is shown once.
    bool hideToTrayOnClose() const;
    void setHideToTrayOnClose(bool hide);
    bool trayNoticeShown() const;
    void setTrayNoticeShown(bool shown);
    // Bots that were running when Hoga quit start again at the next login (after reconciliation).
    bool restartBotsAtLogin() const;
    void setRestartBotsAtLogin(bool restart);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QSettings> m_global; // application-wide keys (language); null = m_settings
};

} // namespace hoga
