// The order ticket on a scripted live venue (FakeConnector): the confirmation a real venue always asks
// for, one order per submit however often Enter is pressed while it is in flight, and a status line that
// follows the order through partial fills to filled or cancelled.

#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"
#include "support/fake_connector.h"
#include "theme/terminal_theme.h"
#include "trading/order_confirm_dialog.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

constexpr int kTimeoutMs = 5000;
const QString kBtc = QStringLiteral("KRW-BTC");

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

struct Fixture {
    FakeConnector* fake = nullptr; // owned by the session
    std::unique_ptr<VenueSession> session;
    std::unique_ptr<OrderTicket> ticket;

    Fixture() {
        auto connector = std::make_unique<FakeConnector>();
        Market m;
        m.venue = QStringLiteral("fake");
        m.code = kBtc;
        m.base = QStringLiteral("BTC");
        m.quote = QStringLiteral("KRW");
        m.displayName = QStringLiteral("Bitcoin");
        m.rules.tickBands = TradingRules::krwPriceBands();
        m.rules.qtyStep = dec("0.00000001");
        m.rules.minTotal = 5000;
        m.rules.makerFeeRate = dec("0.0005");
        m.rules.takerFeeRate = dec("0.0005");
        connector->markets = {m};
        Ticker t;
        t.venue = QStringLiteral("fake");
        t.market = kBtc;
        t.last = Decimal(100'000'000);
        connector->tickers = {t};
        Balance krw;
        krw.venue = QStringLiteral("fake");
        krw.currency = QStringLiteral("KRW");
        krw.free = Decimal(10'000'000);
        connector->balances = {krw};
        fake = connector.get();
        session = std::make_unique<VenueSession>(std::move(connector));
        session->hub()->setCoalesceIntervalMs(10);
        session->start();
        ticket = std::make_unique<OrderTicket>(session.get());
        ticket->resize(320, 760);
        ticket->show();
    }
    ~Fixture() {
        ticket.reset();
        session.reset();
    }

    template <class T> T* child(const char* name) const {
        T* w = ticket->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void type(const char* edit, const QString& text) {
        QLineEdit* e = child<QLineEdit>(edit);
        e->selectAll();
        QTest::keyClick(e, Qt::Key_Backspace);
        QTest::keyClicks(e, text);
    }
    // A limit buy of 0.001 BTC at 100,000,000 KRW, ready to submit.
    void fillLimitBuy() {
        QTRY_VERIFY_WITH_TIMEOUT(session->hub()->market(kBtc).has_value(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(session->trading()->balance(QStringLiteral("KRW")).has_value(), kTimeoutMs);
        ticket->setMarket(kBtc);
        ticket->setSide(Side::Buy);
        ticket->setOrderType(OrderType::Limit);
        type("priceEdit", QStringLiteral("100000000"));
        type("qtyEdit", QStringLiteral("0.001"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("submitButton")->isEnabled(), kTimeoutMs);
    }
    void pressEnter() { QTest::keyClick(child<QLineEdit>("qtyEdit"), Qt::Key_Return); }
    // Enter, then Enter again in the confirmation.
    void submitAndConfirm() {
        pressEnter();
        OrderConfirmDialog* dialog = ticket->confirmDialog();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(!ticket->confirmDialog());
    }
    // The venue's stream reports the order in a new state.
    void streamOrder(OrderState state, const char* filled) {
        QVERIFY(!fake->created.isEmpty());
        Order o = fake->created.constLast();
        o.state = state;
        o.filledQty = dec(filled);
        o.filledQuote = o.filledQty * o.price;
        o.updatedAtMs += 1000 + int(state);
        emit fake->orderUpdated(o);
    }
};

} // namespace

class TestOrderTicketStates : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
    }

    void liveVenueAlwaysAsks() {
        Fixture f;
        QVERIFY(!f.session->isSimulated());
        f.ticket->setConfirmPaperOrders(false); // a paper-only choice: no effect on a live venue
        QVERIFY(f.ticket->confirmsOrders());
        f.fillLimitBuy();
        if (QTest::currentTestFailed())
            return;
        f.pressEnter();
        OrderConfirmDialog* dialog = f.ticket->confirmDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QCheckBox*>(QStringLiteral("skipPaperConfirmCheck")));
        auto* note = dialog->findChild<QLabel*>(QStringLiteral("confirmNoteLabel"));
        QVERIFY(note);
        QCOMPARE(note->text(),
                 QStringLiteral("This is a real order on Fake venue: it uses your funds once sent."));
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("confirmTotalValue"))->text(),
                 QStringLiteral("100,000 KRW"));
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("confirmFeeValue"))->text(),
                 QStringLiteral("50 KRW (0.05%)"));
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("confirmNetValue"))->text(),
                 QStringLiteral("100,050 KRW"));
        // A held-down Enter's repeat does not answer the question.
        QKeyEvent repeat(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QString(), true);
        QApplication::sendEvent(dialog->confirmButton(), &repeat);
        QApplication::sendEvent(dialog, &repeat);
        QVERIFY(dialog->isVisible());
        QCOMPARE(f.fake->createRequests.size(), 0);
        // Escape: nothing sent.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(!f.ticket->confirmDialog());
        QCOMPARE(f.fake->createRequests.size(), 0);
    }

    void enterWhileInFlightSendsNothingMore() {
        Fixture f;
        f.fillLimitBuy();
        if (QTest::currentTestFailed())
            return;
        f.fake->deferReplies = true; // the venue is slow to answer
        f.submitAndConfirm();
        QTRY_COMPARE_WITH_TIMEOUT(f.fake->createRequests.size(), 1, kTimeoutMs); // after the fresh rules
        auto* submit = f.child<QPushButton>("submitButton");
        QVERIFY(!submit->isEnabled());
        QCOMPARE(submit->toolTip(), QStringLiteral("Waiting for the venue to answer the order just sent."));
        QVERIFY(f.ticket->statusText().startsWith(QStringLiteral("Sending buy order")));
        for (int i = 0; i < 3; ++i)
            f.pressEnter();
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(!f.ticket->confirmDialog());
        QCOMPARE(f.fake->createRequests.size(), 1);

        f.fake->deferReplies = false;
        f.fake->releaseDeferred();
        QTRY_VERIFY_WITH_TIMEOUT(f.ticket->statusText().startsWith(QStringLiteral("Order accepted")),
                                 kTimeoutMs);
        // Answered, but the same values are not sent again.
        f.pressEnter();
        QVERIFY(!f.ticket->confirmDialog());
        QVERIFY(!submit->isEnabled());
        QCOMPARE(f.fake->createRequests.size(), 1);
        // A changed value makes it a new order.
        f.type("qtyEdit", QStringLiteral("0.002"));
        QVERIFY(submit->isEnabled());
        f.submitAndConfirm();
        QTRY_COMPARE_WITH_TIMEOUT(f.fake->createRequests.size(), 2, kTimeoutMs);
        QCOMPARE(f.fake->createRequests.constLast().qty, dec("0.002"));
        QVERIFY(f.fake->createRequests.at(0).clientId != f.fake->createRequests.at(1).clientId);
    }

    void statusFollowsPartialFillsToFilled() {
        Fixture f;
        f.fillLimitBuy();
        if (QTest::currentTestFailed())
            return;
        f.submitAndConfirm();
        const QString what = QStringLiteral("Buy 0.001 BTC at 100,000,000 KRW");
        QTRY_COMPARE_WITH_TIMEOUT(f.ticket->statusText(),
                                  QStringLiteral("Order accepted: %1 (open).").arg(what), kTimeoutMs);
        f.streamOrder(OrderState::PartiallyFilled, "0.0004");
        QTRY_COMPARE_WITH_TIMEOUT(
            f.ticket->statusText(),
            QStringLiteral("Order partially filled: %1 — 0.0004 of 0.001 BTC filled.").arg(what), kTimeoutMs);
        f.streamOrder(OrderState::Filled, "0.001");
        QTRY_COMPARE_WITH_TIMEOUT(
            f.ticket->statusText(),
            QStringLiteral("Order filled: %1 — 0.001 BTC at 100,000,000 KRW on average.").arg(what),
            kTimeoutMs);
    }

    void statusFollowsACancelAfterAPartialFill() {
        Fixture f;
        f.fillLimitBuy();
        if (QTest::currentTestFailed())
            return;
        f.submitAndConfirm();
        const QString what = QStringLiteral("Buy 0.001 BTC at 100,000,000 KRW");
        QTRY_VERIFY_WITH_TIMEOUT(f.ticket->statusText().startsWith(QStringLiteral("Order accepted")),
                                 kTimeoutMs);
        f.streamOrder(OrderState::PartiallyFilled, "0.0004");
        QTRY_VERIFY_WITH_TIMEOUT(f.ticket->statusText().startsWith(QStringLiteral("Order partially filled")),
                                 kTimeoutMs);
        f.streamOrder(OrderState::Cancelled, "0.0004");
        QTRY_COMPARE_WITH_TIMEOUT(
            f.ticket->statusText(),
            QStringLiteral("Order cancelled: %1 — 0.0004 of 0.001 BTC had filled.").arg(what), kTimeoutMs);
    }

    void statusSaysWhenTheVenueRejects() {
        Fixture f;
        f.fake->onCreateOrder = [](const OrderRequest& request) {
            VenueError e =
                FakeConnector::error(ErrorKind::InsufficientFunds, QStringLiteral("insufficient_funds"));
            return OrderPlacement::rejected(e, request.clientId);
        };
        f.fillLimitBuy();
        if (QTest::currentTestFailed())
            return;
        f.submitAndConfirm();
        QTRY_VERIFY_WITH_TIMEOUT(f.ticket->statusText().startsWith(QStringLiteral("Order rejected: ")),
                                 kTimeoutMs);
        QCOMPARE(f.fake->createRequests.size(), 1);
    }
};

QTEST_MAIN(TestOrderTicketStates)
#include "tst_order_ticket_states.moc"
