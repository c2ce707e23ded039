// Pictures of the order confirmation and the watchlist, in English and Korean, on the simulator. Saved to
// HOGA_TEST_SHOTS_DIR when set (run under Xvfb for packaging/screenshots/), else to a temporary folder; the
// suite checks that every picture was taken and that the Korean window is translated.

#include "application/app_settings.h"
#include "application/ui_language.h"
#include "common/data_table_view.h"
#include "mainwindow/main_window.h"
#include "marketdata/market_data_hub.h"
#include "markets/market_list_panel.h"
#include "markets/watchlist.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"
#include "trading/order_confirm_dialog.h"
#include "trading/order_ticket.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hoga;

namespace {

constexpr int kTimeoutMs = 20000;

} // namespace

class TestFeatureScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_temp.isValid());
        m_shots = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR", m_temp.path());
        QVERIFY(QDir().mkpath(m_shots));
        qputenv(AppSettings::kPathVariable, m_temp.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
    }

    // English first: Korean installs its translators for good.
    void english() { shoot(UiLanguage::English, QStringLiteral("en")); }
    void korean() {
        QVERIFY(installTranslations(*qApp, UiLanguage::Korean));
        shoot(UiLanguage::Korean, QStringLiteral("ko"));
    }

private:
    void shoot(UiLanguage language, const QString& suffix) {
        SimConfig config;
        config.seed = 20261121;
        config.stepIntervalMs = 50;
        config.historyCandles = 200;
        std::unique_ptr<VenueSession> session = VenueSession::simulated(config);
        session->hub()->setCoalesceIntervalMs(50);
        AppSettings settings(m_temp.filePath(QStringLiteral("shots_%1.ini").arg(suffix)));
        settings.setWatchlist(QStringLiteral("sim"), {QStringLiteral("KRW-ETH"), QStringLiteral("KRW-XRP"),
                                                      QStringLiteral("KRW-BTC")});
        MainWindow window(&settings, {session.get()}, language);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.missingLiveData().isEmpty(), kTimeoutMs);

        // The watchlist: starred markets only, in starring order, Bitcoin selected.
        window.setCurrentMarket(QStringLiteral("KRW-BTC"));
        window.marketList()->setStarredOnly(true);
        QCOMPARE(window.marketList()->view()->model()->rowCount(), 3);
        if (language == UiLanguage::Korean)
            QCOMPARE(window.tabs()->tabText(0), QStringLiteral("포트폴리오"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.findChild<QLabel*>(QStringLiteral("headerLastPrice"))->text().isEmpty(), kTimeoutMs);
        save(&window, QStringLiteral("watchlist_%1.png").arg(suffix));

        OrderTicket* ticket = window.ticket();
        ticket->setSide(Side::Buy);
        ticket->setOrderType(OrderType::Limit);
        const Decimal last = session->hub()->lastPrice(QStringLiteral("KRW-BTC")).value_or(Decimal());
        const Decimal half = last.divide(Decimal(2), 0, Rounding::Down);
        const Decimal tick = session->hub()->market(QStringLiteral("KRW-BTC"))->rules.tickFor(half);
        auto* qty = window.findChild<QLineEdit*>(QStringLiteral("qtyEdit"));
        QTest::keyClicks(qty, QStringLiteral("0.0015"));

        // The ticket with a message in its reserved space (for looking at the layout; not packaged).
        ticket->setPrice(half.roundToStep(tick, Rounding::Down) + Decimal(1));
        QTRY_VERIFY(window.findChild<QWidget*>(QStringLiteral("priceErrorLabel"))->isVisible());
        save(ticket, QStringLiteral("ticket_message_%1.png").arg(suffix));

        // The confirmation of a resting limit buy.
        ticket->setPrice(half.roundToStep(tick, Rounding::Down));
        auto* submit = window.findChild<QPushButton*>(QStringLiteral("submitButton"));
        QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), kTimeoutMs);
        QTest::mouseClick(submit, Qt::LeftButton);
        OrderConfirmDialog* dialog = ticket->confirmDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->adjustSize();
        if (language == UiLanguage::Korean)
            QCOMPARE(dialog->windowTitle(), QStringLiteral("주문 확인"));
        save(dialog, QStringLiteral("confirm_%1.png").arg(suffix));
        dialog->reject();
        QVERIFY(!ticket->confirmDialog());
        window.close();
    }

    void save(QWidget* widget, const QString& name) {
        // Text that just changed has its layout pending: settle it so the picture shows what a user sees.
        for (int i = 0; i < 4; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QPixmap pixmap = widget->grab();
        QVERIFY(!pixmap.isNull());
        const QString path = QDir(m_shots).filePath(name);
        QVERIFY2(pixmap.save(path), qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
    }

    QTemporaryDir m_temp;
    QString m_shots;
};

QTEST_MAIN(TestFeatureScreenshots)
#include "tst_feature_screenshots.moc"
