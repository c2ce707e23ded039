// The KRX after-hours sessions in the validator: which orders they take (plain limit orders on Korean
// stocks, no price of their own at the close) and when (krx::sessionHours, KST on weekdays).
#include "core/krx_market.h"
#include "core/order_validator.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace hoga;

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

qint64 kst(int year, int month, int day, int hour, int minute) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone(krx::kKstOffsetSeconds))
        .toMSecsSinceEpoch();
}

Market samsung() {
    Market m;
    m.venue = QStringLiteral("kis");
    m.code = QStringLiteral("005930");
    m.base = QStringLiteral("005930");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = krx::tickBands();
    m.rules.qtyStep = Decimal(1);
    m.rules.minQty = Decimal(1);
    m.rules.takerFeeRate = D("0.00015");
    m.rules.makerFeeRate = D("0.00015");
    m.rules.session = MarketSession::KrxRegular;
    return m;
}

Market bitcoin() {
    Market m;
    m.venue = QStringLiteral("upbit");
    m.code = QStringLiteral("KRW-BTC");
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = D("0.00000001");
    return m;
}

VenueCapabilities kisLike() {
    VenueCapabilities c = VenueCapabilities::anyVenue();
    c.orderSessions = {OrderSession::Regular, OrderSession::PreMarketClose, OrderSession::PostMarketClose,
                       OrderSession::AfterHoursSingle};
    return c;
}

OrderRequest order(OrderSession session, const char* price, const char* qty, Side side = Side::Buy) {
    OrderRequest r;
    r.market = QStringLiteral("005930");
    r.side = side;
    r.type = OrderType::Limit;
    r.price = D(price);
    r.qty = D(qty);
    r.session = session;
    return r;
}

const ValidationIssue* find(const ValidationResult& r, ValidationIssue::Code code) {
    for (const ValidationIssue& issue : r.issues)
        if (issue.code == code)
            return &issue;
    return nullptr;
}

} // namespace

class TestOrderSessions : public QObject {
    Q_OBJECT

private slots:
    void namesRoundTrip() {
        for (OrderSession s : {OrderSession::Regular, OrderSession::PreMarketClose,
                               OrderSession::PostMarketClose, OrderSession::AfterHoursSingle}) {
            QCOMPARE(parseOrderSession(orderSessionName(s)), std::optional<OrderSession>(s));
            QVERIFY(!orderSessionLabel(s).isEmpty());
        }
        QVERIFY(!parseOrderSession(QStringLiteral("night")));
        // Every message and label takes the hours from the one table.
        QCOMPARE(krx::sessionHoursText(OrderSession::Regular), QStringLiteral("09:00-15:30"));
        QCOMPARE(krx::sessionHoursText(OrderSession::PreMarketClose), QStringLiteral("08:30-08:40"));
        QCOMPARE(krx::sessionHoursText(OrderSession::AfterHoursSingle), QStringLiteral("16:00-18:00"));
        QVERIFY(hasFixedPrice(OrderSession::PreMarketClose) && hasFixedPrice(OrderSession::PostMarketClose));
        QVERIFY(!hasFixedPrice(OrderSession::AfterHoursSingle) && !hasFixedPrice(OrderSession::Regular));
    }

    // Each session's window, start inclusive and end exclusive, on a Friday; nothing on a Saturday.
    void hoursOfEachSession_data() {
        QTest::addColumn<int>("session");
        QTest::addColumn<int>("hour");
        QTest::addColumn<int>("minute");
        QTest::addColumn<bool>("open");
        const int pre = int(OrderSession::PreMarketClose);
        const int regular = int(OrderSession::Regular);
        const int post = int(OrderSession::PostMarketClose);
        const int single = int(OrderSession::AfterHoursSingle);
        QTest::newRow("pre 08:29") << pre << 8 << 29 << false;
        QTest::newRow("pre 08:30") << pre << 8 << 30 << true;
        QTest::newRow("pre 08:39") << pre << 8 << 39 << true;
        QTest::newRow("pre 08:40") << pre << 8 << 40 << false;
        QTest::newRow("regular 08:35") << regular << 8 << 35 << false;
        QTest::newRow("regular 09:00") << regular << 9 << 0 << true;
        QTest::newRow("regular 15:30") << regular << 15 << 30 << false;
        QTest::newRow("post 15:29") << post << 15 << 29 << false;
        QTest::newRow("post 15:30") << post << 15 << 30 << true;
        QTest::newRow("post 15:59") << post << 15 << 59 << true;
        QTest::newRow("post 16:00") << post << 16 << 0 << false;
        QTest::newRow("single 15:59") << single << 15 << 59 << false;
        QTest::newRow("single 16:00") << single << 16 << 0 << true;
        QTest::newRow("single 17:59") << single << 17 << 59 << true;
        QTest::newRow("single 18:00") << single << 18 << 0 << false;
    }
    void hoursOfEachSession() {
        QFETCH(int, session);
        QFETCH(int, hour);
        QFETCH(int, minute);
        QFETCH(bool, open);
        const auto s = OrderSession(session);
        QCOMPARE(krx::isSessionOpen(s, kst(2026, 12, 4, hour, minute)), open); // Friday
        QVERIFY(!krx::isSessionOpen(s, kst(2026, 12, 5, hour, minute)));       // Saturday
        const std::optional<ValidationIssue> closed =
            OrderValidator::checkSession(samsung(), kst(2026, 12, 4, hour, minute), s);
        QCOMPARE(!closed.has_value(), open);
        if (closed) {
            QCOMPARE(closed->code, ValidationIssue::MarketClosed);
            QVERIFY(!closed->message.isEmpty());
        }
    }

    void closedMessagesNameTheSessionHours() {
        const qint64 friday1200 = kst(2026, 12, 4, 12, 0);
        auto message = [&](OrderSession s) {
            return OrderValidator::checkSession(samsung(), friday1200, s).value_or(ValidationIssue{}).message;
        };
        QVERIFY(message(OrderSession::PreMarketClose).contains(QStringLiteral("08:30-08:40")));
        QVERIFY(message(OrderSession::PostMarketClose).contains(QStringLiteral("15:30-16:00")));
        QVERIFY(message(OrderSession::AfterHoursSingle).contains(QStringLiteral("16:00-18:00")));
        QVERIFY(!OrderValidator::checkSession(samsung(), friday1200, OrderSession::Regular));
        // A coin market has no sessions to be closed in.
        QVERIFY(!OrderValidator::checkSession(bitcoin(), friday1200, OrderSession::AfterHoursSingle));
    }

    void closingPriceOrdersTakeNoPrice() {
        const QVector<Balance> cash{
            {QStringLiteral("kis"), QStringLiteral("KRW"), D("10000000"), {}, {}, {}}};
        for (OrderSession s : {OrderSession::PreMarketClose, OrderSession::PostMarketClose}) {
            ValidationResult r =
                OrderValidator::validate(order(s, "0", "3"), samsung(), cash, D("65800"), kisLike());
            QVERIFY2(r.ok(), qPrintable(r.summary()));
            r = OrderValidator::validate(order(s, "65800", "3"), samsung(), cash, D("65800"), kisLike());
            const ValidationIssue* issue = find(r, ValidationIssue::InvalidAmountKind);
            QVERIFY(issue);
            QCOMPARE(issue->field, QStringLiteral("price"));
            // Whole shares still.
            r = OrderValidator::validate(order(s, "0", "1.5"), samsung(), cash, D("65800"), kisLike());
            QVERIFY(find(r, ValidationIssue::QtyNotOnStep));
        }
    }

    // The cost of a closing-price buy is estimated from the reference price, fee included.
    void closingPriceBuysAreCheckedAgainstCash() {
        auto cash = [](const char* krw) {
            return QVector<Balance>{{QStringLiteral("kis"), QStringLiteral("KRW"), D(krw), {}, {}, {}}};
        };
        // 3 x 65,800 = 197,400 plus the 0.015 % fee is 197,429.61 KRW.
        ValidationResult r = OrderValidator::validate(order(OrderSession::PostMarketClose, "0", "3"),
                                                      samsung(), cash("197000"), D("65800"), kisLike());
        const ValidationIssue* issue = find(r, ValidationIssue::InsufficientBalance);
        QVERIFY(issue);
        QCOMPARE(issue->field, QStringLiteral("qty"));
        QCOMPARE(issue->suggested, Decimal(2));
        r = OrderValidator::validate(order(OrderSession::PostMarketClose, "0", "3"), samsung(),
                                     cash("197430"), D("65800"), kisLike());
        QVERIFY2(r.ok(), qPrintable(r.summary()));
    }

    void singlePriceOrdersAreLimitOrdersOnTheTick() {
        ValidationResult r = OrderValidator::checkRules(order(OrderSession::AfterHoursSingle, "66000", "2"),
                                                        samsung(), std::nullopt, kisLike());
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        r = OrderValidator::checkRules(order(OrderSession::AfterHoursSingle, "66050", "2"), samsung(),
                                       std::nullopt, kisLike());
        QCOMPARE(find(r, ValidationIssue::PriceNotOnTick)->suggested, D("66100"));
        r = OrderValidator::checkRules(order(OrderSession::AfterHoursSingle, "0", "2"), samsung(),
                                       std::nullopt, kisLike());
        QVERIFY(find(r, ValidationIssue::MissingPrice));
    }

    void afterHoursOrdersArePlainLimitOrders() {
        OrderRequest market = order(OrderSession::PostMarketClose, "0", "3");
        market.type = OrderType::Market;
        ValidationResult r = OrderValidator::checkRules(market, samsung(), D("65800"), kisLike());
        QCOMPARE(find(r, ValidationIssue::UnsupportedOrderType)->field, QStringLiteral("type"));
        OrderRequest ioc = order(OrderSession::AfterHoursSingle, "66000", "3");
        ioc.timeInForce = TimeInForce::ImmediateOrCancel;
        r = OrderValidator::checkRules(ioc, samsung(), D("65800"), kisLike());
        QVERIFY(find(r, ValidationIssue::UnsupportedOrderType));
    }

    void onlyKoreanStocksOnAVenueThatRoutesThem() {
        OrderRequest coin = order(OrderSession::AfterHoursSingle, "145000000", "0.001");
        coin.market = QStringLiteral("KRW-BTC");
        ValidationResult r = OrderValidator::checkRules(coin, bitcoin(), std::nullopt, kisLike());
        const ValidationIssue* issue = find(r, ValidationIssue::UnsupportedOrderType);
        QVERIFY(issue);
        QCOMPARE(issue->field, QStringLiteral("session"));
        QVERIFY(issue->message.contains(QStringLiteral("KRW-BTC")));

        VenueCapabilities regularOnly = VenueCapabilities::anyVenue();
        regularOnly.orderSessions = {OrderSession::Regular};
        r = OrderValidator::checkRules(order(OrderSession::PostMarketClose, "0", "3"), samsung(), D("65800"),
                                       regularOnly);
        issue = find(r, ValidationIssue::UnsupportedOrderType);
        QVERIFY(issue);
        QVERIFY(issue->message.contains(orderSessionLabel(OrderSession::PostMarketClose)));
        QVERIFY(VenueCapabilities().orderSessions == QList<OrderSession>{OrderSession::Regular});
    }
};

QTEST_GUILESS_MAIN(TestOrderSessions)
#include "tst_order_sessions.moc"
