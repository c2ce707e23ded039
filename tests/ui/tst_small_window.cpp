// The whole window on the simulator at 1024 x 680, offscreen: every tab's essential widgets have a size and
// are not cut off by their parents or the window (the ticket's submit button included), and every tab of
// the tab bar can be clicked. With HOGA_TEST_SHOTS_DIR set, saves small_1024.png and portfolio_1024.png
// there.

#include "application/app_settings.h"
#include "mainwindow/main_window.h"
#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hoga;

namespace {

constexpr int kTimeoutMs = 15000;
const QSize kSmall(1024, 680);

// Names of the widgets a tab is useless without (besides the market list and the ticket, always shown).
const QHash<QString, QStringList> kEssentials{
    {QStringLiteral("portfolioTab"),
     {QStringLiteral("portfolioView"), QStringLiteral("totalValueKrw"), QStringLiteral("totalValueUsdt")}},
    {QStringLiteral("chartTab"),
     {QStringLiteral("candleChartView"), QStringLiteral("chartInterval_1m"),
      QStringLiteral("chartInterval_1d")}},
    {QStringLiteral("orderBookTab"),
     {QStringLiteral("askBookView"), QStringLiteral("bidBookView"), QStringLiteral("tradeTapeView"),
      QStringLiteral("depthChartView"), QStringLiteral("tradeStrengthLabel")}},
    {QStringLiteral("tradingTab"),
     {QStringLiteral("openOrdersView"), QStringLiteral("fillsView"), QStringLiteral("orderHistoryView")}},
};
const QStringList kAlwaysShown{QStringLiteral("marketListView"),    QStringLiteral("marketSearchEdit"),
                               QStringLiteral("ticketMarketLabel"), QStringLiteral("priceEdit"),
                               QStringLiteral("qtyEdit"),           QStringLiteral("submitButton")};

// Empty when `w` is shown whole inside the window, else what is wrong.
QString problemWith(const QWidget* window, const QWidget* w) {
    if (!w->isVisible())
        return QStringLiteral("hidden");
    if (w->width() < 8 || w->height() < 8)
        return QStringLiteral("size %1x%2").arg(w->width()).arg(w->height());
    const QRect inWindow(w->mapTo(window, QPoint(0, 0)), w->size());
    if (!window->rect().contains(inWindow))
        return QStringLiteral("outside the window at %1,%2").arg(inWindow.x()).arg(inWindow.y());
    // Cut off by a parent (a splitter pane or layout too small for it).
    if (w->visibleRegion().boundingRect() != w->rect())
        return QStringLiteral("clipped to %1x%2")
            .arg(w->visibleRegion().boundingRect().width())
            .arg(w->visibleRegion().boundingRect().height());
    return {};
}

} // namespace

class TestSmallWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
        SimConfig config;
        config.seed = 77;
        config.stepIntervalMs = 50;
        config.historyCandles = 200;
        m_session = VenueSession::simulated(config);
        m_session->hub()->setCoalesceIntervalMs(50);
        m_settings = std::make_unique<AppSettings>();
        m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                UiLanguage::English);
        m_window->resize(kSmall);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void theWindowTakesTheSmallSize() {
        QVERIFY2(m_window->minimumSizeHint().width() <= kSmall.width(),
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        QVERIFY2(m_window->minimumSizeHint().height() <= kSmall.height(),
                 qPrintable(QString::number(m_window->minimumSizeHint().height())));
        QCOMPARE(m_window->size(), kSmall);
        QTRY_VERIFY2_WITH_TIMEOUT(m_window->missingLiveData().isEmpty(),
                                  qPrintable(m_window->missingLiveData().join(QStringLiteral(", "))),
                                  kTimeoutMs);
    }

    void everyTabShowsItsEssentials() {
        QTabWidget* tabs = m_window->tabs();
        QTabBar* bar = tabs->tabBar();
        for (int i = 0; i < tabs->count(); ++i) {
            // The tab can be clicked: its whole label is on the bar.
            QVERIFY2(bar->rect().contains(bar->tabRect(i)), qPrintable(tabs->tabText(i)));
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
            QCOMPARE(tabs->currentIndex(), i);
            QWidget* tab = tabs->currentWidget();
            QCoreApplication::processEvents(); // let the layout settle
            QStringList names = kEssentials.value(tab->objectName());
            QVERIFY2(!names.isEmpty(), qPrintable(tab->objectName()));
            names += kAlwaysShown;
            for (const QString& name : std::as_const(names)) {
                const QWidget* w = m_window->findChild<QWidget*>(name);
                QVERIFY2(w, qPrintable(name));
                const QString problem = problemWith(m_window.get(), w);
                QVERIFY2(problem.isEmpty(),
                         qPrintable(QStringLiteral("%1 on %2: %3").arg(name, tab->objectName(), problem)));
            }
            // Nothing grew the window past the small size (a label or column wider than there is room for).
            QVERIFY2(m_window->minimumSizeHint().width() <= kSmall.width(),
                     qPrintable(QStringLiteral("%1: minimum width %2")
                                    .arg(tab->objectName())
                                    .arg(m_window->minimumSizeHint().width())));
            QCOMPARE(m_window->size(), kSmall);
            if (tab->objectName() == QLatin1String("portfolioTab")) {
                // The headline totals are there in full: text, and room for all of it.
                for (const auto& [name, unit] :
                     {std::pair{"totalValueKrw", " KRW"}, std::pair{"totalValueUsdt", " USDT"}}) {
                    auto* label = m_window->findChild<QLabel*>(QString::fromLatin1(name));
                    QTRY_VERIFY2_WITH_TIMEOUT(label->text().endsWith(QLatin1String(unit)),
                                              qPrintable(label->text()), kTimeoutMs);
                    QCoreApplication::processEvents();
                    const int needed = label->fontMetrics().horizontalAdvance(label->text());
                    QVERIFY2(label->contentsRect().width() >= needed,
                             qPrintable(QStringLiteral("%1: %2 < %3")
                                            .arg(QLatin1String(name))
                                            .arg(label->contentsRect().width())
                                            .arg(needed)));
                    QCOMPARE(label->visibleRegion().boundingRect(), label->rect());
                }
                if (const QString dir = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR"); !dir.isEmpty())
                    m_window->grab().save(dir + QStringLiteral("/portfolio_1024.png"));
            }
            if (tab->objectName() == QLatin1String("orderBookTab")) {
                // No tape or ladder column is cut short: those that do not fit step aside.
                for (const char* name : {"tradeTapeView", "askBookView", "bidBookView"}) {
                    auto* table = m_window->findChild<QTableView*>(QString::fromLatin1(name));
                    const QAbstractItemView* view = table;
                    QHeaderView* header = table->horizontalHeader();
                    QVERIFY2(header->length() <= view->viewport()->width() + 1, name);
                    for (int c = 0; c < header->count(); ++c)
                        if (!header->isSectionHidden(c))
                            QVERIFY2(header->sectionSize(c) >= view->sizeHintForColumn(c),
                                     qPrintable(QStringLiteral("%1 column %2: %3 < %4")
                                                    .arg(QLatin1String(name))
                                                    .arg(c)
                                                    .arg(header->sectionSize(c))
                                                    .arg(view->sizeHintForColumn(c))));
                }
            }
            if (tab->objectName() == QLatin1String("orderBookTab")) {
                const QString dir = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR");
                if (!dir.isEmpty())
                    m_window->grab().save(dir + QStringLiteral("/small_1024.png"));
            }
        }
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestSmallWindow)
#include "tst_small_window.moc"
