#include "tray_controller.h"

#include "application/app_settings.h"
#include "bots/emergency_stop.h"
#include "format/decimal_format.h"

#include "session/profile_engine.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace hoga {

TrayController::TrayController(QWidget* window, ProfileEngine* engine, EmergencyStop* emergencyStop,
                               AppSettings* settings, std::function<void()> quit)
    : QObject(window)
    , m_window(window)
    , m_engine(engine)
    , m_settings(settings) {
    QIcon icon = window->windowIcon();
    if (icon.isNull())
        icon = QIcon(QStringLiteral(":/icons/hoga.svg"));
    m_icon = new QSystemTrayIcon(icon, this);
    m_icon->setObjectName(QStringLiteral("hogaTray"));
    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("trayMenu"));

    m_showHide = m_menu->addAction(tr("Hide window"), this, &TrayController::toggleWindow);
    m_showHide->setObjectName(QStringLiteral("trayShowHideAction"));
    m_menu->addSeparator();
    m_pauseAll = m_menu->addAction(tr("Pause all bots"), this, [this] { m_engine->pauseAll(); });
    m_pauseAll->setObjectName(QStringLiteral("trayPauseAllAction"));
    m_resumeAll = m_menu->addAction(tr("Resume bots"), this, [this] { m_engine->resumeAll(); });
    m_resumeAll->setObjectName(QStringLiteral("trayResumeAllAction"));
    QAction* stop = m_menu->addAction(emergencyStop->stopAction()->icon(), tr("Emergency stop…"),
                                      emergencyStop, [emergencyStop] { emergencyStop->trigger(); });
    stop->setObjectName(QStringLiteral("trayEmergencyStopAction"));
    m_menu->addSeparator();
    QAction* quitAction = m_menu->addAction(tr("Quit Hoga"), this, std::move(quit));
    quitAction->setObjectName(QStringLiteral("trayQuitAction"));
    m_icon->setContextMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::updateMenu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            toggleWindow();
    });

    // Snapshots arrive every tick while bots run: the tooltip follows at most once a second.
    m_tooltipRefresh = new QTimer(this);
    m_tooltipRefresh->setSingleShot(true);
    m_tooltipRefresh->setInterval(1000);
    connect(m_tooltipRefresh, &QTimer::timeout, this, &TrayController::updateToolTip);
    auto later = [this] {
        updateMenu(); // the menu's actions follow the bots at once: a shortcut may trigger them
        if (!m_tooltipRefresh->isActive())
            m_tooltipRefresh->start();
    };
    connect(engine, &ProfileEngine::botChanged, this, later);
    connect(engine, &ProfileEngine::botsChanged, this, later);
    connect(engine, &ProfileEngine::haltedChanged, this, [this] {
        updateMenu();
        updateToolTip();
    });
    updateToolTip();
    updateMenu();
    if (trayAvailable())
        m_icon->show();
}

TrayController::~TrayController() {
    m_icon->hide();
    delete m_menu; // parented to the window, which may outlive this
}

bool TrayController::trayAvailable() {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayController::isVisible() const {
    return m_icon->isVisible();
}

QString TrayController::toolTip() const {
    return m_icon->toolTip();
}

void TrayController::updateToolTip() {
    QStringList pnl;
    const QHash<QString, Decimal> today = m_engine->todayPnl();
    QStringList currencies = today.keys();
    currencies.sort();
    for (const QString& currency : currencies) {
        const Decimal v = today.value(currency);
        pnl << (v.isPositive() ? QStringLiteral("+") : QString()) + formatAmount(v, currency) +
                   QLatin1Char(' ') + currency;
    }
    const int running = m_engine->runningBots();
    QString text = tr("Hoga: %n bot(s) running", nullptr, running);
    text += QLatin1Char('\n') +
            tr("Today's PnL: %1").arg(pnl.isEmpty() ? tr("none") : pnl.join(QStringLiteral(", ")));
    if (m_engine->isHalted())
        text += QLatin1Char('\n') + tr("Trading is halted by the emergency stop.");
    m_icon->setToolTip(text);
}

void TrayController::updateMenu() {
    m_showHide->setText(m_window->isVisible() ? tr("Hide window") : tr("Show window"));
    const QVector<BotSnapshot> bots = m_engine->bots();
    m_pauseAll->setEnabled(m_engine->runningBots() > 0);
    m_resumeAll->setEnabled(!m_engine->isHalted() &&
                            std::any_of(bots.cbegin(), bots.cend(),
                                        [](const BotSnapshot& b) { return b.state == BotState::Paused; }));
}

void TrayController::toggleWindow() {
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    updateMenu();
}

bool TrayController::tryHideOnClose() {
    if (!trayAvailable() || !m_icon->isVisible() || !m_settings->hideToTrayOnClose())
        return false;
    m_window->hide();
    if (!m_settings->trayNoticeShown()) {
        m_icon->showMessage(tr("Hoga is still running"),
                            tr("Bots and market streams keep running in the tray. Choose Quit in the tray "
                               "menu to end Hoga; this can be turned off in the Bots menu."),
                            QSystemTrayIcon::Information, 10000);
        m_settings->setTrayNoticeShown(true);
        m_settings->sync();
    }
    updateMenu();
    return true;
}

} // namespace hoga
