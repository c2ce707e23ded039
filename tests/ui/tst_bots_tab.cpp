#include "application/app_settings.h"
#include "bots/bot_detail_panel.h"
#include "bots/bot_editor_dialog.h"
#include "bots/bot_table_model.h"
#include "bots/bots_tab.h"
#include "bots/emergency_stop.h"
#include "mainwindow/main_window.h"
#include "theme/terminal_theme.h"
#include "trading/order_text.h"

#include "marketdata/market_data_hub.h"
#include "session/profile_engine.h"
#include "session/venue_session.h"
#include "trading/trading_session.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace hoga;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");

bool yes(QWidget*, const QString&, const QString&) {
    return true;
}

} // namespace

// Drives the Bots tab of a main window on the simulator by object names: a bot made in the editor trades,
// pauses, stops, runs into its risk limits, and the emergency stop leaves no open order.
class TestBotsTab : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    BotsTab* tab() const { return m_window->botsTab(); }
    ProfileEngine* engine() const { return m_window->profileEngine(); }

    template <class T> T* child(QObject* parent, const QString& name) const {
        T* found = parent->findChild<T*>(name);
        if (!found)
            qWarning() << "missing" << name;
        return found;
    }

    void click(const QString& button) {
        auto* b = child<QPushButton>(tab(), button);
        QVERIFY(b);
        QVERIFY2(b->isEnabled(), qPrintable(button));
        QTest::mouseClick(b, Qt::LeftButton);
    }

    QString cell(const QString& bot, int column) const {
        const int row = tab()->model()->rowOf(bot);
        return row < 0 ? QString() : tab()->model()->index(row, column).data().toString();
    }

    // Fills the open editor and creates the bot.
    void createInEditor(const QString& name, const QString& period, const QHash<QString, QString>& limits) {
        click(QStringLiteral("newBotButton"));
        BotEditorDialog* editor = tab()->editor();
        QVERIFY(editor);
        QTRY_VERIFY(editor->isVisible());
        child<QLineEdit>(editor, QStringLiteral("botNameEdit"))->setText(name);
        auto* strategy = child<QComboBox>(editor, QStringLiteral("strategyCombo"));
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("dca")));
        child<QComboBox>(editor, QStringLiteral("marketCombo"))->setCurrentText(kBtc);
        child<QLineEdit>(editor, QStringLiteral("param_period"))->setText(period);
        child<QLineEdit>(editor, QStringLiteral("param_order_value"))->setText(QStringLiteral("10000"));
        for (auto it = limits.begin(); it != limits.end(); ++it)
            child<QLineEdit>(editor, QStringLiteral("limit_") + it.key())->setText(it.value());
        QVERIFY2(editor->isValid(), qPrintable(editor->problem()));
        QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("botEditorOk")), Qt::LeftButton);
        QTRY_VERIFY(tab()->model()->rowOf(name) >= 0);
    }

    OrderRequest restingBuy() const {
        const Decimal last = *m_session->hub()->lastPrice(kBtc);
        const Market market = *m_session->hub()->market(kBtc);
        const Decimal far = last.divide(Decimal(10), 0, Rounding::Down);
        OrderRequest r;
        r.market = kBtc;
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.price = far.roundToStep(market.rules.tickFor(far), Rounding::Down);
        r.qty = Decimal(100'000).divide(r.price, 4, Rounding::Up);
        return r;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv(AppSettings::kPathVariable, m_dir.filePath(QStringLiteral("hoga.ini")).toLocal8Bit());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
        SimConfig config;
        config.stepIntervalMs = 20;
        config.historyCandles = 50;
        m_session = VenueSession::simulated(config);
        m_settings = std::make_unique<AppSettings>();
        m_window = std::make_unique<MainWindow>(m_settings.get(), QList<VenueSession*>{m_session.get()},
                                                UiLanguage::English);
        ProfileEngineOptions options;
        options.databasePath = m_dir.filePath(QStringLiteral("profile.sqlite"));
        options.tickIntervalMs = 50;
        auto profileEngine = std::make_unique<ProfileEngine>(options, m_window->sessions());
        QVERIFY(profileEngine->open());
        m_window->attachEngine(std::move(profileEngine));
        tab()->setConfirm(&yes);
        m_window->emergencyStop()->setConfirm(&yes);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hub()->lastPrice(kBtc).has_value(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(engine()->isReconciled(QStringLiteral("sim")), 10000);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void theTabTheToolbarAndTheMenuAreThere() {
        QVERIFY(tab());
        QCOMPARE(tab()->objectName(), QStringLiteral("botsTab"));
        QVERIFY(m_window->tabs()->indexOf(tab()) >= 0);
        QAction* stop = m_window->findChild<QAction*>(QStringLiteral("emergencyStopAction"));
        QVERIFY(stop);
        QCOMPARE(stop->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+X")));
        QVERIFY(m_window->mainToolBar()->actions().contains(stop));
        QVERIFY(m_window->botsMenu()->actions().contains(stop)); // the menu shows the shortcut
        QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("rearmAction"))->isEnabled());
        m_window->showTab(tab());
    }

    void theEditorValidatesAsYouType() {
        click(QStringLiteral("newBotButton"));
        BotEditorDialog* editor = tab()->editor();
        QVERIFY(editor);
        auto* strategy = child<QComboBox>(editor, QStringLiteral("strategyCombo"));
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("dca")));
        auto* period = child<QLineEdit>(editor, QStringLiteral("param_period"));
        auto* ok = child<QPushButton>(editor, QStringLiteral("botEditorOk"));
        period->setText(QStringLiteral("soon"));
        QVERIFY(!ok->isEnabled());
        auto* periodError = child<QLabel>(editor, QStringLiteral("paramError_period"));
        QVERIFY(!periodError->isHidden());
        QVERIFY(periodError->text().contains(QStringLiteral("duration")));
        period->setText(QStringLiteral("5m"));
        QVERIFY(periodError->isHidden());
        child<QLineEdit>(editor, QStringLiteral("param_order_value"))->setText(QStringLiteral("10000"));
        QVERIFY2(ok->isEnabled(), qPrintable(editor->problem()));
        auto* limit = child<QLineEdit>(editor, QStringLiteral("limit_max_open_orders"));
        limit->setText(QStringLiteral("many"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!child<QLabel>(editor, QStringLiteral("limitError_max_open_orders"))->isHidden());
        limit->clear();
        QVERIFY(ok->isEnabled());
        // A second bot of the same name is refused by the form itself.
        child<QLineEdit>(editor, QStringLiteral("botNameEdit"))->clear();
        QVERIFY(!ok->isEnabled());
        QVERIFY(!editor->problem().isEmpty());
        editor->reject();
    }

    void aBotMadeInTheEditorTrades() {
        createInEditor(QStringLiteral("dca-gui"), QStringLiteral("1s"), {});
        tab()->selectBot(QStringLiteral("dca-gui"));
        QCOMPARE(cell(QStringLiteral("dca-gui"), BotTableModel::State), QStringLiteral("Stopped"));
        click(QStringLiteral("startBotButton"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("dca-gui"), BotTableModel::State),
                                  QStringLiteral("Running"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(QStringLiteral("dca-gui"), BotTableModel::OrdersToday).toInt() >= 2,
                                 15000);
        QVERIFY(!cell(QStringLiteral("dca-gui"), BotTableModel::LastSignal).isEmpty());
        QVERIFY(!cell(QStringLiteral("dca-gui"), BotTableModel::PnlKrw).isEmpty());
        BotDetailPanel* details = tab()->details();
        QCOMPARE(details->bot(), QStringLiteral("dca-gui"));
        QTRY_VERIFY_WITH_TIMEOUT(details->ordersTable()->rowCount() >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(details->fillsTable()->rowCount() >= 1, 10000);
        QVERIFY(details->logView()->toPlainText().contains(QStringLiteral("Started")));
        QTRY_VERIFY_WITH_TIMEOUT(details->pnlSeries()->count() >= 1, 10000);
    }

    void theOrdersListSpeaksPlainWords() {
        // Every journal state has a human label of its own, never the stored name.
        for (JournalState state : {JournalState::Pending, JournalState::Submitted, JournalState::Open,
                                   JournalState::PartiallyFilled, JournalState::CancelPending,
                                   JournalState::Filled, JournalState::Cancelled, JournalState::Rejected,
                                   JournalState::NeverSent, JournalState::External}) {
            QVERIFY(!journalStateText(state).isEmpty());
            QVERIFY2(journalStateText(state) != journalStateName(state), qPrintable(journalStateName(state)));
        }
        QCOMPARE(journalStateText(JournalState::CancelPending), QStringLiteral("Cancelling"));
        QCOMPARE(journalStateText(JournalState::NeverSent), QStringLiteral("Never sent"));

        tab()->selectBot(QStringLiteral("dca-gui"));
        QTableWidget* orders = tab()->details()->ordersTable();
        QTRY_VERIFY_WITH_TIMEOUT(orders->rowCount() >= 2, 10000);
        QCOMPARE(orders->horizontalHeaderItem(BotDetailPanel::OrderTypeColumn)->text(),
                 QStringLiteral("Type"));
        // The DCA bot's orders fill on the simulator: wait for a finished one.
        auto filledRow = [orders] {
            for (int row = 0; row < orders->rowCount(); ++row)
                if (orders->item(row, BotDetailPanel::OrderStateColumn)->data(Qt::UserRole) ==
                    QStringLiteral("filled"))
                    return row;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(filledRow() >= 0, 10000);
        const int row = filledRow();
        QCOMPARE(orders->item(row, BotDetailPanel::OrderStateColumn)->text(), QStringLiteral("Filled"));
        QCOMPARE(orders->item(row, BotDetailPanel::OrderSideColumn)->text(), QStringLiteral("Buy"));
        QCOMPARE(orders->item(row, BotDetailPanel::OrderSideColumn)->data(Qt::UserRole).toString(),
                 QStringLiteral("buy"));
        QTableWidgetItem* type = orders->item(row, BotDetailPanel::OrderTypeColumn);
        const auto stored = parseOrderType(type->data(Qt::UserRole).toString());
        QVERIFY(stored);
        QCOMPARE(type->text(), orderTypeText(*stored));
        QVERIFY(type->text() != type->data(Qt::UserRole).toString());
        // No cell of the state column shows a stored name.
        for (int r = 0; r < orders->rowCount(); ++r) {
            QTableWidgetItem* state = orders->item(r, BotDetailPanel::OrderStateColumn);
            const auto parsed = parseJournalState(state->data(Qt::UserRole).toString());
            QVERIFY(parsed);
            QCOMPARE(state->text(), journalStateText(*parsed));
        }
    }

    void pauseResumeAndStop() {
        tab()->selectBot(QStringLiteral("dca-gui"));
        click(QStringLiteral("pauseBotButton"));
        QTRY_COMPARE(cell(QStringLiteral("dca-gui"), BotTableModel::State), QStringLiteral("Paused"));
        click(QStringLiteral("resumeBotButton"));
        QTRY_COMPARE(cell(QStringLiteral("dca-gui"), BotTableModel::State), QStringLiteral("Running"));
        click(QStringLiteral("stopBotButton"));
        QTRY_COMPARE(cell(QStringLiteral("dca-gui"), BotTableModel::State), QStringLiteral("Stopped"));
        QVERIFY(tab()->details()->logView()->toPlainText().contains(QStringLiteral("Stopped")));
    }

    void duplicateAndDelete() {
        tab()->selectBot(QStringLiteral("dca-gui"));
        click(QStringLiteral("duplicateBotButton"));
        QTRY_VERIFY(tab()->model()->rowOf(QStringLiteral("dca-gui copy")) >= 0);
        QTRY_COMPARE(tab()->selectedBot(), QStringLiteral("dca-gui copy"));
        click(QStringLiteral("deleteBotButton"));
        QTRY_COMPARE(tab()->model()->rowOf(QStringLiteral("dca-gui copy")), -1);
        QVERIFY(tab()->model()->rowOf(QStringLiteral("dca-gui")) >= 0);
    }

    void riskLimitsRefuseAndHalt() {
        // One order a minute: the second is refused and the log says why.
        createInEditor(QStringLiteral("capped"), QStringLiteral("1s"),
                       {{QStringLiteral("max_orders_per_minute"), QStringLiteral("1")}});
        tab()->selectBot(QStringLiteral("capped"));
        QSignalSpy refused(engine(), &ProfileEngine::riskRefused);
        click(QStringLiteral("startBotButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 15000);
        QTRY_VERIFY(tab()->details()->logView()->toPlainText().contains(QStringLiteral("risk limit")));
        QCOMPARE(cell(QStringLiteral("capped"), BotTableModel::OrdersToday), QStringLiteral("1"));
        click(QStringLiteral("stopBotButton"));
        QTRY_COMPARE(cell(QStringLiteral("capped"), BotTableModel::State), QStringLiteral("Stopped"));

        // A daily loss limit below the fee of one buy: the first fill halts the bot.
        createInEditor(QStringLiteral("fragile"), QStringLiteral("1s"),
                       {{QStringLiteral("daily_loss_limit"), QStringLiteral("0.01")}});
        tab()->selectBot(QStringLiteral("fragile"));
        click(QStringLiteral("startBotButton"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("fragile"), BotTableModel::State),
                                  QStringLiteral("Halted by risk"), 20000);
        QVERIFY(!engine()->bot(QStringLiteral("fragile"))->message.isEmpty());
    }

    void emergencyStopCancelsEveryOpenOrder() {
        TradingSession* trading = m_session->trading();
        QSignalSpy accepted(trading, &TradingSession::orderAccepted);
        trading->submit(restingBuy());
        trading->submit(restingBuy());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 2, 10000);
        QTRY_VERIFY(engine()->openOrderCount() >= 2);
        tab()->selectBot(QStringLiteral("dca-gui"));
        click(QStringLiteral("startBotButton"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("dca-gui"), BotTableModel::State),
                                  QStringLiteral("Running"), 10000);

        QSignalSpy finished(engine(), &ProfileEngine::emergencyStopFinished);
        m_window->findChild<QAction*>(QStringLiteral("emergencyStopAction"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        const auto report = finished.first().at(0).value<EmergencyStopReport>();
        QCOMPARE(report.size(), 1);
        QVERIFY(report.first().cancelRequested >= 2);
        QCOMPARE(report.first().cancelConfirmed, report.first().cancelRequested);
        QVERIFY(report.first().stillOpen.isEmpty());
        QTRY_VERIFY(m_window->emergencyStop()->reportBox());
        QVERIFY(
            m_window->emergencyStop()->reportBox()->informativeText().contains(QStringLiteral("confirmed")));
        QTRY_COMPARE(engine()->openOrderCount(), 0);
        QTRY_COMPARE(cell(QStringLiteral("dca-gui"), BotTableModel::State), QStringLiteral("Halted by risk"));
        QVERIFY(!child<QLabel>(tab(), QStringLiteral("botsHaltBanner"))->isHidden());
        QVERIFY(!child<QPushButton>(tab(), QStringLiteral("startBotButton"))->isEnabled());

        // The venue agrees: nothing of ours is open.
        trading->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(trading->openOrders().isEmpty(), 10000);

        m_window->emergencyStop()->reportBox()->accept();
        QAction* rearm = m_window->findChild<QAction*>(QStringLiteral("rearmAction"));
        QVERIFY(rearm->isEnabled());
        rearm->trigger();
        QTRY_VERIFY(child<QLabel>(tab(), QStringLiteral("botsHaltBanner"))->isHidden());
        QVERIFY(!rearm->isEnabled());
        QTRY_VERIFY(child<QPushButton>(tab(), QStringLiteral("startBotButton"))->isEnabled());
    }
};

QTEST_MAIN(TestBotsTab)
#include "tst_bots_tab.moc"
