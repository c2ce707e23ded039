#include "emergency_stop.h"

#include "session/profile_engine.h"

#include <QAction>
#include <QMessageBox>
#include <QStyle>

namespace hoga {

EmergencyStop::EmergencyStop(ProfileEngine* engine, QWidget* window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window) {
    m_stop = new QAction(tr("Emergency stop"), this);
    m_stop->setObjectName(QStringLiteral("emergencyStopAction"));
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_stop->setShortcutContext(Qt::ApplicationShortcut);
    m_stop->setIcon(window->style()->standardIcon(QStyle::SP_BrowserStop));
    m_stop->setToolTip(tr("Halt every bot and cancel every open order on every venue (Ctrl+Shift+X)"));
    connect(m_stop, &QAction::triggered, this, &EmergencyStop::trigger);

    m_rearm = new QAction(tr("Re-arm trading"), this);
    m_rearm->setObjectName(QStringLiteral("rearmAction"));
    m_rearm->setToolTip(tr("Accept orders again after the emergency stop. Halted bots stay halted until "
                           "you start them."));
    connect(m_rearm, &QAction::triggered, this, [this] { m_engine->rearm(); });

    connect(engine, &ProfileEngine::haltedChanged, this, &EmergencyStop::updateActions);
    connect(engine, &ProfileEngine::emergencyStopFinished, this, &EmergencyStop::showReport);
    updateActions();
}

void EmergencyStop::updateActions() {
    m_rearm->setEnabled(m_engine->isHalted());
}

void EmergencyStop::trigger() {
    const int bots = m_engine->runningBots();
    const int orders = m_engine->openOrderCount();
    if (!m_confirm(m_window, tr("Emergency stop"),
                   tr("Halt %n running bot(s) and cancel every open order on every venue of this profile "
                      "(%1 known to Hoga, and any others the venues list)? Trading stays halted until you "
                      "re-arm it.",
                      nullptr, bots)
                       .arg(orders)))
        return;
    m_engine->emergencyStop(tr("Emergency stop by the user"));
}

QString EmergencyStop::reportText(const EmergencyStopReport& report) {
    QStringList lines;
    for (const EmergencyStopVenueReport& v : report) {
        lines << tr("%1: %2 cancel request(s), %3 confirmed by the venue.")
                     .arg(v.venue)
                     .arg(v.cancelRequested)
                     .arg(v.cancelConfirmed);
        if (!v.stillOpen.isEmpty())
            lines << tr("Still open at %1: %2").arg(v.venue, v.stillOpen.join(QStringLiteral(", ")));
        for (const QString& e : v.errors)
            lines << tr("Error at %1: %2").arg(v.venue, e);
    }
    if (report.isEmpty())
        lines << tr("No venue is connected.");
    return lines.join(QLatin1Char('\n'));
}

void EmergencyStop::showReport(const EmergencyStopReport& report) {
    bool clean = true;
    for (const EmergencyStopVenueReport& v : report)
        clean = clean && v.stillOpen.isEmpty() && v.errors.isEmpty();
    if (m_report)
        m_report->close();
    m_report = new QMessageBox(clean ? QMessageBox::Information : QMessageBox::Warning, tr("Emergency stop"),
                               clean ? tr("Every bot is halted and no order is open.")
                                     : tr("Every bot is halted, but not every order could be cancelled."),
                               QMessageBox::Ok, m_window);
    m_report->setObjectName(QStringLiteral("emergencyStopReport"));
    m_report->setInformativeText(reportText(report) + QStringLiteral("\n\n") +
                                 tr("Trading stays halted until you choose “Re-arm trading”."));
    m_report->setAttribute(Qt::WA_DeleteOnClose);
    QMessageBox* box = m_report;
    connect(box, &QObject::destroyed, this, [this, box] {
        if (m_report == box)
            m_report = nullptr;
    });
    m_report->open();
    emit finished(report);
}

} // namespace hoga
