#include "screenshot_runner.h"

#include "mainwindow/main_window.h"

#include <QDir>
#include <QPixmap>
#include <QTabWidget>

#include <cstdio>

namespace hoga {

namespace {

struct Shot {
    const char* tabObjectName;
    const char* fileName;
};

constexpr Shot kShots[] = {{"portfolioTab", "portfolio.png"},
                           {"chartTab", "chart.png"},
                           {"orderBookTab", "orderbook.png"},
                           {"tradingTab", "trading.png"}};
constexpr int kSettleMs = 1200; // let the tape and the live candle fill in after the first data
constexpr int kTabPaintMs = 350;

} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString directory, int timeoutMs, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_timeoutMs(timeoutMs) {
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotRunner::poll);
}

void ScreenshotRunner::start() {
    QDir().mkpath(m_directory);
    m_elapsed.start();
    m_poll.start();
}

void ScreenshotRunner::poll() {
    QStringList missing = m_window->missingLiveData();
    if (m_extraReady && !m_extraReady())
        missing << QStringLiteral("demo orders");
    const bool timedOut = m_elapsed.elapsed() >= m_timeoutMs;
    if (!missing.isEmpty() && !timedOut)
        return;
    m_poll.stop();
    m_dataComplete = missing.isEmpty();
    if (!m_dataComplete)
        std::fprintf(stderr, "hoga: screenshots taken after %d ms without live %s\n", m_timeoutMs,
                     qPrintable(missing.join(QStringLiteral(", "))));
    QTimer::singleShot(m_dataComplete ? kSettleMs : 0, this, &ScreenshotRunner::captureNext);
}

void ScreenshotRunner::captureNext() {
    if (m_next >= static_cast<int>(std::size(kShots))) {
        emit finished(m_dataComplete && m_allSaved);
        return;
    }
    const Shot& shot = kShots[m_next];
    QTabWidget* tabs = m_window->tabs();
    QWidget* tab = tabs->findChild<QWidget*>(QString::fromLatin1(shot.tabObjectName));
    if (tab)
        tabs->setCurrentWidget(tab);
    // Give the newly shown tab a moment to lay out and paint before grabbing the window.
    QTimer::singleShot(kTabPaintMs, this, [this, shot] {
        const QString path = QDir(m_directory).filePath(QString::fromLatin1(shot.fileName));
        if (!m_window->grab().save(path)) {
            std::fprintf(stderr, "hoga: could not write %s\n", qPrintable(path));
            m_allSaved = false;
        } else {
            std::fprintf(stdout, "hoga: wrote %s\n", qPrintable(path));
        }
        ++m_next;
        captureNext();
    });
}

} // namespace hoga
