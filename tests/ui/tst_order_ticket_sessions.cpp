// The ticket's KRX session choice, on a scripted venue that routes after-hours orders (as KIS does): shown
// for Korean stocks only, the after-hours sessions are limit orders, the closing-price ones take no price,
// each session's hours are checked against the (pinned) clock and the request sent names the session.

#include "core/clock.h"
#include "core/krx_market.h"
#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"
#include "support/fake_connector.h"
#include "theme/terminal_theme.h"
#include "trading/order_confirm_dialog.h"
#include "trading/order_ticket.h"
#include "trading/trading_session.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

constexpr int kTimeoutMs = 5000;
const QString kSamsung = QStringLiteral("005930");
const QString kBtc = QStringLiteral("KRW-BTC");

qint64 kst(int hour, int minute) { // Friday 2026-12-04
    return QDateTime(QDate(2026, 12, 4), QTime(hour, minute), QTimeZone(krx::kKstOffsetSeconds))
        .toMSecsSinceEpoch();
}

Market market(const QString& code, bool stock) {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = code;
    m.base = stock ? code : QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.displayName = stock ? QStringLiteral("Samsung Electronics") : QStringLiteral("Bitcoin");
    m.rules.tickBands = stock ? krx::tickBands() : TradingRules::krwPriceBands();
    m.rules.qtyStep = stock ? Decimal(1) : Decimal::fromString("0.00000001");
    m.rules.minQty = stock ? Decimal(1) : Decimal();
    m.rules.makerFeeRate = Decimal::fromString("0.00015");
    m.rules.takerFeeRate = Decimal::fromString("0.00015");
    m.rules.session = stock ? MarketSession::KrxRegular : MarketSession::Always;
    return m;
}

struct Fixture {
    ManualClock clock{kst(15, 45)}; // the post-market closing-price session takes orders
    FakeConnector* fake = nullptr;  // owned by the session
    std::unique_ptr<VenueSession> session;
    std::unique_ptr<OrderTicket> ticket;

    Fixture() {
        auto connector = std::make_unique<FakeConnector>();
        connector->caps.orderTypes = {OrderType::Limit, OrderType::Market};
        connector->caps.orderSessions = {OrderSession::Regular, OrderSession::PreMarketClose,
                                         OrderSession::PostMarketClose, OrderSession::AfterHoursSingle};
        connector->markets = {market(kSamsung, true), market(kBtc, false)};
        Ticker t;
        t.venue = QStringLiteral("fake");
        t.market = kSamsung;
        t.last = Decimal(65800);
        connector->tickers = {t};
        Balance krw;
        krw.venue = QStringLiteral("fake");
        krw.currency = QStringLiteral("KRW");
        krw.free = Decimal(10'000'000);
        connector->balances = {krw};
        fake = connector.get();
        session = std::make_unique<VenueSession>(std::move(connector), nullptr, &clock);
        session->trading()->setClock(&clock);
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
    void choose(OrderSession s) {
        auto* box = child<QComboBox>("orderSessionBox");
        const int index = box->findData(int(s));
        QVERIFY(index >= 0);
        box->setCurrentIndex(index);
        emit box->activated(index);
    }
    bool closed() const {
        for (const ValidationIssue& issue : ticket->validation().issues)
            if (issue.code == ValidationIssue::MarketClosed)
                return true;
        return false;
    }
    QString closedMessage() const {
        for (const ValidationIssue& issue : ticket->validation().issues)
            if (issue.code == ValidationIssue::MarketClosed)
                return issue.message;
        return {};
    }
};

} // namespace

class TestOrderTicketSessions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
    }

    void shownForKoreanStocksOnly() {
        Fixture f;
        QTRY_VERIFY_WITH_TIMEOUT(f.session->hub()->market(kSamsung).has_value(), kTimeoutMs);
        f.ticket->setMarket(kSamsung);
        auto* box = f.child<QComboBox>("orderSessionBox");
        QVERIFY(box->isVisible());
        QCOMPARE(box->count(), 4);
        QCOMPARE(box->itemText(box->findData(int(OrderSession::PostMarketClose))),
                 QStringLiteral("Post-market close (15:30-16:00)"));
        f.choose(OrderSession::AfterHoursSingle);
        QCOMPARE(f.ticket->orderSession(), OrderSession::AfterHoursSingle);
        f.ticket->setMarket(kBtc);
        QVERIFY(!box->isVisible());
        QCOMPARE(f.ticket->orderSession(), OrderSession::Regular); // a coin has no after-hours session
    }

    void closingPriceOrderGoesWithoutAPrice() {
        Fixture f;
        QTRY_VERIFY_WITH_TIMEOUT(f.session->hub()->market(kSamsung).has_value(), kTimeoutMs);
        f.ticket->setMarket(kSamsung);
        QVERIFY(f.closed()); // 15:45: the regular session ended at 15:30
        f.choose(OrderSession::PostMarketClose);
        auto* price = f.child<QLineEdit>("priceEdit");
        QVERIFY(!price->isEnabled());
        QVERIFY(price->text().isEmpty());
        QCOMPARE(price->placeholderText(), QStringLiteral("Today's close"));
        QVERIFY(!f.child<QPushButton>("marketTypeButton")->isEnabled());
        QVERIFY(!f.child<QComboBox>("timeInForceBox")->isVisible());
        QTest::keyClicks(f.child<QLineEdit>("qtyEdit"), QStringLiteral("3"));
        QVERIFY2(f.ticket->validation().ok(), qPrintable(f.ticket->validation().summary()));
        auto* submit = f.child<QPushButton>("submitButton");
        QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), kTimeoutMs);
        // Priced at the close: the value is estimated from the last price.
        QTRY_VERIFY_WITH_TIMEOUT(f.session->hub()->lastPrice(kSamsung).has_value(), kTimeoutMs);
        QTest::keyClicks(f.child<QLineEdit>("qtyEdit"), QString()); // revalidate with the price known
        if (const QString dir = qEnvironmentVariable("HOGA_TEST_SHOTS_DIR"); !dir.isEmpty()) {
            QCoreApplication::processEvents(); // the new fee caption's layout request
            QVERIFY(f.ticket->grab().save(dir + QStringLiteral("/ticket_post_market.png")));
        }

        QTest::keyClick(f.child<QLineEdit>("qtyEdit"), Qt::Key_Return);
        OrderConfirmDialog* dialog = f.ticket->confirmDialog();
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(f.fake->createRequests.size(), 1, kTimeoutMs);
        const OrderRequest sent = f.fake->createRequests.constFirst();
        QCOMPARE(sent.session, OrderSession::PostMarketClose);
        QCOMPARE(sent.type, OrderType::Limit);
        QCOMPARE(sent.price, Decimal());
        QCOMPARE(sent.qty, Decimal(3));
    }

    void eachSessionHasItsHours() {
        Fixture f;
        QTRY_VERIFY_WITH_TIMEOUT(f.session->hub()->market(kSamsung).has_value(), kTimeoutMs);
        f.ticket->setMarket(kSamsung);
        f.choose(OrderSession::AfterHoursSingle);
        auto* price = f.child<QLineEdit>("priceEdit");
        QVERIFY(price->isEnabled()); // the single-price session names its price
        price->setText(QStringLiteral("66000"));
        QTest::keyClicks(f.child<QLineEdit>("qtyEdit"), QStringLiteral("2"));
        QTRY_VERIFY_WITH_TIMEOUT(f.closed(), kTimeoutMs); // 15:45: opens at 16:00
        QVERIFY2(f.closedMessage().contains(QStringLiteral("16:00-18:00")), qPrintable(f.closedMessage()));
        QVERIFY(!f.child<QPushButton>("submitButton")->isEnabled());

        f.clock.setMs(kst(16, 10));
        f.ticket->setPrice(Decimal(66000)); // any edit revalidates against the clock
        QCOMPARE(f.ticket->orderSession(), OrderSession::AfterHoursSingle);
        QVERIFY2(f.ticket->validation().ok(), qPrintable(f.ticket->validation().summary()));

        // A clicked price (order book) leaves a closing-price session for a priced order.
        f.choose(OrderSession::PostMarketClose);
        QVERIFY(f.closed()); // 16:10: the closing-price session ended at 16:00
        f.ticket->setPrice(Decimal(65900));
        QCOMPARE(f.ticket->orderSession(), OrderSession::Regular);
        // A market order leaves the after-hours sessions.
        f.choose(OrderSession::AfterHoursSingle);
        f.ticket->setOrderType(OrderType::Market);
        QCOMPARE(f.ticket->orderSession(), OrderSession::Regular);
    }
};

QTEST_MAIN(TestOrderTicketSessions)
#include "tst_order_ticket_sessions.moc"
