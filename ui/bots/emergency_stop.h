#pragma once

#include "bots_tab.h"

#include "trading/engine/trading_engine.h"

#include <QObject>

class QAction;
class QMessageBox;

namespace hoga {

class ProfileEngine;

// The emergency stop of the window: an action (toolbar, menu, Ctrl+Shift+X, the tray) that asks once and
// then halts every bot and cancels every open order of the profile through the engine, and shows what the
// venues confirmed. Trading stays halted, across restarts, until "Re-arm trading".
class EmergencyStop : public QObject {
    Q_OBJECT
public:
    EmergencyStop(ProfileEngine* engine, QWidget* window);

    QAction* stopAction() const { return m_stop; }
    QAction* rearmAction() const { return m_rearm; }
    void setConfirm(BotsTab::Confirm confirm) { m_confirm = std::move(confirm); }

    void trigger(); // asks, then stops
    // The report shown after the last stop (null before; the box deletes itself when closed).
    QMessageBox* reportBox() const { return m_report; }
    static QString reportText(const EmergencyStopReport& report);

signals:
    void finished(const hoga::EmergencyStopReport& report);

private:
    void showReport(const EmergencyStopReport& report);
    void updateActions();

    ProfileEngine* m_engine;
    QWidget* m_window;
    QAction* m_stop;
    QAction* m_rearm;
    QMessageBox* m_report = nullptr;
    BotsTab::Confirm m_confirm = &BotsTab::askUser;
};

} // namespace hoga
