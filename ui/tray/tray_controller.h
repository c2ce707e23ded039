#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;
class QWidget;

namespace hoga {

class AppSettings;
class EmergencyStop;
class ProfileEngine;

// Hoga in the system tray: an icon whose tooltip says how many bots run and today's PnL, and a menu to show
// or hide the window, pause or resume every bot, the emergency stop and quit. With it, closing the window
// hides it (the window asks tryHideOnClose()) so bots and streams keep running.
class TrayController : public QObject {
    Q_OBJECT
public:
    TrayController(QWidget* window, ProfileEngine* engine, EmergencyStop* emergencyStop,
                   AppSettings* settings, std::function<void()> quit);
    ~TrayController() override;

    // Whether the desktop shows tray icons at all.
    static bool trayAvailable();
    bool isVisible() const;
    QSystemTrayIcon* icon() const { return m_icon; }
    QMenu* menu() const { return m_menu; }
    QString toolTip() const;

    // Closing the window: hides it to the tray when there is one and the setting allows (true), showing a
    // one-time notice; false = close as usual.
    bool tryHideOnClose();
    void toggleWindow();

private:
    void updateToolTip();
    void updateMenu();

    QWidget* m_window;
    ProfileEngine* m_engine;
    AppSettings* m_settings;
    QSystemTrayIcon* m_icon;
    QMenu* m_menu;
    QAction* m_showHide;
    QAction* m_pauseAll;
    QAction* m_resumeAll;
    QTimer* m_tooltipRefresh;
};

} // namespace hoga
