#pragma once

#include "notify/notification.h"

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

namespace hoga {

class NotificationCenter;

// Shows the center's messages as tray balloons: warnings (rejections, risk, emergency stop, disconnects)
// with the warning icon, the rest as information. The center already groups floods, so this shows every
// message it gets. Neither object is owned.
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    TrayNotifier(NotificationCenter* center, QSystemTrayIcon* tray, QObject* parent = nullptr);

    static QSystemTrayIcon::MessageIcon iconFor(NotificationKind kind);
    static constexpr int kShowMs = 8000;

private:
    void show(const QString& title, const QString& body, NotificationKind kind);

    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace hoga
