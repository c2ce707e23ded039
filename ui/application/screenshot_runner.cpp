#include "screenshot_runner.h"

#include "application/app_settings.h"
#include "bots/bot_editor_dialog.h"
#include "bots/bots_tab.h"
#include "bots/emergency_stop.h"
#include "mainwindow/main_window.h"
#include "research/backtest_tab.h"
#include "tray/tray_controller.h"

#include "session/profile_engine.h"
#include "session/venue_session.h"

// The alerts and notifications captures.
#include "alerts/price_alert_book.h"
#include "alerts/price_alerts_widget.h"
#include "marketdata/market_data_hub.h"
#include "notify/profile_notifications.h"
#include "notify/webhooks/webhook_channel_store.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>

#include <QDir>
#include <QPixmap>
#include <QTabWidget>

#include <cstdio>
#include <memory>
#include <utility>

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
        captureBots();
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

void ScreenshotRunner::saveGrab(QWidget* widget, const QString& fileName) {
    const QString path = QDir(m_directory).filePath(fileName);
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "hoga: could not write %s\n", qPrintable(path));
        m_allSaved = false;
    } else {
        std::fprintf(stdout, "hoga: wrote %s\n", qPrintable(path));
    }
}

void ScreenshotRunner::captureBots() {
    ProfileEngine* engine = m_window->profileEngine();
    VenueSession* sim = nullptr;
    for (VenueSession* s : m_window->sessions())
        if (s->isSimulated())
            sim = s;
    if (!engine || !m_window->botsTab() || !sim) {
        emit finished(m_dataComplete && m_allSaved);
        return;
    }
    // A demo bot on the simulator, so the tab shows a bot at work.
    BotSpec spec;
    spec.id = engine->uniqueBotId(tr("Demo DCA"));
    spec.strategy = QStringLiteral("dca");
    spec.venue = sim->venueId();
    spec.market = QStringLiteral("KRW-BTC");
    spec.params = {{QStringLiteral("period"), QStringLiteral("2s")},
                   {QStringLiteral("order_value"), QStringLiteral("10000")}};
    spec.limits.maxOrderValue = Decimal(50000);
    const Result<QString> created = engine->createBot(spec);
    if (!created.ok()) {
        std::fprintf(stderr, "hoga: no demo bot: %s\n", qPrintable(created.error().userMessage()));
        emit finished(m_dataComplete && m_allSaved);
        return;
    }
    m_demoBot = created.value();
    engine->startBot(m_demoBot);
    m_window->showTab(m_window->botsTab());
    m_botElapsed.start();
    auto* wait = new QTimer(this);
    wait->setInterval(200);
    connect(wait, &QTimer::timeout, this, [this, wait, engine] {
        const auto bot = engine->bot(m_demoBot);
        // Bounded: three orders, or 10 s.
        if ((!bot || bot->ordersToday < 3) && m_botElapsed.elapsed() < 10000)
            return;
        wait->stop();
        wait->deleteLater();
        BotsTab* tab = m_window->botsTab();
        tab->selectBot(m_demoBot);
        QTimer::singleShot(kTabPaintMs * 2, this, [this, tab] {
            saveGrab(m_window, QStringLiteral("bots.png"));
            tab->newBot();
            BotEditorDialog* editor = tab->editor();
            if (editor) {
                auto* strategy = editor->findChild<QComboBox*>(QStringLiteral("strategyCombo"));
                strategy->setCurrentIndex(strategy->findData(QStringLiteral("grid")));
                editor->adjustSize();
            }
            QTimer::singleShot(kTabPaintMs, this, [this, editor] {
                if (editor) {
                    saveGrab(editor, QStringLiteral("bot_editor.png"));
                    editor->reject();
                }
                finishBots();
            });
        });
    });
    wait->start();
}

void ScreenshotRunner::finishBots() {
    // The tray's menu, drawn even where the desktop shows no tray.
    TrayController* tray = m_window->tray();
    std::unique_ptr<TrayController> shown;
    if (!tray && m_window->emergencyStop()) {
        shown = std::make_unique<TrayController>(m_window, m_window->profileEngine(),
                                                 m_window->emergencyStop(), m_window->settings(), [] {});
        tray = shown.get();
    }
    if (tray) {
        QMenu* menu = tray->menu();
        emit menu->aboutToShow();
        menu->adjustSize();
        menu->popup(m_window->mapToGlobal(m_window->rect().center()));
        saveGrab(menu, QStringLiteral("tray_menu.png"));
        menu->hide();
    }
    shown.reset();
    if (ProfileEngine* engine = m_window->profileEngine()) {
        engine->stopBot(m_demoBot);
        engine->deleteBot(m_demoBot);
    }
    // Let the engine take the deletion before the app quits.
    QTimer::singleShot(kTabPaintMs, this, [this] { captureBacktest(); });
}

void ScreenshotRunner::captureBacktest() {
    QAction* open = m_window->findChild<QAction*>(QStringLiteral("backtestAction"));
    int simIndex = -1;
    for (int i = 0; i < m_window->sessions().size(); ++i)
        if (m_window->sessions()[i]->isSimulated())
            simIndex = i;
    if (!open || simIndex < 0) {
        captureAlerts();
        return;
    }
    open->trigger();
    BacktestTab* tab = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* t = qobject_cast<BacktestTab*>(w))
            tab = t;
    if (!tab) {
        captureAlerts();
        return;
    }
    tab->resize(1360, 860);
    // sma_cross on the simulator's last 240 quarter hours of KRW-BTC: enough trades to see, candles wide
    // enough to read.
    tab->findChild<QComboBox*>(QStringLiteral("sourceCombo"))->setCurrentIndex(2);
    tab->findChild<QComboBox*>(QStringLiteral("downloadVenueCombo"))->setCurrentIndex(simIndex);
    auto* interval = tab->findChild<QComboBox*>(QStringLiteral("intervalCombo"));
    interval->setCurrentIndex(interval->findData(int(CandleInterval::M15)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    tab->findChild<QDateTimeEdit*>(QStringLiteral("fromEdit"))->setDateTime(now.addSecs(-240 * 15 * 60));
    tab->findChild<QLineEdit*>(QStringLiteral("param_fast"))->setText(QStringLiteral("5"));
    tab->findChild<QLineEdit*>(QStringLiteral("param_slow"))->setText(QStringLiteral("20"));
    auto* giveUp = new QTimer(this); // bounded: a run that never ends still lets the app quit
    giveUp->setSingleShot(true);
    auto done = [this, tab, giveUp](bool ok) {
        giveUp->stop();
        if (!ok)
            std::fprintf(stderr, "hoga: the backtest did not run: %s\n", qPrintable(tab->statusText()));
        QTimer::singleShot(kTabPaintMs * 2, this, [this, tab] {
            saveGrab(tab, QStringLiteral("backtest.png"));
            tab->close();
            QTimer::singleShot(kTabPaintMs, this, &ScreenshotRunner::captureAlerts);
        });
    };
    connect(tab, &BacktestTab::runFinished, this, done, Qt::SingleShotConnection);
    connect(giveUp, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "hoga: the backtest took too long\n");
        m_allSaved = false;
        emit finished(false);
    });
    tab->show();
    if (!tab->startRun()) {
        done(false);
        return;
    }
    giveUp->start(30000);
}

void ScreenshotRunner::captureAlerts() {
    ProfileNotifications* notifications = m_window->notifications();
    PriceAlertsWidget* tab = m_window->alertsTab();
    VenueSession* sim = nullptr;
    for (VenueSession* s : m_window->sessions())
        if (s->isSimulated())
            sim = s;
    if (!notifications || !tab || !sim) {
        emit finished(m_dataComplete && m_allSaved);
        return;
    }
    // A few alerts on the simulator's markets: one just under the price, which fires at once, and some that
    // wait. Thresholds on the market's tick, as a trader would type them.
    PriceAlertBook* book = notifications->alerts();
    MarketDataHub* hub = sim->hub();
    auto add = [&](const QString& code, PriceAlertKind kind, const char* factor) {
        const auto last = hub->lastPrice(code);
        const auto market = hub->market(code);
        if (!last || !market)
            return qint64(0);
        PriceAlert alert;
        alert.venue = sim->venueId();
        alert.market = code;
        alert.kind = kind;
        if (kind == PriceAlertKind::PercentMove) {
            alert.threshold = Decimal::parse(QString::fromLatin1(factor)).value_or(Decimal(5));
            alert.windowMs = 15 * 60'000;
        } else {
            const Decimal price = *last * Decimal::parse(QString::fromLatin1(factor)).value_or(Decimal(1));
            alert.threshold = price.roundToStep(market->rules.tickFor(price), Rounding::Down);
        }
        const qint64 id = book->add(alert);
        if (id)
            m_demoAlerts << id;
        return id;
    };
    const qint64 firing = add(QStringLiteral("KRW-BTC"), PriceAlertKind::Above, "0.99");
    add(QStringLiteral("KRW-BTC"), PriceAlertKind::Below, "0.95");
    add(QStringLiteral("KRW-ETH"), PriceAlertKind::Above, "1.05");
    add(QStringLiteral("KRW-XRP"), PriceAlertKind::PercentMove, "3");
    m_window->showTab(tab);
    m_botElapsed.restart();
    auto* wait = new QTimer(this);
    wait->setInterval(100);
    connect(wait, &QTimer::timeout, this, [this, wait, book, firing] {
        const auto alert = book->alert(firing);
        // Bounded: fired, or 5 s.
        if (alert && alert->isArmed() && m_botElapsed.elapsed() < 5000)
            return;
        wait->stop();
        wait->deleteLater();
        QTimer::singleShot(kTabPaintMs, this, [this] {
            saveGrab(m_window, QStringLiteral("alerts.png"));
            captureNotificationSettings();
        });
    });
    wait->start();
}

void ScreenshotRunner::captureNotificationSettings() {
    // A demo webhook channel (where the profile can keep its address), so the dialog shows one.
    ProfileNotifications* notifications = m_window->notifications();
    WebhookChannelStore* channels = notifications ? notifications->channels() : nullptr;
    if (channels && m_demoChannel.isEmpty()) {
        WebhookChannel demo;
        demo.kind = WebhookKind::Discord;
        demo.id = channels->newId(demo.kind);
        demo.name = tr("Trading desk");
        demo.secret = QStringLiteral("https://discord.com/api/webhooks/0/demo");
        demo.kinds = {NotificationKind::EmergencyStop, NotificationKind::PriceAlert};
        m_demoChannel = demo.id;
        // Bounded: a key store that does not answer within 3 s leaves the dialog without the channel.
        auto next = std::make_shared<bool>(false);
        auto goOn = [this, next] {
            if (!std::exchange(*next, true))
                captureNotificationSettings();
        };
        channels->save(demo, [goOn](bool, const QString&) { goOn(); });
        QTimer::singleShot(3000, this, goOn);
        return;
    }
    QDialog* dialog = m_window->openNotificationSettings();
    if (!dialog) {
        emit finished(m_dataComplete && m_allSaved);
        return;
    }
    dialog->adjustSize();
    QTimer::singleShot(kTabPaintMs, this, [this, dialog] {
        saveGrab(dialog, QStringLiteral("notifications.png"));
        dialog->reject();
        auto once = std::make_shared<bool>(false);
        auto done = [this, once] {
            if (!std::exchange(*once, true))
                QTimer::singleShot(kTabPaintMs, this,
                                   [this] { emit finished(m_dataComplete && m_allSaved); });
        };
        ProfileNotifications* profile = m_window->notifications();
        if (profile)
            for (qint64 id : std::as_const(m_demoAlerts))
                profile->alerts()->remove(id);
        m_demoAlerts.clear();
        // The demo channel's address leaves the key store before the app quits.
        if (profile && profile->channels() && !m_demoChannel.isEmpty()) {
            profile->channels()->remove(m_demoChannel, [done](bool, const QString&) { done(); });
            QTimer::singleShot(3000, this, done); // bounded, as above
        } else {
            done();
        }
    });
}

} // namespace hoga
