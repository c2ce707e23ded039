#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace hoga {

class MainWindow;

// `hoga --screenshot-dir DIR --quit-after-ms N`: waits until every tab shows live data (or N ms pass), then
// saves portfolio.png, chart.png, orderbook.png and trading.png of the whole window, one per tab, and
// reports `finished` (true when all data had arrived and every file was written). With a profile's engine it
// then adds bots.png (a demo bot trading on the simulator, deleted afterwards), bot_editor.png and
// tray_menu.png, then backtest.png (the Backtest window after a run on the simulator's candles).
// tray_menu.png; with a profile's alerts, alerts.png (demo alerts on the simulator's markets, one fired,
// removed afterwards) and notifications.png (Profile > Notifications and webhooks…).
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString directory, int timeoutMs, QObject* parent = nullptr);

    // Something else to wait for besides the window's live data (e.g. demo orders answered).
    void setExtraCondition(std::function<bool()> ready) { m_extraReady = std::move(ready); }
    void start();

signals:
    void finished(bool ok);

private:
    void poll();
    void captureNext();
    void captureBots();
    void saveGrab(QWidget* widget, const QString& fileName);
    void finishBots();
    // backtest.png: the Backtest window after a run on candles downloaded from the simulator.
    void captureBacktest();
    void captureAlerts();
    void captureNotificationSettings();

    MainWindow* m_window;
    QString m_directory;
    int m_timeoutMs;
    QTimer m_poll;
    QElapsedTimer m_elapsed;
    bool m_dataComplete = false;
    bool m_allSaved = true;
    int m_next = 0;
    std::function<bool()> m_extraReady;
    QString m_demoBot;
    QElapsedTimer m_botElapsed;
    QList<qint64> m_demoAlerts;
    QString m_demoChannel;
};

} // namespace hoga
