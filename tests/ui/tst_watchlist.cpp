// The watchlist (관심) on the simulator, offscreen: starring from the market list's star column, its
// context menu and the market header; the starred-only filter in starring order; persistence in the
// profile's settings across a new window.

#include "application/app_settings.h"
#include "common/data_table_view.h"
#include "common/item_roles.h"
#include "mainwindow/main_window.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_filter_model.h"
#include "markets/market_list_model.h"
#include "markets/market_list_panel.h"
#include "markets/watchlist.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace hoga;

namespace {

constexpr int kTimeoutMs = 15000;
const QString kBtc = QStringLiteral("KRW-BTC");
const QString kEth = QStringLiteral("KRW-ETH");
const QString kXrp = QStringLiteral("KRW-XRP");

} // namespace

class TestWatchlist : public QObject {
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
        config.historyCandles = 60;
        m_session = VenueSession::simulated(config);
        m_session->hub()->setCoalesceIntervalMs(50);
        m_settings = std::make_unique<AppSettings>();
        openWindow();
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void starFromTheListTheMenuAndTheHeader() {
        m_window->setCurrentMarket(kBtc);
        QCOMPARE(m_window->watchlist()->codes(), QStringList());

        // 1. The star column: stars without selecting the row.
        clickStar(kEth);
        QCOMPARE(m_window->watchlist()->codes(), QStringList{kEth});
        QCOMPARE(m_window->currentMarket(), kBtc);
        QCOMPARE(starText(kEth), QStringLiteral("★"));
        QCOMPARE(starText(kXrp), QStringLiteral("☆"));

        // 2. The row's context menu, as a right click opens it.
        DataTableView* view = m_window->marketList()->view();
        const QModelIndex xrp = proxyIndex(kXrp, MarketListModel::MarketColumn);
        emit view->customContextMenuRequested(view->visualRect(xrp).center());
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("marketContextMenu"));
        auto* star = menu->findChild<QAction*>(QStringLiteral("toggleWatchlistAction"));
        QVERIFY(star);
        QCOMPARE(star->text(), QStringLiteral("Add to watchlist"));
        star->trigger();
        menu->close();
        QCOMPARE(m_window->watchlist()->codes(), (QStringList{kEth, kXrp}));

        // 3. The market header's star, for the current market.
        auto* headerStar = m_window->findChild<QToolButton*>(QStringLiteral("headerStarButton"));
        QVERIFY(headerStar && headerStar->isVisible());
        QCOMPARE(headerStar->text(), QStringLiteral("☆"));
        QTest::mouseClick(headerStar, Qt::LeftButton);
        QCOMPARE(headerStar->text(), QStringLiteral("★"));
        QVERIFY(headerStar->isChecked());
        QCOMPARE(headerStar->toolTip(), QStringLiteral("Remove from watchlist"));
        QCOMPARE(m_window->watchlist()->codes(), (QStringList{kEth, kXrp, kBtc}));
        QCOMPARE(starText(kBtc), QStringLiteral("★"));
        // The header follows stars made elsewhere.
        m_window->setCurrentMarket(kEth);
        QVERIFY(headerStar->isChecked());
        m_window->setCurrentMarket(QStringLiteral("KRW-USDT"));
        QVERIFY(!headerStar->isChecked());
        m_window->setCurrentMarket(kBtc);

        // Saved in the profile's settings as it changed, in starring order.
        QCOMPARE(m_settings->watchlist(QStringLiteral("sim")), (QStringList{kEth, kXrp, kBtc}));
    }

    void filterShowsStarredInStarringOrder() {
        auto* toggle = m_window->findChild<QToolButton*>(QStringLiteral("watchlistFilterButton"));
        QVERIFY(toggle && toggle->isCheckable());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(m_window->marketList()->starredOnly());
        QCOMPARE(shown(), (QStringList{kEth, kXrp, kBtc}));
        // Live ticks do not reorder it: the order is the trader's.
        QSignalSpy updated(m_session->hub(), &MarketDataHub::updated);
        QVERIFY(updated.wait(kTimeoutMs));
        QCOMPARE(shown(), (QStringList{kEth, kXrp, kBtc}));

        // Unstarring from the filtered list removes the row at once.
        clickStar(kXrp);
        QCOMPARE(shown(), (QStringList{kEth, kBtc}));
        m_window->watchlist()->add(kXrp); // starred again: now last
        QCOMPARE(shown(), (QStringList{kEth, kBtc, kXrp}));

        // Off: every market, in the sort the list had before (24 h volume).
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!m_window->marketList()->starredOnly());
        QCOMPARE(shown().size(), 9); // six coin markets and three stocks
        QCOMPARE(m_window->marketList()->filterModel()->sortColumn(), int(MarketListModel::VolumeColumn));
        QCOMPARE(m_window->marketList()->filterModel()->sortOrder(), Qt::DescendingOrder);
    }

    void watchlistSurvivesANewWindow() {
        const QStringList expected{kEth, kBtc, kXrp};
        m_window->close();
        m_window.reset();
        // A fresh read of the same settings file, and a new window on it.
        AppSettings reread;
        QCOMPARE(reread.watchlist(QStringLiteral("sim")), expected);
        openWindow();
        QCOMPARE(m_window->watchlist()->codes(), expected);
        for (const QString& code : expected)
            QCOMPARE(starText(code), QStringLiteral("★"));
        QCOMPARE(starText(QStringLiteral("KRW-USDT")), QStringLiteral("☆"));
        m_window->marketList()->setStarredOnly(true);
        QCOMPARE(shown(), expected);
    }

    void emptyWatchlistSaysHowToStar() {
        for (const QString& code : m_window->watchlist()->codes())
            clickStar(code);
        QCOMPARE(m_window->watchlist()->codes(), QStringList());
        QCOMPARE(shown(), QStringList());
        QVERIFY(m_window->marketList()->view()->emptyText().startsWith(QStringLiteral("No starred markets")));
        QCOMPARE(m_settings->watchlist(QStringLiteral("sim")), QStringList());
        m_window->marketList()->setStarredOnly(false);
        QCOMPARE(m_window->marketList()->view()->emptyText(),
                 QStringLiteral("No market matches the search."));
    }

private:
    void openWindow() {
        m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                UiLanguage::English);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->marketList()->model()->rowCount(), 9, kTimeoutMs);
    }

    QModelIndex proxyIndex(const QString& code, int column) const {
        const QAbstractItemModel* proxy = m_window->marketList()->view()->model();
        for (int row = 0; row < proxy->rowCount(); ++row)
            if (proxy->index(row, 0).data(KeyRole).toString() == code)
                return proxy->index(row, column);
        return {};
    }

    QString starText(const QString& code) const {
        return proxyIndex(code, MarketListModel::StarColumn).data().toString();
    }

    void clickStar(const QString& code) {
        DataTableView* view = m_window->marketList()->view();
        const QModelIndex star = proxyIndex(code, MarketListModel::StarColumn);
        QVERIFY(star.isValid());
        view->scrollTo(star);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(star).center());
    }

    QStringList shown() const {
        const QAbstractItemModel* proxy = m_window->marketList()->view()->model();
        QStringList codes;
        for (int row = 0; row < proxy->rowCount(); ++row)
            codes << proxy->index(row, 0).data(KeyRole).toString();
        return codes;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestWatchlist)
#include "tst_watchlist.moc"
