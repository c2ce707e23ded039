#include "alerts/price_alert_book.h"
#include "notify/disconnect_watch.h"
#include "notify/notification_center.h"
#include "support/fake_connector.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

Fill fill(const QString& market, Side side, const char* qty, const char* price, const QString& trade) {
    Fill f;
    f.venue = QStringLiteral("upbit");
    f.market = market;
    f.side = side;
    f.qty = Decimal::fromString(qty);
    f.price = Decimal::fromString(price);
    f.tradeId = trade;
    return f;
}

ManagedOrder rejected(const QString& clientId, const QString& reason) {
    ManagedOrder m;
    m.order.venue = QStringLiteral("upbit");
    m.order.market = QStringLiteral("KRW-BTC");
    m.order.clientId = clientId;
    m.order.qty = Decimal::fromString("0.01");
    m.order.state = OrderState::Rejected;
    m.order.rejectReason = reason;
    m.state = JournalState::Rejected;
    return m;
}

struct Sent {
    QString title;
    QString body;
    NotificationKind kind;
};

QList<Sent> sent(const QSignalSpy& spy) {
    QList<Sent> out;
    for (const auto& args : spy)
        out.append(Sent{args.at(0).toString(), args.at(1).toString(), args.at(2).value<NotificationKind>()});
    return out;
}

} // namespace

class TestNotificationCenter : public QObject {
    Q_OBJECT

private slots:
    void fillsWithinTheWindowBecomeOneMessage() {
        ManualClock clock;
        NotificationCenter center(clock);
        center.setGroupWindowMs(100);
        QSignalSpy notify(&center, &NotificationCenter::notify);
        QSignalSpy posted(&center, &NotificationCenter::posted);
        center.onFill(fill("KRW-BTC", Side::Buy, "0.01", "50000000", "1"), QStringLiteral("grid"));
        center.onFill(fill("KRW-BTC", Side::Buy, "0.02", "50000100", "2"), QStringLiteral("grid"));
        center.onFill(fill("KRW-BTC", Side::Sell, "0.005", "50000200", "3"), QStringLiteral("grid"));
        center.onFill(fill("KRW-BTC", Side::Buy, "0.01", "50000000", "4"), {});
        center.onFill(fill("KRW-BTC", Side::Buy, "0.01", "50000000", "5"), {});
        QCOMPARE(notify.count(), 0); // nothing before the window closes
        QTRY_COMPARE_WITH_TIMEOUT(notify.count(), 1, 5000);
        const Sent s = sent(notify).at(0);
        QCOMPARE(s.title, QStringLiteral("5 fills on KRW-BTC"));
        QCOMPARE(s.body, QStringLiteral("bought 0.05, sold 0.005"));
        QCOMPARE(s.kind, NotificationKind::Fill);
        QCOMPARE(posted.at(0).at(0).value<Notification>().count, 5);
        QCOMPARE(posted.at(0).at(0).value<Notification>().timeMs, clock.nowMs());
    }

    void aSingleFillSaysWhatHappened() {
        ManualClock clock;
        NotificationCenter center(clock);
        QSignalSpy notify(&center, &NotificationCenter::notify);
        center.onFill(fill("KRW-ETH", Side::Sell, "1.5", "4000000", "1"), QStringLiteral("rsi"));
        center.flushGroups();
        QCOMPARE(notify.count(), 1);
        QCOMPARE(sent(notify).at(0).title, QStringLiteral("Sold 1.5 KRW-ETH"));
        QCOMPARE(sent(notify).at(0).body, QStringLiteral("1.5 at 4000000 on upbit (bot rsi)"));
    }

    void floodsOverManyMarketsBecomeOneMessage() {
        ManualClock clock;
        NotificationCenter center(clock);
        QSignalSpy notify(&center, &NotificationCenter::notify);
        for (int i = 0; i < 40; ++i)
            center.onFill(
                fill(QStringLiteral("KRW-C%1").arg(i % 8), Side::Buy, "1", "100", QString::number(i)), {});
        center.flushGroups();
        QCOMPARE(notify.count(), 1);
        QCOMPARE(sent(notify).at(0).title, QStringLiteral("40 fills on 8 markets"));
        QVERIFY(sent(notify).at(0).body.contains(QStringLiteral("and 3 more")));

        // Up to three markets: one message each.
        for (int i = 0; i < 6; ++i)
            center.onFill(
                fill(QStringLiteral("KRW-C%1").arg(i % 2), Side::Buy, "1", "100", QString::number(i)), {});
        center.flushGroups();
        QCOMPARE(notify.count(), 3);
        QCOMPARE(sent(notify).at(1).title, QStringLiteral("3 fills on KRW-C0"));
        QCOMPARE(sent(notify).at(2).title, QStringLiteral("3 fills on KRW-C1"));
    }

    void rejectionsAreToldOnceAndGrouped() {
        ManualClock clock;
        NotificationCenter center(clock);
        QSignalSpy notify(&center, &NotificationCenter::notify);
        center.onOrderChanged(rejected("c1", QStringLiteral("insufficient funds")));
        center.onOrderChanged(rejected("c1", QStringLiteral("insufficient funds"))); // same order again
        ManagedOrder open = rejected("c2", {});
        open.state = JournalState::Open;
        center.onOrderChanged(open); // not a rejection
        center.flushGroups();
        QCOMPARE(notify.count(), 1);
        QCOMPARE(sent(notify).at(0).kind, NotificationKind::OrderRejected);
        QCOMPARE(sent(notify).at(0).title, QStringLiteral("Order rejected on upbit"));
        QVERIFY(sent(notify).at(0).body.contains(QStringLiteral("insufficient funds")));

        for (int i = 0; i < 4; ++i)
            center.onOrderChanged(rejected(QStringLiteral("r%1").arg(i), QStringLiteral("too small")));
        center.flushGroups();
        QCOMPARE(notify.count(), 2);
        QCOMPARE(sent(notify).at(1).title, QStringLiteral("4 orders rejected on KRW-BTC"));
    }

    void kindsCanBeSwitchedOffAndPersist() {
        ManualClock clock;
        QTemporaryDir dir;
        QSettings settings(dir.filePath("settings.ini"), QSettings::IniFormat);
        {
            NotificationCenter center(clock);
            center.setEnabled(NotificationKind::Fill, false);
            center.saveSettings(settings);
        }
        NotificationCenter center(clock);
        center.loadSettings(settings);
        QVERIFY(!center.isEnabled(NotificationKind::Fill));
        QVERIFY(center.isEnabled(NotificationKind::OrderRejected));
        QSignalSpy notify(&center, &NotificationCenter::notify);
        center.onFill(fill("KRW-BTC", Side::Buy, "1", "1", "1"), {});
        center.flushGroups();
        QCOMPARE(notify.count(), 0);
        center.setEnabled(NotificationKind::RiskHalt, false);
        center.onBotHalted(QStringLiteral("grid"), QStringLiteral("daily loss"));
        center.onRiskRefused(QStringLiteral("grid"), QStringLiteral("upbit"), QStringLiteral("KRW-BTC"),
                             QStringLiteral("max position"));
        center.flushGroups();
        QCOMPARE(notify.count(), 0);
        center.setEnabled(NotificationKind::RiskHalt, true);
        center.onBotHalted(QStringLiteral("grid"), QStringLiteral("daily loss"));
        QCOMPARE(notify.count(), 1);
        QCOMPARE(sent(notify).at(0).title, QStringLiteral("Bot grid halted"));
    }

    void emergencyStopAndHaltsLeaveAtOnce() {
        ManualClock clock;
        NotificationCenter center(clock);
        QSignalSpy notify(&center, &NotificationCenter::notify);
        center.onHaltedChanged(true, QStringLiteral("Emergency stop by the user"));
        QCOMPARE(notify.count(), 1);
        QCOMPARE(sent(notify).at(0).kind, NotificationKind::EmergencyStop);
        center.onHaltedChanged(false, {});
        QCOMPARE(notify.count(), 1);
        EmergencyStopReport report;
        report.append(EmergencyStopVenueReport{QStringLiteral("upbit"), 3, 3, {}, {}});
        report.append(EmergencyStopVenueReport{QStringLiteral("bithumb"), 2, 1, {QStringLiteral("x1")}, {}});
        center.onEmergencyStopFinished(report);
        QCOMPARE(notify.count(), 2);
        QCOMPARE(sent(notify).at(1).title, QStringLiteral("Emergency stop finished"));
        QCOMPARE(sent(notify).at(1).body,
                 QStringLiteral("4 of 5 cancel(s) confirmed. 1 order(s) still open."));
    }

    void disconnectIsToldOnlyAfterThirtySeconds() {
        ManualClock clock;
        DisconnectWatch watch(clock);
        NotificationCenter center(clock);
        center.followDisconnects(&watch);
        QSignalSpy down(&watch, &DisconnectWatch::disconnected);
        QSignalSpy up(&watch, &DisconnectWatch::reconnected);
        QSignalSpy notify(&center, &NotificationCenter::notify);

        // Never connected yet: not news.
        watch.setState(QStringLiteral("upbit"), ConnectionState::Connecting);
        clock.advanceMs(60'000);
        watch.check();
        QCOMPARE(down.count(), 0);

        watch.setState(QStringLiteral("upbit"), ConnectionState::Connected);
        // A short drop healed within the grace period: nothing at all.
        watch.setState(QStringLiteral("upbit"), ConnectionState::Reconnecting);
        clock.advanceMs(29'000);
        watch.check();
        watch.setState(QStringLiteral("upbit"), ConnectionState::Connected);
        clock.advanceMs(60'000);
        watch.check();
        QCOMPARE(down.count(), 0);
        QCOMPARE(up.count(), 0);

        // A long one: told once after 30 s, and told when it is back.
        const qint64 since = clock.nowMs();
        watch.setState(QStringLiteral("upbit"), ConnectionState::Disconnected);
        clock.advanceMs(10'000);
        watch.setState(QStringLiteral("upbit"), ConnectionState::Reconnecting); // still down, same outage
        clock.advanceMs(19'999);
        watch.check();
        QCOMPARE(down.count(), 0);
        clock.advanceMs(1);
        watch.check();
        QCOMPARE(down.count(), 1);
        QCOMPARE(down.at(0).at(0).toString(), QStringLiteral("upbit"));
        QCOMPARE(down.at(0).at(1).toLongLong(), since);
        QVERIFY(watch.isAnnouncedDown(QStringLiteral("upbit")));
        clock.advanceMs(60'000);
        watch.check();
        QCOMPARE(down.count(), 1);
        watch.setState(QStringLiteral("upbit"), ConnectionState::Connected);
        QCOMPARE(up.count(), 1);
        QCOMPARE(up.at(0).at(1).toLongLong(), qint64(90'000));

        QCOMPARE(notify.count(), 2);
        QCOMPARE(sent(notify).at(0).kind, NotificationKind::VenueDisconnected);
        QCOMPARE(sent(notify).at(0).title, QStringLiteral("upbit disconnected"));
        QCOMPARE(sent(notify).at(1).kind, NotificationKind::VenueReconnected);
        QCOMPARE(sent(notify).at(1).body, QStringLiteral("Back after 90 s."));
    }

    void disconnectWatchTimerChecksByItself() {
        ManualClock clock;
        DisconnectWatch watch(clock);
        watch.setCheckIntervalMs(10);
        QSignalSpy down(&watch, &DisconnectWatch::disconnected);
        watch.setState(QStringLiteral("bithumb"), ConnectionState::Connected);
        watch.setState(QStringLiteral("bithumb"), ConnectionState::Disconnected);
        clock.advanceMs(31'000);
        QTRY_COMPARE_WITH_TIMEOUT(down.count(), 1, 5000);
    }

    void watchesAConnector() {
        ManualClock clock;
        DisconnectWatch watch(clock);
        test::FakeConnector fake;
        fake.venue = QStringLiteral("bithumb");
        watch.watch(&fake); // connected now
        QSignalSpy down(&watch, &DisconnectWatch::disconnected);
        QSignalSpy up(&watch, &DisconnectWatch::reconnected);
        emit fake.connectionStateChanged(ConnectionState::Reconnecting);
        clock.advanceMs(DisconnectWatch::kDefaultGraceMs);
        watch.check();
        QCOMPARE(down.count(), 1);
        emit fake.connectionStateChanged(ConnectionState::Connected);
        QCOMPARE(up.count(), 1);
        QCOMPARE(up.at(0).at(0).toString(), QStringLiteral("bithumb"));
    }

    void firedPriceAlertsBecomeMessages() {
        ManualClock clock;
        PriceAlertBook book(clock);
        NotificationCenter center(clock);
        center.followAlerts(&book);
        QSignalSpy notify(&center, &NotificationCenter::notify);
        PriceAlert a;
        a.venue = QStringLiteral("upbit");
        a.market = QStringLiteral("KRW-BTC");
        a.kind = PriceAlertKind::Above;
        a.threshold = Decimal(100);
        QVERIFY(book.add(a) > 0);
        book.evaluate(QStringLiteral("upbit"), QStringLiteral("KRW-BTC"), Decimal(101));
        QCOMPARE(notify.count(), 1);
        QCOMPARE(sent(notify).at(0).kind, NotificationKind::PriceAlert);
        QCOMPARE(sent(notify).at(0).title, QStringLiteral("Price alert: KRW-BTC"));
        QVERIFY(sent(notify).at(0).body.contains(QStringLiteral("101")));
    }
};

QTEST_GUILESS_MAIN(TestNotificationCenter)
#include "tst_notification_center.moc"
