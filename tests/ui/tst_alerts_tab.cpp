#include "alerts/price_alert_editor.h"
#include "alerts/price_alert_table_model.h"
#include "alerts/price_alerts_widget.h"
#include "application/app_settings.h"
#include "format/decimal_format.h"
#include "mainwindow/main_window.h"
#include "notify/profile_notifications.h"
#include "theme/terminal_theme.h"

#include "alerts/price_alert_book.h"
#include "marketdata/market_data_hub.h"
#include "notify/notification_center.h"
#include "security/profile_manager.h"
#include "session/venue_session.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");
const QString kBtcKey = QStringLiteral("sim:KRW-BTC");

} // namespace

// The Alerts tab of a logged-in profile's main window on the simulator, driven by object names: an alert made
// in the editor fires (the list and the notification center show it), is re-armed and fires again; the
// profile's alerts are there again when its window opens next time, and another profile does not see them.
class TestAlertsTab : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileManager> m_manager;
    ProfileInfo m_alice;
    ProfileInfo m_bob;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    void openWindow(const ProfileInfo& profile) {
        m_window.reset();
        m_settings = std::make_unique<AppSettings>();
        m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                UiLanguage::English);
        ProfileContext context;
        context.manager = m_manager.get();
        context.profile = profile;
        m_window->attachProfile(std::move(context));
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->notifications());
        QVERIFY(m_window->alertsTab());
    }

    PriceAlertsWidget* tab() const { return m_window->alertsTab(); }
    PriceAlertBook* book() const { return m_window->notifications()->alerts(); }

    Decimal lastPrice() const { return *m_session->hub()->lastPrice(kBtc); }

    QString cell(qint64 id, int column) const {
        const int row = tab()->model()->rowOf(id);
        return row < 0 ? QString() : tab()->model()->index(row, column).data().toString();
    }

    void click(const QString& name) {
        auto* button = tab()->findChild<QPushButton*>(name);
        QVERIFY2(button, qPrintable(name));
        QVERIFY2(button->isEnabled(), qPrintable(name));
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Adds an alert through the editor, as a trader would; returns its id through `id`.
    void addInEditor(PriceAlertKind kind, const Decimal& threshold, qint64* id) {
        const int before = tab()->model()->rowCount();
        click(QStringLiteral("addAlertButton"));
        QPointer<PriceAlertEditor> editor = tab()->editor();
        QVERIFY(editor);
        QTRY_VERIFY(editor->isVisible());
        auto* market = editor->findChild<QComboBox*>(QStringLiteral("alertMarket"));
        QVERIFY(market);
        // The window's market is offered and preselected.
        QVERIFY(market->findText(kBtcKey) >= 0);
        QCOMPARE(market->currentText(), kBtcKey);
        auto* kindBox = editor->findChild<QComboBox*>(QStringLiteral("alertKind"));
        kindBox->setCurrentIndex(kindBox->findData(int(kind)));
        auto* threshold_ = editor->findChild<QLineEdit*>(QStringLiteral("alertThreshold"));
        threshold_->setText(QStringLiteral("many"));
        QVERIFY(!editor->okButton()->isEnabled()); // checked as the trader types
        threshold_->setText(threshold.toString());
        QVERIFY2(editor->okButton()->isEnabled(), qPrintable(editor->error()));
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("alertOk")), Qt::LeftButton);
        QTRY_COMPARE(tab()->model()->rowCount(), before + 1);
        // The new alert is selected.
        const QModelIndexList selected = tab()->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        *id = selected.first().data(PriceAlertTableModel::IdRole).toLongLong();
        QVERIFY(*id > 0);
    }

    qint64 m_firing = 0;  // above a price below the market: fires at once
    qint64 m_waiting = 0; // below half the market: stays armed

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
        ProfileManager::Options options;
        options.baseDir = m_dir.filePath(QStringLiteral("profiles"));
        options.scrypt = ScryptParams::fast();
        m_manager = std::make_unique<ProfileManager>(options);
        const ProfileResult alice =
            m_manager->create(QStringLiteral("Alice"), QStringLiteral("correct horse"), false);
        QVERIFY2(alice.ok(), qPrintable(alice.message));
        m_alice = alice.profile;
        const ProfileResult bob =
            m_manager->create(QStringLiteral("Bob"), QStringLiteral("battery staple"), false);
        QVERIFY2(bob.ok(), qPrintable(bob.message));
        m_bob = bob.profile;

        SimConfig config;
        config.stepIntervalMs = 20;
        config.historyCandles = 50;
        m_session = VenueSession::simulated(config);
        openWindow(m_alice);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hub()->lastPrice(kBtc).has_value(), 15000);
        m_window->setCurrentMarket(kBtc);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void theTabAndTheMenuAreThere() {
        QCOMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(tab())), QStringLiteral("Alerts"));
        QVERIFY(book()->isPersistent());
        m_window->showTab(tab());
        QVERIFY(tab()->isVisible());
        QCOMPARE(tab()->model()->rowCount(), 0);
        QVERIFY(!tab()->findChild<QPushButton*>(QStringLiteral("removeAlertButton"))->isEnabled());
        QVERIFY(!tab()->findChild<QPushButton*>(QStringLiteral("rearmAlertButton"))->isEnabled());
        QAction* settings = m_window->findChild<QAction*>(QStringLiteral("notificationSettingsAction"));
        QVERIFY(settings);
        QVERIFY(m_window->profileMenu()->actions().contains(settings));
    }

    void anAlertFromTheEditorFiresAndIsReArmed() {
        QSignalSpy notified(m_window->notifications()->center(), &NotificationCenter::posted);
        QSignalSpy fired(book(), &PriceAlertBook::alertFired);
        // Half the price: it would take a crash of the simulated market to fire.
        addInEditor(PriceAlertKind::Below, lastPrice().divide(Decimal(2), 0, Rounding::Down), &m_waiting);
        QCOMPARE(cell(m_waiting, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        // 10 % under the price: the next price of the market fires it.
        const Decimal threshold = (lastPrice() * Decimal::parse(QStringLiteral("0.9")).value())
                                      .roundToStep(Decimal(1), Rounding::Down);
        addInEditor(PriceAlertKind::Above, threshold, &m_firing);
        QCOMPARE(cell(m_firing, PriceAlertTableModel::MarketColumn), QStringLiteral("KRW-BTC · sim"));
        // Digits grouped as everywhere in the window.
        QCOMPARE(cell(m_firing, PriceAlertTableModel::ConditionColumn),
                 QStringLiteral("Above ") + formatDecimalTrimmed(threshold, 0));

        QTRY_COMPARE_WITH_TIMEOUT(cell(m_firing, PriceAlertTableModel::StateColumn), QStringLiteral("Fired"),
                                  10000);
        QVERIFY(!cell(m_firing, PriceAlertTableModel::FiredColumn).isEmpty());
        const Decimal firedAt =
            parseDecimalInput(cell(m_firing, PriceAlertTableModel::FiredPriceColumn)).value();
        QVERIFY(firedAt >= threshold);
        QCOMPARE(cell(m_waiting, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        QCOMPARE(fired.count(), 1);
        // The notification center tells the trader (tray, webhooks) at once.
        QTRY_VERIFY(!notified.isEmpty());
        const auto message = notified.constLast().at(0).value<Notification>();
        QCOMPARE(message.kind, NotificationKind::PriceAlert);
        QVERIFY2(message.body.contains(kBtc), qPrintable(message.body));

        // Re-arm from the list: armed at once, and it fires once more on the next price. (click() runs no
        // event loop, so no price can fire it again before the check.)
        tab()->table()->selectRow(tab()->model()->rowOf(m_firing));
        auto* rearm = tab()->findChild<QPushButton*>(QStringLiteral("rearmAlertButton"));
        QVERIFY(rearm->isEnabled());
        rearm->click();
        QCOMPARE(cell(m_firing, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        QCOMPARE(book()->alert(m_firing)->state, PriceAlertState::Armed);
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_firing, PriceAlertTableModel::StateColumn), QStringLiteral("Fired"),
                                  10000);
        QCOMPARE(fired.count(), 2);
        QTRY_COMPARE(notified.count(), 2);
        // An armed alert has nothing to re-arm.
        tab()->table()->selectRow(tab()->model()->rowOf(m_waiting));
        QVERIFY(!tab()->findChild<QPushButton*>(QStringLiteral("rearmAlertButton"))->isEnabled());
    }

    void alertsStayWithTheirProfile() {
        QVERIFY(m_firing && m_waiting);
        // Another profile has alerts of its own: none of Alice's.
        openWindow(m_bob);
        QCOMPARE(tab()->model()->rowCount(), 0);

        openWindow(m_alice);
        QCOMPARE(tab()->model()->rowCount(), 2);
        QVERIFY(tab()->model()->rowOf(m_firing) >= 0);
        QCOMPARE(cell(m_firing, PriceAlertTableModel::StateColumn), QStringLiteral("Fired"));
        QCOMPARE(cell(m_waiting, PriceAlertTableModel::StateColumn), QStringLiteral("Armed"));
        QCOMPARE(book()->alert(m_waiting)->kind, PriceAlertKind::Below);

        // Removing one is kept too.
        tab()->table()->selectRow(tab()->model()->rowOf(m_waiting));
        click(QStringLiteral("removeAlertButton"));
        QCOMPARE(tab()->model()->rowCount(), 1);
        openWindow(m_alice);
        QCOMPARE(tab()->model()->rowCount(), 1);
        QCOMPARE(tab()->model()->rowOf(m_waiting), -1);
    }

    void theNotificationSettingsOpenFromTheProfileMenu() {
        m_window->findChild<QAction*>(QStringLiteral("notificationSettingsAction"))->trigger();
        auto* dialog = m_window->findChild<QDialog*>(QStringLiteral("notificationSettingsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("notify_price_alert")));
        // A second trigger does not stack a second dialog.
        QCOMPARE(m_window->openNotificationSettings(), dialog);
        dialog->reject();
        QTRY_VERIFY(!m_window->findChild<QDialog*>(QStringLiteral("notificationSettingsDialog")));
    }
};

QTEST_MAIN(TestAlertsTab)
#include "tst_alerts_tab.moc"
