#include "application/app_settings.h"
#include "mainwindow/main_window.h"
#include "theme/terminal_theme.h"
#include "trading/account_limits_dialog.h"

#include "marketdata/market_data_hub.h"
#include "security/profile_manager.h"
#include "session/profile_engine.h"
#include "session/venue_session.h"
#include "trading/trading_session.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

const QString kBtc = QStringLiteral("KRW-BTC");

} // namespace

// Profile > Risk limits… in a logged-in profile's main window on the simulator: the dialog checks every field
// as the trader types; saved limits refuse a ticket order and a bot order above the account's largest order
// value (with the reason), stay with the profile across windows, and the account's daily loss limit halts the
// bots.
class TestMainWindowRiskLimits : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileManager> m_manager;
    ProfileInfo m_alice;
    ProfileInfo m_bob;
    std::unique_ptr<VenueSession> m_session;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    ProfileEngine* engine() const { return m_window->profileEngine(); }

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
        QVERIFY(engine());
        QTRY_VERIFY_WITH_TIMEOUT(engine()->isReconciled(QStringLiteral("sim")), 10000);
    }

    AccountLimitsDialog* openDialog() {
        QAction* action = m_window->findChild<QAction*>(QStringLiteral("accountLimitsAction"));
        if (!action || !action->isEnabled() || !m_window->profileMenu()->actions().contains(action))
            return nullptr;
        action->trigger();
        return m_window->findChild<AccountLimitsDialog*>(QStringLiteral("accountLimitsDialog"));
    }

    // A resting buy far under the market worth about `value` KRW.
    OrderRequest restingBuy(const Decimal& value) const {
        const Decimal last = *m_session->hub()->lastPrice(kBtc);
        const Market market = *m_session->hub()->market(kBtc);
        const Decimal far = last.divide(Decimal(10), 0, Rounding::Down);
        OrderRequest r;
        r.market = kBtc;
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.price = far.roundToStep(market.rules.tickFor(far), Rounding::Down);
        r.qty = value.divide(r.price, 4, Rounding::Down);
        return r;
    }

    BotSpec dcaSpec(const QString& id, const QString& orderValue) const {
        BotSpec spec;
        spec.id = id;
        spec.strategy = QStringLiteral("dca");
        spec.venue = QStringLiteral("sim");
        spec.market = kBtc;
        spec.params = {{QStringLiteral("period"), QStringLiteral("1s")},
                       {QStringLiteral("order_value"), orderValue}};
        return spec;
    }

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
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hub()->market(kBtc).has_value(), 15000);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_session.reset();
    }

    void theDialogChecksAsYouType() {
        AccountLimitsDialog* dialog = openDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QLineEdit* value = dialog->field(QStringLiteral("max_order_value"));
        QLabel* valueError = dialog->fieldError(QStringLiteral("max_order_value"));
        QVERIFY(value && valueError);
        QVERIFY(value->text().isEmpty()); // no limits yet
        QVERIFY(dialog->saveButton()->isEnabled());

        value->setText(QStringLiteral("lots"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(!valueError->isHidden());
        QVERIFY2(valueError->text().contains(QStringLiteral("not a number")), qPrintable(valueError->text()));
        value->setText(QStringLiteral("-5"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(valueError->text().contains(QStringLiteral("greater than zero")));
        value->setText(QStringLiteral("0"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        value->setText(QStringLiteral("50000.5"));
        QVERIFY(valueError->isHidden());
        QVERIFY(dialog->saveButton()->isEnabled());

        QLineEdit* open = dialog->field(QStringLiteral("max_open_orders"));
        open->setText(QStringLiteral("1.5"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY(!dialog->fieldError(QStringLiteral("max_open_orders"))->isHidden());
        open->setText(QStringLiteral("20"));
        QVERIFY(dialog->saveButton()->isEnabled());
        // A cash reserve of nothing is allowed (no reserve).
        dialog->field(QStringLiteral("cash_reserve"))->setText(QStringLiteral("0"));
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->field(QStringLiteral("max_price_deviation_pct"))->setText(QStringLiteral("95"));

        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<AccountLimitsDialog*>(QStringLiteral("accountLimitsDialog")));
        const RiskLimits saved = engine()->accountLimits();
        QCOMPARE(saved.maxOrderValue, std::optional<Decimal>(Decimal::parse(QStringLiteral("50000.5"))));
        QCOMPARE(saved.maxOpenOrders, std::optional<int>(20));
        QCOMPARE(saved.maxPriceDeviationPct, std::optional<Decimal>(Decimal(95)));
        QVERIFY(!saved.maxPosition);
        QVERIFY(!saved.dailyLossLimit);
    }

    void aTicketOrderAboveTheLargestValueIsRefused() {
        TradingSession* trading = m_session->trading();
        QSignalSpy rejected(trading, &TradingSession::orderRejected);
        QSignalSpy accepted(trading, &TradingSession::orderAccepted);
        const QString big = trading->submit(restingBuy(Decimal(100'000)));
        QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), 10000);
        QCOMPARE(rejected.first().at(0).toString(), big);
        const QString reason = rejected.first().at(1).toString();
        QVERIFY2(reason.contains(QStringLiteral("above the maximum order value 50000.5")),
                 qPrintable(reason));
        // Under the limit it goes through.
        trading->submit(restingBuy(Decimal(20'000)));
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 10000);
        QCOMPARE(rejected.count(), 1);
    }

    void aBotOrderAboveTheLargestValueIsRefused() {
        QSignalSpy refused(engine(), &ProfileEngine::riskRefused);
        QVERIFY(engine()->createBot(dcaSpec(QStringLiteral("big-dca"), QStringLiteral("100000"))).ok());
        engine()->startBot(QStringLiteral("big-dca"));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 15000);
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("big-dca"));
        QVERIFY2(refused.first().at(3).toString().contains(QStringLiteral("maximum order value")),
                 qPrintable(refused.first().at(3).toString()));
        QTRY_VERIFY(engine()
                        ->botLog(QStringLiteral("big-dca"))
                        .join(QLatin1Char('\n'))
                        .contains(QStringLiteral("maximum order value")));
        QCOMPARE(engine()->bot(QStringLiteral("big-dca"))->ordersToday, 0);
        engine()->stopBot(QStringLiteral("big-dca"));
        QTRY_COMPARE(engine()->bot(QStringLiteral("big-dca"))->state, BotState::Stopped);
    }

    void theLimitsStayWithTheProfile() {
        openWindow(m_bob);
        QVERIFY(!engine()->accountLimits().maxOrderValue); // Bob has none

        openWindow(m_alice);
        QCOMPARE(engine()->accountLimits().maxOrderValue,
                 std::optional<Decimal>(Decimal::parse(QStringLiteral("50000.5"))));
        AccountLimitsDialog* dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->field(QStringLiteral("max_order_value"))->text(), QStringLiteral("50000.5"));
        QCOMPARE(dialog->field(QStringLiteral("max_open_orders"))->text(), QStringLiteral("20"));
        dialog->reject();
        // And the engine applies them from the start.
        TradingSession* trading = m_session->trading();
        QSignalSpy rejected(trading, &TradingSession::orderRejected);
        trading->submit(restingBuy(Decimal(100'000)));
        QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), 10000);
        QVERIFY(rejected.first().at(1).toString().contains(QStringLiteral("maximum order value")));
    }

    void theAccountsDailyLossLimitHaltsTheBots() {
        // Less than the fee of one buy: the first fill breaks it.
        AccountLimitsDialog* dialog = openDialog();
        QVERIFY(dialog);
        dialog->field(QStringLiteral("daily_loss_limit"))->setText(QStringLiteral("0.01"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(engine()->accountLimits().dailyLossLimit.has_value());
        QVERIFY(engine()->createBot(dcaSpec(QStringLiteral("small-dca"), QStringLiteral("10000"))).ok());
        engine()->startBot(QStringLiteral("small-dca"));
        QTRY_COMPARE_WITH_TIMEOUT(engine()->bot(QStringLiteral("small-dca"))->state, BotState::Halted, 20000);
        const QString message = engine()->bot(QStringLiteral("small-dca"))->message;
        QVERIFY2(message.contains(QStringLiteral("account's daily loss limit")), qPrintable(message));
    }
};

QTEST_MAIN(TestMainWindowRiskLimits)
#include "tst_main_window_risk_limits.moc"
